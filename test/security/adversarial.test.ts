import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGithubApproval, VERDICT_CHECK } from '../../src/lib/github/approval.ts';
import { makeGithubClient, type GithubClient } from '../../src/lib/github/client.ts';
import type { ContentReport } from '../../src/lib/github/content-check.ts';
import { tayangRuleset } from '../../src/lib/github/ruleset.ts';
import { ACTIONS_IDENTITY, startGithubServer, type GithubServer, type PullCommitSetup } from '../support/github-server.ts';
import { cleanReport, TAYANG_APP, TAYANG_TOKEN, WRITER, WRITER_TOKEN } from '../github/app-fixtures.ts';

/**
 * Issue 8's adversarial suite: what a writer with bad intent, an outside contributor or a stolen
 * branch workflow would try on real GitHub, each against the local GitHub with the ruleset that
 * `tayang pasang-github --app-id` prints. Every case names the attack; every one must end with
 * "not approved" (or "not published").
 */

const exec = promisify(execFile);
const SCRIPT = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
const CONFIG = readFileSync(new URL('../github/fixtures/kpu.config.yml', import.meta.url), 'utf8');
const FAST = { retryUnitMs: 1, writeIntervalMs: 0 };
const APP_ID = TAYANG_APP.app.id;
const OPENED = '2025-03-03T01:00:00Z';
const at = (hhmm: string) => `2025-03-03T${hhmm}:00Z`;
const ACTIONS_TOKEN = 'ghs-actions-cabang';
const WORKFLOWS = new URL('../../.github/workflows/', import.meta.url);
type Job = { environment?: string; permissions?: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] };
const workflow = (name: string) => parse(readFileSync(new URL(name, WORKFLOWS), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };

let server: GithubServer;
let app: GithubClient;
const as = (token: string) => makeGithubClient({ token, baseUrl: server.url, pacing: FAST });
const repo = { owner: 'kantor', repo: 'situs' };

beforeEach(async () => {
  server = await startGithubServer({ tokens: { [TAYANG_TOKEN]: TAYANG_APP, [WRITER_TOKEN]: WRITER, [ACTIONS_TOKEN]: ACTIONS_IDENTITY } });
  app = as(TAYANG_TOKEN);
  server.commitToMain({ sha: 'base1', files: { 'tayang.config.yml': CONFIG } });
  server.setTeam('kpu/ketua-divisi', ['ketua-x']);
  await as('admin').rest.repos.createRepoRuleset({ ...repo, ...tayangRuleset(APP_ID) });
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function openPull(number: number, options: { author?: string; commits?: PullCommitSetup[]; files?: string[] } = {}) {
  const author = options.author ?? 'penulis';
  server.addPull({
    number,
    author,
    createdAt: OPENED,
    baseSha: 'base1',
    commits: options.commits ?? [{ sha: `head${number}`, author, date: OPENED }],
    files: (options.files ?? ['content/berita/rapat-pleno/index.md']).map((filename) => ({ filename, status: 'added' as const })),
  });
}

const approve = (number: number, user: string, time: string, commitId?: string) => server.submitReview(number, { user, state: 'APPROVED', submittedAt: at(time), ...(commitId ? { commitId } : {}) });
const approveBoth = (number: number) => {
  approve(number, 'kasubbag-a', '02:00');
  approve(number, 'ketua-x', '03:00');
};

/** Tayang's evaluation as the workflow runs it; the verdict and whether GitHub would allow the merge. */
async function judge(number: number, content: ContentReport | null = cleanReport(server.pull(number).headSha)) {
  const result = await runGithubApproval(app, { ...repo, pullNumber: number }, new Date(at('04:00')), { appId: APP_ID, ...(content ? { content } : {}) });
  const head = server.pull(number).headSha;
  return { result, state: result.ok ? result.value.verdict.state : 'unusable', mergeable: server.requiredChecks(head).satisfied };
}

describe('forged verdicts', () => {
  it('a writer sets a success status named tayang/persetujuan with their own token', async () => {
    openPull(1);
    await as(WRITER_TOKEN).rest.repos.createCommitStatus({ ...repo, sha: 'head1', context: VERDICT_CHECK, state: 'success' });
    expect(server.requiredChecks('head1').satisfied).toBe(false);
  });

  it('a branch workflow sets that status with GITHUB_TOKEN', async () => {
    openPull(1);
    await as(ACTIONS_TOKEN).rest.repos.createCommitStatus({ ...repo, sha: 'head1', context: VERDICT_CHECK, state: 'success' });
    expect(server.requiredChecks('head1').satisfied).toBe(false);
  });

  it('a branch workflow creates a successful check run of that name with GITHUB_TOKEN', async () => {
    openPull(1);
    await as(ACTIONS_TOKEN).rest.checks.create({ ...repo, name: VERDICT_CHECK, head_sha: 'head1', status: 'completed', conclusion: 'success' });
    expect(server.requiredChecks('head1').satisfied).toBe(false);
  });

  it('a writer tries to create a check run with a personal token', async () => {
    openPull(1);
    const refused = await as(WRITER_TOKEN).rest.checks.create({ ...repo, name: VERDICT_CHECK, head_sha: 'head1', status: 'completed', conclusion: 'success' }).catch((error: { status: number }) => error);
    expect(refused).toMatchObject({ status: 403 });
    expect(server.checkRuns).toEqual([]);
  });

  it('a forged run that says what Tayang would say does not stop Tayang from setting its own', async () => {
    openPull(1);
    const first = await judge(1);
    const mine = server.checkRuns.at(-1)!;
    await as(ACTIONS_TOKEN).rest.checks.create({ ...repo, name: VERDICT_CHECK, head_sha: 'head1', status: 'completed', conclusion: 'success', output: { title: mine.title!, summary: mine.summary! } });
    approveBoth(1);
    const after = await judge(1);
    expect([first.mergeable, after.state, after.mergeable]).toEqual([false, 'approved', true]);
    expect(server.checkRuns.filter((r) => r.app.id === APP_ID).at(-1)!.conclusion).toBe('success');
  });

  it('a success the App set on an older head does not carry to a new push', async () => {
    openPull(1);
    approveBoth(1);
    expect((await judge(1)).mergeable).toBe(true);
    server.push(1, { sha: 'head1b', author: 'penulis', date: at('03:30') });
    const after = await judge(1);
    expect([after.state, after.mergeable]).toEqual(['pending', false]);
  });
});

describe('branch workflows', () => {
  it('a workflow on a branch cannot mint the App token: every App token step sits in the tayang environment', () => {
    for (const file of ['persetujuan.yml', 'catat.yml', 'terbit.yml']) {
      for (const [name, job] of Object.entries(workflow(file).jobs)) {
        if (job.steps.some((s) => s.uses?.startsWith('actions/create-github-app-token'))) expect(job.environment, `${file}:${name}`).toBe('tayang');
      }
    }
  });

  it('the review marker, which runs the branch\'s own file, holds no token scope and no secret', () => {
    const tinjauan = workflow('tinjauan.yml');
    expect(Object.keys(tinjauan.on)).toEqual(['pull_request_review']);
    expect(JSON.stringify(tinjauan)).not.toMatch(/secrets\.|environment|vars\./);
  });

  it('the verdict never runs on pull_request or pull_request_review, whose workflow file is the branch\'s', () => {
    expect(Object.keys(workflow('persetujuan.yml').on).sort()).toEqual(['pull_request_target', 'workflow_run']);
  });

  it('the job that reads the PR\'s files holds no secret and runs nothing from them', () => {
    const naskah = workflow('persetujuan.yml').jobs.naskah!;
    expect(naskah.environment).toBeUndefined();
    expect(JSON.stringify(naskah)).not.toMatch(/secrets\.(?!GITHUB_TOKEN)/);
    const after = naskah.steps.slice(naskah.steps.findIndex((s) => s.with?.path === 'naskah') + 1);
    expect(after.map((s) => s.run ?? s.uses).join('\n')).not.toMatch(/npm (ci|install|run)|npx|node /);
  });
});

describe('self-approval', () => {
  it('an official who co-authored a commit cannot approve it', async () => {
    openPull(1, { commits: [{ sha: 'head1', author: 'penulis', date: OPENED, message: 'Berita rapat pleno\n\nCo-authored-by: Kasubbag A <kasubbag-a@users.noreply.github.test>' }] });
    approveBoth(1);
    approve(1, 'kasubbag-a', '02:00');
    const verdict = await judge(1);
    expect([verdict.state, verdict.mergeable]).toEqual(['pending', false]);
  });

  it('an official who committed (not authored) a commit cannot approve it', async () => {
    openPull(1, { commits: [{ sha: 'head1', author: 'penulis', committer: 'kasubbag-a', date: OPENED }] });
    approveBoth(1);
    expect((await judge(1)).mergeable).toBe(false);
  });

  it('a co-author the data cannot tie to an account blocks approval', async () => {
    openPull(1, { commits: [{ sha: 'head1', author: 'penulis', date: OPENED, message: 'Berita\n\nCo-authored-by: Seseorang <seseorang@contoh.go.id>' }] });
    approveBoth(1);
    const verdict = await judge(1);
    expect([verdict.state, verdict.mergeable]).toEqual(['pending', false]);
  });

  it('an unlinked committer blocks approval', async () => {
    openPull(1, { commits: [{ sha: 'head1', author: 'penulis', committer: null, date: OPENED }] });
    approveBoth(1);
    expect((await judge(1)).mergeable).toBe(false);
  });

  it('web-flow as an author (no person) blocks approval', async () => {
    openPull(1, { commits: [{ sha: 'head1', author: 'web-flow', committer: 'web-flow', date: OPENED }] });
    approveBoth(1);
    expect((await judge(1)).mergeable).toBe(false);
  });

  it('the PR\'s opener approving their own PR does not count', async () => {
    openPull(1, { author: 'kasubbag-a' });
    approveBoth(1);
    expect((await judge(1)).state).toBe('pending');
  });

  it('one official approving for two stages counts once', async () => {
    server.setTeam('kpu/ketua-divisi', ['ketua-x', 'kasubbag-a']);
    openPull(1);
    approve(1, 'kasubbag-a', '02:00');
    expect((await judge(1)).state).toBe('pending');
  });

  it('a review by someone in no role does not count', async () => {
    openPull(1);
    approve(1, 'kasubbag-a', '02:00');
    approve(1, 'teman-penulis', '03:00');
    expect((await judge(1)).state).toBe('pending');
  });
});

describe('moving heads', () => {
  it('a push between reading the PR and listing its files gets no verdict on the old head', async () => {
    openPull(1);
    approveBoth(1);
    server.afterRequest((request) => {
      if (request.operationId !== 'pulls/list-files') return false;
      server.push(1, { sha: 'head1b', author: 'penulis', date: at('03:30') }, [{ filename: 'content/berita/lain/index.md' }]);
      return true;
    });
    const verdict = await judge(1, cleanReport('head1b'));
    expect(server.checkRuns.filter((r) => r.head_sha === 'head1')).toEqual([]);
    expect([verdict.state, server.requiredChecks('head1').satisfied]).toEqual(['pending', false]);
  });

  it('an approval given on an older head is stale after a push', async () => {
    openPull(1);
    approveBoth(1);
    server.push(1, { sha: 'head1b', author: 'penulis', date: at('03:30') });
    expect((await judge(1)).state).toBe('pending');
  });

  it('a clean content report for an older head does not pass the new one', async () => {
    openPull(1);
    server.push(1, { sha: 'head1b', author: 'penulis', date: at('01:30') });
    approveBoth(1);
    const verdict = await judge(1, cleanReport('head1'));
    expect([verdict.state, verdict.mergeable]).toEqual(['approved', false]);
  });
});

describe('config and workflow edits', () => {
  it('a PR that makes a friend the approver in tayang.config.yml is judged by the base config', async () => {
    server.setFile('head1', 'tayang.config.yml', CONFIG.replace('anggota: [kasubbag-a, kasubbag-b]', 'anggota: [teman]'));
    openPull(1, { files: ['content/berita/a/index.md', 'tayang.config.yml'] });
    approve(1, 'teman', '02:00');
    approve(1, 'ketua-x', '03:00');
    expect((await judge(1)).mergeable).toBe(false);
  });

  it('a PR that changes a workflow needs the system flow\'s own approval too', async () => {
    openPull(1, { files: ['content/berita/a/index.md', '.github/workflows/persetujuan.yml'] });
    approve(1, 'kasubbag-a', '02:00');
    const verdict = await judge(1);
    expect(verdict.result.ok && verdict.result.value.verdict.flows).toEqual(['publikasi', 'sistem']);
    expect(verdict.mergeable).toBe(false);
  });

  it('a PR that deletes its own flow from the config is still governed by the base config', async () => {
    server.setFile('head1', 'tayang.config.yml', CONFIG.replace(/ {2}- id: publikasi[\s\S]*?(?= {2}- id: sistem)/, ''));
    openPull(1, { files: ['content/berita/a/index.md', 'tayang.config.yml'] });
    approve(1, 'ketua-x', '03:00');
    expect((await judge(1)).state).toBe('pending');
  });

  it('a second PR of the same head into the writer\'s own branch, whose config names an accomplice, earns no verdict for main', async () => {
    server.setFile('x-tip', 'tayang.config.yml', CONFIG.replace('anggota: [kasubbag-a, kasubbag-b]', 'anggota: [kaki-tangan]').replace('anggota: ["@kpu/ketua-divisi"]', 'anggota: [kaki-tangan-2]'));
    openPull(1); // evil → main
    server.addPull({ number: 2, author: 'penulis', createdAt: OPENED, baseRef: 'x', baseSha: 'x-tip', commits: [{ sha: 'head1', author: 'penulis', date: OPENED }], files: [{ filename: 'content/berita/rapat-pleno/index.md' }] });
    approve(2, 'kaki-tangan', '02:00', 'head1');
    approve(2, 'kaki-tangan-2', '03:00', 'head1');
    const crossBase = await runGithubApproval(app, { ...repo, pullNumber: 2 }, new Date(at('04:00')), { appId: APP_ID, content: cleanReport('head1') });
    expect(crossBase.ok).toBe(false);
    expect(server.requiredChecks('head1').satisfied).toBe(false);
    expect((await judge(1)).mergeable).toBe(false);
  });

  it('an official removed from the config on main after the PR was opened no longer counts (the base is read as it is now)', async () => {
    openPull(1);
    approveBoth(1);
    server.commitToMain({ sha: 'base2', files: { 'tayang.config.yml': CONFIG.replace('anggota: [kasubbag-a, kasubbag-b]', 'anggota: [kasubbag-b]') } });
    expect((await judge(1)).state).toBe('pending');
  });

  it('a PR cannot switch off its own content checks: the check job uses the base branch\'s config and code', () => {
    const check = workflow('persetujuan.yml').jobs.naskah!.steps.find((s) => s.run?.includes('tayang periksa'))!;
    expect(check.run).toContain('--config "$GITHUB_WORKSPACE/tayang.config.yml"');
    expect(check.run).toContain('PATH="$GITHUB_WORKSPACE/node_modules/.bin:$PATH" tayang periksa');
  });
});

describe('records edits', () => {
  it('a PR that edits an approval record is governed by no flow and blocked', async () => {
    openPull(1, { files: ['records/persetujuan/21.json'] });
    approveBoth(1);
    const verdict = await judge(1);
    expect(verdict.result.ok && verdict.result.value.verdict.ungoverned_files).toEqual(['records/persetujuan/21.json']);
    expect(verdict.mergeable).toBe(false);
  });

  it('a writer cannot push a record straight to main: only the App bypasses the ruleset', async () => {
    server.commitToMain({ sha: 'm1', files: { 'records/persetujuan/1.json': '{}' } });
    const writer = as(WRITER_TOKEN);
    const { data: tree } = await writer.rest.git.createTree({ ...repo, base_tree: 'tree-m1', tree: [{ path: 'records/persetujuan/2.json', mode: '100644', type: 'blob', content: '{"palsu": true}' }] });
    const { data: commit } = await writer.rest.git.createCommit({ ...repo, message: 'Catatan persetujuan', tree: tree.sha, parents: ['m1'] });
    const refused = await writer.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: commit.sha }).catch((error: { status: number; message: string }) => error);
    expect(refused).toMatchObject({ status: 422 });
    expect(server.mainFile('records/persetujuan/2.json')).toBeUndefined();
  });
});

describe('pull requests from forks', () => {
  it('a review on a fork PR is judged from the default branch after the marker run, never from the fork\'s files as code', () => {
    const persetujuan = workflow('persetujuan.yml');
    expect(persetujuan.on.workflow_run).toEqual({ workflows: ['Tinjauan'], types: ['completed'] });
    const nilai = persetujuan.jobs.nilai!;
    const checkouts = nilai.steps.filter((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkouts.map((s) => s.with?.ref)).toEqual([undefined]);
  });

  it('a fork PR whose files carry a NIK cannot pass, whoever approves', async () => {
    openPull(1, { author: 'kontributor-luar' });
    approveBoth(1);
    const verdict = await judge(1, { sha: 'head1', files: 1, findings: [{ file: 'content/berita/rapat-pleno/index.md', line: 12, column: 1, rule: 'privacy/nik', severity: 'error', message: 'NIK tertulis utuh.' }] });
    expect([verdict.state, verdict.mergeable]).toEqual(['approved', false]);
  });
});

describe('states that never approve', () => {
  it('a draft PR is never approved, whatever the reviews', async () => {
    openPull(1);
    server.setDraft(1, true);
    approveBoth(1);
    expect((await judge(1)).mergeable).toBe(false);
  });

  it('a dismissed approval does not count', async () => {
    openPull(1);
    approveBoth(1);
    server.submitReview(1, { user: 'ketua-x', state: 'DISMISSED', submittedAt: at('03:10') });
    expect((await judge(1)).state).toBe('pending');
  });

  it('the serta-merta label without the lane official\'s approval approves nothing', async () => {
    openPull(1);
    await as(WRITER_TOKEN).rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['serta-merta'] });
    approve(1, 'kasubbag-a', '02:00');
    expect((await judge(1)).state).toBe('pending');
  });

  it('no content report at all keeps the merge closed', async () => {
    openPull(1);
    approveBoth(1);
    expect((await judge(1, null)).mergeable).toBe(false);
  });
});

