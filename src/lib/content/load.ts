import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { z } from 'zod';
import { loadConfigFile } from '../config/load.ts';
import { DEFAULT_PICTURE_PIXEL_LIMIT } from '../config/periksa.ts';
import { findWrittenElements, hasRawHtml } from './html.ts';
import type { Problem } from '../errors/problem.ts';
import { asRecord } from '../checks/references.ts';
import { validateFrontmatter } from './frontmatter.ts';
import { parseCheckDocument, type CheckDocument } from '../checks/document.ts';
import { decodeUriOrUndefined, isPictureField, referencedFiles } from './item-files.ts';
import { hasSymbolicLink, isSymbolicLink } from './links.ts';
import { checkProcessedPicture, checkServedPicture, describeSvgPicture, isSvgName } from './pictures.ts';
import { DATE_TIME_FIELDS, describeUnsafePath, IMAGE_EXTENSIONS, ITEM_SCHEMAS, PLACEHOLDER, PLACEHOLDER_MESSAGE, type DataData, type ItemSchemas } from './schema.ts';
import { describeTakenPageSlug, SLUG_PATTERN, slugify } from './slug.ts';
import { hasOffset, localToInstant, normalizeLocal, officeTime } from './time.ts';
import { checkColumns, decodeCsvText, NOT_UTF8_CSV, parseDataTable } from '../site/table.ts';
import { CONTENT_ROOT, CONTENT_TYPES, isContentType, type ContentItem, type ContentType } from './types.ts';

export { referencedFiles, type ReferencedFile } from './item-files.ts';

/**
 * Reads items from disk for the CLI, the checks, the social kit and the Astro build's own
 * pre-check: frontmatter validated with lines, and every file an item names checked to exist
 * inside the item's folder. Problems are returned, never thrown.
 */

/** An item whose `data` type follows its `jenis`. */
export type Item = { [T in ContentType]: Omit<ContentItem<z.output<ItemSchemas[T]>>, 'jenis'> & { jenis: T } }[ContentType];

export interface LoadResult {
  items: Item[];
  problems: Problem[];
}

export interface ReadOptions {
  /** Largest picture in pixels (`periksa.batas_piksel_gambar`); 40 megapixels when absent. */
  pictureLimit?: number;
  /** The office's time zone (`kantor.zona_waktu`): date-times written with an offset become office time; WIB when absent. */
  zone?: string;
}

export interface LoadOptions extends ReadOptions {
  /** With `now`, items scheduled (`terbit`) after it are left out. */
  now?: Date;
}

export const DEFAULT_ZONE = 'Asia/Jakarta';
const INDEX_FILES = ['index.md', 'index.mdx'] as const;

/**
 * The office's time zone from its config, for "today" and `terbit`. A broken or missing config
 * falls back to WIB: it is reported where the config is loaded, and must not stop drafting.
 */
export async function loadOfficeZone(configFile?: string): Promise<string> {
  const config = await loadConfigFile(configFile);
  return config.ok ? config.value.kantor.zona_waktu : DEFAULT_ZONE;
}

/**
 * The item's date-times in office time: one written with its own offset (ISO 8601) is shown,
 * listed and compared as the office's clock reads it.
 */
export function inOfficeTime<T extends Record<string, unknown>>(data: T, zone: string): T {
  const converted: Record<string, unknown> = { ...data };
  for (const field of DATE_TIME_FIELDS) {
    const value = converted[field];
    // Validated data or the raw frontmatter Astro's schema reads next: normalise either first.
    const moment = typeof value === 'string' ? normalizeLocal(value) : undefined;
    if (moment !== undefined && hasOffset(moment)) converted[field] = officeTime(moment, zone);
  }
  return converted as T;
}

/** True when the item has no `terbit`, or its `terbit` (office time) has come. */
export function isPublished(item: { data: { terbit?: string } }, now: Date, zone: string = DEFAULT_ZONE): boolean {
  return item.data.terbit === undefined || localToInstant(item.data.terbit, zone).getTime() <= now.getTime();
}

