import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishCheckComment } from '../../src/lib/checks/comment.ts';
import { renderComment } from '../../src/lib/checks/render.ts';
import { makeGithubClient, type GithubClient } from '../../src/lib/github/client.ts';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';
import { tayang } from './site.ts';

const HEAD = 'a'.repeat(40);
let server: GithubServer;
let client: GithubClient;

beforeEach(async () => {
  server = await startGithubServer({ owner: 'kecamatan-jenawi', repo: 'situs' });
  client = makeGithubClient({ token: 'uji', baseUrl: server.url, pacing: { retryUnitMs: 1, writeIntervalMs: 0 } });
  server.addPull({
    number: 12,
    author: 'admin-web',
    createdAt: '2025-03-03T01:00:00Z',
    baseSha: 'b'.repeat(40),
    commits: [{ sha: HEAD, author: 'admin-web', date: '2025-03-03T01:00:00Z' }],
    files: [{ filename: 'content/berita/a/index.md', status: 'added' }],
  });
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

const target = { owner: 'kecamatan-jenawi', repo: 'situs', pullNumber: 12 };
const body = (errors: number) =>
  renderComment({
    files: ['content/berita/a/index.md'],
    findings: Array.from({ length: errors }, (_, i) => ({ file: 'content/berita/a/index.md', line: i + 1, column: 1, rule: 'privacy/nik', severity: 'error' as const, message: 'NIK', suggestion: 'samarkan' })),
    waived: [],
    readability: [],
  });

describe('the PR summary comment', () => {
  it('is written once and then updated in place on every push', async () => {
    const first = await publishCheckComment(client, { ...target, body: body(2), expectedHeadSha: HEAD });
    const second = await publishCheckComment(client, { ...target, body: body(0), expectedHeadSha: HEAD });
    expect(first.ok && first.value.action).toBe('created');
    expect(second.ok && second.value).toMatchObject({ action: 'updated', id: first.ok ? first.value.id : -1 });
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toContain('tidak ada temuan');
  });

  it('is not written when the PR has moved on from the commit the report was made for', async () => {
    const result = await publishCheckComment(client, { ...target, body: body(1), expectedHeadSha: 'c'.repeat(40) });
    expect(result.ok).toBe(false);
    expect(server.comments).toHaveLength(0);
  });

  it('is posted by `tayang komentar-periksa` from the file `periksa --komentar` wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tayang-komentar-'));
    await writeFile(join(dir, 'komentar.md'), body(1));
    const env = { GITHUB_TOKEN: 'uji', GITHUB_REPOSITORY: 'kecamatan-jenawi/situs', GITHUB_API_URL: server.url };
    const args = ['komentar-periksa', '--berkas', 'komentar.md', '--pr', '12', '--sha', HEAD];
    const first = await tayang(dir, args, env);
    expect(first.stdout).toContain('dibuat');
    await writeFile(join(dir, 'komentar.md'), body(3));
    const second = await tayang(dir, args, env);
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).toContain('diperbarui');
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body.startsWith('<!-- tayang:periksa -->')).toBe(true);
    expect(server.comments[0]!.body).toContain('3 galat');
    const bad = await tayang(dir, ['komentar-periksa', '--berkas', 'komentar.md', '--pr', 'dua-belas'], env);
    expect(bad.code).toBe(2);
    await rm(dir, { recursive: true, force: true });
  });
});
