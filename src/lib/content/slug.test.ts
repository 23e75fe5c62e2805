import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_DIR } from '../site/search-index.ts';
import { describeTakenPageSlug, isSiteAddress } from './slug.ts';
import { SECTION_TYPES } from './types.ts';

describe('folder names of office pages', () => {
  it('may not take an address the site makes itself: every top-level route in src/pages', () => {
    const pages = readdirSync(new URL('../../pages/', import.meta.url), { withFileTypes: true });
    // `[jenis]` makes one section per type; `[slug]` is the office pages themselves; `_x` are helpers;
    // names with a dot (rss.xml, robots.txt) can never be a folder name (SLUG_PATTERN).
    const fixed = pages.map((entry) => entry.name.replace(/\.astro$/, '')).filter((name) => !/^[[_]/.test(name) && !name.includes('.') && name !== 'index');
    expect(fixed.length).toBeGreaterThan(5);
    for (const name of [...fixed, ...SECTION_TYPES]) expect(isSiteAddress(name), name).toBe(true);
    expect(pages.some((entry) => entry.name === '[slug]')).toBe(true);
  });

  it('may not take the folder the search index is written to after the pages', () => {
    expect(isSiteAddress(SEARCH_INDEX_DIR)).toBe(true);
  });

  it('says which address is taken and what to write instead', () => {
    expect(describeTakenPageSlug('informasi-publik')).toEqual({
      message: 'nama folder "informasi-publik" sudah dipakai situs untuk alamat /informasi-publik/, jadi halaman ini tidak bisa tayang di sana.',
      fix: 'ganti nama foldernya, misalnya "informasi-publik-kantor". Nama yang dipakai situs sendiri: berita, pengumuman, agenda, artikel, galeri, video, audio, dokumen, data, halaman, informasi-publik, profil, 404, sosial, cari, kinerja, pagefind.',
    });
    expect(describeTakenPageSlug('visi-misi')).toBeUndefined();
  });
});
