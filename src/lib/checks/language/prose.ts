import type { PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Stands for something in a sentence that is not prose (inline code, HTML, a bare URL, an image). */
export const OBJECT = '\uFFFC';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

/**
 * The prose of one Markdown block as plain text, with where each character came from, so a
 * finding at any offset of `text` names the author's line and column.
 */
export interface ProseBlock {
  kind: BlockKind;
  /** True for a paragraph directly in the document or a blockquote (not in a list or table). */
  standalone: boolean;
  text: string;
  lines: number[];
  columns: number[];
  /** Per character: inside emphasis (italics), the EYD V way of marking foreign words and names of species. */
  italic: boolean[];
}

/** Every prose block of a Markdown body: paragraphs, headings and table cells; code and HTML are left out. */
export function extractProse(tree: Root): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  visit(tree, (node, _index, parent) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block = makeBlock(node.type, parent === undefined || parent.type === 'root' || parent.type === 'blockquote');
      const continuation = node.position?.start.column ?? 1;
      for (const child of node.children) appendInline(block, child, false, continuation);
      blocks.push(block);
      return 'skip';
    }
    return undefined;
  });
  return blocks;
}

function makeBlock(kind: BlockKind, standalone: boolean): ProseBlock {
  return { kind, standalone: kind === 'paragraph' && standalone, text: '', lines: [], columns: [], italic: [] };
}

function push(block: ProseBlock, char: string, line: number, column: number, italic: boolean): void {
  block.text += char;
  block.lines.push(line);
  block.columns.push(column);
  block.italic.push(italic);
}

function appendInline(block: ProseBlock, node: PhrasingContent, italic: boolean, continuation: number): void {
  const start = node.position?.start ?? { line: 1, column: 1 };
  switch (node.type) {
    case 'text': {
      let { line, column } = start;
      // UTF-16 code units, like the offsets of every string method the rules use.
      for (let i = 0; i < node.value.length; i += 1) {
        const char = node.value[i]!;
        push(block, char, line, column, italic);
        if (char === '\n') {
          line += 1;
          // Continuation lines of a list item or quote are indented like the block's first line.
          column = continuation;
        } else column += 1;
      }
      return;
    }
    case 'emphasis':
      for (const child of node.children) appendInline(block, child, true, continuation);
      return;
    case 'strong':
    case 'delete':
      for (const child of node.children) appendInline(block, child, italic, continuation);
      return;
    case 'link':
    case 'linkReference': {
      // A bare URL or e-mail turned into a link (GFM autolink) is not prose.
      const text = node.children.map((child) => ('value' in child ? child.value : '')).join('');
      if (node.type === 'link' && (text === node.url || `mailto:${text}` === node.url || /^(https?:|www\.)/i.test(text))) {
        push(block, OBJECT, start.line, start.column, italic);
        return;
      }
      for (const child of node.children) appendInline(block, child, italic, continuation);
      return;
    }
    case 'break':
      push(block, '\n', start.line, start.column, italic);
      return;
    default:
      // inlineCode, html, image, footnote references: not prose, but they do stand in the sentence.
      push(block, OBJECT, start.line, start.column, italic);
  }
}
