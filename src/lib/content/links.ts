import { lstat, realpath } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Problem } from '../errors/problem.ts';
import { CONTENT_ROOT } from './types.ts';

/**
 * Symbolic links in content: Astro and the pages follow them wherever they point, the checks
 * read the folder. Kept apart from load.ts so the pages can ask without bundling the loader.
 */

export async function isSymbolicLink(path: string): Promise<boolean> {
  return lstat(path).then((s) => s.isSymbolicLink(), () => false);
}

/** Whether `dir/path`, or a folder on the way to it from `dir`, is a symbolic link. */
export async function hasSymbolicLink(dir: string, path: string): Promise<boolean> {
  let current = dir;
  for (const part of path.split('/')) {
    current = posix.join(current, part);
    if (await isSymbolicLink(current)) return true;
  }
  return false;
}

/**
 * A file a page is about to copy into the site (an attachment, a CSV): a problem when it, or a
 * folder on the way to it from `contentRoot`, is a symbolic link, or when it resolves outside
 * `contentRoot`. The loader refuses these already; the pages ask again because they read
 * whatever path a collection entry names, and a link would put any file of the machine on the
 * site.
 */
export async function checkServedPath(path: string, contentRoot: string = CONTENT_ROOT): Promise<Problem | undefined> {
  const inside = posix.relative(contentRoot, path);
  const refused = { file: path, message: 'berkas ini berada di luar folder content/ atau dicapai lewat tautan simbolik, jadi tidak diterbitkan.', fix: 'salin berkasnya sendiri ke folder item (bukan tautan simbolik).' };
  if (inside === '' || inside === '..' || inside.startsWith('../') || posix.isAbsolute(inside) || (await hasSymbolicLink(contentRoot, inside))) return refused;
  const [real, rootReal] = await Promise.all([realpath(path).catch(() => undefined), realpath(contentRoot).catch(() => undefined)]);
  if (real === undefined || rootReal === undefined) return { file: path, message: 'berkas ini tidak ada.', fix: 'unggah berkasnya ke folder item, atau perbaiki namanya di frontmatter.' };
  return real.startsWith(`${rootReal}/`) ? undefined : refused;
}
