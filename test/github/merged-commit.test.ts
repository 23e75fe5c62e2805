import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotAsAt } from '../../src/lib/approval/snapshot.ts';
import { chooseMergedPull } from '../../src/lib/github/merged-commit.ts';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';
import { TAYANG_APP, TAYANG_TOKEN } from './app-fixtures.ts';

/**
 * `tayang persetujuan --commit SHA`: the merged PR behind a commit on main, judged as at its
 * merge under its base's config, against the local GitHub.
 */

const exec = promisify(execFile);
const SCRIPT = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
const CONFIG = readFileSync(new URL('./fixtures/kpu.config.yml', import.meta.url), 'utf8');
const OPENED = '2025-03-03T01:00:00Z';
const at = (hhmm: string) => `2025-03-03T${hhmm}:00Z`;

let server: GithubServer;

beforeEach(async () => {
  server = await startGithubServer({ tokens: { [TAYANG_TOKEN]: TAYANG_APP } });
  server.setFile('base1', 'tayang.config.yml', CONFIG);
  server.setTeam('kpu/ketua-divisi', ['ketua-x']);
  server.commitToMain({ sha: 'm0', files: { 'tayang.config.yml': CONFIG } });
  openPull(12);
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function openPull(number: number, baseSha = 'base1') {
  server.addPull({
    number,
    author: 'penulis',
    createdAt: OPENED,
    baseSha,
    commits: [{ sha: `head${number}`, author: 'penulis', date: OPENED }],
    files: [{ filename: `content/berita/berita-${number}/index.md`, status: 'added' }],
  });
}

const approve = (number: number, user: string, time: string) => server.submitReview(number, { user, state: 'APPROVED', submittedAt: at(time) });

async function tayang(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
  return exec(process.execPath, [SCRIPT, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('tayang persetujuan --commit', () => {
  it('exits 0 for the merge of a PR that was approved when it was merged, and says which PR', async () => {
    approve(12, 'kasubbag-a', '02:00');
    approve(12, 'ketua-x', '03:00');
    server.mergePull(12, { at: at('03:30'), by: 'penulis', sha: 'm1' });

    const text = await tayang('persetujuan', '--commit', 'm1');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Commit m1 berasal dari PR #12, digabung Senin, 3 Maret 2025, 10.30 WIB');
    expect(text.stdout).toContain('Persetujuan PR #12: DISETUJUI');

    const json = await tayang('persetujuan', '--commit', 'm1', '--format', 'json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ commit: 'm1', approved: true, pull: { number: 12, merged_at: at('03:30'), merge_commit_sha: 'm1', base: { ref: 'main', sha: 'm0' } }, state: 'approved', flows: ['publikasi'] });
    expect(out.stages.map((s: { id: string; state: string }) => [s.id, s.state])).toEqual([['verifikasi', 'approved'], ['persetujuan', 'approved']]);
    // Judged at the merge, not now: the clock of the last stage stopped when it passed.
    expect(out.stages[1].elapsed_minutes).toBe(60);
  });

  it('exits 1 for the merge of a PR that was not approved', async () => {
    approve(12, 'kasubbag-a', '02:00');
    server.mergePull(12, { at: at('03:00'), by: 'penulis', sha: 'm1' });
    const result = await tayang('persetujuan', '--commit', 'm1', '--format', 'json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ approved: false, state: 'pending', pull: { number: 12 } });
  });

  it('exits 1 for a commit pushed straight to main, with no PR', async () => {
    server.commitToMain({ sha: 'm1', author: 'admin-nakal', files: { 'content/berita/x/index.md': 'isi' } });
    const text = await tayang('persetujuan', '--commit', 'm1');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('tidak berasal dari PR yang digabung ke cabang utama');
    const json = await tayang('persetujuan', '--commit', 'm1', '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ commit: 'm1', approved: false, pull: null, state: null, stages: [] });
  });

  it('exits 1 for an approved PR\'s earlier commit pushed straight to main, saying it is not the PR\'s merge', async () => {
    approve(12, 'kasubbag-a', '02:00');
    approve(12, 'ketua-x', '03:00');
    server.commitToMain({ sha: 'head12', author: 'penulis', files: { 'content/berita/berita-12/index.md': 'isi' } });
    server.mergePull(12, { at: at('03:30'), by: 'penulis', sha: 'm2' });
    expect((await tayang('persetujuan', '--commit', 'm2')).code).toBe(0);
    const text = await tayang('persetujuan', '--commit', 'head12');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Commit head12 termasuk PR #12, tetapi bukan commit penggabungannya (PR itu digabung sebagai m2)');
    expect(text.stdout).toContain('rebase, yang tidak diterima');
    const json = JSON.parse((await tayang('persetujuan', '--commit', 'head12', '--format', 'json')).stdout);
    expect(json).toMatchObject({ commit: 'head12', approved: false, pull: null, other_pull: { number: 12, merge_commit_sha: 'm2' }, state: null });
  });

  it('exits 1 when the approvals came only after the merge', async () => {
    server.mergePull(12, { at: at('01:30'), by: 'penulis', sha: 'm1' });
    approve(12, 'kasubbag-a', '02:00');
    approve(12, 'ketua-x', '03:00');
    const result = await tayang('persetujuan', '--commit', 'm1', '--format', 'json');
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout);
    expect(out.stages.map((s: { approvers: string[] }) => s.approvers)).toEqual([[], []]);
  });

  it('exits 2 naming the file when main had no config just before the merge, whatever the PR\'s stale base had', async () => {
    openPull(13);
    approve(13, 'kasubbag-a', '02:00');
    approve(13, 'ketua-x', '03:00');
    server.commitToMain({ sha: 'tanpa-konfigurasi', files: { 'tayang.config.yml': null } });
    server.mergePull(13, { at: at('03:30'), by: 'penulis', sha: 'm1' });
    const result = await tayang('persetujuan', '--commit', 'm1');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tayang.config.yml (cabang dasar main @ tanpa-k)');
    expect(result.stderr).toContain('berkas konfigurasi tidak ada di cabang dasar');
    expect(result.stderr).toContain('Perbaikan:');
  });

  it('exits 2 for a malformed sha and for a commit GitHub does not know', async () => {
    const malformed = await tayang('persetujuan', '--commit', 'HEAD~1');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('"HEAD~1" bukan sha commit');
    const unknown = await tayang('persetujuan', '--commit', 'deadbeef');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('commit "deadbeef" tidak ditemukan');
  });

  it('refuses --sekarang: the PR is judged at its merge', async () => {
    const result = await tayang('persetujuan', '--commit', 'm0', '--sekarang', '2025-03-10T09:00:00+07:00');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--sekarang');
  });
});

describe('which PR a commit came from', () => {
  const pull = (number: number, mergedAt: string | null, mergeSha: string | null, base = 'main') => ({ number, html_url: `https://github.test/pull/${number}`, merged_at: mergedAt, merge_commit_sha: mergeSha, base: { ref: base, sha: 'b' } });

  it('prefers the PR whose merge commit it is', () => {
    expect(chooseMergedPull([pull(1, at('01:00'), 'x'), pull(2, at('02:00'), 'm1')], 'm1', 'main')?.number).toBe(2);
  });

  it('takes only the PR merged into the default branch whose merge is that very commit', () => {
    expect(chooseMergedPull([pull(1, null, null), pull(2, at('02:00'), 'c1', 'rilis'), pull(3, at('03:00'), 'c1'), pull(4, at('01:00'), 'z')], 'c1', 'main')?.number).toBe(3);
    // GitHub also associates a PR's earlier commits with it: they are not its merge.
    expect(chooseMergedPull([pull(1, null, null), pull(2, at('02:00'), 'x', 'rilis'), pull(4, at('01:00'), 'z')], 'c1', 'main')).toBeUndefined();
  });

  it('drops reviews submitted after the merge, keeping those at the same second', () => {
    const review = (submitted_at: string) => ({ user: { login: 'a' }, state: 'APPROVED', submitted_at });
    const snapshot = { pull: {} as never, commits: [], files: [], reviews: [review(at('02:00')), review(at('03:00')), review(at('03:01'))] };
    expect(snapshotAsAt(snapshot, at('03:00')).reviews.map((r) => r.submitted_at)).toEqual([at('02:00'), at('03:00')]);
  });
});
