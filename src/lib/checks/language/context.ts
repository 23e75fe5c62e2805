import type { Dictionary } from './dictionary.ts';
import type { AnalysedBlock, Token } from './text.ts';

/** A finding inside one block, by character offsets; index.ts turns offsets into lines. */
export interface Hit {
  rule: string;
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

export interface RuleContext {
  block: AnalysedBlock;
  dictionary: Dictionary;
  /** Office words (periksa.kata_tambahan), lower-cased. */
  officeWords: ReadonlySet<string>;
  /** Office non-standard → standard pairs (periksa.kata_baku_tambahan), keys lower-cased. */
  officeStandardWords: ReadonlyMap<string, string>;
  /** Whether an earlier, more specific rule already reported something here. */
  taken(start: number, end: number): boolean;
  /**
   * The document is (or quotes) a regulation: its articles and "sebagaimana dimaksud". Legal
   * drafting capitalises the terms it defines (Bupati, Desa, Perangkat Daerah) wherever they stand
   * (UU 12/2011, Lampiran II), so ordinary words and positions are not judged by their capitals.
   */
  legalText: boolean;
  /** Dictionary words the document uses as names elsewhere (learnDocumentNames), lower-cased. */
  documentNames: ReadonlySet<string>;
}

/** Tokens i..i+n-1 written as one phrase (only spaces between them) with these lower-case words. */
export function matchPhrase(ctx: RuleContext, i: number, words: readonly string[]): boolean {
  const { tokens, block } = ctx.block;
  for (let k = 0; k < words.length; k += 1) {
    const token = tokens[i + k];
    if (!token || token.lower !== words[k]) return false;
    if (k > 0 && !/^\s+$/.test(block.text.slice(tokens[i + k - 1]!.end, token.start))) return false;
  }
  return true;
}

/** Words that are not prose to check: inside a URL/e-mail/file name, or italic (marked as foreign). */
export function isPlainWord(token: Token): boolean {
  return !token.inAddress && !token.italic;
}
