import type { Command } from 'commander';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Problem } from '../../src/lib/errors/problem.ts';
import type { Validated } from '../../src/lib/errors/validate.ts';
import { EXIT, exitWithProblems, openGithubRepository, runAction } from '../cli.ts';

interface SaveOptions {
  pesan: string;
}

export function register(program: Command): void {
  program
    .command('simpan-catatan')
    .argument('<folder...>', 'folder catatan di bawah records/, misalnya records/persetujuan records/kirim')
    .requiredOption('--pesan <teks>', 'pesan commit, misalnya "Catatan persetujuan"')
    .description(
      'Menyimpan catatan (records/…) ke cabang utama sebagai satu commit yang dibuat App Tayang lewat API GitHub (ditandatangani GitHub), ' +
        'bila ada berkas yang baru atau berubah. Catatan hanya bertambah: berkas di cabang utama tidak pernah dihapus. Bila cabang bergerak di tengah jalan, ' +
        'commit dibangun ulang di atasnya.\n' +
        'Butuh GITHUB_TOKEN (token App Tayang), GITHUB_REPOSITORY dan GITHUB_API_URL. Keluar 0 bila tersimpan atau tidak ada yang berubah, 2 bila masukan tidak bisa dipakai atau GitHub menolak.',
    )
    .action((folders: string[], options: SaveOptions) => runAction(() => saveRecords(folders, options)));
}

async function saveRecords(folders: string[], options: SaveOptions): Promise<number> {
  const { RECORDS_ROOT, pushRecords } = await import('../../src/lib/github/records-push.ts');
  const { readFile } = await import('node:fs/promises');
  const { relative, resolve } = await import('node:path');
  const problems: Problem[] = [];
  const scopes: string[] = [];
  for (const folder of folders) {
    const path = relative(process.cwd(), resolve(folder)).split('\\').join('/');
    if (!`${path}/`.startsWith(RECORDS_ROOT) || path.startsWith('..')) {
      problems.push({ file: folder, message: 'bukan folder catatan: hanya isi records/ yang disimpan lewat perintah ini.', fix: 'sebut folder di bawah records/, misalnya records/persetujuan.' });
    } else scopes.push(path);
  }
  if (problems.length > 0) exitWithProblems(problems);
  // Only what this run wrote (against its own checkout) is sent, each with the blob it started from.
  const local = await changedInCheckout(scopes);
  if (!local.ok) exitWithProblems(local.problems);
  if (local.value.length === 0) {
    process.stdout.write(`Catatan di ${folders.join(', ')} tidak berubah; tidak ada yang disimpan.\n`);
    return EXIT.ok;
  }
  const files = await Promise.all(local.value.map(async ({ path, base }) => ({ path, base, text: await readFile(path, 'utf8') })));

  const { client, owner, repo } = await openGithubRepository();
  const pushed = await pushRecords(client, { owner, repo }, files, options.pesan);
  if (!pushed.ok) exitWithProblems(pushed.problems);
  const { action, sha, changed } = pushed.value;
  // The checkout now stands where main does for these files, so a later save in the same job
  // (the posting results after the intents) starts from what was pushed, not from the old HEAD.
  await commitLocally(files.map((file) => file.path), options.pesan);
  process.stdout.write(
    action === 'pushed'
      ? `Catatan tersimpan di cabang utama (commit ${sha.slice(0, 7)}): ${changed.join(', ')}.\n`
      : `Catatan di ${folders.join(', ')} sudah sama dengan cabang utama; tidak ada yang disimpan.\n`,
  );
  return EXIT.ok;
}

/** Files under `scopes` added or modified in the working tree, with their blob at HEAD (null: new). */
async function changedInCheckout(scopes: string[]): Promise<Validated<{ path: string; base: string | null }[]>> {
  const git = promisify(execFile);
  let status: string;
  try {
    status = (await git('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...scopes])).stdout;
  } catch (error) {
    return { ok: false, problems: [{ file: process.cwd(), message: `perubahan catatan tidak bisa dibaca dari git (${(error as Error).message.split('\n')[0]}).`, fix: 'jalankan perintah ini di checkout repositori kantor (actions/checkout), setelah catatan ditulis.' }] };
  }
  const paths = status
    .split('\0')
    .filter((entry) => entry.length > 3 && !entry.startsWith(' D') && !entry.startsWith('D '))
    .map((entry) => entry.slice(3))
    .sort();
  return {
    ok: true,
    value: await Promise.all(
      paths.map(async (path) => ({ path, base: await git('git', ['rev-parse', '--verify', '--quiet', `HEAD:${path}`]).then((r) => r.stdout.trim(), () => null) })),
    ),
  };
}

async function commitLocally(paths: string[], message: string): Promise<void> {
  const git = promisify(execFile);
  await git('git', ['add', '--', ...paths]);
  await git('git', ['-c', 'user.name=Tayang', '-c', 'user.email=tayang@localhost', 'commit', '--quiet', '--no-verify', '-m', message, '--', ...paths]);
}
