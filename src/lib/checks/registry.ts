import { a11yRules } from './rules/a11y.ts';
import { newsRules } from './rules/news.ts';
import { privacyRules } from './rules/privacy.ts';
import { schemaRules } from './rules/schema.ts';
import { securityRules } from './rules/security.ts';
import type { RuleFamily } from './rule.ts';

/** Every rule family of `tayang periksa` except language (src/lib/checks/language, loaded by the caller). */
export const RULE_FAMILIES: readonly RuleFamily[] = [schemaRules, a11yRules, privacyRules, securityRules, newsRules];

/** Indonesian names of the rule namespaces, in the order summaries list them. */
export const CATEGORIES: Record<string, string> = {
  schema: 'Skema konten',
  language: 'Bahasa',
  a11y: 'Aksesibilitas',
  privacy: 'Data pribadi',
  security: 'Keamanan',
  news: 'Berita 5W+1H',
};

export function categoryOf(ruleId: string): string {
  return ruleId.split('/')[0]!;
}
