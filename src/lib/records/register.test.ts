import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../approval/types.ts';
import { toCsv } from './csv.ts';
import { recordMergedPull, type ApprovalRecord } from './record.ts';
import { makeFile } from '../../../test/approval/github-fixtures.ts';
import type { FollowUpRecord } from './follow-up.ts';
import { indexRecordsByFolder, itemHistory, registerRows, stagesForItem, summarizeCompliance, type ItemHistoryEntry } from './register.ts';
import { renderRegisterCsv, renderRegisterText, REGISTER_COLUMNS } from './render.ts';
import { mergedSnapshot, NEWS, testConfig } from './testing.ts';

const DAY = '2025-03-10';

/** A merged PR whose Kasubbag approves `kasubbagAfter` and Ketua Divisi `ketuaAfter` minutes later. */
function merged(number: number, kasubbagAfter: number, ketuaAfter: number | null, files = [NEWS]): ApprovalRecord {
  const at = (minutes: number) => new Date(Date.parse(`${DAY}T08:00:00+07:00`) + minutes * 60_000).toISOString();
  const reviews = [{ login: 'kasubbag-a', state: 'APPROVED', at: at(kasubbagAfter) }];
  if (ketuaAfter !== null) reviews.push({ login: 'ketua-divisi', state: 'APPROVED', at: at(kasubbagAfter + ketuaAfter) });
  const snapshot = mergedSnapshot({ number, author: 'penulis', opened: `${DAY}T08:00:00+07:00`, merged: at(300), files, reviews });
  const result = recordMergedPull({ config: testConfig(), snapshot: SnapshotSchema.parse(snapshot), titles: new Map([['content/berita/rapat-pleno', 'Rapat Pleno']]), source: 'uji' });
  if (!result.ok || !result.value) throw new Error('no record');
  return result.value;
}

describe('summarizeCompliance', () => {
  it('counts stages within their standard, late, and not passed at the merge, once per PR', () => {
    const records = [
      merged(1, 30, 20), // both within (60 and 30 minutes)
      merged(2, 90, 20, [NEWS, 'content/berita/lain/index.md']), // Kasubbag late; two items, stages counted once
      merged(3, 30, null), // Ketua Divisi never approved: merged without approval
    ];
    const summary = summarizeCompliance(records);
    expect(summary).toMatchObject({
      pulls: 3,
      items: 2,
      merged_without_approval: [3],
      stages: { count: 6, measured: 5, within_standard: 4, overdue: 1, tentative: 0, not_passed: 1 },
      within_standard_percent: 80,
    });
    expect(summary.by_stage).toEqual([
      { flow: 'publikasi', stage: 'verifikasi', name: 'Verifikasi Kasubbag', count: 3, measured: 3, within_standard: 2, overdue: 1, tentative: 0, not_passed: 0, average_minutes: 50 },
      { flow: 'publikasi', stage: 'pemeriksaan', name: 'Pemeriksaan Pimpinan', count: 3, measured: 2, within_standard: 2, overdue: 0, tentative: 0, not_passed: 1, average_minutes: 20 },
    ]);
  });

  it('has no percentage when no stage has a time standard', () => {
    expect(summarizeCompliance([]).within_standard_percent).toBeNull();
  });
});

describe('registerRows', () => {
  it('gives one row per item and stage, naming the official, or the roles while nobody approved', () => {
    const rows = registerRows([merged(3, 30, null)], testConfig());
    expect(rows.map((row) => [row.item, row.stage, row.role, row.approver, row.approver_name, row.approver_position, row.approver_nip, row.passed, row.overdue])).toEqual([
      ['content/berita/rapat-pleno', 'verifikasi', 'Kasubbag Teknis', 'kasubbag-a', 'Dewi Lestari, S.H.', 'Kepala Subbagian Teknis', '19850317 201001 2 015', true, false],
      // Still open at the merge, and already past its 30 minutes.
      ['content/berita/rapat-pleno', 'pemeriksaan', 'Ketua Divisi / Sekretaris', null, null, null, null, false, true],
    ]);
    expect(rows[0]!.author_name).toBe('staf Kantor Uji');
  });
});

