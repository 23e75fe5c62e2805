import { z } from 'zod';
import { DEFAULT_LAYOUT } from '../braille/brf.ts';

/**
 * The `braille:` section of tayang.config.yml: the page of the office's embosser for the `.brf`
 * edition of every text item (src/lib/braille/). 40 cells and 25 lines is the North American
 * page (11 × 11.5 inci); Indonesian A4 braille paper takes at most 40 cells and 28 lines.
 *
 * @example
 * braille:
 *   sel_per_baris: 40
 *   baris_per_halaman: 28
 */

const count = (what: string, min: number, max: number, usual: string) =>
  z
    .number({ error: `${what} ditulis sebagai bilangan bulat, misalnya ${usual}.` })
    .int({ error: `${what} harus bilangan bulat, misalnya ${usual}.` })
    .min(min, { error: `${what} paling sedikit ${min}: kurang dari itu satu baris tidak memuat kata dan nomor halaman braille.` })
    .max(max, { error: `${what} paling banyak ${max}; kertas braille biasa memuat ${usual}. Periksa ukuran kertas pencetak braille kantor.` });

export const BrailleConfigSchema = z.strictObject({
  /** Cells a line of the embosser's paper. @example 40 */
  sel_per_baris: count('sel_per_baris (sel braille per baris)', 20, 50, '40 sel').default(DEFAULT_LAYOUT.cells),
  /** Lines a page; Indonesian A4 braille paper often takes 28. @example 25 */
  baris_per_halaman: count('baris_per_halaman (baris braille per halaman)', 10, 50, '25 atau 28 baris').default(DEFAULT_LAYOUT.lines),
});

export type BrailleConfig = z.output<typeof BrailleConfigSchema>;
