import { z } from 'zod';

/**
 * The `periksa:` section of tayang.config.yml: how strict `tayang periksa` is for this office.
 *
 * Rule ids are English and namespaced (DESIGN.md §4); the full list with each rule's Indonesian
 * title is in docs/aturan-periksa.md.
 *
 * @example
 * periksa:
 *   aturan:
 *     language/spelling: warning   # error | warning | off
 *     language/foreign-word: error
 *     news/5w1h: off
 *   kata_tambahan: [Jenawi, Sekcam, Musrenbangdes]
 *   kata_baku_tambahan: { ijin: izin }
 */
const RULE_ID = /^(language|a11y|privacy|schema|security|news)\/[a-z0-9][a-z0-9/_-]*$/;

const RULE_ID_FORMAT =
  'nama aturan ditulis <kelompok>/<nama> dalam bahasa Inggris, misalnya language/spelling atau privacy/nik. Kelompoknya: language (bahasa), a11y (aksesibilitas), privacy (data pribadi), schema (skema), security (keamanan), news (berita). Daftar lengkap: docs/aturan-periksa.md.';

export const RuleSettingSchema = z.enum(['error', 'warning', 'off']);

/** `periksa.batas_piksel_gambar` when the office writes none: twice a 24-megapixel camera's frame. */
export const DEFAULT_PICTURE_PIXEL_LIMIT = 40_000_000;
/** sharp's own limit (16383 × 16383; Astro sets none): sharp refuses to decode anything larger. */
export const SHARP_PIXEL_LIMIT = 0x3fff * 0x3fff;

export const ChecksConfigSchema = z.strictObject({
  /**
   * Severity per rule id, or `off` to switch a rule off. Unknown ids are reported by
   * `tayang periksa` with the rules most likely meant (the list lives with the rules, not here).
   * @example { language/spelling: warning, news/5w1h: off }
   */
  aturan: z
    .record(z.string(), RuleSettingSchema)
    .superRefine((settings, ctx) => {
      // Checked here rather than as the record's key schema: zod reports a bad key as a bare
      // "invalid key", without this message.
      for (const id of Object.keys(settings)) {
        if (!RULE_ID.test(id)) ctx.addIssue({ code: 'custom', path: [id], message: `"${id}" tidak dikenal: ${RULE_ID_FORMAT}` });
      }
    })
    .default({}),
  /** Words the spelling check accepts: names of places and people, units, acronyms. */
  kata_tambahan: z.array(z.string().min(1)).default([]),
  /** Extra non-standard → standard word pairs. @example { ijin: izin } */
  kata_baku_tambahan: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * Largest picture an item may show, in pixels (width × height, times the frames of an
   * animation); larger ones are refused by `tayang periksa` and the build. Decoding takes memory
   * by pixels, not by file size: a 20000 × 20000 PNG of a few dozen kilobytes needs 1.2 GB.
   * At most sharp's own limit, 268402689.
   * @example 40000000
   */
  batas_piksel_gambar: z
    .number()
    .int()
    .positive()
    .max(SHARP_PIXEL_LIMIT, { error: `paling besar ${SHARP_PIXEL_LIMIT} (16383 × 16383 piksel): gambar yang lebih besar tidak dapat diolah pustaka gambar situs (sharp).` })
    .default(DEFAULT_PICTURE_PIXEL_LIMIT),
});

export type ChecksConfig = z.output<typeof ChecksConfigSchema>;
export type RuleSetting = z.output<typeof RuleSettingSchema>;
