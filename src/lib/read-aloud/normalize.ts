import { ABBREVIATIONS, ACRONYM_WORDS, LETTER_NAMES } from './abbreviations.ts';
import { digitWords, figureWords, numberWords } from './numbers.ts';

/**
 * Indonesian text as it should be spoken, for a synthesiser that reads what is written (eSpeak
 * NG reads "Rp" as "er-pe", "07.30" as "nol tujuh titik tiga puluh", "PPID" as "pid"). Each rule
 * below rewrites one written form, in this order, so a later rule never sees what an earlier
 * one has already turned into words:
 *
 * - e-mail and web addresses, "a.b@c.go.id" → "a titik b et c titik go titik id", and a telephone
 *   number with its area code, "(0271) 499210", digit by digit;
 * - dates "17-08-2026", "17/8/2026", "2026-08-17" → "tujuh belas Agustus dua ribu dua puluh enam";
 * - times after "pukul"/"jam" or before WIB/WITA/WIT → "pukul tujuh lewat tiga puluh menit", a
 *   range "pukul delapan sampai pukul dua belas" (the reading of the radio and of official
 *   announcements; "setengah delapan" is the everyday one, and a time "07.30" says nothing about
 *   whether the writer meant it);
 * - rupiah "Rp1.500.000,00", "Rp 25.000", "Rp5 juta" → "... rupiah", the amount first as it is
 *   said, ",00" and ",-" dropped;
 * - a regulation's number "UU 14/2008" → "UU nomor empat belas tahun dua ribu delapan";
 * - ordinals "ke-81" → "ke delapan puluh satu"; "%" → "persen"; number ranges "10–12" → "sampai";
 * - "Rp" and "%" on their own (a table's heading "Anggaran (Rp)") → "rupiah", "persen";
 * - "RT 03" → "RT tiga" (a neighbourhood's number is said without its leading zero);
 * - the abbreviations of abbreviations.ts, said in full ("Kab." → "kabupaten");
 * - degrees "S.Sos." → "es sos"; acronyms said as words (NIK → "nik"); any other word of 2–5
 *   capitals spelled letter by letter (PPID → "pe pe i de"); longer words in capitals are a
 *   heading in capitals, read as words;
 * - every other figure in words ("1.893" → "seribu delapan ratus sembilan puluh tiga", "2,5" →
 *   "dua koma lima", a figure with a leading zero digit by digit); "/" becomes a pause.
 *
 * Not handled: Roman numerals (Bab II), telephone numbers without their area code in brackets,
 * foreign words.
 */

const MONTHS = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1)));

/** Not inside a word or a figure (JavaScript's \b knows ASCII letters only). */
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
/** A figure with Indonesian separators: 1.500.000 or 2,5 or 2026. */
const FIGURE = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const TIME = String.raw`([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d)`;
const ZONES = String.raw`WIB|WITA|WIT`;
const RANGE = String.raw`\s*(?:–|—|-|s\.d\.|sampai dengan|sampai)\s*`;

const re = (source: string, flags = 'gu') => new RegExp(source, flags);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function dateWords(day: string, month: string, year: string): string | undefined {
  const [d, m] = [Number(day), Number(month)];
  if (d < 1 || d > 31 || m < 1 || m > 12) return undefined;
  return `${numberWords(d)} ${MONTHS[m - 1]} ${numberWords(Number(year))}`;
}

function timeWords(hour: string, minute: string): string {
  return `${numberWords(Number(hour))}${Number(minute) > 0 ? ` lewat ${numberWords(Number(minute))} menit` : ''}`;
}

function spell(letters: string): string {
  return [...letters].map((letter) => LETTER_NAMES[letter] ?? letter.toLowerCase()).join(' ');
}

type Rule = [pattern: RegExp, replace: (match: string, ...groups: string[]) => string];

const abbreviationRules: Rule[] = [...ABBREVIATIONS]
  .sort((a, b) => b.written.length - a.written.length)
  .map(({ written, spoken, endsList }) => {
    const ends = /\p{L}$/u.test(written) ? END : '';
    // A full stop that was also the sentence's: at the end of a paragraph, or after "dll." before a capital.
    return [re(`${START}${escape(written)}${ends}(?=(\\s*$|\\s+\\p{Lu})|)`, 'gmu'), (_match, after) =>
      written.endsWith('.') && after !== undefined && (after.trim() === '' || endsList) ? `${spoken}.` : spoken];
  });

/** An address as Indonesians read it aloud: "kecamatan titik jenawi et karanganyarkab titik go titik id". */
function addressWords(address: string): string {
  return address
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '')
    .replace(/@/g, ' et ')
    .replace(/\./g, ' titik ')
    .replace(/\//g, ' garis miring ');
}

