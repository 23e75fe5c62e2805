import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankPng, HOSTILE_SVG, TINY_JPEG } from '../../../test/support/pictures.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { isPublished, loadItems, readItem, referencedFiles } from './load.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tayang-konten-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, text: string | Uint8Array = '') {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

const BERITA = `---
judul: Kerja Bakti di Desa Anggrasmanis
tanggal: 2025-03-10
ringkasan: Warga membersihkan saluran air.
penulis: Tim Admin
lokasi: Desa Anggrasmanis
gambar:
  src: foto.jpg
  alt: Warga membersihkan saluran air di tepi jalan desa
---

Isi berita.
`;

describe('splitFrontmatter', () => {
  it('finds where the body starts', () => {
    expect(splitFrontmatter('---\na: 1\nb: 2\n---\nIsi')).toEqual({ yaml: 'a: 1\nb: 2\n', yamlLineOffset: 1, body: 'Isi', bodyLine: 5 });
    expect(splitFrontmatter('---\r\na: 1\r\n---\r\nIsi')?.bodyLine).toBe(4);
    expect(splitFrontmatter('Tanpa frontmatter')).toBeUndefined();
  });

  // Astro reads the data of what it takes as frontmatter; the checks must read the same text.
  it.each([
    ['a line separator', 'penulis: Tim Uji\u2028---\nlampiran: [a.pdf]\n'],
    ['a paragraph separator', 'penulis: Tim Uji\u2029---\nlampiran: [a.pdf]\n'],
    ['a lone carriage return', 'penulis: Tim Uji\r---\nlampiran: [a.pdf]\n'],
    ['Windows line ends', 'penulis: Tim\r\nlampiran: [a.pdf]\r\n'],
    ['nothing', ''],
  ])('ends the frontmatter where Astro does, only at "\\n---", around %s', (_, yaml) => {
    const text = `---\n${yaml}---\n\nIsi.\n`;
    expect(splitFrontmatter(text)).toMatchObject({ yaml, body: '\nIsi.\n' });
    expect(extractFrontmatter(text)).toBe(`\n${yaml}`);
  });

  it('ends it where Astro does at a line opening with "+++" or "---x", and marks that line', () => {
    for (const closing of ['+++', '----', '--- lanjut']) {
      const text = `---\njudul: Uji\n${closing}\nlampiran: [a.pdf]\n---\nIsi.\n`;
      expect(extractFrontmatter(text)).toBe('\njudul: Uji\n');
      expect(splitFrontmatter(text)).toMatchObject({ yaml: 'judul: Uji\n', body: `${closing.slice(3)}\nlampiran: [a.pdf]\n---\nIsi.\n`, bodyLine: 3, oddClosingLine: { line: 3, text: closing } });
    }
  });
});

describe('loadItems', () => {
  it('reads items with their type, slug, body line and validated data', async () => {
    await put('content/berita/kerja-bakti/index.md', BERITA);
    await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
    const { items, problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      jenis: 'berita',
      slug: 'kerja-bakti',
      dir: `${root}/content/berita/kerja-bakti`,
      file: `${root}/content/berita/kerja-bakti/index.md`,
      body: '\nIsi berita.\n',
      bodyLine: 11,
      data: { judul: 'Kerja Bakti di Desa Anggrasmanis', tanggal: '2025-03-10', tag: [] },
    });
  });

  it('names the file, line and field of a picture that is missing', async () => {
    await put('content/berita/kerja-bakti/index.md', BERITA);
    const { items, problems } = await loadItems(join(root, 'content'));
    expect(items).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ file: `${root}/content/berita/kerja-bakti/index.md`, line: 8, field: 'gambar.src', message: 'berkas "foto.jpg" tidak ada di folder item ini.' }),
    ]);
  });

  it('refuses a file that leaves the item folder through a symbolic link', async () => {
    await put('content/berita/kerja-bakti/index.md', BERITA);
    await put('rahasia.jpg');
    await symlink(join(root, 'rahasia.jpg'), join(root, 'content/berita/kerja-bakti/foto.jpg'));
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([expect.objectContaining({ line: 8, field: 'gambar.src', message: 'berkas "foto.jpg" adalah tautan simbolik, jadi isinya bisa berasal dari luar folder item dan luput dari pemeriksaan.' })]);
  });

  it('reports every file named by a type: attachments, photos, captions, documents', async () => {
    await put('content/video/profil/index.md', '---\njudul: Profil\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nberkas: profil.webm\ntakarir: profil.vtt\n---\n');
    await put('content/video/profil/profil.webm');
    await put('content/pengumuman/libur/index.md', '---\njudul: Libur\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nlampiran:\n  - { berkas: surat.pdf, judul: Surat }\n---\n');
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['lampiran.0.berkas', 7],
      ['takarir', 7],
    ]);
  });

  it('refuses a `kolom` the dataset’s CSV does not have, naming the columns it has, and a CSV it cannot read', async () => {
    const data = (kolom: string) => `---\njudul: Penduduk\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nberkas: penduduk.csv\nprodusen: Seksi Pemerintahan\nfrekuensi: semesteran\nsatuan: jiwa\nperiode: 2025\nkolom:\n${kolom}---\n`;
    await put('content/data/penduduk/index.md', data('  desa: { label: Desa }\n  laki2: { label: Laki-laki, satuan: jiwa }\n'));
    await put('content/data/penduduk/penduduk.csv', 'desa,laki_laki,perempuan\nJenawi,2215,2268\n');
    await put('content/data/rusak/index.md', data('  desa: { label: Desa }\n').replace('penduduk.csv', 'rusak.csv'));
    await put('content/data/rusak/rusak.csv', 'desa,jumlah\nJenawi,12\n"Balong"x,3\n');
    const { items, problems } = await loadItems(join(root, 'content'));
    expect(items).toEqual([]);
    expect(problems).toEqual([
      {
        file: `${root}/content/data/penduduk/index.md`,
        line: 13,
        field: 'kolom.laki2',
        message: 'berkas "penduduk.csv" tidak punya kolom "laki2".',
        fix: 'tulis nama kolom persis seperti di baris pertama berkas CSV: desa, laki_laki, perempuan.',
      },
      expect.objectContaining({ file: `${root}/content/data/rusak/index.md`, line: 6, field: 'berkas', message: 'rusak.csv baris 3: tanda kutip (") di berkas CSV tidak berpasangan.' }),
    ]);
  });

  it('refuses a dataset or an attachment CSV that is not UTF-8 (UTF-16 from Excel\'s "Unicode text", NUL bytes), and says how to save it', async () => {
    const data = '---\njudul: Penerima\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nberkas: penerima.csv\nprodusen: Seksi Pemerintahan\nfrekuensi: tahunan\nsatuan: orang\nperiode: 2025\n---\n';
    await put('content/data/penerima/index.md', data);
    await put('content/data/penerima/penerima.csv', Buffer.from('\uFEFFnama\tnik\nBudi\t3313011205800001\n', 'utf16le'));
    await put('content/data/tanpa-bom/index.md', data);
    await put('content/data/tanpa-bom/penerima.csv', Buffer.from('nama,nik\nBudi,3313011205800001\n', 'utf16le'));
    await put('content/pengumuman/blt/index.md', '---\njudul: BLT\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nlampiran:\n  - { berkas: daftar.csv, judul: Daftar }\n  - { berkas: utf8.csv, judul: Daftar }\n---\n');
    await put('content/pengumuman/blt/daftar.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('nama', 'utf16le').swap16()]));
    await put('content/pengumuman/blt/utf8.csv', '\uFEFFdesa,jumlah\nBalong,12\n');
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems.map((p) => [p.file.slice(root.length + 1), p.line, p.field, p.message.split(':')[0]])).toEqual([
      ['content/pengumuman/blt/index.md', 7, 'lampiran.0.berkas', 'daftar.csv'],
      ['content/data/penerima/index.md', 6, 'berkas', 'penerima.csv'],
      ['content/data/tanpa-bom/index.md', 6, 'berkas', 'penerima.csv'],
    ]);
    expect(problems[1]!.message).toContain('bukan teks UTF-8');
    expect(problems[1]!.fix).toMatch(/^simpan ulang sebagai CSV UTF-8/);
  });

  it('says in Indonesian, without the CSV library\'s English or the file\'s bytes, that a CSV cannot be read', async () => {
    await put('content/data/rusak/index.md', '---\njudul: Rusak\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nberkas: rusak.csv\nprodusen: Seksi Pemerintahan\nfrekuensi: tahunan\nsatuan: orang\nperiode: 2025\n---\n');
    await put('content/data/rusak/rusak.csv', 'desa,jumlah\nJenawi,12\n"Balong" \u0007x,3\n');
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toMatchObject([{ line: 6, field: 'berkas', message: 'rusak.csv baris 3: berkas CSV tidak bisa dibaca: susunan sel atau tanda kutipnya rusak.' }]);
  });

  it('reports folders and files that would be silently left out', async () => {
    await put('content/beritaa/x/index.md', BERITA);
    await put('content/berita/lepas.md', BERITA);
    await put('content/berita/Huruf_Besar/index.md', BERITA.replace(/gambar:[\s\S]*?---/, '---'));
    await put('content/berita/kosong/catatan.txt');
    const { problems } = await loadItems(join(root, 'content'));
    // What is no item first, then the items' own problems.
    expect(problems.map((p) => p.message)).toEqual([
      'folder "beritaa" bukan jenis konten, jadi isinya tidak diterbitkan.',
      'berkas Markdown ini tidak berada di folder item sendiri, jadi tidak diterbitkan.',
      'nama folder "Huruf_Besar" tidak bisa menjadi alamat halaman.',
      'folder item tidak berisi index.md.',
    ]);
    expect(problems[2]!.fix).toContain('"huruf-besar"');
  });

  it('reports the body and the files of an item whose frontmatter is wrong in the same round', async () => {
    // `ringkasan` missing and `gambar.alt` empty; `gambar.src` is a sound file name, so its file is looked for.
    const text = BERITA.replace('ringkasan: Warga membersihkan saluran air.\n', '').replace(/alt: .*/, 'alt: ""').replace('Isi berita.', 'Isi berita.\n\n[GANTI: paragraf kedua]\n\n![Peta](peta.png)');
    await put('content/berita/kerja-bakti/index.md', text);
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'ringkasan', expect.stringContaining('wajib diisi')],
      [8, 'gambar.alt', 'tidak boleh kosong.'],
      [13, undefined, expect.stringContaining('[GANTI: …]')],
      [7, 'gambar.src', 'berkas "foto.jpg" tidak ada di folder item ini.'],
      [15, undefined, 'berkas "peta.png" tidak ada di folder item ini.'],
    ]);
  });

  it('does not look for a file whose own field the schema refused', async () => {
    await put('content/berita/kerja-bakti/index.md', BERITA.replace('src: foto.jpg', 'src: ../lain/foto.jpg'));
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems.map((p) => p.field)).toEqual(['gambar.src']);
    expect(problems[0]!.message).toContain('keluar dari folder item');
  });

  it('reads an office page and refuses one whose folder takes an address the site makes itself', async () => {
    const page = `---\njudul: Visi dan Misi\ntanggal: 2026-01-02\nringkasan: Visi dan misi kantor.\npenulis: Sekretariat\nurutan: 1\n---\n\nIsi.\n`;
    await put('content/halaman/visi-misi/index.md', page);
    await put('content/halaman/profil/index.md', page);
    await put('content/halaman/agenda/index.md', page);
    const { items, problems } = await loadItems(join(root, 'content'));
    expect(items.map((item) => [item.jenis, item.slug, 'urutan' in item.data && item.data.urutan])).toEqual([['halaman', 'visi-misi', 1]]);
    expect(problems.map((p) => [p.file.slice(root.length + 1), p.message])).toEqual([
      ['content/halaman/agenda/index.md', 'nama folder "agenda" sudah dipakai situs untuk alamat /agenda/, jadi halaman ini tidak bisa tayang di sana.'],
      ['content/halaman/profil/index.md', 'nama folder "profil" sudah dipakai situs untuk alamat /profil/, jadi halaman ini tidak bisa tayang di sana.'],
    ]);
    expect(problems[1]!.fix).toBe('ganti nama foldernya, misalnya "profil-kantor". Nama yang dipakai situs sendiri: berita, pengumuman, agenda, artikel, galeri, video, audio, dokumen, data, halaman, informasi-publik, profil, 404, sosial, cari, kinerja, pagefind.');
  });

  it('publishes the files an item links to from its body, and says at its line when one is missing or a link', async () => {
    const page = (body: string) => `---\njudul: Formulir Permohonan\ntanggal: 2026-01-02\nringkasan: Formulir permohonan informasi.\npenulis: PPID\n---\n\n${body}\n`;
    await put('content/halaman/formulir-permohonan/index.md', page('Unduh [formulir (PDF)](formulir.pdf), [contoh isian][contoh] atau <a href="tabel.csv">tabel</a>.\nLihat juga [profil](/profil/), [visi](../visi-misi/), [LAPOR!](https://lapor.go.id) dan [bagian](#cara).\n\n[contoh]: ./contoh%20isian.docx'));
    await put('content/halaman/formulir-permohonan/formulir.pdf', '%PDF-1.4');
    await put('content/halaman/formulir-permohonan/contoh isian.docx', 'docx');
    await put('content/halaman/formulir-permohonan/tabel.csv', 'a,b\n1,2\n');
    await put('content/berita/banjir/index.md', BERITA.replace('Isi berita.', 'Isi berita.\n\nUnduh [surat](surat.pdf), [arsip](arsip.zip) dan [lain](../lain/surat.pdf).\n[Rahasia](rahasia.pdf)').replace('gambar:\n  src: foto.jpg\n  alt: Warga membersihkan saluran air di tepi jalan desa\n', ''));
    await put('content/berita/banjir/arsip.zip');
    await put('rahasia.pdf', '%PDF-1.4');
    await symlink(join(root, 'rahasia.pdf'), join(root, 'content/berita/banjir/rahasia.pdf'));
    const { items, problems } = await loadItems(join(root, 'content'));
    const form = items.find((item) => item.slug === 'formulir-permohonan')!;
    expect(referencedFiles(form)).toEqual([
      { path: 'formulir.pdf', line: 8 },
      { path: 'contoh isian.docx', line: 8 },
      { path: 'tabel.csv', line: 8 },
    ]);
    expect(problems.map((p) => [p.file.slice(root.length + 1), p.line, p.message])).toEqual([
      ['content/berita/banjir/index.md', 11, 'tautan di naskah: berkas "surat.pdf" tidak ada di folder item ini.'],
      ['content/berita/banjir/index.md', 12, 'tautan di naskah: berkas "rahasia.pdf" adalah tautan simbolik, jadi isinya bisa berasal dari luar folder item dan luput dari pemeriksaan.'],
    ]);
    // A link to a type the site does not publish is only a dead link: `tayang periksa` reports it (schema rules), the build goes on.
    expect(referencedFiles({ jenis: 'berita', data: {}, body: '[arsip](arsip.zip) [lain](../lain/surat.pdf)' })).toEqual([]);
    // The original of a picture the site resizes is served when the text links to it; an attachment already named is listed once.
    expect(referencedFiles({ jenis: 'pengumuman', data: { gambar: { src: 'foto.jpg' }, lampiran: [{ berkas: 'surat.pdf' }] }, body: '[foto asli](foto.jpg) [surat](./surat.pdf)' })).toEqual([
      { field: ['gambar', 'src'], path: 'foto.jpg' },
      { field: ['lampiran', 0, 'berkas'], path: 'surat.pdf' },
      { path: 'foto.jpg', line: 1 },
    ]);
  });

  it('refuses social-media settings on an office page, which is never posted', async () => {
    await put('content/halaman/maklumat/index.md', `---\njudul: Maklumat Pelayanan\ntanggal: 2026-01-02\nringkasan: Janji pelayanan kantor.\npenulis: Sekretariat\nsosial: { nonaktif: true }\n---\n\nIsi.\n`);
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems.map((p) => [p.line, p.message])).toEqual([[6, 'kolom tidak dikenal: sosial.']]);
  });

  it('reports a file without frontmatter and broken YAML with their lines', async () => {
    await put('content/artikel/tanpa/index.md', '# Judul saja\n');
    await put('content/artikel/rusak/index.md', '---\njudul: Uji\njudul: Dua\n---\n');
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems[0]).toMatchObject({ file: `${root}/content/artikel/rusak/index.md`, line: 3 });
    expect(problems[0]!.message).toBe('penulisan YAML rusak: kolom `judul` ditulis dua kali; hapus salah satunya.');
    expect(problems[1]).toMatchObject({ file: `${root}/content/artikel/tanpa/index.md`, line: 1 });
    expect(problems[1]!.message).toContain('tidak diawali frontmatter');
  });

  it('leaves out items scheduled after `now` when asked', async () => {
    const nanti = BERITA.replace('lokasi:', 'terbit: 2025-03-11 08:00\nlokasi:');
    await put('content/berita/nanti/index.md', nanti);
    await put('content/berita/nanti/foto.jpg', TINY_JPEG);
    const before = await loadItems(join(root, 'content'), { now: new Date('2025-03-11T00:59:00Z') });
    expect(before.items).toEqual([]);
    const after = await loadItems(join(root, 'content'), { now: new Date('2025-03-11T01:00:00Z') });
    expect(after.items.map((i) => i.slug)).toEqual(['nanti']);
    expect((await loadItems(join(root, 'content'))).items).toHaveLength(1);
  });
});

