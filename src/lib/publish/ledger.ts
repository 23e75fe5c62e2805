import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

/**
 * The record of what was posted where, kept IN the repository (`records/kirim/<jenis>/<slug>.json`,
 * committed by the publish workflow) so that it survives CI caches and is reviewable like any
 * other record. One file per item keeps diffs small and readable.
 *
 * Idempotency is "at most once": before a post is sent, an `intent` is recorded (and the
 * workflow commits it); after the platform answers, the result replaces it. An intent left by
 * a run that died is never resent automatically, because we cannot know whether the platform
 * received it: it becomes `uncertain`, as does a post whose answer was lost (no answer in time,
 * connection cut, a 5xx after it was sent). It is shown in the link report until someone
 * confirms it with `/tautan <platform> <url>` (it was posted) or `/tautan <platform> ulang`
 * (send again).
 *
 * A record belongs to the item, not to its folder name: when an item is renamed or moved, its
 * record follows it (`followMovedItems`), so the posts are not sent again.
 */

export const LEDGER_DIR = 'records/kirim';

/** Where a post goes: a social platform, or `satu_data` (the CKAN portal). */
export const TARGETS = ['instagram', 'facebook', 'x', 'youtube', 'whatsapp', 'satu_data'] as const;
export type Target = (typeof TARGETS)[number];

export const EntrySchema = z.discriminatedUnion('state', [
  /** About to be sent by run `run`. */
  z.strictObject({ state: z.literal('intent'), hash: z.string(), run: z.string(), at: z.string(), attempts: z.number().int().min(0) }),
  z.strictObject({
    state: z.literal('posted'),
    hash: z.string(),
    id: z.string().optional(),
    url: z.string(),
    at: z.string(),
    /** GitHub login of whoever reported a manual post's link. */
    by: z.string().optional(),
  }),
  /** Failed (HTTP error, rejected), or not tried (`attempts` unchanged) because its platform hung earlier in the run: sent on the next run. */
  z.strictObject({ state: z.literal('failed'), hash: z.string(), error: z.string(), at: z.string(), attempts: z.number().int().min(0) }),
  /**
   * Maybe posted: a run died between sending and recording, or the answer was lost (`error`
   * says how). A person must check the platform.
   */
  z.strictObject({ state: z.literal('uncertain'), hash: z.string(), run: z.string(), at: z.string(), attempts: z.number().int().min(0), error: z.string().optional() }),
  /** Posted by hand (WhatsApp Channels, YouTube uploads): waiting for `/tautan <platform> <url>`. */
  z.strictObject({ state: z.literal('manual'), hash: z.string(), at: z.string() }),
]);
export type Entry = z.output<typeof EntrySchema>;

export const ItemLedgerSchema = z.strictObject({
  /** The item's folder, e.g. `content/berita/musrenbang-2026`. */
  item: z.string(),
  /** The folders the item had before, oldest first (renamed or moved). */
  moved_from: z.array(z.string()).optional(),
  /**
   * Set in the file left at an old folder: the item now lives there and this file holds no
   * posts. (Records are never deleted from main, so the old file stays; this frees its folder.)
   */
  moved_to: z.string().optional(),
  posts: z.partialRecord(z.enum(TARGETS), EntrySchema).default({}),
});
export type ItemLedger = z.output<typeof ItemLedgerSchema>;

/** The ledger of every item, by item folder. */
export type Ledger = Map<string, ItemLedger>;

/** `content/berita/musrenbang-2026` → `records/kirim/berita/musrenbang-2026.json`. */
export function ledgerFile(root: string, item: string): string {
  return join(root, LEDGER_DIR, `${item.replace(/^content\//, '')}.json`);
}

export async function readLedger(root: string): Promise<Ledger> {
  const ledger: Ledger = new Map();
  const base = join(root, LEDGER_DIR);
  let types: string[];
  try {
    types = await readdir(base);
  } catch {
    return ledger;
  }
  for (const jenis of types) {
    let files: string[] = [];
    try {
      files = (await readdir(join(base, jenis))).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      const path = join(base, jenis, file);
      // A hand-edited file that no longer fits must stop the run: guessing could post twice.
      const broken = (why: string) => new Error(`catatan ${path} rusak (${why}). Perbaiki atau kembalikan berkasnya dari riwayat Git.`);
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        throw broken(`bukan JSON yang sah: ${(error as Error).message}`);
      }
      const parsed = ItemLedgerSchema.safeParse(json);
      if (!parsed.success) throw broken(`${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}`);
      if (parsed.data.moved_to === undefined) ledger.set(parsed.data.item, parsed.data);
    }
  }
  return ledger;
}

