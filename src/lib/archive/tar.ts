import { createHash } from 'node:crypto';

/**
 * The POSIX tar format (pax interchange format, POSIX.1-2001), only as much as an archive of
 * plain files needs: regular files, with pax records when a path is not ASCII or too long, or a
 * file too large, for the ustar header. Every field that could differ between runs (owner, mode, time) is
 * fixed by the caller, so the same files give the same bytes.
 * Reference: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html#tag_20_94_13
 *
 * Why our own writer instead of the `tar` package: it reads files from disk with their own
 * metadata and sorts nothing; making it deterministic would take as much code as this does.
 */

export const BLOCK = 512;

/** Two zero blocks end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);

export interface TarFileHeader {
  path: string;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
}

/** The largest size the ustar header's 11 octal digits hold (8 GiB - 1); a longer video needs pax. */
const USTAR_MAX_SIZE = 0o77777777777;

/** The header block(s) of one regular file: a pax header first when ustar cannot hold its path or size. */
export function tarFileHeader(file: TarFileHeader): Buffer {
  const split = splitUstarPath(file.path);
  const sizeFits = file.size <= USTAR_MAX_SIZE;
  if (split && sizeFits) return ustarHeader({ ...split, size: file.size, mtime: file.mtime, type: '0' });
  const records = Buffer.concat([...(split ? [] : [paxRecord('path', file.path)]), ...(sizeFits ? [] : [paxRecord('size', String(file.size))])]);
  const standIn = split ?? { prefix: '', name: asciiTail(file.path, 100) };
  return Buffer.concat([
    ustarHeader({ name: `PaxHeader/${asciiTail(standIn.name, 90)}`, prefix: '', size: records.length, mtime: file.mtime, type: 'x' }),
    records,
    tarPadding(records.length),
    ustarHeader({ ...standIn, size: sizeFits ? file.size : 0, mtime: file.mtime, type: '0' }),
  ]);
}

/** Zero bytes that fill a file's data up to the next block. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** ustar keeps a path as prefix (155 bytes) + "/" + name (100 bytes), ASCII only. */
function splitUstarPath(path: string): { prefix: string; name: string } | undefined {
  if (!/^[\x20-\x7e]*$/.test(path)) return undefined;
  if (path.length <= 100) return { prefix: '', name: path };
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    if (slash <= 155 && path.length - slash - 1 <= 100 && path.length - slash - 1 > 0) return { prefix: path.slice(0, slash), name: path.slice(slash + 1) };
  }
  return undefined;
}

/** A readable stand-in name for tools that ignore pax records. */
function asciiTail(path: string, max: number): string {
  return path.replace(/[^\x20-\x7e]/g, '_').slice(-max);
}

/** `"<length> <key>=<value>\n"`, where the length counts itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body);
  let length = bodyLength;
  while (length !== bodyLength + String(length).length) length = bodyLength + String(length).length;
  return Buffer.from(`${length}${body}`);
}

function ustarHeader(h: { name: string; prefix: string; size: number; mtime: number; type: '0' | 'x' }): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(h.name, 0, 100, 'utf8');
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, h.size);
  writeOctal(block, 136, 12, h.mtime);
  block.fill(' ', 148, 156);
  block.write(h.type, 156, 1, 'ascii');
  block.write('ustar\x0000', 257, 8, 'ascii');
  block.write(h.prefix, 345, 155, 'utf8');
  writeOctal(block, 148, 7, checksum(block));
  return block;
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}

/** The sum of the header's bytes, the checksum field counted as spaces. */
function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

export interface TarEntry {
  path: string;
  /** Directories and links carry no data; only files are archive content. */
  kind: 'file' | 'directory' | 'other';
  size: number;
  sha256: string;
  /** The bytes, only for files the caller asked to keep. */
  content?: Buffer;
}

/** Where a file's data is copied as it passes (a restore writes it to disk without holding it in memory). */
export interface TarCopy {
  write(piece: Buffer): Promise<void>;
  end(): Promise<void>;
}

/** The ustar magic of POSIX tar; GNU tar writes "ustar  " and has no path prefix field. */
const POSIX_MAGIC = Buffer.from('ustar\0');

