import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGithubClient } from '../../src/lib/github/client.ts';
import { applyTayangRuleset, tayangRuleset } from '../../src/lib/github/ruleset.ts';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';

const exec = promisify(execFile);
const SCRIPT = new URL('../../scripts/tayang.ts', import.meta.url).pathname;

let server: GithubServer;

beforeEach(async () => {
  server = await startGithubServer();
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

describe('the Tayang ruleset', () => {
  it('requires the approval status, a pull request, and forbids force pushes and deletion', () => {
    const rules = tayangRuleset().rules;
    expect(rules.map((r) => r.type)).toEqual(['deletion', 'non_fast_forward', 'pull_request', 'required_status_checks']);
    expect(rules[3]).toMatchObject({ parameters: { required_status_checks: [{ context: 'tayang/persetujuan' }] } });
    expect(tayangRuleset()).toMatchObject({ enforcement: 'active', conditions: { ref_name: { include: ['~DEFAULT_BRANCH'] } }, bypass_actors: [] });
  });

  it('is created once, then updated in place (validated against GitHub\'s OpenAPI description)', async () => {
    const client = makeGithubClient({ token: 'admin', baseUrl: server.url, pacing: { retryUnitMs: 1, writeIntervalMs: 0 } });
    const created = await applyTayangRuleset(client, { owner: 'kantor', repo: 'situs' });
    const updated = await applyTayangRuleset(client, { owner: 'kantor', repo: 'situs' });
    expect(created.action).toBe('created');
    expect(updated).toMatchObject({ id: created.id, action: 'updated' });
    expect(server.rulesets).toHaveLength(1);
    expect(server.writes().map((r) => r.operationId)).toEqual(['repos/create-repo-ruleset', 'repos/update-repo-ruleset']);
  });
});

describe('tayang pasang-github', () => {
  it('prints the ruleset and changes nothing without --terapkan', async () => {
    const { stdout, stderr } = await exec(process.execPath, [SCRIPT, 'pasang-github'], { env: { ...process.env, GITHUB_TOKEN: '' } });
    expect(JSON.parse(stdout)).toEqual(tayangRuleset());
    expect(stderr).toContain('--terapkan');
  });

  it('applies it with --terapkan', async () => {
    const env = { ...process.env, GITHUB_TOKEN: 'admin', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url };
    const { stdout } = await exec(process.execPath, [SCRIPT, 'pasang-github', '--terapkan'], { env });
    expect(stdout).toMatch(/^Ruleset "Tayang" dipasang di kantor\/situs \(id \d+\)/);
    expect(server.rulesets[0]).toMatchObject({ name: 'Tayang', enforcement: 'active' });
  });

  it('says in Indonesian what token is needed when GitHub refuses', async () => {
    server.failNext({ method: 'GET', path: /\/rulesets$/, status: 403, message: 'Resource not accessible by integration' });
    const env = { ...process.env, GITHUB_TOKEN: 'bukan-admin', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url };
    const failure = (await exec(process.execPath, [SCRIPT, 'pasang-github', '--terapkan'], { env }).catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('Administration: write');
  });
});
