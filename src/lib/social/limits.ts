import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import twitter from 'twitter-text';

import { PLATFORMS, type Platform } from './platforms.ts';

export { PLATFORMS, type Platform };

const SizeSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]);

export const PlatformLimitSchema = z.strictObject({
  teks: z.number().int().positive(),
  judul: z.number().int().positive().optional(),
  tagar: z.number().int().min(0),
  tautan_bisa_diklik: z.boolean(),
  gambar: z.array(SizeSchema),
});
export type PlatformLimit = z.output<typeof PlatformLimitSchema>;

const LimitsSchema = z.strictObject(
  Object.fromEntries(PLATFORMS.map((p) => [p, PlatformLimitSchema])) as Record<Platform, typeof PlatformLimitSchema>,
);
export type PlatformLimits = Record<Platform, PlatformLimit>;

/** The limits in platform-limits.yml (data with sources, since platforms change them). */
export const PLATFORM_LIMITS: PlatformLimits = LimitsSchema.parse(
  parse(readFileSync(new URL('./platform-limits.yml', import.meta.url), 'utf8')),
);

/**
 * Length as the platform counts it: X weighs characters (a URL is 23, emoji and CJK are 2), so
 * we use X's own twitter-text library; the others count characters (code points).
 */
export function measureText(platform: Platform, text: string): number {
  if (platform === 'x') return twitter.parseTweet(text).weightedLength;
  return [...text].length;
}
