/**
 * The pages' edge to the approval records (records/persetujuan/, written by `tayang catat`),
 * read once per build. A broken record stops the build with its file and field, like a broken
 * config: a page must never show a history that is silently incomplete.
 */
import { posix } from 'node:path';
import type { Config } from '../lib/config/schema.ts';
import { lastMonths, performanceReport, type PerformanceReport } from '../lib/records/performance.ts';
import type { ApprovalRecord } from '../lib/records/record.ts';
import { indexRecordsByFolder, itemHistory, type HistoryIndex, type ItemHistoryEntry } from '../lib/records/register.ts';
import { readFollowUps, readRecords } from '../lib/records/store.ts';
import { BuildProblemsError } from '../lib/site/office.ts';
import type { ContentType } from '../lib/content/types.ts';
import { publishedItems, type Entry } from './_content.ts';

let loaded: Promise<{ records: ApprovalRecord[]; histories: HistoryIndex }> | undefined;

function approvalRecords(): Promise<{ records: ApprovalRecord[]; histories: HistoryIndex }> {
  loaded ??= Promise.all([readRecords('.'), readFollowUps('.')]).then(([records, followUps]) => {
    if (!records.ok || !followUps.ok) throw new BuildProblemsError([...(records.ok ? [] : records.problems), ...(followUps.ok ? [] : followUps.problems)]);
    return { records: records.value, histories: indexRecordsByFolder(records.value, followUps.value) };
  });
  return loaded;
}

/** The PRs that published or changed this item, oldest first, with their serta-merta follow-ups. */
export async function approvalHistoryOf(entry: Pick<Entry, 'filePath'>): Promise<readonly ItemHistoryEntry[]> {
  const { histories } = await approvalRecords();
  return itemHistory(histories, posix.dirname(entry.filePath!));
}

/** Months the performance page (/kinerja/) covers: a year, up to the build's month. */
const PERFORMANCE_MONTHS = 12;

/**
 * The office's performance figures for /kinerja/ and its chart: the year up to the newest record's
 * month, so the same records always build the same page (an archive restores it byte for byte).
 */
export async function sitePerformance(config: Config): Promise<PerformanceReport> {
  const { records } = await approvalRecords();
  const newest = records.at(-1);
  return performanceReport(records, config, newest ? lastMonths(new Date(newest.merged_at), config.kantor.zona_waktu, PERFORMANCE_MONTHS) : undefined);
}

/** The items of these types that have an approval sheet: those with at least one record (the item page says when there is none). */
export async function itemsWithSheets(types: readonly ContentType[]): Promise<{ entry: Entry; history: readonly ItemHistoryEntry[] }[]> {
  const found = [];
  for (const jenis of types) {
    for (const entry of await publishedItems(jenis)) {
      const history = await approvalHistoryOf(entry);
      if (history.length > 0) found.push({ entry, history });
    }
  }
  return found;
}
