import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import { CONFIG_FILE } from '../config/load.ts';
import { makeStamp, PROGRAM_PATHS, readStamp, STAMP_FILE } from './source-stamp.ts';
import { hashFile } from './write.ts';

/**
 * What goes into an archive, read from the edges: the built site from its folder, and the
 * office's sources (config, content, records) as Git tracks them at the current commit.
 */

/** The sources archived beside the site, as Git paths. */
export const SOURCE_PATHS = [CONFIG_FILE, 'content', 'records'] as const;

export interface SourceFile {
  /** Path inside the archive (below its top folder), always with "/". */
  path: string;
  /** Where to read it on disk. */
  disk: string;
}

export interface ArchiveSources {
  commit: string;
  /** Committer time of the commit, ISO 8601. */
  committedAt: string;
  files: SourceFile[];
}

/**
 * The files of an archive. Sources come from the working tree, but only files Git tracks and
 * only when they are exactly as committed, so the archive holds what the commit says — no stray
 * drafts, no uncommitted edits.
 */
export async function collectArchiveSources(root: string, dist: string): Promise<Validated<ArchiveSources>> {
  const problems: Problem[] = [];
  const site = await collectSite(root, dist, problems);
  const repo = await collectCommitted(root, problems);
  if (problems.length > 0 || !site || !repo) return { ok: false, problems };
  const builtFrom = await checkBuiltFrom(root, dist, repo, repo.commit.commit);
  if (builtFrom) return { ok: false, problems: [builtFrom] };
  return { ok: true, value: { ...repo.commit, files: [...site, ...repo.files] } };
}

async function collectSite(root: string, dist: string, problems: Problem[]): Promise<SourceFile[] | undefined> {
  const folder = join(root, dist);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    problems.push({ file: dist, message: 'folder hasil build situs tidak ditemukan.', fix: 'bangun situsnya dulu (npm run build), atau sebut foldernya dengan --dist.' });
    return undefined;
  }
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const disk = join(entry.parentPath, entry.name);
    const path = relative(folder, disk).split(sep).join('/');
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) {
      problems.push({ file: join(dist, path), message: 'bukan berkas biasa (tautan simbolik atau berkas khusus), tidak bisa diarsipkan apa adanya.', fix: 'ganti dengan salinan berkasnya, lalu bangun ulang situsnya.' });
      continue;
    }
    files.push({ path: `dist/${path}`, disk });
  }
  if (!files.some((file) => file.path === 'dist/index.html')) {
    problems.push({ file: dist, message: 'folder ini tidak berisi index.html, jadi bukan hasil build situs.', fix: 'bangun situsnya dulu (npm run build), atau sebut folder hasil build dengan --dist.' });
    return undefined;
  }
  return files;
}

/** The site in `dist` was built from exactly these (committed, clean) sources: its stamp says so. */
async function checkBuiltFrom(root: string, dist: string, committed: { files: readonly SourceFile[]; program: readonly SourceFile[] }, commit: string): Promise<Problem | undefined> {
  const stamp = await readStamp(join(root, dist));
  const rebuild = 'bangun ulang situsnya dari checkout yang bersih (npm run build), lalu jalankan tayang arsip lagi.';
  if (!stamp) return { file: join(dist, STAMP_FILE), message: 'hasil build ini tidak menyebut naskah yang dipakai membangunnya, jadi tidak bisa dipastikan cocok dengan commit yang diarsipkan.', fix: rebuild };
  const hashed = (files: readonly SourceFile[]) => Promise.all(files.map(async (file) => ({ path: file.path, sha256: (await hashFile(file.disk)).sha256 })));
  const [sources, program] = await Promise.all([hashed(committed.files), hashed(committed.program)]);
  const expected = makeStamp(sources, program);
  if (expected.sources_sha256 !== stamp.sources_sha256) {
    return {
      file: dist,
      message: `situs di folder ini dibangun dari naskah, catatan atau konfigurasi yang berbeda dari commit ${commit.slice(0, 7)} (${stamp.files} berkas sumber saat dibangun, ${sources.length} di commit); arsipnya akan mencampur keduanya.`,
      fix: rebuild,
    };
  }
  if (expected.program_sha256 !== stamp.program_sha256) {
    return { file: dist, message: `situs di folder ini dibangun dengan program situs (src/, public/, astro.config.ts, paket) yang berbeda dari commit ${commit.slice(0, 7)}.`, fix: rebuild };
  }
  return undefined;
}

