import { describe, expect, it } from 'vitest';
import { bodyParagraphs, brailleParagraphs, type BrailleItem } from './item-text.ts';

const common = { judul: 'Pelatihan Menjahit', tanggal: '2026-08-17', ringkasan: 'Dua puluh warga ikut.', penulis: 'Tim Website', tag: [] };

describe('the text of an item for braille', () => {
  it('reads title, date and writer, summary, facts, picture and body, in that order', () => {
    const item: BrailleItem = {
      jenis: 'berita',
      data: { ...common, lokasi: 'Balai Desa Balong', narasumber: ['Sri Wahyuni, Kepala Desa'], gambar: { alt: 'Warga menjahit di balai desa' } },
      body: 'Pelatihan dibuka Camat.',
    };
    expect(brailleParagraphs(item, 'Asia/Jakarta')).toEqual([
      'Pelatihan Menjahit',
      'Tanggal: Senin, 17 Agustus 2026.',
      'Penulis: Tim Website.',
      'Dua puluh warga ikut.',
      'Lokasi: Balai Desa Balong.',
      'Narasumber: Sri Wahyuni, Kepala Desa.',
      'Gambar: Warga menjahit di balai desa',
      'Pelatihan dibuka Camat.',
    ]);
  });

  it("reads an agenda's time, place and organiser", () => {
    const item: BrailleItem = {
      jenis: 'agenda',
      data: { ...common, mulai: '2026-08-20 09:00', selesai: '2026-08-20 12:00', lokasi: 'Pendopo Kecamatan', penyelenggara: 'Kecamatan Jenawi' },
      body: '',
    };
    expect(brailleParagraphs(item, 'Asia/Jakarta').slice(1, 2)).toEqual(['Diumumkan: Senin, 17 Agustus 2026.']);
    expect(brailleParagraphs(item, 'Asia/Jakarta').slice(4)).toEqual(['Waktu: Kamis, 20 Agustus 2026, 09.00–12.00 WIB.', 'Tempat: Pendopo Kecamatan.', 'Penyelenggara: Kecamatan Jenawi.']);
  });

  it("reads an announcement's end date and attachments, and an office page's update", () => {
    const announcement: BrailleItem = { jenis: 'pengumuman', data: { ...common, lampiran: [{ berkas: 'jadwal.pdf', judul: 'Jadwal pelatihan' }] }, body: '' };
    expect(brailleParagraphs(announcement, 'Asia/Jakarta').slice(4)).toEqual(['Berlaku sampai: sampai dicabut.', 'Lampiran: Jadwal pelatihan.']);
    const page: BrailleItem = { jenis: 'halaman', data: { ...common }, body: '' };
    expect(brailleParagraphs(page, 'Asia/Jakarta')[1]).toBe('Diperbarui: Senin, 17 Agustus 2026.');
  });
});

describe('the body from its Markdown tree', () => {
  it('reads headings, paragraphs and list items with their markers', () => {
    const body = ['## Persyaratan', '', 'Bawa *dokumen* **asli**:', '', '- KTP', '- KK', '  1. lembar', '  2. salinan', '', '3. tiga', '4. empat'].join('\n');
    expect(bodyParagraphs(body)).toEqual(['Persyaratan', 'Bawa dokumen asli:', '- KTP', '- KK', '1. lembar', '2. salinan', '3. tiga', '4. empat']);
  });

  it('reads a table row by row with its column names', () => {
    const body = ['| Desa | Penduduk |', '| --- | ---: |', '| Balong | 1.204 |', '| Lempong | 987 |'].join('\n');
    expect(bodyParagraphs(body)).toEqual(['Desa: Balong; Penduduk: 1.204', 'Desa: Lempong; Penduduk: 987']);
  });

  it('reads the text of links, the description of pictures, and footnotes at the end', () => {
    const body = ['Lihat [standar pelayanan](/standar-pelayanan/) dan https://lapor.go.id untuk mengadu.[^1]', '', '![Peta Kecamatan Jenawi](peta.png)', '', '[^1]: Kanal resmi.'].join('\n');
    expect(bodyParagraphs(body)).toEqual(['Lihat standar pelayanan dan https://lapor.go.id untuk mengadu. (catatan kaki 1)', 'Gambar: Peta Kecamatan Jenawi', 'Catatan kaki 1: Kanal resmi.']);
  });

  it('leaves out raw HTML tags but keeps the text between them, and skips a whole HTML block', () => {
    const body = ['Kantor <abbr title="Kecamatan">Kec.</abbr> Jenawi.', '', '<div>', 'tersembunyi', '</div>', '', '---', '', 'Akhir.'].join('\n');
    expect(bodyParagraphs(body)).toEqual(['Kantor Kec. Jenawi.', 'Akhir.']);
  });
});
