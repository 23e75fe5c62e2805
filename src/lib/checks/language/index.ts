import type { Root } from 'mdast';
import type { LocatedYaml } from '../../errors/yaml-location.ts';
import type { Finding } from '../finding.ts';
import type { Hit, RuleContext } from './context.ts';
import { loadDictionary } from './dictionary.ts';
import { checkCompounds, checkDiKe, checkRepetition } from './forms.ts';
import { checkParagraphLength, checkSentenceLength } from './plain.ts';
import { extractFrontmatterProse } from './frontmatter.ts';
import { extractProse } from './prose.ts';
import { checkAbbreviations, checkFinalFullStop, checkNumbers, checkOrdinals, checkSpacing } from './punctuation.ts';
import { LANGUAGE_RULES, LIMITS } from './rules.ts';
import { analyseBlock } from './text.ts';
import { checkAcronymCase, checkCapitalization, checkCommonWordCapitals, learnDocumentNames, checkPositionsWithoutName, checkRegulationNames, checkForeignWords, checkInclusiveTerms, checkSpelling, checkStandardWords } from './words.ts';

export { LANGUAGE_RULES, type LanguageRule } from './rules.ts';
export { describeReadability, measureReadability, type Readability } from './plain.ts';

export interface LanguageOptions {
  /** Office's extra accepted words (names of places/people, units, acronyms). */
  extraWords: string[];
  /** Extra non-standard → standard pairs from the office config. */
  extraStandardWords: Record<string, string>;
  /** Rule ids switched off. */
  disabledRules: string[];
}

const SEVERITY = new Map(LANGUAGE_RULES.map((rule) => [rule.id, rule.severity]));

// Most specific first: a word one rule explains ("dirumah": di-/ke-) is not also reported by a
// vaguer one (spelling). Spelling runs last and skips every word already reported.
const WORD_RULES = [checkInclusiveTerms, checkStandardWords, checkCompounds, checkDiKe, checkRepetition, checkForeignWords, checkCapitalization, checkAcronymCase, checkRegulationNames, checkPositionsWithoutName, checkCommonWordCapitals];
const TEXT_RULES = [checkSpacing, checkFinalFullStop, checkNumbers, checkOrdinals, checkAbbreviations, checkSentenceLength, checkParagraphLength];

/** A file's frontmatter with positions, and the whole file it came from. */
export interface FrontmatterSource {
  located: LocatedYaml;
  fileText: string;
}

/**
 * The Indonesian language checks over the prose of a Markdown body (code, inline code, HTML and
 * URLs are left out) and, when given, of the frontmatter's text fields (judul, ringkasan, alt
 * texts, captions, attachment titles, transcripts, social texts). Positions in `tree` are relative
 * to the body; `lineOffset` is added so findings name lines of the file. Frontmatter findings name
 * the line and column of the value.
 */
export function checkLanguage(tree: Root, ctx: { file: string; lineOffset: number; frontmatter?: FrontmatterSource }, options: LanguageOptions): Finding[] {
  const disabled = new Set(options.disabledRules);
  const dictionary = loadDictionary();
  // "Kalurahan Bunder" in the office list accepts both of its words.
  const officeWords = new Set(options.extraWords.flatMap((entry) => entry.toLowerCase().split(/\s+/u)));
  const officeStandardWords = new Map(Object.entries(options.extraStandardWords).map(([word, standard]) => [word.toLowerCase(), standard]));
  const suggestionBudget = { left: LIMITS.suggestedWords };
  const findings: Finding[] = [];
  const fields = ctx.frontmatter ? extractFrontmatterProse(ctx.frontmatter.located, ctx.frontmatter.fileText) : [];
  const body = extractProse(tree);
  const legalText = body.some((prose) => /\bPasal\s+\d/u.test(prose.text)) && body.some((prose) => /\bsebagaimana\s+dimaksud\b/iu.test(prose.text));
  const blocks = [...fields, ...body].map(analyseBlock);
  const documentNames = learnDocumentNames(blocks, dictionary);
  for (const [index, block] of blocks.entries()) {
    const prose = block.block;
    // Frontmatter blocks already carry file lines.
    const lineOffset = index < fields.length ? 0 : ctx.lineOffset;
    const hits: Hit[] = [];
    // The characters the word rules' hits cover, one flag each: asking whether a word is taken
    // costs its length, not the number of hits (a block of 500 000 words can have 250 000).
    // Hits and questions span whole words, so sharing a character is overlapping.
    const covered = new Uint8Array(block.block.text.length);
    const context: RuleContext = {
      block,
      dictionary,
      officeWords,
      officeStandardWords,
      taken: (start, end) => covered.subarray(start, end).includes(1),
      legalText,
      documentNames,
    };
    const collect = (found: Hit[]) => {
      for (const hit of found) {
        if (disabled.has(hit.rule) || context.taken(hit.start, hit.end)) continue;
        hits.push(hit);
        covered.fill(1, hit.start, hit.end);
      }
    };
    for (const rule of WORD_RULES) collect(rule(context));
    if (!disabled.has('language/spelling')) collect(checkSpelling(context, suggestionBudget));
    for (const rule of TEXT_RULES) for (const hit of rule(context)) if (!disabled.has(hit.rule)) hits.push(hit);
    for (const hit of hits) {
      findings.push({
        file: ctx.file,
        line: prose.lines[hit.start]! + lineOffset,
        column: prose.columns[hit.start]!,
        rule: hit.rule,
        severity: SEVERITY.get(hit.rule)!,
        message: hit.message,
        ...(hit.suggestion === undefined ? {} : { suggestion: hit.suggestion }),
      });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
