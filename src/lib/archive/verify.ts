import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import { compareWithManifest, MANIFEST_NAME, ManifestSchema, type Discrepancy, type Manifest, type ManifestFile } from './manifest.ts';
import { checkSshSignature, type SshPublicKey } from './signature.ts';
import { digestEntries, parseStamp, STAMP_FILE } from './source-stamp.ts';
import { SOURCE_PATHS } from './sources.ts';
import { readTarEntries, type TarEntry } from './tar.ts';
import { hashFile } from './write.ts';

export interface Verification {
  archive: string;
  /** Absent when the archive holds no readable manifest. */
  manifest?: Manifest;
  /** The folder the manifest sits in, inside which every listed file lies. */
  top?: string;
  /** Files found in the archive besides the manifest. */
  files: number;
  /** The `.sha256` beside the archive: matching, not matching, or not there. */
  checksum: 'match' | 'mismatch' | 'absent';
  /** The `.sig` beside the archive, checked against the office's keys. */
  signature: SignatureCheck;
  discrepancies: Discrepancy[];
  /** Why the archive could not be read through (damaged gzip or tar, missing manifest). */
  damage?: string;
}

export type SignatureCheck =
  | { state: 'valid'; signer: SshPublicKey }
  | { state: 'invalid'; reason: string }
  /** A key is configured but no `.sig` lies beside the archive. */
  | { state: 'absent' }
  /** No key configured: the archive is checked against accidents only. */
  | { state: 'unchecked'; present: boolean };

export interface VerifyOptions {
  /** The office's archive keys (`arsip.kunci_publik`); none means forgery cannot be told apart. */
  trustedKeys?: readonly SshPublicKey[];
}

export const SIGNATURE_SUFFIX = '.sig';

/**
 * Intact = every file the manifest lists is there with its size and SHA-256 and nothing else is,
 * and, when the office has a key, the manifest carries its valid signature. The whole-file
 * `.sha256` does not decide: it only says whether this is the very file that was made, and an
 * archive unpacked and packed again (other headers, order, owner, compression) holds the same
 * contents. Damage a `.sha256` would catch shows as a damaged gzip or tar, or a changed file.
 */
export function isIntact(verification: Verification): boolean {
  if (verification.damage || verification.discrepancies.length > 0) return false;
  return verification.signature.state === 'valid' || verification.signature.state === 'unchecked';
}

/**
 * Checks an archive against its own MANIFEST.json (every file's size and SHA-256, nothing
 * missing, nothing added, nothing but plain files and folders), the manifest against the `.sig`
 * beside the archive when the office has a key, and the file against the `.sha256` beside it.
 * Entries are compared by path and contents, never by tar bytes or order. Reads the archive as a
 * stream, so its size does not matter. A file that cannot be opened is unusable input; an archive
 * that opens but does not match is a failed check.
 */
export async function verifyArchive(archive: string, options: VerifyOptions = {}): Promise<Validated<Verification>> {
  const info = await stat(archive).catch(() => undefined);
  if (!info?.isFile()) {
    const problem: Problem = { file: archive, message: 'berkas arsip tidak ditemukan.', fix: 'sebut berkas .tar.gz yang dibuat tayang arsip, misalnya arsip/kecamatan-jenawi-2025-03-10-1a2b3c4.tar.gz.' };
    return { ok: false, problems: [problem] };
  }
  const checksum = await checkSidecar(archive);
  const entries: TarEntry[] = [];
  let damage: string | undefined;
  try {
    for await (const entry of readTarEntries(openArchive(archive), (path) => isManifestPath(path) || isStampPath(path))) entries.push({ ...entry, path: withoutDotSlash(entry.path) });
  } catch (error) {
    damage = `arsip rusak, tidak bisa dibaca sampai habis (${describeReadError(error as NodeJS.ErrnoException)})`;
  }
  const { top, manifestText, stampText, found, special } = splitEntries(entries);
  const manifest = manifestText ? parseManifest(manifestText) : undefined;
  if (!damage && !manifest) damage = manifestText ? `${MANIFEST_NAME} tidak sesuai format arsip Tayang` : `arsip tidak berisi ${MANIFEST_NAME} di folder teratasnya`;
  return {
    ok: true,
    value: {
      archive,
      ...(manifest ? { manifest } : {}),
      ...(top !== undefined ? { top } : {}),
      files: found.length,
      checksum,
      signature: await checkSignature(archive, manifestText, options.trustedKeys ?? []),
      discrepancies: [
        ...(manifest ? compareWithManifest(manifest.files, found) : []),
        ...special.map((path): Discrepancy => ({ kind: 'special', path })),
        ...(manifest && stampText && !isBuiltFromArchivedSources(stampText, manifest.files) ? [{ kind: 'mixed', path: `dist/${STAMP_FILE}` } as const] : []),
      ],
      ...(damage ? { damage } : {}),
    },
  };
}

