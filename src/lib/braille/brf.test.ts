import { describe, expect, it } from 'vitest';
import { formatBrf, formatUnicodeBraille, toBrailleAscii, wrapParagraph } from './brf.ts';

/** A BRF file's pages, each a list of lines (form feed between pages, CR LF after every line). */
function pagesOf(brf: string): string[][] {
  return brf.split('\f').map((page) => {
    expect(page.endsWith('\r\n')).toBe(true);
    return page.slice(0, -2).split('\r\n');
  });
}

/** "#AB" → 12: the braille page number at the end of a page's last line. */
function pageNumberOf(line: string): number {
  const match = line.match(/ #([A-J]+)$/);
  expect(match, `page number at the end of "${line}"`).not.toBeNull();
  return Number([...match![1]!].map((letter) => 'JABCDEFGHI'.indexOf(letter)).join(''));
}

const sentence = 'Pelayanan administrasi kependudukan keliling hadir di Balai Desa Anggrasmanis pada Senin, 7 Desember 2026, pukul 08.00 WIB.';
const paragraphs = [
  'Pelayanan Adminduk Keliling',
  ...Array.from({ length: 60 }, (_, i) => `${i + 1}. ${sentence}`),
  // Longer than a line: split with a continuation hyphen.
  'Kata'.repeat(30),
];

describe('BRF pages', () => {
  for (const layout of [
    { cells: 40, lines: 25 },
    { cells: 40, lines: 28 },
  ]) {
    describe(`${layout.cells} cells × ${layout.lines} lines`, () => {
      const pages = pagesOf(formatBrf(paragraphs, layout));

      it('has no line longer than a line of the page, and only braille ASCII', () => {
        for (const line of pages.flat()) {
          expect(line.length).toBeLessThanOrEqual(layout.cells);
          expect(line).toMatch(/^[ -\]_^]*$/);
        }
      });

      it('fills every page to its lines and no further', () => {
        expect(pages.length).toBeGreaterThan(2);
        for (const page of pages) expect(page).toHaveLength(layout.lines);
      });

      it('numbers every page at the right margin of its last line, in order', () => {
        expect(pages.map((page) => pageNumberOf(page.at(-1)!))).toEqual(pages.map((_, i) => i + 1));
        for (const page of pages) expect(page.at(-1)).toHaveLength(layout.cells);
      });

      it('keeps every word, in order, splitting only the word longer than a line', () => {
        const text = pages
          .map((page) => [...page.slice(0, -1), page.at(-1)!.replace(/ +#[A-J]+$/, '')].join('\n'))
          .join('\n');
        const words = text.replace(/-\n/g, '').split(/\s+/).filter(Boolean);
        const expected = paragraphs.flatMap((p) => toBrailleAscii(formatUnicodeBraille([p]).trim()).split(' '));
        expect(words).toEqual(expected);
        expect(text).toMatch(/-\n/);
      });
    });
  }

  it('starts a paragraph in cell 3 and its following lines in cell 1', () => {
    const lines = wrapParagraph('⠁⠃⠉ ⠙⠑⠋ ⠛⠓⠊', 8);
    expect(lines).toEqual(['  ⠁⠃⠉', '⠙⠑⠋ ⠛⠓⠊']);
  });

  it('splits a word longer than a line with a hyphen at the end of each part', () => {
    expect(wrapParagraph('⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇', 5)).toEqual(['  ⠁⠃⠤', '⠉⠙⠑⠋⠤', '⠛⠓⠊⠚⠤', '⠅⠇']);
  });

  it('makes one numbered page of an empty text', () => {
    expect(pagesOf(formatBrf([], { cells: 40, lines: 25 }))).toEqual([[...Array(24).fill(''), `${' '.repeat(38)}#A`]]);
  });

  it('puts a short line of text on the last line beside the page number, a long one on the next page', () => {
    const fits = pagesOf(formatBrf(['a', 'b', 'c'], { cells: 20, lines: 3 }));
    expect(fits).toEqual([['  A', '  B', `  C${' '.repeat(15)}#A`]]);
    const long = pagesOf(formatBrf(['a', 'b', 'cccccccccccccccc'], { cells: 20, lines: 3 }));
    expect(long).toEqual([
      ['  A', '  B', `${' '.repeat(18)}#A`],
      ['  CCCCCCCCCCCCCCCC', '', `${' '.repeat(18)}#B`],
    ]);
  });
});

describe('braille ASCII', () => {
  it('maps the 64 cells to the North American braille ASCII characters', () => {
    const all = Array.from({ length: 64 }, (_, bits) => String.fromCodePoint(0x2800 + bits)).join('');
    expect(toBrailleAscii(all)).toBe(' A1B\'K2L@CIF/MSP"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=');
  });
});

describe('the Unicode edition', () => {
  it('has one paragraph a line', () => {
    expect(formatUnicodeBraille(['Satu.', '', 'Dua.'])).toBe('⠠⠎⠁⠞⠥⠲\n⠠⠙⠥⠁⠲\n');
  });
});

describe('a huge item', () => {
  it('wraps a 300 000-letter word into lines of the page without going over the word once per line', () => {
    const lines = wrapParagraph('⠁'.repeat(300_000), 40);
    expect(lines).toHaveLength(Math.ceil((300_000 + 2 - 1) / 39));
    expect(lines.every((line) => [...line].length <= 40)).toBe(true);
  });
});
