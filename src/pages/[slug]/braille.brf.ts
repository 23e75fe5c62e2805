import type { GetStaticPaths } from 'astro';
import { brailleFilePaths, serveBraille } from '../_braille.ts';

/** `/<slug>/braille.brf`: the text item's braille edition for embossers (BRF, lines and pages of `braille:` in the config). */
export const getStaticPaths = (() => brailleFilePaths('halaman')) satisfies GetStaticPaths;

export const GET = serveBraille('brf');
