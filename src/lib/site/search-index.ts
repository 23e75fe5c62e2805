import { mkdir, readFile, writeFile } from 'node:fs/promises';
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

/**
 * Writes the static search index of a built site into `<dist>/pagefind/`. Only pages with
 * `data-pagefind-body` (the item pages' article, src/layouts/ItemLayout.astro) are indexed; the
 * language comes from each page's `<html lang="id">`, so Pagefind stems Indonesian words
 * (pagefind_stem's Indonesian Snowball stemmer). Returns the number of pages indexed.
 */
export async function writeSearchIndex(dist: string): Promise<number> {
  const problem = (message: string) => new BuildStoppedError('Indeks pencarian tidak bisa dibuat:', [{ file: join(dist, SEARCH_INDEX_DIR), message }]);
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw problem(errors.join('; '));
    for (const page of await listBuiltPages(dist)) {
      const added = await index.addHTMLFile({ url: page.path, content: separateBlocks(await readFile(join(dist, page.file), 'utf8')) });
      if (added.errors.length > 0) throw problem(`${page.file}: ${added.errors.join('; ')}`);
    }
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw problem(fileErrors.join('; '));
    for (const file of files.filter((f) => isPublishedIndexFile(f.path))) {
      const target = join(dist, SEARCH_INDEX_DIR, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return indexedPages(files);
  } finally {
    await close();
  }
}

/** Pages in the index, from its entry file. */
function indexedPages(files: readonly { path: string; content: Uint8Array }[]): number {
  const entry = files.find((file) => file.path === 'pagefind-entry.json');
  const languages = entry ? (JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { page_count: number }> }).languages : {};
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}
