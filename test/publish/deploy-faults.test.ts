import { execFile } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deployToFolder, deployWithRsync, deployWithSftp, rollbackFolder, rollbackRsync, rollbackSftp, type RemoteShell } from '../../src/lib/publish/deploy.ts';
import { deployToS3, rollbackS3 } from '../../src/lib/publish/deploy-s3.ts';
import type { DeployReport, RollbackReport } from '../../src/lib/publish/releases.ts';
import { CREDENTIALS, startFakeS3, type FakeS3 } from './s3-server.ts';
import { brokenLinks, servedFolder, servedObjects, type ServedSite } from './served-links.ts';
import { startFakeSftp, type FakeSftp, type Fault } from './sftp-server.ts';

/**
 * Deploys interrupted at every step that matters, on every target: after each failure, every
 * page served links only to files served (the old release or the new, never a broken mix), the
 * next deploy completes, and a rollback serves the release before.
 */

// Failures of the runner's own disk, for the folder target: the calls a deploy makes, armed per test.
const disk = vi.hoisted(() => ({ fault: undefined as ((call: string) => boolean) | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const guard =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      disk.fault?.(`${name} ${args.filter((arg) => typeof arg === 'string').join(' ')}`) ? Promise.reject(Object.assign(new Error(`EIO: gangguan uji, ${name}`), { code: 'EIO' })) : call(...args);
  return { ...fs, copyFile: guard('copyFile', fs.copyFile), link: guard('link', fs.link), rename: guard('rename', fs.rename), symlink: guard('symlink', fs.symlink), rm: guard('rm', fs.rm) };
});

const page = (title: string, links: string[]) =>
  `<!doctype html><html lang="id"><head><title>${title}</title>${links
    .filter((link) => link.endsWith('.css'))
    .map((link) => `<link rel="stylesheet" href="${link}">`)
    .join('')}</head><body>${links
    .filter((link) => !link.endsWith('.css'))
    .map((link) => (link.endsWith('.webp') ? `<img src="${link}" alt="Banjir">` : `<a href='${link}'>${link}</a>`))
    .join('')}<a href="https://karanganyarkab.go.id/">Pemkab</a><a href="#isi">isi</a></body></html>`;

/** The release served before: a home page, news, a tag page, a stylesheet with a hashed name. */
const RELEASE_A: Record<string, string> = {
  'index.html': page('Beranda', ['/_astro/gaya.A1.css', '/berita/panen/', '/berita/ditarik/', '/unduhan/rencana.pdf', '/tag/panen/']),
  'berita/panen/index.html': page('Panen', ['/_astro/gaya.A1.css', '/', '../../tag/panen/', '../ditarik/']),
  'berita/ditarik/index.html': page('Ditarik', ['/_astro/gaya.A1.css', '/']),
  'tag/panen/index.html': page('Tag panen', ['/_astro/gaya.A1.css', '/berita/panen/']),
  '_astro/gaya.A1.css': 'body{color:#222}',
  'unduhan/rencana.pdf': '%PDF-1.7 rencana kerja',
  'sitemap-0.xml': '<urlset><url><loc>/</loc></url><url><loc>/berita/ditarik/</loc></url></urlset>',
};

/**
 * The new release: a new stylesheet and picture, two new pages that link each other, a new PDF
 * (after index.html in name order), one page withdrawn, one PDF unchanged.
 */
const RELEASE_B: Record<string, string> = {
  'index.html': page('Beranda', ['/_astro/gaya.B2.css', '/berita/panen/', '/berita/banjir/', '/tag/bencana/', '/unduhan/rencana.pdf', '/unduhan/peta-banjir.pdf', '/tag/panen/']),
  'berita/panen/index.html': page('Panen', ['/_astro/gaya.B2.css', '/', '../../tag/panen/']),
  'berita/banjir/index.html': page('Banjir', ['/_astro/gaya.B2.css', '/', '/tag/bencana/', '/unduhan/peta-banjir.pdf', '/_astro/banjir.B2.webp']),
  'tag/bencana/index.html': page('Tag bencana', ['/_astro/gaya.B2.css', '/berita/banjir/']),
  'tag/panen/index.html': page('Tag panen', ['/_astro/gaya.B2.css', '/berita/panen/']),
  '_astro/gaya.B2.css': 'body{color:#111}',
  '_astro/banjir.B2.webp': 'RIFF webp',
  'unduhan/rencana.pdf': '%PDF-1.7 rencana kerja',
  'unduhan/peta-banjir.pdf': '%PDF-1.7 peta banjir',
  'sitemap-0.xml': '<urlset><url><loc>/</loc></url><url><loc>/berita/banjir/</loc></url></urlset>',
};

const RELEASE_C: Record<string, string> = { ...RELEASE_B, 'index.html': RELEASE_B['index.html']!.replace('Beranda', 'Beranda (perbaikan)') };

const A = new Date('2026-03-14T10:30:00Z');
const B = new Date('2026-03-15T08:00:00Z');
const C = new Date('2026-03-16T08:00:00Z');

async function writeSite(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tayang-dist-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

let distA: string;
let distB: string;
let distC: string;
beforeAll(async () => {
  [distA, distB, distC] = await Promise.all([writeSite(RELEASE_A), writeSite(RELEASE_B), writeSite(RELEASE_C)]);
});
beforeEach(() => {
  disk.fault = undefined;
});

/** True at the n-th call that matches (counting from 1), and only then. */
function nth<T>(n: number, matches: (call: T) => boolean): (call: T) => boolean {
  let seen = 0;
  return (call) => matches(call) && ++seen === n;
}

function expectServedSiteIs(site: ServedSite, release: Record<string, string>): void {
  expect(brokenLinks(site)).toEqual([]);
  expect(Object.fromEntries(site)).toEqual(release);
}

describe('the link check the fault tests rely on', () => {
  it('finds no broken link in either release, and finds them in a mix of the two', () => {
    expect(brokenLinks(new Map(Object.entries(RELEASE_A)))).toEqual([]);
    expect(brokenLinks(new Map(Object.entries(RELEASE_B)))).toEqual([]);
    const mix = new Map(Object.entries({ ...RELEASE_A, 'index.html': RELEASE_B['index.html']! }));
    expect(brokenLinks(mix)).toEqual(['index.html → /_astro/gaya.B2.css', 'index.html → /berita/banjir/', 'index.html → /tag/bencana/', 'index.html → /unduhan/peta-banjir.pdf']);
    const withdrawnFirst = new Map(Object.entries(RELEASE_A).filter(([path]) => path !== 'berita/ditarik/index.html'));
    expect(brokenLinks(withdrawnFirst)).toEqual(['index.html → /berita/ditarik/', 'berita/panen/index.html → ../ditarik/']);
  });
});

/** One release target as the scenarios drive it. */
interface Scenario {
  deploy(dist: string, now: Date): Promise<DeployReport>;
  rollback(): Promise<RollbackReport>;
  served(): Promise<ServedSite>;
  /** Names left in the releases folder. */
  releases(): Promise<string[]>;
}

/**
 * For a target whose switch is atomic: with A served, a deploy of B that fails at `fault` leaves A
 * served exactly; the next deploy serves B and leaves nothing half-done; a rollback serves A.
 */
async function expectFailedDeployKeepsReleaseA(scenario: Scenario, arm: () => void, disarm: () => void): Promise<void> {
  await scenario.deploy(distA, A);
  arm();
  await expect(scenario.deploy(distB, B)).rejects.toThrow(/gagal/);
  disarm();
  expectServedSiteIs(await scenario.served(), RELEASE_A);
  expect(await scenario.deploy(distB, C)).toMatchObject({ previous: '20260314T103000Z', deleted: 2 });
  expectServedSiteIs(await scenario.served(), RELEASE_B);
  expect(await scenario.releases()).toEqual(['20260314T103000Z', '20260316T080000Z']);
  expect(await scenario.rollback()).toMatchObject({ release: '20260314T103000Z', replaced: '20260316T080000Z' });
  expectServedSiteIs(await scenario.served(), RELEASE_A);
}

// ---- folder ------------------------------------------------------------------------------

describe('folder deploys interrupted', () => {
  let folder: string;
  let scenario: Scenario;
  beforeEach(async () => {
    folder = join(await mkdtemp(join(tmpdir(), 'tayang-www-')), 'jenawi');
    scenario = {
      deploy: (dist, now) => deployToFolder(dist, folder, { keep: 5, now }),
      rollback: () => rollbackFolder(folder),
      served: () => servedFolder(folder),
      releases: async () => (await readdir(`${folder}.rilis`)).sort(),
    };
  });
  const writes = (call: string) => call.startsWith('copyFile ') || call.startsWith('link ');
  const cases: [string, (call: string) => boolean][] = [
    ['at the first file', nth(1, writes)],
    ['after 4 files', nth(5, writes)],
    // The last file is unchanged: a failed hard link falls back to a copy, which fails too.
    ['at the last file', (call) => writes(call) && call.endsWith('.baru/unduhan/rencana.pdf')],
    ['when marking the release complete', nth(1, (call) => call.startsWith('rename ') && call.includes('.baru'))],
    ['when making the new link', nth(1, (call) => call.startsWith('symlink '))],
    ['when switching the link', nth(1, (call) => call.startsWith('rename ') && call.includes('.tautan-baru'))],
  ];
  for (const [when, fault] of cases) {
    it(`keeps the old release served when a deploy fails ${when}`, () =>
      expectFailedDeployKeepsReleaseA(
        scenario,
        () => void (disk.fault = fault),
        () => void (disk.fault = undefined),
      ));
  }

  it('serves the new release and only warns when old releases cannot be removed', async () => {
    await scenario.deploy(distA, A);
    await scenario.deploy(distB, B);
    disk.fault = (call) => call.startsWith('rm ') && call.includes('20260314T103000Z');
    const report = await deployToFolder(distC, folder, { keep: 2, now: C });
    expect(report.warnings).toEqual([expect.stringMatching(/20260314T103000Z tidak bisa dihapus .*hapus sendiri/)]);
    expectServedSiteIs(await scenario.served(), RELEASE_C);
  });

  it('moves a plain folder back when the first deploy cannot put the link in its place', async () => {
    // An office's site from before releases: a plain folder.
    const plain = join(await mkdtemp(join(tmpdir(), 'tayang-www-')), 'jenawi');
    await cp(distA, plain, { recursive: true });
    disk.fault = nth(1, (call) => call.startsWith('rename ') && call.includes('.tautan-baru'));
    await expect(deployToFolder(distB, plain, { keep: 5, now: B })).rejects.toThrow(/mengganti situs yang tayang ke rilis 20260315T080000Z gagal/);
    disk.fault = undefined;
    expectServedSiteIs(await servedFolder(plain), RELEASE_A);
    expect(await deployToFolder(distB, plain, { keep: 5, now: C })).toMatchObject({ previous: '20260316T075959Z' });
    expectServedSiteIs(await servedFolder(plain), RELEASE_B);
    expect(await rollbackFolder(plain)).toMatchObject({ release: '20260316T075959Z' });
    expectServedSiteIs(await servedFolder(plain), RELEASE_A);
  });

  it('finishes, at the next deploy, a first deploy that died between moving the plain folder aside and linking', async () => {
    const plain = join(await mkdtemp(join(tmpdir(), 'tayang-www-')), 'jenawi');
    await cp(distA, plain, { recursive: true });
    // A runner that dies does not move the folder back: fail the switch and the move back.
    disk.fault = (call) => call.startsWith('rename ') && (call.includes('.tautan-baru') || call.endsWith(` ${plain}`));
    await expect(deployToFolder(distB, plain, { keep: 5, now: B })).rejects.toThrow(/kecuali bila penerbitan terhenti tepat saat memindahkannya/);
    disk.fault = undefined;
    expect((await servedFolder(plain)).size).toBe(0);
    await deployToFolder(distB, plain, { keep: 5, now: C });
    expectServedSiteIs(await servedFolder(plain), RELEASE_B);
    expect(await rollbackFolder(plain)).toMatchObject({ release: '20260315T075959Z' });
    expectServedSiteIs(await servedFolder(plain), RELEASE_A);
  });

  it('keeps the release served when a rollback fails, and rolls back when run again', async () => {
    await scenario.deploy(distA, A);
    await scenario.deploy(distB, B);
    disk.fault = nth(1, (call) => call.startsWith('rename ') && call.includes('.tautan-baru'));
    await expect(scenario.rollback()).rejects.toThrow(/mengembalikan situs ke rilis 20260314T103000Z gagal[\s\S]*masih rilis 20260315T080000Z/);
    disk.fault = undefined;
    expectServedSiteIs(await scenario.served(), RELEASE_B);
    await scenario.rollback();
    expectServedSiteIs(await scenario.served(), RELEASE_A);
  });
});

// ---- rsync -------------------------------------------------------------------------------

const exec = promisify(execFile);

/**
 * The rsync target with the server's side run locally: the same shell commands through `sh`,
 * the real rsync into a local folder. `fault` sees each script and each rsync call.
 */
function localShell(fault: RsyncFault): RemoteShell {
  return {
    location: (path) => path,
    rsyncShell: [],
    run: async (script) => {
      if (fault.at?.(script)) throw new Error(`Connection to web.jenawi.go.id closed by remote host (gangguan uji): ${script}`);
      return (await exec('sh', ['-c', fault.edit ? fault.edit(script) : script])).stdout;
    },
    rsync: async (args) => {
      if (fault.at?.(`rsync ${args.join(' ')}`)) {
        // Killed halfway: part of the files arrived.
        await exec('rsync', ['--exclude=tag/', '--exclude=unduhan/', ...args]);
        throw new Error('rsync: connection unexpectedly closed (gangguan uji)');
      }
      await exec('rsync', args);
    },
  };
}

/** `at`: the connection drops before this command; `edit`: a step of a script fails on the server. */
interface RsyncFault {
  at?: (command: string) => boolean;
  edit?: (script: string) => string;
}

/** The switch script with one of its steps failing as a command on the server would. */
const failingStep = (step: RegExp) => (script: string) => script.replace(step, 'false');

// rsync is installed for the tests by test/support/ensure-test-tools.sh.
describe('rsync deploys interrupted (the server side run locally)', () => {
  let folder: string;
  let scenario: Scenario;
  const fault: RsyncFault = {};
  beforeEach(async () => {
    folder = join(await mkdtemp(join(tmpdir(), 'tayang-rsync-')), 'jenawi');
    fault.at = undefined;
    fault.edit = undefined;
    const target = { tujuan: 'rsync' as const, server: 'deploy@web.jenawi.go.id', folder, port: 22, simpan_rilis: 5 };
    scenario = {
      deploy: (dist, now) => deployWithRsync(dist, target, { keep: 5, now }, localShell(fault)),
      rollback: () => rollbackRsync(target, localShell(fault)),
      served: () => servedFolder(folder),
      releases: async () => (await readdir(`${folder}.rilis`)).sort(),
    };
  });
  const cases: [string, RsyncFault][] = [
    ['when rsync is cut off halfway', { at: nth(1, (command) => command.startsWith('rsync ')) }],
    ['when the connection drops before the switch', { at: nth(1, (command) => command.includes('ln -s')) }],
    ['when the upload cannot take its final name', { edit: failingStep(/^mv -T -- '[^']*\.baru'/m) }],
    ['when the link cannot take the folder’s name', { edit: failingStep(/^mv -T -- '[^']*\.tautan-baru'/m) }],
  ];
  for (const [when, armed] of cases) {
    it(`keeps the old release served when a deploy fails ${when}`, () =>
      expectFailedDeployKeepsReleaseA(
        scenario,
        () => void Object.assign(fault, armed),
        () => void Object.assign(fault, { at: undefined, edit: undefined }),
      ));
  }

  it('hard-links unchanged files to the served release (--link-dest)', async () => {
    await scenario.deploy(distA, A);
    await scenario.deploy(distB, B);
    const inode = async (id: string) => (await stat(join(`${folder}.rilis`, id, 'unduhan/rencana.pdf'))).ino;
    expect(await inode('20260315T080000Z')).toBe(await inode('20260314T103000Z'));
  });

  it('moves a plain folder aside and links in one command, and rolls back to it', async () => {
    await cp(distA, folder, { recursive: true });
    expect(await scenario.deploy(distB, B)).toMatchObject({ previous: '20260315T075959Z', deleted: 2 });
    expectServedSiteIs(await scenario.served(), RELEASE_B);
    await scenario.rollback();
    expectServedSiteIs(await scenario.served(), RELEASE_A);
  });

  it('puts a plain folder back when the link cannot take its place', async () => {
    await cp(distA, folder, { recursive: true });
    fault.edit = failingStep(/^mv -T -- '[^']*\.tautan-baru'/m);
    await expect(scenario.deploy(distB, B)).rejects.toThrow(/mengganti situs yang tayang/);
    expectServedSiteIs(await scenario.served(), RELEASE_A);
    expect((await lstat(folder)).isDirectory()).toBe(true);
  });

  it('serves the new release and only warns when old releases cannot be removed', async () => {
    await scenario.deploy(distA, A);
    await scenario.deploy(distB, B);
    fault.at = (command) => command.startsWith('rm -rf') && command.includes('20260314T103000Z');
    const target = { tujuan: 'rsync' as const, server: 'deploy@web.jenawi.go.id', folder, port: 22, simpan_rilis: 2 };
    const report = await deployWithRsync(distC, target, { keep: 2, now: C }, localShell(fault));
    expect(report.warnings).toEqual([expect.stringMatching(/20260314T103000Z tidak bisa dihapus/)]);
    expectServedSiteIs(await scenario.served(), RELEASE_C);
  });
});

// ---- SFTP --------------------------------------------------------------------------------

describe('SFTP deploys interrupted (a local SFTP server that fails on request)', () => {
  const clientKeys = ssh2.utils.generateKeyPairSync('ed25519');
  let root: string;
  let sftp: FakeSftp;
  let scenario: Scenario;
  let target: { tujuan: 'sftp'; server: string; folder: string; port: number; simpan_rilis: number };
  const credentials = () => ({ privateKey: clientKeys.private, knownHosts: `[127.0.0.1]:${sftp.port} ${sftp.hostKeyType} ${sftp.hostKey}\n` });
  const served = () => servedFolder(join(root, 'home/situs/public_html'));

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'tayang-sftp-'));
    await mkdir(join(root, 'home/situs'), { recursive: true });
    sftp = await startFakeSftp(root, clientKeys.public, 'situs');
    target = { tujuan: 'sftp', server: 'situs@127.0.0.1', folder: '/home/situs/public_html', port: sftp.port, simpan_rilis: 5 };
    scenario = {
      deploy: (dist, now) => deployWithSftp(dist, target, credentials(), { keep: target.simpan_rilis, now }),
      rollback: () => rollbackSftp(target, credentials()),
      served,
      releases: async () => (await readdir(join(root, 'home/situs/public_html.rilis'))).sort(),
    };
    return () => sftp.close();
  });

  const faultAt = (fault: Fault, n: number, matches: (entry: string) => boolean) => {
    const at = nth(n, matches);
    return (entry: string) => (at(entry) ? fault : undefined);
  };
  const cases: [string, (entry: string) => Fault][] = [
    ['at the first file', faultAt('fail', 1, (entry) => entry.startsWith('OPEN '))],
    ['after 4 files', faultAt('fail', 5, (entry) => entry.startsWith('OPEN '))],
    ['when the connection drops after 6 files', faultAt('drop', 7, (entry) => entry.startsWith('OPEN '))],
    ['when marking the release complete', faultAt('fail', 1, (entry) => entry.startsWith('RENAME ') && entry.includes('.baru'))],
    ['when making the new link', faultAt('fail', 1, (entry) => entry.startsWith('SYMLINK '))],
    ['when switching the link', faultAt('fail', 1, (entry) => entry.startsWith('POSIX-RENAME '))],
    ['when the connection drops at the switch', faultAt('drop', 1, (entry) => entry.startsWith('POSIX-RENAME '))],
  ];
  for (const [when, fault] of cases) {
    it(`keeps the old release served when a deploy fails ${when}`, () =>
      expectFailedDeployKeepsReleaseA(
        scenario,
        () => void (sftp.fault = fault),
        () => void (sftp.fault = undefined),
      ));
  }

  it('serves the new release and only warns when old releases cannot be removed', async () => {
    await scenario.deploy(distA, A);
    await scenario.deploy(distB, B);
    sftp.fault = (entry) => (entry.startsWith('REMOVE ') && entry.includes('20260314T103000Z') ? 'fail' : undefined);
    target.simpan_rilis = 2;
    const report = await scenario.deploy(distC, C);
    expect(report.warnings).toEqual([expect.stringMatching(/20260314T103000Z tidak bisa dihapus/)]);
    expectServedSiteIs(await served(), RELEASE_C);
  });

  it('finishes, at the next deploy, a first deploy whose connection dropped between moving the plain folder aside and linking', async () => {
    await cp(distA, join(root, 'home/situs/public_html'), { recursive: true });
    sftp.fault = (entry) => (entry.startsWith('RENAME ') && entry.includes('.baru') ? 'drop' : undefined);
    await expect(scenario.deploy(distB, B)).rejects.toThrow(/gagal/);
    sftp.fault = undefined;
    expect(sftp.log).toContain('RENAME /home/situs/public_html -> /home/situs/public_html.rilis/20260315T075959Z');
    await scenario.deploy(distB, C);
    expectServedSiteIs(await served(), RELEASE_B);
    expect(await scenario.rollback()).toMatchObject({ release: '20260315T075959Z' });
    expectServedSiteIs(await served(), RELEASE_A);
  });

  it('on a server without posix-rename, removes the old link before renaming and says the switch was not atomic', async () => {
    await sftp.close();
    sftp = await startFakeSftp(root, clientKeys.public, 'situs', { posixRename: false });
    target.port = sftp.port;
    await scenario.deploy(distA, A);
    const report = await scenario.deploy(distB, B);
    expect(report.warnings).toEqual([expect.stringContaining('tidak mendukung penggantian nama yang atomik (posix-rename@openssh.com)')]);
    expect(sftp.log.filter((entry) => entry.startsWith('POSIX-RENAME'))).toEqual([]);
    expectServedSiteIs(await served(), RELEASE_B);
  });

  it('keeps the release served when a rollback fails, and rolls back when run again', async () => {
    await scenario.deploy(distA, A);
    await scenario.deploy(distB, B);
    sftp.fault = faultAt('fail', 1, (entry) => entry.startsWith('POSIX-RENAME '));
    await expect(scenario.rollback()).rejects.toThrow(/mengembalikan situs ke rilis 20260314T103000Z gagal/);
    sftp.fault = undefined;
    expectServedSiteIs(await served(), RELEASE_B);
    await scenario.rollback();
    expectServedSiteIs(await served(), RELEASE_A);
  });
});

// ---- S3 ----------------------------------------------------------------------------------

describe('S3 deploys interrupted (a local S3 server that fails on request)', () => {
  let s3: FakeS3;
  const target = { tujuan: 's3' as const, endpoint: '', bucket: 'situs-jenawi', wilayah: 'id-jkt-1', awalan: 'www/', simpan_rilis: 5 };
  const once = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, sleep: async () => {} };
  const deploy = (dist: string, now: Date, keep = 5) => deployToS3(dist, target, CREDENTIALS, { keep, now }, once);
  const served = () => servedObjects(s3.objects, 'www/');
  const pagesOf = (release: Record<string, string>) => Object.keys(release).filter((path) => path.endsWith('.html'));

  beforeAll(async () => {
    s3 = await startFakeS3('situs-jenawi', 'id-jkt-1');
    target.endpoint = s3.url;
  });
  afterAll(() => s3.close());
  beforeEach(() => {
    s3.objects.clear();
    s3.fault = undefined;
  });

  const livePuts = (request: string) => request.startsWith('PUT www/');
  for (let k = 1; k <= Object.keys(RELEASE_B).length; k++) {
    it(`keeps every reachable page's links resolving when the upload stops at file ${k} of ${Object.keys(RELEASE_B).length}`, async () => {
      await deploy(distA, A);
      s3.fault = nth(k, livePuts);
      await expect(deploy(distB, B)).rejects.toThrow(/mengunggah rilis 20260315T080000Z gagal[\s\S]*tayang terbitkan --kembalikan/);
      s3.fault = undefined;
      // A visitor arrives at the pages that were served before and follows links from there.
      expect(brokenLinks(served(), pagesOf(RELEASE_A))).toEqual([]);
      await deploy(distB, C);
      expectServedSiteIs(served(), RELEASE_B);
    });
  }

  it('keeps the withdrawn page and old files until every new page is live, and says so when removing them fails', async () => {
    await deploy(distA, A);
    s3.fault = nth(2, (request) => request.startsWith('DELETE www/'));
    await expect(deploy(distB, B)).rejects.toThrow(/menghapus berkas yang tidak ada lagi di rilis ini gagal[\s\S]*halaman yang ditarik mungkin masih bisa dibuka/);
    s3.fault = undefined;
    expect(brokenLinks(served())).toEqual([]);
    await deploy(distB, C);
    expectServedSiteIs(served(), RELEASE_B);
  });

  it('leaves the site untouched when keeping the release copy fails', async () => {
    await deploy(distA, A);
    s3.fault = nth(1, (request) => request.startsWith('PUT www.rilis/20260315T080000Z.json'));
    await expect(deploy(distB, B)).rejects.toThrow(/menyimpan salinan rilis 20260315T080000Z .*gagal[\s\S]*situs yang tayang tidak berubah/);
    s3.fault = undefined;
    expectServedSiteIs(served(), RELEASE_A);
  });

  it('rolls back to the release before, serving exactly its files', async () => {
    await deploy(distA, A);
    await deploy(distB, B);
    expect(await rollbackS3(target, CREDENTIALS, once)).toMatchObject({ release: '20260314T103000Z', replaced: '20260315T080000Z', warnings: [] });
    expectServedSiteIs(served(), RELEASE_A);
  });

  for (let k = 1; k <= Object.keys(RELEASE_A).length; k++) {
    it(`keeps every reachable page's links resolving when a rollback stops at file ${k}, and finishes when run again`, async () => {
      await deploy(distA, A);
      await deploy(distB, B);
      s3.fault = nth(k, livePuts);
      await expect(rollbackS3(target, CREDENTIALS, once)).rejects.toThrow(/tetap ke rilis 20260314T103000Z/);
      s3.fault = undefined;
      expect(brokenLinks(served(), pagesOf(RELEASE_B))).toEqual([]);
      await rollbackS3(target, CREDENTIALS, once);
      expectServedSiteIs(served(), RELEASE_A);
    });
  }

  it('after a deploy that stopped midway, rolls back to the release served before it', async () => {
    await deploy(distA, A);
    s3.fault = nth(6, livePuts);
    await expect(deploy(distB, B)).rejects.toThrow(/gagal/);
    s3.fault = undefined;
    expect(await rollbackS3(target, CREDENTIALS, once)).toMatchObject({ release: '20260314T103000Z', replaced: '20260315T080000Z' });
    expectServedSiteIs(served(), RELEASE_A);
  });

  it('after a rollback and a new deploy, rolls back past the release withdrawn', async () => {
    await deploy(distA, A);
    await deploy(distB, B);
    await rollbackS3(target, CREDENTIALS, once);
    await deploy(distC, C);
    expect(await rollbackS3(target, CREDENTIALS, once)).toMatchObject({ release: '20260314T103000Z', replaced: '20260316T080000Z' });
    expectServedSiteIs(served(), RELEASE_A);
  });

  it('after a rollback and a deploy that stopped midway, rolls back to the release served before, not to the one withdrawn', async () => {
    await deploy(distA, A);
    await deploy(distB, B);
    await rollbackS3(target, CREDENTIALS, once);
    s3.fault = nth(3, livePuts);
    await expect(deploy(distC, C)).rejects.toThrow(/gagal/);
    s3.fault = undefined;
    expect(await rollbackS3(target, CREDENTIALS, once)).toMatchObject({ release: '20260314T103000Z', replaced: '20260316T080000Z' });
    expectServedSiteIs(served(), RELEASE_A);
  });

  it('keeps only simpan_rilis releases and the copies they name', async () => {
    await deploy(distA, A, 2);
    await deploy(distB, B, 2);
    const report = await deploy(distC, C, 2);
    expect(report.removedReleases).toEqual(['20260314T103000Z']);
    const kept = [...s3.objects.keys()].filter((key) => key.startsWith('www.rilis/') && !key.startsWith('www.rilis/objek/')).sort();
    expect(kept).toEqual(['www.rilis/20260315T080000Z.json', 'www.rilis/20260316T080000Z.json', 'www.rilis/sedang-tayang.json']);
    // The old stylesheet was only in the release removed; its copy went with it.
    const copies = [...s3.objects.keys()].filter((key) => key.startsWith('www.rilis/objek/')).length;
    expect(copies).toBe(new Set([...Object.values(RELEASE_B), ...Object.values(RELEASE_C)]).size);
    expect(await rollbackS3(target, CREDENTIALS, once)).toMatchObject({ release: '20260315T080000Z' });
    expectServedSiteIs(served(), RELEASE_B);
  });
});
