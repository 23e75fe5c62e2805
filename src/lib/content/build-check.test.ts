import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_SVG, TINY_JPEG } from '../../../test/support/pictures.ts';
import { checkContentForBuild, type ContentCheckOptions } from './build-check.ts';

let root: string;
let options: ContentCheckOptions;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tayang-periksa-bangun-'));
  options = { config: undefined, configText: 'kantor: {}\n', cacheFile: join(root, 'node_modules/.astro/tayang-pemeriksaan.json') };
  await put('content/berita/kerja-bakti/index.md', item('Kerja Bakti di Desa Anggrasmanis'));
  await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
  await put('content/berita/posyandu/index.md', item('Posyandu Balita Desa Wonorejo'));
  await put('content/berita/posyandu/foto.jpg', TINY_JPEG);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, content: string | Uint8Array) {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}

function item(judul: string, body = 'Isi berita.') {
  return `---\njudul: ${judul}\ntanggal: 2025-03-10\nringkasan: Warga bergotong royong.\npenulis: Tim Admin\nlokasi: Desa Anggrasmanis\ngambar:\n  src: foto.jpg\n  alt: Warga membersihkan saluran air di tepi jalan desa\n---\n\n${body}\n`;
}

const messages = (check: { problems: { file: string; message: string }[] }) => check.problems.map((problem) => `${problem.file}: ${problem.message.split(':')[0]}`);

describe('the site build’s content check, kept between builds', () => {
  it('reads only the folders that changed, and reports the same as a check from scratch', async () => {
    expect(await checkContentForBuild(root, options)).toMatchObject({ read: 2, folders: 2, problems: [] });
    expect(await checkContentForBuild(root, options)).toMatchObject({ read: 0, folders: 2, problems: [] });

    await put('content/berita/posyandu/index.md', item('Posyandu Balita Desa Wonorejo', 'Penerima: Sutarmi (NIK 3313014506800001).'));
    const changed = await checkContentForBuild(root, options);
    expect(changed.read).toBe(1);
    expect(messages(changed)).toEqual(['content/berita/posyandu/index.md: privacy/nik']);
    // An unchanged folder with a problem keeps reporting it: what is kept is the result, never a pass.
    const again = await checkContentForBuild(root, options);
    expect(again.read).toBe(0);
    expect(again.problems).toEqual(changed.problems);
    expect(again.problems).toEqual((await checkContentForBuild(root, { ...options, cacheFile: undefined })).problems);
  });

  it('reads a folder again when any file in it changes, even one rewritten with its old size and time', async () => {
    const photo = join(root, 'content/berita/kerja-bakti/foto.jpg');
    const dated = new Date('2026-01-05T08:00:00Z');
    await utimes(photo, dated, dated);
    await checkContentForBuild(root, options);
    // An SVG with a script, saved as the picture, padded to the JPEG's size and dated back.
    const svg = Buffer.alloc(TINY_JPEG.length, ' ');
    Buffer.from(HOSTILE_SVG.prefixed).copy(svg);
    expect(HOSTILE_SVG.prefixed.length).toBeLessThanOrEqual(TINY_JPEG.length);
    await writeFile(photo, svg);
    await utimes(photo, dated, dated);
    expect((await stat(photo)).mtime).toEqual(dated);
    const check = await checkContentForBuild(root, options);
    expect(check.read).toBe(1);
    expect(messages(check)).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ file: 'content/berita/kerja-bakti/index.md', field: 'gambar.src' });

    await rm(photo);
    expect(messages(await checkContentForBuild(root, options))).toEqual([expect.stringMatching(/^content\/berita\/kerja-bakti\/index\.md: berkas "foto\.jpg" tidak ada/)]);
  });

  it('reads a folder again when a file is added to it', async () => {
    await checkContentForBuild(root, options);
    await put('content/berita/kerja-bakti/lampiran.pdf', '%PDF-1.4\n');
    expect((await checkContentForBuild(root, options)).read).toBe(1);
  });

  it('reads every folder again under another config or another program', async () => {
    await checkContentForBuild(root, options);
    expect((await checkContentForBuild(root, { ...options, configText: 'kantor: { nama: Kecamatan Jenawi }\n' })).read).toBe(2);
    await put('src/lib/checks/aturan-baru.ts', 'export {};\n');
    expect((await checkContentForBuild(root, { ...options, configText: 'kantor: { nama: Kecamatan Jenawi }\n' })).read).toBe(2);
  });

  it('reads every folder when the kept results are damaged, and says nothing of it', async () => {
    await checkContentForBuild(root, options);
    await writeFile(options.cacheFile!, '{"format": "tayang-pemeriksaan/1", "folders": 3');
    expect(await checkContentForBuild(root, options)).toMatchObject({ read: 2, problems: [] });
  });
});
