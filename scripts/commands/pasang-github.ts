import type { Command } from 'commander';
import { EXIT, exitWithProblems, openGithubRepository, runAction } from '../cli.ts';

interface Options {
  appId?: string;
  terapkan?: boolean;
}

export function register(program: Command): void {
  program
    .command('pasang-github')
    .usage('[pilihan]')
    .description(
      'Menyiapkan GitHub agar SOP berlaku. Tanpa pilihan: tampilkan manifest GitHub App Tayang (izin yang dibutuhkan). ' +
        'Dengan --app-id: tampilkan ruleset yang mewajibkan pemeriksaan tayang/persetujuan dari App itu saja, perubahan ke cabang utama hanya lewat PR, ' +
        'tanpa force push dan tanpa menghapus cabang; App itu satu-satunya yang boleh langsung mendorong catatan ke cabang utama.',
    )
    .option('--app-id <nomor>', 'App ID GitHub App Tayang (Settings → Developer settings → GitHub Apps → App ID)')
    .option('--terapkan', 'pasang ruleset itu di repositori (atau perbarui ruleset bernama "Tayang" yang sudah ada); butuh --app-id')
    .addHelpText(
      'after',
      [
        '',
        'Langkah lengkapnya ada di docs/keamanan.md. Untuk --terapkan: GITHUB_TOKEN milik admin repositori (izin',
        '"Administration: write"; token bawaan GitHub Actions tidak cukup), GITHUB_REPOSITORY=pemilik/nama, dan',
        'GITHUB_API_URL untuk GitHub Enterprise Server. Kode keluar: 0 berhasil, 2 masukan tidak dapat dipakai.',
      ].join('\n'),
    )
    .action((options: Options) => runAction(() => installOnGithub(options)));
}

async function installOnGithub(options: Options): Promise<number> {
  const { applyTayangRuleset, tayangAppManifest, tayangRuleset } = await import('../../src/lib/github/ruleset.ts');
  if (options.appId === undefined) {
    if (options.terapkan) exitWithProblems([{ file: 'tayang pasang-github', field: '--app-id', message: 'ruleset hanya bisa dipasang untuk App Tayang tertentu.', fix: 'buat App dari manifest (jalankan tanpa pilihan), lalu jalankan lagi dengan --app-id NOMOR --terapkan.' }]);
    const repository = /^([^/\s]+)\/([^/\s]+)$/.exec(process.env.GITHUB_REPOSITORY ?? '');
    process.stdout.write(`${JSON.stringify(tayangAppManifest(repository ? { owner: repository[1]!, repo: repository[2]! } : undefined), null, 2)}\n`);
    process.stderr.write(
      'Ini manifest GitHub App Tayang. Daftarkan App dari manifest ini (docs/keamanan.md, langkah 1), pasang di repositori ini, ' +
        'lalu jalankan `npx tayang pasang-github --app-id NOMOR` untuk ruleset yang hanya menerima putusan App itu.\n',
    );
    return EXIT.ok;
  }
  if (!/^[1-9]\d*$/.test(options.appId)) exitWithProblems([{ file: 'tayang pasang-github', field: '--app-id', message: `"${options.appId}" bukan nomor App.`, fix: 'tulis App ID-nya saja (angka), misalnya --app-id 123456.' }]);
  const appId = Number(options.appId);
  if (!options.terapkan) {
    process.stdout.write(`${JSON.stringify(tayangRuleset(appId), null, 2)}\n`);
    process.stderr.write('Ini belum dipasang. Jalankan lagi dengan --terapkan (GITHUB_TOKEN admin dan GITHUB_REPOSITORY), atau tempel JSON ini di Settings → Rules → Rulesets → New ruleset → Import.\n');
    return EXIT.ok;
  }
  const { client, owner, repo } = await openGithubRepository();
  const applied = await applyTayangRuleset(client, { owner, repo }, appId).catch((error: { status?: number; message: string }) => {
    if (error.status !== 403 && error.status !== 404) throw error;
    return exitWithProblems([
      {
        file: `GitHub API (${owner}/${repo})`,
        message: `GitHub menolak memasang ruleset (HTTP ${error.status}): ${error.message}`,
        fix: 'pakai token admin repositori dengan izin "Administration: write" (token bawaan GitHub Actions tidak cukup), dan periksa GITHUB_REPOSITORY.',
      },
    ]);
  });
  process.stdout.write(`Ruleset "Tayang" ${applied.action === 'created' ? 'dipasang' : 'diperbarui'} di ${owner}/${repo} (id ${applied.id}, hanya App ${appId} yang menetapkan putusan)${applied.url ? `: ${applied.url}` : ''}.\n`);
  return EXIT.ok;
}
