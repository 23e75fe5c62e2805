import picomatch from 'picomatch';
import { CONTENT_ROOT, isContentType, type ContentType } from '../content/types.ts';
import { itemPath } from '../site/urls.ts';
import type { BuiltPage } from './pages.ts';

/** A content item as the site shows it: `/berita/rapat/` is `content/berita/rapat/index.md`. */
export interface ItemRef {
  jenis: ContentType;
  slug: string;
}

/** The item a repository path belongs to (`content/<jenis>/<slug>/…`), if any. */
export function itemOfFile(file: string): ItemRef | undefined {
  const [root, jenis, slug, ...rest] = file.split('/');
  if (root !== CONTENT_ROOT || !jenis || !slug || rest.length === 0 || !isContentType(jenis)) return undefined;
  return { jenis, slug };
}

/** The item whose detail page this is (`/<jenis>/<slug>/…`, an office page's `/<slug>/…`), if that item exists. */
export function itemOfPage(path: string, items: ReadonlySet<string>): ItemRef | undefined {
  const [, first, second] = path.split('/');
  if (first && items.has(itemKey({ jenis: 'halaman', slug: first }))) return { jenis: 'halaman', slug: first };
  if (!first || !second || !isContentType(first) || !items.has(itemKey({ jenis: first, slug: second }))) return undefined;
  return { jenis: first, slug: second };
}

export function itemKey(item: ItemRef): string {
  return `${item.jenis}/${item.slug}`;
}

export function itemPagePath(item: ItemRef): string {
  return itemPath(item.jenis, item.slug);
}

/**
 * Listing pages checked whenever an item of the type changes, even one that was deleted (so no
 * page links to it any more): the home page, the type's list, for `dokumen` the register of
 * public information (Daftar Informasi Publik, `/informasi-publik/`), and for the office's own
 * pages the profile, which lists them.
 */
export function fixedListings(jenis: ContentType): string[] {
  if (jenis === 'halaman') return ['/', '/profil/'];
  return ['/', `/${jenis}/`, ...(jenis === 'dokumen' ? ['/informasi-publik/'] : [])];
}

/**
 * Files whose change can alter every page (layouts, styles, the office's identity, the build
 * setup): a change to one of them means checking the whole site.
 */
const SITE_WIDE = picomatch(['src/**', 'public/**', 'astro.config.*', 'tayang.config.yml', 'package.json', 'package-lock.json'], { dot: true });
const NOT_SITE = picomatch(['**/*.test.ts', '**/*.md'], { dot: true });

export function isSiteWide(file: string): boolean {
  return SITE_WIDE(file) && !NOT_SITE(file);
}

/**
 * Pages that link to every item (the search page's list of everything, and its results): a
 * changed item is one more line of the same kind as on its list page, which is checked, while
 * checking the whole page costs the size of the site. They are checked with the whole site.
 */
const EVERY_ITEM_PAGES = new Set(['/cari/']);

export interface PageSelection {
  /** True when a site-wide file changed and every page is selected. */
  all: boolean;
  pages: BuiltPage[];
}

/**
 * The pages to check for a set of changed files: each changed item's own page(s) and the
 * listings that show it — the fixed ones plus every other page linking to the item (list pages
 * and their pagination, the register's category pages, tag pages), but the search page.
 *
 * `links` gives the linked paths of a page; it is asked only for pages that are not item pages.
 */
export function selectPagesForChanges(
  pages: readonly BuiltPage[],
  changedFiles: readonly string[],
  items: ReadonlySet<string>,
  links: (page: BuiltPage) => ReadonlySet<string>,
): PageSelection {
  if (changedFiles.some(isSiteWide)) return { all: true, pages: [...pages] };
  const changed = new Map<string, ItemRef>();
  for (const file of changedFiles) {
    const item = itemOfFile(file);
    if (item) changed.set(itemKey(item), item);
  }
  if (changed.size === 0) return { all: false, pages: [] };

  const prefixes = [...changed.values()].map(itemPagePath);
  const fixed = new Set([...changed.values()].flatMap((item) => fixedListings(item.jenis)));
  const selected = pages.filter((page) => {
    if (prefixes.some((prefix) => page.path.startsWith(prefix))) return true;
    if (fixed.has(page.path)) return true;
    if (itemOfPage(page.path, items) || EVERY_ITEM_PAGES.has(page.path)) return false;
    const linked = links(page);
    return prefixes.some((prefix) => linked.has(prefix));
  });
  return { all: false, pages: selected };
}
