import { readFileSync } from 'node:fs';
import nspell from 'nspell';
import { readLanguageData } from './data.ts';

/**
 * The Indonesian Hunspell dictionary (vendor/hunspell-id, Debian hunspell-id) plus the curated
 * government words it lacks. Loading it takes about half a second, so it is loaded once per
 * process, on first use.
 */
export interface Dictionary {
  /** The word as Hunspell knows it (affixes included), or in the curated list. No guessing. */
  has(word: string): boolean;
  /** In Tayang's own list of government words (posyandu, Bappeda, Babinsa), not Hunspell's. */
  isGovernmentWord(word: string): boolean;
  /** Also accepts clitics (-nya, -lah, ku-, …) and regular affixes around a known root. */
  accepts(word: string): boolean;
  suggest(word: string): string[];
}

let cached: Dictionary | undefined;

// nspell's suggestions cost grows faster than the square of the word's length (an 800-letter
// token took 11 s, a pasted base64 blob of 3,000 letters minutes). The longest KBBI words
// (ketidakbertanggungjawaban) have 25 letters: anything much longer is not a misspelt word.
const LONGEST_SUGGESTED_WORD = 30;

export function loadDictionary(): Dictionary {
  cached ??= makeDictionary();
  return cached;
}

interface GovernmentWords {
  kata: string[];
}

function makeDictionary(): Dictionary {
  const vendor = new URL('../../../../vendor/hunspell-id/', import.meta.url);
  const speller = nspell({ aff: readFileSync(new URL('id_ID.aff', vendor)), dic: readFileSync(new URL('id_ID.dic', vendor)) });
  const curated = new Set(readLanguageData<GovernmentWords>('kata-pemerintahan.yml').kata.map((word) => word.toLowerCase()));
  const suggestions = new Map<string, string[]>();
  const has = (word: string): boolean => curated.has(word.toLowerCase()) || speller.correct(word);
  const hasRoot = (root: string): boolean => root.length >= 3 && has(root);
  return {
    has,
    isGovernmentWord: (word) => curated.has(word.toLowerCase()),
    accepts(word) {
      if (has(word)) return true;
      if (word.includes('-')) return acceptsHyphenated(word, (part) => this.accepts(part));
      return analyseAffixes(word.toLowerCase()).some(hasRoot);
    },
    suggest(word) {
      if (word.length > LONGEST_SUGGESTED_WORD) return [];
      let found = suggestions.get(word);
      if (found === undefined) {
        // The slips people make come first, nspell's own ranking after them: it offers
        // "melakurkan" for "melakukukan" before the word with the doubled syllable taken out.
        found = [...new Set([...commonSlips(word).filter((candidate) => candidate.split(' ').every(has)), ...speller.suggest(word)])].slice(0, 3);
        suggestions.set(word, found);
      }
      return found;
    },
  };
}

const LETTERS = 'aiueonkgrmtslbdphjycwfvz';

/**
 * Corrections of the slips typists make, most likely first: a syllable or letter typed twice
 * ("melakukukan", "pelaksannaan"), two letters swapped ("kegaitan"), a letter dropped or one too
 * many ("kegitan", "kegiaatan"), one letter wrong, and two words run together
 * ("pembentukandaerah" → "pembentukan daerah").
 */
