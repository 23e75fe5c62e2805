import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../approval/types.ts';
import { changedItems, recordMergedPull, type ApprovalRecord } from './record.ts';
import { mergedSnapshot, NEWS, testConfig } from './testing.ts';
import type { SnapshotInput } from '../approval/types.ts';

// Monday 10 March 2025, office time (UTC+7).
const OPENED = '2025-03-10T08:00:00+07:00';

function record(input: SnapshotInput, titles = new Map<string, string>()): ApprovalRecord | null {
  const result = recordMergedPull({ config: testConfig(), snapshot: SnapshotSchema.parse(input), titles, source: 'pr.json' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('recordMergedPull', () => {
  it('records each stage with its official, role, time and working minutes against the standard', () => {
    const result = record(
      mergedSnapshot({
        author: 'penulis',
        opened: OPENED,
        merged: '2025-03-10T11:00:00+07:00',
        files: [NEWS, 'content/berita/rapat-pleno/foto.jpg'],
        reviews: [
          { login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T08:45:00+07:00' },
          { login: 'ketua-divisi', state: 'APPROVED', at: '2025-03-10T10:00:00+07:00' },
        ],
      }),
      new Map([['content/berita/rapat-pleno', 'Rapat Pleno Rekapitulasi']]),
    )!;
    expect(result).toMatchObject({
      pr: 7,
      author: 'penulis',
      merged_at: '2025-03-10T11:00:00+07:00',
      merged_by: 'admin-web',
      sop: { nomor: '7/SOP/2025', nama: 'SOP Publikasi Uji', config_commit: 'base0000000000000000000000000000000000000' },
      state: 'approved',
      items: [{ folder: 'content/berita/rapat-pleno', jenis: 'berita', slug: 'rapat-pleno', title: 'Rapat Pleno Rekapitulasi', change: 'added', flows: ['publikasi'] }],
    });
    expect(result.stages.map((s) => [s.id, s.approvals.map((a) => [a.login, a.role.name]), s.elapsed_minutes, s.standard_minutes, s.overdue])).toEqual([
      ['verifikasi', [['kasubbag-a', 'Kasubbag Teknis']], 45, 60, false],
      ['pemeriksaan', [['ketua-divisi', 'Ketua Divisi']], 75, 30, true],
    ]);
  });

  it('names the role a stand-in acted for and the letter appointing them', () => {
    const result = record(
      mergedSnapshot({
        author: 'penulis',
        opened: OPENED,
        merged: '2025-03-10T10:00:00+07:00',
        files: [NEWS],
        reviews: [
          { login: 'plh-kasubbag', state: 'APPROVED', at: '2025-03-10T08:30:00+07:00' },
          { login: 'sekretaris-b', state: 'APPROVED', at: '2025-03-10T09:00:00+07:00' },
        ],
        teams: { 'kantor/sekretariat': ['sekretaris-b'] },
      }),
    )!;
    expect(result.stages[0]!.approvals[0]).toEqual({
      login: 'plh-kasubbag',
      role: { id: 'kasubbag', name: 'Kasubbag Teknis' },
      submitted_at: '2025-03-10T08:30:00+07:00',
      stand_in: { until: '2025-03-31', basis: 'Surat Plh. Nomor 12/2025' },
    });
    // A stage any of two roles may approve says which one signed: here a team member.
    expect(result.stages[1]!.approvals[0]!.role).toEqual({ id: 'sekretaris', name: 'Sekretaris' });
  });

  it('judges the PR as it stood at the merge: a review given afterwards does not count', () => {
    const result = record(
      mergedSnapshot({
        author: 'penulis',
        opened: OPENED,
        merged: '2025-03-10T09:00:00+07:00',
        files: [NEWS],
        reviews: [
          { login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T08:30:00+07:00' },
          { login: 'ketua-divisi', state: 'APPROVED', at: '2025-03-10T09:30:00+07:00' },
        ],
      }),
    )!;
    // Merged without the second stage: recorded as such, never hidden.
    expect(result.state).toBe('pending');
    expect(result.stages[1]).toMatchObject({ state: 'pending', approvals: [], passed_at: null, elapsed_minutes: 30 });
  });

  it('gives the same record when run again later', () => {
    const input = mergedSnapshot({ author: 'penulis', opened: OPENED, merged: '2025-03-10T10:00:00+07:00', files: [NEWS], reviews: [{ login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T08:30:00+07:00' }] });
    expect(record(input)).toEqual(record(structuredClone(input)));
  });

  it('lists for each item only the flows that govern its own files', () => {
    const result = record(mergedSnapshot({ author: 'penulis', opened: OPENED, merged: '2025-03-10T10:00:00+07:00', files: [NEWS, 'src/pages/index.astro'] }))!;
    expect(result.items.map((item) => [item.folder, item.flows])).toEqual([['content/berita/rapat-pleno', ['publikasi']]]);
    expect(result.stages.map((stage) => stage.flow)).toEqual(['publikasi', 'publikasi', 'sistem']);
  });

  it('keeps with each item the findings it waived and the reasons, and leaves the field out when there are none', () => {
    const waived = { file: `${NEWS}`, line: 9, column: 12, rule: 'privacy/nik', severity: 'error' as const, message: 'NIK 3313… tidak boleh dipublikasikan.', suggestion: 'samarkan.', reason: 'Penerima wajib diumumkan.' };
    const snapshot = SnapshotSchema.parse(mergedSnapshot({ author: 'penulis', opened: OPENED, merged: '2025-03-10T10:00:00+07:00', files: [NEWS, 'content/berita/lain/index.md'] }));
    const result = recordMergedPull({ config: testConfig(), snapshot, titles: new Map(), waived: new Map([['content/berita/rapat-pleno', [waived]]]), source: 'pr.json' });
    if (!result.ok || result.value === null) throw new Error('no record');
    expect(result.value.items.map((item) => [item.folder, item.waived])).toEqual([
      ['content/berita/lain', undefined],
      ['content/berita/rapat-pleno', [{ file: NEWS, line: 9, rule: 'privacy/nik', severity: 'error', message: 'NIK 3313… tidak boleh dipublikasikan.', reason: 'Penerima wajib diumumkan.' }]],
    ]);
    expect(Object.keys(result.value.items[0]!)).not.toContain('waived');
  });

  it('records nothing for a PR that changes no content item', () => {
    expect(record(mergedSnapshot({ author: 'penulis', opened: OPENED, merged: '2025-03-10T10:00:00+07:00', files: ['src/pages/index.astro', 'content/README.md'] }))).toBeNull();
  });

  it('refuses a PR that is not merged, saying when to run it', () => {
    const open = mergedSnapshot({ author: 'penulis', opened: OPENED, merged: '2025-03-10T10:00:00+07:00', files: [NEWS] });
    delete (open.pull as { merged_at?: string }).merged_at;
    const result = recordMergedPull({ config: testConfig(), snapshot: SnapshotSchema.parse(open), titles: new Map(), source: 'pr.json' });
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ file: 'pr.json', field: 'pull.merged_at', message: expect.stringContaining('belum digabung') })] });
  });
});

describe('changedItems', () => {
  const file = (filename: string, status: string, previous_filename?: string) => ({ filename, status, ...(previous_filename ? { previous_filename } : {}) });

  it('tells a new item, a changed item and a removed one apart by their index.md', () => {
    expect(
      changedItems([
        file('content/berita/baru/index.md', 'added'),
        file('content/berita/lama/foto.jpg', 'added'),
        file('content/pengumuman/dicabut/index.md', 'removed'),
        file('content/pengumuman/dicabut/lampiran.pdf', 'removed'),
      ]),
    ).toEqual([
      { folder: 'content/berita/baru', jenis: 'berita', slug: 'baru', change: 'added' },
      { folder: 'content/berita/lama', jenis: 'berita', slug: 'lama', change: 'modified' },
      { folder: 'content/pengumuman/dicabut', jenis: 'pengumuman', slug: 'dicabut', change: 'removed' },
    ]);
  });

  it('counts a moved item as taken down at its old address and published at its new one', () => {
    expect(changedItems([file('content/berita/nama-baru/index.md', 'renamed', 'content/berita/nama-lama/index.md')]).map((i) => [i.slug, i.change])).toEqual([
      ['nama-baru', 'added'],
      ['nama-lama', 'removed'],
    ]);
  });

  it('ignores files outside item folders and unknown content types', () => {
    expect(changedItems([file('content/berita/index.md', 'added'), file('content/lainnya/x/index.md', 'added'), file('README.md', 'modified')])).toEqual([]);
  });
});
