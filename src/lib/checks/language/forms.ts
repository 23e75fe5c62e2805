import { readLanguageData } from './data.ts';
import type { Hit, RuleContext } from './context.ts';
import { isPlainWord, matchPhrase } from './context.ts';
import { hasCapitalInside, isCapitalised, joinedBySpace, matchCase, type Token } from './text.ts';

/** Places, directions and times: after di/ke always a preposition (data/di-ke.yml). */
export const PLACES: ReadonlySet<string> = new Set(readLanguageData<{ tempat: string[] }>('di-ke.yml').tempat);
const PROPER = readLanguageData<{ nama_diri: Record<string, string> }>('huruf-kapital.yml').nama_diri;
/** Function words (data/kata-tugas.yml). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(readLanguageData<string[]>('kata-tugas.yml'));

function withoutClitic(word: string): string {
  return word.replace(/(nya|lah|pun)$/u, '');
}

function isPlace(word: string): boolean {
  return PLACES.has(word) || PLACES.has(withoutClitic(word));
}

/** "parkiran", "bendungan": root + -an is a noun; Hunspell's affix rules still build "diparkiran". */
function isNounWithAn(ctx: RuleContext, word: string): boolean {
  return /[^k]an$/u.test(word) && word.length >= 6 && ctx.dictionary.has(word.slice(0, -2));
}

/** "realisasikan", "sosialisasikan": a root the checker knows plus -kan is a verb, even if Hunspell lacks di-…-kan. */
function isKanVerb(ctx: RuleContext, word: string): boolean {
  return word.endsWith('kan') && word.length >= 7 && ctx.dictionary.accepts(word.slice(0, -3));
}

/** A word written in lower case (or capitalised only because it starts the sentence). */
function isLowerWord(token: Token): boolean {
  return isPlainWord(token) && !hasCapitalInside(token.text) && (token.text === token.lower || token.sentenceStart);
}

/**
 * EYD V: di-/ke- as prefix joined, as preposition apart. Apart → joined only when the dictionary
 * knows "di"+word as a word (a passive verb) and the word is not a place; joined → apart only
 * when the dictionary does not know the glued form and the rest is a place/time word.
 */
export function checkDiKe(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!isLowerWord(token)) continue;
    const next = tokens[i + 1];
    if (token.lower === 'di' && next && joinedBySpace(block.text, token, next) && next.text === next.lower && isPlainWord(next) && !next.text.includes('-')) {
      const joined = `di${next.lower}`;
      const verb = (ctx.dictionary.has(joined) && !isNounWithAn(ctx, next.lower)) || isKanVerb(ctx, next.lower);
      if (verb && !isPlace(next.lower) && !FUNCTION_WORDS.has(next.lower)) {
        hits.push({
          rule: 'language/di-ke',
          start: token.start,
          end: next.end,
          message: `"${token.text} ${next.text}" ditulis serangkai: di- pembentuk kata kerja pasif adalah awalan, bukan kata depan (EYD V, Kata Depan).`,
          suggestion: matchCase(token.text, joined),
        });
        i += 1;
      }
      continue;
    }
    const prefix = token.lower.slice(0, 2);
    if ((prefix !== 'di' && prefix !== 'ke') || token.lower.length < 5 || token.text.includes('-')) continue;
    if (ctx.dictionary.has(token.text) || ctx.dictionary.has(token.lower) || ctx.officeWords.has(token.lower)) continue;
    const rest = token.lower.slice(2);
    if (!isPlace(rest)) continue;
    const restWritten = PROPER[rest] ?? rest;
    hits.push({
      rule: 'language/di-ke',
      start: token.start,
      end: token.end,
      message: `"${token.text}" ditulis terpisah: "${prefix}" yang menunjuk tempat, arah atau waktu adalah kata depan, bukan awalan (EYD V, Kata Depan).`,
      suggestion: `${matchCase(token.text, prefix)} ${restWritten}`,
    });
  }
  return hits;
}

