import { inflateSync } from 'node:zlib';

/**
 * Whether a PDF has a text layer a screen reader can read, or is only scanned images.
 *
 * A small reader instead of a PDF library (pdf.js is megabytes and renders pages; we only need
 * one fact): text in a PDF is drawn with fonts and text operators (`BT … Tj/TJ … ET`), a scan is
 * image XObjects and no fonts. Both live in objects that are often Flate-compressed (also inside
 * PDF 1.5 object streams), so every Flate stream is inflated and searched too.
 */
export type PdfTextLayer = 'text' | 'scan' | 'empty' | 'unknown';

export function detectPdfTextLayer(bytes: Uint8Array): PdfTextLayer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buffer.subarray(0, 1024).toString('latin1').includes('%PDF-')) return 'unknown';
  const raw = buffer.toString('latin1');
  // Encrypted files hide their streams; we cannot tell.
  if (/\/Encrypt\s/.test(raw)) return 'unknown';
  const parts = [raw, ...inflatedStreams(buffer, raw)];
  const hasText = parts.some((part) => /\/Type\s*\/Font\b/.test(part) || /\bBT\b[\s\S]{0,2000}?(?:\bTj|\bTJ|'|")/.test(part));
  if (hasText) return 'text';
  const hasImage = parts.some((part) => /\/Subtype\s*\/Image\b/.test(part));
  return hasImage ? 'scan' : 'empty';
}

function* inflatedStreams(buffer: Buffer, raw: string): Generator<string> {
  const stream = /stream\r?\n/g;
  for (let match = stream.exec(raw); match; match = stream.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end === -1) return;
    // The object's dictionary: from its `N 0 obj` to `stream`. Images are not inflated (big, no text).
    const dictionary = raw.slice(Math.max(0, raw.lastIndexOf(' obj', match.index)), match.index);
    if (/\/FlateDecode/.test(dictionary) && !/\/Subtype\s*\/Image\b/.test(dictionary)) {
      try {
        yield inflateSync(buffer.subarray(start, end), { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate trailing EOL */ }).toString('latin1');
      } catch {
        // A damaged stream tells us nothing; the others may.
      }
    }
    stream.lastIndex = end;
  }
}
