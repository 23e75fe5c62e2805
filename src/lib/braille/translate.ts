import { DIGIT_LETTERS, LETTERS, PUNCTUATION, REPLACEMENTS, SIGNS, type Dots } from './table.ts';

/**
 * Plain text to Indonesian uncontracted braille as Unicode braille cells (U+2800–U+283F), one
 * paragraph at a time. Words stay separated by an ordinary space, so the text reflows on a
 * screen and a braille display; formatting into lines and pages is brf.ts's.
 */

/** Unicode braille cell of dot numbers: dot n is bit n-1 above U+2800 (the Unicode braille block's order). */
export function cellOf(dots: Dots): string {
  const bits = dots === '' ? 0 : dots.split('-').reduce((sum, dot) => sum | (1 << (Number(dot) - 1)), 0);
  return String.fromCodePoint(0x2800 + bits);
}

const cells = (dots: readonly Dots[]) => dots.map(cellOf).join('');
const LETTER_CELLS = new Map(Object.entries(LETTERS).map(([letter, dots]) => [letter, cellOf(dots)]));
const DIGIT_CELLS = new Map([...DIGIT_LETTERS].map((letter, digit) => [String(digit), LETTER_CELLS.get(letter)!]));
const PUNCTUATION_CELLS = new Map(Object.entries(PUNCTUATION).map(([sign, dots]) => [sign, cells(dots)]));
const CAPITAL = cellOf(SIGNS.capital);
const NUMBER = cellOf(SIGNS.number);
const LETTER = cellOf(SIGNS.letter);
const THOUSANDS = cellOf(SIGNS.thousands);
const DECIMAL = cellOf(SIGNS.decimal);
const REPLACEABLE = new RegExp(`[${Object.keys(REPLACEMENTS).map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');

/**
 * The text as the table can write it: replacements made, accents and compatibility forms dropped
 * (NFKD), replacements made again, spaces collapsed. The second pass reaches what NFKD decomposes
 * into ("½" is "1⁄2", with a fraction slash; "℃" is "°C"); the first takes "≠" before NFKD makes
 * it "=" and a slash overlay. A negated sign the table does not know is left out whole: without
 * its overlay it would read as its opposite.
 */
export function normalizeForBraille(text: string): string {
  const replace = (t: string) => t.replace(REPLACEABLE, (c) => REPLACEMENTS[c]!);
  return replace(
    replace(text)
      .normalize('NFKD')
      .replace(/\P{M}\u0338/gu, '')
      .replace(/\p{M}/gu, ''),
  )
    // After NFKD, which writes "…" as three full stops.
    .replace(/\.{3}/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);

/** One paragraph of text in braille cells; characters with no braille form are left out. */
export function translateToBraille(text: string): string {
  const chars = [...normalizeForBraille(text)];
  let out = '';
  // In a number, digits need no number sign and a letter a–j needs the letter sign.
  let inNumber = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (isDigit(c)) {
      if (!inNumber) out += NUMBER;
      out += DIGIT_CELLS.get(c);
      inNumber = true;
    } else if (inNumber && (c === '.' || c === ',') && isDigit(chars[i + 1])) {
      out += c === '.' ? THOUSANDS : DECIMAL;
    } else if (isLetter(c)) {
      let end = i;
      while (isLetter(chars[end + 1])) end++;
      out += word(chars.slice(i, end + 1).join(''), inNumber);
      i = end;
      inNumber = false;
    } else {
      inNumber = false;
      if (c === ' ') out += ' ';
      else if (c === '"') out += PUNCTUATION_CELLS.get(opensQuote(chars, i) ? '“' : '”');
      else out += PUNCTUATION_CELLS.get(c) ?? '';
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** A run of letters: word capital when all of two or more are capitals, else a capital sign per capital. */
function word(letters: string, afterNumber: boolean): string {
  const lower = letters.toLowerCase();
  const cellsOf = (capitalOf: (i: number) => string) => [...lower].map((letter, i) => capitalOf(i) + LETTER_CELLS.get(letter)!).join('');
  if (letters.length > 1 && letters === letters.toUpperCase()) return CAPITAL + CAPITAL + cellsOf(() => '');
  const letterSign = afterNumber && DIGIT_LETTERS.includes(letters[0]!) ? LETTER : '';
  return letterSign + cellsOf((i) => (letters[i] === lower[i] ? '' : CAPITAL));
}

/** A straight double quote opens at the start, after a space or an opening parenthesis. */
function opensQuote(chars: string[], i: number): boolean {
  const before = chars[i - 1];
  return before === undefined || before === ' ' || before === '(';
}
