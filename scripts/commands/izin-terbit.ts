import type { Command } from 'commander';
import type { Problem } from '../../src/lib/errors/problem.ts';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface GateOptions {
  sejak?: string;
  sampai?: string;
  format: string;
}

const FORMATS = ['teks', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function register(program: Command): void {
  program
    .command('izin-terbit')
    .description(
      'Sebelum menerbitkan: memeriksa setiap commit di main sesudah --sejak sampai --sampai. Setiap commit harus berasal dari PR yang disetujui sesuai SOP saat digabung (seperti `tayang persetujuan --commit`), atau berupa catatan di records/ yang dibuat dan ditandatangani App Tayang sendiri. Bila ada yang tidak, semuanya ditahan dan satu issue "Publikasi ditahan" dibuka (sekali saja untuk commit yang sama), menyebut anggota peran `publikasi.admin`.\n' +
        `Tanpa --sejak (belum pernah terbit) seluruh riwayat main diperiksa dari commit pertamanya, bila tidak lebih dari 100 commit; riwayat yang lebih panjang ditolak (keluar 2), tidak pernah diperiksa sebagian.\n` +
        'Butuh GITHUB_TOKEN (token App Tayang), GITHUB_REPOSITORY, TAYANG_APP_SLUG (GITHUB_API_URL untuk GitHub Enterprise Server).\n' +
        'Keluar 0 bila semua commit boleh terbit, 1 bila ada yang menahan, 2 bila masukan tidak bisa dipakai.',
    )
    .option('--sejak <sha>', 'commit terbitan terakhir; yang diperiksa adalah commit sesudahnya')
    .option('--sampai <sha>', 'commit yang akan diterbitkan (bawaan: GITHUB_SHA, atau ujung cabang utama)')
    .option('--format <format>', 'teks atau json', 'teks')
    .action((options: GateOptions) => runAction(() => runGate(options)));
}

async function runGate(options: GateOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) exitWithProblems([optionProblem('--format', `format "${options.format}" tidak dikenal.`, 'pilih teks atau json.')]);
  const format = options.format as Format;
  const until = options.sampai ?? (process.env.GITHUB_SHA || undefined);
  for (const [option, value] of [['--sejak', options.sejak], ['--sampai', until]] as const) {
    // Letters and digits only: a sha (or a branch name like main), never a range or a path.
    if (value !== undefined && !/^[0-9A-Za-z]{1,64}$/.test(value)) exitWithProblems([optionProblem(option, `"${value}" bukan sha commit.`, 'tulis sha commit di cabang main (huruf dan angka saja).')]);
  }
  const { makeGithubClient, readRepositoryContext } = await import('../../src/lib/github/client.ts');
  const { runPublishGate } = await import('../../src/lib/github/publish-gate.ts');
  const { renderGateJson, renderGateText } = await import('../../src/lib/publish/gate.ts');
  const context = readRepositoryContext(process.env);
  const appSlug = process.env.TAYANG_APP_SLUG ?? '';
  const problems = context.ok ? [] : [...context.problems];
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(appSlug)) {
    problems.push({
      file: 'lingkungan (variabel env)',
      field: 'TAYANG_APP_SLUG',
      message: appSlug ? `"${appSlug}" bukan nama pendek (slug) App GitHub.` : 'nama pendek (slug) App Tayang tidak ada: tanpa itu catatan yang dibuat App Tayang tidak bisa dikenali.',
      fix: 'di workflow, teruskan keluaran `app-slug` dari actions/create-github-app-token: `env: TAYANG_APP_SLUG: ${{ steps.app.outputs.app-slug }}`.',
    });
  }
  if (!context.ok || problems.length > 0) exitWithProblems(problems);
  const { token, baseUrl, owner, repo } = context.value;
  const run = await runPublishGate(makeGithubClient({ token, baseUrl }), { owner, repo }, { ...(options.sejak ? { since: options.sejak } : {}), ...(until ? { until } : {}), appSlug, now: new Date() });
  if (!run.ok) exitWithProblems(run.problems);
  const { report, issue, warnings } = run.value;
  for (const warning of warnings) process.stderr.write(`peringatan: ${warning}\n`);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(renderGateJson(report, appSlug, issue), null, 2)}\n`);
  } else {
    process.stdout.write(`${renderGateText(report, appSlug)}\n`);
    if (issue.action === 'created') process.stdout.write(`Issue "Publikasi ditahan" dibuka: ${issue.url}\n`);
    if (issue.action === 'exists') process.stdout.write(`Issue "Publikasi ditahan" untuk commit yang sama sudah terbuka: ${issue.url} (tidak dibuka lagi).\n`);
  }
  return report.passed ? EXIT.ok : EXIT.findings;
}

function optionProblem(option: string, message: string, fix: string): Problem {
  return { file: 'tayang izin-terbit', field: option, message, fix };
}
