import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { LocatedYaml } from '../../errors/yaml-location.ts';
import type { BlockKind, ProseBlock } from './prose.ts';

/**
 * The frontmatter fields readers see as text (src/lib/content/schema.ts): the headline and the
 * summary are what listings, search engines and social posts show first. Titles are written in
 * Title Case (news style), so they are checked as headings: a capital letter there says nothing
 * about a word being a name. Other fields (lokasi, narasumber, penyelenggara) are names, not prose.
 */
const FIELDS: ReadonlyArray<{ path: ReadonlyArray<string | '*'>; kind: BlockKind; standalone: boolean }> = [
  { path: ['judul'], kind: 'heading', standalone: false },
  { path: ['ringkasan'], kind: 'paragraph', standalone: true },
  { path: ['gambar', 'alt'], kind: 'paragraph', standalone: false },
  { path: ['foto', '*', 'alt'], kind: 'paragraph', standalone: false },
  { path: ['foto', '*', 'keterangan'], kind: 'paragraph', standalone: true },
  { path: ['lampiran', '*', 'judul'], kind: 'heading', standalone: false },
  // One line per utterance or scene, not a paragraph to keep short.
  { path: ['transkrip'], kind: 'paragraph', standalone: false },
  { path: ['sosial', 'teks', '*'], kind: 'paragraph', standalone: true },
];

/**
 * The prose of the frontmatter's text fields, every character placed at the line and column
 * where the author wrote it (quoted, folded and block scalars included). `fileText` is the whole
 * Markdown file; the YAML starts on the line after `located.lineOffset`.
 */
export function extractFrontmatterProse(located: LocatedYaml, fileText: string): ProseBlock[] {
  // Broken YAML (an unclosed quote) makes one value swallow the keys after it; schema/frontmatter
  // reports the break, and checking the keys as words would only bury that finding.
  if (located.doc.errors.length > 0) return [];
  let yamlStart = 0;
  for (let line = 0; line < located.lineOffset; line += 1) yamlStart = fileText.indexOf('\n', yamlStart) + 1;
  const source = fileText.slice(yamlStart);
  const blocks: ProseBlock[] = [];
  for (const field of FIELDS) {
    for (const node of findScalars(located.doc.contents, field.path)) {
      const value = node.value;
      if (typeof value !== 'string' || !node.range) continue;
      const offsets = placeCharacters(value, source, node.range[0], node.range[1]);
      // A blank line in a long field (a transcript) separates paragraphs, as in the body.
      for (const paragraph of value.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/gu)) {
        const block: ProseBlock = { kind: field.kind, standalone: field.standalone, text: paragraph[0], lines: [], columns: [], italic: [] };
        for (let i = 0; i < paragraph[0].length; i += 1) {
          const { line, col } = located.lineCounter.linePos(offsets[paragraph.index + i]!);
          block.lines.push(line + located.lineOffset);
          block.columns.push(col);
          block.italic.push(false);
        }
        if (/\p{L}/u.test(block.text)) blocks.push(block);
      }
    }
  }
  return blocks;
}

function findScalars(node: unknown, path: ReadonlyArray<string | '*'>): Scalar[] {
  if (path.length === 0) return isScalar(node) ? [node] : [];
  const [key, ...rest] = path;
  if (isMap(node)) {
    return node.items.flatMap((pair) => {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      return key === '*' || name === key ? findScalars(pair.value, rest) : [];
    });
  }
  if (isSeq(node) && key === '*') return node.items.flatMap((item) => findScalars(item, rest));
  return [];
}

/**
 * For each character of a scalar's value, its offset in the YAML source. The value differs from
 * the source by quotes, escapes, folded line breaks and indentation, so characters are found in
 * order; whitespace the folding produced sits where the source's whitespace is.
 */
function placeCharacters(value: string, source: string, start: number, end: number): number[] {
  const offsets: number[] = [];
  let at = start;
  for (const char of value) {
    for (let unit = 0; unit < char.length; unit += 1) {
      if (/\s/u.test(char)) {
        offsets.push(Math.min(at, end - 1));
        while (at < end && /\s/u.test(source[at]!)) at += 1;
        continue;
      }
      const found = source.indexOf(char[unit]!, at);
      const offset = found === -1 || found >= end ? Math.min(at, end - 1) : found;
      offsets.push(offset);
      at = offset + 1;
    }
  }
  return offsets;
}
