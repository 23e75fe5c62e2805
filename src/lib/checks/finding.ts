import type { Problem } from '../errors/problem.ts';
import type { RuleFinding } from './rule.ts';

/**
 * A finding of `tayang periksa` / `tayang aksesibilitas`: the JSON shape of DESIGN.md §4.
 * Rule ids are namespaced: language/…, a11y/…, privacy/…, schema/…, security/…, news/….
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  /** Repository-relative path. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  rule: string;
  severity: Severity;
  /** Indonesian: what is wrong and why, citing the rule (EYD V, WCAG SC, UU PDP). */
  message: string;
  /** Indonesian: what to write instead. */
  suggestion?: string;
}

export interface CheckReport {
  files: number;
  findings: Finding[];
}

/** A finding as the site build reports it (src/content.config.ts): a problem naming its rule. */
export function findingToProblem(file: string, finding: RuleFinding, fix = finding.suggestion): Problem {
  return { file, line: finding.line, column: finding.column, message: `${finding.rule}: ${finding.message}`, ...(fix === undefined ? {} : { fix }) };
}
