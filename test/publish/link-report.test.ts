import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGithubClient, type GithubClient } from '../../src/lib/github/client.ts';
import { readLedger, writeItemLedger } from '../../src/lib/publish/ledger.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pullOfItem, recordLinkCommands, sendLinkReport, type CommentEvent, type ReportContext } from '../../src/lib/publish/link-report.ts';
import { linkedIssues, parseLinkCommands, pullNumberOfCommitMessage } from '../../src/lib/publish/report.ts';
import { queuedItems } from '../../src/lib/publish/select.ts';
import type { Item } from '../../src/lib/content/load.ts';
import { startGithubServer, type GithubServer } from '../support/github-server.ts';
import { makeConfig } from './fixtures.ts';

const FAST = { retryUnitMs: 1, writeIntervalMs: 0 };
const NOW = new Date('2026-05-12T05:00:00Z');
const REPO = { owner: 'kantor', repo: 'situs' };

let server: GithubServer;
let client: GithubClient;
let root: string;

async function writeItem(slug: string, title: string) {
  const dir = join(root, 'content/berita', slug);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'index.md'),
    `---\njudul: ${title}\ntanggal: 2026-05-11\nringkasan: Ringkasan berita.\npenulis: Admin Medsos Kalurahan Bunder\nlokasi: Balai Kalurahan Bunder\n---\n\nIsi berita.\n`,
  );
}

async function context(): Promise<ReportContext> {
  return { config: makeConfig(), ledger: await readLedger(root), base: '/', now: NOW, root };
}

beforeEach(async () => {
  server = await startGithubServer();
  client = makeGithubClient({ token: 'uji', baseUrl: server.url, pacing: FAST });
  root = await mkdtemp(join(tmpdir(), 'tayang-tautan-'));
  await writeItem('panen-raya', 'Panen Raya Padi di Bunder');
  server.addPull({
    number: 12,
    author: 'admin-medsos',
    body: 'Berita panen raya.\n\nMenutup #7',
    createdAt: '2026-05-11T01:00:00Z',
    baseSha: 'base1',
    commits: [{ sha: 'head1', author: 'admin-medsos', date: '2026-05-11T01:00:00Z' }],
    files: [{ filename: 'content/berita/panen-raya/index.md', status: 'added' }],
  });
  await writeItemLedger(root, {
    item: 'content/berita/panen-raya',
    posts: {
      instagram: { state: 'posted', hash: 'h', id: 'M1', url: 'https://www.instagram.com/p/PANEN1/', at: '2026-05-12T04:00:00Z' },
      facebook: { state: 'posted', hash: 'h', id: 'P_1', url: 'https://www.facebook.com/P_1', at: '2026-05-12T04:00:00Z' },
      x: { state: 'uncertain', hash: 'h', run: 'run-1', at: '2026-05-12T04:00:00Z', attempts: 0 },
      whatsapp: { state: 'manual', hash: 'h', at: '2026-05-12T04:00:00Z' },
    },
  });
});

afterEach(async () => {
  // Our requests must be ones GitHub documents (the server's own answers are its owner's concern).
  expect(server.violations.filter((v) => !v.startsWith('response to'))).toEqual([]);
  await server.close();
});

const commentsOn = (issue: number) => server.comments.filter((c) => c.issueNumber === issue);

