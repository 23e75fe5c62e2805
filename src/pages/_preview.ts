/**
 * The build's preview scope (src/lib/site/preview.ts), read once per build: every page's layout
 * asks whether this is a preview of a PR's items only.
 */
import { readPreviewScope } from '../lib/site/preview.ts';

export const previewScope = readPreviewScope(process.cwd());
