import { parseCheckDocument } from './document.ts';
import type { Finding } from './finding.ts';
import type { CheckEnv, RuleFamily, RuleFinding } from './rule.ts';
import { checkDocument, listRules, resolveSettings } from './run.ts';

/** Test support: an environment whose files live in memory. */
export function memoryEnv(files: Record<string, Uint8Array | string> = {}, office: Partial<Pick<CheckEnv, 'officePhones' | 'officeEmails'>> = {}): CheckEnv {
  return {
    readFile: async (path) => {
      const file = files[path];
      return typeof file === 'string' ? new TextEncoder().encode(file) : file;
    },
    readItemFileProblems: async () => [],
    officePhones: office.officePhones ?? [],
    officeEmails: office.officeEmails ?? [],
  };
}

/** Runs one rule family on a Markdown text, as `file`. */
export async function runFamily(family: RuleFamily, text: string, options: { file?: string; env?: CheckEnv } = {}): Promise<RuleFinding[]> {
  const doc = parseCheckDocument(options.file ?? 'content/artikel/uji/index.md', text);
  return family.check(doc, options.env ?? memoryEnv());
}

/** Runs every non-language rule with default settings. */
export async function runAll(text: string, options: { file?: string; env?: CheckEnv } = {}): Promise<Finding[]> {
  const settings = resolveSettings(undefined, listRules());
  if (!settings.ok) throw new Error('default settings are invalid');
  const doc = parseCheckDocument(options.file ?? 'content/artikel/uji/index.md', text);
  return (await checkDocument(doc, options.env ?? memoryEnv(), settings.value)).findings;
}

/** The rule ids of findings, for compact assertions. */
export function ruleIds(findings: readonly { rule: string }[]): string[] {
  return findings.map((f) => f.rule);
}
