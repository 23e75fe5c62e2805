import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChecksConfig } from '../config/periksa.ts';
import type { Config } from '../config/schema.ts';
import type { Problem } from '../errors/problem.ts';
import { parseCheckDocument, type CheckDocument } from './document.ts';
import { makeFileEnv } from './env.ts';
import { findingToProblem, type Finding } from './finding.ts';
import type { CheckEnv } from './rule.ts';
import { PRIVACY_RULES, privacyRules } from './rules/privacy.ts';
import { applyWaivers, readWaivers, type WaivedFinding } from './waivers.ts';

export interface PersonalData {
  /** Errors no `periksa.abaikan` of the item lets through: they stop the build. */
  blocking: Problem[];
  /** What the item's `periksa.abaikan` lets through, with the reasons written there. */
  waived: WaivedFinding[];
}

const DEFAULT_SEVERITIES = new Map<string, string>(PRIVACY_RULES.map((rule) => [rule.id, rule.severity]));

/**
 * The personal data of one content file as the site build and the approval record see it: the
 * privacy rules of `tayang periksa` (text, photos, a dataset's cells), with the office's
 * severities (`periksa.aturan`) and the item's own waivers. A merged pull request may have slipped
 * past the checks; personal data must still never reach the public.
 */
export async function findPersonalData(doc: CheckDocument, env: CheckEnv, checks?: ChecksConfig): Promise<PersonalData> {
  const file = doc.file;
  const findings: Finding[] = [];
  for (const finding of await privacyRules.check(doc, env)) {
    const severity = checks?.aturan[finding.rule] ?? DEFAULT_SEVERITIES.get(finding.rule);
    if (severity === 'error' || severity === 'warning') findings.push({ file, ...finding, severity });
  }
  const { kept, waived } = applyWaivers(findings, readWaivers(doc));
  const blocking = kept
    .filter((finding) => finding.severity === 'error')
    .map((finding) => findingToProblem(file, finding, `${finding.suggestion ?? ''} Bila data ini memang wajib terbit, pejabat yang menyetujui dapat mengecualikannya di frontmatter item dengan alasannya: \`periksa: { abaikan: [{ aturan: ${finding.rule}, alasan: "…" }] }\` (docs/menulis-konten.md).`.trim()));
  return { blocking, waived };
}

/**
 * The waived findings of item folders as they are in `root` (the merged main branch when
 * `tayang catat` records a pull request), by folder; folders without any are left out.
 */
export async function readWaivedFindings(root: string, folders: readonly string[], config: Config): Promise<Map<string, WaivedFinding[]>> {
  const env = makeFileEnv(config, root);
  const byFolder = new Map<string, WaivedFinding[]>();
  for (const folder of folders) {
    const file = `${folder}/index.md`;
    const text = await readFile(join(root, file), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const { waived } = await findPersonalData(parseCheckDocument(file, text), env, config.periksa);
    if (waived.length > 0) byFolder.set(folder, waived);
  }
  return byFolder;
}