describe('loadItems: date-times written with an offset', () => {
  it('gives them in office time and schedules by the moment they name', async () => {
    await put('content/berita/zona/index.md', BERITA.replace('lokasi:', 'terbit: 2025-03-11T09:00:00+08:00\nlokasi:'));
    await put('content/berita/zona/foto.jpg', TINY_JPEG);
    // 09:00 WITA is 08:00 WIB, 01:00 UTC.
    const before = await loadItems(join(root, 'content'), { now: new Date('2025-03-11T00:59:00Z') });
    expect(before.items).toEqual([]);
    const after = await loadItems(join(root, 'content'), { now: new Date('2025-03-11T01:00:00Z') });
    expect(after.items.map((item) => item.data.terbit)).toEqual(['2025-03-11 08:00']);
    const inJayapura = await loadItems(join(root, 'content'), { zone: 'Asia/Jayapura' });
    expect(inJayapura.items.map((item) => item.data.terbit)).toEqual(['2025-03-11 10:00']);
  });
});

describe('loadItems: what a hostile or careless pull request might add', () => {
  it('names the line of a picture in the text that is missing, outside the folder or a link out', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'tayang-luar-'));
    await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
    await writeFile(join(outside, 'rahasia.png'), 'x');
    await symlink(join(outside, 'rahasia.png'), join(root, 'content/berita/kerja-bakti/peta.png'));
    await put('content/berita/kerja-bakti/index.md', `${BERITA}\n![Peta dusun](denah.png)\n\n![Sandi](../../../../etc/passwd)\n\n![Peta][peta]\n\n[peta]: peta.png\n\n![Foto](foto.jpg) ![Logo](/logo.svg) ![Web](https://contoh.go.id/a.png)\n`);
    const { items, problems } = await loadItems(join(root, 'content'));
    await rm(outside, { recursive: true, force: true });
    expect(items).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 14, message: 'berkas "denah.png" tidak ada di folder item ini.' }),
      expect.objectContaining({ line: 16, message: 'gambar di naskah: "../../../../etc/passwd" keluar dari folder item.' }),
      expect.objectContaining({ line: 18, message: expect.stringContaining('berkas "peta.png" adalah tautan simbolik') }),
    ]);
  });

  it('refuses an item folder or index.md that is a symbolic link (the build would follow it, the checks would not)', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'tayang-luar-'));
    await writeFile(join(outside, 'index.md'), BERITA);
    await writeFile(join(outside, 'foto.jpg'), '');
    await mkdir(join(root, 'content/berita/tautan'), { recursive: true });
    await symlink(outside, join(root, 'content/berita/folder-luar'));
    await symlink(join(outside, 'index.md'), join(root, 'content/berita/tautan/index.md'));
    await writeFile(join(root, 'content/berita/tautan/foto.jpg'), '');
    const { items, problems } = await loadItems(join(root, 'content'));
    await rm(outside, { recursive: true, force: true });
    expect(items).toEqual([]);
    expect(problems.map((p) => p.file)).toEqual([`${root}/content/berita/folder-luar`, `${root}/content/berita/tautan/index.md`]);
    expect(problems[0]!.message).toContain('tautan simbolik');
    expect(problems[1]!.message).toContain('tautan simbolik');
  });

  it('reports nested YAML aliases that expand to millions of values at the first alias, without crashing', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => (i === 0 ? 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]' : `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`));
    await put('content/artikel/bom/index.md', `---\njudul: Uji\n${levels.join('\n')}\ntag: *a8\n---\n\nIsi.\n`);
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('penulisan YAML rusak: isian terlalu besar atau bersarang terlalu dalam (alias *nama') })]);
  });

  it('reports text nested thousands deep (frontmatter brackets, body quotes) instead of crashing', async () => {
    await put('content/artikel/kurung/index.md', `---\njudul: Uji\ntanggal: 2026-11-20\nringkasan: r\npenulis: p\ntag: ${'['.repeat(20000)}${']'.repeat(20000)}\n---\n\nIsi.\n`);
    await put('content/artikel/kutipan/index.md', `---\njudul: Uji\ntanggal: 2026-11-20\nringkasan: r\npenulis: p\n---\n\n${'>'.repeat(50000)} teks\n`);
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([
      expect.objectContaining({ file: `${root}/content/artikel/kurung/index.md`, line: 6, message: expect.stringContaining('penulisan YAML rusak: isian terlalu besar atau bersarang terlalu dalam') }),
      expect.objectContaining({ file: `${root}/content/artikel/kutipan/index.md`, message: 'naskah ini bersarang terlalu dalam (misalnya ribuan tanda ">" atau "[" berturut-turut), sehingga tidak bisa dibaca.' }),
    ]);
  });

  it('points an unclosed quote at the line where it opened, not at the end of the frontmatter', async () => {
    await put('content/artikel/kutip/index.md', '---\njudul: "Warga Dusun Ngasem\ntanggal: 2026-11-20\nringkasan: r\npenulis: p\n---\n\nIsi.\n');
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([expect.objectContaining({ line: 2, column: 8, message: 'penulisan YAML rusak: tanda kutip yang dibuka di sini tidak pernah ditutup.' })]);
  });

  it('reports a tab used for indentation once, not with the two consequences yaml also lists', async () => {
    await put('content/berita/tab/index.md', BERITA.replace('  src: foto.jpg', '\tsrc: foto.jpg'));
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([expect.objectContaining({ line: 8, column: 1, message: 'penulisan YAML rusak: indentasi memakai tab; gunakan spasi.' })]);
  });

  it('refuses a binary file saved as index.md with one message', async () => {
    await mkdir(join(root, 'content/berita/foto'), { recursive: true });
    await writeFile(join(root, 'content/berita/foto/index.md'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([expect.objectContaining({ file: `${root}/content/berita/foto/index.md`, message: 'berkas ini bukan teks Markdown (berisi data biner atau bukan UTF-8), jadi tidak bisa dibaca.' })]);
  });

  it('reads the frontmatter Astro reads: a U+2028 before "---" does not hide an attachment linked to .env', async () => {
    // The red-team item: Tayang used to stop at the "---" after U+2028, Astro read on.
    await put('.env', 'TOKEN=rahasia\n');
    await put('content/pengumuman/uji-pagar/index.md', '---\njudul: Pengumuman uji pagar\ntanggal: 2026-01-05\nringkasan: Ringkasan uji keamanan.\npenulis: Tim Uji\u2028---\nlampiran:\n  - berkas: formulir.pdf\n    judul: Formulir pendaftaran\n---\n');
    await symlink('../../../.env', join(root, 'content/pengumuman/uji-pagar/formulir.pdf'));
    const { items, problems } = await loadItems(join(root, 'content'));
    expect(items).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 7, field: 'lampiran.0.berkas', message: 'berkas "formulir.pdf" adalah tautan simbolik, jadi isinya bisa berasal dari luar folder item dan luput dari pemeriksaan.' })]);
  });

  it('refuses any symbolic link an item names, even one to a file or folder inside the item', async () => {
    await put('content/pengumuman/libur/surat.pdf', '%PDF-1.4');
    await put('content/pengumuman/libur/asli/denah.pdf', '%PDF-1.4');
    await symlink('surat.pdf', join(root, 'content/pengumuman/libur/salinan.pdf'));
    await symlink('asli', join(root, 'content/pengumuman/libur/folder'));
    await put('content/pengumuman/libur/index.md', '---\njudul: Libur\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nlampiran:\n  - { berkas: surat.pdf, judul: Surat }\n  - { berkas: salinan.pdf, judul: Salinan }\n  - { berkas: folder/denah.pdf, judul: Denah }\n---\n');
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems.map((p) => [p.field, p.message.split(',')[0]])).toEqual([
      ['lampiran.1.berkas', 'berkas "salinan.pdf" adalah tautan simbolik'],
      ['lampiran.2.berkas', 'berkas "folder/denah.pdf" adalah tautan simbolik'],
    ]);
  });

  it('refuses a frontmatter that ends at a line opening with "+++" or "---x", as Astro ends it', async () => {
    await put('content/artikel/plus/index.md', '---\njudul: Uji\ntanggal: 2026-01-05\nringkasan: r\npenulis: p\n+++\ntag: [a]\n---\n\nIsi.\n');
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([
      {
        file: `${root}/content/artikel/plus/index.md`,
        line: 6,
        message: 'baris "+++" mengakhiri frontmatter karena diawali "+++", padahal baris penutup frontmatter harus berisi "---" saja; isian sesudahnya tidak terbaca sebagai data item.',
        fix: 'tulis baris penutup frontmatter berisi "---" saja; baris lain di dalam frontmatter tidak boleh diawali "---" atau "+++" (sambung isiannya di baris sebelumnya, atau beri spasi di depannya).',
      },
    ]);
  });

  it('follows a picture reference to its first definition, as CommonMark and Astro do', async () => {
    await put('rahasia.png', blankPng(4, 4));
    await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
    await put('content/berita/kerja-bakti/index.md', `${BERITA}\n![Foto][f]\n\n![Peta][P]\n\n[f]: ../../../rahasia.png\n[f]: foto.jpg\n[P]: foto.jpg\n[p]: ../../../rahasia.png\n`);
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([expect.objectContaining({ line: 14, message: 'gambar di naskah: "../../../rahasia.png" keluar dari folder item.' })]);
  });

  it('names the file and line of a picture address with a stray "%", which Astro cannot decode', async () => {
    await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
    await put('content/berita/kerja-bakti/diskon-50%.png', blankPng(4, 4));
    await put(
      'content/berita/kerja-bakti/index.md',
      `${BERITA}\n![Grafik](https://contoh.test/naik-100%.png)\n\n![Diskon](diskon-50%.png)\n\n<img src="diskon-50%.png" alt="Diskon">\n\n![Foto](foto.jpg) ![Diskon](diskon-50%25.png)\n`,
    );
    const { problems } = await loadItems(join(root, 'content'));
    const file = `${root}/content/berita/kerja-bakti/index.md`;
    const fix = 'tulis %25 untuk tanda persen (misalnya diskon-50%25.png), atau ganti nama berkasnya tanpa tanda %, misalnya diskon-50-persen.png.';
    const message = (url: string) => `alamat gambar "${url}" memuat tanda % yang bukan bagian dari kode %XX yang sah, sehingga situs tidak bisa membacanya dan isi halaman hilang.`;
    expect(problems).toEqual([
      { file, line: 14, message: message('https://contoh.test/naik-100%.png'), fix },
      { file, line: 16, message: message('diskon-50%.png'), fix },
      { file, line: 18, message: message('diskon-50%.png'), fix },
    ]);
  });

  it('refuses the text Astro marks its pictures with, in the body (even as code) and in the frontmatter', async () => {
    await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
    await put('content/berita/kerja-bakti/index.md', `${BERITA.replace('penulis: Tim Admin', 'penulis: "__ASTRO_IMAGE_../../../rahasia.png"')}\nContoh: \`__ASTRO_IMAGE_="1"\`\n`);
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [5, 11, 'teks `__ASTRO_IMAGE_` dipakai pembangun situs (Astro) sebagai tanda gambar; bila ditulis di naskah, halamannya tidak bisa dibangun atau situs mengambil berkas lain sebagai gambar.'],
      [14, 10, expect.stringContaining('teks `__ASTRO_IMAGE_`')],
    ]);
  });

  it('refuses an index.md over 256 KB before parsing it, saying its size and what to do', async () => {
    await put('content/berita/panjang/index.md', `${BERITA.replace(/gambar:[\s\S]*?---/, '---')}${'Warga bergotong royong membersihkan saluran. '.repeat(20_000)}`);
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems).toEqual([
      {
        file: `${root}/content/berita/panjang/index.md`,
        message: 'naskah ini berukuran 880 KB, melebihi batas 256 KB untuk satu item; naskah sebesar ini membuat pemeriksaan dan pembangunan situs macet.',
        fix: 'pecah naskahnya menjadi beberapa item, dan simpan data atau tabel yang panjang sebagai lampiran CSV atau PDF di folder item.',
      },
    ]);
  });

  it('refuses index.mdx, whose import/export/{…} would run as code in the build', async () => {
    await put('content/artikel/mdx/index.mdx', "---\njudul: Uji\n---\nexport const x = 1;\n");
    const { items, problems } = await loadItems(join(root, 'content'));
    expect(items).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ file: `${root}/content/artikel/mdx/index.mdx`, line: 1, fix: 'ganti nama berkasnya menjadi index.md dan tulis isinya dengan Markdown biasa.' })]);
  });
});

