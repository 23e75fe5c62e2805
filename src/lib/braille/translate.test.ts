import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellOf, translateToBraille as braille } from './translate.ts';

// Expected cells are written by hand from the dot numbers of Kepmendiknas 052/U/2000 (table.ts).

describe('braille cells', () => {
  it('puts dot n at bit n-1 of the Unicode braille block', () => {
    expect(cellOf('1')).toBe('⠁');
    expect(cellOf('3-4-5-6')).toBe('⠼');
    expect(cellOf('1-2-3-4-5-6')).toBe('⠿');
    expect(cellOf('')).toBe('⠀');
  });
});

describe('letters and capitals', () => {
  it('writes the 26 letters', () => {
    expect(braille('abcdefghijklmnopqrstuvwxyz')).toBe('⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵');
  });

  it('puts the capital sign (dot 6) before a capital letter', () => {
    expect(braille('Jenawi')).toBe('⠠⠚⠑⠝⠁⠺⠊');
    expect(braille('A')).toBe('⠠⠁');
    expect(braille('Undang-Undang')).toBe('⠠⠥⠝⠙⠁⠝⠛⠤⠠⠥⠝⠙⠁⠝⠛');
  });

  it('puts the capital sign twice before a word of two or more capitals', () => {
    expect(braille('KTP')).toBe('⠠⠠⠅⠞⠏');
    expect(braille('RI')).toBe('⠠⠠⠗⠊');
    expect(braille('PPID-nya')).toBe('⠠⠠⠏⠏⠊⠙⠤⠝⠽⠁');
  });

  it('marks each capital of a word that mixes capitals and small letters', () => {
    expect(braille('DPRDnya')).toBe('⠠⠙⠠⠏⠠⠗⠠⠙⠝⠽⠁');
  });
});

describe('numbers', () => {
  it('writes a digit run as a–j after one number sign', () => {
    expect(braille('2026')).toBe('⠼⠃⠚⠃⠋');
    expect(braille('1234567890')).toBe('⠼⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚');
  });

  it('puts the letter sign before a small a–j that follows a number, and only there', () => {
    expect(braille('3a')).toBe('⠼⠉⠰⠁');
    expect(braille('12j')).toBe('⠼⠁⠃⠰⠚');
    expect(braille('5km')).toBe('⠼⠑⠅⠍');
    expect(braille('3A')).toBe('⠼⠉⠠⠁');
    expect(braille('3 a')).toBe('⠼⠉ ⠁');
  });

  it('writes the thousands point as dot 2 and the decimal comma as dots 4-6 inside a number', () => {
    expect(braille('1.500.000')).toBe('⠼⠁⠂⠑⠚⠚⠂⠚⠚⠚');
    expect(braille('2,5')).toBe('⠼⠃⠨⠑');
    expect(braille('43,6 persen')).toBe('⠼⠙⠉⠨⠋ ⠏⠑⠗⠎⠑⠝');
  });

  it('ends a number at a full stop or comma that is not between digits', () => {
    expect(braille('tahun 2026.')).toBe('⠞⠁⠓⠥⠝ ⠼⠃⠚⠃⠋⠲');
    expect(braille('1, 2, 3')).toBe('⠼⠁⠂ ⠼⠃⠂ ⠼⠉');
  });

  it('writes the number sign again after a hyphen or slash', () => {
    expect(braille('ke-81')).toBe('⠅⠑⠤⠼⠓⠁');
    expect(braille('RT 02/RW 05')).toBe('⠠⠠⠗⠞ ⠼⠚⠃⠌⠠⠠⠗⠺ ⠼⠚⠑');
  });
});

describe('dates', () => {
  it('writes a date in words', () => {
    expect(braille('17 Agustus 2026')).toBe('⠼⠁⠛ ⠠⠁⠛⠥⠎⠞⠥⠎ ⠼⠃⠚⠃⠋');
    expect(braille('Senin, 20 Juli 2026')).toBe('⠠⠎⠑⠝⠊⠝⠂ ⠼⠃⠚ ⠠⠚⠥⠇⠊ ⠼⠃⠚⠃⠋');
  });

  it('writes a date in figures with a number sign after each hyphen', () => {
    expect(braille('17-08-2026')).toBe('⠼⠁⠛⠤⠼⠚⠓⠤⠼⠃⠚⠃⠋');
  });

  it('writes a time with its full stop as a separator inside the number', () => {
    expect(braille('09.00 WIB')).toBe('⠼⠚⠊⠂⠚⠚ ⠠⠠⠺⠊⠃');
  });
});

