import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as initModuleLexer, parse as parseModule } from 'es-module-lexer';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/**
 * What a built page costs a reader on first visit, pictures aside: its HTML and every stylesheet
 * and script it links, each raw and gzip-compressed as a web server sends it (zlib's default
 * level 6, which nginx, Apache and the common CDNs use or exceed). The page is parsed as a
 * browser parses it (parse5, through hast), so whatever a component or another feature adds to
 * the page (a read-aloud script, a search script) is counted without being named here; so are the
 * modules a script imports statically, which the browser fetches before running it. What a
 * script loads only when asked (a dynamic `import()`, a search index) is not the page's weight.
 */

/** An article page's budget without pictures (issue 11): 60 KB transferred; articles are the text types (TEXT_TYPES). */
export const ARTICLE_BUDGET_BYTES = 60_000;

export interface WeightPart {
  kind: 'html' | 'css' | 'js';
  /** The file's address on the site (the page's own for its HTML). */
  path: string;
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** The page's address, e.g. `/berita/musrenbang/`. */
  page: string;
  parts: WeightPart[];
  raw: number;
  gzip: number;
}

/**
 * Measures the page at `page` (a site address) in the built site at `dist`. Addresses on the
 * site are taken under `base` (the site's base path, `/` at a domain's root); the same file
 * linked twice is counted once, as a browser fetches it once.
 */
export async function measurePage(dist: string, page: string, base = '/'): Promise<PageWeight> {
  const htmlFile = join(dist, fileOf(page, base));
  const html = await readFile(htmlFile);
  const parts: WeightPart[] = [part('html', page, html)];
  const pageUrl = new URL(page, 'http://situs.invalid');
  const queue = linkedAssets(html.toString('utf8')).map(({ kind, href }) => ({ kind, url: new URL(href, pageUrl) }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { kind, url } = next;
    // Another site's file is not the site's weight (the CSP would refuse it anyway).
    if (url.origin !== pageUrl.origin || parts.some((known) => known.path === url.pathname)) continue;
    const content = await readFile(join(dist, fileOf(url.pathname, base)));
    parts.push(part(kind, url.pathname, content));
    if (kind === 'js') queue.push(...(await staticImports(content.toString('utf8'))).map((specifier) => ({ kind, url: new URL(specifier, url) })));
  }
  return { page, parts, raw: sum(parts, 'raw'), gzip: sum(parts, 'gzip') };
}

/** The stylesheets and scripts a page makes the browser fetch, in document order. */
export function linkedAssets(html: string): { kind: 'css' | 'js'; href: string }[] {
  const found: { kind: 'css' | 'js'; href: string }[] = [];
  visit(fromHtml(html), 'element', (element: Element) => {
    const { href, src, rel } = element.properties;
    const rels = Array.isArray(rel) ? rel.map(String) : [];
    if (element.tagName === 'link' && typeof href === 'string') {
      if (rels.includes('stylesheet')) found.push({ kind: 'css', href });
      else if (rels.includes('modulepreload')) found.push({ kind: 'js', href });
    }
    if (element.tagName === 'script' && typeof src === 'string') found.push({ kind: 'js', href: src });
  });
  return found;
}

/** What a module imports before it runs (`import … from`, `export … from`), by specifier. */
async function staticImports(source: string): Promise<string[]> {
  await initModuleLexer;
  const [imports] = parseModule(source);
  // d is -1 for a static import, the position of `import(` for a dynamic one, -2 for import.meta.
  return imports.filter((found) => found.d === -1 && found.n !== undefined).map((found) => found.n!);
}

/** One line for a failure or a report: the page, its total, then each part. */
export function describeWeight(weight: PageWeight): string {
  const parts = weight.parts.map((p) => `${p.kind.toUpperCase()} ${p.path} ${kb(p.gzip)} (${kb(p.raw)} mentah)`);
  return `${weight.page}: ${kb(weight.gzip)} gzip (${kb(weight.raw)} mentah) = ${parts.join(' + ')}`;
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function part(kind: WeightPart['kind'], path: string, content: Buffer): WeightPart {
  return { kind, path, raw: content.length, gzip: gzipSync(content).length };
}

const sum = (parts: WeightPart[], key: 'raw' | 'gzip') => parts.reduce((total, p) => total + p[key], 0);

/** The file a site address is served from: `/a/` is `a/index.html`, under the base path. */
function fileOf(address: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const path = decodeURIComponent(address.startsWith(prefix) ? address.slice(prefix.length) : address.replace(/^\//, ''));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
