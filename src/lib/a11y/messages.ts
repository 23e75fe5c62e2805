import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** One issue pa11y reported on a built page, from either runner. */
export interface PageIssue {
  runner: 'axe' | 'htmlcs';
  /** axe rule id (`color-contrast`) or HTML_CodeSniffer code (`WCAG2AA.Principle1….G18.Fail`). */
  code: string;
  type: 'error' | 'warning' | 'notice';
  /** The runner's own English message. */
  message: string;
  /** Shortened outer HTML of the element. */
  context: string;
  selector: string;
  /** WCAG success criteria of the rule, e.g. `["1.4.3"]` (from axe's tags or htmlcs's code). */
  wcag: string[];
}

const RuleMessageSchema = z.object({
  topik: z.string(),
  judul: z.string(),
  wcag: z.array(z.string()).min(1),
  axe: z.array(z.string()).default([]),
  htmlcs: z.array(z.string()).default([]),
  pola: z.string().optional(),
  pesan: z.string(),
  pesan_umum: z.string().optional(),
  saran: z.string(),
});
export type RuleMessage = z.infer<typeof RuleMessageSchema>;

/** The Indonesian messages for common rules, kept as data (`rule-messages.yml`, sources there). */
export function loadRuleMessages(): RuleMessage[] {
  const text = readFileSync(new URL('./rule-messages.yml', import.meta.url), 'utf8');
  return z.array(RuleMessageSchema).parse(parse(text));
}

/** `WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail` → `1_4_3.G18.Fail`. */
export function shortHtmlcsCode(code: string): string {
  return code.replace(/^WCAG2A{1,3}\.Principle\d\.Guideline\d_\d+\./, '');
}

/** WCAG success criteria named in an htmlcs code: `…1_4_3.G18.Fail` → `["1.4.3"]`. */
export function wcagOfHtmlcsCode(code: string): string[] {
  const match = /^(\d)_(\d+)_(\d+)/.exec(shortHtmlcsCode(code));
  return match ? [`${match[1]}.${match[2]}.${match[3]}`] : [];
}

/** WCAG success criteria among axe's rule tags: `wcag143` → `1.4.3`, `wcag2411` → `2.4.11`. */
export function wcagOfAxeTags(tags: readonly string[]): string[] {
  return tags.flatMap((tag) => {
    const match = /^wcag(\d)(\d)(\d+)$/.exec(tag);
    return match ? [`${match[1]}.${match[2]}.${match[3]}`] : [];
  });
}

export function ruleIdOf(issue: Pick<PageIssue, 'runner' | 'code'>): string {
  return `a11y/${issue.runner}/${issue.runner === 'htmlcs' ? shortHtmlcsCode(issue.code) : issue.code}`;
}

/** The entry that speaks for an issue: axe by id, htmlcs by the longest matching code prefix. */
export function findRuleMessage(issue: Pick<PageIssue, 'runner' | 'code'>, messages: readonly RuleMessage[]): RuleMessage | undefined {
  if (issue.runner === 'axe') return messages.find((entry) => entry.axe.includes(issue.code));
  const code = shortHtmlcsCode(issue.code);
  let best: { entry: RuleMessage; length: number } | undefined;
  for (const entry of messages) {
    for (const prefix of entry.htmlcs) {
      if (code.startsWith(prefix) && prefix.length > (best?.length ?? 0)) best = { entry, length: prefix.length };
    }
  }
  return best?.entry;
}

export interface IssueText {
  /** Groups the same problem found by both runners (`kontras`), or the rule id when unknown. */
  topic: string;
  message: string;
  suggestion?: string;
  /** True when the runner's message gave specifics (e.g. the measured contrast ratio). */
  detailed: boolean;
}

/** What the issue means for a reader and how to fix it, in Indonesian. */
export function describePageIssue(issue: PageIssue, messages: readonly RuleMessage[]): IssueText {
  const entry = findRuleMessage(issue, messages);
  if (!entry) {
    const criteria = issue.wcag.length ? `WCAG ${issue.wcag.join(', ')}` : 'WCAG 2';
    return {
      topic: ruleIdOf(issue),
      message: `Masalah aksesibilitas (${criteria}) yang dilaporkan ${issue.runner}: "${issue.message}".`,
      suggestion: 'Baca penjelasan aturan pada tautan di pesan runner, lalu perbaiki elemen yang disebut.',
      detailed: false,
    };
  }
  const groups = entry.pola ? new RegExp(entry.pola).exec(issue.message)?.groups : undefined;
  const template = entry.pola && !groups ? (entry.pesan_umum ?? entry.pesan) : entry.pesan;
  const body = template.replace(/\{(\w+)\}/g, (whole, name: string) => groups?.[name] ?? whole);
  return {
    topic: entry.topik,
    message: `${entry.judul} (WCAG ${entry.wcag.join(', ')}): ${body}`,
    suggestion: entry.saran,
    detailed: groups !== undefined,
  };
}
