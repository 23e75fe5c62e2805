import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useKpuGithub } from '../support/kpu-github.ts';

// `tayang catat` without --pr, as catat.yml runs it after each merge and daily: every merged PR
// since the last recorded one gets its record, so a run GitHub dropped loses nothing.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const CONFIG = await readFile(join(ROOT, 'test/github/fixtures/kpu.config.yml'), 'utf8');
const at = (day: number, hhmm: string) => `2025-03-${String(day).padStart(2, '0')}T${hhmm}:00Z`;

const kpu = useKpuGithub(CONFIG, 'tayang-catat-susul-', (dir) => mkdir(join(dir, 'records/persetujuan'), { recursive: true }));

function catat(): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: 'uji', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: kpu.server.url, GITHUB_EVENT_PATH: '' };
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'catat'], { cwd: kpu.dir, env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

/** A news PR approved by both stages and merged at `mergedAt`. */
async function mergedNews(number: number, day: number, mergedAt: string) {
  const folder = `content/berita/berita-${number}`;
  await mkdir(join(kpu.dir, folder), { recursive: true });
  await writeFile(join(kpu.dir, folder, 'index.md'), `---\njudul: Berita nomor ${number}\n---\nIsi.\n`);
  kpu.server.addPull({
    number,
    author: 'penulis',
    createdAt: at(day, '01:00'),
    baseSha: 'base1',
    commits: [{ sha: `head${number}`, author: 'penulis', date: at(day, '00:55') }],
    files: [{ filename: `${folder}/index.md`, status: 'added' }],
    merged: { at: mergedAt, by: 'admin-web', sha: `merge${number}` },
  });
  kpu.server.submitReview(number, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at(day, '01:30') });
  kpu.server.submitReview(number, { user: 'ketua-x', state: 'APPROVED', submittedAt: at(day, '02:00') });
}

/** The record files; the chain's head (rantai.txt) lies beside them. */
const recordsOnDisk = async () => (await readdir(join(kpu.dir, 'records/persetujuan'))).filter((name) => name.endsWith('.json')).sort();

describe('tayang catat: every merged PR since the last record', () => {
  it('writes three records after three quick merges in one run, and nothing more on the next', async () => {
    await mergedNews(31, 3, at(3, '03:00'));
    await mergedNews(32, 3, at(3, '03:01'));
    await mergedNews(33, 3, at(3, '03:02'));
    const first = await catat();
    expect(first.code).toBe(0);
    expect(await recordsOnDisk()).toEqual(['31.json', '32.json', '33.json']);
    expect(first.stdout.split('\n').filter((line) => line.startsWith('Tercatat:'))).toHaveLength(3);
    const record = JSON.parse(await readFile(join(kpu.dir, 'records/persetujuan/32.json'), 'utf8')) as { state: string; merged_at: string };
    expect(record).toMatchObject({ state: 'approved', merged_at: at(3, '03:01'), chain: { sequence: 2, previous: '31.json' } });

    const again = await catat();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Tidak ada PR yang digabung sejak catatan terakhir');
    expect(await recordsOnDisk()).toEqual(['31.json', '32.json', '33.json']);
  });

  it('adds only the PR merged since, keeping the earlier records as they are', async () => {
    await mergedNews(31, 3, at(3, '03:00'));
    await catat();
    const before = await readFile(join(kpu.dir, 'records/persetujuan/31.json'), 'utf8');
    await mergedNews(34, 4, at(4, '03:00'));
    const next = await catat();
    expect(next.stdout).toContain('Tercatat: records/persetujuan/34.json');
    expect(next.stdout).not.toContain('31.json');
    expect(await recordsOnDisk()).toEqual(['31.json', '34.json']);
    expect(await readFile(join(kpu.dir, 'records/persetujuan/31.json'), 'utf8')).toBe(before);
  });

  it('skips PRs that were closed without a merge and PRs older than the newest record', async () => {
    await mergedNews(40, 20, at(20, '03:00'));
    await catat();
    await mergedNews(35, 1, at(1, '03:00')); // merged long before the newest record: already the past
    kpu.server.addPull({ number: 36, author: 'penulis', createdAt: at(21, '01:00'), baseSha: 'base1', commits: [{ sha: 'head36', author: 'penulis', date: at(21, '01:00') }], files: [{ filename: 'content/berita/x/index.md' }] });
    const next = await catat();
    expect(next.code).toBe(0);
    expect(await recordsOnDisk()).toEqual(['40.json']);
  });

  it('records the other PRs when one cannot be recorded, and still ends with exit 2 naming it', async () => {
    await mergedNews(31, 3, at(3, '03:00'));
    kpu.server.addPull({ number: 32, author: 'penulis', createdAt: at(3, '01:00'), baseSha: 'base-rusak', commits: [{ sha: 'head32', author: 'penulis', date: at(3, '00:55') }], files: [{ filename: 'content/berita/x/index.md', status: 'added' }], merged: { at: at(3, '03:01'), by: 'admin-web', sha: 'merge32' } });
    await mergedNews(33, 3, at(3, '03:02'));
    const result = await catat();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('berkas konfigurasi tidak ada di cabang dasar');
    expect(await recordsOnDisk()).toEqual(['31.json', '33.json']);
  });
});