describe('itemHistory', () => {
  it('lists the PRs that touched an item, with only the stages of its flows', () => {
    const index = indexRecordsByFolder([merged(1, 30, 20), merged(2, 30, 20, ['content/berita/lain/index.md'])]);
    expect(itemHistory(index, 'content/berita/rapat-pleno').map((entry) => [entry.record.pr, entry.stages.length])).toEqual([[1, 2]]);
    expect(itemHistory(index, 'content/berita/tidak-ada')).toEqual([]);
  });

  it('indexed once, gives every folder the history a scan of every record gives', () => {
    // The item's folder renamed: the old folder is taken down, the new one appears, in one PR.
    const renamed = SnapshotSchema.parse(mergedSnapshot({ number: 4, author: 'penulis', opened: `${DAY}T08:00:00+07:00`, merged: `${DAY}T13:00:00+07:00`, files: [] }));
    renamed.files = [makeFile('content/berita/rapat-pleno-2025/index.md', 'renamed', NEWS), makeFile('src/styles/global.css', 'modified')] as typeof renamed.files;
    const record = recordMergedPull({ config: testConfig(), snapshot: renamed, titles: new Map(), source: 'uji' });
    if (!record.ok || !record.value) throw new Error('no record');
    const records = [
      merged(1, 30, 20),
      merged(2, 90, 20, [NEWS, 'content/berita/lain/index.md', 'content/pengumuman/libur/lampiran.pdf']),
      merged(3, 30, null, ['content/berita/lain/index.md']),
      record.value,
      merged(5, 30, 20, ['content/berita/rapat-pleno-2025/index.md', 'content/berita/lain/index.md']),
    ];
    const followUps: FollowUpRecord[] = [{ pr: 2, follows: '2.json', reviewed_at: `${DAY}T15:00:00+07:00`, flows: [{ flow: 'publikasi', state: 'approved', reviewed_at: `${DAY}T15:00:00+07:00`, review_due: '2025-03-11T01:00:00.000Z', late: false }], stages: [] }];
    // The scan every item page used to run over every record.
    const scanned = (folder: string): ItemHistoryEntry[] =>
      records.flatMap((entry) => {
        const item = entry.items.find((candidate) => candidate.folder === folder);
        const followUp = followUps.find((candidate) => candidate.pr === entry.pr);
        return item ? [{ record: entry, item, stages: stagesForItem(entry, item), ...(followUp ? { followUp } : {}) }] : [];
      });
    const index = indexRecordsByFolder(records, followUps);
    const folders = ['content/berita/rapat-pleno', 'content/berita/rapat-pleno-2025', 'content/berita/lain', 'content/pengumuman/libur'];
    expect([...index.keys()].sort()).toEqual([...folders].sort());
    for (const folder of folders) expect(itemHistory(index, folder)).toEqual(scanned(folder));
    expect(itemHistory(index, 'content/berita/rapat-pleno').map((entry) => [entry.record.pr, entry.item.change, entry.followUp?.pr])).toEqual([
      [1, 'added', undefined],
      [2, 'added', 2],
      [4, 'removed', undefined],
    ]);
    expect(itemHistory(index, 'content/berita/rapat-pleno-2025').map((entry) => [entry.record.pr, entry.item.change])).toEqual([
      [4, 'added'],
      [5, 'added'],
    ]);
  });
});

describe('register CSV', () => {
  it('has the register columns, officials by name, position and NIP, and times in the office zone', () => {
    const [header, first, second] = renderRegisterCsv([merged(1, 30, 20)], testConfig()).split('\r\n');
    expect(header).toBe(REGISTER_COLUMNS.join(','));
    expect(first).toBe(
      'content/berita/rapat-pleno,berita,Rapat Pleno,terbit pertama,staf Kantor Uji,1,https://github.com/kantor/situs/pull/1,2025-03-10T13:00:00+07:00,' +
        'publikasi,Verifikasi Kasubbag,Kasubbag Teknis,"Dewi Lestari, S.H.",Kepala Subbagian Teknis,19850317 201001 2 015,tidak,2025-03-10T08:30:00+07:00,30,60,1 jam,tidak,ya,tidak,,',
    );
    // A login the config names nobody for: the role, never the login.
    expect(second).toContain(',Pemeriksaan Pimpinan,Ketua Divisi,Ketua Divisi,,,tidak,');
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(toCsv([['Rapat, "pleno"', 'baris\nkedua', '=HYPERLINK("x")', '-1+1', '@SUM(A1)', 42, null, 'biasa']])).toBe(
      `"Rapat, ""pleno""","baris\nkedua","'=HYPERLINK(""x"")",'-1+1,'@SUM(A1),42,,biasa\r\n`,
    );
  });
});

describe('register text', () => {
  it('marks a PR merged without every approval and ends with the compliance summary', () => {
    const text = renderRegisterText([merged(3, 90, null)], testConfig());
    expect(text).toContain('PR #3 "Berita: Musrenbang kecamatan 2025" oleh staf Kantor Uji, digabung Senin, 10 Maret 2025, 13.00 WIB — DIGABUNG TANPA PERSETUJUAN LENGKAP');
    expect(text).toContain('- Verifikasi Kasubbag: Dewi Lestari, S.H. (Kepala Subbagian Teknis), sebagai Kasubbag Teknis, Senin, 10 Maret 2025, 09.30 WIB — 1 jam 30 menit waktu kerja, mutu baku 1 jam, TERLAMBAT');
    expect(text).toContain('Dengan mutu baku: 0 dari 1 tepat waktu (0%), 1 terlambat.');
    expect(text).toContain('Digabung tanpa persetujuan lengkap: PR #3.');
  });

  it('names the official who published through the serta-merta lane, and when the normal review is due', () => {
    const config = testConfig();
    config.alur[0]!.serta_merta = { peran: ['kepala'], tinjauan_susulan: { workingDays: 1 } };
    const snapshot = mergedSnapshot({ number: 5, author: 'penulis', opened: `${DAY}T08:00:00+07:00`, merged: `${DAY}T08:30:00+07:00`, files: [NEWS], reviews: [{ login: 'kepala', state: 'APPROVED', at: `${DAY}T08:20:00+07:00` }] });
    Object.assign(snapshot.pull as object, { labels: [{ name: 'serta-merta' }] });
    const result = recordMergedPull({ config, snapshot: SnapshotSchema.parse(snapshot), titles: new Map(), source: 'uji' });
    if (!result.ok || !result.value) throw new Error('no record');
    const text = renderRegisterText([result.value], config);
    expect(text).toContain('- Jalur serta-merta: Kepala Kantor, Senin, 10 Maret 2025, 08.20 WIB; tinjauan biasa menyusul paling lambat Selasa, 11 Maret 2025, 08.20 WIB');
    expect(text).toContain('- Verifikasi Kasubbag: belum disetujui saat digabung');
  });
});