/**
 * Reads the entries of a tar stream one by one, hashing their data as it passes, so an archive of
 * any size is checked without holding it in memory. Besides the pax format Tayang writes, it reads
 * what GNU tar writes by default (long names as "L" entries, sizes over 8 GiB in base 256), so an
 * archive unpacked and packed again is read by its contents. Throws on a damaged header. A file's
 * data goes to the copy `copy` opens for its path, if any, before the entry is yielded.
 */
export async function* readTarEntries(source: AsyncIterable<Buffer>, keep: (path: string) => boolean, copy?: (path: string) => Promise<TarCopy | undefined>): AsyncGenerator<TarEntry> {
  const reader = chunkReader(source);
  // Records of a pax header, and a GNU long name, apply to the entry that follows them.
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  for (;;) {
    const block = await reader.take(BLOCK);
    if (block.length === 0) return;
    if (block.length < BLOCK) throw new Error('arsip terpotong di tengah kepala berkas');
    if (block.every((byte) => byte === 0)) {
      // Read on to the end: a compressed source checks its own integrity (gzip CRC) only there.
      await reader.drain();
      return;
    }
    if (readOctal(block, 148, 8) !== checksum(block)) throw new Error('checksum kepala tar tidak cocok');
    const type = String.fromCharCode(block[156]!);
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      const length = readNumber(block, 124, 12);
      const data = await reader.takeExactly(length);
      await reader.takeExactly(tarPadding(length).length);
      // Global records ("g") and GNU long link targets ("K") say nothing about which file this is.
      if (type === 'x') pax = { ...pax, ...parsePax(data) };
      if (type === 'L') longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    const prefix = block.subarray(257, 263).equals(POSIX_MAGIC) ? readString(block, 345, 155) : '';
    const name = readString(block, 0, 100);
    const path = pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name);
    const size = pax.size !== undefined ? Number(pax.size) : readNumber(block, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error('ukuran berkas di catatan pax rusak');
    pax = {};
    longName = undefined;
    const kind = type === '0' || type === '\0' ? 'file' : type === '5' ? 'directory' : 'other';
    const hash = createHash('sha256');
    const kept: Buffer[] = [];
    const wanted = kind === 'file' && keep(path);
    const out = kind === 'file' ? await copy?.(path) : undefined;
    try {
      for (let remaining = size; remaining > 0; ) {
        const piece = await reader.takeExactly(Math.min(remaining, 1 << 20));
        hash.update(piece);
        if (wanted) kept.push(piece);
        await out?.write(piece);
        remaining -= piece.length;
      }
    } finally {
      await out?.end();
    }
    await reader.takeExactly(tarPadding(size).length);
    yield { path, kind, size, sha256: hash.digest('hex'), ...(wanted ? { content: Buffer.concat(kept) } : {}) };
  }
}

function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    const length = Number(data.subarray(offset, space).toString('ascii'));
    if (space === -1 || !Number.isInteger(length) || length <= 0) throw new Error('catatan pax rusak');
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(block: Buffer, offset: number, length: number): number {
  const text = readString(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new Error('angka di kepala tar rusak');
  return parseInt(text, 8);
}

/** An octal field, or GNU's base-256 form (high bit of the first byte set) for values octal cannot hold. */
function readNumber(block: Buffer, offset: number, length: number): number {
  if ((block[offset]! & 0x80) === 0) return readOctal(block, offset, length);
  if (block[offset] !== 0x80) throw new Error('angka di kepala tar rusak');
  let value = 0;
  for (let i = offset + 1; i < offset + length; i++) value = value * 256 + block[i]!;
  return value;
}

function chunkReader(source: AsyncIterable<Buffer>) {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  async function take(n: number): Promise<Buffer> {
    while (pending.length < n) {
      const next = await iterator.next();
      if (next.done) break;
      pending = pending.length > 0 ? Buffer.concat([pending, next.value]) : next.value;
    }
    const out = pending.subarray(0, n);
    pending = pending.subarray(n);
    return out;
  }
  return {
    /** Up to n bytes; fewer only at the end of the stream. */
    take,
    async drain(): Promise<void> {
      pending = Buffer.alloc(0);
      while (!(await iterator.next()).done);
    },
    async takeExactly(n: number): Promise<Buffer> {
      const out = await take(n);
      if (out.length < n) throw new Error('arsip terpotong di tengah isi berkas');
      return out;
    },
  };
}
