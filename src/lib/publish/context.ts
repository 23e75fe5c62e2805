import { loadConfigFile } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import type { Item } from '../content/load.ts';
import { ProblemsError, type Problem } from '../errors/problem.ts';
import { readLedger, type Ledger } from './ledger.ts';
import { selectItems, type Selection } from './select.ts';

/** What `tayang sosial` and `tayang kirim` share: the config, the ledger and the chosen items. */
export interface PublishContext {
  config: Config;
  ledger: Ledger;
  items: Item[];
  /** Items that could not be read; reported, but they do not stop the others. */
  problems: Problem[];
  /** Astro's base path, as the build used it. */
  base: string;
}

export interface SelectionOptions {
  berubah?: string | true;
  antrean?: boolean;
  terjadwal?: boolean;
}

/** Loads everything from the working tree; a broken config or ledger stops the run with its problems. */
export async function loadPublishContext(paths: string[], options: SelectionOptions, now: Date, env: Record<string, string | undefined>): Promise<PublishContext> {
  const config = await loadConfigFile();
  if (!config.ok) throw new ProblemsError(config.problems);
  let ledger: Ledger;
  try {
    ledger = await readLedger('.');
  } catch (error) {
    throw new ProblemsError([{ file: 'records/kirim', message: (error as Error).message }]);
  }
  const selection: Selection = { paths, changedSince: options.berubah, queue: options.antrean ?? false, includeScheduled: options.terjadwal ?? false };
  // The office's own picture limit, as in tayang periksa and the site build.
  const { items, problems } = await selectItems(selection, ledger, now, { zone: config.value.kantor.zona_waktu, pictureLimit: config.value.periksa.batas_piksel_gambar });
  return { config: config.value, ledger, items, problems, base: env.TAYANG_BASE || '/' };
}
