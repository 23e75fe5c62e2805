import { existsSync } from 'node:fs';
import { changedItemDirs, gitChangedFiles } from '../checks/selection.ts';
import { isPublished, loadItems, readItem, type Item } from '../content/load.ts';
import { CONTENT_ROOT } from '../content/types.ts';
import { ProblemsError, type Problem } from '../errors/problem.ts';
import type { Ledger } from './ledger.ts';

/** Which items a publish run is about (the same for `tayang sosial` and `tayang kirim`). */
export interface Selection {
  /** Item folders named on the command line. */
  paths: string[];
  /** `--berubah[=REF]`: items changed since REF (true: since the merge base with main). */
  changedSince?: string | true;
  /** `--antrean`: items the ledger still owes (failed or unfinished posts), and scheduled items whose time has come but that were never posted. */
  queue: boolean;
  /** `--terjadwal`: keep items whose `terbit` is still ahead (a PR preview shows them; publishing never does). */
  includeScheduled?: boolean;
}

/** Items whose posts the ledger still owes, or scheduled (`terbit`) and due but not yet in the ledger. */
export function queuedItems(items: readonly Item[], ledger: Ledger): Item[] {
  return items.filter((item) => {
    const record = ledger.get(item.dir);
    if (!record) return item.data.terbit !== undefined;
    return Object.values(record.posts).some((entry) => entry.state === 'failed' || entry.state === 'intent');
  });
}

/**
 * The published items of a selection; with no paths, no `--berubah` and no `--antrean`, every
 * published item. Items not yet due (`terbit` in the future) are left out: the hourly run
 * picks them up with `--antrean` once their time has come.
 */
export async function selectItems(selection: Selection, ledger: Ledger, now: Date, office: { zone: string; pictureLimit: number }, cwd = '.'): Promise<{ items: Item[]; problems: Problem[] }> {
  const { zone, pictureLimit } = office;
  const problems: Problem[] = [];
  const chosen = new Map<string, Item>();
  const add = (item: Item) => {
    if (selection.includeScheduled || isPublished(item, now, zone)) chosen.set(item.dir, item);
  };
  const all = selection.paths.length === 0 && selection.changedSince === undefined && !selection.queue;
  if (all || selection.queue) {
    const loaded = await loadItems(CONTENT_ROOT, selection.includeScheduled ? { zone, pictureLimit } : { now, zone, pictureLimit });
    problems.push(...loaded.problems);
    for (const item of all ? loaded.items : queuedItems(loaded.items, ledger)) add(item);
  }
  const named = new Set(selection.paths.map((p) => p.replace(/\\/g, '/').replace(/\/(index\.mdx?)?$/, '').replace(/^\.\//, '')));
  const folders = new Set(named);
  if (selection.changedSince !== undefined) {
    const changed = await gitChangedFiles(selection.changedSince === true ? undefined : selection.changedSince, cwd);
    if (!changed.ok) throw new ProblemsError(changed.problems);
    for (const folder of changedItemDirs(changed.value)) folders.add(folder);
  }
  for (const folder of [...folders].sort()) {
    if (chosen.has(folder)) continue;
    // A changed item that was deleted has nothing to post.
    if (!existsSync(folder) && !named.has(folder)) continue;
    const result = await readItem(folder, { zone, pictureLimit });
    problems.push(...result.problems);
    if (result.item) add(result.item);
  }
  return { items: [...chosen.values()].sort((a, b) => a.dir.localeCompare(b.dir)), problems };
}
