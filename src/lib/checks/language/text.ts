import { readLanguageData } from './data.ts';
import { OBJECT, type ProseBlock } from './prose.ts';

export interface Token {
  /** The word as written. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Part of a URL, e-mail, domain or file name written as plain text: not a word to check. */
  inAddress: boolean;
  italic: boolean;
  /** Inside quotation marks: someone's own words, which may be colloquial. */
  quoted: boolean;
  /**
   * First word of its sentence, or any word of a heading (Title Case): a capital letter says
   * nothing about it being a name.
   */
  sentenceStart: boolean;
}

export interface Sentence {
  start: number;
  /** Indices into the block's tokens. */
  first: number;
  last: number;
}

export interface AnalysedBlock {
  block: ProseBlock;
  tokens: Token[];
  sentences: Sentence[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
// A chunk of text with "@", "://", "www." or letters.letters (kab.go.id, S.H., laporan.pdf), but
// not "pulang.Masing" (a missing space, reported by language/spacing).
const ADDRESS = /@|:\/\/|^www\.|[\p{L}\p{N}]\.(?!\p{Lu}\p{Ll})[\p{L}\p{N}]/u;
const ABBREVIATIONS = readLanguageData<{ mendahului: string[]; mengakhiri: string[] }>('singkatan.yml');
const LEADING_ABBREVIATIONS = new Set(ABBREVIATIONS.mendahului);
/** Every abbreviation written with a full stop (dr., dll., a.n.): not a word to spell-check. */
export const ABBREVIATED: ReadonlySet<string> = new Set([...ABBREVIATIONS.mendahului, ...ABBREVIATIONS.mengakhiri]);

/** Splits a block into words and sentences. */
export function analyseBlock(block: ProseBlock): AnalysedBlock {
  const text = block.text;
  const addressRanges: Array<[number, number]> = [];
  for (const chunk of text.matchAll(/[^\s\uFFFC]+/gu)) {
    if (ADDRESS.test(chunk[0])) addressRanges.push([chunk.index, chunk.index + chunk[0].length]);
  }
  const quoted = quotedCharacters(text);
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    tokens.push({
      text: match[0],
      lower: match[0].toLowerCase(),
      start,
      end,
      inAddress: addressRanges.some(([from, to]) => start >= from && end <= to),
      italic: block.italic[start] === true,
      quoted: quoted[start] === true,
      sentenceStart: false,
    });
  }
  const sentences = splitSentences(block, tokens);
  return { block, tokens, sentences };
}

// After a word: closing quotes/brackets, the sentence's end mark, closing quotes/brackets again,
// then a space or the end: "… (22/7/2026). Pelatihan", "… kata Camat." Ia", "… "hoaks". Warga".
const SENTENCE_END = /^["”’)\]]*([.!?])[.!?]*["”’)\]]*(?=\s|$)/u;

function splitSentences(block: ProseBlock, tokens: Token[]): Sentence[] {
  const { text } = block;
  const sentences: Sentence[] = [];
  let start = 0;
  let first = 0;
  const close = (last: number) => {
    if (last >= first) {
      sentences.push({ start, first, last });
      tokens[first]!.sentenceStart = true;
    }
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    // "a. bahwa …;\nb. bahwa …": every point of an enumeration in a regulation starts afresh,
    // though the whole enumeration is one sentence by its punctuation.
    if (next && startsPoint(text, token, next)) {
      close(i);
      start = next.start;
      first = i + 1;
      continue;
    }
    const end = SENTENCE_END.exec(text.slice(token.end, token.end + 8));
    if (!end) continue;
    const fullStop = end[1] === '.';
    if (fullStop && end[0].startsWith('.') && leadsOn(token, tokens[i - 1], text)) continue;
    // "…, kata Camat. Ia menambahkan" ends; "Rp5.000" or "pukul 09.00 WIB" has no space so never gets here.
    const between = next ? text.slice(token.end + end[0].length, next.start) : '';
    if (next && !/^\s+["“'‘(]?$/u.test(between)) continue;
    if (next && fullStop && !/^[\p{Lu}\p{N}]/u.test(next.text)) continue;
    close(i);
    start = next ? next.start - (between.trim().length) : text.length;
    first = i + 1;
  }
  close(tokens.length - 1);
  // Quoted speech, brackets and object markers do not end a sentence, but the word right after
  // an opening quote or bracket may be capitalised for that reason.
  for (const token of tokens) {
    const before = text.slice(Math.max(0, token.start - 2), token.start);
    if (/(^|\s)["“‘(]$/u.test(before) || token.start === 0 || text[token.start - 1] === OBJECT) token.sentenceStart = true;
  }
  if (block.kind === 'heading') for (const token of tokens) token.sentenceStart = true;
  return sentences;
}

/** `next` numbers a point at the start of a line: "a. …", "b) …", "(2) …", "3. …". */
function startsPoint(text: string, previous: Token, next: Token): boolean {
  return /\n[ \t]*\(?$/u.test(text.slice(previous.end, next.start)) && /^(?:\p{L}|\p{N}{1,3})$/u.test(next.text) && /^[.)]\s/u.test(text.slice(next.end, next.end + 2));
}

/**
 * Whether the full stop right after `token` belongs to an abbreviation that leads on to what it
 * abbreviates (No. 5, Kab. Karanganyar, dr. Ratna, a.n. Camat) or to an initial or enumerator
 * (H. Sugiyanto, "a. Fotokopi KTP"), so it never ends the sentence. An abbreviation that closes a
 * phrase (dll., S.Pd.) ends the sentence when a capitalised word follows: EYD V writes one full
 * stop for both. Numbers (1.500, 08.00), acronyms in capitals (RT.) and a letter cited as such
 * ("huruf b.") are not abbreviations.
 */
function leadsOn(token: Token, previous: Token | undefined, text: string): boolean {
  if (/\p{N}/u.test(token.text)) return false;
  const dotted = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, token.end - 40), token.end))![0].replace(/^\.+/u, '').toLowerCase();
  if (dotted.includes('.')) return LEADING_ABBREVIATIONS.has(dotted);
  if (token.text.length === 1) return previous?.lower !== 'huruf';
  // Written in capitals it is an acronym (RT, RW, HP), which takes no full stop of its own (EYD V).
  if (token.text === token.text.toUpperCase()) return false;
  return LEADING_ABBREVIATIONS.has(token.lower);
}

/** Per character: between “ and ”, or between a pair of straight double quotes. */
function quotedCharacters(text: string): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '“' || (char === '"' && !open)) open = true;
    else if (char === '”' || char === '"') open = false;
    inside.push(open);
  }
  return inside;
}

/** Whether a word is written in capitals only (an acronym: PPID, KPU) or mixes cases (APBDes). */
export function hasCapitalInside(word: string): boolean {
  return /\p{Lu}/u.test(word.slice(1));
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Gives `replacement` the case of `original`: capitals stay capitals; a capitalised word inside a
 * sentence is a title, so every word of its replacement is capitalised ("Walikota" → "Wali Kota").
 */
export function matchCase(original: string, replacement: string, title = false): string {
  if (original.length > 1 && original === original.toUpperCase() && /\p{L}/u.test(original)) return replacement.toUpperCase();
  if (!isCapitalised(original)) return replacement;
  const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return title ? replacement.split(' ').map(capitalise).join(' ') : capitalise(replacement);
}

/** The text between two tokens is only spaces (one line, no punctuation): they form a phrase. */
export function joinedBySpace(text: string, left: Token, right: Token): boolean {
  return /^\s+$/.test(text.slice(left.end, right.start));
}
