/**
 * The braille edition's build cost: every text item of the corpus (berita, pengumuman, agenda,
 * artikel, dokumen, halaman) translated and formatted into its Unicode and BRF files, in one
 * process with the corpus's own copy of the code (the commit under test), as the site build does
 * it once per item. Milliseconds per item, and the total.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from './corpus.ts';
import { spread, type Spread } from './periksa.ts';

export interface BrailleTimes {
  items: number;
  /** Items with a braille edition among `items`. */
  textItems: number;
  totalMs: number;
  perItem: Spread;
  /** Size of all the files made (Unicode UTF-8 + BRF), in KB. */
  outputKb: number;
}

export async function benchBraille(corpus: Corpus, items: number): Promise<BrailleTimes> {
  const load = <T>(path: string) => import(pathToFileURL(join(corpus.tayangDir, path)).href) as Promise<T>;
  const { loadItems } = await load<typeof import('../src/lib/content/load.ts')>('src/lib/content/load.ts');
  const { isTextType } = await load<typeof import('../src/lib/content/types.ts')>('src/lib/content/types.ts');
  const { makeBrailleEdition } = await load<typeof import('../src/lib/braille/edition.ts')>('src/lib/braille/edition.ts');
  const { DEFAULT_LAYOUT } = await load<typeof import('../src/lib/braille/brf.ts')>('src/lib/braille/brf.ts');
  const { items: loaded } = await loadItems(join(corpus.tayangDir, 'content'));
  const text = loaded.filter((item) => isTextType(item.jenis));
  const times: number[] = [];
  let bytes = 0;
  for (const item of text) {
    const start = performance.now();
    const edition = makeBrailleEdition(item as Parameters<typeof makeBrailleEdition>[0], 'Asia/Jakarta', DEFAULT_LAYOUT);
    times.push(performance.now() - start);
    bytes += Buffer.byteLength(edition.unicode) + Buffer.byteLength(edition.brf);
  }
  return { items, textItems: text.length, totalMs: Math.round(times.reduce((a, b) => a + b, 0)), perItem: spread(times), outputKb: Math.round(bytes / 1024) };
}
