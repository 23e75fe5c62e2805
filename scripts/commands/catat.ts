import type { Command } from 'commander';
import type { Snapshot } from '../../src/lib/approval/types.ts';
import type { Config } from '../../src/lib/config/schema.ts';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface RecordOptions {
  pr?: string;
  snapshot?: string;
  config: string;
}

export function register(program: Command): void {
  program
    .command('catat')
    .description(
      'Mencatat persetujuan PR yang sudah digabung (merge) ke records/persetujuan/<nomor-pr>.json: penulis, item yang terbit, dan setiap tahap SOP (pejabat, peran, waktu, lama kerja terhadap mutu baku). Catatan yang sudah ada tidak pernah ditimpa.\n' +
        'Keluar 0 bila tercatat (atau sudah tercatat), 1 bila catatan lama berbeda dan dipertahankan, 2 bila masukan tidak bisa dipakai.',
    )
    .option('--pr <nomor>', 'baca PR ini dari GitHub (konfigurasi dari cabang dasarnya); butuh GITHUB_TOKEN dan GITHUB_REPOSITORY (GITHUB_API_URL untuk GitHub Enterprise Server)')
    .option('--snapshot <berkas>', 'JSON tanggapan REST GitHub dari PR yang sudah digabung: {"pull", "reviews", "commits", "files", "teams"}')
    .option('--config <berkas>', 'dengan --snapshot: konfigurasi kantor dari cabang dasar PR itu', 'tayang.config.yml')
    .action((options: RecordOptions) => runAction(() => runRecord(options)));
}

async function runRecord(options: RecordOptions): Promise<number> {
  const source = options.pr !== undefined ? await readFromGithub(options.pr) : await readFromFiles(options);
  const { changedItems, recordMergedPull } = await import('../../src/lib/records/record.ts');
  const { readItemTitles, recordFile, writeRecord } = await import('../../src/lib/records/store.ts');
  const folders = changedItems(source.snapshot.files).map((item) => item.folder);
  const titles = await readItemTitles('.', folders);
  const result = recordMergedPull({ ...source, titles });
  if (!result.ok) exitWithProblems(result.problems);
  const record = result.value;
  if (record === null) {
    process.stdout.write('PR ini tidak mengubah item konten mana pun: tidak ada persetujuan terbit yang dicatat.\n');
    return EXIT.ok;
  }
  const file = recordFile('.', record.pr).replace(/^\.\//, '');
  const outcome = await writeRecord('.', record);
  const approval = record.state === 'approved' ? 'disetujui lengkap' : 'DIGABUNG TANPA PERSETUJUAN LENGKAP';
  const items = `${record.items.length} item`;
  switch (outcome) {
    case 'created':
      process.stdout.write(`Tercatat: ${file} (PR #${record.pr}, ${items}, ${approval}).\n`);
      return EXIT.ok;
    case 'unchanged':
      process.stdout.write(`Sudah tercatat: ${file} (tidak berubah).\n`);
      return EXIT.ok;
    case 'kept':
      process.stderr.write(
        `peringatan: ${file} sudah ada dan isinya berbeda dengan penilaian sekarang. Catatan yang ditulis saat merge dipertahankan; ` +
          'catatan persetujuan tidak pernah ditimpa. Bandingkan dengan `git log -p -- ' + file + '` bila perlu diperiksa.\n',
      );
      return EXIT.findings;
  }
}

interface Source {
  config: Config;
  snapshot: Snapshot;
  source: string;
}

async function readFromFiles(options: RecordOptions): Promise<Source> {
  if (!options.snapshot) {
    exitWithProblems([{ file: 'tayang catat', message: 'tidak ada PR yang dicatat.', fix: 'berikan --pr NOMOR (di GitHub Actions) atau --snapshot BERKAS dengan --config BERKAS.' }]);
  }
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { loadSnapshotFile } = await import('../../src/lib/approval/snapshot.ts');
  const [config, snapshot] = await Promise.all([loadConfigFile(options.config), loadSnapshotFile(options.snapshot)]);
  if (!config.ok || !snapshot.ok) exitWithProblems([...(config.ok ? [] : config.problems), ...(snapshot.ok ? [] : snapshot.problems)]);
  return { config: config.value, snapshot: snapshot.value, source: options.snapshot };
}

/** The same reading as `tayang persetujuan --pr`: every page of the PR, the BASE branch's config, its teams. */
async function readFromGithub(pr: string): Promise<Source> {
  if (!/^[1-9]\d*$/.test(pr)) exitWithProblems([{ file: 'tayang catat', field: '--pr', message: `"${pr}" bukan nomor PR.`, fix: 'tulis nomornya saja, misalnya --pr 12.' }]);
  const { makeGithubClient, readActionsContext } = await import('../../src/lib/github/client.ts');
  const { fetchPullSnapshot, fetchTeams, readBaseConfig, teamsNamedIn } = await import('../../src/lib/github/approval.ts');
  const { SnapshotSchema } = await import('../../src/lib/approval/types.ts');
  const { validateData } = await import('../../src/lib/errors/validate.ts');
  const context = await readActionsContext(process.env, Number(pr));
  if (!context.ok) exitWithProblems(context.problems);
  const { token, baseUrl, owner, repo, pullNumber } = context.value;
  const client = makeGithubClient({ token, baseUrl });
  const target = { owner, repo, pullNumber };
  const read = await fetchPullSnapshot(client, target);
  const config = await readBaseConfig(client, target, read.base);
  if (!config.ok) exitWithProblems(config.problems);
  const warnings: string[] = [];
  read.snapshot.teams = await fetchTeams(client, teamsNamedIn(config.value), warnings);
  for (const warning of warnings) process.stderr.write(`peringatan: ${warning}\n`);
  const source = `GitHub API (PR #${pullNumber})`;
  const snapshot = validateData(SnapshotSchema, read.snapshot, source);
  if (!snapshot.ok) exitWithProblems(snapshot.problems);
  return { config: config.value, snapshot: snapshot.value, source };
}
