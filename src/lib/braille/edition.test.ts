import { describe, expect, it } from 'vitest';
import { bodyFileLinks } from '../content/item-files.ts';
import { BRAILLE_FILES, makeBrailleEdition } from './edition.ts';
import type { BrailleItem } from './item-text.ts';

describe('the braille files of an item', () => {
  it('have names no file of the item can take beside its page', () => {
    for (const name of Object.values(BRAILLE_FILES)) {
      expect(bodyFileLinks(`[berkas](${name})`, 1)).toMatchObject([{ kind: 'refused', path: name }]);
    }
  });

  it('hold the same text in both editions, in the layout of the config', () => {
    const item: BrailleItem = { jenis: 'artikel', data: { judul: 'Hak Atas Informasi', tanggal: '2026-08-17', ringkasan: 'Ringkas.', penulis: 'PPID', tag: [] }, body: 'Isi.' };
    const edition = makeBrailleEdition(item, 'Asia/Jakarta', { cells: 30, lines: 12 });
    expect(edition.unicode).toBe('⠠⠓⠁⠅ ⠠⠁⠞⠁⠎ ⠠⠊⠝⠋⠕⠗⠍⠁⠎⠊\n⠠⠞⠁⠝⠛⠛⠁⠇⠒ ⠠⠎⠑⠝⠊⠝⠂ ⠼⠁⠛ ⠠⠁⠛⠥⠎⠞⠥⠎ ⠼⠃⠚⠃⠋⠲\n⠠⠏⠑⠝⠥⠇⠊⠎⠒ ⠠⠠⠏⠏⠊⠙⠲\n⠠⠗⠊⠝⠛⠅⠁⠎⠲\n⠠⠊⠎⠊⠲\n');
    const lines = edition.brf.split('\r\n');
    expect(lines.slice(0, 6)).toEqual(['  ,HAK ,ATAS ,INFORMASI', '  ,TANGGAL3 ,SENIN1 #AG', ',AGUSTUS #BJBF4', '  ,PENULIS3 ,,PPID4', '  ,RINGKAS4', '  ,ISI4']);
    expect(lines[11]).toBe(`${' '.repeat(28)}#A`);
  });
});
