import { z } from 'zod';

/**
 * The `periksa:` section of tayang.config.yml: how strict `tayang periksa` is for this office.
 *
 * @example
 * periksa:
 *   aturan:
 *     language/ejaan: warning   # error | warning | off
 *     news/5w1h: off
 *   kata_tambahan: [Jenawi, Sekcam, Musrenbangdes]
 *   kata_baku_tambahan: { ijin: izin }
 */
const RULE_ID = /^(language|a11y|privacy|schema|security|news)\/[a-z0-9][a-z0-9/_-]*$/;

export const RuleSettingSchema = z.enum(['error', 'warning', 'off']);

export const ChecksConfigSchema = z.strictObject({
  /**
   * Severity per rule id, or `off` to switch a rule off. Unknown ids are reported by
   * `tayang periksa` with the list of rules (the list lives with the rules, not here).
   */
  aturan: z
    .record(
      z.string().regex(RULE_ID, { error: 'nama aturan ditulis <kelompok>/<nama>, misalnya privacy/nik atau news/5w1h.' }),
      RuleSettingSchema,
    )
    .default({}),
  /** Words the spelling check accepts: names of places and people, units, acronyms. */
  kata_tambahan: z.array(z.string().min(1)).default([]),
  /** Extra non-standard → standard word pairs. @example { ijin: izin } */
  kata_baku_tambahan: z.record(z.string().min(1), z.string().min(1)).default({}),
});

export type ChecksConfig = z.output<typeof ChecksConfigSchema>;
export type RuleSetting = z.output<typeof RuleSettingSchema>;
