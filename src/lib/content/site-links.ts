import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../site/urls.ts';

/**
 * Links to the site's own pages are written from the site's root, `[Daftar Informasi
 * Publik](/informasi-publik/)`; on a site under a base path (a GitHub Pages project site,
 * `/<repo>/`) they get the base, as the site's own links do. `//host/…` is another site.
 */
export function rehypeSiteLinks(base: string) {
  return () => (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) node.properties.href = withBase(base, href);
    });
  };
}
