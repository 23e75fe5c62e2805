import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_HEAD_FILE } from '../../src/lib/records/chain.ts';
import type { ApprovalRecord } from '../../src/lib/records/record.ts';
import { RECORDS_DIR, writeRecord } from '../../src/lib/records/store.ts';
import { sampleRecord } from '../../src/lib/records/testing.ts';
import { tayang } from '../checks/site.ts';

// Issue 12, item 5: a record edited, reordered, inserted or deleted after it was written is found
// by `tayang laporan --periksa`, which names it. Five PRs are recorded the way `tayang catat` does
// (PR 14 after PR 20: a catch-up run records a PR merged earlier later; the chain follows the
// order of writing), then each case changes a copy of the folder as someone with write access would.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRITTEN = [11, 12, 20, 14, 31];

let pristine: string;
let work: string;

/** Merge days that are not in the order of writing. */
const sample = (number: number) => sampleRecord(number, `2025-03-${10 + (number % 20)}T10:00:00+07:00`);

/** A copy of the recorded folder, changed by `change`, then checked. */
async function checkAfter(label: string, change: (dir: string) => Promise<void>) {
  const root = join(work, label);
  await cp(pristine, root, { recursive: true });
  await change(join(root, RECORDS_DIR));
  const text = await tayang(root, ['laporan', '--periksa']);
  const json = await tayang(root, ['laporan', '--periksa', '--format', 'json']);
  return { code: text.code, text: text.stdout, json: JSON.parse(json.stdout) as { intact: boolean; breaks: { kind: string; file: string | null; sequence: number; message: string }[] } };
}

