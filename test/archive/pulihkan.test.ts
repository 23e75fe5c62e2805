import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeManifest, type Manifest } from '../../src/lib/archive/manifest.ts';
import { writeSourceStamp } from '../../src/lib/archive/source-stamp.ts';
import { END_OF_ARCHIVE, tarFileHeader, tarPadding } from '../../src/lib/archive/tar.ts';
import { writeArchive } from '../../src/lib/archive/write.ts';
import { loadConfigFile } from '../../src/lib/config/load.ts';

// Issue 12, item 1: an archive brings the site back. Kecamatan Gerokgak's SOP backs up the site
// data on every update; `tayang pulihkan` shows that the backup restores, byte for byte, and that
// a damaged, unsigned or hostile archive restores nothing at all.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const COMMIT = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
// Longer than a ustar header holds and not ASCII: written with a pax record.
const LONG_PAGE = `dist/galeri/${'pawai-budaya-desa-adat-'.repeat(6)}/penari-cilik-ñ.html`;

let source: string;
let work: string;
let archive: string;
let name: string;

function run(args: string[], cwd = work): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'pulihkan', ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

async function put(root: string, path: string, content: string | Buffer): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}

/** Every file below `folder`, as sorted "/" paths. */
async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => relative(folder, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A copy of the archive (and its .sha256) in a fresh folder of its own. */
async function copyArchive(label: string): Promise<string> {
  const folder = await mkdtemp(join(work, `${label}-`));
  const copy = join(folder, `${name}.tar.gz`);
  await copyFile(archive, copy);
  await copyFile(`${archive}.sha256`, `${copy}.sha256`);
  return copy;
}

/**
 * An archive a forger (or a broken tool) made by hand: a manifest listing exactly its entries, so
 * it passes every check there is without a key, with entries whose paths or kinds Tayang never writes.
 */
async function hostileArchive(label: string, entries: { path: string; data?: string; link?: string }[]): Promise<string> {
  const top = 'kecamatan-gerokgak-2025-03-11-a1b2c3d';
  const manifest = JSON.parse(await readFile(join(source, 'MANIFEST.json'), 'utf8')) as Manifest;
  manifest.files = entries.filter((e) => e.link === undefined).map((e) => ({ path: e.path, size: Buffer.byteLength(e.data!), sha256: sha256(Buffer.from(e.data!)) }));
  const manifestBytes = serializeManifest(manifest);
  const blocks: Buffer[] = [tarFileHeader({ path: `${top}/MANIFEST.json`, size: manifestBytes.length, mtime: 0 }), manifestBytes, tarPadding(manifestBytes.length)];
  for (const entry of entries) {
    const tarPath = entry.path.startsWith('/') ? entry.path : `${top}/${entry.path}`;
    if (entry.link !== undefined) {
      blocks.push(symlinkHeader(tarPath, entry.link));
      continue;
    }
    const data = Buffer.from(entry.data!);
    blocks.push(tarFileHeader({ path: tarPath, size: data.length, mtime: 0 }), data, tarPadding(data.length));
  }
  blocks.push(END_OF_ARCHIVE);
  const folder = await mkdtemp(join(work, `${label}-`));
  const file = join(folder, `${top}.tar.gz`);
  await writeFile(file, gzipSync(Buffer.concat(blocks)));
  return file;
}

/** A ustar symbolic-link header: Tayang's writer has none, so one is made from a file header. */
function symlinkHeader(path: string, target: string): Buffer {
  const block = tarFileHeader({ path, size: 0, mtime: 0 });
  block.write('2', 156, 1, 'ascii');
  block.write(target, 157, 100, 'utf8');
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0`, 148, 7, 'ascii');
  return block;
}

beforeAll(async () => {
  source = await mkdtemp(join(tmpdir(), 'tayang-pulihkan-sumber-'));
  work = await mkdtemp(join(tmpdir(), 'tayang-pulihkan-'));
  await copyFile(join(ROOT, 'presets/kecamatan-gerokgak.yml'), join(source, 'tayang.config.yml'));
  await put(source, 'content/berita/bersih-pantai-pemuteran/index.md', '---\njudul: Bersih Pantai Pemuteran\n---\nWarga membersihkan pantai.\n');
  await put(source, 'content/berita/bersih-pantai-pemuteran/foto.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 0, 0x0d, 0x0a]));
  await put(source, 'content/data/kosong/catatan.txt', '');
  await put(source, 'records/persetujuan/12.json', '{"pr": 12}\n');
  await put(source, 'dist/index.html', '<!doctype html><title>Kecamatan Gerokgak</title>\n');
  await put(source, 'dist/berita/bersih-pantai-pemuteran/index.html', '<!doctype html><title>Bersih Pantai Pemuteran</title>\n');
  await put(source, 'dist/_astro/video.bin', Buffer.alloc(3 * 1024 * 1024 + 17, 7));
  await put(source, LONG_PAGE, '<!doctype html><title>Pawai Budaya</title>\n');
  // What `astro build` writes last: the sources it was built from.
  await writeSourceStamp(source, join(source, 'dist'));
  const config = await loadConfigFile(join(source, 'tayang.config.yml'));
  if (!config.ok) throw new Error('config');
  const files = (await filesBelow(source)).map((path) => ({ path, disk: join(source, path) }));
  const written = await writeArchive(config.value, { commit: COMMIT, committedAt: '2025-03-10T16:30:00Z', files }, join(source, '..', `${source.split(sep).pop()}-arsip`));
  archive = written.archive;
  name = archive.split(sep).pop()!.replace(/\.tar\.gz$/, '');
  // For the hostile archives: a manifest in Tayang's own format.
  await writeFile(join(source, 'MANIFEST.json'), serializeManifest(written.manifest));
});
afterAll(async () => {
  for (const folder of [source, work, join(archive, '..')]) await rm(folder, { recursive: true, force: true });
});

describe('tayang pulihkan', () => {
  it('restores every archived file byte for byte, and nothing else, into --ke', async () => {
    const to = join(work, 'pulih');
    const result = await run([archive, '--ke', to]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Arsip utuh dari kerusakan (pemalsuan tidak diperiksa)');
    expect(result.stdout).toContain(`Dipulihkan ke ${to}/: 10 berkas (situs 5, naskah 3, catatan 1, ditambah konfigurasi)`);
    const archived = (await filesBelow(source)).filter((path) => path !== 'MANIFEST.json');
    expect(await filesBelow(to)).toEqual(archived);
    for (const path of archived) expect(await readFile(join(to, path)), path).toEqual(await readFile(join(source, path)));
    expect(await readdir(work)).toEqual(['pulih']);
  });

  it('restores into a folder named after the archive by default, and into an empty folder given', async () => {
    const here = await mkdtemp(join(work, 'bawaan-'));
    const result = await run([archive, '--format', 'json'], here);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ restored: true, to: name, files: 10, unsafe_paths: [], verification: { intact: true, forgery_checked: false, commit: COMMIT } });
    expect(await readdir(here)).toEqual([name]);
    expect(await readFile(join(here, name, LONG_PAGE), 'utf8')).toBe('<!doctype html><title>Pawai Budaya</title>\n');

    const empty = join(here, 'kosong');
    await mkdir(empty);
    expect((await run([archive, '--ke', empty], here)).code).toBe(0);
    expect(await filesBelow(empty)).toEqual(await filesBelow(join(here, name)));
  });

  it('never writes into a folder that already holds files (exit 2)', async () => {
    const here = await mkdtemp(join(work, 'berisi-'));
    await put(here, 'situs-lama/index.html', 'lama');
    const result = await run([archive, '--ke', 'situs-lama'], here);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('situs-lama: folder ini sudah berisi berkas; pemulihan tidak pernah menimpa isinya.');
    expect(result.stderr).toContain('Perbaikan: pilih folder lain');
    expect(await filesBelow(here)).toEqual(['situs-lama/index.html']);
  });
});

describe('tayang pulihkan refuses, writing nothing', () => {
  async function expectNothingWritten(folder: string, before: string[]): Promise<void> {
    expect(await filesBelow(folder)).toEqual(before);
  }

  it('a damaged archive: one byte changed inside a file', async () => {
    const copy = await copyArchive('rusak');
    const tar = gunzipSync(await readFile(copy));
    tar[tar.indexOf('Bersih Pantai Pemuteran</title>')] = 'b'.charCodeAt(0);
    await writeFile(copy, gzipSync(tar));
    const folder = join(copy, '..');
    const before = await filesBelow(folder);
    const result = await run([copy, '--ke', join(folder, 'pulih')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Arsip TIDAK utuh');
    expect(result.stdout).toContain('dist/berita/bersih-pantai-pemuteran/index.html: isinya berubah (SHA-256 berbeda, ukuran sama 54 bita).');
    expect(result.stdout).toContain('Tidak dipulihkan: arsip ini tidak utuh, jadi tidak ada berkas yang ditulis.');
    await expectNothingWritten(folder, before);
  });

  it('a truncated archive', async () => {
    const copy = await copyArchive('terpotong');
    const bytes = await readFile(copy);
    await writeFile(copy, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const folder = join(copy, '..');
    const before = await filesBelow(folder);
    const result = await run([copy, '--ke', join(folder, 'pulih'), '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ restored: false, to: null, files: 0, verification: { intact: false, damage: expect.stringContaining('arsip rusak') } });
    await expectNothingWritten(folder, before);
  });

  it('an unsigned archive when the office key is given; the same archive signed restores', async () => {
    const copy = await copyArchive('tanpa-tanda-tangan');
    const folder = join(copy, '..');
    const key = join(work, 'kunci-arsip');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'arsip kecamatan-gerokgak', '-f', key]);
    const before = await filesBelow(folder);
    const result = await run([copy, '--ke', join(folder, 'pulih'), '--kunci-publik', `${key}.pub`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Arsip tidak bertanda tangan: tidak ada ${copy}.sig di sampingnya`);
    expect(result.stdout).toContain('Tidak dipulihkan');
    await expectNothingWritten(folder, before);

    // As docs/arsip.md signs outside GitHub.
    await writeFile(join(folder, 'MANIFEST.json'), execFileSync('tar', ['-xzOf', copy, `${name}/MANIFEST.json`]));
    execFileSync('ssh-keygen', ['-q', '-Y', 'sign', '-f', key, '-n', 'tayang-arsip', join(folder, 'MANIFEST.json')]);
    await copyFile(join(folder, 'MANIFEST.json.sig'), `${copy}.sig`);
    const signed = await run([copy, '--ke', join(folder, 'pulih'), '--kunci-publik', `${key}.pub`]);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/^Arsip utuh: /);
    expect(signed.stdout).toContain('Tanda tangan sah');
    expect(await filesBelow(join(folder, 'pulih'))).toHaveLength(10);
    await rm(key);
    await rm(`${key}.pub`);
  });

  it('a missing archive (exit 2)', async () => {
    const result = await run(['arsip/tidak-ada.tar.gz', '--ke', join(work, 'tidak-ada')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('arsip/tidak-ada.tar.gz: berkas arsip tidak ditemukan.');
  });
});

