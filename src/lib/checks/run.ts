import type { Root } from 'mdast';
import type { ChecksConfig, RuleSetting } from '../config/periksa.ts';
import { decodeMarkdown, describeTooLarge, isStackOverflow, isTooDeep, NOT_TEXT, TOO_DEEP } from '../content/load.ts';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import { parseCheckDocument, type CheckDocument } from './document.ts';
import type { Finding, Severity } from './finding.ts';
import type { FrontmatterSource, LanguageOptions } from './language/index.ts';
import { RULE_FAMILIES } from './registry.ts';
import { findSimilarRules } from './similar-rules.ts';
import type { CheckEnv, RuleInfo } from './rule.ts';
import { applyWaivers, readWaivers, type WaivedFinding } from './waivers.ts';

/**
 * The contract of src/lib/checks/language/index.ts (the language rules), passed in by the caller
 * so that the other rules and their tests do not load the Hunspell dictionary.
 * `any` by default: the readability figure's shape belongs to the language module.
 */
export interface LanguageModule<Readability = any> {
  checkLanguage(tree: Root, ctx: { file: string; lineOffset: number; frontmatter?: FrontmatterSource }, options: LanguageOptions): Finding[];
  measureReadability(tree: Root): Readability;
  /** One Indonesian sentence about the figure, saying which measure it is and that it is a guide. */
  describeReadability(readability: Readability): string;
  LANGUAGE_RULES: readonly RuleInfo[];
}

/** What the office's `periksa:` section decides, resolved against the known rules. */
export interface CheckSettings {
  /** Severity per rule id; a rule switched off is absent. */
  severities: ReadonlyMap<string, Severity>;
  language: LanguageOptions;
}

/** Result of checking documents: the JSON of DESIGN.md §4 plus what summaries show. */
export interface CheckRun {
  files: string[];
  findings: Finding[];
  /** Findings an item's `periksa.abaikan` lets through, with its reason: shown, never counted as errors. */
  waived: WaivedFinding[];
  /** Per file, the language module's readability figure in words (when the language rules ran). */
  readability: { file: string; text: string }[];
}

/** Every rule with its default, the language rules included when their module is loaded. */
export function listRules(language?: LanguageModule): RuleInfo[] {
  return [...RULE_FAMILIES.flatMap((family) => family.rules), ...(language?.LANGUAGE_RULES ?? [])];
}

/**
 * Applies the office's settings to the rules. An unknown rule id is a problem (a typo would
 * otherwise silently leave a rule on), reported against `periksa.aturan.<id>` with the rules
 * the office most likely meant.
 */
export function resolveSettings(config: ChecksConfig | undefined, rules: readonly RuleInfo[], configFile = 'tayang.config.yml', lineOf?: (path: string[]) => number | undefined): Validated<CheckSettings> {
  const known = new Map(rules.map((rule) => [rule.id, rule]));
  const problems: Problem[] = [];
  const settings = new Map<string, RuleSetting>(Object.entries(config?.aturan ?? {}));
  for (const id of settings.keys()) {
    if (!known.has(id)) {
      problems.push({
        file: configFile,
        line: lineOf?.(['periksa', 'aturan', id]),
        field: `periksa.aturan.${id}`,
        message: `aturan "${id}" tidak dikenal.`,
        fix: `${describeSimilarRules(id, rules)} Daftar lengkap nama aturan ada di docs/aturan-periksa.md.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const severities = new Map<string, Severity>();
  for (const rule of rules) {
    const setting = settings.get(rule.id) ?? rule.severity;
    if (setting !== 'off') severities.set(rule.id, setting);
  }
  return {
    ok: true,
    value: {
      severities,
      language: {
        extraWords: config?.kata_tambahan ?? [],
        extraStandardWords: config?.kata_baku_tambahan ?? {},
        disabledRules: [...settings].filter(([, setting]) => setting === 'off').map(([id]) => id),
      },
    },
  };
}

function describeSimilarRules(id: string, rules: readonly RuleInfo[]): string {
  const similar = findSimilarRules(id, rules);
  if (similar.length === 0) return 'nama aturan ditulis <kelompok>/<nama> dalam bahasa Inggris, misalnya language/spelling atau privacy/nik.';
  return `mungkin maksudnya: ${similar.map((rule) => `${rule.id} (${rule.title})`).join('; ')}.`;
}

/** Checks one document with every rule family; the office's severities and switches applied. */
export async function checkDocument(doc: CheckDocument, env: CheckEnv, settings: CheckSettings, language?: LanguageModule): Promise<{ findings: Finding[]; waived: WaivedFinding[]; readability?: string }> {
  const raw: Omit<Finding, 'severity'>[] = [];
  for (const family of RULE_FAMILIES) {
    for (const finding of await family.check(doc, env)) raw.push({ file: doc.file, ...finding });
  }
  // The tree already carries file lines, so the language rules need no offset.
  const frontmatter = doc.frontmatterLocated && { located: doc.frontmatterLocated, fileText: doc.text };
  // A loop, not push(...): a long text can have more findings than a call takes arguments.
  if (language) for (const finding of language.checkLanguage(doc.tree, { file: doc.file, lineOffset: 0, frontmatter }, settings.language)) raw.push(finding);
  const findings: Finding[] = [];
  for (const finding of raw) {
    const severity = settings.severities.get(finding.rule);
    if (severity !== undefined) findings.push({ ...finding, file: doc.file, severity });
  }
  const { kept, waived } = applyWaivers(findings, readWaivers(doc));
  return { findings: sortFindings(kept), waived: sortFindings(waived), readability: language?.describeReadability(language.measureReadability(doc.tree)) };
}

export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
  return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}

/**
 * Checks Markdown files (repository-relative paths read through `env`). A file that cannot be
 * read is a problem (unusable input), not a finding.
 */
export async function checkFiles(files: readonly string[], env: CheckEnv, settings: CheckSettings, language?: LanguageModule): Promise<Validated<CheckRun>> {
  const run: CheckRun = { files: [], findings: [], waived: [], readability: [] };
  const problems: Problem[] = [];
  for (const file of files) {
    const bytes = await env.readFile(file);
    if (bytes === undefined) {
      problems.push({ file, message: 'berkas tidak ada atau tidak bisa dibaca.', fix: 'periksa nama dan path berkasnya (relatif terhadap akar repositori).' });
      continue;
    }
    // Before anything reads it: the rules take minutes over a body of a megabyte.
    const tooLarge = describeTooLarge(bytes.byteLength);
    if (tooLarge) {
      problems.push({ file, ...tooLarge });
      continue;
    }
    const text = decodeMarkdown(bytes);
    if (text === undefined) {
      problems.push({ file, ...NOT_TEXT });
      continue;
    }
    if (isTooDeep(text)) {
      problems.push({ file, ...TOO_DEEP });
      continue;
    }
    let result: Awaited<ReturnType<typeof checkDocument>>;
    try {
      result = await checkDocument(parseCheckDocument(file, text), env, settings, language);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      problems.push({ file, ...TOO_DEEP });
      continue;
    }
    run.files.push(file);
    for (const finding of result.findings) run.findings.push(finding);
    for (const finding of result.waived) run.waived.push(finding);
    if (result.readability !== undefined) run.readability.push({ file, text: result.readability });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...run, findings: sortFindings(run.findings) } };
}
