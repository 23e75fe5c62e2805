import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSourceStamp } from '../../src/lib/archive/source-stamp.ts';
import { parse } from 'yaml';

// Issue 9, item 7: an archive must show forgery, not only accidents. Kecamatan Gerokgak has an
// archive key; its public half is in tayang.config.yml, the private half signs in CI exactly as
// the workflow's signing step does (that step's own script runs here). A forger has everything
// but the private key: the archive, Tayang, tar, and a key of their own.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const PAGE = 'dist/berita/bersih-pantai-pemuteran/index.html';
// Longer than a ustar header holds and not ASCII: GNU tar writes it as a "././@LongLink" entry.
const LONG_PAGE = `dist/galeri/${'pawai-budaya-desa-adat-'.repeat(6)}/penari-cilik-ñ.html`;

let repo: string;
let keys: string;
let work: string;
let name: string;
let archive: string;

function run(args: string[], cwd = repo): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'arsip', ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

async function check(file: string, cwd = repo) {
  const result = await run(['--periksa', file, '--format', 'json'], cwd);
  return { code: result.code, report: JSON.parse(result.stdout) };
}

function git(args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Operator Web', GIT_AUTHOR_EMAIL: 'web@gerokgak.test', GIT_COMMITTER_NAME: 'Operator Web', GIT_COMMITTER_EMAIL: 'web@gerokgak.test', GIT_AUTHOR_DATE: '2025-03-10T16:30:00Z', GIT_COMMITTER_DATE: '2025-03-10T16:30:00Z' };
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: repo, env, encoding: 'utf8' });
}

