import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateApproval } from '../../src/lib/approval/evaluate.ts';
import { renderStatusDescription, renderVerdictComment, renderVerdictJson, renderVerdictText } from '../../src/lib/approval/render.ts';
import { SnapshotSchema, type Verdict } from '../../src/lib/approval/types.ts';
import { parseConfig } from '../../src/lib/config/load.ts';
import type { Config } from '../../src/lib/config/schema.ts';
import { addWorkingMinutes } from '../../src/lib/config/working-time.ts';
import { ApprovalRecordSchema, recordMergedPull } from '../../src/lib/records/record.ts';
import { labelsFor, reviewersToRequest, statusFor } from '../../src/lib/github/approval.ts';
import { makeSnapshot } from './github-fixtures.ts';

// A kecamatan like Jenawi: PPID Pelaksana verifies; the Camat may publish serta-merta information
// at once; the PPID's review must follow within one working day. System changes have no lane.
const LANE = `
    serta_merta: { peran: camat, tinjauan_susulan: 1 hari }`;

function configText(lane = LANE): string {
  return `
kantor: { nama: Kecamatan Uji, induk: Pemerintah Kabupaten Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 1/2025, nama: SOP Uji, tanggal_efektif: 2025-01-01, disahkan_oleh: Camat Uji }
jam_kerja: { hari: [senin, selasa, rabu, kamis, jumat], mulai: "08:00", selesai: "16:00", libur: [2025-03-11] }
peran:
  ppid: { nama: PPID Pelaksana, anggota: [ppid-a] }
  camat:
    nama: Camat
    anggota: [camat]
    pengganti: [{ akun: plh-camat, sampai: 2025-03-09 }]
  sekcam: { nama: Sekretaris Camat, anggota: [sekcam] }
alur:
  - id: publikasi
    nama: Publikasi informasi publik
    jenis: [berita, pengumuman]${lane}
    tahap: [{ id: verifikasi, nama: Verifikasi PPID, peran: ppid, mutu_baku: 1 jam }]
  - id: sistem
    nama: Perubahan sistem
    berkas: [tayang.config.yml, "src/**"]
    tahap: [{ id: sistem, nama: Persetujuan Sekcam, peran: sekcam }]
`;
}

