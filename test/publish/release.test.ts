import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';
import { TAYANG_APP, TAYANG_TOKEN } from '../github/app-fixtures.ts';

// The way out of a hold: an SOP-approved PR adds .tayang/lepas-tahan/<sha>.yml for the held commit.

const SCRIPT = new URL('../../scripts/tayang.ts', import.meta.url).pathname;
const CONFIG = readFileSync(new URL('../github/fixtures/kpu.config.yml', import.meta.url), 'utf8');
const at = (hhmm: string) => `2025-03-03T${hhmm}:00Z`;
const HELD = 'a'.repeat(40);
const RELEASE = `.tayang/lepas-tahan/${HELD}.yml`;

let server: GithubServer;

beforeEach(async () => {
  server = await startGithubServer({ tokens: { [TAYANG_TOKEN]: TAYANG_APP } });
  server.setTeam('kpu/ketua-divisi', ['ketua-x']);
  server.commitToMain({ sha: 'm0', files: { 'tayang.config.yml': CONFIG } });
  server.setFile('m0', 'tayang.config.yml', CONFIG);
  // PR #1 merged with only the first stage's approval: it holds publication.
  server.addPull({ number: 1, author: 'penulis', createdAt: at('01:00'), baseSha: 'm0', commits: [{ sha: 'head1', author: 'penulis', date: at('01:00') }], files: [{ filename: 'content/berita/a/index.md', status: 'added' }] });
  server.submitReview(1, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('02:00') });
  server.mergePull(1, { at: at('02:30'), by: 'penulis', sha: HELD });
  server.setFile(HELD, 'tayang.config.yml', CONFIG);
});

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function izinTerbit(until: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: TAYANG_TOKEN, TAYANG_APP_SLUG: TAYANG_APP.app.slug, GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
  return new Promise((resolve) => execFile(process.execPath, [SCRIPT, 'izin-terbit', '--sejak', 'm0', '--sampai', until], { env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })));
}

/** PR #2 adds the release file; `approved` decides whether the system flow's official approved it. */
function releasePull(text: string, approved: boolean) {
  server.addPull({ number: 2, author: 'admin-web', createdAt: at('03:00'), baseSha: HELD, commits: [{ sha: 'head2', author: 'admin-web', date: at('03:00') }], files: [{ filename: RELEASE, status: 'added' }] });
  if (approved) server.submitReview(2, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:30') });
  server.mergePull(2, { at: at('04:00'), by: 'admin-web', sha: 'b'.repeat(40), files: { [RELEASE]: text } });
}

describe('releasing a held publication', () => {
  it('holds, and the issue says which file releases the commit', async () => {
    const held = await izinTerbit(HELD);
    expect(held.code).toBe(1);
    expect(server.issues[0]!.body).toContain(RELEASE);
  });

  it('passes once an approved PR added the release file, saying the commit was released and why', async () => {
    releasePull('alasan: "Isi sudah diperiksa Ketua Divisi; persetujuan tahap kedua terlambat diberikan."\n', true);
    const result = await izinTerbit('b'.repeat(40));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dilepas lewat');
    expect(result.stdout).toContain('persetujuan tahap kedua terlambat diberikan');
  });

  it('does not release through a release PR the SOP did not approve', async () => {
    releasePull('alasan: "Saya lepas sendiri."\n', false);
    expect((await izinTerbit('b'.repeat(40))).code).toBe(1);
  });

  it('does not release through a release file pushed straight to main', async () => {
    server.commitToMain({ sha: 'c'.repeat(40), author: 'admin-nakal', files: { [RELEASE]: 'alasan: "Dorong langsung."\n' } });
    expect((await izinTerbit('c'.repeat(40))).code).toBe(1);
  });

  it('names the file and field of a release file without a reason, and releases nothing', async () => {
    releasePull('pr_pembatalan: 5\n', true);
    const result = await izinTerbit('b'.repeat(40));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(RELEASE);
    expect(result.stderr).toContain('alasan');
  });
});
