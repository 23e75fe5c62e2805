/**
 * Indonesian uncontracted braille (Sistem Braille Indonesia bidang Bahasa Indonesia,
 * Kepmendiknas 052/U/2000), as dot numbers. A TS constant rather than a YAML file so the site's
 * pages can bundle it.
 *
 * Where the sources disagree, this table follows the teaching modules the 2000 standard is taught
 * from (Didi Tarsidi's "Modul 2: Braille Dasar" and "Modul 4: Braille Matematik", UPI; the UPI
 * course notes "Tulisan Braille Dasar bidang Matematika", 2021), which write the 2000 rules with
 * examples. docs/aksesibilitas.md lists the same choices for offices.
 *
 * - Full stop: dots 2-5-6. Modul 2's dot list says "2-4-6", but its own braille-ASCII table
 *   writes the full stop as "4", which is 2-5-6, as every other source has it.
 * - Numbers (Modul 4, from the 2000 mathematics standard 056/U/2000, which the language standard
 *   defers to for numbers): the thousands point of 1.500.000 is dot 2 (the shape of a comma), the
 *   decimal comma of 2,5 is dots 4-6. English braille has them the other way round, so liblouis's
 *   en-us-g1 disagrees here (src/lib/braille/liblouis.test.ts leaves numbers with separators out).
 * - After a hyphen or a slash inside a number ("17-08-2026") the number sign is written again, as
 *   the UPI notes write "8–3" and a number continued on the next line; en-us-g1 does not.
 * - Letter sign (tanda huruf, dots 5-6) only before a lowercase a–j right after a digit, the ten
 *   letters that would read as digits; "5km" needs none, "3a" does.
 * - Capital sign dot 6; a word of two or more capitals gets it twice (",,rcti" in Modul 2).
 * - Quotation marks: opening 2-3-6, closing 3-5-6; parentheses 2-3-5-6 both (Modul 2: braille
 *   does not tell opening from closing parentheses).
 * - No source among these gives the dash, "@" or "%": the dash is two hyphens and "@" dots 4 + 1,
 *   as in English braille (BANA, en-us-g1); "%" is written out as the word "persen", which is how
 *   Indonesian reads it (a braille reader meets no unfamiliar sign).
 */

/** Dot numbers of a cell, e.g. "1-2-5" for h; "" for a blank cell. */
export type Dots = string;

export const LETTERS: Readonly<Record<string, Dots>> = {
  a: '1', b: '1-2', c: '1-4', d: '1-4-5', e: '1-5', f: '1-2-4', g: '1-2-4-5', h: '1-2-5', i: '2-4', j: '2-4-5',
  k: '1-3', l: '1-2-3', m: '1-3-4', n: '1-3-4-5', o: '1-3-5', p: '1-2-3-4', q: '1-2-3-4-5', r: '1-2-3-5', s: '2-3-4', t: '2-3-4-5',
  u: '1-3-6', v: '1-2-3-6', w: '2-4-5-6', x: '1-3-4-6', y: '1-3-4-5-6', z: '1-3-5-6',
};

/** Digits are the letters a–j after the number sign: 1 = a … 9 = i, 0 = j. */
export const DIGIT_LETTERS = 'jabcdefghi';

export const SIGNS = {
  capital: '6',
  number: '3-4-5-6',
  letter: '5-6',
  /** Inside a number: 1.500.000 */
  thousands: '2',
  /** Inside a number: 2,5 */
  decimal: '4-6',
} as const satisfies Record<string, Dots>;

/**
 * Punctuation, each a sequence of cells. Opening and closing double quotes are told apart by
 * position (translate.ts); the rest are one form each.
 */
export const PUNCTUATION: Readonly<Record<string, readonly Dots[]>> = {
  '.': ['2-5-6'],
  ',': ['2'],
  ';': ['2-3'],
  ':': ['2-5'],
  '?': ['2-3-6'],
  '!': ['2-3-5'],
  '-': ['3-6'],
  '/': ['3-4'],
  "'": ['3'],
  '(': ['2-3-5-6'],
  ')': ['2-3-5-6'],
  '*': ['3-5', '3-5'],
  '@': ['4', '1'],
  '“': ['2-3-6'],
  '”': ['3-5-6'],
  '—': ['3-6', '3-6'],
  /** Modul 2: three cells of dot 3 (an apostrophe each), not three full stops. */
  '…': ['3', '3', '3'],
};

/**
 * Characters written as others before translating, before and after NFKD (and "..." as "…", translate.ts): typographic forms to the ones above, letters
 * with accents lose them (NFKD in translate.ts), and a few signs become the words Indonesian
 * reads them as. Anything else with no braille form is left out (translate.ts).
 */
export const REPLACEMENTS: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '`': "'",
  '–': '—',
  '‒': '—',
  '―': '—',
  /** The fraction slash NFKD writes "½" with: without it "1⁄2" would read as the two numbers 1 and 2. */
  '⁄': '/',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '&': ' dan ',
  '%': ' persen',
  '+': ' tambah ',
  '=': ' sama dengan ',
  '≠': ' tidak sama dengan ',
  '×': ' kali ',
  '°': ' derajat',
  '•': '-',
  '«': '“',
  '»': '”',
  '„': '“',
};
