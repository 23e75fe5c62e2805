import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadItems } from '../content/load.ts';
import { toBrailleAscii } from './brf.ts';
import { isTextType } from '../content/types.ts';
import { brailleParagraphs, type BrailleItem } from './item-text.ts';
import { translateToBraille } from './translate.ts';

/**
 * The translator against Debian's liblouis (liblouis-bin, installed by
 * test/support/ensure-test-tools.sh). liblouis has no Indonesian table (pull request
 * liblouis#1998 is open), but its American grade 1 table en-us-g1.ctb, English braille without
 * contractions, writes letters, the capital and word-capital signs, the number sign and digits,
 * the letter sign after a number and the punctuation of a word (. , ; : ? ! ' - " ( )) as
 * 052/U/2000 does. On the words of the example site where the two systems' rules coincide, the
 * cells must be the same, and the braille ASCII the same as liblouis's en-us-brf.dis.
 *
 * Left out, because the rules differ there (table.ts gives the Indonesian sources):
 * - one-letter words ("a", "e-KTP"): English marks a letter standing alone with the letter sign;
 * - a letter k–z after a number ("5km"): English puts the letter sign before any letter;
 * - full stops or commas inside a number or word ("1.500", "s.d."): English reads 1.500 as a
 *   decimal point and writes the two separators the other way round;
 * - a number after a hyphen or slash, slashes, a word of capitals followed by small letters
 *   ("DPRDnya": English closes the capitals with a terminator), dashes, ellipses, "%", "@" and
 *   punctuation standing alone (English writes these as computer-braille signs).
 */

const COINCIDING = /^[("]*(?:[A-Za-z]{2,}(?:[-'][A-Za-z]{2,})*|\d+(?:[a-j][a-z]*)?)[.,;:?!]?[")]*[.,;:?!]?$/;

function louTranslate(tables: string, lines: readonly string[]): string[] {
  const out = execFileSync('lou_translate', ['--forward', tables], { input: `${lines.join('\n')}\n`, encoding: 'utf8' });
  return out.replace(/\n$/, '').split('\n');
}

async function exampleWords(): Promise<string[]> {
  const { items } = await loadItems();
  const words = items
    .filter((item): item is typeof item & BrailleItem => isTextType(item.jenis))
    .flatMap((item) => brailleParagraphs(item, 'Asia/Jakarta'))
    .flatMap((paragraph) => paragraph.split(' '))
    .filter((word) => COINCIDING.test(word) && !/[A-Z]{2,}[a-z]/.test(word));
  return [...new Set(words)];
}

describe('agreement with liblouis en-us-g1 where the rules coincide', () => {
  it('writes every such word of the example site as liblouis does', async () => {
    const words = await exampleWords();
    expect(words.length).toBeGreaterThan(500);
    const louis = louTranslate('unicode.dis,en-us-g1.ctb', words);
    expect(louis).toHaveLength(words.length);
    const differing = words.filter((word, i) => translateToBraille(word) !== louis[i]!.replaceAll('⠀', ' '));
    expect(differing).toEqual([]);
  });

  it('writes whole sentences as liblouis does', () => {
    const sentences = [
      'Musrenbang Kecamatan Jenawi 2026 Sepakati 42 Usulan Prioritas.',
      'Camat meninjau longsor di Dusun Trengguli bersama BPBD, TNI dan Polri.',
      '"Kami siap membantu," ujar Kepala Desa (Kades) Balong.',
      'Pendaftaran dibuka sampai 3 Desember; syaratnya: KTP dan KK asli!',
      "Apakah warga sudah tahu jadwal pelayanan Jum'at?",
      'Kapanewon Bantul menggelar Upacara HUT RI ke-81 di lapangan.',
      'Perubahan atas Pasal 12a dan ayat 3b berlaku sejak 2025.',
    ];
    const louis = louTranslate('unicode.dis,en-us-g1.ctb', sentences);
    expect(sentences.map(translateToBraille)).toEqual(louis.map((line) => line.replaceAll('⠀', ' ')));
    const louisAscii = louTranslate('en-us-brf.dis,en-us-g1.ctb', sentences);
    expect(sentences.map((s) => toBrailleAscii(translateToBraille(s)))).toEqual(louisAscii);
  });
});