export function commonSlips(word: string): string[] {
  const lower = word.toLowerCase();
  const doubled: string[] = [];
  for (let size = 3; size >= 1; size -= 1) {
    for (let i = 0; i + 2 * size <= lower.length; i += 1) {
      if (lower.slice(i, i + size) === lower.slice(i + size, i + 2 * size)) doubled.push(lower.slice(0, i) + lower.slice(i + size));
    }
  }
  // One-letter edits, position by position; typists rarely get the first letter wrong, so edits
  // of it come last ("Uruan" is "Urusan", not "Guruan").
  const edits = (from: number, to: number) => {
    const found: string[] = [];
    for (let i = Math.max(from, 0); i + 1 < lower.length && i < to; i += 1) found.push(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2));
    for (let i = from; i < lower.length && i < to; i += 1) found.push(lower.slice(0, i) + lower.slice(i + 1));
    for (let i = from; i <= lower.length && i < to; i += 1) for (const letter of LETTERS) found.push(lower.slice(0, i) + letter + lower.slice(i));
    for (let i = from; i < lower.length && i < to; i += 1) for (const letter of LETTERS) if (letter !== lower[i]) found.push(lower.slice(0, i) + letter + lower.slice(i + 1));
    return found;
  };
  const splits: string[] = [];
  for (let i = 3; i <= lower.length - 3; i += 1) splits.push(`${lower.slice(0, i)} ${lower.slice(i)}`);
  return [...doubled, ...edits(1, Infinity), ...splits, ...edits(0, 1)].filter((candidate) => candidate !== lower);
}

/** "kepala-kepala", "sehari-hari", "se-Kabupaten", "ke-3": every part is a word (or a number). */
function acceptsHyphenated(word: string, accepts: (part: string) => boolean): boolean {
  const parts = word.split('-');
  return parts.every((part, index) => /^\p{N}+$/u.test(part) || (index === 0 && ['se', 'ke', 'di', 'ber', 'ter', 'meng', 'pe', 'per', 'non', 'pra', 'pasca', 'anti', 'pro'].includes(part.toLowerCase())) || accepts(part) || accepts(part.replace(/(nya|an|kan|i)$/u, '')));
}

const PREFIXES: Array<[string, string[]]> = [
  ['memper', ['']], ['diper', ['']], ['keber', ['']], ['keter', ['']], ['kese', ['']], ['ber', ['']], ['be', ['']], ['ter', ['']], ['te', ['']],
  ['per', ['']], ['pe', ['']], ['di', ['']], ['ke', ['']], ['se', ['']],
  // me-/pe- with the nasal that replaces the root's first sound (EYD V, peluluhan).
  ['menge', ['']], ['penge', ['']], ['meng', ['', 'k']], ['peng', ['', 'k']], ['meny', ['s']], ['peny', ['s']],
  ['mem', ['', 'p']], ['pem', ['', 'p']], ['men', ['', 't']], ['pen', ['', 't']], ['me', ['']],
  ['ku', ['']], ['kau', ['']], ['ketidak', ['']],
  // Bound forms written joined (EYD V): antarunit, nonfisik, pascabencana.
  ...['antar', 'non', 'pasca', 'pra', 'sub', 'swa', 'multi', 'anti', 'semi', 'nir', 'tuna', 'purna', 'pramu', 'inter', 'intra', 'supra', 'ultra', 'dwi', 'tri', 'maha'].map((form): [string, string[]] => [form, ['']]),
];
const SUFFIXES = ['kannya', 'annya', 'inya', 'nyalah', 'nyakah', 'nyapun', 'kanlah', 'kan', 'an', 'i', 'nya', 'lah', 'kah', 'pun', 'tah', 'ku', 'mu', ''];

/**
 * Possible roots of a word under Indonesian affixation: at most two prefixes and one suffix
 * (with clitics). Used only to accept words the dictionary lacks (diproses, difasilitasi),
 * never to flag anything.
 */
function analyseAffixes(word: string): string[] {
  const roots = new Set<string>();
  const stripPrefixes = (stem: string, depth: number) => {
    roots.add(stem);
    if (depth === 2) return;
    for (const [prefix, restorations] of PREFIXES) {
      if (!stem.startsWith(prefix) || stem.length - prefix.length < 3) continue;
      const rest = stem.slice(prefix.length);
      for (const first of restorations) {
        if (first !== '' && !/^[aiueo]/u.test(rest)) continue;
        stripPrefixes(first + rest, depth + 1);
      }
    }
  };
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    stripPrefixes(word.slice(0, word.length - suffix.length), 0);
  }
  roots.delete(word);
  return [...roots];
}