async function put(path: string, content: string | Buffer, root = repo): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function makeKey(file: string, comment: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

/** The signing step of .github/workflows/arsip.yml, run as the runner runs it (bash -e), in a folder holding arsip/. */
async function signLikeTheWorkflow(folder: string, privateKey: string): Promise<void> {
  const workflow = parse(await readFile(join(ROOT, '.github/workflows/arsip.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[] }> };
  const step = workflow.jobs['tanda-tangan']!.steps.find((s) => s.run?.includes('ssh-keygen'))!;
  const runnerTemp = await mkdtemp(join(tmpdir(), 'tayang-runner-'));
  execFileSync('bash', ['--noprofile', '--norc', '-e', '-c', step.run!], { cwd: folder, env: { PATH: process.env.PATH, RUNNER_TEMP: runnerTemp, KUNCI_ARSIP: await readFile(privateKey, 'utf8') } });
  // The key file is gone once the step ends.
  expect(await readdir(runnerTemp)).not.toContain('kunci-arsip');
  await rm(runnerTemp, { recursive: true, force: true });
}

/** A copy of the archive in `<label>/arsip/`, with whichever of its sidecars are asked for. */
async function copyArchive(label: string, sidecars: ('.sha256' | '.sig')[] = ['.sha256', '.sig']): Promise<string> {
  const folder = join(work, label, 'arsip');
  await mkdir(folder, { recursive: true });
  const copy = join(folder, `${name}.tar.gz`);
  await copyFile(archive, copy);
  for (const suffix of sidecars) await copyFile(`${archive}${suffix}`, `${copy}${suffix}`);
  return copy;
}

/** Unpacks the archive as anyone would, with tar, into a fresh folder; returns the archive's top folder. */
async function unpack(): Promise<string> {
  const folder = await mkdtemp(join(work, 'buka-'));
  execFileSync('tar', ['-xzf', archive, '-C', folder]);
  return join(folder, name);
}

/** Packs the top folder again with the system tar's defaults (GNU tar: gnu format, gzip -6, today's owner and order). */
function repack(top: string, out: string, order?: string[]): void {
  const parent = join(top, '..');
  if (order) execFileSync('tar', ['-czf', out, '-C', parent, '--no-recursion', ...order.map((path) => `${name}/${path}`)]);
  else execFileSync('tar', ['-czf', out, '-C', parent, name]);
}

async function filesBelow(top: string): Promise<string[]> {
  const entries = await readdir(top, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(top, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

/** What a forger without the key does after editing: MANIFEST.json listing what is there now, in Tayang's own format. */
async function recomputeManifest(top: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(top, 'MANIFEST.json'), 'utf8'));
  const paths = (await filesBelow(top)).filter((path) => path !== 'MANIFEST.json');
  manifest.files = await Promise.all(paths.map(async (path) => {
    const data = await readFile(join(top, path));
    return { path, size: data.length, sha256: sha256(data) };
  }));
  await writeFile(join(top, 'MANIFEST.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function writeChecksum(file: string): Promise<void> {
  await writeFile(`${file}.sha256`, `${sha256(await readFile(file))}  ${name}.tar.gz\n`);
}

/**
 * A forged copy: unpacked, changed, packed again with tar, its manifest recomputed when asked
 * (as a careful forger does), and the `.sha256` recomputed or deleted. The office's `.sig` stays.
 */
async function forge(label: string, change: (top: string) => Promise<void>, options: { manifest: 'recomputed' | 'kept'; sha256: 'recomputed' | 'deleted' }): Promise<string> {
  const top = await unpack();
  await change(top);
  if (options.manifest === 'recomputed') await recomputeManifest(top);
  const folder = join(work, label);
  await mkdir(folder, { recursive: true });
  const forged = join(folder, `${name}.tar.gz`);
  repack(top, forged);
  await copyFile(`${archive}.sig`, `${forged}.sig`);
  if (options.sha256 === 'recomputed') await writeChecksum(forged);
  return forged;
}

const editPage = (top: string) => writeFile(join(top, PAGE), '<!doctype html><title>Bersih Pantai Pemuteran (diralat)</title>\n');

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tayang-arsip-kunci-'));
  keys = await mkdtemp(join(tmpdir(), 'tayang-kunci-'));
  work = await mkdtemp(join(tmpdir(), 'tayang-salinan-'));
  makeKey(join(keys, 'kunci-arsip'), 'arsip kecamatan-gerokgak');
  makeKey(join(keys, 'pemalsu'), 'pemalsu');

  git(['init', '--quiet', '--initial-branch=main']);
  await copyFile(join(ROOT, 'presets/kecamatan-gerokgak.yml'), join(repo, 'tayang.config.yml'));
  await appendFile(join(repo, 'tayang.config.yml'), `\narsip:\n  kunci_publik: ${(await readFile(join(keys, 'kunci-arsip.pub'), 'utf8')).trim()}\n`);
  await put('content/berita/bersih-pantai-pemuteran/index.md', '---\njudul: Bersih Pantai Pemuteran\n---\nWarga membersihkan pantai.\n');
  await put('records/persetujuan/12.json', '{"pr": 12}\n');
  await put('.gitignore', 'dist/\narsip/\n');
  git(['add', 'tayang.config.yml', 'content', 'records', '.gitignore']);
  git(['commit', '--quiet', '-m', 'Berita bersih pantai']);
  await put('dist/index.html', '<!doctype html><title>Kecamatan Gerokgak</title>\n');
  await put(PAGE, '<!doctype html><title>Bersih Pantai Pemuteran</title>\n');
  await put(LONG_PAGE, '<!doctype html><title>Pawai Budaya</title>\n');
  // What `astro build` writes last: the sources it was built from.
  await writeSourceStamp(repo, join(repo, 'dist'));

  const made = await run(['--format', 'json']);
  expect(made.code).toBe(0);
  archive = join(repo, JSON.parse(made.stdout).archive);
  name = archive.split('/').pop()!.replace(/\.tar\.gz$/, '');
  await signLikeTheWorkflow(repo, join(keys, 'kunci-arsip'));
});
afterAll(async () => {
  for (const folder of [repo, keys, work]) await rm(folder, { recursive: true, force: true });
});

describe('an archive signed with the office key', () => {
  it('is intact, its signature checked against arsip.kunci_publik in the office config', async () => {
    const result = await run(['--periksa', archive]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Arsip utuh: /);
    expect(result.stdout).toContain('Tanda tangan sah: MANIFEST.json ditandatangani kunci arsip kantor SHA256:');
    expect(result.stdout).toContain('(arsip kecamatan-gerokgak)');
    const { report } = await check(archive);
    expect(report).toMatchObject({ intact: true, forgery_checked: true, checksum: 'match', signature: { state: 'valid', key: expect.stringMatching(/^SHA256:/), reason: null } });
  });

  it('carries a signature that ssh-keygen -Y verify accepts, so it can be checked without Tayang', async () => {
    const allowed = join(keys, 'allowed_signers');
    await writeFile(allowed, `arsip@gerokgak namespaces="tayang-arsip" ${await readFile(join(keys, 'kunci-arsip.pub'), 'utf8')}`);
    const manifest = execFileSync('tar', ['-xzOf', archive, `${name}/MANIFEST.json`]);
    const out = execFileSync('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', 'arsip@gerokgak', '-n', 'tayang-arsip', '-s', `${archive}.sig`], { input: manifest, encoding: 'utf8' });
    expect(out).toContain('Good "tayang-arsip" signature for arsip@gerokgak');
  });

  it('stays intact when packed again with tar defaults, in another order, with new times: entries count, not tar bytes', async () => {
    const top = await unpack();
    const later = new Date('2031-06-01T00:00:00Z');
    for (const path of await filesBelow(top)) await utimes(join(top, path), later, later);
    const folder = join(work, 'kemas-ulang');
    await mkdir(folder);
    const repacked = join(folder, `${name}.tar.gz`);
    repack(top, repacked, (await filesBelow(top)).reverse());
    await copyFile(`${archive}.sig`, `${repacked}.sig`);
    await copyFile(`${archive}.sha256`, `${repacked}.sha256`);
    expect(sha256(await readFile(repacked))).not.toBe(sha256(await readFile(archive)));

    const result = await run(['--periksa', repacked]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Arsip utuh: /);
    expect(result.stdout).toContain('berkas ini dikemas ulang, atau .sha256-nya milik berkas lain; isinya tetap sama persis dengan MANIFEST.json yang bertanda tangan.');
    expect((await check(repacked)).report).toMatchObject({ intact: true, checksum: 'mismatch', files: 7, discrepancies: [] });

    const whole = join(folder, 'utuh-dengan-folder.tar.gz');
    repack(top, whole);
    await copyFile(`${archive}.sig`, `${whole}.sig`);
    expect((await check(whole)).report).toMatchObject({ intact: true, signature: { state: 'valid' } });
  });
});

describe('a forged archive, when the office has a key', () => {
  it('is not intact without its signature, even with nothing else changed', async () => {
    const copy = await copyArchive('tanpa-sig', ['.sha256']);
    const result = await run(['--periksa', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Arsip TIDAK utuh');
    expect(result.stdout).toContain(`Arsip tidak bertanda tangan: tidak ada ${copy}.sig di sampingnya`);
    expect((await check(copy)).report).toMatchObject({ intact: false, signature: { state: 'absent' } });
  });

  it('is not intact when signed with another key', async () => {
    const copy = await copyArchive('kunci-lain', ['.sha256']);
    await signLikeTheWorkflow(join(work, 'kunci-lain'), join(keys, 'pemalsu'));
    const result = await run(['--periksa', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('TIDAK sah: tanda tangan dibuat dengan kunci lain');
  });

  it('is not intact when a file is edited and MANIFEST.json and .sha256 are recomputed', async () => {
    const forged = await forge('ubah', editPage, { manifest: 'recomputed', sha256: 'recomputed' });
    const result = await run(['--periksa', forged]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Arsip TIDAK utuh');
    expect(result.stdout).toContain('TIDAK sah: tanda tangan tidak cocok dengan MANIFEST.json di dalam arsip: manifesnya diubah (misalnya dihitung ulang) setelah ditandatangani.');
    expect((await check(forged)).report).toMatchObject({ intact: false, checksum: 'match', discrepancies: [], signature: { state: 'invalid' } });
  });

  it('is not intact when the edit comes with a recomputed manifest and the .sha256 deleted', async () => {
    const forged = await forge('ubah-tanpa-sha', editPage, { manifest: 'recomputed', sha256: 'deleted' });
    expect((await check(forged)).report).toMatchObject({ intact: false, checksum: 'absent', signature: { state: 'invalid' } });
  });

  it('is not intact when a file is deleted, or added, with the manifest recomputed', async () => {
    const deleted = await forge('hapus', (top) => rm(join(top, PAGE)), { manifest: 'recomputed', sha256: 'recomputed' });
    expect((await check(deleted)).report).toMatchObject({ intact: false, signature: { state: 'invalid' } });
    const added = await forge('tambah', (top) => writeFile(join(top, 'dist/sisipan.html'), '<p>sisipan</p>'), { manifest: 'recomputed', sha256: 'recomputed' });
    expect((await check(added)).report).toMatchObject({ intact: false, signature: { state: 'invalid' } });
  });

  it('is not intact when entries are reordered with their contents swapped, with the manifest recomputed', async () => {
    const swap = async (top: string) => {
      const [a, b] = [await readFile(join(top, 'dist/index.html')), await readFile(join(top, PAGE))];
      await writeFile(join(top, 'dist/index.html'), b);
      await writeFile(join(top, PAGE), a);
    };
    const forged = await forge('tukar', swap, { manifest: 'recomputed', sha256: 'recomputed' });
    expect((await check(forged)).report).toMatchObject({ intact: false, signature: { state: 'invalid' } });
  });

  it('names each edited, deleted, added or swapped file when the manifest is left as signed', async () => {
    const forged = await forge(
      'sebut',
      async (top) => {
        const index = await readFile(join(top, 'dist/index.html'));
        await writeFile(join(top, 'dist/index.html'), await readFile(join(top, PAGE)));
        await writeFile(join(top, PAGE), index);
        await rm(join(top, 'records/persetujuan/12.json'));
        await writeFile(join(top, 'dist/sisipan.html'), '<p>sisipan</p>');
      },
      { manifest: 'kept', sha256: 'deleted' },
    );
    const { code, report } = await check(forged);
    expect(code).toBe(1);
    expect(report.signature.state).toBe('valid');
    expect(report.discrepancies.map((d: { kind: string; path: string }) => `${d.kind} ${d.path}`).sort()).toEqual([
      `changed ${PAGE}`,
      'changed dist/index.html',
      'missing records/persetujuan/12.json',
      'unexpected dist/sisipan.html',
    ]);
  });

  it('is not intact when a listed file is replaced by a link, which tar -x would follow or copy', async () => {
    const forged = await forge(
      'tautan',
      async (top) => {
        await rm(join(top, PAGE));
        await symlink('../../index.html', join(top, PAGE));
      },
      { manifest: 'kept', sha256: 'recomputed' },
    );
    const result = await run(['--periksa', forged]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${PAGE}: bukan berkas biasa (tautan atau berkas khusus)`);
  });
});

describe('checking without the office key', () => {
  it('says plainly that only accidents are checked, even for a forgery it cannot tell apart', async () => {
    const elsewhere = await mkdtemp(join(work, 'tanpa-konfigurasi-'));
    const forged = await forge('tanpa-kunci', editPage, { manifest: 'recomputed', sha256: 'recomputed' });
    const result = await run(['--periksa', forged], elsewhere);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Arsip utuh dari kerusakan \(pemalsuan tidak diperiksa\): /);
    expect(result.stdout).toContain('pemeriksaan ini hanya menemukan kerusakan, bukan pemalsuan');
    expect(result.stdout).toContain(`(${forged}.sig ada, tetapi tidak bisa diperiksa tanpa kunci publik.)`);
    expect((await check(forged, elsewhere)).report).toMatchObject({ intact: true, forgery_checked: false, signature: { state: 'unchecked', key: null } });
  });

  it('checks the signature with --kunci-publik when there is no repository at hand', async () => {
    const elsewhere = await mkdtemp(join(work, 'tanpa-repo-'));
    const result = await run(['--periksa', archive, '--kunci-publik', join(keys, 'kunci-arsip.pub'), '--format', 'json'], elsewhere);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ intact: true, forgery_checked: true, signature: { state: 'valid' } });
    const forged = await forge('kunci-berkas', editPage, { manifest: 'recomputed', sha256: 'recomputed' });
    expect((await run(['--periksa', forged, '--kunci-publik', join(keys, 'kunci-arsip.pub')], elsewhere)).code).toBe(1);
  });

  it('refuses the key inside an unpacked archive, which a forger chooses', async () => {
    const forged = await forge('kunci-sendiri', editPage, { manifest: 'recomputed', sha256: 'recomputed' });
    const top = await unpack();
    const result = await run(['--periksa', forged], top);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tayang.config.yml: berkas ini ada di samping MANIFEST.json, jadi tampaknya isi arsip yang dibuka');
  });

  it('exits 2 naming the place when the key given is not a public key', async () => {
    const fromFile = await run(['--periksa', archive, '--kunci-publik', join(keys, 'kunci-arsip')]);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(`${join(keys, 'kunci-arsip')}:1: bukan kunci publik SSH`);
    const broken = await mkdtemp(join(work, 'konfigurasi-rusak-'));
    await copyFile(join(ROOT, 'presets/kecamatan-gerokgak.yml'), join(broken, 'tayang.config.yml'));
    await appendFile(join(broken, 'tayang.config.yml'), '\narsip:\n  kunci_publik: ssh-rsa AAAAB3NzaC1yc2E kantor\n');
    const fromConfig = await run(['--periksa', archive], broken);
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain('arsip.kunci_publik');
    expect(fromConfig.stderr).toContain('kunci jenis ssh-rsa tidak didukung');
  });
});