interface CompoundData {
  pisah: Record<string, string>;
  gabung: Record<string, string>;
  ulang: Record<string, string>;
}
const COMPOUNDS = readLanguageData<CompoundData>('gabungan-kata.yml');
const PHRASES = [
  ...Object.entries(COMPOUNDS.gabung).map(([phrase, joined]) => ({ words: phrase.split(' '), replacement: joined, rule: 'language/compound', why: 'gabungan ini sudah padu atau berimbuhan awal dan akhir, jadi ditulis serangkai (EYD V, Gabungan Kata)' })),
  ...Object.entries(COMPOUNDS.ulang).map(([phrase, joined]) => ({ words: phrase.split(' '), replacement: joined, rule: 'language/reduplication', why: 'bentuk ulang ditulis dengan tanda hubung (EYD V, Bentuk Ulang)' })),
].sort((a, b) => b.words.length - a.words.length);

interface BoundForm {
  kecuali?: string[];
  hanya?: string[];
  nama?: boolean;
}
const BOUND = new Map(Object.entries(readLanguageData<{ bentuk: Record<string, BoundForm> }>('imbuhan-terikat.yml').bentuk));

export function checkCompounds(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!isPlainWord(token) || hasCapitalInside(token.text)) continue;
    const apart = COMPOUNDS.pisah[token.lower];
    if (apart) {
      hits.push({
        rule: 'language/compound',
        start: token.start,
        end: token.end,
        message: `"${token.text}" ditulis terpisah: "${matchCase(token.text, apart, !token.sentenceStart)}" (EYD V, Gabungan Kata dan Partikel).`,
        suggestion: matchCase(token.text, apart, !token.sentenceStart),
      });
      continue;
    }
    const phrase = PHRASES.find((entry) => matchPhrase(ctx, i, entry.words));
    if (phrase) {
      const last = tokens[i + phrase.words.length - 1]!;
      const written = block.text.slice(token.start, last.end).replace(/\s+/g, ' ');
      hits.push({ rule: phrase.rule, start: token.start, end: last.end, message: `"${written}": ${phrase.why}.`, suggestion: matchCase(token.text, phrase.replacement) });
      i += phrase.words.length - 1;
      continue;
    }
    const next = tokens[i + 1];
    // "se Kabupaten Gunungkidul" → "se-Kabupaten": se- before a capital takes a hyphen (EYD V, Tanda Hubung).
    if (token.text === 'se' && next && joinedBySpace(block.text, token, next) && isCapitalised(next.text) && isPlainWord(next)) {
      hits.push({ rule: 'language/compound', start: token.start, end: next.end, message: `"se ${next.text}": awalan se- ditulis dengan tanda hubung sebelum huruf kapital (EYD V, Tanda Hubung).`, suggestion: `se-${next.text}` });
      i += 1;
      continue;
    }
    const bound = BOUND.get(token.lower);
    if (!bound || !next || !joinedBySpace(block.text, token, next) || !isPlainWord(next) || /\p{N}/u.test(next.text) || next.text.length < 3) continue;
    if (bound.hanya && !bound.hanya.includes(next.lower)) continue;
    if (bound.kecuali?.includes(next.lower)) continue;
    const nextIsName = isCapitalised(next.text);
    if (bound.nama && isCapitalised(token.text) && nextIsName) continue;
    // "non ASN" → "non-ASN", "pasca Pemilu" → "pasca-Pemilu"; "Sub Bagian" (title case) → "Subbagian".
    const acronym = next.text.length > 1 && next.text === next.text.toUpperCase();
    const suggestion = acronym || (nextIsName && !isCapitalised(token.text)) ? `${token.text}-${next.text}` : `${token.text}${next.lower}`;
    hits.push({
      rule: 'language/compound',
      start: token.start,
      end: next.end,
      message: `"${token.lower}" bentuk terikat, ditulis serangkai dengan kata sesudahnya${suggestion.includes('-') ? ' (dengan tanda hubung sebelum huruf kapital atau singkatan)' : ''} (EYD V, Bentuk Terikat).`,
      suggestion,
    });
    i += 1;
  }
  return hits;
}

/**
 * "masing masing" → "masing-masing"; "segan – segan" → "segan-segan"; "yang yang" → typo;
 * "Kader-Kader" inside a sentence → "kader-kader".
 */