/** What an item's files are checked from: its folder, its body, and the file fields its frontmatter names. */
export interface ItemFiles {
  file: string;
  dir: string;
  /** The whole index.md, and its body's Markdown tree with positions in it (file lines). */
  text: string;
  tree: Root;
  body: string;
  bodyLine: number;
  /**
   * The files it publishes (`referencedFiles`) with their lines: file fields that are themselves
   * valid (a field the schema refused is reported as such), and files its body links to.
   */
  fields: { field?: (string | number)[]; path: string; line: number | undefined }[];
  /** A valid `data` item: its CSV is read against its `kolom`. */
  dataset?: { berkas: string; kolom: DataData['kolom']; lineOf: (field: readonly PropertyKey[]) => number | undefined };
}

export type ParsedItem =
  /** `source`: the frontmatter as read before the schema (what Astro's collection schema is given). */
  | { item: Item; source: unknown; problems: Problem[]; files: ItemFiles }
  /** `files` when the body and some fields could be read despite the problems. */
  | { item?: undefined; problems: Problem[]; files?: ItemFiles };

/**
 * Validates one item's text; `file` is `<root>/<jenis>/<slug>/index.md`. Pure. Every problem
 * the text shows is reported at once: the body's placeholders also when the frontmatter is wrong.
 */
export function parseItem(text: string, file: string, jenis: ContentType): ParsedItem {
  return parseItemDocument(parseCheckDocument(file, text), jenis);
}

/**
 * `parseItem` of a file the checks have read already (split at its fences, its YAML and its
 * Markdown parsed once, src/lib/checks/document.ts): the build's check and the rules use the same
 * reading.
 */
export function parseItemDocument(doc: CheckDocument, jenis: ContentType): ParsedItem {
  const { file, text } = doc;
  const dir = posix.dirname(file);
  const slug = posix.basename(dir);
  const problems: Problem[] = [];
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({
      file,
      message: `nama folder "${slug}" tidak bisa menjadi alamat halaman.`,
      fix: `ganti nama foldernya dengan huruf kecil, angka, dan tanda hubung, misalnya "${slugify(slug) || 'judul-berita'}".`,
    });
  }
  const taken = jenis === 'halaman' ? describeTakenPageSlug(slug) : undefined;
  if (taken) problems.push({ file, ...taken });
  problems.push(...findAstroImageMarkers(text, file));
  const parsed = validateFrontmatter(ITEM_SCHEMAS[jenis], doc.split, doc.frontmatterLocated, file);
  const read = parsed.ok ? parsed : parsed.read;
  if (!parsed.ok) problems.push(...parsed.problems.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  if (read === undefined) return { problems };
  read.body.split('\n').forEach((line, index) => {
    if (PLACEHOLDER.test(line)) problems.push({ file, line: read.bodyLine + index, column: line.search(PLACEHOLDER) + 1, message: `naskah ${PLACEHOLDER_MESSAGE}` });
  });
  // Exempt information is to be removed, never completed: its files are not asked for.
  if (asRecord(read.source)?.klasifikasi === 'dikecualikan') return { problems };
  const isRefused = (field: string) => problems.some((problem) => problem.field !== undefined && (field === problem.field || field.startsWith(`${problem.field}.`)));
  const fields = referencedFiles({ jenis, data: read.source, body: read.body, bodyLine: read.bodyLine, tree: doc.tree })
    .filter((ref) => ref.field === undefined || !isRefused(ref.field.join('.')))
    .map((ref) => ({ ...ref, line: ref.field === undefined ? ref.line : read.lineOf(ref.field) }));
  const item = parsed.ok ? ({ jenis, slug, dir, file, data: parsed.data, body: parsed.body, bodyLine: parsed.bodyLine } as Item) : undefined;
  const dataset = item?.jenis === 'data' ? { berkas: item.data.berkas, kolom: item.data.kolom, lineOf: read.lineOf } : undefined;
  const files: ItemFiles = { file, dir, text, tree: doc.tree, body: read.body, bodyLine: read.bodyLine, fields, ...(dataset ? { dataset } : {}) };
  if (!item || problems.length > 0) return { problems, files };
  return { item, source: read.source, problems: [], files };
}

