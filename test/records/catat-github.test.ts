import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';

// `tayang catat` without --pr, as catat.yml runs it after each merge and daily: every merged PR
// since the last recorded one gets its record, so a run GitHub dropped loses nothing.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const CONFIG = await readFile(join(ROOT, 'test/github/fixtures/kpu.config.yml'), 'utf8');
const at = (day: number, hhmm: string) => `2025-03-${String(day).padStart(2, '0')}T${hhmm}:00Z`;

let server: GithubServer;
let dir: string;

beforeEach(async () => {
  server = await startGithubServer();
  dir = await mkdtemp(join(tmpdir(), 'tayang-catat-susul-'));
  await mkdir(join(dir, 'records/persetujuan'), { recursive: true });
  server.setFile('base1', 'tayang.config.yml', CONFIG);
  server.setTeam('kpu/ketua-divisi', ['ketua-x']);
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function catat(): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: 'uji', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'catat'], { cwd: dir, env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

/** A news PR approved by both stages and merged at `mergedAt`. */
async function mergedNews(number: number, day: number, mergedAt: string) {
  const folder = `content/berita/berita-${number}`;
  await mkdir(join(dir, folder), { recursive: true });
  await writeFile(join(dir, folder, 'index.md'), `---\njudul: Berita nomor ${number}\n---\nIsi.\n`);
  server.addPull({
    number,
    author: 'penulis',
    createdAt: at(day, '01:00'),
    baseSha: 'base1',
    commits: [{ sha: `head${number}`, author: 'penulis', date: at(day, '00:55') }],
    files: [{ filename: `${folder}/index.md`, status: 'added' }],
    merged: { at: mergedAt, by: 'admin-web', sha: `merge${number}` },
  });
  server.submitReview(number, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at(day, '01:30') });
  server.submitReview(number, { user: 'ketua-x', state: 'APPROVED', submittedAt: at(day, '02:00') });
}

/** The record files; the chain's head (rantai.txt) lies beside them. */
const recordsOnDisk = async () => (await readdir(join(dir, 'records/persetujuan'))).filter((name) => name.endsWith('.json')).sort();

describe('tayang catat: every merged PR since the last record', () => {
  it('writes three records after three quick merges in one run, and nothing more on the next', async () => {
    await mergedNews(31, 3, at(3, '03:00'));
    await mergedNews(32, 3, at(3, '03:01'));
    await mergedNews(33, 3, at(3, '03:02'));
    const first = await catat();
    expect(first.code).toBe(0);
    expect(await recordsOnDisk()).toEqual(['31.json', '32.json', '33.json']);
    expect(first.stdout.split('\n').filter((line) => line.startsWith('Tercatat:'))).toHaveLength(3);
    const record = JSON.parse(await readFile(join(dir, 'records/persetujuan/32.json'), 'utf8')) as { state: string; merged_at: string };
    expect(record).toMatchObject({ state: 'approved', merged_at: at(3, '03:01'), chain: { sequence: 2, previous: '31.json' } });

    const again = await catat();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Tidak ada PR yang digabung sejak catatan terakhir');
    expect(await recordsOnDisk()).toEqual(['31.json', '32.json', '33.json']);
  });

  it('adds only the PR merged since, keeping the earlier records as they are', async () => {
    await mergedNews(31, 3, at(3, '03:00'));
    await catat();
    const before = await readFile(join(dir, 'records/persetujuan/31.json'), 'utf8');
    await mergedNews(34, 4, at(4, '03:00'));
    const next = await catat();
    expect(next.stdout).toContain('Tercatat: records/persetujuan/34.json');
    expect(next.stdout).not.toContain('31.json');
    expect(await recordsOnDisk()).toEqual(['31.json', '34.json']);
    expect(await readFile(join(dir, 'records/persetujuan/31.json'), 'utf8')).toBe(before);
  });

  it('skips PRs that were closed without a merge and PRs older than the newest record', async () => {
    await mergedNews(40, 20, at(20, '03:00'));
    await catat();
    await mergedNews(35, 1, at(1, '03:00')); // merged long before the newest record: already the past
    server.addPull({ number: 36, author: 'penulis', createdAt: at(21, '01:00'), baseSha: 'base1', commits: [{ sha: 'head36', author: 'penulis', date: at(21, '01:00') }], files: [{ filename: 'content/berita/x/index.md' }] });
    const next = await catat();
    expect(next.code).toBe(0);
    expect(await recordsOnDisk()).toEqual(['40.json']);
  });

  it('records the other PRs when one cannot be recorded, and still ends with exit 2 naming it', async () => {
    await mergedNews(31, 3, at(3, '03:00'));
    server.addPull({ number: 32, author: 'penulis', createdAt: at(3, '01:00'), baseSha: 'base-rusak', commits: [{ sha: 'head32', author: 'penulis', date: at(3, '00:55') }], files: [{ filename: 'content/berita/x/index.md', status: 'added' }], merged: { at: at(3, '03:01'), by: 'admin-web', sha: 'merge32' } });
    await mergedNews(33, 3, at(3, '03:02'));
    const result = await catat();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('berkas konfigurasi tidak ada di cabang dasar');
    expect(await recordsOnDisk()).toEqual(['31.json', '33.json']);
  });
});
