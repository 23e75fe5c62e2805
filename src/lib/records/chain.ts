import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The approval records as a hash chain (docs/catatan.md): every record names the record written
 * before it and the SHA-256 of that file's exact bytes, and a head file names the last one. Editing,
 * deleting, inserting or reordering a record then breaks a link, and the break names the record.
 *
 * The order is the order records were written in, counted by `sequence` — not merge order: a
 * catch-up run records a PR merged before the newest recorded one, and a record is never rewritten
 * to make room for it. The head file is also what keeps two runs from forking the chain: each run
 * changes it, so the second run's push finds it changed on main and is refused (records-push.ts).
 */

/** A record's file name: `89.json` (written at the merge) or `89-susulan.json` (its follow-up review). */
export const RECORD_FILE_PATTERN = /^[1-9]\d*(?:-susulan)?\.json$/;

export const ChainLinkSchema = z.strictObject({
  /** 1 for the first record of the chain, then one more than the record before. */
  sequence: z.number().int().min(1),
  /** File name of the record before, in the same folder (`89.json`, `88-susulan.json`); null for the first. */
  previous: z.string().regex(RECORD_FILE_PATTERN).nullable(),
  /** SHA-256 of that file's bytes as written (`sha256sum 89.json`); null for the first. */
  previous_sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});
export type ChainLink = z.infer<typeof ChainLinkSchema>;

/** The head of the chain, beside the records: the last record's sequence, file and SHA-256. */
export const CHAIN_HEAD_FILE = 'rantai.txt';

export interface ChainHead {
  sequence: number;
  file: string;
  sha256: string;
}

export function sha256Of(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The link a record written after `head` carries. */
export function nextLink(head: ChainHead | undefined): ChainLink {
  return head ? { sequence: head.sequence + 1, previous: head.file, previous_sha256: head.sha256 } : { sequence: 1, previous: null, previous_sha256: null };
}

export function serializeChainHead(head: ChainHead): string {
  return [
    '# Ujung rantai catatan persetujuan: urutan, berkas dan SHA-256 catatan terakhir.',
    '# Ditulis `tayang catat` bersama setiap catatan baru; jangan disunting (docs/catatan.md).',
    `${head.sequence} ${head.file} ${head.sha256}`,
    '',
  ].join('\n');
}

/** The head's one line; undefined when the file says something else. */
export function parseChainHead(text: string): ChainHead | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const match = lines.length === 1 ? /^([1-9]\d*) ([1-9]\d*(?:-susulan)?\.json) ([0-9a-f]{64})$/.exec(lines[0]!.trim()) : null;
  return match ? { sequence: Number(match[1]), file: match[2]!, sha256: match[3]! } : undefined;
}

export interface ChainEntry {
  /** File name in the records folder. */
  file: string;
  bytes: Buffer;
  /** Absent when the file has no readable `chain` (not JSON, or no such field). */
  link?: ChainLink;
}

export type ChainBreak =
  /** Not in the chain at all: written before the chain, added by hand, or its link removed. */
  | { kind: 'unchained'; file: string }
  /** Its bytes are not the ones the record after it (or the head) holds the hash of. */
  | { kind: 'edited'; file: string; sequence: number; recorded_in: string }
  /** In the place where `recorded_in` names another record. */
  | { kind: 'reordered'; file: string; sequence: number; recorded_in: string; expected: string }
  /** Named by `recorded_in` as the record before it, and not there. `file` is null when no record names it. */
  | { kind: 'missing'; file: string | null; sequence: number; recorded_in: string | null }
  /** Claims a place the chain does not give it: after the head, or one a linked record holds. */
  | { kind: 'inserted'; file: string; sequence: number; after_head: boolean }
  | { kind: 'head'; file: typeof CHAIN_HEAD_FILE; problem: 'absent' | 'unreadable' };

/**
 * Walks the chain back from the head, comparing every record's bytes with the hash the record
 * after it holds. Each break names the record it is about; after a deleted record the walk goes
 * on from the next one, so one change gives one break, not one per record before it.
 */
export function checkChain(entries: readonly ChainEntry[], head: ChainHead | 'absent' | 'unreadable'): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  const linked = entries.filter((entry) => entry.link).map((entry) => ({ file: entry.file, link: entry.link!, sha256: sha256Of(entry.bytes) }));
  for (const entry of entries) if (!entry.link) breaks.push({ kind: 'unchained', file: entry.file });

  let top = Math.max(0, ...linked.map((entry) => entry.link.sequence));
  let expected: { sha256: string; file: string; recordedIn: string } | undefined;
  if (typeof head === 'object') {
    top = head.sequence;
    expected = { sha256: head.sha256, file: head.file, recordedIn: CHAIN_HEAD_FILE };
    for (const entry of linked) if (entry.link.sequence > top) breaks.push({ kind: 'inserted', file: entry.file, sequence: entry.link.sequence, after_head: true });
  } else if (head === 'unreadable' || linked.length > 0) {
    breaks.push({ kind: 'head', file: CHAIN_HEAD_FILE, problem: head });
  }

  for (let sequence = top; sequence >= 1; sequence--) {
    const here = linked.filter((entry) => entry.link.sequence === sequence);
    if (here.length === 0) {
      breaks.push({ kind: 'missing', file: expected?.file ?? null, sequence, recorded_in: expected?.recordedIn ?? null });
      expected = undefined;
      continue;
    }
    let chosen = expected ? here.find((entry) => entry.sha256 === expected!.sha256) : here.length === 1 ? here[0] : undefined;
    if (!chosen && expected) {
      // The record that should be here, by name, or the only one claiming the place.
      chosen = here.find((entry) => entry.file === expected!.file) ?? (here.length === 1 ? here[0] : undefined);
      if (chosen?.file === expected.file) breaks.push({ kind: 'edited', file: chosen.file, sequence, recorded_in: expected.recordedIn });
      else if (chosen) breaks.push({ kind: 'reordered', file: chosen.file, sequence, recorded_in: expected.recordedIn, expected: expected.file });
    }
    for (const entry of here) if (entry !== chosen) breaks.push({ kind: 'inserted', file: entry.file, sequence, after_head: false });
    const { previous, previous_sha256 } = chosen?.link ?? {};
    expected = previous && previous_sha256 ? { sha256: previous_sha256, file: previous, recordedIn: chosen!.file } : undefined;
  }
  return breaks;
}