export function checkRepetition(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  for (const [index, token] of tokens.entries()) {
    const capitalised = secondHalfCapitalised(ctx, token, index);
    if (capitalised) hits.push(capitalised);
  }
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const first = tokens[i]!;
    const second = tokens[i + 1]!;
    // A dash with spaces around it joins the halves of a reduplication the way only a hyphen may.
    const dashed = /^[ \t]*[-–—][ \t]*$/u.test(block.text.slice(first.end, second.start)) && /\s/u.test(block.text.slice(first.end, second.start));
    // "Iring - iringan": the second half may carry the suffix of the whole (iring-iringan, gerak-geriknya).
    const sameRoot = first.lower === second.lower || (second.lower.startsWith(first.lower) && ['an', 'kan', 'i', 'nya', 'annya'].includes(second.lower.slice(first.lower.length)));
    if (dashed && isPlainWord(first) && isPlainWord(second) && sameRoot && !/\p{N}/u.test(first.text) && ctx.dictionary.accepts(first.lower)) {
      const written = block.text.slice(first.start, second.end);
      hits.push({ rule: 'language/reduplication', start: first.start, end: second.end, message: `"${written}": kedua unsur kata ulang dirangkai dengan tanda hubung tanpa spasi (EYD V, Bentuk Ulang; Tanda Hubung).`, suggestion: `${first.text}-${second.text}` });
      i += 1;
      continue;
    }
    if (!isPlainWord(first) || !isPlainWord(second) || !joinedBySpace(block.text, first, second)) continue;
    if (/\p{N}/u.test(first.text) || first.lower !== second.lower || hasCapitalInside(first.text)) continue;
    if (FUNCTION_WORDS.has(first.lower)) {
      hits.push({ rule: 'language/repeated-word', start: first.start, end: second.end, message: `"${first.lower}" tertulis dua kali berturut-turut.`, suggestion: first.text });
    } else if (isCapitalised(first.text) === isCapitalised(second.text) ? !isCapitalised(second.text) || ctx.dictionary.has(`${first.lower}-${second.lower}`) : first.sentenceStart) {
      // Capitalised pairs are checked against the dictionary so two names in a row are left alone;
      // "Olahraga olahraga" in the middle of a sentence is a slip, not a reduplication.
      const written = `${first.text}-${second.text}`;
      hits.push({ rule: 'language/reduplication', start: first.start, end: second.end, message: `"${first.text} ${second.text}" kata ulang, ditulis dengan tanda hubung (EYD V, Bentuk Ulang).`, suggestion: written });
    }
    i += 1;
  }
  return hits;
}

/**
 * "para Kader-Kader", "Kader-Kader posyandu": EYD V capitalises the second half of a reduplication
 * only inside a name or title (Undang-Undang Dasar). A reduplicated ordinary word whose neighbours
 * are not capitalised is not a name.
 */
function secondHalfCapitalised(ctx: RuleContext, token: Token, index: number): Hit | undefined {
  const { tokens } = ctx.block;
  const halves = /^(\p{Lu}\p{Ll}+)-(\p{Lu}\p{Ll}+)$/u.exec(token.text);
  if (!halves || halves[1]!.toLowerCase() !== halves[2]!.toLowerCase() || !isPlainWord(token) || ctx.block.block.kind === 'heading') return undefined;
  const base = halves[1]!.toLowerCase();
  if (!ctx.dictionary.accepts(base) || ctx.officeWords.has(base) || PROPER[base] !== undefined) return undefined;
  const { text } = ctx.block.block;
  // A neighbour capitalised for its own sake (not as a sentence's first word) makes it a name;
  // a regulation names itself so ("Peraturan Daerah ini", "Undang-Undang ini").
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (previous && joinedBySpace(text, previous, token) && isCapitalised(previous.text) && !previous.sentenceStart) return undefined;
  if (next && joinedBySpace(text, token, next) && (isCapitalised(next.text) || next.lower === 'ini')) return undefined;
  const proper = token.sentenceStart ? `${halves[1]}-${base}` : `${base}-${base}`;
  return { rule: 'language/capitalization', start: token.start, end: token.end, message: `"${token.text}": unsur kedua kata ulang berhuruf kecil kecuali dalam nama diri atau judul (EYD V, Huruf Kapital).`, suggestion: proper };
}
