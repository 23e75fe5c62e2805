import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import { compareWithManifest, MANIFEST_NAME, ManifestSchema, type Discrepancy, type Manifest, type ManifestFile } from './manifest.ts';
import { readTarEntries } from './tar.ts';
import { hashFile } from './write.ts';

export interface Verification {
  archive: string;
  /** Absent when the archive holds no readable manifest. */
  manifest?: Manifest;
  /** Files found in the archive besides the manifest. */
  files: number;
  /** The `.sha256` beside the archive: matching, not matching, or not there. */
  checksum: 'match' | 'mismatch' | 'absent';
  discrepancies: Discrepancy[];
  /** Why the archive could not be read through (damaged gzip or tar, missing manifest). */
  damage?: string;
}

export function isIntact(verification: Verification): boolean {
  return !verification.damage && verification.checksum !== 'mismatch' && verification.discrepancies.length === 0;
}

/**
 * Checks an archive against its own MANIFEST.json (every file's size and SHA-256, nothing
 * missing, nothing added) and against the `.sha256` beside it when there is one. Reads the
 * archive as a stream, so its size does not matter. A file that cannot be opened is unusable
 * input; an archive that opens but does not match is a failed check.
 */
export async function verifyArchive(archive: string): Promise<Validated<Verification>> {
  const info = await stat(archive).catch(() => undefined);
  if (!info?.isFile()) {
    const problem: Problem = { file: archive, message: 'berkas arsip tidak ditemukan.', fix: 'sebut berkas .tar.gz yang dibuat tayang arsip, misalnya arsip/kecamatan-jenawi-2025-03-10-1a2b3c4.tar.gz.' };
    return { ok: false, problems: [problem] };
  }
  const checksum = await checkSidecar(archive);
  const found: ManifestFile[] = [];
  let manifestText: Buffer | undefined;
  let top: string | undefined;
  let damage: string | undefined;
  try {
    const gunzip = createGunzip();
    // pipe() does not pass a read error on; without this a failing disk would leave the check waiting.
    const source = createReadStream(archive).on('error', (error) => gunzip.destroy(error)).pipe(gunzip) as AsyncIterable<Buffer>;
    for await (const entry of readTarEntries(source, (path) => path.endsWith(`/${MANIFEST_NAME}`) && path.split('/').length === 2)) {
      const [folder = '', ...rest] = entry.path.split('/');
      top ??= folder;
      const inner = rest.join('/');
      if (folder !== top || inner === '') found.push({ path: entry.path, size: entry.size, sha256: entry.sha256 });
      else if (inner === MANIFEST_NAME && entry.content && !manifestText) manifestText = entry.content;
      else found.push({ path: inner, size: entry.size, sha256: entry.sha256 });
    }
  } catch (error) {
    damage = `arsip rusak, tidak bisa dibaca sampai habis (${describeReadError(error as NodeJS.ErrnoException)})`;
  }
  const manifest = manifestText ? parseManifest(manifestText) : undefined;
  if (!damage && !manifest) damage = manifestText ? `${MANIFEST_NAME} tidak sesuai format arsip Tayang` : `arsip tidak berisi ${MANIFEST_NAME} di folder teratasnya`;
  return {
    ok: true,
    value: {
      archive,
      ...(manifest ? { manifest } : {}),
      files: found.length,
      checksum,
      discrepancies: manifest ? compareWithManifest(manifest.files, found) : [],
      ...(damage ? { damage } : {}),
    },
  };
}

function parseManifest(text: Buffer): Manifest | undefined {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(text.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `sha256sum` format: "<hex>  <name>". */
async function checkSidecar(archive: string): Promise<Verification['checksum']> {
  const text = await readFile(`${archive}.sha256`, 'utf8').catch(() => undefined);
  if (text === undefined) return 'absent';
  // The name written beside the hash is not compared: an archive may be renamed when it is filed.
  const match = /^([0-9a-fA-F]{64})\b/m.exec(text);
  if (!match) return 'mismatch';
  return (await hashFile(archive)).sha256 === match[1]!.toLowerCase() ? 'match' : 'mismatch';
}

/** zlib speaks English; the tar reader already speaks Indonesian. */
function describeReadError(error: NodeJS.ErrnoException): string {
  if (error.code === 'Z_DATA_ERROR') return 'data terkompresinya rusak atau bukan berkas gzip';
  if (error.code === 'Z_BUF_ERROR') return 'berkasnya terpotong';
  return error.message;
}
