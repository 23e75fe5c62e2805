import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Config } from '../config/schema.ts';
import { ProblemsError } from '../errors/problem.ts';
import { archiveBaseName, comparePaths, makeManifest, MANIFEST_NAME, serializeManifest, type Manifest, type ManifestFile } from './manifest.ts';
import type { ArchiveSources, SourceFile } from './sources.ts';
import { END_OF_ARCHIVE, tarFileHeader, tarPadding } from './tar.ts';

export interface WrittenArchive {
  /** Path of the `.tar.gz`. */
  archive: string;
  /** Path of the `.sha256` beside it (`sha256sum -c` reads it). */
  checksumFile: string;
  sha256: string;
  bytes: number;
  manifest: Manifest;
}

/**
 * Writes `<outDir>/<kantor>-<tanggal>-<sha>.tar.gz` and its `.sha256`. Every file is read twice:
 * once to list its hash in the manifest (which comes first in the archive), once to copy it; a
 * file that changed in between stops the run instead of giving an archive that fails its own
 * check. Owner, mode, time (the commit's) and order are fixed, so the same inputs give the same
 * bytes with the same Node.js (the compressed stream may differ between zlib versions).
 */
export async function writeArchive(config: Pick<Config, 'kantor' | 'sop'>, sources: ArchiveSources, outDir: string): Promise<WrittenArchive> {
  const files = [...sources.files].sort((a, b) => comparePaths(a.path, b.path));
  const listed: ManifestFile[] = [];
  for (const file of files) {
    const { sha256, bytes } = await hashFile(file.disk);
    listed.push({ path: file.path, size: bytes, sha256 });
  }
  const manifest = makeManifest({ config, commit: sources.commit, committedAt: sources.committedAt, files: listed });
  const name = archiveBaseName(manifest);
  const mtime = Math.floor(Date.parse(sources.committedAt) / 1000);

  await mkdir(outDir, { recursive: true });
  const archive = join(outDir, `${name}.tar.gz`);
  const partial = `${archive}.sebagian`;
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await pipeline(
      tarStream(name, mtime, serializeManifest(manifest), files, listed),
      createGzip({ level: 9 }),
      async function* (compressed: AsyncIterable<Buffer>) {
        for await (const chunk of compressed) {
          // Byte 9 of a gzip header names the OS zlib was built for (3 Unix, 10 Windows, RFC 1952);
          // fixing it keeps the bytes the same wherever the archive is made.
          if (bytes <= 9 && 9 < bytes + chunk.length) chunk[9 - bytes] = 3;
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(partial),
    );
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, archive);
  const sha256 = hash.digest('hex');
  const checksumFile = `${archive}.sha256`;
  await writeFile(checksumFile, `${sha256}  ${basename(archive)}\n`);
  return { archive, checksumFile, sha256, bytes, manifest };
}

async function* tarStream(top: string, mtime: number, manifest: Buffer, files: readonly SourceFile[], listed: readonly ManifestFile[]): AsyncGenerator<Buffer> {
  yield tarFileHeader({ path: `${top}/${MANIFEST_NAME}`, size: manifest.length, mtime });
  yield manifest;
  yield tarPadding(manifest.length);
  for (const [i, file] of files.entries()) {
    const expected = listed[i]!;
    yield tarFileHeader({ path: `${top}/${file.path}`, size: expected.size, mtime });
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(file.disk) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      if (size > expected.size) break;
      yield chunk;
    }
    if (size !== expected.size || hash.digest('hex') !== expected.sha256) {
      throw new ProblemsError([{ file: file.disk, message: 'berkas ini berubah selama pengarsipan; arsipnya tidak ditulis.', fix: 'jalankan tayang arsip lagi setelah build atau commit selesai.' }]);
    }
    yield tarPadding(expected.size);
  }
  yield END_OF_ARCHIVE;
}

export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
