import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGithubApproval } from '../../src/lib/github/approval.ts';
import { makeGithubClient } from '../../src/lib/github/client.ts';
import type { PerformanceReport } from '../../src/lib/records/performance.ts';
import { TAYANG_APP, TAYANG_TOKEN, cleanReport } from '../github/app-fixtures.ts';
import { buildExampleSiteWith, ROOT, type BuiltCopy } from '../site/example-site.ts';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';

// The KPU Kepulauan Seribu preset end to end on the local GitHub stand-in: a news PR goes through
// its two stages (Kasubbag, then the Ketua Divisi), is merged, `tayang catat` writes its record,
// the site built with that record shows both officials with their positions and times on the
// item's page and counts it on /kinerja/, and `tayang laporan --kinerja` counts it in the right
// stage rows and publishes the month's report as one issue, however often it runs.

const NODE = join(ROOT, 'node_modules/.bin/node');
const PRESET = await readFile(join(ROOT, 'presets/kpu-kepulauan-seribu.yml'), 'utf8');
const ITEM = 'content/berita/rapat-pleno-rekapitulasi-dpt';
const PR = 120;
const ITEM_TEXT = `---
judul: KPU Kepulauan Seribu Gelar Rapat Pleno Rekapitulasi Daftar Pemilih
tanggal: 2026-11-27
ringkasan: KPU Kabupaten Administrasi Kepulauan Seribu menetapkan rekapitulasi daftar pemilih dalam rapat pleno terbuka.
penulis: Nur Aini, Tim Penulis KPU Kepulauan Seribu
lokasi: Kantor KPU Kabupaten Administrasi Kepulauan Seribu, Pulau Pramuka
narasumber:
  - Agung Setiawan, Ketua KPU Kabupaten Administrasi Kepulauan Seribu
klasifikasi: setiap-saat
---

KPU Kabupaten Administrasi Kepulauan Seribu menggelar rapat pleno terbuka rekapitulasi daftar
pemilih di Pulau Pramuka pada Jumat (27/11/2026).
`;
// Friday 27 November 2026 (WIB = UTC+7): opened at 14.30; the Kasubbag verifies at 15.15 (45 min,
// within 1 jam); the Ketua Divisi's clock runs from 15.15 to 16.00 and from Monday 07.30 to his
// approval at 08.15: 90 working minutes over the weekend, 30 past his 1 jam. Merged at 08.30.
const OPENED = '2026-11-27T07:30:00Z';
const KASUBBAG_AT = '2026-11-27T08:15:00Z';
const KADIV_AT = '2026-11-30T01:15:00Z';
const MERGED_AT = '2026-11-30T01:30:00Z';

let server: GithubServer;
let dir: string;
let record: string;
let site: BuiltCopy | undefined;

function tayang(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), ...args], { cwd: dir, env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

beforeAll(async () => {
  server = await startGithubServer({ tokens: { [TAYANG_TOKEN]: TAYANG_APP } });
  server.commitToMain({ sha: 'base1', files: { 'tayang.config.yml': PRESET } });
  server.setTeam('kpu-kepulauanseribu/admin-web', ['sinta-adminweb-kpuseribu']);
  dir = await mkdtemp(join(tmpdir(), 'tayang-kpu-'));
  await mkdir(join(dir, ITEM), { recursive: true });
  await mkdir(join(dir, 'records/persetujuan'), { recursive: true });
  await writeFile(join(dir, ITEM, 'index.md'), ITEM_TEXT);
  await writeFile(join(dir, 'tayang.config.yml'), PRESET);
});

afterAll(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await site?.remove();
});

