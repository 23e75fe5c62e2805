import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedPaths, listBuiltPages, pathOfFile, searchResultsPage } from './pages.ts';

describe('built pages', () => {
  it('lists every HTML file of dist with its URL path', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'tayang-pages-'));
    for (const file of ['index.html', '404.html', 'berita/index.html', 'berita/rapat/index.html', '_astro/style.css', 'rss.xml']) {
      await mkdir(join(dist, file, '..'), { recursive: true });
      await writeFile(join(dist, file), '');
    }
    expect(await listBuiltPages(dist)).toEqual([
      { path: '/', file: 'index.html' },
      { path: '/404.html', file: '404.html' },
      { path: '/berita/', file: 'berita/index.html' },
      { path: '/berita/rapat/', file: 'berita/rapat/index.html' },
    ]);
  });

  it('maps files to paths', () => {
    expect(pathOfFile('index.html')).toBe('/');
    expect(pathOfFile('informasi-publik/peraturan/index.html')).toBe('/informasi-publik/peraturan/');
    expect(pathOfFile('404.html')).toBe('/404.html');
  });
});

describe('links of a page', () => {
  const html = `<a href="/berita/rapat/">Rapat</a> <a href="../panen/#isi">Panen</a> <a href='/profil/?a=1&amp;b=2'>Profil</a>
    <a href="https://instagram.com/kecamatan">IG</a> <a href="mailto:ppid@jenawi.go.id">Surel</a> <link rel="stylesheet" href="/_astro/a.css">`;

  it('resolves same-site links relative to the page, without query or fragment', () => {
    expect([...linkedPaths(html, '/berita/rapat/')]).toEqual(['/berita/rapat/', '/berita/panen/', '/profil/', '/_astro/a.css']);
  });

  it('strips the base path of a project site', () => {
    const based = '<a href="/tayang/berita/rapat/">Rapat</a><a href="/lain/">Lain</a>';
    expect([...linkedPaths(based, '/', '/tayang/')]).toEqual(['/berita/rapat/']);
  });
});

describe('the search page with results', () => {
  it('is opened with the longest word of the first title it lists', () => {
    const html = '<h3>Berita</h3><ul class="search-list"><li><a href="/berita/a/">Camat Tinjau Longsor di Desa Trengguli</a> <span class="meta">…</span></li><li><a href="/berita/b/">Lain</a></li></ul>';
    expect(searchResultsPage(html)).toEqual({ path: '/cari/?q=Trengguli', file: 'cari/index.html' });
  });

  it('is not audited when the page lists nothing', () => {
    expect(searchResultsPage('<h1>Cari informasi</h1><section data-search-all><h2>Semua informasi</h2></section>')).toBeUndefined();
  });
});
