import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedItems, servedFilePaths, serveItemFile } from '../_content.ts';

/** Copies the files an office page's body links to (a request form, a service charter) next to it: `/<slug>/<file>`. */
export const getStaticPaths = (async () => servedFilePaths(await publishedItems('halaman'))) satisfies GetStaticPaths;

export const GET: APIRoute = serveItemFile;
