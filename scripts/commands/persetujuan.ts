import type { Command } from 'commander';
import type { Verdict } from '../../src/lib/approval/types.ts';
import type { Problem } from '../../src/lib/errors/problem.ts';
import { EXIT, exitWithProblems, officeTime, parseNowOption, openGithubRepository, runAction } from '../cli.ts';

interface ApprovalOptions {
  pr?: string;
  commit?: string;
  periksa?: string;
  snapshot?: string;
  config: string;
  sekarang?: string;
  format: string;
}

const FORMATS = ['teks', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function register(program: Command): void {
  program
    .command('persetujuan')
    .description(
      'Menilai ulasan (review) sebuah PR sebagai persetujuan bertahap menurut SOP di tayang.config.yml.\n' +
        'Keluar 0 bila disetujui, 1 bila belum (menunggu atau dikembalikan), 2 bila masukan tidak bisa dipakai.',
    )
    .option(
      '--pr <nomor>',
      'nilai PR ini langsung di GitHub (konfigurasi dari cabang dasarnya), lalu perbarui status, komentar, label dan permintaan tinjauan; butuh GITHUB_TOKEN dan GITHUB_REPOSITORY (GITHUB_API_URL untuk GitHub Enterprise Server)',
    )
    .option(
      '--commit <sha>',
      'sesudah penggabungan: apakah PR yang commit penggabungannya (merge commit atau squash) adalah commit ini disetujui saat digabung, menurut konfigurasi main tepat sebelum penggabungan (ulasan sesudahnya tidak dihitung); keluar 1 juga bila commit itu bukan commit penggabungan sebuah PR (didorong langsung, atau hasil rebase); butuh GITHUB_TOKEN dan GITHUB_REPOSITORY',
    )
    .option('--periksa <berkas>', 'dengan --pr: laporan `tayang periksa --format json` untuk commit terbaru PR, ditambah kolom "sha"; tanpa laporan untuk commit itu putusan menunggu')
    .option('--snapshot <berkas>', 'JSON tanggapan REST GitHub: {"pull", "reviews", "commits", "files", "teams"}')
    .option('--config <berkas>', 'konfigurasi kantor dari cabang dasar (bukan dari PR)', 'tayang.config.yml')
    .option('--sekarang <waktu>', 'waktu penilaian, ISO 8601 (bawaan: saat ini)')
    .option('--format <format>', 'teks atau json', 'teks')
    .action((options: ApprovalOptions) => runAction(() => runApproval(options)));
}

async function runApproval(options: ApprovalOptions): Promise<number> {
  const format = parseFormat(options.format);
  if (options.commit !== undefined) return runOnCommit(options.commit, options, format);
  const now = parseNowOption(options.sekarang, 'tayang persetujuan');
  if (options.pr !== undefined) {
    if (options.snapshot) exitWithProblems([optionProblem('--snapshot', 'tidak bisa dipakai bersama --pr.', 'pilih salah satu: --pr NOMOR (di GitHub) atau --snapshot BERKAS (rekaman).')]);
    if ('local' in now) exitWithProblems([optionProblem('--sekarang', `"${now.local}" tidak menyebut zona waktu.`, 'tambahkan selisihnya dari UTC, misalnya 2025-03-10T09:00:00+07:00.')]);
    return runOnGithub(options.pr, options.periksa, now.at, format);
  }
  if (!options.snapshot) {
    exitWithProblems([{ file: 'tayang persetujuan', message: 'tidak ada PR yang dinilai.', fix: 'berikan --snapshot BERKAS (JSON tanggapan GitHub).' }]);
  }
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { loadSnapshotFile } = await import('../../src/lib/approval/snapshot.ts');
  const { evaluateApproval } = await import('../../src/lib/approval/evaluate.ts');
  const [config, snapshot] = await Promise.all([loadConfigFile(options.config), loadSnapshotFile(options.snapshot)]);
  const problems = [...(config.ok ? [] : config.problems), ...(snapshot.ok ? [] : snapshot.problems)];
  if (!config.ok || !snapshot.ok) exitWithProblems(problems);
  const verdict = evaluateApproval(config.value, snapshot.value, 'local' in now ? await officeTime(now.local, config.value.kantor.zona_waktu) : now.at);
  await printVerdict(verdict, format);
  return verdict.state === 'approved' ? EXIT.ok : EXIT.findings;
}

/** GitHub mode: the config is read from the PR's base branch, never from `--config`. */
async function runOnGithub(pr: string, contentFile: string | undefined, now: Date, format: Format): Promise<number> {
  if (!/^[1-9]\d*$/.test(pr)) exitWithProblems([optionProblem('--pr', `"${pr}" bukan nomor PR.`, 'tulis nomornya saja, misalnya --pr 12.')]);
  const { makeGithubClient, readActionsContext, readAppId } = await import('../../src/lib/github/client.ts');
  const { runGithubApproval } = await import('../../src/lib/github/approval.ts');
  const { describeContentCheck, loadContentReport } = await import('../../src/lib/github/content-check.ts');
  const context = await readActionsContext(process.env, Number(pr));
  const appId = readAppId(process.env);
  const content = contentFile === undefined ? undefined : await loadContentReport(contentFile);
  const problems = [...(context.ok ? [] : context.problems), ...(appId.ok ? [] : appId.problems), ...(content && !content.ok ? content.problems : [])];
  if (!context.ok || !appId.ok || (content && !content.ok)) exitWithProblems(problems);
  const { token, baseUrl, owner, repo, pullNumber } = context.value;
  const run = await runGithubApproval(makeGithubClient({ token, baseUrl }), { owner, repo, pullNumber }, now, { appId: appId.value, ...(content?.ok ? { content: content.value } : {}) });
  if (!run.ok) exitWithProblems(run.problems);
  for (const warning of run.value.warnings) process.stderr.write(`peringatan: ${warning}\n`);
  for (const action of run.value.actions) process.stderr.write(`GitHub: ${action}\n`);
  await printVerdict(run.value.verdict, format);
  if (format === 'teks') process.stdout.write(`Pemeriksaan naskah: ${describeContentCheck(run.value.content)}\n`);
  // The required check's word is final: approved officials and clean content, both on this head.
  return run.value.plan.check.conclusion === 'success' ? EXIT.ok : EXIT.findings;
}

/**
 * GitHub mode after the merge (`--commit`): the verdict on the PR behind a commit on main as it
 * stood at `merged_at`, under its base's config; a commit from no PR is not approved.
 */
async function runOnCommit(sha: string, options: ApprovalOptions, format: Format): Promise<number> {
  if (options.pr !== undefined || options.snapshot) exitWithProblems([optionProblem('--commit', 'tidak bisa dipakai bersama --pr atau --snapshot.', 'pilih salah satu: --commit SHA (sesudah digabung), --pr NOMOR atau --snapshot BERKAS.')]);
  if (options.sekarang !== undefined) exitWithProblems([optionProblem('--sekarang', 'tidak dipakai bersama --commit: PR dinilai pada saat ia digabung.', 'hapus --sekarang.')]);
  // Letters and digits only: a sha (or its abbreviation), never a range like HEAD~1 or a path.
  if (!/^[0-9A-Za-z]{1,64}$/.test(sha)) exitWithProblems([optionProblem('--commit', `"${sha}" bukan sha commit.`, 'tulis sha commit di cabang main, misalnya --commit 3f2a9c1 (huruf dan angka saja).')]);
  const { checkMergedCommit } = await import('../../src/lib/github/merged-commit.ts');
  const { renderVerdictJson, renderVerdictText } = await import('../../src/lib/approval/render.ts');
  const { formatDateTime } = await import('../../src/lib/site/dates.ts');
  const { client, owner, repo } = await openGithubRepository();
  const check = await checkMergedCommit(client, { owner, repo }, sha);
  if (!check.ok) exitWithProblems(check.problems);
  const { commit, pull, other, evaluation } = check.value;
  for (const warning of evaluation?.warnings ?? []) process.stderr.write(`peringatan: ${warning}\n`);
  const short = commit.sha.slice(0, 7);
  // A PR's approval travels only with its own merge (merge commit or squash): an earlier commit of
  // it on main, or a rebase merge's copies, are not what the officials' approval was recorded for.
  const noPull = other
    ? `Commit ${short} termasuk PR #${other.number}, tetapi bukan commit penggabungannya (PR itu digabung sebagai ${other.merge_commit_sha?.slice(0, 7) ?? 'commit yang tidak diketahui'}): persetujuan PR hanya berlaku untuk commit penggabungan itu (merge commit atau squash). Commit ini masuk ke main di luar penggabungan itu — didorong langsung, atau lewat penggabungan rebase, yang tidak diterima. Bila ia masuk lewat sebuah merge commit, periksa merge commit itu.`
    : `Commit ${short} tidak berasal dari PR yang digabung ke cabang utama: perubahan ini didorong langsung, tanpa persetujuan menurut SOP.`;
  if (format === 'json') {
    const verdict = evaluation ? renderVerdictJson(evaluation.verdict) : { state: null, flows: [], stages: [], messages: [noPull] };
    const pullJson = pull && evaluation ? { number: pull.number, url: pull.html_url, merged_at: pull.merged_at, merge_commit_sha: pull.merge_commit_sha, base: evaluation.base } : null;
    const otherJson = other ? { other_pull: { number: other.number, url: other.html_url, merge_commit_sha: other.merge_commit_sha } } : {};
    process.stdout.write(`${JSON.stringify({ commit: commit.sha, approved: evaluation?.verdict.state === 'approved', pull: pullJson, ...otherJson, ...verdict }, null, 2)}\n`);
  } else if (!pull || !evaluation) {
    process.stdout.write(`${noPull}\n`);
  } else {
    const { verdict, base } = evaluation;
    process.stdout.write(
      `Commit ${short} berasal dari PR #${pull.number}, digabung ${formatDateTime(new Date(pull.merged_at), verdict.time_zone)}. Dinilai seperti saat itu (ulasan sesudahnya tidak dihitung), dengan tayang.config.yml cabang dasar ${base.ref} @ ${base.sha.slice(0, 7)}.\n` +
        `${renderVerdictText(verdict)}\n`,
    );
  }
  return evaluation?.verdict.state === 'approved' ? EXIT.ok : EXIT.findings;
}

async function printVerdict(verdict: Verdict, format: Format): Promise<void> {
  const { renderVerdictJson, renderVerdictText } = await import('../../src/lib/approval/render.ts');
  process.stdout.write(format === 'json' ? `${JSON.stringify(renderVerdictJson(verdict), null, 2)}\n` : `${renderVerdictText(verdict)}\n`);
}

function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  return exitWithProblems([optionProblem('--format', `format "${value}" tidak dikenal.`, 'pilih teks atau json.')]);
}

function optionProblem(option: string, message: string, fix: string): Problem {
  return { file: 'tayang persetujuan', field: option, message, fix };
}