// Astro marks the pictures of a page with this text and reads it back from the rendered HTML
// (content/runtime.js) and from every frontmatter string (mutable-data-store.js): written by an
// author, it stops the build ("Failed to parse image reference") or, in a frontmatter value,
// makes Astro import whatever path follows it as a picture.
const ASTRO_IMAGE_MARKER = '__ASTRO_IMAGE_';

function findAstroImageMarkers(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, index) => {
    const column = line.indexOf(ASTRO_IMAGE_MARKER);
    if (column < 0) return;
    problems.push({
      file,
      line: index + 1,
      column: column + 1,
      message: `teks \`${ASTRO_IMAGE_MARKER}\` dipakai pembangun situs (Astro) sebagai tanda gambar; bila ditulis di naskah, halamannya tidak bisa dibangun atau situs mengambil berkas lain sebagai gambar.`,
      fix: 'hapus teks itu, atau ubah, misalnya dengan spasi: "__ASTRO IMAGE_".',
    });
  });
  return problems;
}

/** What to say about a `.md` file that is not text (a photo or a PDF saved under the name). */
export const NOT_TEXT = {
  message: 'berkas ini bukan teks Markdown (berisi data biner atau bukan UTF-8), jadi tidak bisa dibaca.',
  fix: 'simpan naskah sebagai teks biasa UTF-8, misalnya lewat penyunting web GitHub; foto dan dokumen disimpan dengan ekstensinya sendiri (.jpg, .pdf) di folder item.',
} as const;

/** What to say about a text nested so deep (thousands of `>`) that reading it exhausts the stack. */
export const TOO_DEEP = {
  message: 'naskah ini bersarang terlalu dalam (misalnya ribuan tanda ">" atau "[" berturut-turut), sehingga tidak bisa dibaca.',
  fix: 'tulis isinya sebagai paragraf dan daftar biasa.',
} as const;

/**
 * Largest index.md read: the longest example item is under 3 KB, and 256 KB is some 40 000 words,
 * a hundred printed pages; bodies of 600 KB to 1 MB kept the Markdown parser and the checks busy
 * for minutes. Checked on the bytes, before anything is parsed.
 */
export const MAX_ITEM_BYTES = 256 * 1024;

/** What to say about an index.md over MAX_ITEM_BYTES, or undefined when it is within it. */
export function describeTooLarge(size: number): { message: string; fix: string } | undefined {
  if (size <= MAX_ITEM_BYTES) return undefined;
  return {
    message: `naskah ini berukuran ${formatKilobytes(size)}, melebihi batas ${formatKilobytes(MAX_ITEM_BYTES)} untuk satu item; naskah sebesar ini membuat pemeriksaan dan pembangunan situs macet.`,
    fix: 'pecah naskahnya menjadi beberapa item, dan simpan data atau tabel yang panjang sebagai lampiran CSV atau PDF di folder item.',
  };
}

function formatKilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('id-ID')} KB`;
}

// A line opening a thousand nested quotes or lists (`>>>>…`, `- - - …`): more than any real
// text, and enough that the Markdown parser spends many seconds before it runs out of stack.
// Refused before it is parsed.
const TOO_DEEP_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))){999}/m;

export function isTooDeep(text: string): boolean {
  return TOO_DEEP_MARKERS.test(text);
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The text of a Markdown file, or undefined when its bytes are not UTF-8 text. */
export function decodeMarkdown(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return text.includes('\u0000') ? undefined : text;
}

/** Reads one item from its folder or its `index.md`/`index.mdx`: every problem of its text and its files at once. */
export async function readItem(path: string, options: ReadOptions = {}): Promise<{ item?: Item; problems: Problem[] }> {
  const opened = await openItem(path);
  if ('problems' in opened) return opened;
  return readOpenedItem(opened, options);
}

/**
 * `readItem` of an index.md already read, with its checked document when the caller parsed it
 * (the site build's check reads and parses each file once). `source` is its frontmatter as read
 * before the schema, when the item can be published.
 */
export async function readOpenedItem(opened: OpenedItem, options: ReadOptions = {}, doc?: CheckDocument): Promise<{ item?: Item; source?: unknown; problems: Problem[] }> {
  return withinStack(opened.file, async () => {
    const parsed = parseItemDocument(doc ?? parseCheckDocument(opened.file, opened.text), opened.jenis);
    const problems = [...parsed.problems, ...(await checkItemFiles(parsed.files, options))];
    if (problems.length > 0 || !parsed.item) return { problems };
    return { item: { ...parsed.item, data: inOfficeTime(parsed.item.data, options.zone ?? DEFAULT_ZONE) } as Item, source: parsed.source, problems: [] };
  });
}

/**
 * The problems of an item on disk that are not in its text: its index.md as a file (MDX, a link,
 * not text) and the files it names (missing, a link, a picture the site cannot publish).
 */
export async function readItemFileProblems(path: string, options: ReadOptions = {}): Promise<Problem[]> {
  const opened = await openItem(path);
  if ('problems' in opened) return opened.problems;
  const read = await withinStack(opened.file, async () => ({ problems: await checkItemFiles(parseItem(opened.text, opened.file, opened.jenis).files, options) }));
  return read.problems;
}

async function checkItemFiles(files: ItemFiles | undefined, options: ReadOptions): Promise<Problem[]> {
  return files === undefined ? [] : checkReferencedFiles(files, options.pictureLimit ?? DEFAULT_PICTURE_PIXEL_LIMIT);
}

/** A text nested deeper than the Markdown parser's stack is a problem of the file, not a crash. */
export async function withinStack<T extends { problems: Problem[] }>(file: string, read: () => Promise<T>): Promise<T | { problems: Problem[] }> {
  try {
    return await read();
  } catch (error) {
    if (isStackOverflow(error)) return { problems: [{ file, ...TOO_DEEP }] };
    throw error;
  }
}

/** An item's index.md read as text. */
export interface OpenedItem {
  file: string;
  jenis: ContentType;
  text: string;
}

/** An item's index.md as text, or the problems that keep it from being read at all. */
export async function openItem(path: string): Promise<OpenedItem | { problems: Problem[] }> {
  const normalized = path.replace(/\\/g, '/').replace(/\/+$/, '');
  const candidates = /\/index\.mdx?$/.test(normalized) ? [normalized] : await findIndex(normalized);
  if (candidates.length !== 1) {
    return {
      problems: [
        candidates.length === 0
          ? { file: normalized, message: 'folder item tidak berisi index.md.', fix: 'setiap item adalah satu folder berisi index.md (atau index.mdx) beserta gambar dan lampirannya.' }
          : { file: normalized, message: 'folder item berisi index.md dan index.mdx sekaligus.', fix: 'hapus salah satunya; satu item hanya punya satu naskah.' },
      ],
    };
  }
  const file = candidates[0]!;
  if (file.endsWith('.mdx')) {
    // MDX runs its import/export/{…} as code while the site is built (security/mdx).
    return { problems: [{ file, line: 1, message: 'naskah MDX tidak diterima: `import`, `export` dan `{…}` di dalamnya dijalankan sebagai program saat situs dibangun.', fix: 'ganti nama berkasnya menjadi index.md dan tulis isinya dengan Markdown biasa.' }] };
  }
  if ((await isSymbolicLink(posix.dirname(file))) || (await isSymbolicLink(file))) {
    return { problems: [{ file, message: 'folder item atau index.md-nya adalah tautan simbolik, jadi isinya bisa berasal dari luar repositori dan luput dari pemeriksaan.', fix: 'simpan item sebagai folder biasa berisi index.md dan berkas-berkasnya (bukan tautan simbolik).' }] };
  }
  const jenis = posix.basename(posix.dirname(posix.dirname(file)));
  if (!isContentType(jenis)) {
    return {
      problems: [{ file, message: `"${jenis}" bukan jenis konten.`, fix: `simpan item di content/<jenis>/<nama-item>/index.md; jenis yang ada: ${CONTENT_TYPES.join(', ')}.` }],
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { problems: [{ file, message: `berkas tidak bisa dibaca (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` }] };
  }
  const tooLarge = describeTooLarge(bytes.byteLength);
  if (tooLarge) return { problems: [{ file, ...tooLarge }] };
  const text = decodeMarkdown(bytes);
  if (text === undefined) return { problems: [{ file, ...NOT_TEXT }] };
  if (isTooDeep(text)) return { problems: [{ file, ...TOO_DEEP }] };
  return { file, jenis, text };
}

/** Reads every item under `root` (`content/<jenis>/<slug>/index.md`), in a stable order. */
export async function loadItems(root: string = CONTENT_ROOT, options: LoadOptions = {}): Promise<LoadResult> {
  const items: Item[] = [];
  const { folders, problems } = await listItemFolders(root);
  for (const path of folders) {
    const result = await readItem(path, options);
    problems.push(...result.problems);
    if (result.item && (options.now === undefined || isPublished(result.item, options.now, options.zone))) items.push(result.item);
  }
  return { items, problems };
}

/**
 * The item folders under `root` (`content/<jenis>/<slug>/`), in a stable order, and what is
 * there but is no item: a folder of no content type, a symbolic link, a loose Markdown file.
 */
export async function listItemFolders(root: string = CONTENT_ROOT): Promise<{ folders: string[]; problems: Problem[] }> {
  const folders: string[] = [];
  const problems: Problem[] = [];
  const base = root.replace(/\\/g, '/').replace(/\/+$/, '');
  for (const entry of await listDir(base)) {
    const path = `${base}/${entry.name}`;
    if (entry.isDirectory() && !isContentType(entry.name)) {
      problems.push({ file: path, message: `folder "${entry.name}" bukan jenis konten, jadi isinya tidak diterbitkan.`, fix: `pindahkan itemnya ke salah satu: ${CONTENT_TYPES.map((t) => `${base}/${t}/`).join(', ')}.` });
    }
  }
  for (const jenis of CONTENT_TYPES) {
    for (const entry of await listDir(`${base}/${jenis}`)) {
      const path = `${base}/${jenis}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        // Astro's loader follows it; the checks would not see what it publishes.
        problems.push({ file: path, message: `"${entry.name}" adalah tautan simbolik, jadi isinya bisa berasal dari luar repositori dan luput dari pemeriksaan.`, fix: 'simpan item sebagai folder biasa berisi index.md dan berkas-berkasnya (bukan tautan simbolik).' });
        continue;
      }
      if (!entry.isDirectory()) {
        if (/\.mdx?$/.test(entry.name)) {
          problems.push({ file: path, message: 'berkas Markdown ini tidak berada di folder item sendiri, jadi tidak diterbitkan.', fix: `pindahkan ke ${base}/${jenis}/${posix.basename(entry.name).replace(/\.mdx?$/, '')}/index.md.` });
        }
        continue;
      }
      folders.push(path);
    }
  }
  return { folders, problems };
}

