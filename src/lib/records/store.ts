import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { ProblemsError, type Problem } from '../errors/problem.ts';
import { validateJson, type Validated } from '../errors/validate.ts';
import { CHAIN_HEAD_FILE, ChainLinkSchema, nextLink, type ChainLink, parseChainHead, serializeChainHead, sha256Of, type ChainEntry, type ChainHead } from './chain.ts';
import { FollowUpRecordSchema, type FollowUpRecord } from './follow-up.ts';
import { ApprovalRecordSchema, type ApprovalRecord } from './record.ts';

/**
 * Approval records on disk: one JSON file per merged PR, `records/persetujuan/<nomor-pr>.json`.
 *
 * Why one file per PR (and not a history file inside each item folder): a merged PR is a fact
 * that never changes, so its record is written once and never edited — the folder only grows,
 * two publishing runs never touch the same file, and Git never has to merge a record. An item's
 * history is every record that lists its folder. Keeping records out of `content/` also keeps
 * them out of authors' PRs: no flow in tayang.config.yml governs `records/`, so a PR that edits a
 * record is blocked, and only the publishing workflow writes them (straight to main). Each new
 * record is linked to the one written before it, and `rantai.txt` names the last (chain.ts).
 * A PR published through the serta-merta lane later gets a second file, `<nomor-pr>-susulan.json`,
 * its follow-up review (follow-up.ts): a new fact, so a new record, never an edit of the first.
 */

export const RECORDS_DIR = 'records/persetujuan';

export function recordFile(root: string, pr: number): string {
  return join(root, RECORDS_DIR, `${pr}.json`);
}

const FOLLOW_UP_SUFFIX = '-susulan.json';

export function followUpFile(root: string, pr: number): string {
  return join(root, RECORDS_DIR, `${pr}${FOLLOW_UP_SUFFIX}`);
}

/** The record as stored: stable key order, two-space indent, final newline (small, readable diffs). */
export function serializeRecord(record: ApprovalRecord): string {
  return `${JSON.stringify(ApprovalRecordSchema.parse(record), null, 2)}\n`;
}

/** Every record, oldest merge first. A broken file is a problem naming it, never skipped silently. */
export async function readRecords(root: string): Promise<Validated<ApprovalRecord[]>> {
  const read = await readRecordFiles(root, (name) => !name.endsWith(FOLLOW_UP_SUFFIX), ApprovalRecordSchema, (record) => `${record.pr}.json`);
  if (!read.ok) return read;
  return { ok: true, value: read.value.sort((a, b) => Date.parse(a.merged_at) - Date.parse(b.merged_at) || a.pr - b.pr) };
}

/** Every follow-up review of a serta-merta PR (`<nomor-pr>-susulan.json`), in the order they concluded. */
export async function readFollowUps(root: string): Promise<Validated<FollowUpRecord[]>> {
  const read = await readRecordFiles(root, (name) => name.endsWith(FOLLOW_UP_SUFFIX), FollowUpRecordSchema, (record) => `${record.pr}${FOLLOW_UP_SUFFIX}`);
  if (!read.ok) return read;
  return { ok: true, value: read.value.sort((a, b) => Date.parse(a.reviewed_at) - Date.parse(b.reviewed_at) || a.pr - b.pr) };
}

async function readRecordFiles<T extends { pr: number }>(root: string, wanted: (name: string) => boolean, schema: z.ZodType<T>, nameOf: (record: T) => string): Promise<Validated<T[]>> {
  const dir = join(root, RECORDS_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json') && wanted(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: [] };
    throw error;
  }
  const records: T[] = [];
  const problems: Problem[] = [];
  const fix = 'catatan ditulis oleh `tayang catat`; kembalikan berkas ini dari riwayat Git (git log -p -- <berkas>) alih-alih menyuntingnya.';
  for (const name of names.sort()) {
    const file = `${RECORDS_DIR}/${name}`;
    const parsed = validateJson(schema, await readFile(join(dir, name), 'utf8'), file);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((problem) => ({ ...problem, fix })));
      continue;
    }
    if (name !== nameOf(parsed.value)) {
      problems.push({ file, field: 'pr', message: `berkas ini mencatat PR #${parsed.value.pr}, tetapi namanya bukan ${nameOf(parsed.value)}.`, fix });
      continue;
    }
    records.push(parsed.value);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: records };
}

export type WriteOutcome = 'created' | 'unchanged' | 'kept';

/**
 * Writes a new record atomically (write, then rename), linked after the head of the chain, and
 * moves the head to it. An existing record is never replaced: `unchanged` when it says the same
 * (its place in the chain aside), `kept` when it differs (the one written at the merge stands).
 *
 * The link is copied from the head file, never recomputed from the last record's bytes: a last
 * record edited or deleted before this run stays a break in the chain instead of being covered
 * by the new link. A missing or unreadable head, with records already linked, stops the write.
 */
