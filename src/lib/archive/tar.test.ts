import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { END_OF_ARCHIVE, readTarEntries, tarFileHeader, tarPadding } from './tar.ts';

function tarOf(files: { path: string; data: string }[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    const data = Buffer.from(file.data);
    parts.push(tarFileHeader({ path: file.path, size: data.length, mtime: 1_741_573_800 }), data, tarPadding(data.length));
  }
  return Buffer.concat([...parts, END_OF_ARCHIVE]);
}

/** Hands the reader the archive in small uneven pieces, as a gunzip stream does. */
async function* inPieces(buffer: Buffer, size = 77): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function readAll(buffer: Buffer) {
  const entries = [];
  for await (const entry of readTarEntries(inPieces(buffer), (path) => path.endsWith('.json'))) entries.push(entry);
  return entries;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('tar', () => {
  it('reads back every path it writes: short, long, very long and non-ASCII', async () => {
    const files = [
      { path: 'arsip/MANIFEST.json', data: '{"a":1}\n' },
      { path: `arsip/dist/${'berita/'.repeat(20)}index.html`, data: '<p>panjang</p>' },
      { path: `arsip/${'a'.repeat(300)}.html`, data: 'sangat panjang' },
      { path: 'arsip/content/galeri/pawai-budaya/foto-ñ-é.jpg', data: 'jpeg' },
      { path: 'arsip/kosong.txt', data: '' },
    ];
    const entries = await readAll(tarOf(files));
    expect(entries.map((e) => e.path)).toEqual(files.map((f) => f.path));
    expect(entries.map((e) => e.sha256)).toEqual(files.map((f) => sha256(f.data)));
    expect(entries.map((e) => e.size)).toEqual(files.map((f) => Buffer.byteLength(f.data)));
    expect(entries[0]!.content?.toString()).toBe('{"a":1}\n');
    expect(entries[1]!.content).toBeUndefined();
  });

  it('writes whole 512-byte blocks ending in two zero blocks', () => {
    const archive = tarOf([{ path: 'a.txt', data: 'x'.repeat(513) }]);
    expect(archive.length % 512).toBe(0);
    expect(archive.length).toBe(512 + 1024 + 1024);
    expect(archive.subarray(-1024).every((b) => b === 0)).toBe(true);
  });

  it('records a size beyond the 8 GiB of a ustar header in a pax record', () => {
    const header = tarFileHeader({ path: 'arsip/content/video/rapat/rekaman.mp4', size: 2 ** 33 + 5, mtime: 0 });
    expect(header.length).toBe(3 * 512);
    expect(header.subarray(512, 1024).toString('utf8')).toMatch(/^\d+ size=8589934597\n/);
    // The ustar header after it carries the path and leaves the size to the pax record.
    expect(header.subarray(1024, 1024 + 37).toString()).toBe('arsip/content/video/rapat/rekaman.mp4');
    expect(header.subarray(1024 + 124, 1024 + 135).toString()).toBe('00000000000');
  });

  it('refuses a header whose checksum does not match', async () => {
    const archive = tarOf([{ path: 'a.txt', data: 'isi' }]);
    archive[10] = 0x41;
    await expect(readAll(archive)).rejects.toThrow('checksum kepala tar tidak cocok');
  });

  it('refuses an archive cut off inside a file', async () => {
    const archive = tarOf([{ path: 'a.txt', data: 'x'.repeat(2000) }]);
    await expect(readAll(archive.subarray(0, 1000))).rejects.toThrow('terpotong');
  });
});
