import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, ACRONYM_WORDS } from './abbreviations.ts';
import { normalizeSpeech } from './normalize.ts';
import { figureWords, numberWords } from './numbers.ts';

describe('numbers in words', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [81, 'delapan puluh satu'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [115, 'seratus lima belas'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1893, 'seribu delapan ratus sembilan puluh tiga'],
    [2026, 'dua ribu dua puluh enam'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [1000000, 'satu juta'],
    [1500000, 'satu juta lima ratus ribu'],
    [2000000000, 'dua miliar'],
    [1001001, 'satu juta seribu satu'],
    [3000000000000, 'tiga triliun'],
  ])('%i is "%s"', (n, words) => expect(numberWords(n)).toBe(words));

  it('reads Indonesian figures: dots between thousands, a comma before decimals said digit by digit', () => {
    expect(figureWords('1.250.000')).toBe('satu juta dua ratus lima puluh ribu');
    expect(figureWords('2,5')).toBe('dua koma lima');
    expect(figureWords('3,14')).toBe('tiga koma satu empat');
  });

  it('reads codes digit by digit: a leading zero, or more than fifteen digits (a NIK)', () => {
    expect(figureWords('0271')).toBe('nol dua tujuh satu');
    expect(figureWords('3313012345670001')).toBe('tiga tiga satu tiga nol satu dua tiga empat lima enam tujuh nol nol nol satu');
  });
});

