import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';

// `tayang pengingat` as pengingat.yml runs it, hour after hour, against the local GitHub: on a
// timeline across a weekend and a holiday, each reminder, escalation and issue is sent once.
//
// The KPU two-stage office, each stage one hour. PR #12 opens on Friday 14 March 2025 at 15:30
// WIB: half an hour of working time before the weekend, and Monday 17 March is a holiday, so the
// hour runs out on Tuesday at 08:00 (work starts 07:30) and twice the hour at 09:00.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const CONFIG = (await readFile(join(ROOT, 'test/github/fixtures/kpu.config.yml'), 'utf8'))
  .replace('  disahkan_oleh: Ketua KPU\n', '  disahkan_oleh: Ketua KPU\n  tinjauan_berikutnya: 2025-03-15\n')
  .replace('  selesai: "16:00"\n', '  selesai: "16:00"\n  libur: [2025-03-17]\n');
const NEWS = 'content/berita/rapat-pleno/index.md';
const wib = (day: number, time: string) => `2025-03-${String(day).padStart(2, '0')}T${time}:00+07:00`;

let server: GithubServer;
let dir: string;

function pengingat(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: 'uji', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'pengingat', ...args], { cwd: dir, env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

/** Tayang's comments on a PR that carry a marker of this kind. */
const marked = (pr: number, kind: string) => server.comments.filter((c) => c.issueNumber === pr && c.user === 'github-actions[bot]' && c.body.includes(`jenis=${kind} `));

async function writeItem(folder: string, frontmatter: string): Promise<void> {
  await mkdir(join(dir, folder), { recursive: true });
  await writeFile(join(dir, folder, 'index.md'), `---\n${frontmatter}\n---\nIsi.\n`);
}

function openPull(number: number, createdAt: string, draft = false): void {
  server.addPull({ number, author: 'penulis', title: `Rapat pleno ${number}`, draft, createdAt, baseSha: 'base1', commits: [{ sha: `head${number}`, author: 'penulis', date: createdAt }], files: [{ filename: NEWS, status: 'added' }] });
}

beforeAll(async () => {
  server = await startGithubServer();
  dir = await mkdtemp(join(tmpdir(), 'tayang-pengingat-'));
  await writeFile(join(dir, 'tayang.config.yml'), CONFIG);
  server.setTeam('kpu/ketua-divisi', ['ketua-x']);
  await writeItem('content/artikel/laporan-semester', 'judul: Laporan Layanan Informasi Semester II\ntanggal: 2024-09-10\nringkasan: Laporan layanan.\npenulis: PPID\nklasifikasi: berkala');
  await writeItem('content/artikel/profil-kantor', 'judul: Profil Kantor\ntanggal: 2024-09-10\nringkasan: Profil.\npenulis: PPID\nklasifikasi: setiap-saat');
  openPull(12, wib(14, '15:30'));
  // #13: the Kasubbag approves on Tuesday at 08:00; the Ketua Divisi's hour starts then.
  openPull(13, wib(14, '15:30'));
  server.submitReview(13, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: wib(18, '08:00') });
  // #15: both stages approved on Tuesday morning, the second by a member of the Ketua Divisi team.
  openPull(15, wib(14, '15:30'));
  server.submitReview(15, { user: 'kasubbag-b', state: 'APPROVED', submittedAt: wib(18, '07:45') });
  server.submitReview(15, { user: 'ketua-x', state: 'APPROVED', submittedAt: wib(18, '08:10') });
  // #14: a draft since Friday, ready for review on Tuesday at 09:00.
  openPull(14, wib(14, '15:30'), true);
  // Anyone may comment a marker on a PR; it must not silence the reminder.
  // Nor may a person's labelled issue carrying the SOP-review marker.
  server.issues.push({ number: 400, title: 'Tiruan', body: '<!-- tayang:pengingat jenis=tinjauan-sop tanggal=2025-03-15 -->', labels: ['pengingat'], user: 'penulis', state: 'open' });
  server.addComment(12, 'penulis', '<!-- tayang:pengingat jenis=pengingat alur=publikasi tahap=verifikasi mulai=2025-03-14T08:30:00.000Z -->\nSudah diingatkan.');
});

