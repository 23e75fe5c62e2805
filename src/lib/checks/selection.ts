import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { promisify } from 'node:util';
import { CONTENT_ROOT, isContentType } from '../content/types.ts';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';

const run = promisify(execFile);

/**
 * The content items touched by a set of changed paths: `content/<jenis>/<slug>` for the item's
 * Markdown AND for anything beside it (a replaced photo may carry GPS data; a new .vtt must be
 * valid). Other paths are not content and are left to other checks.
 */
export function changedItemDirs(paths: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    if (parts[0] === CONTENT_ROOT && parts.length >= 4 && isContentType(parts[1]!)) dirs.add(parts.slice(0, 3).join('/'));
  }
  return [...dirs].sort();
}

/**
 * Paths changed since `ref` (default: the merge base of HEAD with main, or origin/main in a CI
 * checkout that only has the remote branch): committed, staged and unstaged changes, plus new
 * files git does not track yet, so an author sees the same result before committing.
 * Deleted paths are kept: a photo removed from an item may still be named in its index.md.
 */
export async function gitChangedFiles(ref?: string, cwd = process.cwd()): Promise<Validated<string[]>> {
  const git = (args: string[]) => run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }).then(({ stdout }) => stdout);
  if (!(await git(['rev-parse', '--git-dir']).then(() => true, () => false))) {
    return { ok: false, problems: [{ file: cwd, message: 'folder ini bukan repositori git, jadi perubahan (--berubah) tidak bisa dihitung.', fix: 'jalankan perintah ini di dalam repositori kantor, atau tanpa --berubah.' }] };
  }
  let base: string | undefined;
  const candidates = ref ? [ref] : ['main', 'origin/main'];
  for (const candidate of candidates) {
    base = await git(['merge-base', 'HEAD', candidate]).then((out) => out.trim(), () => undefined);
    if (base) break;
  }
  if (!base) {
    const problem: Problem = {
      file: ref ?? 'main',
      message: ref ? `titik pembanding "${ref}" tidak ditemukan di repositori git ini.` : 'cabang main (atau origin/main) tidak ditemukan, jadi perubahan tidak bisa dihitung.',
      fix: ref ? 'tulis nama cabang, tag atau commit yang ada, misalnya --berubah=origin/main.' : 'ambil cabang utama dulu (git fetch origin main), atau sebut pembandingnya: --berubah=origin/main. Di GitHub Actions, checkout dengan fetch-depth: 0.',
    };
    return { ok: false, problems: [problem] };
  }
  const diff = await git(['diff', '--name-only', '--no-renames', '-z', base]);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z']);
  const paths = [...diff.split('\0'), ...untracked.split('\0')].filter((p) => p !== '');
  return { ok: true, value: [...new Set(paths)].sort() };
}

/** The Markdown of every item: `content/<jenis>/<slug>/index.md` (or .mdx), in a stable order. */
export async function listContentFiles(root: string = CONTENT_ROOT): Promise<string[]> {
  const files: string[] = [];
  for (const jenis of (await listDirs(root)).filter(isContentType)) {
    for (const slug of await listDirs(`${root}/${jenis}`)) {
      const index = await findItemIndex(`${root}/${jenis}/${slug}`);
      if (index) files.push(index);
    }
  }
  return files;
}

/** The Markdown file of an item folder, or undefined when the folder has none (deleted item). */
export async function findItemIndex(dir: string): Promise<string | undefined> {
  for (const name of ['index.md', 'index.mdx']) {
    if (await stat(`${dir}/${name}`).then((s) => s.isFile(), () => false)) return `${dir}/${name}`;
  }
  return undefined;
}

/** Markdown files under a folder given on the command line (recursively, hidden folders skipped). */
export async function listMarkdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.mdx?$/i.test(e.name))
    .map((e) => posix.join(e.parentPath.replace(/\\/g, '/'), e.name))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..') && !path.includes('node_modules/'))
    .sort();
}

async function listDirs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      // A symbolic link is listed too: the checks then report it (the build refuses it).
      .filter((e) => (e.isDirectory() || e.isSymbolicLink()) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}
