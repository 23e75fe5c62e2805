import type { RuleInfo } from './rule.ts';

/**
 * The rules an office most likely meant by an unknown id: the ids fewest typing slips away
 * (privacy/nikk → privacy/nik), else rules whose Indonesian title shares the most words with the
 * name written (language/ejaan → "Ejaan: …", language/kata-baku → "Kata tidak baku"), else every
 * rule of the same group. Offices think in Indonesian while the ids are English (DESIGN.md §4).
 */
export function findSimilarRules(id: string, rules: readonly RuleInfo[]): RuleInfo[] {
  const wanted = id.toLowerCase();
  const byDistance = rules
    .map((rule) => ({ rule, distance: editDistance(wanted, rule.id) }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(wanted.length / 5)));
  const nearest = Math.min(...byDistance.map(({ distance }) => distance));
  if (byDistance.length > 0) return byDistance.filter(({ distance }) => distance === nearest).map(({ rule }) => rule);
  const [group, name = ''] = wanted.split('/', 2);
  const sameGroup = rules.filter((rule) => rule.id.startsWith(`${group}/`));
  const parts = name.split(/[-_/]/u).filter((part) => part.length >= 3);
  const scored = sameGroup.map((rule) => ({ rule, score: parts.filter((part) => titleWords(rule).some((word) => word.startsWith(part))).length }));
  const best = Math.max(0, ...scored.map(({ score }) => score));
  return best > 0 ? scored.filter(({ score }) => score === best).map(({ rule }) => rule) : sameGroup;
}

function titleWords(rule: RuleInfo): string[] {
  return rule.title.toLowerCase().split(/[^\p{L}\p{N}]+/u);
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}
