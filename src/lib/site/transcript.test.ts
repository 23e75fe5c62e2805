import { describe, expect, it } from 'vitest';
import { transcriptParagraphs } from './transcript.ts';

describe('transcript paragraphs', () => {
  it('makes each written line a paragraph and drops blank lines', () => {
    expect(transcriptParagraphs('[Layar biru.]\nPencerita: Selamat datang.\n\n  Pencerita: Terima kasih.  \n')).toEqual([
      '[Layar biru.]',
      'Pencerita: Selamat datang.',
      'Pencerita: Terima kasih.',
    ]);
  });
});
