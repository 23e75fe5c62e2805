import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGithubApproval, VERDICT_CHECK } from '../../src/lib/github/approval.ts';
import { makeGithubClient, type GithubClient } from '../../src/lib/github/client.ts';
import type { ContentReport } from '../../src/lib/github/content-check.ts';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';
import { cleanReport, TAYANG_APP, TAYANG_TOKEN } from './app-fixtures.ts';

const CONFIG = readFileSync(new URL('./fixtures/kpu.config.yml', import.meta.url), 'utf8');
const FAST = { retryUnitMs: 1, writeIntervalMs: 0 };
const TARGET = { owner: 'kantor', repo: 'situs', pullNumber: 12 };
// Monday 3 March 2025, 08:00 WIB: the PR is opened; reviews follow during office hours.
const OPENED = '2025-03-03T01:00:00Z';
const at = (hhmm: string) => `2025-03-03T${hhmm}:00Z`;

let server: GithubServer;
let client: GithubClient;

beforeEach(async () => {
  server = await startGithubServer({ tokens: { [TAYANG_TOKEN]: TAYANG_APP } });
  client = makeGithubClient({ token: TAYANG_TOKEN, baseUrl: server.url, pacing: FAST });
  server.commitToMain({ sha: 'base1', files: { 'tayang.config.yml': CONFIG } });
  server.setTeam('kpu/ketua-divisi', ['ketua-x']);
  server.addPull({
    number: 12,
    author: 'penulis',
    createdAt: OPENED,
    baseSha: 'base1',
    commits: [{ sha: 'head1', author: 'penulis', date: OPENED }],
    files: [{ filename: 'content/berita/rapat-pleno/index.md', status: 'added' }],
  });
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

/** Evaluates PR 12 as the workflow does: Tayang's App token, and a clean content report for its head. */
async function run(now: string, pullNumber = 12) {
  const result = await runGithubApproval(client, { ...TARGET, pullNumber }, new Date(now), { appId: TAYANG_APP.app.id, content: cleanReport(server.pull(pullNumber).headSha) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** The newest check run of the verdict on a commit, as `{state, description, target_url}`. */
function latestStatus(sha = server.pull(12).headSha) {
  const run = server.checkRuns.filter((r) => r.head_sha === sha && r.name === VERDICT_CHECK && r.app.id === TAYANG_APP.app.id).at(-1);
  return run && { state: run.conclusion ?? 'pending', description: run.title, target_url: run.details_url };
}

describe('tayang persetujuan --pr: a two-stage flow on GitHub', () => {
  it('asks only the first stage, then passes the draft on stage by stage until approved', async () => {
    const first = await run(at('01:30'));
    expect(first.verdict.state).toBe('pending');
    expect(latestStatus()).toMatchObject({ state: 'pending', description: 'Menunggu verifikasi Kasubbag' });
    expect(server.pull(12).labels).toEqual(['menunggu verifikasi kasubbag']);
    expect(server.pull(12).requestedReviewers).toEqual(['kasubbag-a', 'kasubbag-b']);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toContain('| Verifikasi Kasubbag |');

    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    await run(at('02:05'));
    expect(latestStatus()).toMatchObject({ state: 'pending', description: 'Menunggu persetujuan Ketua Divisi' });
    expect(server.pull(12).labels).toEqual(['menunggu persetujuan ketua divisi']);
    // The Ketua Divisi's turn has come; kasubbag-b's request is withdrawn: verification has passed.
    expect(server.pull(12).requestedReviewers).toEqual(['ketua-x']);

    server.submitReview(12, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:00') });
    const last = await run(at('03:05'));
    expect(last.verdict.state).toBe('approved');
    expect(latestStatus()).toMatchObject({ state: 'success' });
    expect(server.pull(12).labels).toEqual(['disetujui']);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toMatch(/^<!-- tayang:persetujuan -->\n/);
    expect(server.comments[0]!.body).toContain('ketua-x');
    const requests = server.requests.filter((r) => r.operationId === 'pulls/request-reviewers').map((r) => r.body);
    expect(requests).toEqual([{ reviewers: ['kasubbag-a', 'kasubbag-b'] }, { reviewers: ['ketua-x'] }]);
    const withdrawals = server.requests.filter((r) => r.operationId === 'pulls/remove-requested-reviewers').map((r) => r.body);
    expect(withdrawals).toEqual([{ reviewers: ['kasubbag-b'] }]);
  });

  it('changes nothing on GitHub when run twice on the same state', async () => {
    await run(at('01:30'));
    const writes = server.writes().length;
    const again = await run(at('01:30'));
    expect(again.actions).toEqual([]);
    expect(server.writes()).toHaveLength(writes);
  });

  it('does not withdraw a request someone made by hand', async () => {
    await client.rest.pulls.requestReviewers({ owner: 'kantor', repo: 'situs', pull_number: 12, reviewers: ['humas'] });
    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    await run(at('02:05'));
    expect(server.pull(12).requestedReviewers).toEqual(['humas', 'ketua-x']);
  });

  it('never asks the author, even when the author is a member of the stage', async () => {
    server.addPull({
      number: 13,
      author: 'kasubbag-a',
      createdAt: OPENED,
      baseSha: 'base1',
      commits: [{ sha: 'head13', author: 'kasubbag-a', date: OPENED }],
      files: [{ filename: 'content/berita/b/index.md' }],
    });
    await run(at('01:30'), 13);
    expect(server.pull(13).requestedReviewers).toEqual(['kasubbag-b']);
  });

  it('returns the draft to its author with the reviewer\'s reason, then asks again after the fix', async () => {
    server.submitReview(12, { user: 'kasubbag-b', state: 'CHANGES_REQUESTED', body: 'Nama narasumber belum dikonfirmasi.\nMohon cek ke sekretariat.', submittedAt: at('02:00') });
    const returned = await run(at('02:10'));
    expect(returned.verdict.state).toBe('changes_requested');
    expect(latestStatus()).toMatchObject({ state: 'failure' });
    expect(server.pull(12).labels).toEqual(['perlu perbaikan']);
    expect(server.pull(12).requestedReviewers).toEqual([]);
    const notice = server.comments.find((c) => c.body.includes('dikembalikan pada tahap'));
    expect(notice?.body).toContain('@penulis, draf ini dikembalikan pada tahap **Verifikasi Kasubbag** oleh kasubbag-b');
    expect(notice?.body).toContain('> Nama narasumber belum dikonfirmasi.\n> Mohon cek ke sekretariat.');

    await run(at('02:20'));
    expect(server.comments).toHaveLength(2); // the notice is not repeated

    server.push(12, { sha: 'head2', author: 'penulis', date: at('02:30') });
    await run(at('02:35'));
    expect(latestStatus('head2')).toMatchObject({ state: 'pending', description: 'Menunggu verifikasi Kasubbag' });
    expect(server.pull(12).labels).toEqual(['menunggu verifikasi kasubbag']);
    expect(server.pull(12).requestedReviewers).toEqual(['kasubbag-a', 'kasubbag-b']);
  });

  it('treats an approval on an older commit as stale after a push', async () => {
    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    server.push(12, { sha: 'head2', author: 'penulis', date: at('02:30') });
    const result = await run(at('02:35'));
    expect(result.verdict.stages[0]!.state).toBe('pending');
    expect(latestStatus('head2')).toMatchObject({ state: 'pending', description: 'Menunggu verifikasi Kasubbag' });
  });

  it('links the check to the stage table comment', async () => {
    await run(at('01:30'));
    expect(latestStatus()?.target_url).toBe(`https://github.test/kantor/situs/pull/12#issuecomment-${server.comments[0]!.id}`);
  });

  it('blocks a PR with a file no flow governs, asking the author (not the officials) to act', async () => {
    server.push(12, { sha: 'head2', author: 'penulis', date: at('01:10') }, [{ filename: 'catatan-pribadi.txt', status: 'added' }]);
    await run(at('01:30'));
    expect(latestStatus('head2')).toMatchObject({ state: 'failure', description: 'Ada 1 berkas yang tidak diatur alur SOP' });
    expect(server.pull(12).labels).toEqual(['perlu perbaikan']);
    expect(server.pull(12).requestedReviewers).toEqual([]);
  });

  it('labels a draft PR "draf" and asks nobody', async () => {
    server.setDraft(12, true);
    await run(at('01:30'));
    expect(server.pull(12).labels).toEqual(['draf']);
    expect(server.pull(12).requestedReviewers).toEqual([]);
    expect(latestStatus()).toMatchObject({ state: 'pending' });
  });

  it('leaves labels that are not Tayang\'s alone and removes stale Tayang labels', async () => {
    await client.rest.issues.addLabels({ owner: 'kantor', repo: 'situs', issue_number: 12, labels: ['pemilu', 'draf'] });
    await run(at('01:30'));
    expect(server.pull(12).labels).toEqual(['pemilu', 'menunggu verifikasi kasubbag']);
  });
});

describe('tayang persetujuan --pr: the config is the base branch\'s', () => {
  it('ignores a PR that rewrites tayang.config.yml to make a friend the approver', async () => {
    const granted = CONFIG.replace('anggota: [kasubbag-a, kasubbag-b]', 'anggota: [teman]').replace('anggota: ["@kpu/ketua-divisi"]', 'anggota: [teman]');
    server.setFile('head1', 'tayang.config.yml', granted);
    server.addPull({
      number: 20,
      author: 'penulis',
      createdAt: OPENED,
      baseSha: 'base1',
      commits: [{ sha: 'head1', author: 'penulis', date: OPENED }],
      files: [{ filename: 'content/berita/a/index.md' }, { filename: 'tayang.config.yml' }],
    });
    server.submitReview(20, { user: 'teman', state: 'APPROVED', submittedAt: at('02:00') });
    const result = await run(at('02:05'), 20);
    expect(result.verdict.state).toBe('pending');
    expect(result.verdict.flows).toEqual(['publikasi', 'sistem']);
    const reads = server.requests.filter((r) => r.operationId === 'repos/get-content');
    expect(reads.map((r) => r.query.get('ref'))).toEqual(['base1']);
    expect(server.pull(20).requestedReviewers).not.toContain('teman');
  });

  it('stops with a clear problem and a failed check when the base branch has no config', async () => {
    server.commitToMain({ sha: 'base-kosong', files: { 'tayang.config.yml': null } });
    server.addPull({ number: 21, author: 'penulis', createdAt: OPENED, baseSha: 'base-kosong', commits: [{ sha: 'head21', author: 'penulis', date: OPENED }], files: [{ filename: 'content/berita/a/index.md' }] });
    const result = await runGithubApproval(client, { ...TARGET, pullNumber: 21 }, new Date(at('02:00')), { appId: TAYANG_APP.app.id });
    expect(result).toMatchObject({ ok: false, problems: [{ message: 'berkas konfigurasi tidak ada di cabang dasar.' }] });
    expect(latestStatus('head21')).toMatchObject({ state: 'failure', description: 'tayang.config.yml di cabang dasar tidak bisa dipakai' });
  });

  it('does not count a team it may not read, and says why', async () => {
    server.setTeam('kpu/ketua-divisi', []);
    server.failNext({ path: /\/teams\/ketua-divisi\/members$/, status: 403, message: 'Resource not accessible by integration' });
    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    server.submitReview(12, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:00') });
    const result = await run(at('03:05'));
    expect(result.verdict.state).toBe('pending');
    expect(result.warnings[0]).toContain('anggota tim @kpu/ketua-divisi tidak bisa dibaca (HTTP 403)');
  });
});

describe('tayang persetujuan --pr: GitHub being GitHub', () => {
  it('reads every page of 150 reviews and survives a secondary rate limit and a 5xx on the way', async () => {
    for (let i = 0; i < 149; i++) server.submitReview(12, { user: `warga-${i}`, state: 'COMMENTED', body: 'Setuju', submittedAt: at('01:40') });
    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    server.failNext({ method: 'GET', path: /\/pulls\/12\/reviews$/, status: 403, headers: { 'retry-after': '3' }, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' });
    server.failNext({ method: 'GET', path: /\/pulls\/12\/files$/, status: 503, message: 'Service Unavailable' });
    server.failNext({ method: 'POST', path: /\/check-runs$/, status: 500 });
    const result = await run(at('02:05'));
    expect(result.verdict.stages.find((s) => s.id === 'verifikasi')).toMatchObject({ state: 'approved', approvers: ['kasubbag-a'] });
    const reviewPages = server.requests.filter((r) => r.operationId === 'pulls/list-reviews');
    expect(reviewPages.map((r) => [r.status, r.query.get('page') ?? '1'])).toEqual([['403', '1'], ['200', '1'], ['200', '2']].map(([s, p]) => [Number(s), p]));
    expect(server.requests.filter((r) => r.operationId === 'pulls/list-files').map((r) => r.status)).toEqual([503, 200]);
    expect(server.checkRuns).toHaveLength(1);
    expect(latestStatus()).toMatchObject({ state: 'pending', description: 'Menunggu persetujuan Ketua Divisi' });
  });
});

describe('the tayang command line in GitHub mode', () => {
  it('runs `tayang persetujuan --pr 12` against GITHUB_API_URL and exits 1 while waiting', async () => {
    const exec = promisify(execFile);
    const script = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
    const env = { ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, TAYANG_APP_ID: String(TAYANG_APP.app.id), GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
    const failure = await exec(process.execPath, [script, 'persetujuan', '--pr', '12', '--format', 'json', '--sekarang', at('01:30')], { env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    const output = JSON.parse((failure as { stdout: string }).stdout) as { state: string; stages: { id: string; state: string }[] };
    expect(output.state).toBe('pending');
    expect(output.stages.map((s) => [s.id, s.state])).toEqual([['verifikasi', 'pending'], ['persetujuan', 'waiting']]);
    expect((failure as { stderr: string }).stderr).toContain('GitHub: pemeriksaan tayang/persetujuan: menunggu — Menunggu verifikasi Kasubbag');
    expect(latestStatus()).toMatchObject({ state: 'pending' });
  });

  it('exits 2 with an Indonesian message when GITHUB_REPOSITORY is missing', async () => {
    const exec = promisify(execFile);
    const script = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
    const env = { ...process.env, GITHUB_TOKEN: 'uji', GITHUB_REPOSITORY: '', GITHUB_API_URL: server.url };
    const failure = (await exec(process.execPath, [script, 'persetujuan', '--pr', '12'], { env }).catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('GITHUB_REPOSITORY');
    expect(failure.stderr).toContain('nama repositori tidak ada.');
    expect(server.requests).toEqual([]);
  });
});

describe('tayang persetujuan --pr: no verdict for a head it did not read', () => {
  const approveBoth = () => {
    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    server.submitReview(12, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:00') });
  };

  it('reads again when a push lands between reading the PR and listing its files, and judges the new head', async () => {
    approveBoth();
    let pushed = false;
    server.afterRequest((request) => {
      if (request.operationId !== 'pulls/list-files' || pushed) return false;
      pushed = true;
      server.push(12, { sha: 'head2', author: 'penulis', date: at('03:01') }, [{ filename: 'content/berita/lain/index.md', status: 'added' }]);
      return true;
    });
    const result = await runGithubApproval(client, TARGET, new Date(at('03:05')), { appId: TAYANG_APP.app.id, content: cleanReport('head2') });
    expect(result.ok && result.value.verdict.pull.head_sha).toBe('head2');
    expect(result.ok && result.value.verdict.state).toBe('pending'); // the approvals were on head1
    expect(latestStatus('head1')).toBeUndefined();
    expect(latestStatus('head2')).toMatchObject({ state: 'pending' });
    expect(server.requests.filter((r) => r.operationId === 'pulls/get').length).toBe(4);
  });

  it('sets nothing at all while the head keeps moving', async () => {
    approveBoth();
    let n = 2;
    server.afterRequest((request) => {
      if (request.operationId === 'pulls/list-commits') server.push(12, { sha: `head${n++}`, author: 'penulis', date: at('03:01') });
      return n > 5;
    });
    const result = await runGithubApproval(client, TARGET, new Date(at('03:05')), { appId: TAYANG_APP.app.id, content: cleanReport('head1') });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toContain('terus berubah');
    expect(server.checkRuns).toEqual([]);
    expect(server.writes()).toEqual([]);
  });
});

describe('tayang persetujuan --pr: one required verdict covers the content checks', () => {
  const approveBoth = () => {
    server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
    server.submitReview(12, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:00') });
  };
  const judge = (content?: ContentReport) => runGithubApproval(client, TARGET, new Date(at('03:05')), { appId: TAYANG_APP.app.id, ...(content ? { content } : {}) });
  const nik = { file: 'content/berita/rapat-pleno/index.md', line: 9, column: 3, rule: 'privacy/nik', severity: 'error' as const, message: 'NIK tertulis utuh.' };

  it('fails while the PR\'s files have errors, even when every official approved', async () => {
    approveBoth();
    const result = await judge({ sha: 'head1', files: 1, findings: [nik] });
    expect(result.ok && result.value.verdict.state).toBe('approved');
    expect(latestStatus()).toMatchObject({ state: 'failure', description: 'Disetujui, tetapi naskah punya 1 kesalahan' });
    expect(server.checkRuns.at(-1)!.summary).toContain('content/berita/rapat-pleno/index.md:9 privacy/nik');
    expect(server.comments[0]!.body).toContain('**Pemeriksaan naskah:** Pemeriksaan naskah menemukan 1 kesalahan');
  });

  it('waits without a report, or with a report of another commit', async () => {
    approveBoth();
    await judge();
    expect(latestStatus()).toMatchObject({ state: 'pending', description: 'Disetujui; menunggu pemeriksaan naskah' });
    await judge(cleanReport('0123456789abcdef0123456789abcdef01234567'));
    expect(latestStatus()).toMatchObject({ state: 'pending' });
    expect(server.checkRuns.at(-1)!.summary).toContain('laporan yang ada untuk commit 0123456');
  });

  it('passes with approvals and content without errors (warnings do not block)', async () => {
    approveBoth();
    await judge({ sha: 'head1', files: 1, findings: [{ ...nik, rule: 'language/kata-baku', severity: 'warning' }] });
    expect(latestStatus()).toMatchObject({ state: 'success', description: 'Disetujui sesuai SOP' });
  });

  it('reads the report from --periksa and exits 0 only when both pass', async () => {
    approveBoth();
    const exec = promisify(execFile);
    const script = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), 'tayang-periksa-'));
    const env = { ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, TAYANG_APP_ID: String(TAYANG_APP.app.id), GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
    const args = (file: string) => [script, 'persetujuan', '--pr', '12', '--periksa', file, '--sekarang', at('03:05')];
    writeFileSync(join(dir, 'kotor.json'), JSON.stringify({ sha: 'head1', files: 1, findings: [nik] }));
    const dirty = (await exec(process.execPath, args(join(dir, 'kotor.json')), { env }).catch((error: unknown) => error)) as { code: number; stdout: string };
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toContain('Pemeriksaan naskah: Pemeriksaan naskah menemukan 1 kesalahan');
    writeFileSync(join(dir, 'bersih.json'), JSON.stringify(cleanReport('head1')));
    const clean = await exec(process.execPath, args(join(dir, 'bersih.json')), { env });
    expect(clean.stdout).toContain('Persetujuan PR #12: DISETUJUI');
    expect(clean.stdout).toContain('Pemeriksaan naskah: Pemeriksaan naskah lulus tanpa temuan.');
    writeFileSync(join(dir, 'rusak.json'), '{"files": 1}');
    const broken = (await exec(process.execPath, args(join(dir, 'rusak.json')), { env }).catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('rusak.json');
  });

  it('needs TAYANG_APP_ID in GitHub mode, and says where it comes from', async () => {
    const exec = promisify(execFile);
    const script = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
    const env = { ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, TAYANG_APP_ID: '', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
    const failure = (await exec(process.execPath, [script, 'persetujuan', '--pr', '12'], { env }).catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('TAYANG_APP_ID');
    expect(server.requests).toEqual([]);
  });
});
