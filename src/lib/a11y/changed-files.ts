import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ProblemsError } from '../errors/problem.ts';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * Repository paths changed since `ref` (default: the merge base of HEAD with `main`, or with
 * `origin/main` in a CI checkout), including uncommitted and untracked files.
 */
export async function changedFilesSince(cwd: string, ref?: string): Promise<string[]> {
  const base = ref ?? (await mergeBaseWithMain(cwd));
  let diff: string;
  try {
    diff = await git(cwd, ['diff', '--name-only', '--no-renames', base, '--']);
  } catch {
    throw new ProblemsError([{ file: '.git', message: `Revisi Git "${base}" tidak dikenal, jadi perubahan tidak dapat dihitung.`, fix: 'Tulis --berubah=<cabang atau commit> yang ada, mis. --berubah=origin/main, atau ambil riwayatnya dulu (git fetch).' }]);
  }
  const untracked = await git(cwd, ['ls-files', '--others', '--exclude-standard']);
  return [...new Set(`${diff}\n${untracked}`.split('\n').filter(Boolean))].sort();
}

async function mergeBaseWithMain(cwd: string): Promise<string> {
  for (const main of ['main', 'origin/main']) {
    try {
      return (await git(cwd, ['merge-base', 'HEAD', main])).trim();
    } catch {
      // try the next name
    }
  }
  throw new ProblemsError([{ file: '.git', message: 'Cabang main tidak ditemukan, jadi titik awal perubahan tidak dapat ditentukan.', fix: 'Sebutkan titik awalnya: --berubah=<cabang atau commit>, atau ambil cabang main (git fetch origin main).' }]);
}
