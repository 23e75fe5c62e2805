import { mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CONFIG_FILE } from '../config/load.ts';
import { ProblemsError, type Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import { MANIFEST_NAME, type Manifest, type ManifestFile } from './manifest.ts';
import { SOURCE_PATHS } from './sources.ts';
import { readTarEntries, type TarCopy } from './tar.ts';
import { describeReadError, isIntact, openArchive, pathInArchive, verifyArchive, type Verification, type VerifyOptions } from './verify.ts';

/**
 * `tayang pulihkan`: an archive back as the folders it was made from — dist/, content/, records/
 * and tayang.config.yml — checked first exactly as `tayang arsip --periksa` checks it. Nothing is
 * written for an archive that is not intact, and the folder appears whole or not at all: files
 * go into a hidden sibling that is renamed into place at the end.
 */

export type Restoration =
  | { state: 'restored'; verification: Verification & { manifest: Manifest }; to: string; files: readonly ManifestFile[] }
  /** Not intact, or intact but listing paths that would land outside the folder or outside an archive's parts. */
  | { state: 'refused'; verification: Verification; unsafe: string[] };

/** Where an archive is restored without `--ke`: a folder named like the archive, beside where the command runs. */
export function defaultRestoreFolder(archive: string): string {
  return basename(archive).replace(/\.(tar\.gz|tgz)$/, '');
}

/** The folders an archive holds besides the config (write.ts, sources.ts): anything else is not Tayang's and is not written. */
const FOLDERS = ['dist', ...SOURCE_PATHS.filter((path) => path !== CONFIG_FILE)];

/**
 * A path that stays inside the folder it is restored to, on every platform: relative, no `.` or
 * `..` step, no empty step, no backslash or drive colon (a separator on Windows), no control
 * character, and inside one of an archive's parts.
 */
export function isSafeArchivePath(path: string): boolean {
  if (path.startsWith('/') || /[\\:\x00-\x1f]/.test(path)) return false;
  const steps = path.split('/');
  if (steps.some((step) => step === '' || step === '.' || step === '..')) return false;
  return path === CONFIG_FILE || FOLDERS.some((folder) => path.startsWith(`${folder}/`));
}

export async function restoreArchive(archive: string, to: string, options: VerifyOptions = {}): Promise<Validated<Restoration>> {
  const verified = await verifyArchive(archive, options);
  if (!verified.ok) return verified;
  const verification = verified.value;
  if (!isIntact(verification) || !verification.manifest || verification.top === undefined) return { ok: true, value: { state: 'refused', verification, unsafe: [] } };
  const unsafe = verification.manifest.files.map((file) => file.path).filter((path) => !isSafeArchivePath(path));
  if (unsafe.length > 0) return { ok: true, value: { state: 'refused', verification, unsafe } };

  const occupied = await occupiedFolder(to);
  if (occupied) return { ok: false, problems: [occupied] };
  await mkdir(dirname(to), { recursive: true });
  const partial = await mkdtemp(join(dirname(to), `.${basename(to)}.sebagian-`));
  try {
    await extract(archive, verification.top, verification.manifest.files, partial);
    await rename(partial, to);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (error instanceof ProblemsError) return { ok: false, problems: [...error.problems] };
    const reason = describeReadError(error as NodeJS.ErrnoException);
    return { ok: false, problems: [{ file: archive, message: `arsip tidak bisa dipulihkan ke ${to} (${reason}); tidak ada yang ditulis.`, fix: 'periksa ruang disk dan izin tulis foldernya, lalu jalankan tayang pulihkan lagi.' }] };
  }
  return { ok: true, value: { state: 'restored', verification: { ...verification, manifest: verification.manifest }, to, files: verification.manifest.files } };
}

/** An existing file, or a folder with anything in it, is never replaced: the office chooses what to do with it. */
async function occupiedFolder(to: string): Promise<Problem | undefined> {
  const info = await stat(to).catch(() => undefined);
  if (!info) return undefined;
  if (info.isDirectory() && (await readdir(to)).length === 0) return undefined;
  return {
    file: to,
    message: info.isDirectory() ? 'folder ini sudah berisi berkas; pemulihan tidak pernah menimpa isinya.' : 'sudah ada berkas dengan nama ini; pemulihan tidak menimpanya.',
    fix: 'pilih folder lain yang belum ada atau masih kosong dengan --ke FOLDER, atau pindahkan/hapus isinya dulu bila memang tidak diperlukan lagi.',
  };
}

/**
 * Reads the archive a second time and writes each listed file, checking it against the manifest
 * the first reading verified: an archive swapped between the two readings fails here instead of
 * leaving other bytes behind. Each file is created new (never through an existing name or link).
 */
async function extract(archive: string, top: string, files: readonly ManifestFile[], folder: string): Promise<void> {
  const listed = new Map(files.map((file) => [file.path, file]));
  const written = new Set<string>();
  const changed = (path: string): ProblemsError =>
    new ProblemsError([{ file: archive, message: `${path}: isi arsip berbeda dari saat diperiksa (berkasnya berubah selama pemulihan); tidak ada yang ditulis.`, fix: 'jangan ubah atau ganti berkas arsipnya selama pemulihan, lalu jalankan tayang pulihkan lagi.' }]);
  const copy = async (tarPath: string): Promise<TarCopy | undefined> => {
    const path = pathInArchive(top, tarPath);
    if (path === MANIFEST_NAME) return undefined;
    if (!listed.has(path) || written.has(path)) throw changed(path);
    const disk = join(folder, ...path.split('/'));
    await mkdir(dirname(disk), { recursive: true });
    const handle = await open(disk, 'wx');
    return { write: async (piece) => void (await handle.write(piece)), end: () => handle.close() };
  };
  for await (const entry of readTarEntries(openArchive(archive), () => false, copy)) {
    if (entry.kind !== 'file') continue;
    const path = pathInArchive(top, entry.path);
    if (path === MANIFEST_NAME) continue;
    const want = listed.get(path)!;
    if (want.size !== entry.size || want.sha256 !== entry.sha256) throw changed(path);
    written.add(path);
  }
  const absent = files.find((file) => !written.has(file.path));
  if (absent) throw changed(absent.path);
}
