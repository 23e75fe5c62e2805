import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOLD_LABEL, holdMarker } from '../../src/lib/publish/gate.ts';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';
import { TAYANG_APP, TAYANG_TOKEN, WRITER, WRITER_TOKEN } from '../github/app-fixtures.ts';

/**
 * `tayang izin-terbit`: every commit on main since the last publication is checked before
 * anything is built; one that fails holds everything and opens one issue.
 */

const exec = promisify(execFile);
const SCRIPT = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
const OPENED = '2025-03-03T01:00:00Z';
const at = (hhmm: string) => `2025-03-03T${hhmm}:00Z`;
const APP_BOT = TAYANG_APP.login;

// The GitHub tests' two-stage office, with the role that runs the website named for holds.
const office = parse(readFileSync(new URL('../github/fixtures/kpu.config.yml', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
office.peran!['admin-web'] = { nama: 'Admin Web', anggota: ['admin-situs', '@kpu/humas'] };
office.publikasi = { admin: 'admin-web' };
const CONFIG = stringify(office);

let server: GithubServer;

beforeEach(async () => {
  server = await startGithubServer({ tokens: { [TAYANG_TOKEN]: TAYANG_APP, [WRITER_TOKEN]: WRITER } });
  server.setFile('base1', 'tayang.config.yml', CONFIG);
  server.setTeam('kpu/ketua-divisi', ['ketua-x']);
  server.commitToMain({ sha: 'm0', files: { 'tayang.config.yml': CONFIG } });
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

/** A PR opened at 08:00 WIB and merged as `sha`, approved by both stages before the merge or not. */
function mergePull(number: number, sha: string, approved: boolean) {
  server.addPull({
    number,
    author: 'penulis',
    createdAt: OPENED,
    baseSha: 'base1',
    commits: [{ sha: `head${number}`, author: 'penulis', date: OPENED }],
    files: [{ filename: `content/berita/berita-${number}/index.md`, status: 'added' }],
  });
  server.submitReview(number, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
  if (approved) server.submitReview(number, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:00') });
  server.mergePull(number, { at: at('03:30'), by: 'penulis', sha });
}

async function gate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, TAYANG_APP_SLUG: TAYANG_APP.app.slug, GITHUB_SHA: '', GITHUB_EVENT_PATH: '' };
  return exec(process.execPath, [SCRIPT, 'izin-terbit', ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function gateJson(...args: string[]) {
  const result = await gate(...args, '--format', 'json');
  return { code: result.code, report: JSON.parse(result.stdout) as { passed: boolean; commits: { sha: string; passed: boolean; basis: string }[]; issue?: { action: string; number?: number } } };
}

describe('tayang izin-terbit', () => {
  it('lets a range of approved merges through without opening an issue', async () => {
    mergePull(12, 'm1', true);
    mergePull(13, 'm2', true);
    const result = await gate('--sejak', 'm0', '--sampai', 'm2');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('BOLEH TERBIT — 2 commit');
    expect(server.issues).toEqual([]);
  });

  it('holds an unapproved merge and opens the issue once over two runs', async () => {
    mergePull(12, 'm1', false);
    const first = await gate('--sejak', 'm0', '--sampai', 'm1');
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('DITAHAN');
    expect(server.issues).toHaveLength(1);
    const issue = server.issues[0]!;
    expect(issue).toMatchObject({ title: 'Publikasi ditahan', labels: [HOLD_LABEL], user: APP_BOT, state: 'open' });
    expect(issue.body.startsWith(holdMarker(['m1']))).toBe(true);
    expect(issue.body).toContain('PR #12: digabung tanpa persetujuan lengkap (Menunggu persetujuan Ketua Divisi)');
    expect(issue.body).toContain('Mohon ditindaklanjuti: @admin-situs @kpu/humas (peran Admin Web, `publikasi.admin`).');

    // The next hourly run: still held, no second issue.
    const second = await gate('--sejak', 'm0', '--sampai', 'm1');
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('sudah terbuka');
    expect(server.issues).toHaveLength(1);
  });

  it('is not silenced by a look-alike issue someone else opened', async () => {
    mergePull(12, 'm1', false);
    const writer = { owner: 'kantor', repo: 'situs' };
    const { makeGithubClient } = await import('../../src/lib/github/client.ts');
    await makeGithubClient({ token: WRITER_TOKEN, baseUrl: server.url }).rest.issues.create({ ...writer, title: 'Publikasi ditahan', body: `${holdMarker(['m1'])}\nsudah ditangani`, labels: [HOLD_LABEL] });
    expect((await gate('--sejak', 'm0', '--sampai', 'm1')).code).toBe(1);
    expect(server.issues.filter((i) => i.user === APP_BOT)).toHaveLength(1);
  });

  it('passes a records-only commit the App made and GitHub verified', async () => {
    mergePull(12, 'm1', true);
    server.commitToMain({ sha: 'm2', author: APP_BOT, files: { 'records/persetujuan/12.json': '{}' }, verified: true });
    const { code, report } = await gateJson('--sejak', 'm0', '--sampai', 'm2');
    expect(code).toBe(0);
    expect(report.commits.map((c) => [c.sha, c.basis])).toEqual([['m1', 'approved_pull'], ['m2', 'app_records']]);
  });

  it('holds a records-only commit GitHub did not verify, and one by another author', async () => {
    server.commitToMain({ sha: 'm1', author: APP_BOT, files: { 'records/persetujuan/12.json': '{}' }, verified: false });
    const unverified = await gate('--sejak', 'm0', '--sampai', 'm1');
    expect(unverified.code).toBe(1);
    expect(unverified.stdout).toContain('tanda tangannya tidak terverifikasi GitHub');

    server.commitToMain({ sha: 'm2', author: 'penulis', files: { 'records/persetujuan/13.json': '{}' }, verified: true });
    const other = await gate('--sejak', 'm1', '--sampai', 'm2');
    expect(other.code).toBe(1);
    expect(other.stdout).toContain(`penulisnya penulis, bukan ${APP_BOT}`);
  });

  it('holds an App commit that changes anything outside records/', async () => {
    server.commitToMain({ sha: 'm1', author: APP_BOT, files: { 'records/persetujuan/12.json': '{}', 'content/berita/x/index.md': 'isi' }, verified: true });
    const { code, report } = await gateJson('--sejak', 'm0', '--sampai', 'm1');
    expect(code).toBe(1);
    expect(report.commits[0]).toMatchObject({ basis: 'no_pull', passed: false });
  });

  it('holds when one of three commits fails, and names only that one', async () => {
    mergePull(12, 'm1', true);
    server.commitToMain({ sha: 'm2', author: 'admin-nakal', files: { 'content/berita/x/index.md': 'isi' } });
    mergePull(13, 'm3', true);
    const { code, report } = await gateJson('--sejak', 'm0', '--sampai', 'm3');
    expect(code).toBe(1);
    expect(report.passed).toBe(false);
    expect(report.commits.map((c) => [c.sha, c.passed])).toEqual([['m1', true], ['m2', false], ['m3', true]]);
    expect(report.issue).toMatchObject({ action: 'created' });
    expect(server.issues).toHaveLength(1);
    expect(server.issues[0]!.body.startsWith(holdMarker(['m2']))).toBe(true);
    expect(server.issues[0]!.body).toContain('— tanpa PR: didorong langsung ke main');
    expect(server.issues[0]!.body).not.toContain('PR #12');
  });

  it('holds an earlier commit of an approved PR pushed straight to main: only the PR\'s own merge commit passes as it', async () => {
    server.addPull({ number: 12, author: 'penulis', createdAt: OPENED, baseSha: 'base1', commits: [{ sha: 'head12', author: 'penulis', date: OPENED }], files: [{ filename: 'content/berita/a/index.md', status: 'added' }] });
    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    server.submitReview(12, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:00') });
    server.commitToMain({ sha: 'head12', author: 'penulis', files: { 'content/berita/a/index.md': 'isi' } });
    server.mergePull(12, { at: at('03:30'), by: 'penulis', sha: 'm2' });
    const { code, report } = await gateJson('--sejak', 'm0', '--sampai', 'm2');
    expect(code).toBe(1);
    expect(report.commits.map((c) => [c.sha, c.basis])).toEqual([['head12', 'no_pull'], ['m2', 'approved_pull']]);
    expect(server.issues[0]!.body).toContain('“Perubahan” — PR #12: commit ini termasuk PR itu, tetapi bukan commit penggabungannya (PR itu digabung sebagai `m2`)');
    expect(server.issues[0]!.body).toContain('Penggabungan dengan *rebase* tidak diterima');
  });

  /** PR 12 merged with a merge commit `m2` whose second parent brings its branch p1 → p2. */
  function mergeWithMergeCommit(approved: boolean) {
    mergePull(11, 'm1', true); // main moved on meanwhile: a true merge, not a fast-forward
    server.addPull({ number: 12, author: 'penulis', createdAt: OPENED, baseSha: 'base1', commits: [{ sha: 'p1', author: 'penulis', date: OPENED }, { sha: 'p2', author: 'penulis', date: OPENED }], files: [{ filename: 'content/berita/b/index.md', status: 'added' }] });
    server.commitOffMain({ sha: 'p1', parents: ['m0'], files: { 'content/berita/b/index.md': 'draf' } });
    server.commitOffMain({ sha: 'p2', parents: ['p1'], files: { 'content/berita/b/index.md': 'isi' } });
    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    if (approved) server.submitReview(12, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:00') });
    server.mergePull(12, { at: at('03:30'), by: 'penulis', sha: 'm2', parents: ['m1', 'p2'] });
  }

  it('passes a merge commit once its PR was approved: the commits its second parent brings are judged through it, not alone', async () => {
    mergeWithMergeCommit(true);
    const { code, report } = await gateJson('--sejak', 'm0', '--sampai', 'm2');
    expect(code).toBe(0);
    expect(report.commits.map((c) => [c.sha, c.basis])).toEqual([['m1', 'approved_pull'], ['m2', 'approved_pull']]);
  });

  it('holds that merge commit when its PR was not approved, naming it and not the branch\'s commits', async () => {
    mergeWithMergeCommit(false);
    const { code, report } = await gateJson('--sejak', 'm0', '--sampai', 'm2');
    expect(code).toBe(1);
    expect(report.commits.map((c) => [c.sha, c.passed])).toEqual([['m1', true], ['m2', false]]);
    expect(server.issues[0]!.body.startsWith(holdMarker(['m2']))).toBe(true);
  });

  it('releases nothing through a release file pushed straight to main: that push holds in turn', async () => {
    mergePull(12, 'm1', false);
    server.commitToMain({ sha: 'm2', author: 'admin-nakal', files: { '.tayang/lepas-tahan/m1.yml': 'alasan: "Saya lepas sendiri."\n' } });
    const { code, report } = await gateJson('--sejak', 'm0', '--sampai', 'm2');
    expect(code).toBe(1);
    expect(report.commits.map((c) => [c.sha, c.basis, c.passed])).toEqual([['m1', 'released', true], ['m2', 'no_pull', false]]);
    expect(server.issues[0]!.body.startsWith(holdMarker(['m2']))).toBe(true);
    expect(server.issues[0]!.body).toContain('`.tayang/lepas-tahan/m2.yml`');
  });

  it('without --sejak checks the whole history from its first commit, which no PR brought', async () => {
    mergePull(12, 'm1', true);
    const { code, report } = await gateJson('--sampai', 'm1');
    expect(code).toBe(1);
    expect(report.commits.map((c) => [c.sha, c.basis])).toEqual([['m0', 'no_pull'], ['m1', 'approved_pull']]);
    expect((await gate('--sampai', 'm1')).stdout).toContain('Ini commit pertama repositori');
  });

  it('without --sejak refuses a history longer than it checks, rather than checking part of it', async () => {
    for (let n = 1; n <= 100; n++) server.commitToMain({ sha: `c${n}`, author: APP_BOT, files: { [`records/${n}.json`]: '{}' }, verified: true });
    const result = await gate();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lebih dari 100 commit');
    expect(result.stderr).toContain('--sejak');
    expect(server.issues).toEqual([]);
  });

  it('exits 2 for an unknown --sejak and without TAYANG_APP_SLUG', async () => {
    const unknown = await gate('--sejak', 'tidakada', '--sampai', 'm0');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('tidak ditemukan');
    const env = { ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, TAYANG_APP_SLUG: '' };
    const noSlug = (await exec(process.execPath, [SCRIPT, 'izin-terbit', '--sejak', 'm0'], { env }).catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(noSlug.code).toBe(2);
    expect(noSlug.stderr).toContain('TAYANG_APP_SLUG');
  });
});
