import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERDICT_CHECK } from '../../src/lib/github/approval.ts';
import { makeGithubClient } from '../../src/lib/github/client.ts';
import { applyTayangRuleset, tayangAppManifest, tayangRuleset } from '../../src/lib/github/ruleset.ts';
import { ACTIONS_IDENTITY, startGithubServer, type GithubServer } from '../support/github-server.ts';
import { TAYANG_APP, TAYANG_TOKEN, WRITER, WRITER_TOKEN } from './app-fixtures.ts';

const exec = promisify(execFile);
const SCRIPT = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
const FAST = { retryUnitMs: 1, writeIntervalMs: 0 };
const APP_ID = TAYANG_APP.app.id;

let server: GithubServer;

beforeEach(async () => {
  server = await startGithubServer({ tokens: { [TAYANG_TOKEN]: TAYANG_APP, [WRITER_TOKEN]: WRITER, 'ghs-actions': ACTIONS_IDENTITY } });
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

describe('the Tayang ruleset', () => {
  it('requires the App\'s verdict, a pull request merged without rebase, and forbids force pushes and deletion', () => {
    const rules = tayangRuleset(APP_ID).rules;
    expect(rules.map((r) => r.type)).toEqual(['deletion', 'non_fast_forward', 'pull_request', 'required_status_checks']);
    expect(rules[2]).toMatchObject({ parameters: { allowed_merge_methods: ['merge', 'squash'] } });
    expect(rules[3]).toMatchObject({ parameters: { required_status_checks: [{ context: 'tayang/persetujuan', integration_id: APP_ID }] } });
    expect(tayangRuleset(APP_ID)).toMatchObject({ enforcement: 'active', conditions: { ref_name: { include: ['~DEFAULT_BRANCH'] } } });
  });

  it('lets only the App bypass it, to push records', () => {
    expect(tayangRuleset(APP_ID).bypass_actors).toEqual([{ actor_id: APP_ID, actor_type: 'Integration', bypass_mode: 'always' }]);
  });

  it('is created once, then updated in place (validated against GitHub\'s OpenAPI description)', async () => {
    const client = makeGithubClient({ token: 'admin', baseUrl: server.url, pacing: FAST });
    const created = await applyTayangRuleset(client, { owner: 'kantor', repo: 'situs' }, APP_ID);
    const updated = await applyTayangRuleset(client, { owner: 'kantor', repo: 'situs' }, APP_ID);
    expect(created.action).toBe('created');
    expect(updated).toMatchObject({ id: created.id, action: 'updated' });
    expect(server.rulesets).toHaveLength(1);
    expect(server.writes().map((r) => r.operationId)).toEqual(['repos/create-repo-ruleset', 'repos/update-repo-ruleset']);
  });
});

describe('a forged verdict does not satisfy the ruleset as printed', () => {
  const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

  beforeEach(async () => {
    const { stdout } = await exec(process.execPath, [SCRIPT, 'pasang-github', '--app-id', String(APP_ID)], { env: { ...process.env, GITHUB_TOKEN: '' } });
    const client = makeGithubClient({ token: 'admin', baseUrl: server.url, pacing: FAST });
    await client.rest.repos.createRepoRuleset({ owner: 'kantor', repo: 'situs', ...JSON.parse(stdout) });
  });

  const as = (token: string) => makeGithubClient({ token, baseUrl: server.url, pacing: FAST });

  it('refuses a commit status of that name set with a writer\'s own token', async () => {
    await as(WRITER_TOKEN).rest.repos.createCommitStatus({ owner: 'kantor', repo: 'situs', sha: HEAD, context: VERDICT_CHECK, state: 'success' });
    expect(server.requiredChecks(HEAD)).toEqual({ satisfied: false, missing: [VERDICT_CHECK] });
  });

  it('refuses a status or check run of that name set by a branch workflow (GITHUB_TOKEN, the GitHub Actions App)', async () => {
    await as('ghs-actions').rest.repos.createCommitStatus({ owner: 'kantor', repo: 'situs', sha: HEAD, context: VERDICT_CHECK, state: 'success' });
    await as('ghs-actions').rest.checks.create({ owner: 'kantor', repo: 'situs', name: VERDICT_CHECK, head_sha: HEAD, status: 'completed', conclusion: 'success' });
    expect(server.requiredChecks(HEAD).satisfied).toBe(false);
  });

  it('is satisfied by the App\'s own successful check run on that commit only', async () => {
    await as(TAYANG_TOKEN).rest.checks.create({ owner: 'kantor', repo: 'situs', name: VERDICT_CHECK, head_sha: HEAD, status: 'completed', conclusion: 'success' });
    expect(server.requiredChecks(HEAD).satisfied).toBe(true);
    expect(server.requiredChecks('ffffffffffffffffffffffffffffffffffffffff').satisfied).toBe(false);
  });

  it('is not satisfied while the App\'s newest run waits, even after an earlier success', async () => {
    const app = as(TAYANG_TOKEN);
    await app.rest.checks.create({ owner: 'kantor', repo: 'situs', name: VERDICT_CHECK, head_sha: HEAD, status: 'completed', conclusion: 'success' });
    await app.rest.checks.create({ owner: 'kantor', repo: 'situs', name: VERDICT_CHECK, head_sha: HEAD, status: 'in_progress' });
    expect(server.requiredChecks(HEAD).satisfied).toBe(false);
  });
});

describe('tayang pasang-github', () => {
  it('prints the App manifest (least privilege, no webhook) without --app-id', async () => {
    const { stdout, stderr } = await exec(process.execPath, [SCRIPT, 'pasang-github'], { env: { ...process.env, GITHUB_TOKEN: '', GITHUB_REPOSITORY: 'kantor/situs' } });
    const manifest = JSON.parse(stdout) as ReturnType<typeof tayangAppManifest>;
    expect(manifest).toEqual(tayangAppManifest({ owner: 'kantor', repo: 'situs' }));
    expect(manifest.default_permissions).toEqual({ checks: 'write', pull_requests: 'write', issues: 'write', contents: 'write', members: 'read', metadata: 'read' });
    expect(manifest.hook_attributes.active).toBe(false);
    expect(stderr).toContain('--app-id');
  });

  it('prints the ruleset pinned to the App and changes nothing without --terapkan', async () => {
    const { stdout, stderr } = await exec(process.execPath, [SCRIPT, 'pasang-github', '--app-id', String(APP_ID)], { env: { ...process.env, GITHUB_TOKEN: '' } });
    expect(JSON.parse(stdout)).toEqual(tayangRuleset(APP_ID));
    expect(stderr).toContain('--terapkan');
  });

  it('applies it with --app-id and --terapkan', async () => {
    const env = { ...process.env, GITHUB_TOKEN: 'admin', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url };
    const { stdout } = await exec(process.execPath, [SCRIPT, 'pasang-github', '--app-id', String(APP_ID), '--terapkan'], { env });
    expect(stdout).toMatch(/^Ruleset "Tayang" dipasang di kantor\/situs \(id \d+, hanya App 4242 yang menetapkan putusan\)/);
    expect(server.rulesets[0]).toMatchObject({ name: 'Tayang', enforcement: 'active' });
  });

  it('refuses --terapkan without --app-id, in Indonesian, before calling GitHub', async () => {
    const env = { ...process.env, GITHUB_TOKEN: 'admin', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url };
    const failure = (await exec(process.execPath, [SCRIPT, 'pasang-github', '--terapkan'], { env }).catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('--app-id');
    expect(server.requests).toEqual([]);
  });

  it('says in Indonesian what token is needed when GitHub refuses', async () => {
    server.failNext({ method: 'GET', path: /\/rulesets$/, status: 403, message: 'Resource not accessible by integration' });
    const env = { ...process.env, GITHUB_TOKEN: 'bukan-admin', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url };
    const failure = (await exec(process.execPath, [SCRIPT, 'pasang-github', '--app-id', String(APP_ID), '--terapkan'], { env }).catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('Administration: write');
  });
});