describe('loadItems: pictures the site cannot publish', () => {
  const GALERI = '---\njudul: Denah\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nfoto:\n  - src: foto.jpg\n    alt: Balai desa\n  - src: denah.svg\n    alt: Denah dusun\n---\n';

  it('refuses SVG in the frontmatter, in Markdown and in raw HTML, at its line, even before it is uploaded', async () => {
    await put('content/galeri/denah/index.md', GALERI);
    await put('content/galeri/denah/foto.jpg', TINY_JPEG);
    await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
    await put('content/berita/kerja-bakti/peta.svg', HOSTILE_SVG.prefixed);
    await put(
      'content/berita/kerja-bakti/index.md',
      `${BERITA}\n![Peta dusun](peta.svg)\n\n![Denah](denah.SVG)\n\nLihat <img src="peta.svg" alt="Peta"> dan\n<picture><source srcset="peta.webp 1x, peta.svgz 2x"><img src="foto.jpg" alt="Foto"></picture>\n`,
    );
    const { items, problems } = await loadItems(join(root, 'content'));
    expect(items).toEqual([]);
    const svg = (name: string) => `gambar SVG "${name}" tidak diterima: berkas SVG dapat memuat skrip, yang berjalan di alamat situs resmi bila berkasnya dibuka langsung.`;
    const news = `${root}/content/berita/kerja-bakti/index.md`;
    expect(problems).toEqual([
      expect.objectContaining({ file: news, line: 18, message: svg('peta.svg') }),
      expect.objectContaining({ file: news, line: 19, message: svg('peta.svgz') }),
      expect.objectContaining({ file: news, line: 14, message: svg('peta.svg') }),
      expect.objectContaining({ file: news, line: 16, message: svg('denah.SVG') }),
      expect.objectContaining({ file: `${root}/content/galeri/denah/index.md`, line: 9, field: 'foto.1.src', message: `${svg('denah.svg')} Ubah gambarnya ke PNG, JPG atau WebP (misalnya ekspor ulang dari aplikasi pengolah gambarnya), lalu tulis nama berkas barunya.` }),
    ]);
    expect(problems[0]!.fix).toBe('ubah gambarnya ke PNG, JPG atau WebP (misalnya ekspor ulang dari aplikasi pengolah gambarnya), lalu tulis nama berkas barunya.');
  });

  it('knows a picture by its bytes, not its name: SVG or HTML saved as .png, an empty .jpg, a broken PNG', async () => {
    await put('content/berita/kerja-bakti/index.md', BERITA);
    await put('content/berita/kerja-bakti/foto.jpg', HOSTILE_SVG.entity);
    await put('content/berita/kosong/index.md', BERITA);
    await put('content/berita/kosong/foto.jpg');
    await put('content/berita/rusak/index.md', BERITA);
    await put('content/berita/rusak/foto.jpg', blankPng(40, 30).subarray(0, 20));
    await put('content/pengumuman/denah/index.md', '---\njudul: Denah\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nlampiran:\n  - { berkas: denah.png, judul: Denah }\n  - { berkas: foto.jpg, judul: Foto }\n---\n');
    await put('content/pengumuman/denah/denah.png', '<!doctype html><script>alert(1)</script>');
    await put('content/pengumuman/denah/foto.jpg', TINY_JPEG);
    const { problems } = await loadItems(join(root, 'content'));
    expect(problems.map((p) => [p.file.slice(root.length), p.line, p.field, p.message])).toEqual([
      ['/content/berita/kerja-bakti/index.md', 8, 'gambar.src', 'berkas "foto.jpg" bukan gambar JPG, PNG, WebP, AVIF atau GIF; isinya teks seperti SVG atau HTML, yang dapat menjalankan skrip bila dibuka langsung.'],
      ['/content/berita/kosong/index.md', 8, 'gambar.src', 'berkas "foto.jpg" bukan gambar JPG, PNG, WebP, AVIF atau GIF.'],
      ['/content/berita/rusak/index.md', 8, 'gambar.src', 'berkas gambar "foto.jpg" rusak atau terpotong, sehingga tidak bisa diolah.'],
      ['/content/pengumuman/denah/index.md', 7, 'lampiran.0.berkas', 'berkas "denah.png" bukan gambar JPG, PNG, WebP, AVIF atau GIF; isinya teks seperti SVG atau HTML, yang dapat menjalankan skrip bila dibuka langsung.'],
    ]);
  });

  it('refuses a picture over the pixel limit from its header alone, the office\'s limit when it sets one', async () => {
    await put('content/berita/kerja-bakti/index.md', `${BERITA}\n![Peta](peta.png)\n`);
    await put('content/berita/kerja-bakti/foto.jpg', blankPng(20000, 20000));
    await put('content/berita/kerja-bakti/peta.png', blankPng(3000, 2000));
    const started = Date.now();
    const { problems } = await loadItems(join(root, 'content'));
    // Decoding 400 megapixels would take seconds and gigabytes; the header takes milliseconds.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problems).toEqual([
      {
        file: `${root}/content/berita/kerja-bakti/index.md`,
        line: 8,
        field: 'gambar.src',
        message: 'gambar "foto.jpg" berukuran 20000 × 20000 piksel (400 megapiksel), melebihi batas 40 megapiksel: mengolahnya menghabiskan memori mesin yang membangun situs.',
        fix: 'perkecil gambarnya (lebar 4000 piksel sudah lebih dari cukup untuk situs), lalu unggah ulang. Batasnya diatur di `periksa.batas_piksel_gambar` pada tayang.config.yml.',
      },
    ]);
    await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
    expect((await loadItems(join(root, 'content'))).problems).toEqual([]);
    const strict = await loadItems(join(root, 'content'), { pictureLimit: 5_500_000 });
    expect(strict.problems.map((p) => [p.line, p.message])).toEqual([[14, expect.stringContaining('gambar "peta.png" berukuran 3000 × 2000 piksel (6 megapiksel), melebihi batas 5,5 megapiksel')]]);
  });
});

