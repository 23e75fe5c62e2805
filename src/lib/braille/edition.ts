import type { TimeZone } from '../site/dates.ts';
import { formatBrf, formatUnicodeBraille, type BrailleLayout } from './brf.ts';
import { brailleParagraphs, type BrailleItem } from './item-text.ts';

/**
 * The two braille files of a text item, served beside its page (`/<jenis>/<slug>/braille.txt`).
 * Neither name can be an item's own file: the site serves only attachment types beside a page
 * (ATTACHMENT_EXTENSIONS in src/lib/content/schema.ts), never .txt or .brf.
 */
export const BRAILLE_FILES = { unicode: 'braille.txt', brf: 'braille.brf' } as const;

export interface BrailleEdition {
  /** Unicode braille, one paragraph a line (UTF-8). */
  unicode: string;
  /** North American ASCII braille in lines and pages, for embossers. */
  brf: string;
}

export function makeBrailleEdition(item: BrailleItem, zone: TimeZone, layout: BrailleLayout): BrailleEdition {
  const paragraphs = brailleParagraphs(item, zone);
  return { unicode: formatUnicodeBraille(paragraphs), brf: formatBrf(paragraphs, layout) };
}
