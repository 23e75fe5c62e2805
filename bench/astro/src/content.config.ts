import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// The items as Tayang writes them (content/<jenis>/<slug>/index.md): what the pages show, no checks.
const item = (jenis: string) =>
  defineCollection({
    loader: glob({ pattern: '*/index.md', base: `./content/${jenis}` }),
    schema: ({ image }) => z.object({ judul: z.string(), tanggal: z.coerce.date(), ringkasan: z.string(), penulis: z.string(), gambar: z.object({ src: image(), alt: z.string() }).optional() }),
  });

export const collections = { berita: item('berita'), pengumuman: item('pengumuman'), agenda: item('agenda'), halaman: item('halaman') };
