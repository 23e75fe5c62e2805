/**
 * The pages' edge to the braille edition (src/lib/braille/): each text item's two files, made
 * once per build and shared by the item's page (which shows their sizes) and their endpoints.
 */
import type { APIRoute } from 'astro';
import { BRAILLE_FILES, makeBrailleEdition, type BrailleEdition } from '../lib/braille/edition.ts';
import { type BrailleItem } from '../lib/braille/item-text.ts';
import { isTextType } from '../lib/content/types.ts';
import { formatFileSize } from '../lib/site/files.ts';
import { siteConfig } from '../lib/site/office.ts';
import { pathOf, slugOf, type Entry } from './_content.ts';

export type BrailleFormat = keyof typeof BRAILLE_FILES;

const editions = new Map<string, Promise<BrailleEdition>>();

function editionOf(entry: Entry): Promise<BrailleEdition> {
  const key = `${entry.collection}/${entry.id}`;
  if (!editions.has(key)) editions.set(key, makeEdition(entry));
  return editions.get(key)!;
}

async function makeEdition(entry: Entry): Promise<BrailleEdition> {
  const { kantor, braille } = await siteConfig();
  const item = { jenis: entry.collection, data: entry.data, body: entry.body ?? '' } as BrailleItem;
  return makeBrailleEdition(item, kantor.zona_waktu, { cells: braille.sel_per_baris, lines: braille.baris_per_halaman });
}

/** The endpoint of one braille file: UTF-8 Unicode braille, or BRF (ASCII). */
export function serveBraille(format: BrailleFormat): APIRoute {
  return async ({ props }) => {
    const edition = await editionOf((props as { entry: Entry }).entry);
    const type = format === 'unicode' ? 'text/plain; charset=utf-8' : 'text/plain; charset=us-ascii';
    return new Response(edition[format], { headers: { 'Content-Type': type } });
  };
}

export interface BrailleLink {
  /** Path below the site's base: `/berita/musrenbang-2026/braille.brf`. */
  path: string;
  /** "3 KB" */
  size: string;
  /** The name a download is saved under, the item's own (`musrenbang-2026-braille.brf`): every item's file is `braille.brf`, and a reader who saves several would get "braille (1).brf", "braille (2).brf"… */
  filename: string;
}

/** The item's braille files for its page, or undefined for a type without a braille edition. */
export async function brailleLinks(entry: Entry): Promise<Record<BrailleFormat, BrailleLink> | undefined> {
  if (!isTextType(entry.collection)) return undefined;
  const edition = await editionOf(entry);
  const link = (format: BrailleFormat) => ({
    path: `${pathOf(entry)}${BRAILLE_FILES[format]}`,
    size: formatFileSize(Buffer.byteLength(edition[format])),
    filename: `${slugOf(entry)}-${BRAILLE_FILES[format]}`,
  });
  return { unicode: link('unicode'), brf: link('brf') };
}
