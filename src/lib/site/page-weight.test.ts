import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { describeWeight, measurePage } from './page-weight.ts';

let dist: string | undefined;
afterEach(async () => {
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function site(files: Record<string, string>): Promise<string> {
  dist = await mkdtemp(join(tmpdir(), 'tayang-bobot-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), content);
  }
  return dist;
}

const css = 'body { color: #1b1f24; }\n'.repeat(40);
const chunk = 'export const kata = "dengarkan";\n';
const entry = 'import { kata } from "./bagian.js";\nconst cari = () => import("./indeks.js");\nconsole.log(kata, cari);\n';

describe('the weight of a built page', () => {
  it('counts the HTML, each linked stylesheet and script, and the modules a script imports, each once', async () => {
    const html = `<!doctype html><html lang="id"><head>
      <link rel="stylesheet" href="/_astro/situs.css"><link rel="icon" href="/favicon.svg">
      <script type="module" src="/_astro/baca.js"></script><script src="https://contoh.test/luar.js"></script>
      </head><body><p>Teks</p><script type="module" src="../../_astro/baca.js"></script></body></html>`;
    const root = await site({ 'berita/a/index.html': html, '_astro/situs.css': css, '_astro/baca.js': entry, '_astro/bagian.js': chunk, '_astro/indeks.js': 'x'.repeat(5000) });
    const weight = await measurePage(root, '/berita/a/');
    // The dynamic import (a search index, say) loads only when asked; the other site's file is not ours.
    expect(weight.parts.map((part) => [part.kind, part.path])).toEqual([
      ['html', '/berita/a/'],
      ['css', '/_astro/situs.css'],
      ['js', '/_astro/baca.js'],
      ['js', '/_astro/bagian.js'],
    ]);
    const sizes = [html, css, entry, chunk].map((text) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length }));
    expect(weight.parts.map(({ raw, gzip }) => ({ raw, gzip }))).toEqual(sizes);
    expect(weight.gzip).toBe(sizes.reduce((total, size) => total + size.gzip, 0));
    expect(weight.raw).toBe(sizes.reduce((total, size) => total + size.raw, 0));
  });

  it('finds the files of a site under a base path, and the 404 page by its file name', async () => {
    const root = await site({ '404.html': '<link rel="stylesheet" href="/kantor/_astro/s.css"><h1>Tidak ada</h1>', '_astro/s.css': css });
    const weight = await measurePage(root, '/kantor/404.html', '/kantor/');
    expect(weight.parts.map((part) => part.path)).toEqual(['/kantor/404.html', '/kantor/_astro/s.css']);
  });

  it('names the page, its total and every part in one line', async () => {
    const root = await site({ 'index.html': '<link rel="stylesheet" href="/s.css">', 's.css': css });
    expect(describeWeight(await measurePage(root, '/'))).toMatch(/^\/: [\d.]+ KB gzip \([\d.]+ KB mentah\) = HTML \/ [\d.]+ KB \([\d.]+ KB mentah\) \+ CSS \/s\.css 0\.1 KB \(1\.0 KB mentah\)$/);
  });
});