describe('amounts in rupiah', () => {
  it('writes Rp with its capital, then the number', () => {
    expect(braille('Rp1.500.000,00')).toBe('⠠⠗⠏⠼⠁⠂⠑⠚⠚⠂⠚⠚⠚⠨⠚⠚');
    expect(braille('Rp 25.000')).toBe('⠠⠗⠏ ⠼⠃⠑⠂⠚⠚⠚');
  });
});

describe('abbreviations', () => {
  it('keeps their full stops and capitals', () => {
    expect(braille('No. 12')).toBe('⠠⠝⠕⠲ ⠼⠁⠃');
    expect(braille('KTP, KK, dll.')).toBe('⠠⠠⠅⠞⠏⠂ ⠠⠠⠅⠅⠂ ⠙⠇⠇⠲');
    expect(braille('s.d.')).toBe('⠎⠲⠙⠲');
    expect(braille('Kab. Karanganyar')).toBe('⠠⠅⠁⠃⠲ ⠠⠅⠁⠗⠁⠝⠛⠁⠝⠽⠁⠗');
  });
});

describe('punctuation', () => {
  it('writes the Indonesian punctuation marks', () => {
    expect(braille('a, b; c: d? e! f.')).toBe('⠁⠂ ⠃⠆ ⠉⠒ ⠙⠦ ⠑⠖ ⠋⠲');
    expect(braille('(lihat) dan/atau')).toBe('⠶⠇⠊⠓⠁⠞⠶ ⠙⠁⠝⠌⠁⠞⠁⠥');
    expect(braille("Jum'at")).toBe('⠠⠚⠥⠍⠄⠁⠞');
    expect(braille('kata*')).toBe('⠅⠁⠞⠁⠔⠔');
    expect(braille('ppid@jenawi.go.id')).toBe('⠏⠏⠊⠙⠈⠁⠚⠑⠝⠁⠺⠊⠲⠛⠕⠲⠊⠙');
  });

  it('tells opening from closing quotation marks, straight or curly', () => {
    expect(braille('"Ya," katanya.')).toBe('⠦⠠⠽⠁⠂⠴ ⠅⠁⠞⠁⠝⠽⠁⠲');
    expect(braille('“Ya,” katanya.')).toBe('⠦⠠⠽⠁⠂⠴ ⠅⠁⠞⠁⠝⠽⠁⠲');
    expect(braille('("kutip")')).toBe('⠶⠦⠅⠥⠞⠊⠏⠴⠶');
  });

  it('writes a dash as two hyphens and an ellipsis as three dot-3 cells', () => {
    expect(braille('Senin – Jumat')).toBe('⠠⠎⠑⠝⠊⠝ ⠤⠤ ⠠⠚⠥⠍⠁⠞');
    expect(braille('Senin—Jumat')).toBe('⠠⠎⠑⠝⠊⠝⠤⠤⠠⠚⠥⠍⠁⠞');
    expect(braille('tunggu...')).toBe('⠞⠥⠝⠛⠛⠥⠄⠄⠄');
    expect(braille('tunggu…')).toBe('⠞⠥⠝⠛⠛⠥⠄⠄⠄');
  });

  it('writes percent as the word Indonesian reads it', () => {
    expect(braille('10%')).toBe('⠼⠁⠚ ⠏⠑⠗⠎⠑⠝');
  });
});