describe('publication', () => {
  const env = () => ({ ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, TAYANG_APP_ID: String(APP_ID), TAYANG_APP_SLUG: TAYANG_APP.app.slug, GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' });
  const run = (args: string[]) => exec(process.execPath, [SCRIPT, ...args], { env: env() }).then(() => 0, (error: { code: number }) => error.code);

  beforeEach(() => {
    server.setFile('m0', 'tayang.config.yml', CONFIG);
    server.commitToMain({ sha: 'm0', files: { 'tayang.config.yml': CONFIG } });
  });

  it('an unapproved merge is not published', async () => {
    openPull(1);
    approve(1, 'kasubbag-a', '02:00');
    server.mergePull(1, { at: at('03:00'), by: 'penulis', sha: 'm1' });
    expect(await run(['persetujuan', '--commit', 'm1'])).toBe(1);
    expect(await run(['izin-terbit', '--sejak', 'm0', '--sampai', 'm1'])).toBe(1);
  });

  it('a direct push (no PR) is not published', async () => {
    server.commitToMain({ sha: 'm1', author: 'admin-nakal', files: { 'content/berita/x/index.md': 'isi' } });
    expect(await run(['persetujuan', '--commit', 'm1'])).toBe(1);
    expect(await run(['izin-terbit', '--sejak', 'm0', '--sampai', 'm1'])).toBe(1);
  });

  it('approvals given after the merge do not count at publication', async () => {
    openPull(1);
    approve(1, 'kasubbag-a', '02:00');
    server.mergePull(1, { at: at('02:30'), by: 'penulis', sha: 'm1' });
    approve(1, 'ketua-x', '03:00');
    expect(await run(['persetujuan', '--commit', 'm1'])).toBe(1);
  });

  it('an official removed from the config on main before the merge no longer counts at publication', async () => {
    openPull(1);
    approveBoth(1);
    server.commitToMain({ sha: 'm0b', files: { 'tayang.config.yml': CONFIG.replace('anggota: [kasubbag-a, kasubbag-b]', 'anggota: [kasubbag-b]') } });
    server.mergePull(1, { at: at('03:30'), by: 'penulis', sha: 'm1' });
    expect(await run(['persetujuan', '--commit', 'm1'])).toBe(1);
  });

  it('a records-only commit that the App did not make holds publication', async () => {
    server.commitToMain({ sha: 'm1', author: 'tayang-kantor[bot]', files: { 'records/persetujuan/9.json': '{}' }, verified: false });
    expect(await run(['izin-terbit', '--sejak', 'm0', '--sampai', 'm1'])).toBe(1);
  });
});
