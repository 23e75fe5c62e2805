import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChain } from './chain.ts';
import type { FollowUpRecord } from './follow-up.ts';
import { readFollowUps, readItemTitles, readRecordChain, readRecords, RECORDS_DIR, writeFollowUp, writeRecord } from './store.ts';
import { sampleRecord } from './testing.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tayang-catatan-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sample = sampleRecord;

describe('record files', () => {
  it('writes a record once, reads it back, and never replaces it', async () => {
    const record = sample(12, '2025-03-10T10:00:00+07:00');
    expect(await writeRecord(root, record)).toBe('created');
    expect(await writeRecord(root, record)).toBe('unchanged');
    const changed = { ...record, title: 'Judul lain' };
    expect(await writeRecord(root, changed)).toBe('kept');
    expect(JSON.parse(await readFile(join(root, RECORDS_DIR, '12.json'), 'utf8')).title).toBe(record.title);
    expect(await readRecords(root)).toEqual({ ok: true, value: [{ ...record, chain: { sequence: 1, previous: null, previous_sha256: null } }] });
  });

  it('reads records oldest merge first, whatever their numbers', async () => {
    await writeRecord(root, sample(30, '2025-03-11T10:00:00+07:00'));
    await writeRecord(root, sample(4, '2025-03-12T10:00:00+07:00'));
    await writeRecord(root, sample(100, '2025-03-10T10:00:00+07:00'));
    const result = await readRecords(root);
    expect(result.ok && result.value.map((record) => record.pr)).toEqual([100, 30, 4]);
  });

  it('has no records when the folder does not exist yet', async () => {
    expect(await readRecords(root)).toEqual({ ok: true, value: [] });
  });

  it('names a broken file and its field instead of skipping it', async () => {
    await mkdir(join(root, RECORDS_DIR), { recursive: true });
    await writeFile(join(root, RECORDS_DIR, '5.json'), '{"pr": 5,');
    const record = sample(6, '2025-03-10T10:00:00+07:00');
    const broken = `${JSON.stringify({ ...record, merged_at: 'kemarin' }, null, 2)}\n`;
    await writeFile(join(root, RECORDS_DIR, '6.json'), broken);
    await writeFile(join(root, RECORDS_DIR, '8.json'), JSON.stringify(sample(7, '2025-03-10T10:00:00+07:00')));
    const result = await readRecords(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.file, p.field])).toEqual([
      ['records/persetujuan/5.json', undefined],
      ['records/persetujuan/6.json', 'merged_at'],
      ['records/persetujuan/8.json', 'pr'],
    ]);
    expect(result.problems[0]!.message).toContain('bukan JSON yang sah');
    expect(result.problems[0]!.line).toBe(1);
    // Positions are found only once a record fails, and still name the line of the field.
    expect(result.problems[1]!.line).toBe(broken.split('\n').findIndex((line) => line.includes('"merged_at"')) + 1);
  });
});

describe('follow-up records', () => {
  const followUp = (pr: number): FollowUpRecord => ({
    pr,
    follows: `${pr}.json`,
    reviewed_at: '2025-03-11T09:00:00+07:00',
    flows: [{ flow: 'publikasi', state: 'approved', reviewed_at: '2025-03-11T09:00:00+07:00', review_due: '2025-03-11T03:00:00.000Z', late: false }],
    stages: [],
  });

  it('adds <pr>-susulan.json to the chain after the record, leaving the record as written', async () => {
    await writeRecord(root, sample(12, '2025-03-10T10:00:00+07:00'));
    const first = await readFile(join(root, RECORDS_DIR, '12.json'), 'utf8');
    expect(await writeFollowUp(root, followUp(12))).toBe('created');
    expect(await writeFollowUp(root, followUp(12))).toBe('unchanged');
    expect(await writeFollowUp(root, { ...followUp(12), reviewed_at: '2025-03-12T09:00:00+07:00' })).toBe('kept');
    expect(await readFile(join(root, RECORDS_DIR, '12.json'), 'utf8')).toBe(first);
    const { entries, head } = await readRecordChain(root);
    expect(head).toMatchObject({ sequence: 2, file: '12-susulan.json' });
    expect(checkChain(entries, head)).toEqual([]);
    expect(await readFollowUps(root)).toEqual({ ok: true, value: [{ ...followUp(12), chain: { sequence: 2, previous: '12.json', previous_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } }] });
    // The register of records still reads only the records written at the merge.
    const records = await readRecords(root);
    expect(records.ok && records.value.map((record) => record.pr)).toEqual([12]);
  });

  it('names a follow-up file whose PR is not its name', async () => {
    await mkdir(join(root, RECORDS_DIR), { recursive: true });
    await writeFile(join(root, RECORDS_DIR, '5-susulan.json'), JSON.stringify(followUp(6)));
    const result = await readFollowUps(root);
    expect(result.ok === false && result.problems.map((p) => [p.file, p.message])).toEqual([['records/persetujuan/5-susulan.json', 'berkas ini mencatat PR #6, tetapi namanya bukan 6-susulan.json.']]);
  });
});

describe('readItemTitles', () => {
  it('reads the judul of each item folder and skips folders without a readable one', async () => {
    await mkdir(join(root, 'content/berita/ada'), { recursive: true });
    await writeFile(join(root, 'content/berita/ada/index.md'), '---\njudul: "Rapat Pleno: Hasil"\ntanggal: bukan-tanggal\n---\nIsi.\n');
    await mkdir(join(root, 'content/berita/rusak'), { recursive: true });
    await writeFile(join(root, 'content/berita/rusak/index.md'), '---\njudul: [tidak ditutup\n---\n');
    const titles = await readItemTitles(root, ['content/berita/ada', 'content/berita/rusak', 'content/berita/hilang']);
    expect([...titles]).toEqual([['content/berita/ada', 'Rapat Pleno: Hasil']]);
  });
});
