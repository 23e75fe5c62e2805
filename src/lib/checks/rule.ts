import type { Severity } from './finding.ts';
import type { Problem } from '../errors/problem.ts';
import type { CheckDocument } from './document.ts';

/**
 * A rule as data: what `tayang periksa` reports, how strict it is by default, and what the
 * author reads about it (the SARIF help text and docs/aturan-periksa.md say the same).
 */
export interface RuleInfo {
  /** Namespaced id, e.g. `privacy/nik`; offices use it in `periksa.aturan`. */
  id: string;
  severity: Severity;
  /** Indonesian, one line. */
  title: string;
  /** Indonesian: why the rule exists (the law / WCAG criterion) and how to fix a finding. */
  help: string;
}

/** A finding before the office's settings decide its severity; the file is the document's. */
export interface RuleFinding {
  rule: string;
  line: number;
  column: number;
  message: string;
  suggestion?: string;
}

/** What rules may know about the world: files beside the item, the office's own contacts. */
export interface CheckEnv {
  /** Reads a repository-relative file; `undefined` when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Problems with the files a content item names (missing, outside its folder), from disk. */
  readItemFileProblems(file: string): Promise<Problem[]>;
  /** The office's published phone numbers (kantor.kontak, umpan_balik): not personal data. */
  officePhones: readonly string[];
  /** The office's published e-mail addresses. */
  officeEmails: readonly string[];
}

/** A family of related rules checked in one pass over a document. */
export interface RuleFamily {
  rules: readonly RuleInfo[];
  check(doc: CheckDocument, env: CheckEnv): RuleFinding[] | Promise<RuleFinding[]>;
}
