import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('reads what GNU tar writes by default: long names as "L" entries, folders and links', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tayang-tar-gnu-'));
    const long = `arsip/dist/${'pawai-budaya-'.repeat(12)}/penari-ñ.html`;
    await mkdir(join(folder, long, '..'), { recursive: true });
    await writeFile(join(folder, long), 'panjang');
    await symlink('../index.html', join(folder, 'arsip/dist/tautan.html'));
    const archive = execFileSync('tar', ['--format=gnu', '-cf', '-', '-C', folder, '--no-recursion', 'arsip', 'arsip/dist', long, 'arsip/dist/tautan.html']);
    await rm(folder, { recursive: true, force: true });
    const entries = await readAll(archive);
    expect(entries.map((e) => [e.path.replace(/\/$/, ''), e.kind])).toEqual([
      ['arsip', 'directory'],
      ['arsip/dist', 'directory'],
      [long, 'file'],
      ['arsip/dist/tautan.html', 'other'],
    ]);
    expect(entries[2]!.sha256).toBe(sha256('panjang'));
  });

  it('reads a size GNU tar wrote in base 256 (files over 8 GiB)', async () => {
    const archive = tarOf([{ path: 'arsip/rekaman.mp4', data: 'xyz' }]);
    // 3 as a base-256 number: first byte 0x80, the value big-endian in the rest of the field.
    archive.fill(0, 124, 136);
    archive[124] = 0x80;
    archive[135] = 3;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : archive[i]!;
    archive.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
    expect((await readAll(archive)).map((e) => [e.path, e.size, e.sha256])).toEqual([['arsip/rekaman.mp4', 3, sha256('xyz')]]);
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
