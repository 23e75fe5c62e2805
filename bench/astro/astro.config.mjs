// The plain Astro project of the side-by-side benchmark (bench/side.ts): the same Astro, the same
// pictures in the same widths and formats as Tayang's pages, minimal templates, nothing else.
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://jenawi.karanganyarkab.go.id',
  trailingSlash: 'always',
  image: { layout: 'constrained', breakpoints: [360, 720, 1080, 1440] },
  integrations: [sitemap()],
});
