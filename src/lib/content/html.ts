import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot, RootContent, Text } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Html, Root as MdastRoot } from 'mdast';
import { find, html, svg } from 'property-information';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { readRuleData } from '../checks/data.ts';

/**
 * What of an item's raw HTML reaches the published page: parsed as a browser parses it
 * (parse5, through rehype-raw), then cut down to an allowlist (hast-util-sanitize). The site's
 * Markdown pipeline (astro.config.ts) and `tayang periksa` share this module, so the checks
 * report exactly what the build removes, and the page is safe whatever the checks said.
 */

/** Hosts an `<iframe>` may come from (also the CSP's frame-src). */
export const IFRAME_HOSTS: readonly string[] = readRuleData<{ hosts: string[] }>('iframe-hosts.yml').hosts;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A video player address on an allowed host; nothing else may be framed. */
const IFRAME_SRC = new RegExp(`^https://(?:${IFRAME_HOSTS.map(escapeRegExp).join('|')})/embed/[\\w-]+(?:\\?[\\w=&%.-]*)?$`);

// GitHub's allowlist minus what would let content take over the keyboard (tabindex, accesskey),
// reorder text (dir, as bidi controls do), or stretch the page (width, height, hspace, size on
// any element: a 30000-pixel cell pushes the footer out of reach); plus what offices use:
// figures, abbreviations, table captions and embedded video.
const TAKEN_FROM_ALL = new Set(['tabIndex', 'accessKey', 'dir', 'width', 'height', 'hSpace', 'size']);
const attributesForAll = (defaultSchema.attributes?.['*'] ?? []).filter((name) => !TAKEN_FROM_ALL.has(String(name)));
// <picture>/<source> would bring srcset addresses no protocol check covers; ruby's <rp> hides its text.
const TAKEN_TAGS = new Set(['picture', 'source', 'rp']);

export const CONTENT_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !TAKEN_TAGS.has(name)), 'abbr', 'figure', 'figcaption', 'caption', 'cite', 'mark', 'small', 'time', 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    '*': attributesForAll,
    iframe: [['src', IFRAME_SRC], 'title', 'width', 'height', 'allowFullScreen', ['loading', 'lazy']],
  },
  // Removed with everything inside them: their content is code, a style sheet, (textarea,
  // plaintext, xmp, noscript…) the rest of the item swallowed as text, or (svg, math) another
  // language whose parsing differs from HTML's.
  strip: ['script', 'style', 'template', 'textarea', 'title', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'select', 'svg', 'math'],
};

/**
 * Markdown to HTML as the site does it. Ids get their `user-content-` prefix once, from the
 * sanitiser (remark-rehype would add it a second time); footnote words are Indonesian.
 */
export const CONTENT_REMARK_REHYPE: RemarkRehypeOptions = {
  allowDangerousHtml: true,
  clobberPrefix: '',
  footnoteLabel: 'Catatan kaki',
  footnoteBackLabel: (referenceIndex) => `Kembali ke rujukan ${referenceIndex + 1}`,
};

/**
 * In-page links (`#bagian`, footnotes) follow their target when the sanitiser prefixed its id,
 * as GitHub's own script does for READMEs — here at build time, since the site runs no script.
 */
function rehypeFollowPrefixedTargets() {
  const prefix = CONTENT_HTML_SCHEMA.clobberPrefix ?? '';
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const target = safeDecode(href.slice(1));
      if (!ids.has(target) && ids.has(prefix + target)) node.properties.href = `#${prefix}${target}`;
    });
  };
}

/** A fragment as written when it is not valid percent-encoding (`#100%`): never a crash. */
function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The site's classes for `align` (GFM table columns `:---:`), which the CSP allows no style attribute for. */
export const ALIGNMENT_CLASSES: Readonly<Record<string, string>> = { left: 'rata-kiri', center: 'rata-tengah', right: 'rata-kanan', justify: 'rata-penuh' };

function rehypeAlignmentClasses() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const align = node.properties.align;
      if (align === undefined) return;
      delete node.properties.align;
      const name = ALIGNMENT_CLASSES[String(align).toLowerCase()];
      if (name !== undefined) node.properties.className = [...(Array.isArray(node.properties.className) ? node.properties.className : []), name];
    });
  };
}

/**
 * Headings get their id here, prefixed like every id content writes, so a heading "Footer
 * kontak" cannot take the id of the page's own footer section. Astro keeps an id it finds.
 */
