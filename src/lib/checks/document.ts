import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { CONTENT_ROOT, isContentType, type ContentType } from '../content/types.ts';
import { locatePath, parseLocatedYaml, type LocatedYaml } from '../errors/yaml-location.ts';

/**
 * Any Markdown file as the checks see it: its frontmatter (raw, NOT validated — the schema rules
 * validate; every other rule must cope with whatever an author wrote) and the mdast of its body
 * with positions that are lines and columns of the FILE, so every finding names the line the
 * author sees in the editor.
 */
export interface CheckDocument {
  /** Repository-relative path with forward slashes. */
  file: string;
  /** The whole file. */
  text: string;
  /** Content type when the file is `content/<jenis>/<slug>/…`. */
  jenis?: ContentType;
  /** Folder of the file (repository-relative); referenced files are resolved against it. */
  dir: string;
  /** Frontmatter as parsed YAML, `{}` when absent or broken (then `frontmatterLocated` says why). */
  data: Record<string, unknown>;
  /** The parsed frontmatter with positions, absent when the file has none. */
  frontmatterLocated?: LocatedYaml;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** mdast of the body (remark-parse + remark-gfm) with FILE positions. */
  tree: Root;
}

const markdown = unified().use(remarkParse).use(remarkGfm);

export function parseCheckDocument(file: string, text: string): CheckDocument {
  const { yaml, bodyLine, bodyOffset } = splitFrontmatter(text);
  const frontmatterLocated = yaml === undefined ? undefined : parseLocatedYaml(yaml, 1);
  const parsed = frontmatterLocated && frontmatterLocated.doc.errors.length === 0 ? frontmatterLocated.doc.toJS() : undefined;
  const tree = markdown.parse(text.slice(bodyOffset));
  shiftPositions(tree, bodyLine - 1, bodyOffset);
  const parts = file.split('/');
  const jenis = parts[0] === CONTENT_ROOT && parts.length >= 4 && isContentType(parts[1]!) ? parts[1] : undefined;
  return {
    file,
    text,
    jenis,
    dir: parts.slice(0, -1).join('/'),
    data: parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {},
    frontmatterLocated,
    bodyLine,
    tree,
  };
}

/**
 * Line and column of a frontmatter key (e.g. `['gambar', 'alt']`); the deepest key that exists,
 * so a missing `alt` points at `gambar:`. Line 1 when the file has no frontmatter.
 */
export function locateField(doc: CheckDocument, path: readonly PropertyKey[]): { line: number; column: number } {
  if (!doc.frontmatterLocated) return { line: 1, column: 1 };
  return locatePath(doc.frontmatterLocated, path) ?? { line: 1, column: 1 };
}

/** Frontmatter is the YAML between a first line `---` and the next line `---` (or `...`). */
function splitFrontmatter(text: string): { yaml?: string; bodyLine: number; bodyOffset: number } {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const first = /^---[ \t]*\r?\n/.exec(text.slice(start));
  if (!first) return { bodyLine: 1, bodyOffset: 0 };
  const yamlStart = start + first[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(yamlStart);
  const match = close.exec(rest);
  if (!match) return { bodyLine: 1, bodyOffset: 0 };
  const yaml = rest.slice(0, match.index);
  const bodyOffset = yamlStart + match.index + match[0].length;
  const bodyLine = text.slice(0, bodyOffset).split('\n').length;
  return { yaml, bodyLine, bodyOffset };
}

function shiftPositions(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  visit(tree, (node) => {
    const position = node.position;
    if (!position) return;
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  });
}
