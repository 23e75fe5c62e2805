import type { GetStaticPaths } from 'astro';
import { serveBraille } from '../../_braille.ts';
import { textItemPaths } from '../../_paths.ts';

/** `/<jenis>/<slug>/braille.txt`: the text item's braille edition in Unicode braille, to read on a screen or a braille display. */
export const getStaticPaths = (() => textItemPaths('sections')) satisfies GetStaticPaths;

export const GET = serveBraille('unicode');