describe('link report', () => {
  it('comments the page and every post URL on the merged PR and its request issue, mentioning the Ketua PPID', async () => {
    await sendLinkReport(client, { ...REPO, pullNumber: 12 }, await context());
    for (const issue of [12, 7]) {
      const [comment] = commentsOn(issue);
      expect(comment!.body).toMatch(/^<!-- tayang:tautan -->\n### Tautan publikasi/);
      expect(comment!.body).toContain('Laporan tautan untuk @pak-lurah @bunder/ppid (Ketua PPID).');
      expect(comment!.body).toContain('- Situs: https://bunder.example.go.id/berita/panen-raya/');
      expect(comment!.body).toContain('- Instagram: https://www.instagram.com/p/PANEN1/');
      expect(comment!.body).toContain('- Facebook: https://www.facebook.com/P_1');
      expect(comment!.body).toContain('`/tautan whatsapp <alamat kiriman>`');
      expect(comment!.body).toContain('- X: **belum pasti terkirim**');
    }
    // A second run edits the same comments instead of adding new ones.
    await sendLinkReport(client, { ...REPO, pullNumber: 12 }, await context());
    expect(server.comments).toHaveLength(2);
  });

  it('records /tautan whatsapp <url> from a collaborator in the ledger and refreshes the report', async () => {
    await sendLinkReport(client, { ...REPO, pullNumber: 12 }, await context());
    const event: CommentEvent = {
      issue: { number: 12, pull_request: {} },
      comment: { body: 'Sudah saya kirim.\n/tautan whatsapp https://whatsapp.com/channel/0029Va/123\n/tautan x ulang', user: { login: 'admin-medsos' }, author_association: 'COLLABORATOR' },
    };
    const result = await recordLinkCommands(client, REPO, event, await context());
    expect(result).toEqual({ changed: ['content/berita/panen-raya'], errors: [] });
    const record = (await readLedger(root)).get('content/berita/panen-raya')!;
    expect(record.posts.whatsapp).toMatchObject({ state: 'posted', url: 'https://whatsapp.com/channel/0029Va/123', by: 'admin-medsos' });
    // "ulang": owed again, so the next run (and the hourly queue) sends it.
    expect(record.posts.x).toMatchObject({ state: 'failed', error: expect.stringContaining('@admin-medsos') });
    expect(queuedItems([{ dir: 'content/berita/panen-raya', data: {} } as unknown as Item], await readLedger(root))).toHaveLength(1);
    expect(commentsOn(12)).toHaveLength(1);
    expect(commentsOn(12)[0]!.body).toContain('- WhatsApp: https://whatsapp.com/channel/0029Va/123 (dilaporkan oleh @admin-medsos)');
    expect(commentsOn(7)[0]!.body).toContain('- WhatsApp: https://whatsapp.com/channel/0029Va/123');
  });

  it('refuses links from someone without write access, and a resend of what was posted', async () => {
    const outsider = await recordLinkCommands(client, REPO, { issue: { number: 12, pull_request: {} }, comment: { body: '/tautan whatsapp https://example.com/x', user: { login: 'orang-lain' }, author_association: 'NONE' } }, await context());
    expect(outsider.changed).toEqual([]);
    expect(outsider.errors[0]).toContain('belum punya akses tulis');
    const resend = await recordLinkCommands(client, REPO, { issue: { number: 12, pull_request: {} }, comment: { body: '/tautan instagram ulang', user: { login: 'admin-medsos' }, author_association: 'MEMBER' } }, await context());
    expect(resend.errors[0]).toContain('sudah tercatat terkirim');
    expect((await readLedger(root)).get('content/berita/panen-raya')!.posts.instagram).toMatchObject({ state: 'posted' });
  });
});

describe('finding the PR that published an item', () => {
  it('reads the newest merge or squash commit on main that touched the item', async () => {
    const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=uji', '-c', 'user.email=uji@example.go.id', ...args], { cwd: root });
    await git('init', '--quiet', '--initial-branch=main');
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'Panen raya (#12)');
    const index = join(root, 'content/berita/panen-raya/index.md');
    await writeFile(index, (await readFile(index, 'utf8')).replace('Isi berita.', 'Isi berita diperbaiki.'));
    await git('commit', '--quiet', '-am', 'Merge pull request #15 from kantor/perbaikan\n\nPerbaiki isi');
    await mkdir(join(root, 'records'), { recursive: true });
    await writeFile(join(root, 'records/catatan.txt'), 'x');
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'Catatan kirim: hasil (run 9)');
    expect(await pullOfItem('content/berita/panen-raya', root)).toBe(15);
    expect(await pullOfItem('content/berita/tidak-ada', root)).toBeUndefined();
  });
});

describe('reading GitHub text', () => {
  it('finds request issues in a PR body', () => {
    expect(linkedIssues('Permintaan #4\nMenutup #7, closes #9 and fixes: #10; #11 is unrelated')).toEqual([4, 7, 9, 10]);
  });
  it('finds the PR of a merge or squash commit', () => {
    expect(pullNumberOfCommitMessage('Merge pull request #12 from kantor/berita-panen\n\nBerita panen')).toBe(12);
    expect(pullNumberOfCommitMessage('Berita panen raya (#13)\n\n* tambah foto')).toBe(13);
    expect(pullNumberOfCommitMessage('Perbaiki salah ketik (#13) di judul')).toBeUndefined();
  });
  it('parses /tautan commands and explains the wrong ones', () => {
    expect(parseLinkCommands('/tautan WhatsApp https://wa.me/c/1 panen-raya\n/tautan tiktok https://x\n/tautan youtube bukan-url')).toEqual({
      commands: [{ target: 'whatsapp', action: 'link', url: 'https://wa.me/c/1', item: 'panen-raya' }],
      errors: ['platform "tiktok" tidak dikenal; pilih instagram, facebook, x, youtube, whatsapp, satu_data.', '"bukan-url" bukan alamat https:// yang lengkap.'],
    });
  });
});
