import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tayang } from '../checks/site.ts';
import { useKpuGithub } from '../support/kpu-github.ts';

// Issue 12, item 3: a PR published through the serta-merta lane gets its follow-up review recorded
// when the normal stages review it after the merge, on time or late against review_due, in the same
// chain; `tayang laporan` lists every use of the lane and each overdue follow-up.
//
// The KPU office works 07:30–16:00 WIB (510 minutes a day), Monday to Friday. The Ketua KPU
// publishes at once on Friday 7 March 2025 at 14:00 WIB; one working day of follow-up is 120
// minutes on Friday and 390 on Monday from 07:30, so it is due on Monday 10 March, 14:00 WIB.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = (await readFile(join(ROOT, 'test/github/fixtures/kpu.config.yml'), 'utf8'))
  .replace('  ketua-divisi:\n', '  ketua:\n    nama: Ketua KPU\n    anggota: [ketua-kpu]\n  ketua-divisi:\n')
  .replace('    jenis: [berita]\n', '    jenis: [berita]\n    serta_merta: { peran: ketua, tinjauan_susulan: 1 hari }\n');
const wib = (day: number, time: string) => `2025-03-${String(day).padStart(2, '0')}T${time}:00+07:00`;

const kpu = useKpuGithub(CONFIG, 'tayang-susulan-', (dir) => writeFile(join(dir, 'tayang.config.yml'), CONFIG));

const env = () => ({ GITHUB_TOKEN: 'uji', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: kpu.server.url, GITHUB_EVENT_PATH: '' });
const catat = () => tayang(kpu.dir, ['catat'], env());
const laporan = (...args: string[]) => tayang(kpu.dir, ['laporan', ...args]);

/** A news PR labelled serta-merta, approved by the Ketua KPU on Friday 14:00 and merged at 14:10. */
async function laneNews(number: number) {
  const folder = `content/berita/banjir-${number}`;
  await mkdir(join(kpu.dir, folder), { recursive: true });
  await writeFile(join(kpu.dir, folder, 'index.md'), `---\njudul: Banjir rob nomor ${number}\n---\nIsi.\n`);
  kpu.server.addPull({
    number,
    author: 'penulis',
    title: `Banjir rob ${number}`,
    createdAt: wib(7, '13:00'),
    baseSha: 'base1',
    labels: ['serta-merta'],
    commits: [{ sha: `head${number}`, author: 'penulis', date: wib(7, '12:55') }],
    files: [{ filename: `${folder}/index.md`, status: 'added' }],
    merged: { at: wib(7, '14:10'), by: 'penulis', sha: `merge${number}` },
  });
  kpu.server.submitReview(number, { user: 'ketua-kpu', state: 'APPROVED', submittedAt: wib(7, '14:00') });
}

const recordText = (name: string) => readFile(join(kpu.dir, 'records/persetujuan', name), 'utf8');

