import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGithubClient, pullNumberOfEvent, readActionsContext, type GithubClient } from '../../src/lib/github/client.ts';
import { upsertComment } from '../../src/lib/github/comments.ts';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';

const FAST = { retryUnitMs: 1, writeIntervalMs: 0 };

let server: GithubServer;
let client: GithubClient;

beforeEach(async () => {
  server = await startGithubServer();
  client = makeGithubClient({ token: 'uji', baseUrl: server.url, pacing: FAST });
  server.addPull({
    number: 7,
    author: 'penulis',
    createdAt: '2025-03-03T01:00:00Z',
    baseSha: 'base1',
    commits: [{ sha: 'head1', author: 'penulis', date: '2025-03-03T01:00:00Z' }],
    files: [{ filename: 'content/berita/a/index.md', status: 'added' }],
  });
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

describe('upsertComment', () => {
  it('creates one comment, then edits that same comment instead of adding another', async () => {
    const first = await upsertComment(client, { owner: 'kantor', repo: 'situs', issueNumber: 7, marker: 'uji', body: 'versi 1' });
    const second = await upsertComment(client, { owner: 'kantor', repo: 'situs', issueNumber: 7, marker: 'uji', body: 'versi 2' });
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ id: first.id, action: 'updated' });
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toBe('<!-- tayang:uji -->\nversi 2');
  });

  it('does not write when the body is unchanged', async () => {
    await upsertComment(client, { owner: 'kantor', repo: 'situs', issueNumber: 7, marker: 'uji', body: 'sama' });
    const writesBefore = server.writes().length;
    const again = await upsertComment(client, { owner: 'kantor', repo: 'situs', issueNumber: 7, marker: 'uji', body: 'sama' });
    expect(again.action).toBe('unchanged');
    expect(server.writes()).toHaveLength(writesBefore);
  });

  it('finds its comment on a later page and ignores comments that only quote the marker', async () => {
    for (let i = 0; i < 120; i++) {
      server.addComment(7, 'warga', i === 3 ? '> <!-- tayang:uji --> kutipan' : `obrolan ${i}`);
    }
    const created = await upsertComment(client, { owner: 'kantor', repo: 'situs', issueNumber: 7, marker: 'uji', body: 'tabel' });
    await upsertComment(client, { owner: 'kantor', repo: 'situs', issueNumber: 7, marker: 'uji', body: 'tabel baru' });
    expect(created.action).toBe('created');
    expect(server.comments.filter((c) => c.body.startsWith('<!-- tayang:uji -->'))).toHaveLength(1);
    expect(server.comments.find((c) => c.id === created.id)!.body).toContain('tabel baru');
    const listPages = server.requests.filter((r) => r.operationId === 'issues/list-comments' && r.query.get('page') === '2');
    expect(listPages.length).toBeGreaterThan(0);
  });

  it('keeps separate comments for separate markers', async () => {
    await upsertComment(client, { owner: 'kantor', repo: 'situs', issueNumber: 7, marker: 'persetujuan', body: 'a' });
    await upsertComment(client, { owner: 'kantor', repo: 'situs', issueNumber: 7, marker: 'periksa', body: 'b' });
    expect(server.comments).toHaveLength(2);
  });
});

