import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { validateData, validateYaml, type Validated } from '../errors/validate.ts';
import { ITEM_SCHEMAS, youtubeId } from './schema.ts';

const COMMON = 'judul: Uji\ntanggal: 2025-03-10\nringkasan: Ringkasan singkat.\npenulis: Tim Admin\n';

type Schemas = typeof ITEM_SCHEMAS;

function check<T extends keyof Schemas>(jenis: T, yaml: string): Validated<z.output<Schemas[T]>> {
  return validateYaml(ITEM_SCHEMAS[jenis], yaml, 'content/x/y/index.md', 1) as Validated<z.output<Schemas[T]>>;
}

function problemsOf(jenis: keyof typeof ITEM_SCHEMAS, yaml: string) {
  const result = check(jenis, yaml);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('content frontmatter', () => {
  it('accepts a minimal item of every type', () => {
    const minimal: Record<keyof typeof ITEM_SCHEMAS, string> = {
      berita: `${COMMON}lokasi: Balai Desa Anggrasmanis\n`,
      pengumuman: COMMON,
      agenda: `${COMMON}mulai: 2025-04-01 09:00\nlokasi: Pendapa\npenyelenggara: Kecamatan\n`,
      artikel: COMMON,
      galeri: `${COMMON}foto:\n  - { src: a.jpg, alt: Warga menanam pohon }\n`,
      video: `${COMMON}berkas: video.webm\ntakarir: takarir.vtt\n`,
      audio: `${COMMON}berkas: siaran.ogg\ntranskrip: Selamat pagi.\n`,
      dokumen: `${COMMON}kategori: peraturan\nberkas: perbup.pdf\nklasifikasi: setiap-saat\npenguasa_informasi: Sekretariat\npenanggung_jawab: Sekcam\ntempat_pembuatan: Jenawi\nbentuk_informasi: [softcopy]\njangka_waktu_penyimpanan: 5 tahun\n`,
      data: `${COMMON}berkas: penduduk.csv\nprodusen: Seksi Pemerintahan\nfrekuensi: semesteran\nsatuan: jiwa\nperiode: 2025\n`,
      halaman: COMMON,
    };
    for (const [jenis, yaml] of Object.entries(minimal)) {
      const result = check(jenis as keyof typeof ITEM_SCHEMAS, yaml);
      expect(result, jenis).toMatchObject({ ok: true });
    }
  });

  it('refuses klasifikasi dikecualikan, citing UU 14/2008, on any type', () => {
    for (const jenis of ['dokumen', 'berita'] as const) {
      const problems = problemsOf(jenis, `${COMMON}klasifikasi: dikecualikan\n`);
      const problem = problems.find((p) => p.field === 'klasifikasi');
      expect(problem?.message).toContain('UU 14/2008');
      expect(problem?.message).toContain('tidak boleh diterbitkan');
      expect(problem?.line).toBe(6);
    }
  });

  it('lists the allowed classifications for an unknown one', () => {
    const problem = problemsOf('artikel', `${COMMON}klasifikasi: rahasia\n`)[0]!;
    expect(problem.message).toBe('klasifikasi "rahasia" tidak dikenal. Pilih salah satu: berkala, serta-merta, setiap-saat (UU 14/2008 Pasal 9–11).');
  });

  it('names the line of a missing required field at the start of the frontmatter', () => {
    const problems = problemsOf('berita', COMMON);
    expect(problems).toEqual([
      { file: 'content/x/y/index.md', line: 2, column: 1, field: 'lokasi', message: 'wajib diisi, tetapi tidak ada.', fix: 'tambahkan kolom ini dengan teks.' },
    ]);
  });

  it('tells a wrong kind of value apart from a missing one', () => {
    expect(problemsOf('artikel', `${COMMON}tag: gotong-royong\n`)[0]).toMatchObject({
      field: 'tag',
      line: 6,
      message: 'harus daftar (setiap butir diawali "- "), bukan "gotong-royong".',
    });
  });

  it('keeps bare whole numbers as text where a label is expected', () => {
    const result = check('data', `${COMMON}tag: [2026]\nberkas: a.csv\nprodusen: p\nfrekuensi: tahunan\nsatuan: jiwa\nperiode: 2025\n`);
    expect(result.ok && [result.value.periode, result.value.tag]).toEqual(['2025', ['2026']]);
    expect(problemsOf('dokumen', `${COMMON}nomor: 000.8\n`).find((p) => p.field === 'nomor')?.message).toBe('harus teks, bukan 0.8.');
  });

  it('says how to write a date that is not one', () => {
    const problem = problemsOf('artikel', COMMON.replace('2025-03-10', '10 Maret 2025'))[0]!;
    expect(problem).toMatchObject({ field: 'tanggal', line: 3 });
    expect(problem.message).toContain('Tulis TTTT-BB-HH, misalnya 2025-03-10');
    expect(problemsOf('artikel', COMMON.replace('2025-03-10', '2025-02-30'))[0]!.field).toBe('tanggal');
  });

  it('normalises dates written by hand and the Dates js-yaml gives Astro to the same text', () => {
    const byHand = check('agenda', `${COMMON}mulai: 2025-04-01T09:00:00\nlokasi: Pendapa\npenyelenggara: Kecamatan\n`);
    expect(byHand.ok && byHand.value.mulai).toBe('2025-04-01 09:00');
    // js-yaml (Astro's frontmatter parser) reads `2025-04-01 09:00:00` as that time in UTC.
    const fromAstro = validateData(ITEM_SCHEMAS.agenda, {
      judul: 'Uji', tanggal: new Date('2025-03-10T00:00:00Z'), ringkasan: 'r', penulis: 'p',
      mulai: new Date('2025-04-01T09:00:00Z'), lokasi: 'Pendapa', penyelenggara: 'Kecamatan',
    }, 'f');
    expect(fromAstro.ok && [fromAstro.value.tanggal, fromAstro.value.mulai]).toEqual(['2025-03-10', '2025-04-01 09:00']);
  });

  it('takes a moment in ISO 8601 with its offset (unquoted YAML too) and says how to write a date', () => {
    const withOffset = check('agenda', `${COMMON}terbit: 2099-01-01T08:00:00+07:00\nmulai: "2099-01-02T09:00:00+08:00"\nselesai: 2099-01-02T09:30+08\nlokasi: Pendapa\npenyelenggara: Kecamatan\n`);
    expect(withOffset.ok && [withOffset.value.terbit, withOffset.value.mulai, withOffset.value.selesai]).toEqual(['2099-01-01T08:00+07:00', '2099-01-02T09:00+08:00', '2099-01-02T09:30+08:00']);
    const problem = problemsOf('artikel', `${COMMON}terbit: 2099-01-01T08:00:00 WIB\n`)[0]!;
    expect(problem).toMatchObject({ field: 'terbit', line: 6 });
    expect(problem.message).toContain('2025-03-10T09:00:00+07:00');
  });

  it('refuses an agenda whose start and end are written in different ways, which only the office zone could order', () => {
    // 10:30+09:00 is 08:30 WIB, before a 10:00 WIB start; in WIT it would be after.
    const mixed = problemsOf('agenda', `${COMMON}mulai: "2099-03-10 10:00"\nselesai: 2099-03-10T10:30:00+09:00\nlokasi: Pendapa\npenyelenggara: Kecamatan\n`)[0]!;
    expect(mixed).toMatchObject({ field: 'selesai' });
    expect(mixed.message).toContain('ditulis dengan cara berbeda');
    const early = problemsOf('agenda', `${COMMON}mulai: 2099-03-10T10:00:00+07:00\nselesai: 2099-03-10T10:30:00+09:00\nlokasi: Pendapa\npenyelenggara: Kecamatan\n`)[0]!;
    expect(early.message).toContain('lebih awal daripada waktu mulai');
  });

  it('refuses an agenda that ends before it starts', () => {
    const problem = problemsOf('agenda', `${COMMON}mulai: 2025-04-01 09:00\nselesai: 2025-04-01 08:00\nlokasi: Pendapa\npenyelenggara: Kecamatan\n`)[0]!;
    expect(problem).toMatchObject({ field: 'selesai', line: 7 });
    expect(problem.message).toContain('lebih awal daripada waktu mulai');
  });

  it('keeps every file inside the item folder', () => {
    const cases = ['../lain/foto.jpg', '/etc/passwd.jpg', 'https://contoh.id/foto.jpg', 'a//b.jpg', 'foto\\a.jpg'];
    for (const src of cases) {
      const problem = problemsOf('artikel', `${COMMON}gambar:\n  src: '${src}'\n  alt: Foto\n`)[0]!;
      expect(problem.field, src).toBe('gambar.src');
      expect(problem.line, src).toBe(7);
      expect(problem.message, src).toContain('tulis nama berkasnya saja');
    }
  });

  it('names the formats a file must have', () => {
    const problem = problemsOf('video', `${COMMON}berkas: video.webm\ntakarir: takarir.srt\n`)[0]!;
    expect(problem).toMatchObject({ field: 'takarir', message: 'takarir (teks terjemahan suara) harus berformat .vtt, bukan "takarir.srt".' });
    expect(problemsOf('dokumen', `${COMMON}kategori: peraturan\nberkas: perbup.docx\nklasifikasi: berkala\npenguasa_informasi: a\npenanggung_jawab: b\ntempat_pembuatan: c\nbentuk_informasi: [softcopy]\njangka_waktu_penyimpanan: 5 tahun\n`)[0]!.message).toContain('.pdf');
  });

  it('requires alt text for every picture', () => {
    const problem = problemsOf('galeri', `${COMMON}foto:\n  - src: a.jpg\n    alt: ""\n`)[0]!;
    expect(problem).toMatchObject({ field: 'foto.0.alt', line: 8, message: 'tidak boleh kosong.' });
    expect(problemsOf('galeri', `${COMMON}foto:\n  - src: a.jpg\n`)[0]!.field).toBe('foto.0.alt');
  });

  it('requires captions for a video, and exactly one of file or YouTube', () => {
    expect(problemsOf('video', `${COMMON}berkas: v.mp4\n`)[0]!.field).toBe('takarir');
    const neither = problemsOf('video', `${COMMON}takarir: t.vtt\n`)[0]!;
    expect(neither.message).toContain('salah satu: `berkas`');
    expect(problemsOf('video', `${COMMON}takarir: t.vtt\nberkas: v.mp4\nyoutube: https://youtu.be/abcdefghijk\n`)[0]!.field).toBe('berkas');
  });

  it('stores a YouTube address as its id', () => {
    const result = check('video', `${COMMON}youtube: https://www.youtube.com/watch?v=abcdefghijk&t=10\ntakarir: t.vtt\n`);
    expect(result.ok && result.value.youtube).toBe('abcdefghijk');
    expect(youtubeId('https://youtu.be/abcdefghijk')).toBe('abcdefghijk');
    expect(youtubeId('https://vimeo.com/123')).toBeUndefined();
    expect(problemsOf('video', `${COMMON}youtube: https://vimeo.com/123\ntakarir: t.vtt\n`)[0]!.message).toContain('bukan alamat video YouTube');
  });

  it('requires a transcript for audio', () => {
    expect(problemsOf('audio', `${COMMON}berkas: a.mp3\n`)[0]).toMatchObject({ field: 'transkrip', message: 'wajib diisi, tetapi tidak ada.' });
  });

  it('lists the document categories for an unknown one', () => {
    const problem = problemsOf('dokumen', `${COMMON}kategori: perda\nberkas: a.pdf\nklasifikasi: berkala\npenguasa_informasi: a\npenanggung_jawab: b\ntempat_pembuatan: c\nbentuk_informasi: [softcopy]\njangka_waktu_penyimpanan: 5 tahun\n`)[0]!;
    expect(problem).toMatchObject({ field: 'kategori', line: 6 });
    expect(problem.fix).toBe('pilih salah satu: peraturan, surat-edaran, laporan-keuangan, juknis, juklak, keputusan, lainnya.');
  });

  it('names a misspelt key', () => {
    const problem = problemsOf('artikel', `${COMMON}ringksan: x\n`)[0]!;
    expect(problem).toMatchObject({ line: 6, message: 'kolom tidak dikenal: ringksan.' });
  });

  it('reads social settings and strips "#" from hashtags', () => {
    const result = check('artikel', `${COMMON}sosial:\n  platform: [instagram, x]\n  tagar: ["#Jenawi", Karanganyar]\n  teks: { x: Teks khusus X }\n`);
    expect(result.ok && result.value.sosial).toEqual({ platform: ['instagram', 'x'], tagar: ['Jenawi', 'Karanganyar'], teks: { x: 'Teks khusus X' }, nonaktif: false });
    expect(problemsOf('artikel', `${COMMON}sosial:\n  platform: [tiktok]\n`)[0]!.fix).toContain('instagram, facebook, x, youtube, whatsapp');
    expect(problemsOf('artikel', `${COMMON}sosial:\n  tagar: [Dua kata]\n`)[0]!.message).toContain('tanpa spasi');
  });

  it('reads a picture focus as a side, a corner or a point in per cent', () => {
    const focusOf = (fokus: string) => {
      const result = check('artikel', `${COMMON}gambar:\n  src: a.jpg\n  alt: Tiga petugas berjaga\n  fokus: ${fokus}\n`);
      return result.ok ? result.value.gambar?.fokus : undefined;
    };
    expect(focusOf('kanan')).toEqual({ x: 100, y: 50 });
    expect(focusOf('kiri-atas')).toEqual({ x: 0, y: 0 });
    expect(focusOf('{ x: 85, y: 55 }')).toEqual({ x: 85, y: 55 });
    expect(check('galeri', `${COMMON}foto:\n  - { src: a.jpg, alt: Warga menanam pohon, fokus: bawah }\n`)).toMatchObject({ ok: true, value: { foto: [{ fokus: { x: 50, y: 100 } }] } });
  });

  it('says how to write a focus it cannot read', () => {
    const problemOf = (fokus: string) => problemsOf('artikel', `${COMMON}gambar:\n  src: a.jpg\n  alt: Tiga petugas berjaga\n  fokus: ${fokus}\n`)[0]!;
    for (const fokus of ['kanan-tengah', '"30% 60%"', '{ x: 30 }']) {
      expect(problemOf(fokus), fokus).toMatchObject({ field: 'gambar.fokus', line: 9 });
      expect(problemOf(fokus).message, fokus).toBe(
        'fokus gambar tidak dikenal. Tulis salah satu sisi atau sudut gambar (tengah, atas, bawah, kiri, kanan, kiri-atas, kanan-atas, kiri-bawah, kanan-bawah), atau titik dalam persen dari kiri dan dari atas, misalnya { x: 30, y: 60 } (x dan y dari 0 sampai 100).',
      );
    }
    expect(problemOf('{ x: 130, y: 50 }')).toMatchObject({ field: 'gambar.fokus.x', message: 'paling besar 100.' });
  });
});
