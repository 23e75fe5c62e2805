import { z } from 'zod';
import { PLATFORMS } from './platforms.ts';

/**
 * The `sosial` key of an item's frontmatter: `false` opts the item out of social media; an
 * object chooses platforms, adds hashtags, or replaces the generated text for a platform (the
 * page's URL and the hashtags are still added after it).
 *
 * @example
 * sosial:
 *   platform: [instagram, facebook]
 *   tagar: [MusrenbangJenawi]
 *   teks:
 *     instagram: "Warga Jenawi menyepakati 12 usulan pembangunan untuk 2026."
 */
export const SocialSettingsSchema = z.strictObject({
  /** Platforms to post on (default: those enabled in `publikasi.platform`). */
  platform: z.array(z.enum(PLATFORMS)).min(1).optional(),
  /** Extra hashtags, with or without "#". */
  tagar: z.array(z.string().min(1)).default([]),
  /** Text per platform that replaces the generated headline, lead and details. */
  teks: z.partialRecord(z.enum(PLATFORMS), z.string().min(1)).default({}),
});
export type SocialSettings = z.output<typeof SocialSettingsSchema>;

export const SocialFrontmatterSchema = z.union([z.literal(false), SocialSettingsSchema]);