const RULES: Rule[] = [
  // Addresses first: their dots and digits are not figures, nor their letters abbreviations.
  [re(`${START}[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+`), addressWords],
  [re(`${START}(?:https?://)?(?:[a-z0-9-]+\\.)+(?:go\\.id|co\\.id|or\\.id|ac\\.id|id|com|org|net)(?:/[\\w./-]*)?(?![\\w.])`), addressWords],
  // A telephone number with its area code, "(0271) 499210", digit by digit.
  [re(`\\((0\\d{2,3})\\)\\s?(\\d{4,8})${END}`), (_match, area, number) => `${digitWords(area!)}, ${digitWords(number!)}`],
  [re(`${START}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})${END}`), (match, d, _sep, m, y) => dateWords(d!, m!, y!) ?? match],
  [re(`${START}(\\d{4})-(\\d{2})-(\\d{2})${END}`), (match, y, m, d) => dateWords(d!, m!, y!) ?? match],
  [
    re(`(?:${START}([Pp]ukul|[Jj]am)\\s+)?${START}${TIME}(?:(${RANGE})(?:${TIME}|(selesai)))?(?=(\\s*(?:${ZONES})${END})?)`),
    (match, lead, h1, m1, range, h2, m2, done, zone) => {
      if (lead === undefined && zone === undefined) return match;
      const word = lead ?? 'pukul';
      const second = range === undefined ? '' : ` sampai ${done ?? `${word.toLowerCase()} ${timeWords(h2!, m2!)}`}`;
      return `${word} ${timeWords(h1!, m1!)}${second}`;
    },
  ],
  [
    re(`${START}Rp\\.?\\s?(${FIGURE})(?:,-)?(?:\\s(ribu|juta|miliar|triliun)${END})?`),
    (_match, figure, scale) => `${figureWords(figure!.replace(/,0+$/, ''))}${scale ? ` ${scale}` : ''} rupiah`,
  ],
  [re(`(?:(?:No\\.|[Nn]omor)\\s*)?${START}(\\d{1,4})/((?:19|20)\\d{2})${END}`), (_match, n, year) => `nomor ${numberWords(Number(n))} tahun ${numberWords(Number(year))}`],
  [re(`${START}([Kk]e)-(\\d+)${END}`), (_match, ke, n) => `${ke} ${numberWords(Number(n))}`],
  [re(`${START}(${FIGURE})\\s?%`), (_match, figure) => `${figureWords(figure!)} persen`],
  [re(`${START}(${FIGURE})\\s?[–—-]\\s?(${FIGURE})${END}`), (_match, a, b) => `${figureWords(a!)} sampai ${figureWords(b!)}`],
  // "Rp" and "%" on their own, as in a table's heading "Anggaran (Rp)".
  [re(`${START}Rp\\.?${END}`), () => 'rupiah'],
  [re(`\\s?%`), () => ' persen'],
  [re(`${START}(RT|RW)\\.?\\s*0*(\\d+)${END}`), (_match, unit, n) => `${unit} ${numberWords(Number(n))}`],
  ...abbreviationRules,
  [re(`${START}((?:\\p{Lu}\\p{Ll}{0,3}\\.){2,})`), (match) => match.split('.').filter(Boolean).map((part) => (part.length === 1 ? spell(part) : part.toLowerCase())).join(' ')],
  ...ACRONYM_WORDS.map(({ written, spoken }): Rule => [re(`${START}${written}${END}`), () => spoken]),
  [re(`${START}(\\p{Lu}{2,5})${END}`), (_match, letters) => spell(letters!)],
  [re(`${START}(\\p{Lu}{6,})${END}`), (match) => match.toLowerCase()],
  [re(`(\\p{L})-(?=\\d)`), (_match, letter) => `${letter} `],
  // "1.893" is a figure; "3.2" (a section, a version) is "tiga titik dua".
  [re(`${START}\\d+(?:\\.\\d+)*(?:,\\d+)?${END}`), (figure) => (re(`^(?:${FIGURE})$`, 'u').test(figure) ? figureWords(figure) : figure.split('.').map(figureWords).join(' titik '))],
  [re(`\\d+`), (digits) => figureWords(digits)],
  [re(`\\s*/\\s*`), () => ' '],
];

/** One paragraph as it should be spoken. */
export function normalizeSpeech(text: string): string {
  let spoken = text;
  for (const [pattern, replace] of RULES) spoken = spoken.replace(pattern, replace as (match: string, ...rest: unknown[]) => string);
  return spoken.replace(/[ \t]+/g, ' ').trim();
}
