import { ItemChecksSchema } from '../content/schema.ts';
import { locateField, type CheckDocument } from './document.ts';
import type { Finding } from './finding.ts';
import { asRecord } from './references.ts';
import type { RuleFinding } from './rule.ts';
import { PRIVACY_RULES } from './rules/privacy.ts';
import { findSimilarRules } from './similar-rules.ts';

/**
 * Exceptions an item grants itself in its frontmatter (`periksa.abaikan`), for personal data it
 * must publish. A waived finding is never dropped: `tayang periksa` reports it with its reason
 * (the PR summary shows the approvers what they approve with the item), the build lets it
 * through, and the approval record keeps it.
 */

/** `periksa.abaikan[i]`, once the schema accepts it. */
export interface Waiver {
  rule: string;
  reason: string;
}

/** A finding let through by a waiver, with the reason written in the item. */
export type WaivedFinding = Finding & { reason: string };

const WaiverSchema = ItemChecksSchema.shape.abaikan.element;
const PRIVACY_RULE_IDS = new Set<string>(PRIVACY_RULES.map((rule) => rule.id));

/** Entries of `periksa.abaikan` as written, with their index; the schema reports what is wrong in them. */
function waiverEntries(doc: CheckDocument): { index: number; waiver: Waiver }[] {
  const entries = asRecord(doc.data.periksa)?.abaikan;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: unknown, index) => {
    const parsed = WaiverSchema.safeParse(entry);
    return parsed.success ? [{ index, waiver: { rule: parsed.data.aturan, reason: parsed.data.alasan } }] : [];
  });
}

/** The waivers that apply: well written and naming a privacy rule that exists. */
export function readWaivers(doc: CheckDocument): Waiver[] {
  return waiverEntries(doc)
    .map(({ waiver }) => waiver)
    .filter((waiver) => PRIVACY_RULE_IDS.has(waiver.rule));
}

/** A waiver naming a privacy rule that does not exist would let nothing through, silently: a schema finding. */
export function findUnknownWaivedRules(doc: CheckDocument): RuleFinding[] {
  return waiverEntries(doc)
    .filter(({ waiver }) => !PRIVACY_RULE_IDS.has(waiver.rule))
    .map(({ index, waiver }) => {
      // The schema holds it to privacy/…, so the similar rules are never none.
      const similar = findSimilarRules(waiver.rule, PRIVACY_RULES);
      return {
        rule: 'schema/frontmatter',
        ...locateField(doc, ['periksa', 'abaikan', index, 'aturan']),
        message: `kolom \`periksa.abaikan.${index}.aturan\`: aturan "${waiver.rule}" tidak dikenal, jadi pengecualian ini tidak berlaku.`,
        suggestion: `mungkin maksudnya: ${similar.map((rule) => `${rule.id} (${rule.title})`).join('; ')}. Daftar aturan data pribadi ada di docs/aturan-periksa.md.`,
      };
    });
}

/** Splits findings into those that stand and those a waiver of the item lets through. */
export function applyWaivers<F extends Finding>(findings: readonly F[], waivers: readonly Waiver[]): { kept: F[]; waived: (F & { reason: string })[] } {
  const reasons = new Map(waivers.map((waiver) => [waiver.rule, waiver.reason]));
  const kept: F[] = [];
  const waived: (F & { reason: string })[] = [];
  for (const finding of findings) {
    const reason = reasons.get(finding.rule);
    if (reason === undefined) kept.push(finding);
    else waived.push({ ...finding, reason });
  }
  return { kept, waived };
}
