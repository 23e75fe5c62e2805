import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CONTENT_TYPES } from './types.ts';

/**
 * The file where the build's content check (build-check.ts) keeps each item folder's result
 * between builds, in Astro's cache folder; the item pages' cache keys read its digests too
 * (src/pages/_paths.ts). Apart from the check, so the site's pages do not bundle its rules.
 */

export const CHECK_CACHE_FILE = 'tayang-pemeriksaan.json';

/** Bumped when what a result holds changes shape. */
export const CACHE_FORMAT = 'tayang-pemeriksaan/1';

/** A problem as kept: the check's Problem, plain data. */
const CachedProblem = z.object({ file: z.string(), line: z.number().optional(), column: z.number().optional(), field: z.string().optional(), message: z.string(), fix: z.string().optional() });
const CacheSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  /** The config's and the program's digest: another one makes every result stale. */
  environment: z.string(),
  /** Each file's SHA-256, reused while its size, times and inode stay the same. */
  files: z.record(z.string(), z.object({ stat: z.string(), sha256: z.string() })),
  folders: z.record(z.string(), z.object({ digest: z.string(), check: z.object({ jenis: z.enum(CONTENT_TYPES).optional(), problems: z.array(CachedProblem), removedFromPage: z.array(CachedProblem), waived: z.array(CachedProblem) }) })),
});
export type Cache = z.infer<typeof CacheSchema>;

/** The kept results, or undefined when there are none or they are unreadable (then every folder is checked). */
export async function readCache(file: string): Promise<Cache | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = CacheSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What the last check saw: the digest of each item folder (`content/<jenis>/<slug>`) and of the config and program. */
export interface CheckedDigests {
  environment: string;
  folders: ReadonlyMap<string, string>;
}

/**
 * The digests the build's check wrote (a build stops when it cannot write them), for the pages'
 * cache keys; undefined when there are none.
 */
export async function readCheckedDigests(cacheFile: string): Promise<CheckedDigests | undefined> {
  const cache = await readCache(cacheFile);
  return cache && { environment: cache.environment, folders: new Map(Object.entries(cache.folders).map(([name, { digest }]) => [name, digest])) };
}

/** Written whole and renamed into place: a build stopped halfway leaves the previous results. */
export async function writeCache(file: string, cache: Cache): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(cache));
  await rename(temporary, file);
}