/** A picture address in the body, as Astro's image code reads it. */
interface BodyPicture {
  /** The address as written (after Markdown's own unescaping). */
  url: string;
  /** The address decoded as Astro decodes it (`decodeURI`); undefined when that throws. */
  path: string | undefined;
  line: number;
}

/**
 * Pictures the body shows (`![alt](foto.jpg)`, `![alt][ref]`), with their file lines. The same
 * reading as Astro's Markdown image collector (remark-collect-images in @astrojs/markdown-remark):
 * a reference takes the FIRST definition of its label (CommonMark; mdast-util-definitions, which
 * compares labels in upper case), and every address is decoded with decodeURI, which throws on a
 * stray `%`.
 */
function bodyPictures(tree: Root): BodyPicture[] {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    const label = node.identifier.toUpperCase();
    if (!definitions.has(label)) definitions.set(label, node.url);
  });
  const pictures: BodyPicture[] = [];
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const url = node.type === 'image' ? (node as Image).url : definitions.get((node as ImageReference).identifier.toUpperCase());
    if (url === undefined) return;
    pictures.push({ url, path: decodeUriOrUndefined(url), line: node.position?.start.line ?? 1 });
  });
  return pictures;
}

/**
 * The pictures Astro imports from the item's folder: addresses neither web addresses nor
 * site-absolute. A missing one stops the build with Astro's English stack trace.
 */
