import { describe, expect, it } from 'vitest';
import type { ProseBlock } from './prose.ts';
import { analyseBlock } from './text.ts';

function paragraph(text: string): ProseBlock {
  return { kind: 'paragraph', standalone: true, text, lines: [...text].map(() => 1), columns: [...text].map((_, i) => i + 1), italic: [...text].map(() => false) };
}

/** The sentences of a text, each as its words joined by spaces. */
function sentencesOf(text: string): string[] {
  const { tokens, sentences } = analyseBlock(paragraph(text));
  return sentences.map((sentence) => tokens.slice(sentence.first, sentence.last + 1).map((token) => token.text).join(' '));
}

describe('sentence splitting', () => {
  it('ends a sentence after a date in brackets and a full stop', () => {
    expect(sentencesOf('Petani mengikuti pelatihan di Balai Desa Balong, Rabu (22/7/2026). Pelatihan itu bertujuan menaikkan harga jual.')).toEqual([
      'Petani mengikuti pelatihan di Balai Desa Balong Rabu 22 7 2026',
      'Pelatihan itu bertujuan menaikkan harga jual',
    ]);
    expect(sentencesOf('Rapat digelar Senin (9/3). Warga hadir.')).toHaveLength(2);
    expect(sentencesOf('Ia menyebutnya "gotong royong". Warga setuju.')).toHaveLength(2);
  });

  it('ends a sentence after a time or a number written with a full stop inside', () => {
    expect(sentencesOf('Pelayanan dibuka pukul 08.00. Warga diminta datang tepat waktu.')).toHaveLength(2);
    expect(sentencesOf('Jumlah pemilih tercatat 1.500. Petugas menambah bilik.')).toHaveLength(2);
    expect(sentencesOf('Jumlah pemilih tercatat 1.500 orang dan biaya Rp5.000.000 per desa.')).toHaveLength(1);
  });

  it.each([
    'Surat Keputusan No. 12 Tahun 2026 ditandatangani camat.',
    'Warga Kab. Karanganyar dan Kec. Jenawi hadir.',
    'KPU Kab. Adm. Kep. Seribu menetapkan DPT dengan No. Reg. 12 di Perum. Griya Asri.',
    'Doa dipimpin Pdt. Yohanes dan Ust. Ahmad di Kp. Baru.',
    'Bantuan diserahkan H. Sugiyanto kepada Hj. Siti Aminah.',
    'Pemeriksaan dipimpin Dr. Ratna Sari dan dr. Budi di Jl. Raya Jenawi.',
    'Surat ditandatangani a.n. Camat Jenawi oleh Sekretaris Kecamatan.',
    'Layanan buka Senin s.d. Jumat di kantor kecamatan.',
    'Bawa fotokopi KTP, KK, dll. dan serahkan kepada petugas.',
    'Guru teladan Sri Lestari, S.Pd., menerima penghargaan dari bupati.',
  ])('does not end a sentence at an abbreviation that leads on: %s', (text) => {
    expect(sentencesOf(text)).toHaveLength(1);
  });

  it.each([
    ['Peserta membawa alat tulis, map, dll. Panitia menyediakan makan siang.', 'Panitia menyediakan makan siang'],
    ['Penghargaan diterima Sri Lestari, S.Pd. Ia mengajar di SD Negeri 1 Jenawi.', 'Ia mengajar di SD Negeri 1 Jenawi'],
    ['Ketentuan itu diatur dalam Pasal 3 ayat (2) huruf b. Pelanggaran dikenai sanksi.', 'Pelanggaran dikenai sanksi'],
    ['Laporan disampaikan kepada ketua RT. Selanjutnya data dikirim ke desa.', 'Selanjutnya data dikirim ke desa'],
  ])('ends a sentence at an abbreviation or letter that closes it (EYD V: one full stop): %s', (text, second) => {
    expect(sentencesOf(text)).toEqual([expect.any(String), second]);
  });

  it('starts afresh at every point of an enumeration written one per line', () => {
    const text = 'Menimbang:\na. bahwa anggaran desa ditetapkan dengan peraturan desa;\nb. bahwa rancangannya telah disepakati; dan\n(3) bahwa perlu menetapkan peraturan desa.';
    expect(sentencesOf(text)).toEqual(['Menimbang', 'a bahwa anggaran desa ditetapkan dengan peraturan desa', 'b bahwa rancangannya telah disepakati dan', '3 bahwa perlu menetapkan peraturan desa']);
    // A year or a count that a line break happens to put first is no point.
    expect(sentencesOf('Anggaran itu ditetapkan pada tahun\n2026. Warga menyetujuinya.')).toHaveLength(2);
  });

  it('keeps enumerated points inside a sentence', () => {
    expect(sentencesOf('Persyaratan meliputi: a. Fotokopi KTP; b. Surat pengantar RT.')).toHaveLength(1);
  });
});
