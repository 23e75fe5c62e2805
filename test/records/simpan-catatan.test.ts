import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tayangRuleset } from '../../src/lib/github/ruleset.ts';
import { makeGithubClient } from '../../src/lib/github/client.ts';
import { gitBlobSha, planRecordWrite } from '../../src/lib/github/records-push.ts';
import { checkChain } from '../../src/lib/records/chain.ts';
import { readRecordChain, writeRecord } from '../../src/lib/records/store.ts';
import { sampleRecord } from '../../src/lib/records/testing.ts';
import { ACTIONS_IDENTITY, startGithubServer, type GithubServer } from '../support/github-server.ts';
import { TAYANG_APP, TAYANG_TOKEN } from '../github/app-fixtures.ts';

// `tayang simpan-catatan` as catat.yml and terbit.yml run it: Tayang's App, the ruleset's only
// bypass actor, pushes the records to main as one commit GitHub signs.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const ACTIONS_TOKEN = 'ghs-actions';

let server: GithubServer;
let dir: string;

beforeEach(async () => {
  server = await startGithubServer({ tokens: { [TAYANG_TOKEN]: TAYANG_APP, [ACTIONS_TOKEN]: ACTIONS_IDENTITY } });
  await makeGithubClient({ token: 'admin', baseUrl: server.url }).rest.repos.createRepoRuleset({ owner: 'kantor', repo: 'situs', ...tayangRuleset(TAYANG_APP.app.id) });
  server.commitToMain({ sha: 'm0', files: { 'records/persetujuan/1.json': '{"pr": 1}\n', 'tayang.config.yml': 'kantor: {}\n' } });
  // The workflow's checkout of m0: records written by this run are changes against it.
  dir = await mkdtemp(join(tmpdir(), 'tayang-simpan-'));
  await mkdir(join(dir, 'records/persetujuan'), { recursive: true });
  await writeFile(join(dir, 'records/persetujuan/1.json'), '{"pr": 1}\n');
  for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=uji', '-c', 'user.email=uji@contoh.test', 'commit', '-qm', 'm0']]) await git(args);
});

const git = (args: string[]) => new Promise<void>((done, fail) => execFile('git', args, { cwd: dir }, (error) => (error ? fail(error) : done())));

afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function simpan(args: string[], token = TAYANG_TOKEN): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: server.url, GITHUB_EVENT_PATH: '' };
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'simpan-catatan', ...args], { cwd: dir, env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

describe('tayang simpan-catatan', () => {
  it('pushes one commit the App made, signed by GitHub, with exactly the new and changed records', async () => {
    await writeFile(join(dir, 'records/persetujuan/2.json'), '{"pr": 2}\n');
    const result = await simpan(['records/persetujuan', '--pesan', 'Catatan persetujuan']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('records/persetujuan/2.json');
    expect(server.mainFile('records/persetujuan/2.json')).toBe('{"pr": 2}\n');
    const { data: commit } = await makeGithubClient({ token: 'admin', baseUrl: server.url }).rest.repos.getCommit({ owner: 'kantor', repo: 'situs', ref: server.mainHead });
    expect(commit.author?.login).toBe(TAYANG_APP.login);
    expect(commit.commit.verification?.verified).toBe(true);
    expect(commit.commit.message).toBe('Catatan persetujuan');
    expect(commit.parents.map((p) => p.sha)).toEqual(['m0']);
    expect(commit.files?.map((f) => f.filename)).toEqual(['records/persetujuan/2.json']);
  });

  it('writes nothing when main already has the same records', async () => {
    const result = await simpan(['records/persetujuan', '--pesan', 'Catatan persetujuan']);
    expect(result.stdout).toContain('tidak ada yang disimpan');
    expect(server.mainHead).toBe('m0');
    expect(server.writes()).toHaveLength(1); // the ruleset set up above
  });

  it('saves twice in one job (intents, then results) without taking its own first push for a conflict', async () => {
    await writeFile(join(dir, 'records/persetujuan/2.json'), '{"pr": 2, "status": "niat"}\n');
    expect((await simpan(['records/persetujuan', '--pesan', 'Catatan kirim: niat'])).code).toBe(0);
    await writeFile(join(dir, 'records/persetujuan/2.json'), '{"pr": 2, "status": "terkirim"}\n');
    const second = await simpan(['records/persetujuan', '--pesan', 'Catatan kirim: hasil']);
    expect(second.code).toBe(0);
    expect(server.mainFile('records/persetujuan/2.json')).toBe('{"pr": 2, "status": "terkirim"}\n');
  });

  it('never reverts a record another run changed on main since this run\'s checkout', async () => {
    server.commitToMain({ sha: 'm1', author: TAYANG_APP.login, files: { 'records/persetujuan/1.json': '{"pr": 1, "lebih_baru": true}\n' } });
    await writeFile(join(dir, 'records/persetujuan/1.json'), '{"pr": 1, "basi": true}\n');
    await writeFile(join(dir, 'records/persetujuan/2.json'), '{"pr": 2}\n');
    const result = await simpan(['records/persetujuan', '--pesan', 'Catatan persetujuan']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('records/persetujuan/1.json');
    expect(result.stderr).toContain('sudah diubah proses lain');
    expect(server.mainFile('records/persetujuan/1.json')).toBe('{"pr": 1, "lebih_baru": true}\n');
    expect(server.mainHead).toBe('m1');
  });

  it('sends only what this run wrote: a record it did not touch stays as main has it', async () => {
    server.commitToMain({ sha: 'm1', author: TAYANG_APP.login, files: { 'records/persetujuan/1.json': '{"pr": 1, "lebih_baru": true}\n' } });
    await writeFile(join(dir, 'records/persetujuan/2.json'), '{"pr": 2}\n');
    const result = await simpan(['records/persetujuan', '--pesan', 'Catatan persetujuan']);
    expect(result.code).toBe(0);
    expect(server.mainFile('records/persetujuan/1.json')).toBe('{"pr": 1, "lebih_baru": true}\n');
    expect(server.mainFile('records/persetujuan/2.json')).toBe('{"pr": 2}\n');
  });

  it('rebuilds the commit on the new head when main moved between reading and updating', async () => {
    await writeFile(join(dir, 'records/persetujuan/2.json'), '{"pr": 2}\n');
    let moved = false;
    server.afterRequest((request) => {
      if (moved || request.operationId !== 'git/create-commit') return false;
      moved = true;
      server.commitToMain({ sha: 'm1', author: 'penulis', files: { 'content/berita/baru/index.md': 'isi' } });
      return true;
    });
    const result = await simpan(['records/persetujuan', '--pesan', 'Catatan persetujuan']);
    expect(result.code).toBe(0);
    expect(server.mainFile('records/persetujuan/2.json')).toBe('{"pr": 2}\n');
    expect(server.mainFile('content/berita/baru/index.md')).toBe('isi');
    expect(server.requests.filter((r) => r.operationId === 'git/update-ref').map((r) => r.status)).toEqual([422, 200]);
  });

  it('refuses a record a second run linked to the same head, so two merges never fork the chain', async () => {
    // Record 5 is on main and in this run's checkout; another run, started from the same main,
    // recorded PR 6 and saved it first.
    const file = (root: string, name: string) => readFile(join(root, 'records/persetujuan', name), 'utf8');
    await writeRecord(dir, sampleRecord(5, '2025-03-15T10:00:00+07:00'));
    await git(['add', '.']);
    await git(['-c', 'user.name=uji', '-c', 'user.email=uji@contoh.test', 'commit', '-qm', 'm1']);
    server.commitToMain({ sha: 'm1', author: TAYANG_APP.login, files: { 'records/persetujuan/5.json': await file(dir, '5.json'), 'records/persetujuan/rantai.txt': await file(dir, 'rantai.txt') } });
    const other = await mkdtemp(join(tmpdir(), 'tayang-simpan-lain-'));
    await cp(join(dir, 'records'), join(other, 'records'), { recursive: true });
    await writeRecord(other, sampleRecord(6, '2025-03-16T10:00:00+07:00'));
    server.commitToMain({ sha: 'm2', author: TAYANG_APP.login, files: { 'records/persetujuan/6.json': await file(other, '6.json'), 'records/persetujuan/rantai.txt': await file(other, 'rantai.txt') } });

    await writeRecord(dir, sampleRecord(7, '2025-03-17T10:00:00+07:00'));
    expect(JSON.parse(await file(dir, '7.json')).chain).toMatchObject({ sequence: 2, previous: '5.json' });
    const raced = await simpan(['records/persetujuan', '--pesan', 'Catatan persetujuan']);
    expect(raced.code).toBe(2);
    expect(raced.stderr).toContain('records/persetujuan/rantai.txt: catatan ini sudah diubah proses lain');
    expect(server.mainFile('records/persetujuan/7.json')).toBeUndefined();
    expect(server.mainHead).toBe('m2');

    // The run again, from main as it is now: PR 7 comes after PR 6.
    await rm(join(dir, 'records/persetujuan/7.json'));
    for (const name of ['6.json', 'rantai.txt']) await writeFile(join(dir, 'records/persetujuan', name), server.mainFile(`records/persetujuan/${name}`)!);
    await git(['add', '.']);
    await git(['-c', 'user.name=uji', '-c', 'user.email=uji@contoh.test', 'commit', '-qm', 'm2']);
    await writeRecord(dir, sampleRecord(7, '2025-03-17T10:00:00+07:00'));
    expect((await simpan(['records/persetujuan', '--pesan', 'Catatan persetujuan'])).code).toBe(0);
    const onMain = await readRecordChain(dir);
    expect(checkChain(onMain.entries.filter((entry) => entry.file !== '1.json'), onMain.head)).toEqual([]);
    expect(JSON.parse(server.mainFile('records/persetujuan/7.json')!).chain).toMatchObject({ sequence: 3, previous: '6.json' });
    await rm(other, { recursive: true, force: true });
  });

  it('is refused, in Indonesian, with a token that is not the ruleset\'s bypass App', async () => {
    await writeFile(join(dir, 'records/persetujuan/2.json'), '{"pr": 2}\n');
    const result = await simpan(['records/persetujuan', '--pesan', 'Catatan persetujuan'], ACTIONS_TOKEN);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GitHub menolak menyimpan catatan');
    expect(result.stderr).toContain('pasang-github --app-id');
    expect(server.mainFile('records/persetujuan/2.json')).toBeUndefined();
  });

  it('refuses a folder outside records/ before calling GitHub', async () => {
    const result = await simpan(['content', '--pesan', 'Bukan catatan']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bukan folder catatan');
    expect(server.requests.filter((r) => r.operationId !== 'repos/create-repo-ruleset')).toEqual([]);
  });
});

describe('comparing records with the branch\'s tree', () => {
  it('uses Git\'s blob id, so an unchanged file is not sent again', () => {
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a'); // `echo hello | git hash-object --stdin`
    const tree = new Map([['records/a.json', gitBlobSha('{}\n')], ['records/c.json', gitBlobSha('lain\n')]]);
    const plan = planRecordWrite(
      [
        { path: 'records/a.json', text: '{}\n', base: null },
        { path: 'records/b.json', text: '{}\n', base: null },
        { path: 'records/c.json', text: 'milik run ini\n', base: gitBlobSha('awal\n') },
      ],
      tree,
    );
    expect({ write: plan.write.map((f) => f.path), conflicts: plan.conflicts }).toEqual({ write: ['records/b.json'], conflicts: ['records/c.json'] });
  });
});