function isLocalPicture(path: string): boolean {
  return path !== '' && !URL.canParse(path) && !path.startsWith('/');
}

/** What to say about a picture address decodeURI refuses (Astro would throw `URIError: URI malformed`). */
function describeMalformedAddress(url: string): Pick<Problem, 'message' | 'fix'> {
  return {
    message: `alamat gambar "${url}" memuat tanda % yang bukan bagian dari kode %XX yang sah, sehingga situs tidak bisa membacanya dan isi halaman hilang.`,
    fix: 'tulis %25 untuk tanda persen (misalnya diskon-50%25.png), atau ganti nama berkasnya tanpa tanda %, misalnya diskon-50-persen.png.',
  };
}

/**
 * Pictures written as raw HTML in the body (`<img src>`, `<source srcset>`). Astro leaves these
 * addresses as they are, so SVG is refused here wherever it lives (no SVG from content reaches a
 * page, pictures.ts). But Astro's Markdown image code runs decodeURI over every `<img src>` of
 * an item with a local picture, and a stray `%` there throws and empties the page: refused too.
 */
function checkBodyHtmlPictures(item: ItemFiles, tree: Root): Problem[] {
  const problems: Problem[] = [];
  if (!hasRawHtml(tree)) return problems;
  for (const { element, attributes } of findWrittenElements(tree, item.text)) {
    if (element.tagName !== 'img' && element.tagName !== 'source') continue;
    const where = { file: item.file, line: element.position!.start.line };
    for (const name of ['src', 'srcset']) {
      const value = attributes.get(name);
      if (value === undefined) continue;
      if (element.tagName === 'img' && name === 'src' && decodeUriOrUndefined(value) === undefined) problems.push({ ...where, ...describeMalformedAddress(value) });
      // A srcset lists "address width" pairs separated by commas.
      const addresses = name === 'srcset' ? value.split(',').map((entry) => entry.trim().split(/\s+/)[0] ?? '') : [value.trim()];
      for (const address of addresses) if (isSvgName(address)) problems.push({ ...where, ...describeSvgPicture(address) });
    }
  }
  return problems;
}

/** How the site uses a referenced file: pictures are resized by Astro, other files served as they are. */
type FileUse = 'picture' | 'served';

const IMAGE_EXTENSION = new RegExp(`\\.(${IMAGE_EXTENSIONS.join('|')})$`, 'i');