describe('speech normaliser', () => {
  it.each([
    ['Rp1.500.000,00', 'satu juta lima ratus ribu rupiah'],
    ['Rp 25.000', 'dua puluh lima ribu rupiah'],
    ['Rp. 10.000,-', 'sepuluh ribu rupiah'],
    ['Rp5 juta', 'lima juta rupiah'],
    ['Rp2.500,50', 'dua ribu lima ratus koma lima nol rupiah'],
    ['Anggaran (Rp): 310.000.000; %: 20,2', 'Anggaran (rupiah): tiga ratus sepuluh juta; persen: dua puluh koma dua'],
  ])('rupiah: %s', (written, spoken) => expect(normalizeSpeech(written)).toBe(spoken));

  it.each([
    ['pukul 07.30 WIB', 'pukul tujuh lewat tiga puluh menit we i be'],
    ['07.30 WIB', 'pukul tujuh lewat tiga puluh menit we i be'],
    ['pukul 08.00–12.00', 'pukul delapan sampai pukul dua belas'],
    ['Pukul 08.00 - selesai', 'Pukul delapan sampai selesai'],
    ['pukul 13:05 WITA', 'pukul tiga belas lewat lima menit wita'],
    ['jam 19.00 WIT', 'jam sembilan belas we i te'],
    ['Senin sampai Jumat pukul 07.30–16.00 WIB', 'Senin sampai Jumat pukul tujuh lewat tiga puluh menit sampai pukul enam belas we i be'],
  ])('times: %s', (written, spoken) => expect(normalizeSpeech(written)).toBe(spoken));

  it.each([
    ['17-08-2026', 'tujuh belas Agustus dua ribu dua puluh enam'],
    ['17/8/2026', 'tujuh belas Agustus dua ribu dua puluh enam'],
    ['28/09/2026', 'dua puluh delapan September dua ribu dua puluh enam'],
    ['2026-01-05', 'lima Januari dua ribu dua puluh enam'],
    ['2 Juni 2026', 'dua Juni dua ribu dua puluh enam'],
  ])('dates: %s', (written, spoken) => expect(normalizeSpeech(written)).toBe(spoken));

  it.each([
    ['HUT ke-81 RI', 'hut ke delapan puluh satu er i'],
    ['Ke-2', 'Ke dua'],
    ['2,5% warga', 'dua koma lima persen warga'],
    ['1.893 jiwa', 'seribu delapan ratus sembilan puluh tiga jiwa'],
    ['Pasal 10 ayat (2)', 'Pasal sepuluh ayat (dua)'],
    ['subbab 3.2', 'subbab tiga titik dua'],
    ['halaman 10–12', 'halaman sepuluh sampai dua belas'],
    ['COVID-19', 'kovid sembilan belas'],
  ])('ordinals and other figures: %s', (written, spoken) => expect(normalizeSpeech(written)).toBe(spoken));

  it.each([
    ['Kab. Karanganyar', 'kabupaten Karanganyar'],
    ['Kec. Jenawi, Kel. Lalung, Ds. Balong', 'kecamatan Jenawi, kelurahan Lalung, desa Balong'],
    ['Jl. Lawu No. 5', 'jalan Lawu nomor lima'],
    ['UU No. 14 Tahun 2008', 'undang-undang nomor empat belas Tahun dua ribu delapan'],
    ['UU 14/2008', 'undang-undang nomor empat belas tahun dua ribu delapan'],
    ['Perki 1/2021', 'peraturan komisi informasi nomor satu tahun dua ribu dua puluh satu'],
    ['Perbup dan Perda', 'peraturan bupati dan peraturan daerah'],
    ['PPID Pelaksana', 'pe pe i de Pelaksana'],
    ['KTP-el', 'ka te pe el'],
    ['KTP, KK, dan NIK', 'ka te pe, ka ka, dan nik'],
    ['RT 03/RW 05', 'er te tiga er we lima'],
    ['RT/RW', 'er te er we'],
    ['Dr. Sri Handayani, S.Sos.', 'doktor Sri Handayani, es sos'],
    ['Drs. Budi, M.Si.', 'doktorandus Budi, em si'],
    ['buku, pena, dll.', 'buku, pena, dan lain-lain.'],
    ['kain, benang, dsb. Semua disediakan.', 'kain, benang, dan sebagainya. Semua disediakan.'],
    ['Senin s.d. Jumat', 'Senin sampai dengan Jumat'],
    ['Yth. Camat Jenawi', 'yang terhormat Camat Jenawi'],
    ['Puskesmas Jenawi dan KPU', 'Puskesmas Jenawi dan ka pe u'],
    ['dan/atau', 'dan atau'],
    ['PENGUMUMAN PENTING', 'pengumuman penting'],
    ['ruang PATEN', 'ruang paten'],
  ])('abbreviations: %s', (written, spoken) => expect(normalizeSpeech(written)).toBe(spoken));

  it.each([
    ['surel kecamatan.jenawi@karanganyarkab.go.id.', 'surel kecamatan titik jenawi et karanganyarkab titik go titik id.'],
    ['lewat www.lapor.go.id atau https://ppid.karanganyarkab.go.id/', 'lewat www titik lapor titik go titik id atau ppid titik karanganyarkab titik go titik id'],
    ['telepon (0271) 499210', 'telepon nol dua tujuh satu, empat sembilan sembilan dua satu nol'],
  ])('addresses and telephone numbers: %s', (written, spoken) => expect(normalizeSpeech(written)).toBe(spoken));

  it('reads a real paragraph of government prose', () => {
    expect(
      normalizeSpeech(
        'Berdasarkan Perbup Karanganyar No. 12 Tahun 2025, pelayanan KTP-el di Kec. Jenawi buka pukul 08.00–12.00 WIB mulai 17/8/2026; biaya Rp0,00 (gratis), dll.',
      ),
    ).toBe(
      'Berdasarkan peraturan bupati Karanganyar nomor dua belas Tahun dua ribu dua puluh lima, pelayanan ka te pe el di kecamatan Jenawi buka pukul delapan sampai pukul dua belas we i be mulai tujuh belas Agustus dua ribu dua puluh enam; biaya nol rupiah (gratis), dan lain-lain.',
    );
  });

  it('leaves no digit, and no listed abbreviation, in what it says', () => {
    const listed = [...ABBREVIATIONS, ...ACRONYM_WORDS].map((entry) => entry.written);
    const spoken = normalizeSpeech(listed.join(' 12, '));
    expect(spoken).not.toMatch(/\d/);
    for (const written of listed) expect(spoken.split(/[\s,]+/)).not.toContain(written);
  });

  it('gives every abbreviation a source', () => {
    for (const entry of [...ABBREVIATIONS, ...ACRONYM_WORDS]) expect(entry.source, entry.written).not.toBe('');
  });
});
