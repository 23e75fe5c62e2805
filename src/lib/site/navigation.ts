import type { ContentType } from '../content/types.ts';
import { TYPE_LABELS } from './labels.ts';

export interface NavItem {
  label: string;
  /** Path without the base, ending in `/`. */
  path: string;
}

/** Order of the main menu: what most visitors look for first (news, announcements, agenda). */
const MENU_TYPES: readonly ContentType[] = ['berita', 'pengumuman', 'agenda', 'artikel', 'galeri', 'video', 'audio', 'data'];

export const MAIN_NAV: readonly NavItem[] = [
  { label: 'Beranda', path: '/' },
  ...MENU_TYPES.map((jenis) => ({ label: TYPE_LABELS[jenis].title, path: `/${jenis}/` })),
  { label: 'Informasi Publik', path: '/informasi-publik/' },
  { label: 'Profil', path: '/profil/' },
];

/**
 * Whether a menu item is the section the reader is in (for `aria-current`): the home item only
 * on the home page, every other item on its own pages and below (`/berita/2/`, `/berita/x/`).
 * Documents live under the public-information register in the menu.
 */
export function currentNavPath(pagePath: string): string | undefined {
  const path = pagePath.endsWith('/') ? pagePath : `${pagePath}/`;
  if (path === '/') return '/';
  const section = path.startsWith('/dokumen/') ? '/informasi-publik/' : `/${path.split('/')[1]}/`;
  return MAIN_NAV.some((item) => item.path === section) ? section : undefined;
}

/** The page path without the site's base, so menus work under a GitHub Pages project path. */
export function stripBase(pathname: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return pathname.startsWith(root) ? `/${pathname.slice(root.length)}` : pathname;
}
