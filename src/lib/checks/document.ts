import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { splitFrontmatter, type SplitMarkdown } from '../content/frontmatter.ts';
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
  /** The file split at its `---` fences, absent when it has no frontmatter. */
  split?: SplitMarkdown;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** mdast of the body (remark-parse + remark-gfm) with FILE positions. */
  tree: Root;
}

const markdown = unified().use(remarkParse).use(remarkGfm);

export function parseCheckDocument(file: string, text: string): CheckDocument {
  // The content loader's own split, so the checks and the build agree on where the body starts.
  const split = splitFrontmatter(text);
  const bodyLine = split?.bodyLine ?? 1;
  const bodyOffset = split ? text.length - split.body.length : 0;
  const frontmatterLocated = split && parseLocatedYaml(split.yaml, split.yamlLineOffset);
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
    ...(split ? { split } : {}),
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
