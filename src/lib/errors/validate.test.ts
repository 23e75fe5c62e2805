import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateJson, validateYaml } from './validate.ts';

const Schema = z.object({ pull: z.object({ number: z.number() }), reviews: z.array(z.object({ state: z.string() })) });

describe('validateJson', () => {
  it('names the line and column of a syntax error, in Indonesian', () => {
    const result = validateJson(Schema, '{\n  "pull": {"number": 1},\n  "reviews" []\n}', 'pr.json');
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ file: 'pr.json', line: 3, column: 13, message: 'bukan JSON yang sah: ada tanda yang tidak semestinya di sini.' })],
    });
  });

  it('says a truncated file is truncated, at its last line', () => {
    const result = validateJson(Schema, '{\n  "pull": {"number": 1},\n  "reviews": [', 'pr.json', 'Isinya: {"pull": …}.');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ line: 3, message: 'bukan JSON yang sah: berkasnya terpotong, berakhir sebelum semua kurung ditutup.' });
    expect(result.problems[0]!.fix).toMatch(/Isinya: \{"pull": …\}\.$/);
  });

  it('names the line of a wrong value and speaks of JSON lists, not YAML ones', () => {
    const result = validateJson(Schema, '{\n  "pull": {"number": 1},\n  "reviews": {"state": "APPROVED"}\n}', 'pr.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'reviews', message: 'harus daftar ([…]), bukan objek.' }),
    ]);
  });

  it('accepts a byte-order mark', () => {
    expect(validateJson(Schema, '\uFEFF{"pull": {"number": 1}, "reviews": []}', 'pr.json').ok).toBe(true);
  });
});

describe('validateYaml: plain data only', () => {
  const Data = z.record(z.string(), z.unknown());

  it.each([
    ['!!js/function', 'judul: Uji\nringkasan: !!js/function "function () { return 1 }"\n'],
    ['!!js/regexp', 'judul: Uji\nringkasan: !!js/regexp /a+/\n'],
    ['!!js/undefined', 'judul: Uji\nringkasan: !!js/undefined ~\n'],
    ['!!binary', 'judul: Uji\nringkasan: !!binary aGFsbw==\n'],
    ['!!set', 'judul: Uji\nringkasan: !!set { a, b }\n'],
    ['!!timestamp', 'judul: Uji\nringkasan: !!timestamp 2025-03-10\n'],
    ['!lokasi', 'judul: Uji\nringkasan: !lokasi\n  desa: Anggrasmanis\n'],
    ['!<tag:yaml.org,2002:js/function>', 'judul: Uji\nringkasan: !<tag:yaml.org,2002:js/function> "x"\n'],
    ['!e!fungsi', '%TAG !e! tag:contoh.go.id,2025:\n---\njudul: Uji\nringkasan: !e!fungsi x\n'],
  ])('refuses the tag %s, naming it and its line', (tag, text) => {
    const result = validateYaml(Data, text, 'a.md', 1);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'a.md',
          line: text.split('\n').findIndex((line) => line.includes(tag)) + 2,
          column: 12,
          message: `tanda \`${tag}\` (tag YAML) tidak diterima: isian hanya boleh data biasa (teks, angka, tanggal, daftar); jenis data khusus dibaca berbeda oleh program yang berbeda.`,
          fix: `hapus \`${tag}\` dan tulis isinya sebagai teks biasa; teks yang diawali tanda seru diapit tanda kutip, misalnya "!penting".`,
        },
      ],
    });
  });

  it('refuses a merge key, also under a `%YAML 1.1` line that would turn merging on', () => {
    for (const text of ['dasar: &d { judul: A }\nitem:\n  <<: *d\n', '%YAML 1.1\n---\ndasar: &d { judul: A }\nitem:\n  <<: *d\n']) {
      const result = validateYaml(Data, text, 'a.yml');
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toEqual([expect.objectContaining({ line: text.split('\n').indexOf('  <<: *d') + 1, column: 3, message: expect.stringContaining('kunci gabungan `<<` (merge key YAML) tidak diterima') })]);
    }
  });

  it('refuses keys that name JavaScript\'s object machinery, wherever an author names keys, with the field', () => {
    const text = 'kolom:\n  __proto__: { label: X }\nsosial:\n  teks:\n    constructor: Halo\nfoto:\n  - { src: a.jpg, "prototype": 1 }\n';
    const result = validateYaml(z.unknown(), text, 'a.yml', 2);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 4, column: 3, message: 'nama `__proto__` di `kolom.__proto__` tidak diterima: JavaScript memakai nama ini untuk mesin objeknya sendiri, sehingga isiannya terbaca lain dari yang ditulis dan situs tidak bisa dibangun.' },
      { line: 7, column: 5, message: expect.stringContaining('nama `constructor` di `sosial.teks.constructor` tidak diterima') },
      { line: 9, column: 19, message: expect.stringContaining('nama `prototype` di `foto.0.prototype` tidak diterima') },
    ]);
    expect(result.problems[0]!.fix).toBe('ganti nama `__proto__` dengan nama lain; bila itu judul kolom di berkas CSV, ganti juga judul kolom di baris pertama berkasnya, misalnya menjadi "proto".');
    expect(validateYaml(z.unknown(), 'judul: __proto__\ntag: [constructor]\n', 'a.yml').ok).toBe(true);
  });

  it('keeps plain data: core tags, a quoted "<<" key, a "!" inside quotes, and aliases within limits', () => {
    const result = validateYaml(Data, 'a: !!str 2025\n"<<": teks\nb: "!penting"\nc: &c [x, y]\nd: *c\n', 'a.yml');
    expect(result).toEqual({ ok: true, value: { a: '2025', '<<': 'teks', b: '!penting', c: ['x', 'y'], d: ['x', 'y'] } });
  });
});
