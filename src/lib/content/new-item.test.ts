import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TINY_JPEG } from '../../../test/support/pictures.ts';
import { parseItem, readItem, referencedFiles } from './load.ts';
import { planNewItem, writeNewItem } from './new-item.ts';
import { CONTENT_TYPES } from './types.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tayang-baru-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What an author does: replace every placeholder (choices with a real choice). */
function fillIn(text: string): string {
  const choices: Record<string, string> = { kategori: 'peraturan', klasifikasi: 'berkala', frekuensi: 'tahunan' };
  return text
    .replace(/^(\s*-?\s*)(\w+): "\[GANTI:[^\]]*\]"/gm, (_, indent: string, key: string) => `${indent}${key}: ${choices[key] ?? '"Isi sebenarnya"'}`)
    .replace(/^(\s*-\s*)"\[GANTI:[^\]]*\]"/gm, '$1"Isi sebenarnya"')
    .replace(/\[GANTI:[^\]]*\]/g, 'Isi sebenarnya.');
}

describe('tayang baru (core)', () => {
  for (const jenis of CONTENT_TYPES) {
    it(`makes a ${jenis} that is refused until filled in, then valid`, async () => {
      const plan = await planNewItem(root, jenis, 'Rapat Koordinasi: Persiapan 2026', '2026-01-05');
      if (!plan.ok) throw new Error('plan failed');
      expect(plan.value.file).toBe(`${root}/${jenis}/rapat-koordinasi-persiapan-2026/index.md`);
      expect(await writeNewItem(plan.value)).toEqual([]);
      const text = await readFile(plan.value.file, 'utf8');
      expect(text).toContain('judul: "Rapat Koordinasi: Persiapan 2026"\ntanggal: 2026-01-05\n');
      expect(text).toContain('<!--\nDaftar periksa');

      const unfilled = parseItem(text, plan.value.file, jenis);
      expect(unfilled.item).toBeUndefined();
      expect(unfilled.problems.length).toBeGreaterThan(0);
      expect(unfilled.problems.every((p) => p.line !== undefined)).toBe(true);

      const filled = fillIn(text);
      expect(filled).not.toContain('GANTI:');
      const parsed = parseItem(filled, plan.value.file, jenis);
      expect(parsed.problems).toEqual([]);
      await writeFile(plan.value.file, filled);
      const upload = (path: string) => (/\.(jpe?g|png)$/.test(path) ? TINY_JPEG : path.endsWith('.csv') ? 'desa,jumlah\nJenawi,12\n' : '');
      for (const ref of referencedFiles(parsed.item!)) await writeFile(join(root, jenis, 'rapat-koordinasi-persiapan-2026', ref.path), upload(ref.path));
      expect((await readItem(plan.value.file)).problems).toEqual([]);
    });
  }

  it('reports a placeholder left in the body with its line', async () => {
    const plan = await planNewItem(root, 'artikel', 'Artikel', '2026-01-05');
    if (!plan.ok) throw new Error('plan failed');
    const frontmatterFilled = fillIn(plan.value.text.slice(0, plan.value.text.indexOf('\n---\n') + 5)) + plan.value.text.slice(plan.value.text.indexOf('\n---\n') + 5);
    const { problems } = parseItem(frontmatterFilled, plan.value.file, 'artikel');
    const firstBodyLine = frontmatterFilled.split('\n').findIndex((line) => line.startsWith('[GANTI: Paragraf pembuka')) + 1;
    expect(problems[0]).toMatchObject({ line: firstBodyLine, column: 1 });
    expect(problems[0]!.message).toContain('teks contoh dari `tayang baru`');
  });

  it('refuses an unknown type and lists the types', async () => {
    const plan = await planNewItem(root, 'beritaa', 'Judul', '2026-01-05');
    expect(plan).toEqual({
      ok: false,
      problems: [{ file: 'tayang baru', message: 'jenis "beritaa" tidak dikenal.', fix: 'pilih salah satu: berita, pengumuman, agenda, artikel, galeri, video, audio, dokumen, data, halaman.' }],
    });
  });

  it('refuses an office page whose title would take an address the site makes itself', async () => {
    const plan = await planNewItem(root, 'halaman', 'Profil', '2026-01-05');
    expect(plan).toEqual({
      ok: false,
      problems: [{ file: 'tayang baru', message: 'judul "Profil" menjadi alamat /profil/, yang sudah dipakai situs sendiri.', fix: 'pakai judul yang lebih khusus, misalnya dengan nama kantor di belakangnya ("Profil Kecamatan Jenawi").' }],
    });
    expect((await planNewItem(root, 'halaman', 'Profil Kecamatan Jenawi', '2026-01-05')).ok).toBe(true);
  });

  it('refuses an empty title and one without letters or digits', async () => {
    const empty = await planNewItem(root, 'berita', '   ', '2026-01-05');
    expect(!empty.ok && empty.problems[0]!.message).toBe('judul tidak boleh kosong.');
    const symbols = await planNewItem(root, 'berita', '!!!', '2026-01-05');
    expect(!symbols.ok && symbols.problems[0]!.message).toContain('tidak berisi huruf atau angka');
  });

  it('refuses a title longer than the schema allows, before creating anything', async () => {
    const long = await planNewItem(root, 'berita', 'Kerja bakti '.repeat(20), '2026-01-05');
    expect(!long.ok && long.problems[0]!.message).toBe('judul 239 karakter, padahal paling panjang 160.');
  });

  it("writes a title with '$&' or \"$'\" exactly as typed", async () => {
    const plan = await planNewItem(root, 'artikel', "Tarif $& Retribusi $' 2026", '2026-01-05');
    expect(plan.ok && plan.value.text).toContain('judul: "Tarif $& Retribusi $\' 2026"\n');
  });

  it('never overwrites an existing item', async () => {
    const plan = await planNewItem(root, 'berita', 'Kerja Bakti', '2026-01-05');
    if (!plan.ok) throw new Error('plan failed');
    await writeNewItem(plan.value);
    await writeFile(plan.value.file, 'naskah penulis');
    const again = await writeNewItem(plan.value);
    expect(again[0]!.message).toBe('folder item ini sudah ada; isinya tidak diubah.');
    expect(await readFile(plan.value.file, 'utf8')).toBe('naskah penulis');
  });
});
