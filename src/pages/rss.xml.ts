import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SECTION_TYPES } from '../lib/content/types.ts';
import { localToInstant } from '../lib/content/time.ts';
import { byNewest } from '../lib/site/listing.ts';
import { siteConfig } from '../lib/site/office.ts';
import { withBase } from '../lib/site/urls.ts';
import { pathOf, publishedItems } from './_content.ts';

/** The newest published items of every section (not the office's own pages); scheduled ones are not in the collections yet. */
const FEED_ITEMS = 30;

export const GET: APIRoute = async ({ site }) => {
  const { kantor } = await siteConfig();
  const entries = (await Promise.all(SECTION_TYPES.map((jenis) => publishedItems(jenis)))).flat().sort(byNewest).slice(0, FEED_ITEMS);
  return rss({
    title: kantor.nama,
    description: `Berita dan informasi terbaru dari ${kantor.nama}, ${kantor.induk}.`,
    site: new URL(import.meta.env.BASE_URL, site),
    customData: '<language>id</language>',
    items: entries.map((entry) => ({
      title: entry.data.judul,
      description: entry.data.ringkasan,
      pubDate: localToInstant(entry.data.tanggal, kantor.zona_waktu),
      link: withBase(import.meta.env.BASE_URL, pathOf(entry)),
      categories: [entry.collection, ...entry.data.tag],
    })),
  });
};
