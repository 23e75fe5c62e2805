import { describe, expect, it } from 'vitest';
import { MAX_CHUNK, speechChunks, splitSentences } from './text.ts';

const paragraph =
  'Kecamatan Jenawi membuka layanan KTP-el keliling pada Senin, 2 Juni 2026. Warga cukup membawa fotokopi KK! ' +
  'Apakah layanan dipungut biaya? Tidak, layanan ini gratis.';

describe('sentences', () => {
  it('splits a paragraph at . ! and ?', () => {
    expect(splitSentences(paragraph)).toEqual([
      'Kecamatan Jenawi membuka layanan KTP-el keliling pada Senin, 2 Juni 2026.',
      'Warga cukup membawa fotokopi KK!',
      'Apakah layanan dipungut biaya?',
      'Tidak, layanan ini gratis.',
    ]);
  });

  it('splits the same way without Intl.Segmenter (older browsers)', () => {
    const intl = Intl as { Segmenter?: unknown };
    const segmenter = intl.Segmenter;
    try {
      delete intl.Segmenter;
      expect(splitSentences(paragraph)).toEqual([
        'Kecamatan Jenawi membuka layanan KTP-el keliling pada Senin, 2 Juni 2026.',
        'Warga cukup membawa fotokopi KK!',
        'Apakah layanan dipungut biaya?',
        'Tidak, layanan ini gratis.',
      ]);
      expect(splitSentences('Ia berkata, "Selesai." Lalu pulang… Besok kembali.')).toEqual(['Ia berkata, "Selesai."', 'Lalu pulang…', 'Besok kembali.']);
    } finally {
      intl.Segmenter = segmenter;
    }
  });

  it('keeps a decimal number and a date with dots whole', () => {
    expect(splitSentences('Anggaran naik 2.5 persen pada 01.06.2026 menjadi Rp1.250.000. Itu cukup.')).toEqual([
      'Anggaran naik 2.5 persen pada 01.06.2026 menjadi Rp1.250.000.',
      'Itu cukup.',
    ]);
  });
});

describe('speech chunks', () => {
  it('starts with the title, then packs whole sentences of a paragraph into chunks', () => {
    expect(speechChunks(['Layanan KTP-el Keliling', 'Ringkasan singkat.', paragraph])).toEqual([
      'Layanan KTP-el Keliling',
      'Ringkasan singkat.',
      'Kecamatan Jenawi membuka layanan KTP-el keliling pada Senin, 2 Juni 2026. Warga cukup membawa fotokopi KK! Apakah layanan dipungut biaya?',
      'Tidak, layanan ini gratis.',
    ]);
  });

  it('ends a chunk at every paragraph and heading, as the page lays them out', () => {
    expect(speechChunks(['Persyaratan\nFotokopi KK.\n\nPas foto.\n  \n'])).toEqual(['Persyaratan', 'Fotokopi KK.', 'Pas foto.']);
  });

  it('rejoins a sentence cut after an abbreviation when it fits', () => {
    expect(speechChunks(['Kantor Kec. Jenawi, Kab. Karanganyar, buka pukul 07.30.'])).toEqual(['Kantor Kec. Jenawi, Kab. Karanganyar, buka pukul 07.30.']);
  });

  it('cuts a long sentence at a clause, else at a word, so no chunk exceeds the limit', () => {
    const clauses = Array.from({ length: 12 }, (_, i) => `persyaratan nomor ${i + 1} dibawa lengkap`).join(', ') + '.';
    const chunks = speechChunks([clauses]);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.length <= MAX_CHUNK)).toBe(true);
    expect(chunks.slice(0, -1).every((chunk) => chunk.endsWith(','))).toBe(true);
    expect(chunks.join(' ')).toBe(clauses);

    const words = Array.from({ length: 60 }, (_, i) => `kata${i}`).join(' ');
    const cut = speechChunks([words], 50);
    expect(cut.every((chunk) => chunk.length <= 50 && !chunk.startsWith(' '))).toBe(true);
    expect(cut.join(' ')).toBe(words);

    expect(speechChunks(['x'.repeat(120)], 50)).toEqual(['x'.repeat(50), 'x'.repeat(50), 'x'.repeat(20)]);
  });

  it('says nothing for blank text', () => {
    expect(speechChunks(['', ' \n\n '])).toEqual([]);
  });
});
