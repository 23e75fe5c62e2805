import { translateToBraille } from './translate.ts';

/**
 * The embosser edition: Unicode braille in North American ASCII braille (BRF), in lines and
 * pages. Layout after BANA's Braille Formats: a paragraph starts in cell 3; the braille page
 * number stands at the right margin of the last line of every page, at least three blank cells
 * after any text; a word longer than a line is split with a hyphen at the end of each part.
 * Lines end in CR LF and a form feed starts every page after the first, which embossers and
 * braille editors read.
 */

export interface BrailleLayout {
  /** Cells a line (sel_per_baris). */
  cells: number;
  /** Lines a page (baris_per_halaman). */
  lines: number;
}

export const DEFAULT_LAYOUT: BrailleLayout = { cells: 40, lines: 25 };

/**
 * The ASCII character of each of the 64 cells, indexed by the cell's dot bits (dot n = bit n-1,
 * the Unicode braille order): the standard North American braille ASCII (the `en-us-brf.dis`
 * display table of liblouis).
 */
const BRAILLE_ASCII = ' A1B\'K2L@CIF/MSP"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=';

/** Unicode braille (and spaces) to braille ASCII. */
export function toBrailleAscii(braille: string): string {
  return [...braille].map((c) => (c === ' ' ? ' ' : BRAILLE_ASCII[c.codePointAt(0)! - 0x2800]!)).join('');
}

const INDENT = '  ';
const HYPHEN = translateToBraille('-');
/** Blank cells between text and the page number on a page's last line. */
const NUMBER_GAP = 3;

/** One paragraph in lines of at most `cells` cells: first line indented, long words split. */
export function wrapParagraph(paragraph: string, cells: number): string[] {
  const lines: string[] = [];
  let line = INDENT;
  for (const word of paragraph.split(' ').filter((w) => w !== '')) {
    const letters = [...word];
    const space = line.trim() === '' ? '' : ' ';
    if (line.length + space.length + letters.length <= cells) {
      line += space + word;
      continue;
    }
    if (line.trim() !== '') {
      lines.push(line);
      line = '';
    }
    // A word longer than a whole line: as many cells as fit, then a hyphen, on every line but its last.
    let start = 0;
    while (line.length + letters.length - start > cells) {
      const fit = cells - line.length - 1;
      lines.push(line + letters.slice(start, start + fit).join('') + HYPHEN);
      start += fit;
      line = '';
    }
    line += letters.slice(start).join('');
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

/** The braille page number: number sign and digits, "⠼⠁⠃" for 12. */
function pageNumber(page: number): string {
  return translateToBraille(String(page));
}

/** Lines into pages of `layout.lines`, each with its page number on the last line. */
export function paginate(lines: readonly string[], layout: BrailleLayout): string[][] {
  const pages: string[][] = [];
  let next = 0;
  do {
    const number = pageNumber(pages.length + 1);
    const page = lines.slice(next, next + layout.lines - 1);
    next += page.length;
    // The last line takes a line of text too when it leaves room for the gap and the number.
    const last = lines[next];
    const fits = last !== undefined && [...last].length + NUMBER_GAP + [...number].length <= layout.cells;
    if (fits) next++;
    const text = fits ? last : '';
    while (page.length < layout.lines - 1) page.push('');
    page.push(text + ' '.repeat(layout.cells - [...text].length - [...number].length) + number);
    pages.push(page);
  } while (next < lines.length);
  return pages;
}

/** Paragraphs of plain text as a BRF file. */
export function formatBrf(paragraphs: readonly string[], layout: BrailleLayout = DEFAULT_LAYOUT): string {
  const lines = paragraphs.flatMap((paragraph) => wrapParagraph(translateToBraille(paragraph), layout.cells));
  return `${paginate(lines, layout)
    .map((page) => page.map((line) => toBrailleAscii(line).trimEnd()).join('\r\n'))
    .join('\r\n\f')}\r\n`;
}

/** Paragraphs of plain text as Unicode braille, one paragraph a line, for screens and braille displays. */
export function formatUnicodeBraille(paragraphs: readonly string[]): string {
  return `${paragraphs.map(translateToBraille).filter((line) => line !== '').join('\n')}\n`;
}
