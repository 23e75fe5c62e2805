import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { listFiles } from '../../src/lib/publish/deploy.ts';

/**
 * What a visitor's browser gets from a deploy target at one moment, and whether every page's
 * links lead somewhere: the property a deploy must keep however it is interrupted.
 */

/** The served files (paths under the site's root) and their contents. */
export type ServedSite = ReadonlyMap<string, string>;

/** The site a web server serves from this folder (following the release link), empty when it is gone. */
export async function servedFolder(folder: string): Promise<ServedSite> {
  if (!existsSync(folder)) return new Map();
  const files = await listFiles(folder);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(`${folder}/${file}`, 'utf8')] as const)));
}

/** The site an object store serves under a prefix. */
export function servedObjects(objects: ReadonlyMap<string, { body: Buffer }>, prefix: string): ServedSite {
  return new Map([...objects].filter(([key]) => key.startsWith(prefix)).map(([key, object]) => [key.slice(prefix.length), object.body.toString('utf8')]));
}

const isPage = (path: string) => /\.html?$/.test(path);

/** The served file a link on a page leads to, or undefined for a link off the site. */
function linkTarget(page: string, link: string): string | undefined {
  if (link === '' || link.startsWith('#') || link.startsWith('//') || /^[a-z][a-z\d+.-]*:/i.test(link)) return undefined;
  const path = decodeURIComponent(new URL(link, `http://situs/${page}`).pathname).slice(1);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

function resolves(site: ServedSite, target: string): boolean {
  return site.has(target) || site.has(`${target}/index.html`);
}

function linksOf(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((match) => match[1] ?? match[2]!);
}

/**
 * Every `href`/`src` to a path on the site, in every served page, that leads to nothing served
 * (as "page → link"). With `from`, only the pages a visitor reaches by following links from those
 * pages are checked: on object storage a new page nothing links to yet is not part of the site.
 */
export function brokenLinks(site: ServedSite, from?: readonly string[]): string[] {
  const broken: string[] = [];
  const queue = (from ?? [...site.keys()]).filter((page) => isPage(page) && site.has(page));
  const seen = new Set(queue);
  while (queue.length > 0) {
    const page = queue.shift()!;
    for (const link of linksOf(site.get(page)!)) {
      const target = linkTarget(page, link);
      if (target === undefined) continue;
      if (!resolves(site, target)) {
        broken.push(`${page} → ${link}`);
        continue;
      }
      const file = site.has(target) ? target : `${target}/index.html`;
      if (from && isPage(file) && !seen.has(file)) {
        seen.add(file);
        queue.push(file);
      }
    }
  }
  return broken;
}
