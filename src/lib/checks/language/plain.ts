import type { Root } from 'mdast';
import type { Hit, RuleContext } from './context.ts';
import { extractProse } from './prose.ts';
import { LIMITS } from './rules.ts';
import { analyseBlock, isCapitalised, joinedBySpace, type AnalysedBlock, type Sentence, type Token } from './text.ts';

/**
 * Words of a sentence as a reader takes them in: a run of capitalised words and numbers written
 * with spaces only ("Keputusan Komisi Pemilihan Umum Nomor 1050 Tahun 2024", "Wakil Wali Kota")
 * is one name, however long, so citing a regulation or an office by its full name (as official
 * writing must) does not make a sentence long. Numbers alone are not words.
 */
function countWords(block: AnalysedBlock, sentence: Sentence): number {
  const { tokens } = block;
  let count = 0;
  for (let i = sentence.first; i <= sentence.last; i += 1) {
    const token = tokens[i]!;
    if (!/\p{L}/u.test(token.text)) continue;
    const previous = tokens[i - 1];
    const inName = isNamePart(token) && i > sentence.first && previous !== undefined && isNamePart(previous) && joinedBySpace(block.block.text, previous, token);
    if (!inName) count += 1;
  }
  return count;
}

function isNamePart(token: Token): boolean {
  return isCapitalised(token.text) || /^\p{N}+$/u.test(token.text);
}

export function checkSentenceLength(ctx: RuleContext): Hit[] {
  const { block } = ctx;
  if (block.block.kind !== 'paragraph') return [];
  return block.sentences.flatMap((sentence) => {
    const words = countWords(block, sentence);
    if (words <= LIMITS.sentenceWords) return [];
    const start = block.tokens[sentence.first]!.start;
    return [{ rule: 'language/sentence-length', start, end: block.tokens[sentence.last]!.end, message: `kalimat ini ${words} kata (batas ${LIMITS.sentenceWords}); kalimat panjang sulit diikuti di layar ponsel dan dengan pembaca layar.`, suggestion: 'pecah menjadi dua kalimat atau lebih, atau jadikan daftar' }];
  });
}

export function checkParagraphLength(ctx: RuleContext): Hit[] {
  const { block } = ctx;
  if (!block.block.standalone) return [];
  const words = block.tokens.filter((token) => /\p{L}/u.test(token.text)).length;
  if (words <= LIMITS.paragraphWords) return [];
  return [{ rule: 'language/paragraph-length', start: block.tokens[0]!.start, end: block.tokens[0]!.end, message: `paragraf ini ${words} kata (batas ${LIMITS.paragraphWords}); satu paragraf sebaiknya satu gagasan.`, suggestion: 'pecah menjadi beberapa paragraf' }];
}

/**
 * Readability of a document as a guide, not a grade: no readability formula has been validated
 * for Indonesian, so Tayang reports the two inputs such formulas use (words per sentence,
 * syllables per word) and a band from sentence length alone, the measure plain-language
 * guides agree on (GOV.UK and plainlanguage.gov: about 15–20 words per sentence on average).
 */
export interface Readability {
  words: number;
  sentences: number;
  paragraphs: number;
  averageWordsPerSentence: number;
  averageSyllablesPerWord: number;
  /** Sentences above the sentence-length limit. */
  longSentences: number;
  /** mudah ≤ 15 words per sentence on average, sedang ≤ 25, sulit above. */
  level: 'mudah' | 'sedang' | 'sulit';
}

export function measureReadability(tree: Root): Readability {
  let words = 0;
  let syllables = 0;
  let sentences = 0;
  let paragraphs = 0;
  let longSentences = 0;
  for (const prose of extractProse(tree)) {
    if (prose.kind !== 'paragraph') continue;
    const block = analyseBlock(prose);
    if (block.tokens.length === 0) continue;
    paragraphs += 1;
    for (const sentence of block.sentences) {
      const count = countWords(block, sentence);
      if (count === 0) continue;
      sentences += 1;
      words += count;
      if (count > LIMITS.sentenceWords) longSentences += 1;
      for (let i = sentence.first; i <= sentence.last; i += 1) {
        const token = block.tokens[i]!;
        if (/\p{L}/u.test(token.text)) syllables += countSyllables(token.lower);
      }
    }
  }
  const averageWordsPerSentence = sentences === 0 ? 0 : round(words / sentences);
  return {
    words,
    sentences,
    paragraphs,
    averageWordsPerSentence,
    averageSyllablesPerWord: words === 0 ? 0 : round(syllables / words),
    longSentences,
    level: averageWordsPerSentence <= 15 ? 'mudah' : averageWordsPerSentence <= 25 ? 'sedang' : 'sulit',
  };
}

/** One line for the summary comment, in Indonesian. */
export function describeReadability(readability: Readability): string {
  // Indonesian writes the decimal separator as a comma.
  const decimal = (value: number) => String(value).replace('.', ',');
  return `Keterbacaan (panduan, bukan nilai baku): ${decimal(readability.averageWordsPerSentence)} kata per kalimat, ${decimal(readability.averageSyllablesPerWord)} suku kata per kata, ${readability.longSentences} kalimat lebih dari ${LIMITS.sentenceWords} kata — tergolong ${readability.level}.`;
}

/** Indonesian syllables: one per vowel (ma-in, pe-ra-ih), the diphthongs ai, au, ei, oi at the end of a word counting once (pan-tai, pu-lau). */
function countSyllables(word: string): number {
  const vowels = word.match(/[aiueoé]/gu)?.length ?? 0;
  const diphthong = /(ai|au|ei|oi)$/u.test(word) ? 1 : 0;
  return Math.max(1, vowels - diphthong);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
