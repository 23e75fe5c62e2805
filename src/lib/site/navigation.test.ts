import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../content/types.ts';
import { buildMenu, currentNavPath, findUnknownMenuEntries, stripBase, type MenuContent } from './navigation.ts';

const everything: MenuContent = { publishedTypes: new Set(CONTENT_TYPES), pages: new Map([['visi-misi', 'Visi dan Misi Kecamatan Jenawi']]) };
const labels = (content: MenuContent, entries?: Parameters<typeof buildMenu>[0]) => buildMenu(entries, content).map((item) => item.label);

describe('main menu', () => {
  it('is, without a menu in the config, the sections in the usual order from home to the office profile', () => {
    expect(buildMenu(undefined, everything)).toEqual([
        { label: 'Beranda', path: '/' },
        { label: 'Berita', path: '/berita/' },
        { label: 'Pengumuman', path: '/pengumuman/' },
        { label: 'Agenda', path: '/agenda/' },
        { label: 'Artikel', path: '/artikel/' },
        { label: 'Galeri', path: '/galeri/' },
        { label: 'Video', path: '/video/' },
        { label: 'Audio', path: '/audio/' },
        { label: 'Data', path: '/data/' },
        { label: 'Informasi Publik', path: '/informasi-publik/' },
        { label: 'Profil', path: '/profil/' },
    ]);
  });

  it('leaves out sections with nothing published, and the register while there is no document', () => {
    const young: MenuContent = { ...everything, publishedTypes: new Set(['berita', 'pengumuman']) };
    expect(labels(young)).toEqual(['Beranda', 'Berita', 'Pengumuman', 'Profil']);
    expect(labels({ ...young, publishedTypes: new Set(['berita', 'dokumen']) })).toEqual(['Beranda', 'Berita', 'Informasi Publik', 'Profil']);
  });

  it("follows the config's order and labels, office pages by their title unless labelled", () => {
    const menu = buildMenu([{ id: 'beranda' }, { id: 'visi-misi' }, { id: 'agenda', label: 'Jadwal Kegiatan' }, { id: 'dokumen' }, { id: 'profil', label: 'Tentang Kami' }], everything);
    expect(menu).toEqual([
      { label: 'Beranda', path: '/' },
      { label: 'Visi dan Misi Kecamatan Jenawi', path: '/visi-misi/' },
      { label: 'Jadwal Kegiatan', path: '/agenda/' },
      { label: 'Dokumen', path: '/dokumen/' },
      { label: 'Tentang Kami', path: '/profil/' },
    ]);
  });

  it('leaves out an office page still scheduled, and names the config field of an entry that is nothing', () => {
    const entries = [{ id: 'beranda' }, { id: 'struktur-organisasi' }, { id: 'visi-misii' }];
    expect(buildMenu(entries, everything)).toEqual([{ label: 'Beranda', path: '/' }]);
    expect(findUnknownMenuEntries(entries, new Set(['visi-misi', 'struktur-organisasi']))).toEqual([
      {
        file: 'tayang.config.yml',
        field: 'menu.2',
        message: '"visi-misii" bukan bagian situs maupun halaman kantor, jadi tidak bisa masuk menu.',
        fix: 'tulis salah satu bagian situs (beranda, informasi-publik, profil, berita, pengumuman, agenda, artikel, galeri, video, audio, dokumen, data) atau nama folder halaman di content/halaman/ (visi-misi, struktur-organisasi).',
      },
    ]);
  });
});

describe('the section a page is in', () => {
  const menu = buildMenu([{ id: 'beranda' }, { id: 'berita' }, { id: 'visi-misi' }, { id: 'informasi-publik' }, { id: 'profil' }], everything);

  it('is marked on its list, later pages and items', () => {
    expect(currentNavPath('/berita/', menu)).toBe('/berita/');
    expect(currentNavPath('/berita/2/', menu)).toBe('/berita/');
    expect(currentNavPath('/berita/musrenbang-2026', menu)).toBe('/berita/');
  });

  it('is home only on the home page', () => {
    expect(currentNavPath('/', menu)).toBe('/');
    expect(currentNavPath('/profil/', menu)).toBe('/profil/');
  });

  it('is an office page on it and on its approval sheet', () => {
    expect(currentNavPath('/visi-misi/', menu)).toBe('/visi-misi/');
    expect(currentNavPath('/visi-misi/persetujuan/', menu)).toBe('/visi-misi/');
  });

  it('puts documents under the public-information register, or their own list when the menu has that instead', () => {
    expect(currentNavPath('/dokumen/perbup-12-2025/', menu)).toBe('/informasi-publik/');
    expect(currentNavPath('/informasi-publik/peraturan/', menu)).toBe('/informasi-publik/');
    const withDocuments = buildMenu([{ id: 'beranda' }, { id: 'dokumen' }], everything);
    expect(currentNavPath('/dokumen/perbup-12-2025/', withDocuments)).toBe('/dokumen/');
  });

  it('is nothing on pages outside the menu', () => {
    expect(currentNavPath('/404/', menu)).toBeUndefined();
    expect(currentNavPath('/audio/', menu)).toBeUndefined();
  });

  it('is found after a GitHub Pages project base is removed', () => {
    expect(stripBase('/tayang/berita/', '/tayang/')).toBe('/berita/');
    expect(stripBase('/tayang/', '/tayang')).toBe('/');
    expect(stripBase('/berita/', '/')).toBe('/berita/');
  });
});