function rehypePrefixedHeadingIds() {
  const prefix = CONTENT_HTML_SCHEMA.clobberPrefix ?? '';
  return (tree: HastRoot) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element) => {
      if (!/^h[1-6]$/.test(node.tagName) || node.properties.id !== undefined) return;
      node.properties.id = `${prefix}${slugger.slug(textOf(node))}`;
    });
  };
}

function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (child: Text) => {
    text += child.value;
  });
  return text;
}

/** An unclosed <iframe> keeps the rest of the item as its text, which no browser shows. */
function rehypeEmptyFrames() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'iframe') node.children = [];
    });
  };
}

/**
 * Every table of an item in a scroll region of its own (the GOV.UK and Adrian Roselli pattern):
 * a wide table scrolls inside it instead of widening the page at 320 px (WCAG 1.4.10), and the
 * keyboard can reach and scroll it. Named by the table's caption, or "Tabel N" (a Markdown table
 * has none). The site's own markup, added after sanitising: content may set no tabindex.
 */
function rehypeTableRegions() {
  return (tree: HastRoot) => {
    let count = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || parent === undefined || index === undefined) return;
      count += 1;
      const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      if (caption !== undefined && typeof caption.properties.id !== 'string') caption.properties.id = `isi-tabel-${count}-judul`;
      const name = caption === undefined ? { ariaLabel: `Tabel ${count}` } : { ariaLabelledBy: [caption.properties.id as string] };
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ...name }, children: [node] };
    });
  };
}

/** The rehype plugins of Astro's Markdown pipeline (astro.config.ts). */
export const CONTENT_HTML_PLUGINS = [
  rehypeRaw,
  [rehypeSanitize, CONTENT_HTML_SCHEMA] as [typeof rehypeSanitize, Schema],
  rehypeEmptyFrames,
  rehypePrefixedHeadingIds,
  rehypeFollowPrefixedTargets,
  rehypeAlignmentClasses,
  rehypeTableRegions,
] satisfies PluggableList;

// The site's own steps from Markdown to HTML, up to sanitising.
const toParsedHtml = unified().use(remarkRehype, CONTENT_REMARK_REHYPE).use(rehypeRaw);
// Without raw HTML in the Markdown there is nothing for parse5 to read (rehype-raw only reparses
// the whole tree, most of the checks' time on a plain text): the same tree, made directly.
const toHtmlOfMarkdownOnly = unified().use(remarkRehype, CONTENT_REMARK_REHYPE);