async function collectCommitted(root: string, problems: Problem[]): Promise<{ commit: Omit<ArchiveSources, 'files'>; files: SourceFile[]; program: SourceFile[] } | undefined> {
  const head = await git(root, ['show', '-s', '--format=%H %cI', 'HEAD']);
  if (!head.ok) {
    problems.push({
      file: root,
      message: `commit yang diarsipkan tidak bisa dibaca dari Git (${head.error}).`,
      fix: 'jalankan tayang arsip di dalam repositori Git kantor yang sudah punya commit, dengan git terpasang.',
    });
    return undefined;
  }
  const [commit = '', committedAt = ''] = head.stdout.trim().split(' ');

  const status = await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=matching', '--', ...SOURCE_PATHS, ...PROGRAM_PATHS]);
  const { changed, uncommitted } = status.ok ? changedPaths(status.stdout) : { changed: [], uncommitted: [] };
  if (uncommitted.length > 0) {
    // The build reads the folder, not the commit: a draft here may be a page in dist/.
    problems.push({
      file: uncommitted[0]!,
      message: `${uncommitted.length} berkas tidak ada di commit ${commit.slice(0, 7)} (${uncommitted.slice(0, 5).join(', ')}${uncommitted.length > 5 ? ', …' : ''}); situs yang dibangun dari folder ini bisa memuatnya, padahal arsip memuat isi commit.`,
      fix: 'commit berkasnya, atau pindahkan keluar dari repositori; lalu bangun ulang situsnya (npm run build) dan jalankan tayang arsip lagi.',
    });
  }
  if (changed.length > 0) {
    problems.push({
      file: changed[0]!,
      message: `${changed.length} berkas berbeda dari commit ${commit.slice(0, 7)} (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''}); arsip harus memuat persis isi commit.`,
      fix: 'commit perubahannya dulu, atau arsipkan dari checkout yang bersih.',
    });
  }

  const files = await listTracked(root, SOURCE_PATHS, problems);
  const program = await listTracked(root, PROGRAM_PATHS, problems, { symbolicLinks: true });
  if (!files || !program) return undefined;
  if (!files.some((file) => file.path === CONFIG_FILE)) {
    problems.push({ file: CONFIG_FILE, message: `berkas ini belum di-commit, jadi commit ${commit.slice(0, 7)} tidak memuat SOP yang diarsipkan.`, fix: `commit ${CONFIG_FILE} dulu, lalu jalankan tayang arsip lagi.` });
  }
  return { commit: { commit, committedAt }, files, program };
}

/** The files Git tracks under `paths`; archived ones must be plain files, the program's are only hashed. */
async function listTracked(root: string, paths: readonly string[], problems: Problem[], { symbolicLinks = false } = {}): Promise<SourceFile[] | undefined> {
  const listed = await git(root, ['ls-files', '-z', '--stage', '--', ...paths]);
  if (!listed.ok) {
    problems.push({ file: root, message: `daftar berkas Git tidak bisa dibaca (${listed.error}).` });
    return undefined;
  }
  const files: SourceFile[] = [];
  for (const line of listed.stdout.split('\0').filter(Boolean)) {
    // "<mode> <object> <stage>\t<path>"
    const [meta = '', path = ''] = line.split('\t');
    if (!meta.startsWith('100')) {
      if (!symbolicLinks) problems.push({ file: path, message: 'bukan berkas biasa di Git (tautan simbolik atau submodul), tidak bisa diarsipkan apa adanya.', fix: 'simpan berkasnya sendiri di repositori.' });
      continue;
    }
    files.push({ path, disk: join(root, path) });
  }
  return files;
}

/**
 * Paths in `git status --porcelain -z`: "XY path", a rename or copy followed by its old path;
 * untracked ("??") and ignored ("!!") files apart from changed ones.
 */
function changedPaths(output: string): { changed: string[]; uncommitted: string[] } {
  const records = output.split('\0').filter(Boolean);
  const changed: string[] = [];
  const uncommitted: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    (/^(\?\?|!!)/.test(record) ? uncommitted : changed).push(record.slice(3));
    if (/^[RC]/.test(record)) i += 1;
  }
  return { changed, uncommitted };
}

type GitResult = { ok: true; stdout: string } | { ok: false; error: string };

function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) resolve({ ok: false, error: (stderr.trim().split('\n')[0] || error.message).trim() });
      else resolve({ ok: true, stdout });
    });
  });
}