/** One field changed in place, every other byte kept. */
const retitle = async (path: string) => writeFile(path, (await readFile(path, 'utf8')).replace(/"title": "[^"]*"/, '"title": "Judul yang diralat"'));
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as ApprovalRecord;
const writeJson = (path: string, value: unknown) => writeFile(path, `${JSON.stringify(value, null, 2)}\n`);

beforeAll(async () => {
  pristine = await mkdtemp(join(tmpdir(), 'tayang-rantai-'));
  work = await mkdtemp(join(tmpdir(), 'tayang-rantai-uji-'));
  for (const number of WRITTEN) expect(await writeRecord(pristine, sample(number))).toBe('created');
});
afterAll(async () => {
  await rm(pristine, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('the chain of records', () => {
  it('links each record to the one written before it, and the head names the last', async () => {
    const dir = join(pristine, RECORDS_DIR);
    const links = await Promise.all(WRITTEN.map(async (n) => (await readJson(join(dir, `${n}.json`))).chain));
    expect(links.map((link) => [link?.sequence, link?.previous])).toEqual([
      [1, null],
      [2, '11.json'],
      [3, '12.json'],
      [4, '20.json'],
      [5, '14.json'],
    ]);
    expect(links[2]!.previous_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await readFile(join(dir, CHAIN_HEAD_FILE), 'utf8')).split('\n').at(-2)).toMatch(/^5 31\.json [0-9a-f]{64}$/);
    const result = await tayang(pristine, ['laporan', '--periksa']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Rantai catatan utuh: 5 catatan di records\/persetujuan\/, urutan 1–5; catatan terakhir 31\.json/);
  });

  it('holds for the example office\'s records', async () => {
    const result = await tayang(ROOT, ['laporan', '--periksa', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ intact: true, records: 22, head: { sequence: 22, file: '80-susulan.json' }, breaks: [] });
  });
});

describe('tayang laporan --periksa names the record', () => {
  it('edited: one field of a record in the middle', async () => {
    const { code, text, json } = await checkAfter('sunting', async (dir) => {
      const record = await readJson(join(dir, '20.json'));
      record.merged_at = '2025-03-30T09:00:00+07:00';
      await writeJson(join(dir, '20.json'), record);
    });
    expect(code).toBe(1);
    expect(text).toContain('Rantai catatan TIDAK utuh (records/persetujuan/, 5 catatan): 1 masalah.');
    expect(text).toContain('records/persetujuan/20.json: catatan urutan 3 berubah sesudah dicatat: SHA-256 isinya tidak sama dengan yang disimpan records/persetujuan/14.json.');
    expect(text).toContain('Perbaikan: catatan hanya ditulis `tayang catat`');
    expect(json).toMatchObject({ intact: false, breaks: [{ kind: 'edited', file: '20.json', sequence: 3 }] });
  });

  it('edited: the last record, whose hash only the head holds', async () => {
    const { code, json } = await checkAfter('sunting-terakhir', async (dir) => {
      await retitle(join(dir, '31.json'));
    });
    expect(code).toBe(1);
    expect(json.breaks).toMatchObject([{ kind: 'edited', file: '31.json', sequence: 5, message: expect.stringContaining('ujung rantai (records/persetujuan/rantai.txt)') }]);
  });

  it('reordered: two records swapped in the chain', async () => {
    const { code, text, json } = await checkAfter('tukar', async (dir) => {
      const [a, b] = [await readJson(join(dir, '12.json')), await readJson(join(dir, '20.json'))];
      [a.chain, b.chain] = [b.chain, a.chain];
      await writeJson(join(dir, '12.json'), a);
      await writeJson(join(dir, '20.json'), b);
    });
    expect(code).toBe(1);
    expect(json.breaks.map((b) => `${b.kind} ${b.file} ${b.sequence}`)).toEqual(['reordered 12.json 3', 'reordered 20.json 2']);
    expect(text).toContain('records/persetujuan/12.json: urutan catatan diubah: catatan ini ada di urutan 3, padahal records/persetujuan/14.json mencatat 20.json di urutan itu.');
  });

  it('inserted: a record after the last, linked to it, and one claiming a taken place', async () => {
    const { code, text, json } = await checkAfter('sisip', async (dir) => {
      const last = await readJson(join(dir, '31.json'));
      const head = (await readFile(join(dir, CHAIN_HEAD_FILE), 'utf8')).split('\n').at(-2)!.split(' ');
      await writeJson(join(dir, '40.json'), { ...last, pr: 40, chain: { sequence: 6, previous: '31.json', previous_sha256: head[2] } });
      const second = await readJson(join(dir, '12.json'));
      await writeJson(join(dir, '13.json'), { ...second, pr: 13 });
    });
    expect(code).toBe(1);
    expect(json.breaks.map((b) => `${b.kind} ${b.file} ${b.sequence}`)).toEqual(['inserted 40.json 6', 'inserted 13.json 2']);
    expect(text).toContain('records/persetujuan/40.json: catatan ini disisipkan: urutannya (6) sesudah catatan terakhir yang disebut ujung rantai');
    expect(text).toContain('records/persetujuan/13.json: catatan ini disisipkan: urutan 2 milik catatan lain yang tersambung ke rantai.');
  });

  it('inserted: a record without a link', async () => {
    const { json } = await checkAfter('sisip-tanpa-rantai', async (dir) => {
      const { chain: _, ...unlinked } = await readJson(join(dir, '12.json'));
      await writeJson(join(dir, '15.json'), { ...unlinked, pr: 15 });
    });
    expect(json.breaks).toMatchObject([{ kind: 'unchained', file: '15.json' }]);
  });

  it('deleted: a record in the middle, and the last one', async () => {
    const middle = await checkAfter('hapus', (dir) => rm(join(dir, '12.json')));
    expect(middle.code).toBe(1);
    expect(middle.text).toContain('records/persetujuan/12.json: catatan urutan 2 hilang: records/persetujuan/20.json mencatatnya sebagai catatan sebelumnya, tetapi berkasnya tidak ada.');
    expect(middle.json.breaks).toHaveLength(1);
    const last = await checkAfter('hapus-terakhir', (dir) => rm(join(dir, '31.json')));
    expect(last.json.breaks).toMatchObject([{ kind: 'missing', file: '31.json', sequence: 5 }]);
    const head = await checkAfter('hapus-ujung', (dir) => rm(join(dir, CHAIN_HEAD_FILE)));
    expect(head.json.breaks).toMatchObject([{ kind: 'head', file: 'rantai.txt' }]);
  });
});

describe('writing after a change', () => {
  it('links the next record to what the head says, so an edit before it stays visible', async () => {
    const root = join(work, 'lanjut');
    await cp(pristine, root, { recursive: true });
    const dir = join(root, RECORDS_DIR);
    await retitle(join(dir, '31.json'));
    expect(await writeRecord(root, sample(32))).toBe('created');
    const result = await tayang(root, ['laporan', '--periksa', '--format', 'json']);
    expect(JSON.parse(result.stdout).breaks).toMatchObject([{ kind: 'edited', file: '31.json', sequence: 5, message: expect.stringContaining('records/persetujuan/32.json') }]);
  });

  it('refuses to write without the head once records are linked', async () => {
    const root = join(work, 'tanpa-ujung');
    await cp(pristine, root, { recursive: true });
    await rm(join(root, RECORDS_DIR, CHAIN_HEAD_FILE));
    await expect(writeRecord(root, sample(32))).rejects.toThrow('records/persetujuan/rantai.txt: ujung rantai catatan tidak ada');
  });

  it('says unchanged for a record written again, whatever its place in the chain', async () => {
    expect(await writeRecord(pristine, sample(12))).toBe('unchanged');
    expect(await writeRecord(pristine, { ...sample(12), title: 'Judul lain' })).toBe('kept');
  });
});
