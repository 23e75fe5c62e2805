import { describe, expect, it } from 'vitest';
import { MAIN_NAV, currentNavPath, stripBase } from './navigation.ts';

describe('main menu', () => {
  it('starts with the home page and ends with the office profile', () => {
    expect(MAIN_NAV[0]).toEqual({ label: 'Beranda', path: '/' });
    expect(MAIN_NAV.at(-1)).toEqual({ label: 'Profil', path: '/profil/' });
  });

  it('marks a section on its list, later pages and items', () => {
    expect(currentNavPath('/berita/')).toBe('/berita/');
    expect(currentNavPath('/berita/2/')).toBe('/berita/');
    expect(currentNavPath('/berita/musrenbang-2026')).toBe('/berita/');
  });

  it('marks home only on the home page', () => {
    expect(currentNavPath('/')).toBe('/');
    expect(currentNavPath('/profil/')).toBe('/profil/');
  });

  it('puts documents under the public-information register', () => {
    expect(currentNavPath('/dokumen/perbup-12-2025/')).toBe('/informasi-publik/');
    expect(currentNavPath('/informasi-publik/peraturan/')).toBe('/informasi-publik/');
  });

  it('marks nothing on pages outside the menu', () => {
    expect(currentNavPath('/404/')).toBeUndefined();
  });

  it('removes a GitHub Pages project base before matching', () => {
    expect(stripBase('/tayang/berita/', '/tayang/')).toBe('/berita/');
    expect(stripBase('/tayang/', '/tayang')).toBe('/');
    expect(stripBase('/berita/', '/')).toBe('/berita/');
  });
});