/** True when the Markdown tree holds HTML an author wrote (`<img …>`, `<!-- … -->`). */
export function hasRawHtml(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/** One construct of the written HTML that the published page will not have. */
export type RemovedHtml =
  | { kind: 'element'; tagName: string; attributes: Map<string, string>; offset: number }
  | { kind: 'attribute'; tagName: string; name: string; value: string; offset: number }
  /** An unclosed `<iframe>` or `<!--`: what follows it is not on the page. */
  | { kind: 'swallowed'; tagName: 'iframe' | '!--'; offset: number };

/** An address written in raw HTML (not Markdown) that the published page keeps. */
export interface HtmlAddress {
  tagName: string;
  name: string;
  value: string;
  offset: number;
}

const ADDRESS_ATTRIBUTES = new Set(['src', 'href', 'poster', 'srcset', 'cite', 'longdesc']);

/**
 * The raw HTML of a Markdown document (its mdast, with file positions; `text` is the whole file)
 * against the published page: what sanitising removes, element by element and attribute by
 * attribute, each at the offset where it is written; and the addresses the page keeps. Compares
 * the parsed tree with the sanitised one; sanitising keeps positions, and an element is known
 * by its tag name and start offset.
 */
export function analyseContentHtml(tree: MdastRoot, text: string): { removed: RemovedHtml[]; addresses: HtmlAddress[] } {
  const parsed = parseContentHtml(tree, text);
  const kept = new Map<string, Element>();
  for (const element of elements(sanitize(parsed, CONTENT_HTML_SCHEMA) as HastRoot)) {
    const key = keyOf(element);
    if (key !== undefined) kept.set(key, element);
  }
  const removed: RemovedHtml[] = [];
  const addresses: HtmlAddress[] = [];
  for (const element of elements(parsed)) {
    const key = keyOf(element);
    if (key === undefined) continue; // made up by the parser (an implied <tbody>), not written
    const offset = element.position!.start.offset!;
    const attributes = attributesOf(element);
    const survivor = kept.get(key);
    if (survivor === undefined) {
      removed.push({ kind: 'element', tagName: element.tagName, attributes, offset });
      continue;
    }
    if (element.tagName === 'iframe' && element.children.some((child) => child.type === 'text' && child.value.trim() !== '')) {
      removed.push({ kind: 'swallowed', tagName: 'iframe', offset });
    }
    const keptAttributes = attributesOf(survivor);
    const writtenAsHtml = text.startsWith('<', offset);
    for (const [name, value] of attributes) {
      if (!isKept(name, value, keptAttributes.get(name))) removed.push({ kind: 'attribute', tagName: element.tagName, name, value, offset });
      else if (writtenAsHtml && ADDRESS_ATTRIBUTES.has(name)) addresses.push({ tagName: element.tagName, name, value, offset });
    }
  }
  // Markdown ends an unclosed comment's block at the end of the item, and the HTML parser then
  // drops it without a trace: found in the Markdown tree instead.
  visit(tree, 'html', (node: Html) => {
    const opening = node.value.lastIndexOf('<!--');
    if (opening !== -1 && !node.value.includes('-->', opening + 4) && node.position?.start.offset !== undefined) {
      removed.push({ kind: 'swallowed', tagName: '!--', offset: node.position.start.offset + opening });
    }
  });
  return { removed, addresses };
}

// The security, accessibility and character checks all read one document's HTML: parsed once
// per Markdown tree (a checked document's tree is never changed after it is parsed).
const parsedTrees = new WeakMap<MdastRoot, HastRoot>();

/** The HTML tree of a Markdown document as the site's pipeline parses it, before sanitising. */
function parseContentHtml(tree: MdastRoot, text: string): HastRoot {
  let parsed = parsedTrees.get(tree);
  if (parsed === undefined) {
    parsed = (hasRawHtml(tree) ? toParsedHtml : toHtmlOfMarkdownOnly).runSync(structuredClone(tree), new VFile(text));
    parsedTrees.set(tree, parsed);
  }
  return parsed;
}

/** An element the author wrote as HTML (not made from Markdown), with its attributes as written. */
export interface WrittenElement {
  element: Element;
  attributes: Map<string, string>;
  /** Offset of its `<` in `text`. */
  offset: number;
}

/**
 * The elements written as raw HTML in a Markdown document (`text` is what the tree's positions
 * count in), parsed as the site parses them: for checks that look at what authors paste.
 */
export function findWrittenElements(tree: MdastRoot, text: string): WrittenElement[] {
  return elements(parseContentHtml(tree, text))
    .filter((element) => element.position?.start.offset !== undefined && text.startsWith('<', element.position.start.offset))
    .map((element) => ({ element, attributes: attributesOf(element), offset: element.position!.start.offset! }));
}

/** Every element under `node` (itself included), in document order. */
export function descendants(node: Element): Element[] {
  return elements({ type: 'root', children: [node] });
}

/** Every element, in document order; a loop, not recursion: content may nest thousands deep. */
function elements(root: HastRoot): Element[] {
  const found: Element[] = [];
  const stack: (HastRoot | RootContent)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') found.push(node);
    const children = [...('children' in node ? node.children : []), ...(node.type === 'element' && node.content ? [node.content] : [])];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as RootContent);
  }
  return found;
}

function keyOf(element: Element): string | undefined {
  const offset = element.position?.start.offset;
  return offset === undefined ? undefined : `${element.tagName}@${offset}`;
}

/** Attributes as written in HTML (`onerror`, `style`), not as hast properties (`onError`). */
function attributesOf(element: Element): Map<string, string> {
  const schema = element.tagName === 'svg' || element.properties.xmlns !== undefined ? svg : html;
  return new Map(Object.entries(element.properties).map(([property, value]) => [find(schema, property).attribute, Array.isArray(value) ? value.join(' ') : String(value)]));
}

/** Sanitising prefixes ids and names (`user-content-…`) so content cannot shadow the page's own. */
function isKept(name: string, before: string, after: string | undefined): boolean {
  if (after === undefined) return false;
  if (before === after) return true;
  const clobbered = (CONTENT_HTML_SCHEMA.clobber ?? []).map((property) => find(html, property).attribute);
  return clobbered.includes(name) && after === `${CONTENT_HTML_SCHEMA.clobberPrefix ?? ''}${before}`;
}