/** The archive's tar stream, uncompressed as it is read. */
export function openArchive(archive: string): AsyncIterable<Buffer> {
  const gunzip = createGunzip();
  // pipe() does not pass a read error on; without this a failing disk would leave the reading waiting.
  return createReadStream(archive).on('error', (error) => gunzip.destroy(error)).pipe(gunzip) as AsyncIterable<Buffer>;
}

/** `<top>/MANIFEST.json`: the manifest sits right inside the archive's one top folder. */
function isManifestPath(path: string): boolean {
  const parts = withoutDotSlash(path).split('/');
  return parts.length === 2 && parts[0] !== '' && parts[1] === MANIFEST_NAME;
}

/** `<top>/dist/tayang-sumber.json`: which sources the archived site was built from. */
function isStampPath(path: string): boolean {
  const parts = withoutDotSlash(path).split('/');
  return parts.length === 3 && parts[0] !== '' && parts[1] === 'dist' && parts[2] === STAMP_FILE;
}

/** The stamp's digest over the sources the manifest lists; archives made before stamps have none to compare. */
function isBuiltFromArchivedSources(stampText: Buffer, files: readonly ManifestFile[]): boolean {
  const stamp = parseStamp(stampText.toString('utf8'));
  if (!stamp) return false;
  const sources = files.filter((file) => SOURCE_PATHS.some((source) => file.path === source || file.path.startsWith(`${source}/`)));
  return digestEntries(sources) === stamp.sources_sha256;
}

/**
 * A tar entry's path as the manifest lists it: below the top folder. A path outside that folder
 * keeps its full form, so it shows as one the manifest does not list.
 */
export function pathInArchive(top: string | undefined, path: string): string {
  const clean = withoutDotSlash(path);
  const prefix = top === undefined ? undefined : `${top}/`;
  return prefix && clean.startsWith(prefix) && clean.length > prefix.length ? clean.slice(prefix.length) : clean;
}

/** `tar -C dir -czf x.tar.gz ./name` writes "./name/…"; it is the same path. */
function withoutDotSlash(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

/**
 * The manifest (the first one, in whichever position a re-packing tool put it) and its folder, the
 * files as paths inside the archive, and entries that are neither files nor folders.
 */
function splitEntries(entries: readonly TarEntry[]): { top?: string; manifestText?: Buffer; stampText?: Buffer; found: ManifestFile[]; special: string[] } {
  const manifestEntry = entries.find((entry) => entry.kind === 'file' && entry.content && isManifestPath(entry.path));
  const stampEntry = entries.find((entry) => entry.kind === 'file' && entry.content && isStampPath(entry.path) && entry.path.split('/')[0] === manifestEntry?.path.split('/')[0]);
  const top = manifestEntry?.path.split('/')[0];
  const inner = (path: string) => pathInArchive(top, path);
  const found: ManifestFile[] = [];
  const special: string[] = [];
  for (const entry of entries) {
    if (entry === manifestEntry || entry.kind === 'directory') continue;
    // A link or device is not content the manifest can vouch for, and a hard link would make
    // `tar -x` put another file's bytes under a listed name.
    if (entry.kind === 'other') special.push(inner(entry.path));
    else found.push({ path: inner(entry.path), size: entry.size, sha256: entry.sha256 });
  }
  return { ...(top !== undefined ? { top } : {}), ...(manifestEntry ? { manifestText: manifestEntry.content } : {}), ...(stampEntry ? { stampText: stampEntry.content } : {}), found, special };
}

async function checkSignature(archive: string, manifestText: Buffer | undefined, trustedKeys: readonly SshPublicKey[]): Promise<SignatureCheck> {
  const armored = await readFile(`${archive}${SIGNATURE_SUFFIX}`, 'utf8').catch(() => undefined);
  if (trustedKeys.length === 0) return { state: 'unchecked', present: armored !== undefined };
  if (armored === undefined) return { state: 'absent' };
  if (!manifestText) return { state: 'invalid', reason: `tidak ada ${MANIFEST_NAME} yang bisa diperiksa tanda tangannya` };
  const verdict = checkSshSignature(manifestText, armored, trustedKeys);
  return verdict.valid ? { state: 'valid', signer: verdict.signer } : { state: 'invalid', reason: verdict.reason };
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
export function describeReadError(error: NodeJS.ErrnoException): string {
  if (error.code === 'Z_DATA_ERROR') return 'data terkompresinya rusak atau bukan berkas gzip';
  if (error.code === 'Z_BUF_ERROR') return 'berkasnya terpotong';
  return error.message;
}
