/**
 * The approval records' share of a site build, side by side in one run: reading N records
 * (`readRecords`) against what locating each one as YAML up front added, and every item page's
 * history from the folder index against the scan of every record per page it replaced.
 * `node bench/records.ts [--records 2000]`; prints milliseconds, medians of 5 rounds.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseLocatedYaml } from '../src/lib/errors/yaml-location.ts';
import type { ApprovalRecord } from '../src/lib/records/record.ts';
import { indexRecordsByFolder, itemHistory, stagesForItem } from '../src/lib/records/register.ts';
import { readRecords, RECORDS_DIR, serializeRecord } from '../src/lib/records/store.ts';
import { sampleRecord } from '../src/lib/records/testing.ts';
import { median } from './measure.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '2000' } } });
const count = Number(values.records);
const ROUNDS = 5;

// One record per PR, as an office's records grow: most PRs publish one new item, every fifth
// also changes an older one.
const base = sampleRecord(1, '2025-03-10T10:00:00+07:00');
const records: ApprovalRecord[] = Array.from({ length: count }, (_, i) => {
  const item = (n: number) => ({ ...base.items[0]!, folder: `content/berita/berita-${n}`, slug: `berita-${n}` });
  return { ...base, pr: i + 1, url: `https://github.com/kantor/situs/pull/${i + 1}`, items: i % 5 === 4 ? [item(i), item(Math.floor(i / 2))] : [item(i)] };
});
const folders = [...new Set(records.flatMap((record) => record.items.map((item) => item.folder)))];

const root = await mkdtemp(join(tmpdir(), 'tayang-bench-records-'));
await mkdir(join(root, RECORDS_DIR), { recursive: true });
const texts = records.map(serializeRecord);
await Promise.all(records.map((record, i) => writeFile(join(root, RECORDS_DIR, `${record.pr}.json`), texts[i]!)));

async function time(run: () => unknown): Promise<number> {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    await run();
    rounds.push(performance.now() - start);
  }
  return median(rounds);
}

const read = await time(async () => {
  if (!(await readRecords(root)).ok) throw new Error('records do not read');
});
const located = await time(() => texts.forEach((text) => parseLocatedYaml(text)));
const indexed = await time(() => {
  const index = indexRecordsByFolder(records);
  for (const folder of folders) itemHistory(index, folder);
});
const scanned = await time(() => {
  for (const folder of folders)
    records.flatMap((record) => {
      const item = record.items.find((candidate) => candidate.folder === folder);
      return item ? [{ record, item, stages: stagesForItem(record, item) }] : [];
    });
});
await rm(root, { recursive: true, force: true });

const ms = (value: number) => `${value.toFixed(0)} ms`;
console.log(`${count} records, ${folders.length} item folders`);
console.log(`readRecords: ${ms(read)}; locating every record as YAML up front would add ${ms(located)}`);
console.log(`every item's history: ${ms(indexed)} from the folder index, ${ms(scanned)} scanning every record per item`);