describe('a news PR through the KPU preset\'s two stages', () => {
  it('is passed from the Kasubbag to the Ketua Divisi, approved, merged and recorded', async () => {
    server.addPull({
      number: PR,
      author: 'nur-penulis-kpuseribu',
      title: 'Berita rapat pleno rekapitulasi daftar pemilih',
      createdAt: OPENED,
      baseSha: 'base1',
      commits: [{ sha: 'head120', author: 'nur-penulis-kpuseribu', date: OPENED }],
      files: [{ filename: `${ITEM}/index.md`, status: 'added' }],
    });
    const client = makeGithubClient({ token: TAYANG_TOKEN, baseUrl: server.url, pacing: { retryUnitMs: 1, writeIntervalMs: 0 } });
    const judge = async (now: string) => {
      const result = await runGithubApproval(client, { owner: 'kantor', repo: 'situs', pullNumber: PR }, new Date(now), { appId: TAYANG_APP.app.id, content: cleanReport('head120') });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.value.verdict;
    };
    expect((await judge('2026-11-27T07:31:00Z')).state).toBe('pending');
    expect(server.pull(PR).requestedReviewers).toEqual(['dewi-kasubbag-kpuseribu']);
    server.submitReview(PR, { user: 'dewi-kasubbag-kpuseribu', state: 'APPROVED', submittedAt: KASUBBAG_AT });
    expect((await judge('2026-11-27T08:16:00Z')).state).toBe('pending');
    expect(server.pull(PR).requestedReviewers).toEqual(['rahmat-kadiv-kpuseribu']);
    server.submitReview(PR, { user: 'rahmat-kadiv-kpuseribu', state: 'APPROVED', submittedAt: KADIV_AT });
    expect((await judge('2026-11-30T01:16:00Z')).state).toBe('approved');
    server.mergePull(PR, { at: MERGED_AT, by: 'sinta-adminweb-kpuseribu', sha: 'merge120' });

    const catat = await tayang(['catat']);
    expect(catat.stderr).toBe('');
    expect(catat.stdout).toContain(`Tercatat: records/persetujuan/${PR}.json`);
    record = await readFile(join(dir, `records/persetujuan/${PR}.json`), 'utf8');
    expect(JSON.parse(record)).toMatchObject({
      pr: PR,
      state: 'approved',
      stages: [
        { id: 'verifikasi-kasubbag', approvals: [{ login: 'dewi-kasubbag-kpuseribu', submitted_at: KASUBBAG_AT }], elapsed_minutes: 45, overdue: false },
        { id: 'pemeriksaan-ketua-divisi', approvals: [{ login: 'rahmat-kadiv-kpuseribu', submitted_at: KADIV_AT }], elapsed_minutes: 90, overdue: true },
      ],
    });
  });

  it('is counted by `tayang laporan --kinerja` in both stage rows and both roles, the late one listed', async () => {
    const result = await tayang(['laporan', '--kinerja', '--periode', '2026-11', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as PerformanceReport;
    expect(report.pulls).toBe(1);
    expect(report.stages.map(({ stage, count, median_minutes, within_standard, measured }) => ({ stage, count, median_minutes, within_standard, measured }))).toEqual([
      { stage: 'verifikasi-kasubbag', count: 1, median_minutes: 45, within_standard: 1, measured: 1 },
      { stage: 'pemeriksaan-ketua-divisi', count: 1, median_minutes: 90, within_standard: 0, measured: 1 },
    ]);
    expect(report.roles.map(({ role, count }) => [role, count])).toEqual([['kasubbag', 1], ['ketua-divisi', 1]]);
    // Merged 15 minutes after the Ketua Divisi's approval (penayangan: 30 menit); opened Friday
    // 14.30, merged Monday 08.30: 90 + 60 working minutes in all.
    expect(report.steps).toMatchObject([
      { step: 'penayangan', flow: 'publikasi', count: 1, median_minutes: 15, standard_minutes: 30, within_standard: 1 },
      { step: 'terbit', flow: null, count: 1, median_minutes: 150 },
    ]);
    expect(report.overdue).toMatchObject([{ pr: PR, stage: 'pemeriksaan-ketua-divisi', elapsed_minutes: 90, standard_minutes: 60, over_minutes: 30, items: [{ folder: ITEM }] }]);
    expect((await tayang(['laporan', '--kinerja', '--periode', '2026-10'])).stdout).toContain('Tidak ada PR yang digabung pada periode ini.');
  });

  it('publishes the month\'s report as one issue, and a second run opens none', async () => {
    // Anyone may open an issue on a public repository: a copied marker in a person's issue does not count.
    server.issues.push({ number: 900, title: 'Laporan kinerja palsu', body: '<!-- tayang:pengingat jenis=laporan-kinerja periode=2026-11..2026-11 -->', labels: ['laporan-kinerja'], user: 'warga', state: 'open' });
    const first = await tayang(['laporan', '--kinerja', '--periode', '2026-11', '--issue']);
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Issue dibuka: /) });
    const again = await tayang(['laporan', '--kinerja', '--periode', '2026-11', '--issue']);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Issue untuk periode ini sudah ada: /) });
    expect(server.issues).toHaveLength(2);
    const issue = server.issues[1]!;
    expect(issue).toMatchObject({ title: 'Laporan kinerja publikasi November 2026', labels: ['laporan-kinerja'], user: TAYANG_APP.login });
    expect(issue.body).toContain('| Pemeriksaan Ketua Divisi | publikasi | 1 jam | 1 | 1 jam 30 menit | 0 dari 1 tepat waktu (0%) |');
    expect(issue.body).toContain('<!-- tayang:pengingat jenis=laporan-kinerja periode=2026-11..2026-11 -->');
  });

  it('shows both officials with their positions and times on the item page, and counts it on /kinerja/', async () => {
    site = await buildExampleSiteWith({ 'tayang.config.yml': PRESET, [`${ITEM}/index.md`]: ITEM_TEXT, [`records/persetujuan/${PR}.json`]: record });
    const html = await readFile(join(site.dist, 'berita/rapat-pleno-rekapitulasi-dpt/index.html'), 'utf8');
    expect(html).toContain(
      '<th scope="row">Verifikasi Kasubbag</th><td>Dewi Anggraini, S.Sos. (Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat), sebagai Kasubbag Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat</td><td><time datetime="2026-11-27T15:15:00+07:00">Jumat, 27 November 2026, 15.15 WIB</time></td><td>45 menit</td>',
    );
    expect(html).toContain(
      '<th scope="row">Pemeriksaan Ketua Divisi</th><td>Rahmat Hidayat, S.Pd. (Anggota KPU Kabupaten Administrasi Kepulauan Seribu), sebagai Ketua Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM</td><td><time datetime="2026-11-30T08:15:00+07:00">Senin, 30 November 2026, 08.15 WIB</time></td><td>1 jam 30 menit</td>',
    );
    expect(html).not.toContain('dewi-kasubbag-kpuseribu');

    const performance = await readFile(join(site.dist, 'kinerja/index.html'), 'utf8');
    expect(performance).toContain('<h1>Kinerja publikasi KPU Kabupaten Administrasi Kepulauan Seribu</h1>');
    expect(performance).toContain('<caption id="tahap-2026-11">Per tahap persetujuan, November 2026</caption>');
    expect(performance).toContain('<tr><th scope="row">Pemeriksaan Ketua Divisi</th><td>1 jam</td><td>1</td><td>1 jam 30 menit</td><td>0 dari 1 tepat waktu (0%)</td></tr>');
    expect(performance).toContain('<td>30 menit</td></tr>');
    expect(performance).toContain('src="/kinerja/grafik.svg"');
    const chart = await readFile(join(site.dist, 'kinerja/grafik.svg'), 'utf8');
    expect(chart).toContain('<title>Pemeriksaan Ketua Divisi: 0 dari 1 tepat waktu (0%)</title>');
    expect(await readFile(join(site.dist, 'profil/index.html'), 'utf8')).toContain('href="/kinerja/"');
  }, 300_000);
});
