import { describe, expect, it } from 'vitest';
import { describeFile, fileKind, formatFileSize } from './files.ts';

describe('download link text', () => {
  it('names the kind of file from its extension', () => {
    expect(fileKind('Pengumuman-Seleksi.PDF')).toBe('PDF');
    expect(fileKind('penduduk.csv')).toBe('CSV');
    expect(fileKind('arsip.7z')).toBe('7Z');
  });

  it('writes sizes with an Indonesian decimal comma', () => {
    expect(formatFileSize(1_234_567)).toBe('1,2 MB');
    expect(formatFileSize(250_880)).toBe('245 KB');
    expect(formatFileSize(900)).toBe('900 byte');
  });

  it('puts kind and size together', () => {
    expect(describeFile('laporan.pdf', 2048)).toBe('PDF, 2 KB');
  });
});
