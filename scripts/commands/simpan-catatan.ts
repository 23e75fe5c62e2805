import type { Command } from 'commander';
import type { Problem } from '../../src/lib/errors/problem.ts';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

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
  const { readdir, readFile } = await import('node:fs/promises');
  const { posix, relative, resolve } = await import('node:path');
  const problems: Problem[] = [];
  const paths: string[] = [];
  for (const folder of folders) {
    const path = relative(process.cwd(), resolve(folder)).split('\\').join('/');
    if (!`${path}/`.startsWith(RECORDS_ROOT) || path.startsWith('..')) {
      problems.push({ file: folder, message: 'bukan folder catatan: hanya isi records/ yang disimpan lewat perintah ini.', fix: 'sebut folder di bawah records/, misalnya records/persetujuan.' });
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      return [];
    });
    for (const entry of entries) if (entry.isFile()) paths.push(posix.join(relative(process.cwd(), entry.parentPath).split('\\').join('/'), entry.name));
  }
  if (problems.length > 0) exitWithProblems(problems);
  const files = await Promise.all([...new Set(paths)].sort().map(async (path) => ({ path, text: await readFile(path, 'utf8') })));

  const { makeGithubClient, readRepositoryContext } = await import('../../src/lib/github/client.ts');
  const context = readRepositoryContext(process.env);
  if (!context.ok) exitWithProblems(context.problems);
  const { token, baseUrl, owner, repo } = context.value;
  const pushed = await pushRecords(makeGithubClient({ token, baseUrl }), { owner, repo }, files, options.pesan);
  if (!pushed.ok) exitWithProblems(pushed.problems);
  const { action, sha, changed } = pushed.value;
  process.stdout.write(
    action === 'pushed'
      ? `Catatan tersimpan di cabang utama (commit ${sha.slice(0, 7)}): ${changed.join(', ')}.\n`
      : `Catatan di ${folders.join(', ')} sudah sama dengan cabang utama; tidak ada yang disimpan.\n`,
  );
  return EXIT.ok;
}
