import { describe, expect, it } from 'vitest';
import { isSiteWide, itemOfFile, itemOfPage, selectPagesForChanges } from './items.ts';
import type { BuiltPage } from './pages.ts';

const items = new Set(['berita/rapat', 'berita/panen', 'dokumen/perbup-5-2025', 'video/musrenbang']);
const page = (path: string): BuiltPage => ({ path, file: path === '/' ? 'index.html' : `${path.slice(1)}index.html` });
const pages = [
  '/',
  '/berita/',
  '/berita/2/',
  '/berita/rapat/',
  '/berita/panen/',
  '/dokumen/',
  '/dokumen/perbup-5-2025/',
  '/informasi-publik/',
  '/informasi-publik/peraturan/',
  '/informasi-publik/laporan-keuangan/',
  '/profil/',
  '/video/musrenbang/',
  '/cari/',
].map(page);
const links: Record<string, string[]> = {
  '/': ['/berita/panen/', '/profil/'],
  '/cari/': ['/berita/rapat/', '/berita/panen/', '/dokumen/perbup-5-2025/', '/video/musrenbang/'],
  '/berita/': ['/berita/panen/'],
  '/berita/2/': ['/berita/rapat/'],
  '/berita/panen/': ['/berita/rapat/'],
  '/informasi-publik/peraturan/': ['/dokumen/perbup-5-2025/'],
  '/informasi-publik/laporan-keuangan/': [],
};
const linksOf = (p: BuiltPage) => new Set(links[p.path] ?? []);
const paths = (selection: { pages: BuiltPage[] }) => selection.pages.map((p) => p.path);

describe('which item a file or page belongs to', () => {
  it('reads content/<jenis>/<slug>/… paths', () => {
    expect(itemOfFile('content/berita/rapat/index.md')).toEqual({ jenis: 'berita', slug: 'rapat' });
    expect(itemOfFile('content/berita/rapat/foto.jpg')).toEqual({ jenis: 'berita', slug: 'rapat' });
    expect(itemOfFile('content/berita/index.md')).toBeUndefined();
    expect(itemOfFile('content/resep/soto/index.md')).toBeUndefined();
    expect(itemOfFile('docs/berita/rapat/index.md')).toBeUndefined();
  });

  it('tells item pages from list and pagination pages', () => {
    expect(itemOfPage('/berita/rapat/', items)).toEqual({ jenis: 'berita', slug: 'rapat' });
    expect(itemOfPage('/berita/2/', items)).toBeUndefined();
    expect(itemOfPage('/berita/', items)).toBeUndefined();
    expect(itemOfPage('/profil/', items)).toBeUndefined();
  });
});

describe('pages to check for changed files', () => {
  it('takes the item page and the listings that link to it, not other items nor the search page that lists everything', () => {
    const selection = selectPagesForChanges(pages, ['content/berita/rapat/index.md', 'content/berita/rapat/foto.jpg'], items, linksOf);
    expect(selection.all).toBe(false);
    expect(paths(selection)).toEqual(['/', '/berita/', '/berita/2/', '/berita/rapat/']);
  });

  it('adds the register and its category page for a document', () => {
    expect(paths(selectPagesForChanges(pages, ['content/dokumen/perbup-5-2025/index.md'], items, linksOf))).toEqual([
      '/',
      '/dokumen/',
      '/dokumen/perbup-5-2025/',
      '/informasi-publik/',
      '/informasi-publik/peraturan/',
    ]);
  });

  it('takes an office page at the root, its approval sheet, and the profile that lists it', () => {
    const withPage = new Set([...items, 'halaman/visi-misi']);
    const sitePages = [...pages, page('/visi-misi/'), page('/visi-misi/persetujuan/')];
    expect(itemOfPage('/visi-misi/', withPage)).toEqual({ jenis: 'halaman', slug: 'visi-misi' });
    expect(itemOfPage('/visi-misi/persetujuan/', withPage)).toEqual({ jenis: 'halaman', slug: 'visi-misi' });
    expect(paths(selectPagesForChanges(sitePages, ['content/halaman/visi-misi/index.md'], withPage, linksOf))).toEqual(['/', '/profil/', '/visi-misi/', '/visi-misi/persetujuan/']);
  });

  it('still checks the listings of an item that was deleted', () => {
    expect(paths(selectPagesForChanges(pages, ['content/berita/dihapus/index.md'], items, linksOf))).toEqual(['/', '/berita/']);
  });

  it('checks every page when a layout, style or the office config changes', () => {
    for (const file of ['src/layouts/BaseLayout.astro', 'src/styles/global.css', 'tayang.config.yml', 'public/logo.svg', 'astro.config.mjs']) {
      expect(selectPagesForChanges(pages, [file], items, linksOf)).toEqual({ all: true, pages });
    }
  });

  it('checks nothing for changes that do not reach the site', () => {
    expect(selectPagesForChanges(pages, ['docs/panduan.md', 'test/site/site.test.ts', 'src/lib/a11y/items.test.ts'], items, linksOf)).toEqual({ all: false, pages: [] });
  });

  it('only reads the links of pages that are not item pages', () => {
    const asked: string[] = [];
    selectPagesForChanges(pages, ['content/video/musrenbang/index.md'], items, (p) => (asked.push(p.path), linksOf(p)));
    expect(asked).not.toContain('/berita/panen/');
    expect(asked).toContain('/informasi-publik/peraturan/');
  });

  it('knows which files are site-wide', () => {
    expect(isSiteWide('src/pages/index.astro')).toBe(true);
    expect(isSiteWide('src/lib/site/dates.test.ts')).toBe(false);
    expect(isSiteWide('content/berita/rapat/index.md')).toBe(false);
  });
});