describe('makeGithubClient', () => {
  it('waits out a secondary rate limit for its retry-after, then succeeds', async () => {
    server.failNext({ method: 'GET', path: /\/pulls\/7$/, status: 403, headers: { 'retry-after': '2' }, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' });
    const { data } = await client.rest.pulls.get({ owner: 'kantor', repo: 'situs', pull_number: 7 });
    expect(data.number).toBe(7);
    expect(server.requests.filter((r) => r.path.endsWith('/pulls/7')).map((r) => r.status)).toEqual([403, 200]);
  });

  it('waits for the primary rate limit to reset when that is soon', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    server.failNext({ method: 'GET', path: /\/pulls\/7$/, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, message: 'API rate limit exceeded for installation.' });
    const { data } = await client.rest.pulls.get({ owner: 'kantor', repo: 'situs', pull_number: 7 });
    expect(data.number).toBe(7);
    expect(server.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('does not sit out a primary rate limit that resets in an hour', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    server.failNext({ method: 'GET', path: /\/pulls\/7$/, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, message: 'API rate limit exceeded for installation.' });
    await expect(client.rest.pulls.get({ owner: 'kantor', repo: 'situs', pull_number: 7 })).rejects.toMatchObject({ status: 403 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 5xx answer', async () => {
    server.failNext({ method: 'POST', path: /\/statuses\//, status: 502, message: 'Server Error' });
    await client.rest.repos.createCommitStatus({ owner: 'kantor', repo: 'situs', sha: 'head1', state: 'pending', context: 'tayang/persetujuan' });
    expect(server.requests.filter((r) => r.path.includes('/statuses/')).map((r) => r.status)).toEqual([502, 201]);
    expect(server.statuses).toHaveLength(1);
  });

  it('gives up on a secondary rate limit that keeps coming back', async () => {
    server.failNext({ path: /\/pulls\/7$/, status: 403, headers: { 'retry-after': '1' }, message: 'You have exceeded a secondary rate limit.', times: 10 });
    await expect(client.rest.pulls.get({ owner: 'kantor', repo: 'situs', pull_number: 7 })).rejects.toMatchObject({ status: 403 });
    expect(server.requests.filter((r) => r.path.endsWith('/pulls/7'))).toHaveLength(3);
  });

  it('does not retry a plain 404', async () => {
    await expect(client.rest.pulls.get({ owner: 'kantor', repo: 'situs', pull_number: 8 })).rejects.toMatchObject({ status: 404 });
    expect(server.requests).toHaveLength(1);
  });

  it('reaches a GitHub Enterprise Server style base URL (/api/v3)', async () => {
    const ghes = await startGithubServer({ prefix: '/api/v3' });
    try {
      ghes.setFile('main', 'tayang.config.yml', 'kantor: {}\n');
      const ghesClient = makeGithubClient({ token: 'uji', baseUrl: `${ghes.url}/`, pacing: FAST });
      const { data } = await ghesClient.rest.repos.getContent({ owner: 'kantor', repo: 'situs', path: 'tayang.config.yml', ref: 'main' });
      expect(Buffer.from((data as { content: string }).content, 'base64').toString()).toBe('kantor: {}\n');
      expect(ghes.violations).toEqual([]);
    } finally {
      await ghes.close();
    }
  });
});

describe('the test server itself', () => {
  it('rejects a request GitHub would not accept, so a wrong call cannot pass unnoticed', async () => {
    await expect(client.request('POST /repos/{owner}/{repo}/statuses/{sha}', { owner: 'kantor', repo: 'situs', sha: 'head1', state: 'hijau' as 'success' })).rejects.toMatchObject({ status: 400 });
    expect(server.violations).toHaveLength(1);
    server.violations.length = 0;
  });
});

describe('readActionsContext', () => {
  const require = createRequire(import.meta.url);
  const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];
  const payloads = (name: string) => examples.find((e) => e.name === name)!.examples;

  it.each(['pull_request', 'pull_request_review'])('reads the PR number from every %s example payload', async (name) => {
    const dir = await mkdtemp(join(tmpdir(), 'tayang-event-'));
    for (const [i, payload] of payloads(name).entries()) {
      const file = join(dir, `${i}.json`);
      await writeFile(file, JSON.stringify(payload));
      const context = await readActionsContext({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_EVENT_PATH: file });
      expect(context).toEqual({
        ok: true,
        value: { token: 't', baseUrl: 'https://api.github.com', owner: 'Codertocat', repo: 'Hello-World', pullNumber: (payload.pull_request as { number: number }).number },
      });
    }
  });

  it('prefers --pr over the event and takes GITHUB_API_URL', async () => {
    const context = await readActionsContext({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'https://ghes.go.id/api/v3' }, 12);
    expect(context).toMatchObject({ ok: true, value: { pullNumber: 12, baseUrl: 'https://ghes.go.id/api/v3' } });
  });

  it('names each missing variable in Indonesian', async () => {
    const context = await readActionsContext({});
    expect(context.ok).toBe(false);
    if (context.ok) return;
    expect(context.problems.map((p) => p.field)).toEqual(['GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_EVENT_PATH']);
    expect(context.problems[2]!.fix).toContain('--pr N');
  });

  it('says so when the event is not about a pull request', async () => {
    const push = payloads('push')[0]!;
    expect(pullNumberOfEvent(push)).toBeUndefined();
    const file = join(await mkdtemp(join(tmpdir(), 'tayang-event-')), 'push.json');
    await writeFile(file, JSON.stringify(push));
    const context = await readActionsContext({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_EVENT_PATH: file });
    expect(context).toMatchObject({ ok: false, problems: [{ field: 'pull_request.number', message: 'event ini bukan tentang sebuah pull request.' }] });
  });
});
