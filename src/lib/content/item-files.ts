import { posix } from 'node:path';
import type { Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { asRecord } from '../checks/references.ts';
import { ATTACHMENT_EXTENSIONS } from './schema.ts';
import type { ContentType } from './types.ts';

/**
 * The files an item publishes, in one list for the loader's checks, the pages that copy them
 * and the checks of their contents: those its frontmatter names and those its body links to
 * (`[formulir (PDF)](formulir.pdf)`). Kept apart from load.ts so the pages can ask without
 * bundling the loader.
 */

/** A file the item names: by a frontmatter field, or by a link in its body (then its file line). */
export type ReferencedFile = { path: string; field: (string | number)[]; line?: undefined } | { path: string; field?: undefined; line: number };

/** What an item is read from: its type, its frontmatter (raw or validated), and its body with the file line it starts at. */
export interface ItemSource {
  jenis: ContentType;
  data: unknown;
  body?: string;
  bodyLine?: number;
  /** The body's Markdown tree with positions of the whole file, when the caller parsed it already. */
  tree?: MdastRoot;
}

/**
 * Every file an item names: the file fields of its frontmatter (also read from frontmatter the
 * schema refused: only fields written as file names are listed) and, once each, the files of
 * attachment types its body links to (`bodyFileLinks`, those with a safe path).
 */
export function referencedFiles(item: ItemSource): ReferencedFile[] {
  const refs: ReferencedFile[] = [];
  const data = asRecord(item.data);
  const add = (field: (string | number)[], path: unknown) => {
    if (typeof path === 'string') refs.push({ field, path });
  };
  const each = (list: unknown, key: string, field: string) => {
    if (Array.isArray(list)) list.forEach((entry, i) => add([field, i, key], asRecord(entry)?.[key]));
  };
  add(['gambar', 'src'], asRecord(data?.gambar)?.src);
  switch (item.jenis) {
    case 'pengumuman':
      each(data?.lampiran, 'berkas', 'lampiran');
      break;
    case 'galeri':
      each(data?.foto, 'src', 'foto');
      break;
    case 'video':
      add(['berkas'], data?.berkas);
      add(['takarir'], data?.takarir);
      break;
    case 'audio':
    case 'dokumen':
    case 'data':
      add(['berkas'], data?.berkas);
      break;
  }
  // A picture field's file is resized, not served: a body link to its original is served too.
  const named = new Set(refs.filter((ref) => !isPictureField(ref.field!)).map((ref) => posix.normalize(ref.path)));
  for (const link of item.tree ? fileLinksOfTree(item.tree, 0) : bodyFileLinks(item.body ?? '', item.bodyLine ?? 1)) {
    if (link.kind !== 'served' || named.has(link.path)) continue;
    named.add(link.path);
    refs.push({ path: link.path, line: link.line });
  }
  return refs;
}

/** A field naming a picture, which the site resizes (Astro's image pipeline) instead of serving it as it is. */
export function isPictureField(field: readonly (string | number)[]): boolean {
  return /^(gambar\.src|foto\.\d+\.src)$/.test(field.join('.'));
}

/** A link in the body to a file beside the item (not a web address, a site path or a page). */
export type BodyFileLink = FileLinkReading & { url: string; line: number };

type FileLinkReading =
  /** Of an attachment type with a safe path: published beside the page, under `path` (normalised). */
  | { kind: 'served'; path: string }
  /** Of a type the site does not publish (`.zip`, `.md`), or an address no file can have. */
  | { kind: 'refused'; path: string; message: string; fix: string };

// Markdown to HTML as the site does it up to sanitising (html.ts, which the pages cannot bundle:
// it reads rule data from disk), so Markdown links, references and raw `<a href>` are all read.
const markdown = unified().use(remarkParse).use(remarkGfm);
const toHtml = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
// Without raw HTML there is nothing for parse5 (rehype-raw) to read: the links are the Markdown ones.
const toHtmlOfMarkdownOnly = unified().use(remarkRehype, { allowDangerousHtml: true });
const ATTACHMENT_TYPES = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(', ');
// A last path part with an extension names a file; `../visi-misi/` or `#bagian` name pages.
const FILE_NAME = /\.[a-z0-9]{1,5}$/i;

/**
 * Links of the body (`[teks](formulir.pdf)`, `[teks][ref]`, raw `<a href>`) to files beside the
 * item, with their file lines. A served one is published beside the item's page, and the page
 * links it from the site's root (site-links.ts). A refused one is a dead link, not a danger:
 * `tayang periksa` reports it (schema/file-reference), the build goes on.
 */
export function bodyFileLinks(body: string, bodyLine: number): BodyFileLink[] {
  // Every link to a file is written with "[" (Markdown) or "<" (an autolink, raw HTML); links
  // Markdown makes of bare text (`www.…`, an e-mail address) are web addresses. Most news has
  // neither, and each page's build asks: no parse then.
  if (!/[[<]/.test(body)) return [];
  return fileLinksOfTree(markdown.parse(body), bodyLine - 1);
}

// The loader and the privacy rules both ask for one checked document's links: read once per tree
// (a checked document's tree is never changed after it is parsed).
const linksOfTrees = new WeakMap<MdastRoot, BodyFileLink[]>();

/** `bodyFileLinks` of a parsed body; `lineShift` turns its lines into file lines. */
export function fileLinksOfTree(mdast: MdastRoot, lineShift: number): BodyFileLink[] {
  const known = lineShift === 0 ? linksOfTrees.get(mdast) : undefined;
  if (known !== undefined) return known;
  let hasHtml = false;
  visit(mdast, 'html', () => {
    hasHtml = true;
    return EXIT;
  });
  const tree = (hasHtml ? toHtml : toHtmlOfMarkdownOnly).runSync(structuredClone(mdast));
  const links: BodyFileLink[] = [];
  visit(tree, 'element', (node: Element) => {
    const url = node.tagName === 'a' ? node.properties.href : undefined;
    const link = typeof url === 'string' ? readFileLink(url) : undefined;
    if (link !== undefined) links.push({ ...link, url: url as string, line: lineShift + (node.position?.start.line ?? 1) });
  });
  if (lineShift === 0) linksOfTrees.set(mdast, links);
  return links;
}

/**
 * A body link's address as it points at a file the item serves, without `./` (`./formulir.pdf#page=2`
 * → `formulir.pdf#page=2`), or undefined for any other address: what the page's link is made from.
 */
export function servedFileAddress(url: string): string | undefined {
  if (readFileLink(url)?.kind !== 'served') return undefined;
  const cut = url.trim().search(/[?#]|$/);
  return posix.normalize(url.trim().slice(0, cut)) + url.trim().slice(cut);
}

function readFileLink(url: string): FileLinkReading | undefined {
  const written = url.trim().split(/[?#]/)[0]!;
  if (written === '' || URL.canParse(written) || written.startsWith('/') || !FILE_NAME.test(written)) return undefined;
  const path = decodeUriOrUndefined(written);
  if (path === undefined) {
    return { kind: 'refused', path: written, message: `tautan ke "${written}" memuat tanda % yang bukan bagian dari kode %XX yang sah, sehingga berkasnya tidak bisa ditemukan.`, fix: 'tulis %25 untuk tanda persen, atau ganti nama berkasnya tanpa tanda %.' };
  }
  // `../` leaves the item: a link to another item's page or file, which its own item publishes.
  if (path.includes('\\') || path.split('/').some((part) => part === '' || part === '..')) return undefined;
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)) {
    return {
      kind: 'refused',
      path,
      message: `tautan ke berkas "${path}": berkas .${extension} tidak diterbitkan di situs, jadi tautannya tidak bisa dibuka.`,
      fix: `simpan berkasnya sebagai ${ATTACHMENT_TYPES} di folder item ini dan tautkan nama itu; untuk halaman situs, tulis alamatnya dari akar situs, misalnya /informasi-publik/.`,
    };
  }
  return { kind: 'served', path: posix.normalize(path) };
}

/** An address decoded as Astro decodes it (`decodeURI`), or undefined where that throws on a stray `%`. */
export function decodeUriOrUndefined(text: string): string | undefined {
  try {
    return decodeURI(text);
  } catch {
    return undefined;
  }
}