afterAll(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('tayang pengingat on a timeline across a weekend and a holiday', () => {
  it('sends nothing before the standard has passed in working time', async () => {
    for (const now of [wib(14, '16:30'), wib(16, '12:00'), wib(17, '12:00'), wib(18, '08:00')]) {
      const result = await pengingat('--sekarang', now);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(server.comments.filter((c) => c.user === 'github-actions[bot]')).toEqual([]);
  });

  it('says in a dry run what it would send, and sends nothing', async () => {
    const before = server.writes().length;
    const result = await pengingat('--sekarang', wib(18, '08:15'), '--kering');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('- Pengingat PR #12, tahap Verifikasi Kasubbag, kepada @kasubbag-a, @kasubbag-b — akan dikirim');
    expect(server.writes().length).toBe(before);
  });

  it('reminds the officials once when the hour has passed, however often it runs', async () => {
    for (const now of [wib(18, '08:15'), wib(18, '08:30'), wib(18, '08:45')]) expect((await pengingat('--sekarang', now)).code).toBe(0);
    const reminders = marked(12, 'pengingat');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toContain('Yth. @kasubbag-a, @kasubbag-b (Kasubbag Teknis),');
    expect(reminders[0]!.body).toContain('PR #12 "Rapat pleno 12" menunggu tahap **Verifikasi Kasubbag** sejak Jumat, 14 Maret 2025, 15.30 WIB. Sudah **1 jam 15 menit waktu kerja**, melewati mutu baku tahap ini (**1 jam**)');
    expect(marked(12, 'eskalasi')).toEqual([]);
  });

  it('escalates once to the flow\'s last stage after twice the standard', async () => {
    const result = await pengingat('--sekarang', wib(18, '09:15'), '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { notices: { kind: string; pr?: number; stage?: string; mentions?: string[]; url?: string }[] };
    expect(report.notices.filter((n) => n.pr === 12)).toEqual([expect.objectContaining({ kind: 'eskalasi', stage: 'verifikasi', mentions: ['kpu/ketua-divisi'], includes_reminder: false, url: expect.stringContaining('/pull/12#issuecomment-') })]);
    for (const now of [wib(18, '10:00'), wib(19, '12:00')]) expect((await pengingat('--sekarang', now)).code).toBe(0);
    const escalations = marked(12, 'eskalasi');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.body).toContain('Yth. @kpu/ketua-divisi (Ketua Divisi),');
    expect(marked(12, 'pengingat')).toHaveLength(1);
  });

  it('reminds nobody of a stage that was approved; the next stage waits from that approval', () => {
    expect(marked(13, 'pengingat').map((c) => c.body.split('\n')[0])).toEqual(['<!-- tayang:pengingat jenis=pengingat alur=publikasi tahap=persetujuan mulai=2025-03-18T01:00:00.000Z -->']);
    expect(marked(13, 'pengingat')[0]!.body).toContain('Yth. @ketua-x (Ketua Divisi),');
  });

  it('reminds nobody of a PR whose stages were all approved', () => {
    expect(server.comments.filter((c) => c.issueNumber === 15)).toEqual([]);
  });

  it('counts a draft\'s wait from the moment it was marked ready for review', async () => {
    expect(server.comments.filter((c) => c.issueNumber === 14)).toEqual([]);
    server.markReadyForReview(14, wib(20, '09:00'));
    expect((await pengingat('--sekarang', wib(20, '09:30'))).code).toBe(0);
    expect(server.comments.filter((c) => c.issueNumber === 14)).toEqual([]);
    expect((await pengingat('--sekarang', wib(20, '10:30'))).code).toBe(0);
    expect(marked(14, 'pengingat')).toHaveLength(1);
  });

  it('opens the SOP-review issue and the stale-berkala issue once across all the runs', () => {
    const review = server.issues.filter((i) => i.user !== 'penulis' && i.body.includes('jenis=tinjauan-sop tanggal=2025-03-15 '));
    expect(review).toMatchObject([{ title: 'Tinjauan SOP sudah jatuh tempo (2025-03-15)', labels: ['pengingat'], user: 'github-actions[bot]' }]);
    const berkala = server.issues.filter((i) => i.body.includes('jenis=berkala '));
    expect(berkala).toMatchObject([{ title: 'Informasi berkala perlu diperbarui: Laporan Layanan Informasi Semester II', labels: ['pengingat'] }]);
    expect(berkala[0]!.body).toContain('`content/artikel/laporan-semester/index.md`');
    expect(berkala[0]!.body).not.toContain('profil-kantor');
    expect(server.issues.filter((i) => i.user === 'github-actions[bot]')).toHaveLength(2);
  });

  it('names a newly stale berkala item in a new issue, without the one already named', async () => {
    await writeItem('content/artikel/daftar-informasi', 'judul: Daftar Informasi Publik\ntanggal: 2024-09-19\nringkasan: DIP.\npenulis: PPID\nklasifikasi: berkala');
    expect((await pengingat('--sekarang', wib(20, '11:00'))).code).toBe(0);
    const ours = server.issues.filter((i) => i.user === 'github-actions[bot]');
    expect(ours).toHaveLength(3);
    expect(ours[2]!.body).toContain('daftar-informasi');
    expect(ours[2]!.body).not.toContain('laporan-semester');
  });
});

describe('tayang pengingat: unusable input', () => {
  it('exits 2 naming the option for a malformed time', async () => {
    const result = await pengingat('--sekarang', 'besok');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--sekarang');
  });
});
