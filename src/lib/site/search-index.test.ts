import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { separateBlocks, writeSearchIndex } from './search-index.ts';

const page = (main: string) => `<!doctype html><html lang="id"><head><title>t</title></head><body><nav>Beranda Berita</nav><main>${main}</main><footer>Kontak kantor</footer></body></html>`;

/** A built site in miniature: an item page, its type's list and its approval sheet. */
const SITE: Record<string, string> = {
  'berita/rapat-desa/index.html': page(
    '<article data-pagefind-body data-pagefind-filter="jenis:Berita" data-pagefind-meta="tanggal:21 Nov 2025"><h1>Rapat Desa Balong</h1><p class="meta" data-pagefind-ignore>Jumat · Dimas</p><dl><dt>Tempat</dt><dd>Pendapa Kecamatan</dd></dl><p>Warga membahas pelayanan air bersih.</p></article><section><h2>Riwayat persetujuan</h2><p>Disetujui Camat</p></section>',
  ),
  'berita/index.html': page('<h1>Berita</h1><p>Rapat Desa Balong</p>'),
  'berita/rapat-desa/persetujuan/index.html': page('<h1>Lembar persetujuan</h1><p>Rapat Desa Balong, disetujui Camat</p>'),
};

let dist: string;
let indexed: number;

/** Pagefind's files are gzip with a signature before the JSON. */
async function fragments(): Promise<{ url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }[]> {
  const dir = join(dist, 'pagefind', 'fragment');
  const names = await readdir(dir);
  return Promise.all(names.map(async (name) => JSON.parse(gunzipSync(await readFile(join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, ''))));
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'tayang-cari-'));
  for (const [path, html] of Object.entries(SITE)) {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), html);
  }
  indexed = (await writeSearchIndex(dist)).pages;
});

afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

describe('the search index of a built site', () => {
  it("holds the item pages' article only, not lists, approval sheets, menu, footer or the date line", async () => {
    expect(indexed).toBe(1);
    const [fragment, ...others] = await fragments();
    expect(others).toEqual([]);
    expect(fragment!.url).toBe('/berita/rapat-desa/');
    expect(fragment!.content).toBe('Rapat Desa Balong. Tempat Pendapa Kecamatan Warga membahas pelayanan air bersih.');
    expect(fragment!.meta).toEqual({ title: 'Rapat Desa Balong', tanggal: '21 Nov 2025' });
    expect(fragment!.filters).toEqual({ jenis: ['Berita'] });
  });

  it('is an Indonesian index, for the stemming of Indonesian words', async () => {
    const entry = JSON.parse(await readFile(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm: string }> };
    expect(Object.keys(entry.languages)).toEqual(['id']);
    expect(entry.languages.id!.wasm).toBe('id');
  });

  it("publishes Pagefind's search API and WebAssembly, not its default interface", async () => {
    const files = await readdir(join(dist, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.id.pagefind']));
    expect(files.filter((file) => /ui|highlight|\.css$/.test(file))).toEqual([]);
  });
});

describe('the pages as the index reads them', () => {
  it('keep the term and description of a list, and other blocks Pagefind would join, apart', () => {
    expect(separateBlocks('<dl><dt>Tempat</dt><dd>Pendapa</dd></dl><details><summary>Isi</summary>teks</details>')).toBe('<dl><dt>Tempat</dt> <dd>Pendapa</dd> </dl><details><summary>Isi</summary> teks</details> ');
  });
});

describe('the search index kept between builds', () => {
  let site: string;
  let cache: string;
  const files = async (dir: string) => {
    const names = (await readdir(join(dir, 'pagefind'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
    return Promise.all(names.map(async (name) => [name.slice(dir.length), (await readFile(name)).toString('base64')]));
  };

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'tayang-cari-ulang-'));
    cache = join(site, '.cache');
    for (const [path, html] of Object.entries(SITE)) {
      await mkdir(dirname(join(site, 'dist', path)), { recursive: true });
      await writeFile(join(site, 'dist', path), html);
    }
  });

  afterAll(() => rm(site, { recursive: true, force: true }));

  it('is made the first time, taken whole when no page changed, and made again when one did', async () => {
    const dist = join(site, 'dist');
    expect(await writeSearchIndex(dist, cache)).toEqual({ pages: 1, reused: false });
    const first = await files(dist);
    await rm(join(dist, 'pagefind'), { recursive: true });
    expect(await writeSearchIndex(dist, cache)).toEqual({ pages: 1, reused: true });
    expect(await files(dist)).toEqual(first);

    const item = join(dist, 'berita/rapat-desa/index.html');
    await writeFile(item, (await readFile(item, 'utf8')).replace('air bersih', 'air minum'));
    await rm(join(dist, 'pagefind'), { recursive: true });
    expect(await writeSearchIndex(dist, cache)).toEqual({ pages: 1, reused: false });
    expect(await files(dist)).not.toEqual(first);
    // Only the newest index is kept.
    expect(await readdir(join(cache, 'tayang-cari'))).toHaveLength(1);
  });
});
