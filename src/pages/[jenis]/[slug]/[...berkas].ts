import type { APIRoute, GetStaticPaths } from 'astro';
import { SECTION_TYPES } from '../../../lib/content/types.ts';
import { publishedItems, servedFilePaths, serveItemFile } from '../../_content.ts';

/** Copies each published item's attachments, media, captions and body-linked files next to its page. */
export const getStaticPaths = (async () => {
  const paths = [];
  for (const jenis of SECTION_TYPES) paths.push(...(await servedFilePaths(await publishedItems(jenis))).map(({ params, props }) => ({ params: { jenis, ...params }, props })));
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = serveItemFile;
