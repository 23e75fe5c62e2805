import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

export const GET: APIRoute = async ({ site }) => {
  const entries = [...(await getCollection('berita')), ...(await getCollection('pengumuman'))].sort((a, b) => b.data.tanggal.getTime() - a.data.tanggal.getTime()).slice(0, 20);
  return rss({
    title: 'Kecamatan Jenawi',
    description: 'Berita dan pengumuman',
    site: site!,
    items: entries.map((entry) => ({ title: entry.data.judul, pubDate: entry.data.tanggal, description: entry.data.ringkasan, link: `/${entry.collection}/${entry.id}/` })),
  });
};
