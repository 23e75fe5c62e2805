/**
 * The checks on single items of a size no office writes but anyone can send in a pull request:
 * a 300 KB word, a megabyte of one repeated word, thousands of character references. Each of
 * these once took minutes (a pattern or a rule went over the text once per letter or per
 * finding); the checks must stay linear. In one process with the checkout's own code (not a
 * commit's), per input: parsing, the language checks and the other rules, the median of 3 runs.
 */
import { loadDictionary } from '../src/lib/checks/language/dictionary.ts';
import * as language from '../src/lib/checks/language/index.ts';
import { parseCheckDocument } from '../src/lib/checks/document.ts';
import { makeFileEnv } from '../src/lib/checks/env.ts';
import { checkDocument, listRules, resolveSettings } from '../src/lib/checks/run.ts';
import { median } from './measure.ts';

export interface InputTimes {
  input: string;
  kb: number;
  findings: number;
  /** Medians over RUNS runs, in milliseconds. */
  parseMs: number;
  languageMs: number;
  otherRulesMs: number;
}

const RUNS = 3;
const FRONTMATTER = '---\njudul: Uji masukan besar\n---\n\n';

const INPUTS: readonly { input: string; text: string }[] = [
  { input: 'one 300 KB word without "@" (privacy/email)', text: `${FRONTMATTER}${'a'.repeat(300_000)}\n` },
  { input: '1 MB of "a a a …" (language rules)', text: `${FRONTMATTER}${'a '.repeat(500_000)}\n` },
  { input: '16 000 character references `&#x202E;` (security/bidi-control)', text: `${FRONTMATTER}${'Rekening &#x202E;1 '.repeat(16_000)}\n` },
  { input: '40 000 escapes `\\u200B` in a title (security/invisible-char)', text: `---\njudul: "${'a\\u200B'.repeat(40_000)}"\n---\n\nIsi.\n` },
];

export async function benchBigInputs(): Promise<InputTimes[]> {
  loadDictionary();
  const settings = resolveSettings(undefined, listRules(language));
  if (!settings.ok) throw new Error('default periksa settings are not valid');
  const env = makeFileEnv();
  const rows: InputTimes[] = [];
  for (const { input, text } of INPUTS) {
    const parse: number[] = [];
    const languageMs: number[] = [];
    const other: number[] = [];
    let findings = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const doc = parseCheckDocument('content/artikel/uji/index.md', text);
      const t1 = performance.now();
      const frontmatter = doc.frontmatterLocated && { located: doc.frontmatterLocated, fileText: doc.text };
      const languageFindings = language.checkLanguage(doc.tree, { file: doc.file, lineOffset: 0, frontmatter }, settings.value.language);
      const t2 = performance.now();
      const { findings: otherFindings } = await checkDocument(doc, env, settings.value);
      other.push(performance.now() - t2);
      languageMs.push(t2 - t1);
      parse.push(t1 - t0);
      findings = languageFindings.length + otherFindings.length;
    }
    rows.push({ input, kb: Math.round(text.length / 1000), findings, parseMs: Math.round(median(parse)), languageMs: Math.round(median(languageMs)), otherRulesMs: Math.round(median(other)) });
  }
  return rows;
}
