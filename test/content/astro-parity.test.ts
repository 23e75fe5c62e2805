// A real Astro build over items where Astro's own reading of a file used to differ from Tayang's:
// where the frontmatter ends, which definition a picture reference takes, how a picture address
// is decoded, what js-yaml makes of a value. What the checks pass must be exactly what the site
// publishes, and what Astro cannot build must stop the build in Indonesian, naming file and line.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from '../checks/site.ts';
import { blankPng, TINY_JPEG } from '../support/pictures.ts';
import { berita, buildSite, expectBuildRefused, expectPeriksaRefused, type Refusal, type Site } from './build-site.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ATTACHMENT_ROUTE = join(REPO, 'src/pages/[jenis]/[slug]/[...berkas].ts');
const PENGUMUMAN = (penulis: string, berkas: string) => `---\njudul: Pengumuman uji pagar\ntanggal: 2026-01-05\nringkasan: Ringkasan uji keamanan.\npenulis: ${penulis}\nlampiran:\n  - berkas: ${berkas}\n    judul: Formulir pendaftaran\n---\n`;

/** Each refused item with the line both must point at and words of the message. */
const REFUSED: Refusal[] = [
  // U+2028 before "---": Tayang stopped there, Astro read on and published .env as the attachment.
  { file: 'content/pengumuman/uji-pagar/index.md', line: 7, words: 'kolom `lampiran.0.berkas`: berkas "formulir.pdf" adalah tautan simbolik' },
  { file: 'content/artikel/tutup-plus/index.md', line: 6, words: 'baris "+++" mengakhiri frontmatter' },
  // The first definition is the one CommonMark and Astro use.
  { file: 'content/berita/rujukan-ganda/index.md', line: 11, words: 'gambar di naskah: "../../../rahasia.png" keluar dari folder item.' },
  { file: 'content/berita/persen-web/index.md', line: 11, words: 'alamat gambar "https://contoh.test/naik-100%.png" memuat tanda %' },
  { file: 'content/berita/persen-lokal/index.md', line: 11, words: 'alamat gambar "diskon-50%.png" memuat tanda %' },
  { file: 'content/berita/persen-html/index.md', line: 13, words: 'alamat gambar "diskon-50%.png" memuat tanda %' },
  { file: 'content/berita/tanda-gambar/index.md', line: 13, words: 'teks `__ASTRO_IMAGE_` dipakai pembangun situs (Astro) sebagai tanda gambar' },
  { file: 'content/berita/tanda-gambar-data/index.md', line: 6, words: 'teks `__ASTRO_IMAGE_` dipakai pembangun situs (Astro) sebagai tanda gambar' },
];

describe('items Astro used to read differently from the checks', () => {
  let site: Site;
  beforeAll(async () => {
    // One build for all of them: builds are slow.
    site = await buildSite({
      'tayang.config.yml': CONFIG,
      '.env': 'TOKEN_TERBIT=rahasia\n',
      'rahasia.png': blankPng(4, 4),
      [ATTACHMENT_ROUTE.slice(REPO.length)]: `export { getStaticPaths, GET } from ${JSON.stringify(ATTACHMENT_ROUTE)};\n`,
      'content/pengumuman/uji-pagar/index.md': PENGUMUMAN('Tim Uji\u2028---', 'formulir.pdf'),
      'content/pengumuman/uji-pagar/formulir.pdf': { linkTo: '../../../.env' },
      'content/artikel/tutup-plus/index.md': '---\njudul: Uji\ntanggal: 2026-01-05\nringkasan: Ringkasan uji.\npenulis: Tim Uji\n+++\ntag: [a]\n---\n\nIsi.\n',
      'content/berita/rujukan-ganda/index.md': `${berita('')}\n![Foto][f]\n\n[f]: ../../../rahasia.png\n[f]: foto.jpg\n`,
      'content/berita/rujukan-ganda/foto.jpg': TINY_JPEG,
      'content/berita/persen-web/index.md': `${berita('')}\n![Grafik](https://contoh.test/naik-100%.png)\n`,
      'content/berita/persen-lokal/index.md': `${berita('')}\n![Diskon](diskon-50%.png)\n`,
      'content/berita/persen-lokal/diskon-50%.png': blankPng(4, 4),
      'content/berita/persen-html/index.md': `${berita('')}\n![Foto](foto.jpg)\n\n<img src="diskon-50%.png" alt="Diskon">\n`,
      'content/berita/persen-html/foto.jpg': TINY_JPEG,
      'content/berita/persen-html/diskon-50%.png': blankPng(4, 4),
      'content/berita/tanda-gambar/index.md': `${berita('')}\n![Foto](foto.jpg)\n\nContoh: \`__ASTRO_IMAGE_="1"\`\n`,
      'content/berita/tanda-gambar/foto.jpg': TINY_JPEG,
      'content/berita/tanda-gambar-data/index.md': berita('', 'lokasi: "__ASTRO_IMAGE_../../../rahasia.png"\n'),
    });
  }, 120_000);
  afterAll(() => rm(site.dir, { recursive: true, force: true }));

  it('stop the build with an Indonesian problem naming the file and line of each, and nothing is written', () => {
    expectBuildRefused(site, REFUSED, /Stack trace|at async|\n\s+at |URIError|URI malformed|Failed to parse image reference/);
  });

  it('are schema findings of `tayang periksa` at the same files and lines', async () => {
    await expectPeriksaRefused(site, REFUSED);
  });
});

describe('values js-yaml reads differently from the checks', () => {
  let site: Site;
  beforeAll(async () => {
    site = await buildSite({
      [ATTACHMENT_ROUTE.slice(REPO.length)]: `export { getStaticPaths, GET } from ${JSON.stringify(ATTACHMENT_ROUTE)};\n`,
      'src/pages/berita.json.ts': `import { getCollection } from 'astro:content';\nexport async function GET() {\n  return new Response(JSON.stringify((await getCollection('berita')).map((entry) => ({ id: entry.id, data: entry.data }))));\n}\n`,
      // js-yaml makes a Date of the first two and the number 5 of `0b101`; Astro's schema then
      // stopped the build in English.
      'content/berita/tanggal-teks/index.md': berita('tag: [2026-08-17]\n', 'lokasi: 2026-08-17\n').replace('penulis: Tim Admin', 'penulis: 0b101'),
      'content/pengumuman/formulir/index.md': PENGUMUMAN('Tim Admin', 'formulir.pdf'),
      'content/pengumuman/formulir/formulir.pdf': '%PDF-1.4 formulir\n',
    });
  }, 120_000);
  afterAll(() => rm(site.dir, { recursive: true, force: true }));

  it('are published as the checks read them: text stays text', async () => {
    expect(site.code, site.output).toBe(0);
    const entries = JSON.parse(await readFile(join(site.dir, 'dist/berita.json'), 'utf8')) as { id: string; data: Record<string, unknown> }[];
    expect(entries).toEqual([{ id: 'tanggal-teks', data: expect.objectContaining({ penulis: '0b101', lokasi: '2026-08-17', tag: ['2026-08-17'] }) }]);
  });

  it('leaves the attachment page serving an ordinary file as it is', async () => {
    expect(await readFile(join(site.dir, 'dist/pengumuman/formulir/formulir.pdf'), 'utf8')).toBe('%PDF-1.4 formulir\n');
  });
});

