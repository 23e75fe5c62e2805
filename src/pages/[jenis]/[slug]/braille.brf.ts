import type { GetStaticPaths } from 'astro';
import { serveBraille } from '../../_braille.ts';
import { textItemPaths } from '../../_paths.ts';

/** `/<jenis>/<slug>/braille.brf`: the text item's braille edition for embossers (BRF, lines and pages of `braille:` in the config). */
export const getStaticPaths = (() => textItemPaths('sections')) satisfies GetStaticPaths;

export const GET = serveBraille('brf');