/** Writes one item's record atomically (write, then rename), so a kill never leaves half a file. */
export async function writeItemLedger(root: string, record: ItemLedger): Promise<void> {
  const path = ledgerFile(root, record.item);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`);
  await rename(temporary, path);
}

/** Every rename of an item's `index.md` in the history, newest first. */
async function readRenames(root: string): Promise<Move[]> {
  let log: string;
  try {
    ({ stdout: log } = await promisify(execFile)('git', ['log', '-M', '--diff-filter=R', '--name-status', '--format=', '--', 'content/'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }));
  } catch {
    return []; // not a git checkout: nothing to follow
  }
  return log
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((fields) => fields.length === 3 && fields[0]!.startsWith('R') && fields[2]!.endsWith('/index.md'))
    .map(([, from, to]) => ({ from: posix.dirname(from!), to: posix.dirname(to!) }));
}

export interface Move {
  from: string;
  to: string;
}

/**
 * Gives a renamed or moved item its record back. For a folder the ledger does not know, git's
 * renames of its `index.md` name the folders it had before; the newest of them that has a
 * record and no item any more is this item. The record is rewritten under the new folder and
 * the old file becomes a `moved_to` marker. Ledger files from before this (keyed by the folder
 * alone) need nothing: they are the item's record until the item moves.
 */
export async function followMovedItems(ledger: Ledger, folders: readonly string[], root: string, { write }: { write: boolean }): Promise<Move[]> {
  const unknown = folders.filter((folder) => !ledger.has(folder));
  if (unknown.length === 0) return [];
  const renames = await readRenames(root);
  const moves: Move[] = [];
  for (const folder of unknown) {
    // Walking back through the renames (newest first), each earlier name in turn.
    let name = folder;
    for (const rename of renames) {
      if (rename.to !== name) continue;
      name = rename.from;
      const record = ledger.get(name);
      if (!record || existsSync(join(root, name, 'index.md'))) continue;
      const moved: ItemLedger = { item: folder, moved_from: [...(record.moved_from ?? []), name], posts: record.posts };
      ledger.delete(name);
      ledger.set(folder, moved);
      if (write) {
        await writeItemLedger(root, moved);
        await writeItemLedger(root, { item: name, moved_to: folder, posts: {} });
      }
      moves.push({ from: name, to: folder });
      break;
    }
  }
  return moves;
}

/** What to do with one post, given what the ledger says about it. */
export type Decision =
  | { action: 'send'; attempts: number }
  | { action: 'skip'; reason: 'posted' | 'uncertain' | 'manual' }
  | { action: 'update' }
  | { action: 'mark-uncertain'; entry: Extract<Entry, { state: 'intent' }> };

/**
 * The heart of idempotency. `run` identifies this run (GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT); an
 * intent from this run was recorded by `kirim --niat` in an earlier step and may be sent; an
 * intent from another run means that run died after recording it, maybe after sending.
 * `updatable` targets (Satu Data) are idempotent upserts and are sent again when content changed.
 */
export function decide(entry: Entry | undefined, hash: string, run: string, updatable: boolean): Decision {
  if (entry === undefined) return { action: 'send', attempts: 0 };
  switch (entry.state) {
    case 'posted':
      return updatable && entry.hash !== hash ? { action: 'update' } : { action: 'skip', reason: 'posted' };
    case 'failed':
      return { action: 'send', attempts: entry.attempts };
    case 'intent':
      return entry.run === run || updatable ? { action: 'send', attempts: entry.attempts } : { action: 'mark-uncertain', entry };
    case 'uncertain':
      return { action: 'skip', reason: 'uncertain' };
    case 'manual':
      return { action: 'skip', reason: 'manual' };
  }
}
