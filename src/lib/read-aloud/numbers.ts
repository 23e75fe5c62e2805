/**
 * Indonesian numbers in words, as they are said: "se-" for one hundred and one thousand (seratus,
 * seribu) but "satu juta", "sebelas" and "-belas" for 11–19, "puluh", "ratus", "ribu", "juta",
 * "miliar", "triliun" (KBBI; Tata Bahasa Baku Bahasa Indonesia, numeralia pokok).
 */

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

const SCALES: [value: number, word: string][] = [
  [1e12, 'triliun'],
  [1e9, 'miliar'],
  [1e6, 'juta'],
  [1e3, 'ribu'],
];

/** Above this a figure is a code (a NIK, an account number), read digit by digit. */
const LARGEST = 1e15 - 1;

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(`${UNITS[hundreds]} ratus`);
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(`${UNITS[rest - 10]} belas`);
  else if (rest >= 20) words.push(`${UNITS[Math.floor(rest / 10)]} puluh${rest % 10 ? ` ${UNITS[rest % 10]}` : ''}`);
  else if (rest > 0) words.push(UNITS[rest]!);
  return words.join(' ');
}

/** A whole number in words: 1500000 → "satu juta lima ratus ribu". */
export function numberWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > LARGEST) return digitWords(String(n));
  if (n === 0) return 'nol';
  const words: string[] = [];
  let rest = n;
  for (const [value, word] of SCALES) {
    const group = Math.floor(rest / value);
    rest %= value;
    if (group === 0) continue;
    words.push(group === 1 && value === 1e3 ? 'seribu' : `${belowThousand(group)} ${word}`);
  }
  if (rest > 0) words.push(belowThousand(rest));
  return words.join(' ');
}

/** Digits one by one: "0812" → "nol delapan satu dua". */
export function digitWords(digits: string): string {
  return [...digits.replace(/\D/g, '')].map((digit) => UNITS[Number(digit)]).join(' ');
}

/**
 * A figure as Indonesians write it, "." between thousands and "," before decimals
 * ("1.500.000", "2,5"): the whole part in words, the decimals digit by digit after "koma". A
 * figure that starts with 0 and has more digits (a telephone number, "007") is read digit by digit.
 */
export function figureWords(figure: string): string {
  const [whole = '', decimals] = figure.split(',');
  const digits = whole.replace(/\./g, '');
  const read = digits.length > 1 && digits.startsWith('0') ? digitWords(digits) : numberWords(Number(digits));
  return decimals === undefined ? read : `${read} koma ${digitWords(decimals)}`;
}
