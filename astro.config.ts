import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { loadConfigFile } from './src/lib/config/load.ts';
import { formatProblems } from './src/lib/errors/problem.ts';

// The site's address comes from the office's config; a broken config stops the build here with
// the same Indonesian problem list the CLI prints, instead of a stack trace from a page.
const config = await loadConfigFile();
if (!config.ok) {
  console.error(`\ntayang.config.yml belum benar:\n${formatProblems(config.problems)}\n`);
  process.exit(1);
}

// Astro lets a BASE_URL environment variable replace import.meta.env.BASE_URL, which every link
// uses; vitest sets one and CI systems often do. The base comes only from TAYANG_BASE.
delete process.env.BASE_URL;

export default defineConfig({
  site: config.value.kantor.situs,
  // A GitHub Pages project site lives under /<repo>/: the deploy workflow sets TAYANG_BASE.
  base: process.env.TAYANG_BASE || '/',
  trailingSlash: 'always',
  // Every stylesheet is a file of the site: the Content-Security-Policy allows no inline <style>.
  build: { inlineStylesheets: 'never' },
  // Pictures inside the Markdown text get a srcset too, in widths a cheap phone can afford.
  image: { layout: 'constrained', breakpoints: [360, 720, 1080, 1440] },
  integrations: [mdx(), sitemap()],
});
