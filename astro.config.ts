import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { defineConfig } from 'astro/config';
import { writeSourceStamp } from './src/lib/archive/source-stamp.ts';
import { loadConfigFile } from './src/lib/config/load.ts';
import { formatProblems } from './src/lib/errors/problem.ts';
import { describePreviewScope, readPreviewScope } from './src/lib/site/preview.ts';
import { writeSearchIndex } from './src/lib/site/search-index.ts';
import { CONTENT_HTML_PLUGINS, CONTENT_REMARK_REHYPE } from './src/lib/content/html.ts';
import { rehypeSiteLinks } from './src/lib/content/site-links.ts';

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
const base = process.env.TAYANG_BASE || '/';

// A PR that changes only items gets a preview of those items (src/lib/site/preview.ts; the
// loader in src/content.config.ts reads the same scope). Such a build is never an archive's site:
// it gets no source stamp, and it neither reuses nor replaces the pages kept for the next build.
const preview = await readPreviewScope(fileURLToPath(new URL('.', import.meta.url)));
const itemsOnly = preview.kind === 'items';

function previewNotice(): AstroIntegration {
  return {
    name: 'tayang-pratinjau',
    hooks: {
      'astro:config:done': ({ logger }) => {
        const line = describePreviewScope(preview);
        if (line !== undefined) (preview.kind === 'unknown' ? logger.warn : logger.info).call(logger, line);
      },
    },
  };
}

function sourceStamp(): AstroIntegration {
  let root = '';
  return {
    name: 'tayang-sumber',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir }) => writeSourceStamp(root, fileURLToPath(dir)),
    },
  };
}

// The static search index (Pagefind) over the finished pages: /cari/ searches it in the browser.
// A pull request's preview (periksa.yml sets TAYANG_PRATINJAU=1) shows the officials the changed
// pages; the index, made whole in every build (a few milliseconds a page), is left out of it,
// and the preview's search page says search cannot load and lists everything published instead.
function searchIndex(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'tayang-cari',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.TAYANG_PRATINJAU === '1') {
          logger.info('Indeks pencarian tidak dibuat: ini pratinjau PR (TAYANG_PRATINJAU=1). Halaman Cari menampilkan daftar semua informasi.');
          return;
        }
        const index = await writeSearchIndex(fileURLToPath(dir), cacheDir);
        logger.info(`Indeks pencarian: ${index.pages} halaman${index.reused ? ' (tidak ada yang berubah: indeks build sebelumnya dipakai lagi)' : ''}`);
      },
    },
  };
}

export default defineConfig({
  site: config.value.kantor.situs,
  // A GitHub Pages project site lives under /<repo>/: the deploy workflow sets TAYANG_BASE.
  base,
  trailingSlash: 'always',
  // Every stylesheet is a file of the site: the Content-Security-Policy allows no inline <style>.
  build: { inlineStylesheets: 'never' },
  // …and every script too: Astro inlines a script smaller than Vite's assetsInlineLimit (4 KB),
  // which the CSP would block. 0 also keeps Vite from making small assets data: URLs, which
  // img-src 'self' would block as well.
  vite: { build: { assetsInlineLimit: 0 } },
  // Pictures inside the Markdown text get a srcset too, in widths a cheap phone can afford.
  // The image service refuses, with an Indonesian message, a picture sharp cannot process, where
  // Astro's own would publish it as it is (full size, EXIF and GPS kept).
  image: {
    layout: 'constrained',
    breakpoints: [360, 720, 1080, 1440],
    service: { entrypoint: fileURLToPath(new URL('./src/lib/site/image-service.ts', import.meta.url)) },
  },
  // unified rather than Astro's default (Sätteri, which runs no rehype plugin): raw HTML in an item
  // is parsed as a browser parses it and cut down to the allowlist that `tayang periksa` checks
  // against (src/lib/content/html.ts). No code highlighting: its inline styles break the CSP.
  markdown: {
    // Links to the site's own pages written from its root (`/informasi-publik/`) get the base too.
    processor: unified({ rehypePlugins: [...CONTENT_HTML_PLUGINS, rehypeSiteLinks(base)], remarkRehype: CONTENT_REMARK_REHYPE }),
    syntaxHighlight: false,
  },
  // A rebuild copies from the previous one (node_modules/.astro) every item page whose cache key
  // and code are unchanged (src/pages/_paths.ts); deleting that folder makes every page again.
  // Not in a preview of a PR's items: it would drop every other page kept for the next build.
  experimental: { incrementalBuild: !itemsOnly },
  // No mdx(): items are index.md only (src/content.config.ts) and the content check refuses an
  // index.mdx (security/mdx), so the integration only cost build time.
  integrations: [
    previewNotice(),
    sitemap(),
    // Which config, content and records the site was built from, so `tayang arsip` can refuse a
    // site built from a draft (src/lib/archive/source-stamp.ts).
    ...(itemsOnly ? [] : [sourceStamp()]),
    searchIndex(),
  ],
});
