import type { APIRoute, GetStaticPaths } from 'astro';
import { SECTION_TYPES } from '../../../lib/content/types.ts';
import { publishedItems, readItemFile, servedFiles, slugOf, type Entry } from '../../_content.ts';

/** Copies each published item's attachments, media and captions next to its page. */
export const getStaticPaths = (async () => {
  const paths = [];
  for (const jenis of SECTION_TYPES) {
    for (const entry of await publishedItems(jenis)) {
      for (const name of servedFiles(entry)) {
        paths.push({ params: { jenis, slug: slugOf(entry), berkas: name }, props: { entry, name } });
      }
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry; name: string }> = async ({ props }) => {
  return new Response(await readItemFile(props.entry, props.name));
};
