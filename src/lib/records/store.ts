import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../content/frontmatter.ts';
import type { Problem } from '../errors/problem.ts';
import { validateJson, type Validated } from '../errors/validate.ts';
import { ApprovalRecordSchema, type ApprovalRecord } from './record.ts';

/**
 * Approval records on disk: one JSON file per merged PR, `records/persetujuan/<nomor-pr>.json`.
 *
 * Why one file per PR (and not a history file inside each item folder): a merged PR is a fact
 * that never changes, so its record is written once and never edited — the folder only grows,
 * two publishing runs never touch the same file, and Git never has to merge a record. An item's
 * history is every record that lists its folder. Keeping records out of `content/` also keeps
 * them out of authors' PRs: no flow in tayang.config.yml governs `records/`, so a PR that edits a
 * record is blocked, and only the publishing workflow writes them (straight to main).
 */

export const RECORDS_DIR = 'records/persetujuan';

export function recordFile(root: string, pr: number): string {
  return join(root, RECORDS_DIR, `${pr}.json`);
}

/** The record as stored: stable key order, two-space indent, final newline (small, readable diffs). */
export function serializeRecord(record: ApprovalRecord): string {
  return `${JSON.stringify(ApprovalRecordSchema.parse(record), null, 2)}\n`;
}

/** Every record, oldest merge first. A broken file is a problem naming it, never skipped silently. */
export async function readRecords(root: string): Promise<Validated<ApprovalRecord[]>> {
  const dir = join(root, RECORDS_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: [] };
    throw error;
  }
  const records: ApprovalRecord[] = [];
  const problems: Problem[] = [];
  const fix = 'catatan ditulis oleh `tayang catat`; kembalikan berkas ini dari riwayat Git (git log -p -- <berkas>) alih-alih menyuntingnya.';
  for (const name of names.sort()) {
    const file = `${RECORDS_DIR}/${name}`;
    const parsed = validateJson(ApprovalRecordSchema, await readFile(join(dir, name), 'utf8'), file);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((problem) => ({ ...problem, fix })));
      continue;
    }
    if (name !== `${parsed.value.pr}.json`) {
      problems.push({ file, field: 'pr', message: `berkas ini mencatat PR #${parsed.value.pr}, tetapi namanya bukan ${parsed.value.pr}.json.`, fix });
      continue;
    }
    records.push(parsed.value);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: records.sort((a, b) => Date.parse(a.merged_at) - Date.parse(b.merged_at) || a.pr - b.pr) };
}

export type WriteOutcome = 'created' | 'unchanged' | 'kept';

/**
 * Writes a new record atomically (write, then rename). An existing record is never replaced:
 * `unchanged` when it says the same, `kept` when it differs (the one written at the merge stands).
 */
export async function writeRecord(root: string, record: ApprovalRecord): Promise<WriteOutcome> {
  const path = recordFile(root, record.pr);
  const text = serializeRecord(record);
  try {
    return (await readFile(path, 'utf8')) === text ? 'unchanged' : 'kept';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
  return 'created';
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
