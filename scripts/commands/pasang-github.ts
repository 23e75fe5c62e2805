import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface Options {
  terapkan?: boolean;
}

export function register(program: Command): void {
  program
    .command('pasang-github')
    .usage('[pilihan]')
    .description(
      'Tampilkan ruleset GitHub yang membuat SOP berlaku: perubahan ke cabang utama hanya lewat PR, ' +
        'PR hanya bisa digabung bila status tayang/persetujuan hijau, tanpa force push dan tanpa menghapus cabang.',
    )
    .option('--terapkan', 'pasang ruleset itu di repositori (atau perbarui ruleset bernama "Tayang" yang sudah ada)')
    .addHelpText(
      'after',
      [
        '',
        'Untuk --terapkan: GITHUB_TOKEN milik admin repositori (izin "Administration: write"; token bawaan',
        'GitHub Actions tidak cukup), GITHUB_REPOSITORY=pemilik/nama, dan GITHUB_API_URL untuk GitHub',
        'Enterprise Server. Kode keluar: 0 berhasil, 2 masukan tidak dapat dipakai.',
      ].join('\n'),
    )
    .action((options: Options) => runAction(() => installOnGithub(options)));
}

async function installOnGithub(options: Options): Promise<number> {
  const { applyTayangRuleset, tayangRuleset } = await import('../../src/lib/github/ruleset.ts');
  if (!options.terapkan) {
    process.stdout.write(`${JSON.stringify(tayangRuleset(), null, 2)}\n`);
    process.stderr.write('Ini belum dipasang. Jalankan lagi dengan --terapkan (GITHUB_TOKEN admin dan GITHUB_REPOSITORY), atau tempel JSON ini di Settings → Rules → Rulesets → New ruleset → Import.\n');
    return EXIT.ok;
  }
  const { makeGithubClient, readRepositoryContext } = await import('../../src/lib/github/client.ts');
  const context = readRepositoryContext(process.env);
  if (!context.ok) exitWithProblems(context.problems);
  const { token, baseUrl, owner, repo } = context.value;
  const applied = await applyTayangRuleset(makeGithubClient({ token, baseUrl }), { owner, repo }).catch((error: { status?: number; message: string }) => {
    if (error.status !== 403 && error.status !== 404) throw error;
    return exitWithProblems([
      {
        file: `GitHub API (${owner}/${repo})`,
        message: `GitHub menolak memasang ruleset (HTTP ${error.status}): ${error.message}`,
        fix: 'pakai token admin repositori dengan izin "Administration: write" (token bawaan GitHub Actions tidak cukup), dan periksa GITHUB_REPOSITORY.',
      },
    ]);
  });
  process.stdout.write(`Ruleset "Tayang" ${applied.action === 'created' ? 'dipasang' : 'diperbarui'} di ${owner}/${repo} (id ${applied.id})${applied.url ? `: ${applied.url}` : ''}.\n`);
  return EXIT.ok;
}
