// A real Astro build and `tayang periksa` over the same items that must never reach the public:
// SVG pictures (which run script when opened directly), a decompression bomb, and frontmatter
// that is more than plain data. Both must name the same file and line, in Indonesian.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from '../checks/site.ts';
import { blankPng, HOSTILE_SVG } from '../support/pictures.ts';
import { berita, buildSite, expectBuildRefused, expectPeriksaRefused, type Refusal, type Site } from './build-site.ts';

const ALIAS_BOMB = Array.from({ length: 9 }, (_, i) => (i === 0 ? 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]' : `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`));

/** Each item with the line both must point at and words of the message. */
const EXPECTED: Refusal[] = [
  { file: 'content/berita/svg-gambar/index.md', line: 8, words: 'kolom `gambar.src`: gambar SVG "peta.svg" tidak diterima' },
  { file: 'content/galeri/svg-foto/index.md', line: 7, words: 'kolom `foto.0.src`: gambar SVG "denah.svg" tidak diterima' },
  { file: 'content/berita/svg-isi/index.md', line: 11, words: 'gambar SVG "denah.svg" tidak diterima' },
  { file: 'content/berita/svg-html/index.md', line: 11, words: 'gambar SVG "denah.svg" tidak diterima' },
  { file: 'content/berita/svg-menyamar/index.md', line: 8, words: 'kolom `gambar.src`: berkas "peta.png" bukan gambar JPG, PNG, WebP, AVIF atau GIF; isinya teks seperti SVG' },
  { file: 'content/pengumuman/lampiran-svg/index.md', line: 7, words: 'kolom `lampiran.0.berkas`: berkas "denah.png" bukan gambar JPG, PNG, WebP, AVIF atau GIF' },
  { file: 'content/berita/raksasa/index.md', line: 8, words: 'kolom `gambar.src`: gambar "raksasa.png" berukuran 20000 × 20000 piksel (400 megapiksel), melebihi batas 30 megapiksel' },
  { file: 'content/berita/fungsi/index.md', line: 6, words: 'tanda `!!js/function` (tag YAML) tidak diterima' },
  { file: 'content/berita/tanda/index.md', line: 6, words: 'tanda `!tempat` (tag YAML) tidak diterima' },
  { file: 'content/berita/gabung/index.md', line: 7, words: 'kunci gabungan `<<` (merge key YAML) tidak diterima' },
  { file: 'content/berita/bom-alias/index.md', line: 8, words: 'isian terlalu besar atau bersarang terlalu dalam' },
];

describe('pictures the site must not publish and frontmatter that is not plain data', () => {
  let site: Site;
  beforeAll(async () => {
    // One build for all of them: builds are slow.
    site = await buildSite({
      // The office's own pixel limit, which both the build and `periksa` must apply.
      'tayang.config.yml': `${CONFIG}  batas_piksel_gambar: 30000000\n`,
      'content/berita/svg-gambar/index.md': berita('gambar:\n  src: peta.svg\n  alt: Peta dusun\n'),
      'content/berita/svg-gambar/peta.svg': HOSTILE_SVG.prefixed,
      'content/galeri/svg-foto/index.md': '---\njudul: Denah\ntanggal: 2025-03-10\nringkasan: Denah dusun.\npenulis: Tim Admin\nfoto:\n  - src: denah.svg\n    alt: Denah dusun\n---\n',
      'content/galeri/svg-foto/denah.svg': HOSTILE_SVG.entity,
      'content/berita/svg-isi/index.md': `${berita('')}\n![Denah dusun](denah.svg)\n`,
      'content/berita/svg-isi/denah.svg': HOSTILE_SVG.entity,
      'content/berita/svg-html/index.md': `${berita('')}\n<img src="denah.svg" alt="Denah dusun">\n`,
      'content/berita/svg-html/denah.svg': HOSTILE_SVG.prefixed,
      'content/berita/svg-menyamar/index.md': berita('gambar:\n  src: peta.png\n  alt: Peta dusun\n'),
      'content/berita/svg-menyamar/peta.png': HOSTILE_SVG.prefixed,
      'content/pengumuman/lampiran-svg/index.md': '---\njudul: Denah\ntanggal: 2025-03-10\nringkasan: Denah dusun.\npenulis: Tim Admin\nlampiran:\n  - berkas: denah.png\n    judul: Denah dusun\n---\n',
      'content/pengumuman/lampiran-svg/denah.png': HOSTILE_SVG.entity,
      'content/berita/raksasa/index.md': berita('gambar:\n  src: raksasa.png\n  alt: Foto kerja bakti\n'),
      'content/berita/raksasa/raksasa.png': blankPng(20000, 20000),
      'content/berita/fungsi/index.md': berita('', 'lokasi: !!js/function "function () { return process.exit(1) }"\n'),
      'content/berita/tanda/index.md': berita('', 'lokasi: !tempat Balai Desa\n'),
      'content/berita/gabung/index.md': berita('<<: { judul: Judul Lain }\n'),
      'content/berita/bom-alias/index.md': berita(`${ALIAS_BOMB.join('\n')}\ntag: *a8\n`),
    });
  }, 120_000);
  afterAll(() => rm(site.dir, { recursive: true, force: true }));

  it('stop the build with an Indonesian problem naming the file and line of each, no stack trace, and nothing written', () => {
    expectBuildRefused(site, EXPECTED, /Stack trace|at async|\n\s+at |YAMLException|unknown tag|Could not transform/);
  });

  it('are schema findings of `tayang periksa` at the same files and lines', async () => {
    await expectPeriksaRefused(site, EXPECTED);
  });
});

describe('a picture the image service cannot process', () => {
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  let site: Site;
  beforeAll(async () => {
    // A limit below the picture's size makes sharp fail where the content check cannot see it.
    site = await buildSite({
      'astro.config.mjs': `export default { image: { service: { entrypoint: ${JSON.stringify(join(repo, 'src/lib/site/image-service.ts'))}, config: { limitInputPixels: 100 } } }, cacheDir: './.cache/astro', vite: { cacheDir: './.cache/vite', logLevel: 'error' } };\n`,
      'src/pages/index.astro': `---\nimport { getCollection } from 'astro:content';\nimport ContentImage from ${JSON.stringify(join(repo, 'src/components/ContentImage.astro'))};\nconst [item] = await getCollection('berita');\n---\n<ContentImage src={item.data.gambar.src} alt={item.data.gambar.alt} />\n`,
      'content/berita/peta/index.md': berita('gambar:\n  src: peta-dusun.png\n  alt: Peta dusun\n'),
      'content/berita/peta/peta-dusun.png': blankPng(40, 30),
    });
  }, 120_000);
  afterAll(() => rm(site.dir, { recursive: true, force: true }));

  it('stops the build with an Indonesian message naming it, instead of publishing it unprocessed', async () => {
    expect(site.code, site.output).not.toBe(0);
    expect(site.output).toContain('Gambar tidak bisa diterbitkan:\npeta-dusun.png: pengolah gambar situs (sharp) tidak bisa mengubah ukuran gambar ini');
    expect(site.output).not.toMatch(/Could not transform|will be used unoptimized/);
    // Astro's fallback would have written the original bytes as the page's AVIF or WebP. (The original
    // itself, emitted before pictures are processed, stays in the stopped build's folder, which is
    // never deployed.)
    const written = await readdir(join(site.dir, 'dist/_astro'), { recursive: true }).catch(() => []);
    expect(written.filter((name) => name.startsWith('peta-dusun') && /\.(avif|webp)$/.test(name))).toEqual([]);
  });
});