describe('the serta-merta follow-up review', () => {
  it('is recorded once the stages review after the merge, on time or late, and the chain stays whole', async () => {
    await laneNews(50);
    await laneNews(51);
    const first = await catat();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('PR #50 terbit lewat jalur serta-merta: tinjauan susulan belum lengkap (batas Senin, 10 Maret 2025, 14.00 WIB).');
    const record50 = await recordText('50.json');
    expect(JSON.parse(record50).fast_lane).toEqual([{ flow: 'publikasi', approver: 'ketua-kpu', role: 'Ketua KPU', at: wib(7, '14:00'), review_due: '2025-03-10T07:00:00.000Z' }]);

    // Monday 14:30: neither has been reviewed; both are past their deadline.
    const waiting = await laporan('--sekarang', '2025-03-10T14:30:00+07:00');
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toContain('Jalur serta-merta\n  2 kali dipakai; 0 sudah ditinjau susulan, 2 terlambat atau lewat batas.');
    expect(waiting.stdout).toContain(
      '  - PR #50 "Banjir rob 50": diterbitkan atas persetujuan Ketua KPU, Jumat, 7 Maret 2025, 14.00 WIB; batas tinjauan susulan Senin, 10 Maret 2025, 14.00 WIB: belum ditinjau, LEWAT BATAS.',
    );
    expect(waiting.stdout).toContain('Tinjauan susulan lewat batas (per Senin, 10 Maret 2025, 14.30 WIB): PR #50 (batas Senin, 10 Maret 2025, 14.00 WIB), PR #51 (batas Senin, 10 Maret 2025, 14.00 WIB).');
    const early = await laporan('--sekarang', '2025-03-10T13:00:00+07:00', '--format', 'json');
    expect((JSON.parse(early.stdout) as { fast_lane: unknown[] }).fast_lane).toEqual([
      expect.objectContaining({ pr: 50, state: 'waiting', late: false, reviewed_at: null, review_due: '2025-03-10T07:00:00.000Z' }),
      expect.objectContaining({ pr: 51, state: 'waiting', late: false }),
    ]);

    // PR 50 is reviewed on Monday morning; PR 51's second stage only on Tuesday.
    kpu.server.submitReview(50, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: wib(10, '09:00') });
    kpu.server.submitReview(50, { user: 'ketua-x', state: 'APPROVED', submittedAt: wib(10, '10:00') });
    kpu.server.submitReview(51, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: wib(10, '13:00') });
    kpu.server.submitReview(51, { user: 'ketua-x', state: 'APPROVED', submittedAt: wib(11, '09:00') });
    const second = await catat();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Tinjauan susulan tercatat: records/persetujuan/50-susulan.json (PR #50, disetujui, tepat waktu, Senin, 10 Maret 2025, 10.00 WIB).');
    expect(second.stdout).toContain('Tinjauan susulan tercatat: records/persetujuan/51-susulan.json (PR #51, disetujui, TERLAMBAT, Selasa, 11 Maret 2025, 09.00 WIB).');
    expect((await readdir(join(kpu.dir, 'records/persetujuan'))).sort()).toEqual(['50-susulan.json', '50.json', '51-susulan.json', '51.json', 'rantai.txt']);
    // The record written at the merge is never touched; the follow-up is linked after it.
    expect(await recordText('50.json')).toBe(record50);
    const followUp = JSON.parse(await recordText('50-susulan.json'));
    expect(followUp).toMatchObject({ pr: 50, follows: '50.json', reviewed_at: wib(10, '10:00'), flows: [{ flow: 'publikasi', state: 'approved', late: false }], chain: { sequence: 3 } });
    expect(followUp.stages.map((stage: { id: string; approvals: { login: string }[] }) => [stage.id, stage.approvals.map((a) => a.login)])).toEqual([
      ['verifikasi', ['kasubbag-a']],
      ['persetujuan', ['ketua-x']],
    ]);

    const chain = await laporan('--periksa');
    expect(chain.code).toBe(0);
    expect(chain.stdout).toContain('Rantai catatan utuh: 4 catatan');

    const report = await laporan('--sekarang', '2025-03-20T09:00:00+07:00');
    expect(report.stdout).toContain('2 kali dipakai; 2 sudah ditinjau susulan, 1 terlambat atau lewat batas.');
    expect(report.stdout).toContain('batas tinjauan susulan Senin, 10 Maret 2025, 14.00 WIB: ditinjau, tepat waktu (Senin, 10 Maret 2025, 10.00 WIB, oleh Kasubbag Teknis; Ketua Divisi).');
    expect(report.stdout).toContain('PR #51 "Banjir rob 51"');
    expect(report.stdout).toContain(': ditinjau, terlambat (Selasa, 11 Maret 2025, 09.00 WIB');
    expect(report.stdout).not.toContain('lewat batas (per');
    const csv = (await laporan('--format', 'csv', '--sekarang', '2025-03-20T09:00:00+07:00')).stdout.split('\r\n');
    expect(csv[0]).toMatch(/,Jalur serta-merta,Batas tinjauan susulan,Tinjauan susulan$/);
    // The stage rows of a serta-merta PR name who reviewed after the merge.
    const row = csv.find((line) => line.includes(',50,') && line.includes(',Verifikasi Kasubbag,'))!;
    expect(row).toContain(',Kasubbag Teknis,Kasubbag Teknis,,,tidak,2025-03-10T09:00:00+07:00,');
    expect(row).toMatch(/,ya,2025-03-10T14:00:00\+07:00,"ditinjau, tepat waktu"$/);

    // Nothing more to record: a third run writes nothing.
    const third = await catat();
    expect(third.stdout).not.toContain('tercatat: records/persetujuan/5');
    expect((await readdir(join(kpu.dir, 'records/persetujuan'))).length).toBe(5);
  });

  it('records a follow-up review that returns the published item', async () => {
    await laneNews(52);
    await catat();
    kpu.server.submitReview(52, { user: 'kasubbag-a', state: 'CHANGES_REQUESTED', submittedAt: wib(10, '08:00'), body: 'Jumlah korban belum dikonfirmasi.' });
    const result = await catat();
    expect(result.stdout).toContain('Tinjauan susulan tercatat: records/persetujuan/52-susulan.json (PR #52, DIKEMBALIKAN, tepat waktu, Senin, 10 Maret 2025, 08.00 WIB).');
    expect((await laporan('--sekarang', '2025-03-20T09:00:00+07:00')).stdout).toContain(': dikembalikan, tepat waktu (Senin, 10 Maret 2025, 08.00 WIB');
  });
});
