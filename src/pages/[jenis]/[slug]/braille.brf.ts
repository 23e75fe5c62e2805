import type { GetStaticPaths } from 'astro';
import { brailleFilePaths, serveBraille } from '../../_braille.ts';

/** `/<jenis>/<slug>/braille.brf`: the text item's braille edition for embossers (BRF, lines and pages of `braille:` in the config). */
export const getStaticPaths = (() => brailleFilePaths('sections')) satisfies GetStaticPaths;

export const GET = serveBraille('brf');
