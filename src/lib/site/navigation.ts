import { CONFIG_FILE } from '../config/load.ts';
import type { MenuEntry } from '../config/schema.ts';
import { SECTION_TYPES, type ContentType, type SectionType } from '../content/types.ts';
import type { Problem } from '../errors/problem.ts';
import { TYPE_LABELS } from './labels.ts';

export interface NavItem {
  label: string;
  /** Path without the base, ending in `/`. */
  path: string;
}

/** What the site has besides its sections: the home page, the register of public information and the office profile. */
const FIXED_SECTIONS = {
  beranda: { label: 'Beranda', path: '/' },
  'informasi-publik': { label: 'Informasi Publik', path: '/informasi-publik/' },
  profil: { label: 'Profil', path: '/profil/' },
} as const;

/**
 * The menu without a `menu` in the config: what most visitors look for first (news,
 * announcements, agenda), the register of public information and the profile last. Documents
 * are reached through the register.
 */
export const DEFAULT_MENU: readonly MenuEntry[] = ['beranda', 'berita', 'pengumuman', 'agenda', 'artikel', 'galeri', 'video', 'audio', 'data', 'informasi-publik', 'profil'].map((id) => ({ id }));

/** What the site holds, for the menu to link only to what is there. */
export interface MenuContent {
  /** Types with at least one published item. */
  publishedTypes: ReadonlySet<ContentType>;
  /** Published office pages: folder name → title. */
  pages: ReadonlyMap<string, string>;
}

const isSection = (id: string): id is SectionType => (SECTION_TYPES as readonly string[]).includes(id);
const isFixed = (id: string): id is keyof typeof FIXED_SECTIONS => Object.hasOwn(FIXED_SECTIONS, id);

/**
 * The main menu from the config's `menu` (or the default): a section with nothing published
 * yet is left out ("Belum ada audio yang diterbitkan" is not worth a menu entry), the register
 * too while there is no document, and an office page until it is published. An entry that is
 * neither was refused before the build (`findUnknownMenuEntries`).
 */
export function buildMenu(entries: readonly MenuEntry[] | undefined, content: MenuContent): NavItem[] {
  const items: NavItem[] = [];
  (entries ?? DEFAULT_MENU).forEach(({ id, label }) => {
    if (isFixed(id)) {
      if (id !== 'informasi-publik' || content.publishedTypes.has('dokumen')) items.push({ ...FIXED_SECTIONS[id], ...(label && { label }) });
    } else if (isSection(id)) {
      if (content.publishedTypes.has(id)) items.push({ label: label ?? TYPE_LABELS[id].title, path: `/${id}/` });
    } else if (content.pages.has(id)) {
      items.push({ label: label ?? content.pages.get(id)!, path: `/${id}/` });
    }
  });
  return items;
}

/**
 * Entries of the config's `menu` that are neither a section nor an office page folder: checked
 * by `tayang periksa` and before the build, so a typo never reaches a page.
 */
export function findUnknownMenuEntries(entries: readonly MenuEntry[] | undefined, pageFolders: ReadonlySet<string>, lineOf?: (path: (string | number)[]) => number | undefined): Problem[] {
  const problems: Problem[] = [];
  (entries ?? []).forEach(({ id }, index) => {
    if (isFixed(id) || isSection(id) || pageFolders.has(id)) return;
    problems.push({
      file: CONFIG_FILE,
      line: lineOf?.(['menu', index]),
      field: `menu.${index}`,
      message: `"${id}" bukan bagian situs maupun halaman kantor, jadi tidak bisa masuk menu.`,
      fix: `tulis salah satu bagian situs (${[...Object.keys(FIXED_SECTIONS), ...SECTION_TYPES].join(', ')}) atau nama folder halaman di content/halaman/${pageFolders.size > 0 ? ` (${[...pageFolders].join(', ')})` : ''}.`,
    });
  });
  return problems;
}

/**
 * The menu item of the section the reader is in (for `aria-current`): the home item only on the
 * home page, every other item on its own pages and below (`/berita/2/`, `/berita/x/`,
 * `/visi-misi/persetujuan/`). Documents live under the register when the menu has it.
 */
export function currentNavPath(pagePath: string, menu: readonly NavItem[]): string | undefined {
  const path = pagePath.endsWith('/') ? pagePath : `${pagePath}/`;
  const inMenu = (section: string) => menu.some((item) => item.path === section);
  if (path === '/') return inMenu('/') ? '/' : undefined;
  const top = `/${path.split('/')[1]}/`;
  const section = top === '/dokumen/' && inMenu('/informasi-publik/') ? '/informasi-publik/' : top;
  return inMenu(section) ? section : undefined;
}

/** The page path without the site's base, so menus work under a GitHub Pages project path. */
export function stripBase(pathname: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return pathname.startsWith(root) ? `/${pathname.slice(root.length)}` : pathname;
}