export function writeRecord(root: string, record: ApprovalRecord): Promise<WriteOutcome> {
  return writeChained(root, `${record.pr}.json`, (chain) => serializeRecord({ ...record, chain }), (text) => sameRecord(text, record));
}

/** The follow-up review, written like any record: once, at the head of the chain. */
export function writeFollowUp(root: string, followUp: FollowUpRecord): Promise<WriteOutcome> {
  const serialize = (value: FollowUpRecord) => `${JSON.stringify(FollowUpRecordSchema.parse(value), null, 2)}\n`;
  const withoutLink = ({ chain: _, ...rest }: FollowUpRecord) => serialize(rest);
  const same = (text: string) => {
    const stored = FollowUpRecordSchema.safeParse(parseJsonOrUndefined(text));
    return stored.success && withoutLink(stored.data) === withoutLink(followUp);
  };
  return writeChained(root, `${followUp.pr}${FOLLOW_UP_SUFFIX}`, (chain) => serialize({ ...followUp, chain }), same);
}

async function writeChained(root: string, name: string, serialize: (link: ChainLink) => string, same: (text: string) => boolean): Promise<WriteOutcome> {
  const path = join(root, RECORDS_DIR, name);
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined) return same(existing) ? 'unchanged' : 'kept';
  const { entries, head } = await readRecordChain(root);
  if (head === 'unreadable' || (head === 'absent' && entries.some((entry) => entry.link))) {
    const file = `${RECORDS_DIR}/${CHAIN_HEAD_FILE}`;
    throw new ProblemsError([
      {
        file,
        message: head === 'unreadable' ? 'ujung rantai catatan tidak terbaca, jadi catatan baru tidak bisa disambungkan.' : 'ujung rantai catatan tidak ada, padahal catatan di folder ini sudah berantai; catatan baru tidak ditulis agar catatan terakhir yang dihapus atau diubah tidak tertutupi.',
        fix: `kembalikan berkas ini dari riwayat Git (git log -p -- ${file}), periksa dengan \`tayang laporan --periksa\`, lalu jalankan tayang catat lagi.`,
      },
    ]);
  }
  const link = nextLink(typeof head === 'object' ? head : undefined);
  const text = serialize(link);
  await mkdir(dirname(path), { recursive: true });
  await writeAtomically(path, text);
  await writeAtomically(join(root, RECORDS_DIR, CHAIN_HEAD_FILE), serializeChainHead({ sequence: link.sequence, file: name, sha256: sha256Of(text) }));
  return 'created';
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** The same PR, the same stages and times: a record written again later would only get another place in the chain. */
function sameRecord(text: string, record: ApprovalRecord): boolean {
  const withoutLink = ({ chain: _, ...rest }: ApprovalRecord) => serializeRecord(rest);
  try {
    const stored = ApprovalRecordSchema.safeParse(JSON.parse(text));
    return stored.success && withoutLink(stored.data) === withoutLink(record);
  } catch {
    return false;
  }
}

/** Every record file's bytes and link, and the head, as the chain check reads them (no schema: an edit that breaks one is a break too). */
export async function readRecordChain(root: string): Promise<{ entries: ChainEntry[]; head: ChainHead | 'absent' | 'unreadable' }> {
  const dir = join(root, RECORDS_DIR);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const entries: ChainEntry[] = [];
  for (const file of names.filter((name) => name.endsWith('.json')).sort()) {
    const bytes = await readFile(join(dir, file));
    const link = ChainLinkSchema.safeParse(parseJsonOrUndefined(bytes.toString('utf8'))?.chain);
    entries.push({ file, bytes, ...(link.success ? { link: link.data } : {}) });
  }
  const headText = names.includes(CHAIN_HEAD_FILE) ? await readFile(join(dir, CHAIN_HEAD_FILE), 'utf8') : undefined;
  const head = headText === undefined ? 'absent' : (parseChainHead(headText) ?? 'unreadable');
  return { entries, head };
}

function parseJsonOrUndefined(text: string): { chain?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as { chain?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The titles of the given item folders as they are in the working tree (the merged main branch
 * in the publishing workflow). Only `judul` is read: an item whose other fields are broken still
 * gets its title recorded; one without a readable title is recorded without it.
 */
export async function readItemTitles(root: string, folders: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const folder of folders) {
    for (const name of ['index.md', 'index.mdx']) {
      let text: string;
      try {
        text = await readFile(join(root, folder, name), 'utf8');
      } catch {
        continue;
      }
      const split = splitFrontmatter(text);
      let judul: unknown;
      try {
        judul = split ? (parseYaml(split.yaml) as { judul?: unknown } | null)?.judul : undefined;
      } catch {
        judul = undefined;
      }
      if (typeof judul === 'string' && judul.trim() !== '') titles.set(folder, judul.trim());
      break;
    }
  }
  return titles;
}
