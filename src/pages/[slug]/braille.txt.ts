import type { GetStaticPaths } from 'astro';
import { brailleFilePaths, serveBraille } from '../_braille.ts';

/** `/<slug>/braille.txt`: the text item's braille edition in Unicode braille, to read on a screen or a braille display. */
export const getStaticPaths = (() => brailleFilePaths('halaman')) satisfies GetStaticPaths;

export const GET = serveBraille('unicode');