describe('readItem', () => {
  it('reads an item from its folder or its index.md', async () => {
    await put('content/berita/kerja-bakti/index.md', BERITA);
    await put('content/berita/kerja-bakti/foto.jpg', TINY_JPEG);
    expect((await readItem(`${root}/content/berita/kerja-bakti/`)).item?.slug).toBe('kerja-bakti');
    expect((await readItem(`${root}/content/berita/kerja-bakti/index.md`)).item?.jenis).toBe('berita');
  });

  it('refuses a folder holding both index.md and index.mdx', async () => {
    await put('content/artikel/dua/index.md', BERITA);
    await put('content/artikel/dua/index.mdx', BERITA);
    expect((await readItem(`${root}/content/artikel/dua`)).problems[0]!.message).toBe('folder item berisi index.md dan index.mdx sekaligus.');
  });
});

describe('isPublished', () => {
  const item = (terbit?: string) => ({ data: { terbit } });

  it('publishes items without terbit at once', () => {
    expect(isPublished(item(), new Date('2000-01-01T00:00:00Z'))).toBe(true);
  });

  it('reads terbit in the office time zone', () => {
    // 08:00 WIB = 01:00 UTC; 08:00 WIT (Asia/Jayapura) = 23:00 UTC the day before.
    expect(isPublished(item('2025-03-11 08:00'), new Date('2025-03-11T00:59:59Z'), 'Asia/Jakarta')).toBe(false);
    expect(isPublished(item('2025-03-11 08:00'), new Date('2025-03-11T01:00:00Z'), 'Asia/Jakarta')).toBe(true);
    expect(isPublished(item('2025-03-11 08:00'), new Date('2025-03-10T23:00:00Z'), 'Asia/Jayapura')).toBe(true);
    expect(isPublished(item('2025-03-11'), new Date('2025-03-10T16:59:00Z'), 'Asia/Jakarta')).toBe(false);
    expect(isPublished(item('2025-03-11'), new Date('2025-03-10T17:00:00Z'), 'Asia/Jakarta')).toBe(true);
  });
});
