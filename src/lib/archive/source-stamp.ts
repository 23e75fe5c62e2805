import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { SOURCE_PATHS } from './sources.ts';
import { hashFile } from './write.ts';

/**
 * The built site says which sources it was built from: one digest over the config, content and
 * records on disk when `astro build` ran, written into the site as `tayang-sumber.json`.
 * `tayang arsip` computes the same digest over the commit it archives, so a site built from a
 * draft (an uncommitted item) or from an older commit is never archived beside other sources.
 */
export const STAMP_FILE = 'tayang-sumber.json';

/**
 * What else the pages are made from: the site's program and its public files. They are not
 * archived (the commit holds them), but a site built from uncommitted ones is not the commit's.
 */
export const PROGRAM_PATHS = ['src', 'public', 'astro.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'] as const;

export const StampSchema = z.strictObject({
  format: z.literal('tayang-sumber/1'),
  /** SHA-256 over every source file's path and SHA-256, in path order. */
  sources_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  files: z.number().int().min(0),
  /** The same over the program's files (PROGRAM_PATHS). */
  program_sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Stamp = z.infer<typeof StampSchema>;

export interface SourceEntry {
  /** Repository-relative, with "/". */
  path: string;
  sha256: string;
}

/** SHA-256 over every file's path and SHA-256, in path order. */
export function digestEntries(entries: readonly SourceEntry[]): string {
  const digest = createHash('sha256');
  for (const entry of entries.toSorted((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) digest.update(`${entry.path}\0${entry.sha256}\n`);
  return digest.digest('hex');
}

export function makeStamp(sources: readonly SourceEntry[], program: readonly SourceEntry[]): Stamp {
  return { format: 'tayang-sumber/1', sources_sha256: digestEntries(sources), files: sources.length, program_sha256: digestEntries(program) };
}

/** Every regular file under the given paths, as the build reads them from disk. */
export async function readSourceEntries(root: string, paths: readonly string[] = SOURCE_PATHS): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for (const source of paths) {
    const found = await readdir(join(root, source), { recursive: true, withFileTypes: true }).catch(() => undefined);
    const files = found === undefined ? [join(root, source)] : found.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    for (const file of files) {
      const sha256 = await hashFile(file).then((hash) => hash.sha256, () => undefined);
      if (sha256 !== undefined) entries.push({ path: relative(root, file).split(sep).join('/'), sha256 });
    }
  }
  return entries;
}

/** Written by the build (astro.config.ts) into the finished site. */
export async function writeSourceStamp(root: string, dist: string): Promise<void> {
  const stamp = makeStamp(await readSourceEntries(root), await readSourceEntries(root, PROGRAM_PATHS));
  await writeFile(join(dist, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}

export async function readStamp(dist: string): Promise<Stamp | undefined> {
  const text = await readFile(join(dist, STAMP_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseStamp(text);
}

export function parseStamp(text: string): Stamp | undefined {
  try {
    const parsed = StampSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
