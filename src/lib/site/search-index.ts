import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { listBuiltPages } from '../a11y/pages.ts';
import { BuildStoppedError } from '../errors/problem.ts';

/** Where the index lives in the built site; the search page's script loads `pagefind/pagefind.js` from it. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Pagefind's bundle holds its own default interface too (script, stylesheet, highlighter); the
 * site has its own search page, and the default interface would bring inline styles the
 * Content-Security-Policy refuses. Only the search API, its WebAssembly and the index are
 * published.
 */
export function isPublishedIndexFile(path: string): boolean {
  return !/^pagefind-(?:ui|modular-ui|component-ui|highlight)\b/.test(path);
}

/**
 * Pagefind 1.6 joins the text of some block elements to the next one's ("Tempat" + "Pendapa
 * Kecamatan" became the word "TempatPendapa"), so the place of an event or a document's number
 * could not be found. A space after their end tags keeps the words apart; it changes no text.
 */
export function separateBlocks(html: string): string {
  return html.replace(/<\/(?:dt|dd|summary|details|blockquote)>/g, '$& ');
}

export interface SearchIndex {
  pages: number;
  /** Taken whole from the previous build: no indexed page changed. */
  reused: boolean;
}

/** Bumped when what goes into the index changes; Pagefind's version is part of the digest too. */
const INDEX_FORMAT = 'tayang-cari/1';

/**
 * Writes the static search index of a built site into `<dist>/pagefind/`. Only pages with
 * `data-pagefind-body` (the item pages' article, src/layouts/ItemLayout.astro) are indexed; the
 * language comes from each page's `<html lang="id">`, so Pagefind stems Indonesian words
 * (pagefind_stem's Indonesian Snowball stemmer).
 *
 * Pagefind makes the whole index in every build (a few milliseconds a page). With `cacheDir`, the
 * index is kept there under a digest of every page it is made from, and a build whose pages are
 * all the same as the previous one's (an hourly run with nothing new) copies it instead.
 */
export async function writeSearchIndex(dist: string, cacheDir?: string): Promise<SearchIndex> {
  const problem = (message: string) => new BuildStoppedError('Indeks pencarian tidak bisa dibuat:', [{ file: join(dist, SEARCH_INDEX_DIR), message }]);
  const pages = await listBuiltPages(dist);
  const target = join(dist, SEARCH_INDEX_DIR);
  const kept = cacheDir === undefined ? undefined : join(cacheDir, 'tayang-cari', await pagesDigest(dist, pages));
  if (kept !== undefined) {
    const count = await readFile(join(kept, PAGE_COUNT_FILE), 'utf8').catch(() => undefined);
    if (count !== undefined) {
      await cp(join(kept, SEARCH_INDEX_DIR), target, { recursive: true });
      return { pages: Number(count), reused: true };
    }
  }
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw problem(errors.join('; '));
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.path, content: separateBlocks(await readFile(join(dist, page.file), 'utf8')) });
      if (added.errors.length > 0) throw problem(`${page.file}: ${added.errors.join('; ')}`);
    }
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw problem(fileErrors.join('; '));
    for (const file of files.filter((f) => isPublishedIndexFile(f.path))) {
      await mkdir(dirname(join(target, file.path)), { recursive: true });
      await writeFile(join(target, file.path), file.content);
    }
    const count = indexedPages(files);
    if (kept !== undefined) await keepIndex(target, kept, count);
    return { pages: count, reused: false };
  } finally {
    await close();
  }
}

const PAGE_COUNT_FILE = 'halaman.txt';

/** SHA-256 over every built page's path and text, in order: what the index is made from. */
async function pagesDigest(dist: string, pages: Awaited<ReturnType<typeof listBuiltPages>>): Promise<string> {
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  const hash = createHash('sha256').update(`${INDEX_FORMAT} pagefind ${version}\n`);
  for (const page of pages) hash.update(`${page.path}\n`).update(await readFile(join(dist, page.file))).update('\n');
  return hash.digest('hex');
}

/** Only the newest index is kept; the page count is written last, so a half-kept index is never used. */
async function keepIndex(target: string, kept: string, count: number): Promise<void> {
  const parent = dirname(kept);
  const staging = `${kept}.${process.pid}.tmp`;
  await rm(parent, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await cp(target, join(staging, SEARCH_INDEX_DIR), { recursive: true });
  await writeFile(join(staging, PAGE_COUNT_FILE), String(count));
  await rename(staging, kept);
}

/** Pages in the index, from its entry file. */
function indexedPages(files: readonly { path: string; content: Uint8Array }[]): number {
  const entry = files.find((file) => file.path === 'pagefind-entry.json');
  const languages = entry ? (JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { page_count: number }> }).languages : {};
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}
