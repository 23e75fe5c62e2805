import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectPdfTextLayer } from './pdf-text.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

function compressedPdf(objects: string, content: string): Buffer {
  const stream = deflateSync(Buffer.from(content, 'latin1'));
  return Buffer.concat([
    bytes(`%PDF-1.5\n${objects}4 0 obj << /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
    stream,
    bytes('\nendstream\nendobj\n%%EOF\n'),
  ]);
}

describe('detectPdfTextLayer', () => {
  it('finds text drawn in a Flate-compressed content stream', () => {
    const pdf = compressedPdf('1 0 obj << /Type /Catalog >> endobj\n', 'BT /F1 11 Tf 50 700 Td [(Laporan)-250(Keuangan)] TJ ET');
    expect(detectPdfTextLayer(pdf)).toBe('text');
  });

  it('finds fonts declared inside a compressed object stream (PDF 1.5)', () => {
    const pdf = compressedPdf('1 0 obj << /Type /Catalog >> endobj\n', '5 0 << /Type /Font /Subtype /TrueType /BaseFont /Arial >>');
    expect(detectPdfTextLayer(pdf)).toBe('text');
  });

  it('calls a PDF of images without fonts a scan, and one with neither empty', () => {
    expect(detectPdfTextLayer(bytes('%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image /Filter /DCTDecode >>\nstream\n\xff\xd8\nendstream\nendobj\n'))).toBe('scan');
    expect(detectPdfTextLayer(bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'))).toBe('empty');
  });

  it('does not judge what it cannot read: not a PDF, or encrypted', () => {
    expect(detectPdfTextLayer(bytes('GIF89a'))).toBe('unknown');
    expect(detectPdfTextLayer(bytes('%PDF-1.6\ntrailer << /Encrypt 9 0 R >>\n'))).toBe('unknown');
  });
});
