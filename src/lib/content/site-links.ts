import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { itemPath, withBase } from '../site/urls.ts';
import { servedFileAddress } from './item-files.ts';
import { CONTENT_ROOT, isContentType } from './types.ts';

/**
 * Links to the site's own pages are written from the site's root, `[Daftar Informasi
 * Publik](/informasi-publik/)`; on a site under a base path (a GitHub Pages project site,
 * `/<repo>/`) they get the base, as the site's own links do. `//host/…` is another site.
 * A link to a file beside the item (`[formulir (PDF)](formulir.pdf)`) is published with the
 * item's files, and its link points there from the site's root too, so it holds wherever the
 * page is read from (`/formulir-permohonan` without its slash, a copy of the text elsewhere).
 */
export function rehypeSiteLinks(base: string) {
  return () => (tree: Root, file: VFile) => {
    const page = pageOf(file.path);
    visit(tree, 'element', (node) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string') return;
      if (href.startsWith('/') && !href.startsWith('//')) {
        node.properties.href = withBase(base, href);
        return;
      }
      const address = page === undefined ? undefined : servedFileAddress(href);
      if (address !== undefined) node.properties.href = withBase(base, `${page}${address}`);
    });
  };
}

/** The page of the item rendered from `content/<jenis>/<slug>/index.md`, or undefined for other Markdown. */
function pageOf(path: string | undefined): string | undefined {
  const parts = (path ?? '').replace(/\\/g, '/').split('/');
  const [root, jenis, slug, name] = parts.slice(-4);
  return root === CONTENT_ROOT && jenis !== undefined && isContentType(jenis) && slug !== undefined && name === 'index.md' ? itemPath(jenis, slug) : undefined;
}