describe('characters without a braille form', () => {
  it('drops accents and writes typographic quotes and dashes as their plain forms', () => {
    expect(braille('café')).toBe('⠉⠁⠋⠑');
    expect(braille('‘ya’')).toBe('⠄⠽⠁⠄');
    expect(braille('A & B')).toBe('⠠⠁ ⠙⠁⠝ ⠠⠃');
  });

  it('writes a vulgar fraction as a number over a slash, not as two numbers side by side, and a sign NFKD takes apart as its parts', () => {
    expect(braille('½ kg')).toBe(braille('1/2 kg'));
    expect(braille('½ kg')).toBe('⠼⠁⠌⠼⠃ ⠅⠛');
    expect(braille('3⁄4')).toBe('⠼⠉⠌⠼⠙');
    expect(braille('30 ℃')).toBe(braille('30 °C'));
    expect(braille('50％')).toBe(braille('50%'));
  });

  it('never reads a negated sign as its opposite: NFKD writes "≠" as "=" with an overlay', () => {
    expect(braille('a ≠ b')).toBe(braille('a tidak sama dengan b'));
    expect(braille('x ≯ 3')).toBe(braille('x 3'));
  });

  it('leaves out the rest without leaving double spaces', () => {
    expect(braille('a 漢字 b ≯ c 🙂')).toBe('⠁ ⠃ ⠉');
    expect(braille('\u202Eab\u200B')).toBe('⠁⠃');
  });

  it('gives braille cells and single spaces only, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(braille(text)).toMatch(/^(?:[\u2800-\u283F]+(?: [\u2800-\u283F]+)*)?$/);
      }),
    );
  });
});

describe('a paragraph of government prose', () => {
  it('is written as a transcriber would', () => {
    const paragraph =
      'Ketua Kelompok Tani Lereng Lawu, Parmin, mengatakan buah kopi merah hanya laku sekitar Rp9.000 per kilogram, sedangkan biji kering yang diolah dengan baik bisa mencapai lima kali lipatnya. "Selama ini kami menjual mentah karena tidak tahu caranya. Sekarang kami bisa mencoba sendiri," ujarnya.';
    expect(braille(paragraph)).toBe(
      [
        '⠠⠅⠑⠞⠥⠁ ⠠⠅⠑⠇⠕⠍⠏⠕⠅ ⠠⠞⠁⠝⠊ ⠠⠇⠑⠗⠑⠝⠛ ⠠⠇⠁⠺⠥⠂ ⠠⠏⠁⠗⠍⠊⠝⠂ ⠍⠑⠝⠛⠁⠞⠁⠅⠁⠝ ⠃⠥⠁⠓ ⠅⠕⠏⠊ ⠍⠑⠗⠁⠓ ⠓⠁⠝⠽⠁ ⠇⠁⠅⠥ ⠎⠑⠅⠊⠞⠁⠗',
        '⠠⠗⠏⠼⠊⠂⠚⠚⠚ ⠏⠑⠗ ⠅⠊⠇⠕⠛⠗⠁⠍⠂ ⠎⠑⠙⠁⠝⠛⠅⠁⠝ ⠃⠊⠚⠊ ⠅⠑⠗⠊⠝⠛ ⠽⠁⠝⠛ ⠙⠊⠕⠇⠁⠓ ⠙⠑⠝⠛⠁⠝ ⠃⠁⠊⠅ ⠃⠊⠎⠁ ⠍⠑⠝⠉⠁⠏⠁⠊ ⠇⠊⠍⠁ ⠅⠁⠇⠊ ⠇⠊⠏⠁⠞⠝⠽⠁⠲',
        '⠦⠠⠎⠑⠇⠁⠍⠁ ⠊⠝⠊ ⠅⠁⠍⠊ ⠍⠑⠝⠚⠥⠁⠇ ⠍⠑⠝⠞⠁⠓ ⠅⠁⠗⠑⠝⠁ ⠞⠊⠙⠁⠅ ⠞⠁⠓⠥ ⠉⠁⠗⠁⠝⠽⠁⠲ ⠠⠎⠑⠅⠁⠗⠁⠝⠛ ⠅⠁⠍⠊ ⠃⠊⠎⠁ ⠍⠑⠝⠉⠕⠃⠁ ⠎⠑⠝⠙⠊⠗⠊⠂⠴ ⠥⠚⠁⠗⠝⠽⠁⠲',
      ].join(' '),
    );
  });
});
