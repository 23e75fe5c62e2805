import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A built page: its URL path below the site's base (`/berita/rapat/`) and its file in dist. */
export interface BuiltPage {
  path: string;
  /** Relative to dist, with `/` separators: `berita/rapat/index.html`. */
  file: string;
}

/** Every HTML page of a built site, sorted by path (the sitemap leaves out 404 and redirects). */
export async function listBuiltPages(dist: string): Promise<BuiltPage[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .map((file) => ({ path: pathOfFile(file), file }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** `index.html` → `/`, `berita/index.html` → `/berita/`, `404.html` → `/404.html`. */
export function pathOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * The search page (`/cari/`) as a reader sees it after searching: its results are made in the
 * browser, so the audit opens it with a query, a word of the first title it lists (the longest).
 */
export function searchResultsPage(html: string): BuiltPage | undefined {
  const title = /<ul class="search-list"><li><a [^>]*>([^<]+)<\/a>/.exec(html)?.[1];
  const word = title?.split(/[^\p{L}\p{N}]+/u).reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest), '');
  return word ? { path: `/cari/?q=${encodeURIComponent(word)}`, file: 'cari/index.html' } : undefined;
}

/**
 * The page paths an HTML document links to (same site only, query and fragment dropped),
 * relative to the base. Astro's output always quotes attribute values.
 */
export function linkedPaths(html: string, pagePath: string, base = '/'): Set<string> {
  const origin = 'http://site.invalid';
  const pageUrl = new URL(`${base.replace(/\/$/, '')}${pagePath}`, origin);
  const paths = new Set<string>();
  for (const match of html.matchAll(/\shref=(?:"([^"]*)"|'([^']*)')/g)) {
    const href = (match[1] ?? match[2] ?? '').replaceAll('&amp;', '&');
    let target: URL;
    try {
      target = new URL(href, pageUrl);
    } catch {
      continue;
    }
    if (target.origin !== origin) continue;
    const basePrefix = base.endsWith('/') ? base : `${base}/`;
    if (!target.pathname.startsWith(basePrefix)) continue;
    paths.add(`/${target.pathname.slice(basePrefix.length)}`);
  }
  return paths;
}