async function checkReferencedFiles(item: ItemFiles, pictureLimit: number): Promise<Problem[]> {
  const problems: Problem[] = [];
  const refs: { path: string; inBody: boolean; use: FileUse; where: Pick<Problem, 'file' | 'line' | 'field'>; said?: string }[] = [
    ...item.fields.map((ref) => {
      // A file the body links to is served as it is, and its path was held to a safe one (item-files.ts).
      const field = ref.field?.join('.');
      return { path: ref.path, inBody: false, use: ref.field !== undefined && isPictureField(ref.field) ? ('picture' as const) : ('served' as const), where: { file: item.file, line: ref.line, ...(field === undefined ? {} : { field }) }, ...(field === undefined ? { said: 'tautan di naskah: ' } : {}) };
    }),
  ];
  const tree = item.tree;
  for (const picture of bodyPictures(tree)) {
    const where = { file: item.file, line: picture.line };
    if (picture.path === undefined) problems.push({ ...where, ...describeMalformedAddress(picture.url) });
    else if (isLocalPicture(picture.path)) refs.push({ path: picture.path, inBody: true, use: 'picture', where });
  }
  problems.push(...checkBodyHtmlPictures(item, tree));
  for (const ref of refs) {
    const where = ref.where;
    // Frontmatter paths were already held to describeUnsafePath and to no SVG by the schema.
    const unsafe = ref.inBody ? describeUnsafePath(ref.path) : undefined;
    if (unsafe !== undefined) {
      problems.push({ ...where, message: `gambar di naskah: ${unsafe}`, fix: 'simpan gambarnya di folder item ini dan tulis nama berkasnya saja, misalnya ![Warga membersihkan saluran](kerja-bakti.jpg).' });
      continue;
    }
    if (ref.inBody && isSvgName(ref.path)) {
      problems.push({ ...where, ...describeSvgPicture(ref.path) });
      continue;
    }
    // Astro and the attachment pages follow a link wherever it points; the checks read the
    // folder. With no link on the way (and no `../`), the file is inside the item's folder.
    if (await hasSymbolicLink(item.dir, ref.path)) {
      problems.push({ ...where, message: `${ref.said ?? ''}berkas "${ref.path}" adalah tautan simbolik, jadi isinya bisa berasal dari luar folder item dan luput dari pemeriksaan.`, fix: 'salin berkasnya sendiri ke folder item ini (bukan tautan simbolik).' });
      continue;
    }
    const real = await realpath(posix.join(item.dir, ref.path)).catch(() => undefined);
    if (real === undefined || !(await stat(real)).isFile()) {
      problems.push({ ...where, message: `${ref.said ?? ''}berkas "${ref.path}" tidak ada di folder item ini.`, fix: 'unggah berkasnya ke folder item ini, atau perbaiki nama berkasnya (huruf besar-kecil dibedakan).' });
      continue;
    }
    const pictureProblem =
      ref.use === 'picture' ? await checkProcessedPicture(real, ref.path, pictureLimit) : IMAGE_EXTENSION.test(ref.path) ? await checkServedPicture(real, ref.path) : undefined;
    if (pictureProblem) problems.push({ ...where, ...pictureProblem });
    if (item.dataset && where.field === 'berkas') problems.push(...(await checkDataset(item.file, item.dataset, real)));
    else if (/\.csv$/i.test(ref.path) && decodeCsvText(await readFile(real)) === undefined) problems.push({ ...where, message: `${ref.path}: ${NOT_UTF8_CSV.message}`, fix: NOT_UTF8_CSV.fix });
  }
  return problems;
}

/**
 * A dataset's CSV can be read, and its `kolom` names columns it has. Reported on the item (the
 * checks report per item), the CSV's own line in the message.
 */
async function checkDataset(file: string, { berkas, kolom, lineOf }: NonNullable<ItemFiles['dataset']>, csvFile: string): Promise<Problem[]> {
  const text = decodeCsvText(await readFile(csvFile));
  if (text === undefined) return [{ file, line: lineOf(['berkas']), field: 'berkas', message: `${berkas}: ${NOT_UTF8_CSV.message}`, fix: NOT_UTF8_CSV.fix }];
  const table = parseDataTable(text, berkas);
  if (!table.ok) {
    return table.problems.map(({ line, message, fix }) => ({ file, line: lineOf(['berkas']), field: 'berkas', message: `${berkas}${line === undefined ? '' : ` baris ${line}`}: ${message}`, fix }));
  }
  return checkColumns(table.value, kolom, berkas).map(({ field, message, fix }) => ({ file, line: lineOf(field), field: field.join('.'), message, fix }));
}

async function findIndex(dir: string): Promise<string[]> {
  const present: string[] = [];
  for (const name of INDEX_FILES) {
    if (await stat(`${dir}/${name}`).then((s) => s.isFile(), () => false)) present.push(`${dir}/${name}`);
  }
  return present;
}

async function listDir(dir: string) {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}