function config(text = configText()): Config {
  const result = parseConfig(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const NEWS = 'content/berita/banjir-desa-uji/index.md';
const HEAD = 'head0000000000000000000000000000000000000';
const OLD = 'old00000000000000000000000000000000000000';
// Monday 10 March 2025, 08:00 WIB; Tuesday 11 March is a holiday in this config.
const OPENED = '2025-03-10T08:00:00+07:00';
const NOW = new Date('2025-03-10T11:00:00+07:00');
const at = (time: string) => `2025-03-10T${time}:00+07:00`;

type SnapshotOptions = Parameters<typeof makeSnapshot>[0];

function evaluate(options: Partial<SnapshotOptions> & { labels?: string[] } = {}, cfg = config()): Verdict {
  const { labels = ['serta-merta'], ...rest } = options;
  const input = makeSnapshot({ author: 'admin-web', opened: OPENED, files: [NEWS], ...rest });
  const snapshot = SnapshotSchema.parse({ ...input, pull: { ...input.pull, labels: labels.map((name, id) => ({ id, name, color: 'd93f0b' })) } });
  return evaluateApproval(cfg, snapshot, NOW);
}

const camatApproves = [{ login: 'camat', state: 'APPROVED', at: at('10:00') }];

describe('serta-merta fast lane', () => {
  it('approves through the lane when the Camat approves the head commit of a labelled PR', () => {
    const verdict = evaluate({ reviews: camatApproves });
    expect(verdict.state).toBe('approved');
    // The normal stage keeps its real state: the PPID's review still has to follow.
    expect(verdict.stages.map((s) => [s.id, s.state, s.approvers])).toEqual([['verifikasi', 'pending', []]]);
    // One working day (8 h) after Monday 10:00, skipping the Tuesday holiday: Wednesday 10:00 WIB.
    expect(verdict.fast_lane).toEqual([
      { flow: 'publikasi', approver: 'camat', role: 'Camat', at: '2025-03-10T10:00:00+07:00', review_due: '2025-03-12T03:00:00.000Z' },
    ]);
    expect(verdict.messages).toContain(
      'Disetujui lewat jalur serta-merta oleh camat (Camat); tinjauan biasa wajib selesai paling lambat Rabu, 12 Maret 2025, 10.00 WIB. ' +
        'PR ini boleh digabungkan (merge) dan ditayangkan sekarang; tahap-tahap di atas tetap menyetujui sesudahnya.',
    );
    expect(verdict.messages).not.toContain('Semua tahap sudah disetujui: PR ini boleh digabungkan (merge) dan ditayangkan.');
    expect(verdict.messages.join(' ')).not.toContain('tidak dihitung');
    expect(renderVerdictJson(verdict)).toMatchObject({
      state: 'approved',
      fast_lane: [{ flow: 'publikasi', approver: 'camat', at: '2025-03-10T10:00:00+07:00', review_due: '2025-03-12T03:00:00.000Z' }],
    });
  });

  it('sets the GitHub status to success with its own words, and still asks the normal stage to review', () => {
    const verdict = evaluate({ reviews: camatApproves });
    expect(statusFor(verdict)).toEqual({ state: 'success', description: 'Disetujui lewat jalur serta-merta' });
    expect(renderStatusDescription(verdict)).toBe('Disetujui lewat jalur serta-merta');
    expect(labelsFor(verdict)).toEqual(['disetujui']);
    expect(reviewersToRequest(verdict, [])).toEqual(['ppid-a']);
    expect(renderVerdictComment(verdict)).toContain('### Persetujuan SOP: disetujui lewat jalur serta-merta');
    expect(renderVerdictText(verdict).split('\n')[0]).toBe('Persetujuan PR #7: DISETUJUI (JALUR SERTA-MERTA)');
  });

  it('ignores the label when no governing flow has a lane, and says so', () => {
    const verdict = evaluate({ reviews: camatApproves }, config(configText('')));
    expect(verdict.state).toBe('pending');
    expect(verdict.fast_lane).toBeUndefined();
    expect(renderVerdictJson(verdict)).not.toHaveProperty('fast_lane');
    expect(verdict.messages).toContain(
      'Alur "Publikasi informasi publik" tidak punya jalur serta-merta di tayang.config.yml: tahap-tahapnya tetap harus disetujui seperti biasa.',
    );
  });

  it('changes nothing for a PR without the label, even when the flow has a lane', () => {
    const withLane = evaluate({ reviews: camatApproves, labels: ['dokumentasi'] });
    const withoutLane = evaluate({ reviews: camatApproves, labels: ['dokumentasi'] }, config(configText('')));
    expect(withLane.state).toBe('pending');
    expect(renderVerdictJson(withLane)).toEqual(renderVerdictJson(withoutLane));
    expect(Object.keys(renderVerdictJson(withLane))).toEqual(['state', 'flows', 'stages', 'messages']);
    expect(withLane.messages).toContain('Persetujuan camat tidak dihitung: bukan anggota peran tahap mana pun yang diperlukan PR ini.');
  });

  it('stays pending when someone outside the lane role approves', () => {
    const verdict = evaluate({ reviews: [{ login: 'sekcam', state: 'APPROVED', at: at('10:00') }] });
    expect(verdict.state).toBe('pending');
    expect(verdict.fast_lane).toBeUndefined();
    expect(verdict.messages).toContain(
      'Jalur serta-merta alur "Publikasi informasi publik": menunggu persetujuan Camat pada commit terbaru; atau tahap biasa di atas disetujui seperti biasa.',
    );
  });

  it('does not let a Camat who authored a commit publish through the lane', () => {
    const verdict = evaluate({ commits: [{ sha: HEAD, author: 'camat' }], reviews: camatApproves });
    expect(verdict.state).toBe('pending');
    expect(verdict.messages.join(' ')).toContain('Diabaikan: persetujuan camat, karena ia ikut menulis PR ini.');
  });

  it('still requires the stages of a governing flow without a lane (system changes)', () => {
    const files = [NEWS, 'src/pages/index.astro'];
    const laneOnly = evaluate({ files, reviews: camatApproves });
    expect(laneOnly.state).toBe('pending');
    expect(laneOnly.messages).toContain('Alur "Perubahan sistem" tidak punya jalur serta-merta di tayang.config.yml: tahap-tahapnya tetap harus disetujui seperti biasa.');

    const both = evaluate({ files, reviews: [...camatApproves, { login: 'sekcam', state: 'APPROVED', at: at('10:30') }] });
    expect(both.state).toBe('approved');
    expect(both.stages.map((s) => [s.flow, s.state])).toEqual([
      ['publikasi', 'pending'],
      ['sistem', 'approved'],
    ]);
    expect(both.fast_lane?.map((lane) => lane.flow)).toEqual(['publikasi']);
  });

  it('does not count a lane approval given before a new push', () => {
    const verdict = evaluate({ commits: [{ sha: OLD }, { sha: HEAD }], reviews: [{ ...camatApproves[0]!, on: OLD }] });
    expect(verdict.state).toBe('pending');
    expect(verdict.messages.join(' ')).toContain('persetujuan camat pada commit lama (setelah ada commit baru, jalur serta-merta perlu disetujui lagi)');
  });

  it('counts a stand-in only within their mandate', () => {
    const verdict = evaluate({ reviews: [{ login: 'plh-camat', state: 'APPROVED', at: at('10:00') }] });
    expect(verdict.state).toBe('pending');
    expect(verdict.messages.join(' ')).toContain('persetujuan plh-camat, karena masa tugasnya sebagai pengganti sudah berakhir');
  });

  it('keeps a draft pending and a standing request for changes returned', () => {
    expect(evaluate({ reviews: camatApproves, draft: true }).state).toBe('pending');
    const returned = evaluate({ reviews: [...camatApproves, { login: 'ppid-a', state: 'CHANGES_REQUESTED', at: at('10:30'), body: 'Sumber belum jelas.' }] });
    expect(returned.state).toBe('changes_requested');
    expect(returned.fast_lane).toBeUndefined();
  });

  it('is an ordinary approval once the normal stages have approved too', () => {
    const verdict = evaluate({ reviews: [...camatApproves, { login: 'ppid-a', state: 'APPROVED', at: at('10:30') }] });
    expect(verdict.state).toBe('approved');
    expect(verdict.fast_lane).toBeUndefined();
    expect(verdict.messages).toEqual(['Semua tahap sudah disetujui: PR ini boleh digabungkan (merge) dan ditayangkan.']);
  });
});

describe('serta_merta in tayang.config.yml', () => {
  it('refuses a lane role that does not exist, naming the line', () => {
    const result = parseConfig(configText(`\n    serta_merta: { peran: bupati, tinjauan_susulan: 1 hari }`), 'tayang.config.yml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'tayang.config.yml', line: 16, message: expect.stringContaining('peran "bupati" tidak ada di bagian `peran`') }),
    ]);
  });

  it('refuses a follow-up review without a time limit', () => {
    const result = parseConfig(configText(`\n    serta_merta: { peran: camat, tinjauan_susulan: tentatif }`), 'tayang.config.yml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toContain('tinjauan susulan jalur serta-merta harus punya batas waktu');
  });
});

describe('addWorkingMinutes (the follow-up review deadline)', () => {
  it('counts only working hours, across a weekend and a holiday', () => {
    const hours = config().jam_kerja;
    // Friday 7 March 15:00 + 8 working hours: 1 h on Friday, Monday 10 March whole day → Monday 15:00.
    expect(addWorkingMinutes(hours, 'Asia/Jakarta', new Date('2025-03-07T15:00:00+07:00'), 480).toISOString()).toBe('2025-03-10T08:00:00.000Z');
    // Monday 15:00 + 2 h: 1 h on Monday, Tuesday is a holiday → Wednesday 09:00.
    expect(addWorkingMinutes(hours, 'Asia/Jakarta', new Date('2025-03-10T15:00:00+07:00'), 120).toISOString()).toBe('2025-03-12T02:00:00.000Z');
    // Saturday evening + 30 min → Monday 08:30.
    expect(addWorkingMinutes(hours, 'Asia/Jakarta', new Date('2025-03-08T19:00:00+07:00'), 30).toISOString()).toBe('2025-03-10T01:30:00.000Z');
  });
});

describe('serta-merta in the presets', () => {
  const preset = (name: string) => config(readFileSync(new URL(`../../presets/${name}.yml`, import.meta.url), 'utf8'));

  it('Jenawi: the Camat publishes at once; the PPID Pelaksana verifies afterwards', () => {
    const verdict = evaluate({ reviews: [{ login: 'hartono-camat-jenawi', state: 'APPROVED', at: at('10:00') }] }, preset('kecamatan-jenawi'));
    expect(verdict.state).toBe('approved');
    expect(verdict.stages.map((s) => [s.id, s.state])).toEqual([['verifikasi', 'pending']]);
    expect(verdict.fast_lane?.[0]).toMatchObject({ flow: 'publikasi', approver: 'hartono-camat-jenawi', role: 'Camat Jenawi' });
  });

  it('KPU: the Ketua KPU publishes at once; both stages follow in order', () => {
    const verdict = evaluate({ reviews: [{ login: 'agung-ketua-kpuseribu', state: 'APPROVED', at: at('10:00') }] }, preset('kpu-kepulauan-seribu'));
    expect(verdict.state).toBe('approved');
    expect(verdict.stages.map((s) => [s.id, s.state])).toEqual([
      ['verifikasi-kasubbag', 'pending'],
      ['pemeriksaan-ketua-divisi', 'waiting'],
    ]);
  });

  it('Gerokgak has no lane: one of its three officials approves as usual', () => {
    const verdict = evaluate({ reviews: [{ login: 'nobody-else', state: 'APPROVED', at: at('10:00') }] }, preset('kecamatan-gerokgak'));
    expect(verdict.state).toBe('pending');
    expect(verdict.messages).toContain('Alur "Pemutakhiran website kecamatan" tidak punya jalur serta-merta di tayang.config.yml: tahap-tahapnya tetap harus disetujui seperti biasa.');
  });
});

describe('the approval record of a PR merged through the fast lane', () => {
  function recordOf(reviews: SnapshotOptions['reviews'], labels = ['serta-merta']) {
    const input = makeSnapshot({ author: 'admin-web', opened: OPENED, files: [NEWS], reviews });
    const pull = { ...input.pull, labels: labels.map((name) => ({ name })), title: 'Banjir', html_url: 'https://github.com/kantor/situs/pull/7', merged_at: at('10:30'), merged_by: { login: 'admin-web' }, merge_commit_sha: null };
    const result = recordMergedPull({ config: config(), snapshot: SnapshotSchema.parse({ ...input, pull }), titles: new Map(), source: 'pr.json' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value!;
  }

  it('keeps the lane approver and the follow-up deadline, with the normal stage still pending', () => {
    const record = recordOf(camatApproves);
    expect(record.state).toBe('approved');
    expect(record.stages.map((s) => [s.id, s.state])).toEqual([['verifikasi', 'pending']]);
    expect(record.fast_lane).toEqual([{ flow: 'publikasi', approver: 'camat', role: 'Camat', at: at('10:00'), review_due: '2025-03-12T03:00:00.000Z' }]);
    expect(ApprovalRecordSchema.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);
  });

  it('has no fast_lane key when the lane was not used', () => {
    expect(recordOf(camatApproves, [])).not.toHaveProperty('fast_lane');
  });
});