describe('a hostile archive cannot write outside the folder', () => {
  async function restoreHostile(label: string, entries: { path: string; data?: string; link?: string }[]) {
    const file = await hostileArchive(label, entries);
    const folder = join(file, '..');
    const result = await run([file, '--ke', join(folder, 'dalam', 'pulih')]);
    // Nothing at all: not the folder, not its parent, not a temporary sibling.
    expect(await filesBelow(folder)).toEqual([file.split(sep).pop()]);
    return result;
  }

  it('refuses paths that climb out with ../', async () => {
    const result = await restoreHostile('naik', [{ path: 'dist/index.html', data: 'ok' }, { path: '../../luar.txt', data: 'di luar' }]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Tidak dipulihkan: MANIFEST.json arsip ini menyebut 1 berkas di luar bagian arsip Tayang');
    expect(result.stdout).toContain('../../luar.txt');
    expect(await readdir(work)).not.toContain('luar.txt');
  });

  it('refuses absolute paths', async () => {
    const target = join(work, 'mutlak.txt');
    const result = await restoreHostile('mutlak', [{ path: target, data: 'di luar' }]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(target);
    await expect(readFile(target)).rejects.toThrow();
  });

  it('refuses paths outside the archive parts, such as a workflow', async () => {
    const result = await restoreHostile('alur', [{ path: '.github/workflows/curang.yml', data: 'on: push' }, { path: 'dist/a/./b.html', data: 'x' }]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('.github/workflows/curang.yml, dist/a/./b.html');
  });

  it('refuses symbolic links', async () => {
    const result = await restoreHostile('tautan', [{ path: 'dist/index.html', data: 'ok' }, { path: 'dist/tautan', link: '/etc' }]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('dist/tautan: bukan berkas biasa (tautan atau berkas khusus)');
    expect(result.stdout).toContain('Tidak dipulihkan: arsip ini tidak utuh');
  });
});
