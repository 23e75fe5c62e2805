/** Items per list page: short enough for a cheap phone on a slow connection. */
export const PAGE_SIZE = 10;

export type PageLink = { kind: 'page'; number: number; current: boolean } | { kind: 'gap' };

/**
 * The page numbers a pager shows: the first, the last, and those next to the current one, with
 * gaps between (1 … 4 5 6 … 12), so the pager stays narrow on a 320 px screen.
 */
export function pageLinks(current: number, last: number, around = 1): PageLink[] {
  const links: PageLink[] = [];
  let previous = 0;
  for (let number = 1; number <= last; number++) {
    const shown = number === 1 || number === last || Math.abs(number - current) <= around;
    if (!shown) continue;
    if (number - previous > 1) links.push({ kind: 'gap' });
    links.push({ kind: 'page', number, current: number === current });
    previous = number;
  }
  return links;
}

/**
 * URL of page `number` of a list whose first page is `firstUrl` (`/berita/` → `/berita/2/`),
 * matching the routes Astro's `paginate()` generates for `[...page]`.
 */
export function pageUrl(firstUrl: string, number: number): string {
  const root = firstUrl.endsWith('/') ? firstUrl : `${firstUrl}/`;
  return number === 1 ? root : `${root}${number}/`;
}
