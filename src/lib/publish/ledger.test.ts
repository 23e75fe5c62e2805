import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Item } from '../content/load.ts';
import { decide, followMovedItems, readLedger, writeItemLedger, type Entry, type Ledger } from './ledger.ts';
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

describe('a record follows its item when the folder is renamed or moved', () => {
  const posted: Entry = { state: 'posted', hash: 'a', url: 'https://x.com/i/web/status/1', at: AT };

  async function repository() {
    const root = await mkdtemp(join(tmpdir(), 'tayang-ledger-'));
    const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=uji', '-c', 'user.email=uji@example.go.id', ...args], { cwd: root });
    await git('init', '--quiet', '--initial-branch=main');
    const commit = async (message: string) => {
      await git('add', '--all', 'content');
      await git('commit', '--quiet', '-m', message);
    };
    const write = async (folder: string, text: string) => {
      await mkdir(join(root, folder), { recursive: true });
      await writeFile(join(root, folder, 'index.md'), text);
    };
    return { root, commit, write };
  }
  const TEXT = '---\njudul: Panen Raya Padi di Bunder\ntanggal: 2026-05-11\n---\n\nPetani Bunder memanen padi bersama di sawah padukuhan pada Senin pagi.\n';

  it('reads a ledger file from before (keyed by the folder alone) as the item\'s record, with nothing to migrate', async () => {
    const { root, commit, write } = await repository();
    await write('content/berita/panen', TEXT);
    await commit('Berita panen');
    await mkdir(join(root, 'records/kirim/berita'), { recursive: true });
    await writeFile(join(root, 'records/kirim/berita/panen.json'), JSON.stringify({ item: 'content/berita/panen', posts: { x: posted } }));
    const ledger = await readLedger(root);
    expect(await followMovedItems(ledger, ['content/berita/panen'], root, { write: true })).toEqual([]);
    expect(decide(ledger.get('content/berita/panen')!.posts.x, 'a', 'r2', false)).toEqual({ action: 'skip', reason: 'posted' });
  });

  it('follows a rename and then a move, as git followed the item\'s index.md', async () => {
    const { root, commit, write } = await repository();
    await write('content/berita/panen', TEXT);
    await commit('Berita panen');
    await writeItemLedger(root, { item: 'content/berita/panen', posts: { x: posted } });

    await rename(join(root, 'content/berita/panen'), join(root, 'content/berita/panen-raya'));
    await commit('Ganti nama');
    let ledger = await readLedger(root);
    expect(await followMovedItems(ledger, ['content/berita/panen-raya'], root, { write: true })).toEqual([{ from: 'content/berita/panen', to: 'content/berita/panen-raya' }]);

    await mkdir(join(root, 'content/artikel'), { recursive: true });
    await rename(join(root, 'content/berita/panen-raya'), join(root, 'content/artikel/panen-raya'));
    await commit('Pindah jenis');
    ledger = await readLedger(root);
    await followMovedItems(ledger, ['content/artikel/panen-raya'], root, { write: true });

    ledger = await readLedger(root);
    expect([...ledger.keys()]).toEqual(['content/artikel/panen-raya']);
    expect(ledger.get('content/artikel/panen-raya')).toEqual({ item: 'content/artikel/panen-raya', moved_from: ['content/berita/panen', 'content/berita/panen-raya'], posts: { x: posted } });
  });

  it('leaves the record with the original when an item is copied into a new folder', async () => {
    const { root, commit, write } = await repository();
    await write('content/berita/panen', TEXT);
    await commit('Berita panen');
    await writeItemLedger(root, { item: 'content/berita/panen', posts: { x: posted } });
    await cp(join(root, 'content/berita/panen'), join(root, 'content/berita/panen-2027'), { recursive: true });
    await commit('Salin untuk tahun depan');
    const ledger = await readLedger(root);
    expect(await followMovedItems(ledger, ['content/berita/panen-2027'], root, { write: true })).toEqual([]);
    expect(ledger.has('content/berita/panen')).toBe(true);
  });

  it('gives a new item in an old folder a record of its own', async () => {
    const { root, commit, write } = await repository();
    await write('content/berita/libur', TEXT);
    await commit('Pengumuman libur');
    await writeItemLedger(root, { item: 'content/berita/libur', posts: { x: posted } });
    await rename(join(root, 'content/berita/libur'), join(root, 'content/berita/libur-2026'));
    await commit('Ganti nama');
    await followMovedItems(await readLedger(root), ['content/berita/libur-2026'], root, { write: true });

    expect((await readLedger(root)).has('content/berita/libur')).toBe(false);
    const fresh = { item: 'content/berita/libur', posts: { x: { ...posted, url: 'https://x.com/i/web/status/2' } } };
    await writeItemLedger(root, fresh);
    const ledger = await readLedger(root);
    expect(ledger.get('content/berita/libur')).toEqual(fresh);
    expect(ledger.get('content/berita/libur-2026')!.posts.x).toEqual(posted);
    expect(JSON.parse(await readFile(join(root, 'records/kirim/berita/libur-2026.json'), 'utf8')).moved_from).toEqual(['content/berita/libur']);
  });
});
