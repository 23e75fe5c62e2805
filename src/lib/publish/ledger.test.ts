import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../content/load.ts';
import { decide, readLedger, writeItemLedger, type Entry, type Ledger } from './ledger.ts';
import { queuedItems } from './select.ts';

const AT = '2026-05-12T03:00:00Z';

describe('decide: what a run does with a post, given the ledger', () => {
  const cases: [string, Entry | undefined, boolean, ReturnType<typeof decide>][] = [
    ['never sent: send', undefined, false, { action: 'send', attempts: 0 }],
    ['posted: never again', { state: 'posted', hash: 'a', url: 'u', at: AT }, false, { action: 'skip', reason: 'posted' }],
    ['posted, content changed: still never again on social media', { state: 'posted', hash: 'old', url: 'u', at: AT }, false, { action: 'skip', reason: 'posted' }],
    ['posted dataset, data changed: update', { state: 'posted', hash: 'old', url: 'u', at: AT }, true, { action: 'update' }],
    ['failed: retry, counting attempts', { state: 'failed', hash: 'a', error: 'e', at: AT, attempts: 2 }, false, { action: 'send', attempts: 2 }],
    ['intent of this run (--niat): send', { state: 'intent', hash: 'a', run: 'r2', at: AT, attempts: 0 }, false, { action: 'send', attempts: 0 }],
    ['uncertain: wait for a person', { state: 'uncertain', hash: 'a', run: 'r1', at: AT, attempts: 0 }, false, { action: 'skip', reason: 'uncertain' }],
    ['answer lost (503 after sending): wait for a person', { state: 'uncertain', hash: 'a', run: 'r2', at: AT, attempts: 1, error: 'POST /2/tweets dijawab HTTP 503' }, false, { action: 'skip', reason: 'uncertain' }],
    ['not tried, its platform hung earlier in the run: send', { state: 'failed', hash: 'a', error: 'tidak dicoba', at: AT, attempts: 0 }, false, { action: 'send', attempts: 0 }],
    ['manual: wait for /tautan', { state: 'manual', hash: 'a', at: AT }, false, { action: 'skip', reason: 'manual' }],
  ];
  it.each(cases)('%s', (_, entry, updatable, expected) => {
    expect(decide(entry, 'a', 'r2', updatable)).toEqual(expected);
  });

  it('an intent left by a run that died becomes uncertain, unless the target is an idempotent update', () => {
    const left: Entry = { state: 'intent', hash: 'a', run: 'r1', at: AT, attempts: 0 };
    expect(decide(left, 'a', 'r2', false)).toEqual({ action: 'mark-uncertain', entry: left });
    expect(decide(left, 'a', 'r2', true)).toEqual({ action: 'send', attempts: 0 });
  });
});

describe('queuedItems: what the hourly run picks up', () => {
  const item = (slug: string, terbit?: string) => ({ dir: `content/berita/${slug}`, data: { terbit } }) as unknown as Item;
  const ledger: Ledger = new Map([
    ['content/berita/gagal', { item: 'content/berita/gagal', posts: { x: { state: 'failed', hash: 'a', error: 'e', at: AT, attempts: 1 } } }],
    ['content/berita/selesai', { item: 'content/berita/selesai', posts: { x: { state: 'posted', hash: 'a', url: 'u', at: AT } } }],
    ['content/berita/terjadwal-selesai', { item: 'content/berita/terjadwal-selesai', posts: { x: { state: 'posted', hash: 'a', url: 'u', at: AT } } }],
  ]);
  it('takes failed posts and scheduled items never posted, not finished or unscheduled ones', () => {
    const items = [item('gagal'), item('selesai'), item('lama'), item('terjadwal', '2026-05-12 08:00'), item('terjadwal-selesai', '2026-05-11 08:00')];
    expect(queuedItems(items, ledger).map((i) => i.dir)).toEqual(['content/berita/gagal', 'content/berita/terjadwal']);
  });
});

describe('the ledger files', () => {
  it('round-trip one JSON file per item under records/kirim/<jenis>/', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tayang-ledger-'));
    const record = { item: 'content/berita/panen', posts: { x: { state: 'posted' as const, hash: 'a', url: 'https://x.com/i/web/status/1', at: AT } } };
    await writeItemLedger(root, record);
    expect((await readLedger(root)).get('content/berita/panen')).toEqual(record);
  });

  it('stop the run with the file named when one is broken, rather than guess', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tayang-ledger-'));
    await mkdir(join(root, 'records/kirim/berita'), { recursive: true });
    await writeFile(join(root, 'records/kirim/berita/panen.json'), '{"item": "content/berita/panen", "posts": {"x": {"state": "terkirim"}}}');
    await expect(readLedger(root)).rejects.toThrow(/records\/kirim\/berita\/panen\.json rusak \(posts\.x\.state/);
    await writeFile(join(root, 'records/kirim/berita/panen.json'), '{"item": ');
    await expect(readLedger(root)).rejects.toThrow(/panen\.json rusak \(bukan JSON yang sah/);
  });
});
