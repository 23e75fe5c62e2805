import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

/**
 * `tayang periksa`: the source checks (DESIGN.md §4), and `tayang komentar-periksa`, which posts
 * the PR summary written by `periksa --komentar` (split so that the job holding a write token
 * never runs the pull request's own code; see .github/workflows/periksa*.yml).
 */
export function register(program: Command): void {
  program
    .command('periksa')
    .description('Periksa berkas Markdown: bahasa, aksesibilitas, data pribadi, skema, keamanan, 5W+1H berita.')
    .argument('[berkas...]', 'berkas Markdown atau folder item; tanpa ini: semua item di content/')
    .option('--berubah [ref]', 'hanya item yang berubah sejak REF (bawaan: titik cabang dari main), tulis --berubah=REF')
    .option('--format <format>', 'teks | json | github | sarif', 'teks')
    .option('--komentar <berkas>', 'tulis juga ringkasan untuk komentar pull request (Markdown) ke berkas ini')
    .option('--pratinjau <url>', 'tautan artefak pratinjau situs untuk komentar')
    .option('--gabung <berkas...>', 'gabungkan temuan dari laporan JSON lain (misalnya tayang aksesibilitas --format json)')
    .option('--config <berkas>', 'berkas konfigurasi kantor', 'tayang.config.yml')
    .addHelpText(
      'after',
      `
Kode keluar: 0 tidak ada galat (peringatan boleh), 1 ada galat, 2 masukan tidak bisa dipakai.
Contoh:
  tayang periksa content/berita/musrenbang-2025/index.md
  tayang periksa --berubah --format github
  tayang periksa --berubah=origin/main --format json --komentar komentar.md`,
    )
    .action((files: string[], options: PeriksaOptions) => runAction(() => periksa(files, options)));

  program
    .command('komentar-periksa')
    .description('Tulis (atau perbarui) satu komentar ringkasan pemeriksaan di pull request GitHub.')
    .requiredOption('--berkas <berkas>', 'ringkasan Markdown dari `tayang periksa --komentar`')
    .option('--pr <nomor>', 'nomor pull request (bawaan: dari event GitHub)')
    .option('--sha <commit>', 'commit kepala PR yang diperiksa; komentar hanya ditulis bila PR masih di commit itu')
    .addHelpText('after', '\nMemakai GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL dan GITHUB_EVENT_PATH dari GitHub Actions.')
    .action((options: CommentOptions) => runAction(() => postComment(options)));
}

interface PeriksaOptions {
  berubah?: string | true;
  format: string;
  komentar?: string;
  pratinjau?: string;
  gabung?: string[];
  config: string;
}

interface CommentOptions {
  berkas: string;
  pr?: string;
  sha?: string;
}

async function periksa(args: string[], options: PeriksaOptions): Promise<number> {
  const { readFile, stat, writeFile } = await import('node:fs/promises');
  const { relative, resolve } = await import('node:path');
  const { FORMATS, renderComment, renderRun } = await import('../../src/lib/checks/render.ts');
  const { checkFiles, listRules, resolveSettings } = await import('../../src/lib/checks/run.ts');
  const { makeFileEnv } = await import('../../src/lib/checks/env.ts');
  const selection = await import('../../src/lib/checks/selection.ts');
  const { CONTENT_ROOT } = await import('../../src/lib/content/types.ts');
  const { parseConfig } = await import('../../src/lib/config/load.ts');
  const { locatePath, parseLocatedYaml } = await import('../../src/lib/errors/yaml-location.ts');
  const language = await import('../../src/lib/checks/language/index.ts');

  const format = options.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    exitWithProblems([{ file: '--format', message: `format "${options.format}" tidak dikenal.`, fix: `pilih salah satu: ${FORMATS.join(', ')}.` }]);
  }

  // The office's config is optional: `periksa` also checks a lone Markdown file outside an office repository.
  const configText = await readFile(options.config, 'utf8').catch(() => undefined);
  const parsed = configText === undefined ? undefined : parseConfig(configText, options.config);
  if (parsed && !parsed.ok) exitWithProblems(parsed.problems);
  const config = parsed?.ok ? parsed.value : undefined;
  const rules = listRules(language);
  const located = configText === undefined ? undefined : parseLocatedYaml(configText);
  const settings = resolveSettings(config?.periksa, rules, options.config, (path) => (located ? locatePath(located, path)?.line : undefined));
  if (!settings.ok) exitWithProblems(settings.problems);
  let configWarnings: import('../../src/lib/errors/problem.ts').Problem[] = [];
  if (config && configText !== undefined) {
    // What the build would stop on too; the warnings on stderr, since the findings' formats (JSON, SARIF) are about content files.
    const { checkConfigInRepository } = await import('../../src/lib/config/repository-checks.ts');
    const { formatProblems } = await import('../../src/lib/errors/problem.ts');
    const checked = await checkConfigInRepository(config, configText, options.config, '.', new Date());
    if (checked.problems.length > 0) exitWithProblems(checked.problems);
    configWarnings = checked.warnings;
    if (configWarnings.length > 0) process.stderr.write(`Peringatan konfigurasi:\n${formatProblems(configWarnings)}\n`);
  }

  let files: string[];
  if (options.berubah !== undefined) {
    const changed = await selection.gitChangedFiles(options.berubah === true ? undefined : options.berubah);
    if (!changed.ok) exitWithProblems(changed.problems);
    const dirs = selection.changedItemDirs(changed.value);
    const wanted = args.length > 0 ? new Set(args.map((a) => a.replace(/\/+$/, ''))) : undefined;
    files = [];
    for (const dir of dirs) {
      const index = await selection.findItemIndex(dir);
      if (index && (!wanted || wanted.has(index) || wanted.has(dir))) files.push(index);
    }
  } else if (args.length > 0) {
    files = [];
    for (const arg of args) {
      // Findings name repository-relative paths (content/<jenis>/<slug>/…), whatever was typed.
      const path = relative(process.cwd(), resolve(arg)).replace(/\\/g, '/');
      const info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) files.push(...(await selection.listMarkdownFiles(path)));
      else if (info && !/\.mdx?$/i.test(path)) exitWithProblems([{ file: path, message: 'bukan berkas Markdown (.md atau .mdx).', fix: 'sebut berkas index.md item, atau folder itemnya.' }]);
      else files.push(path);
    }
  } else {
    // Run from the wrong folder, "0 berkas diperiksa" and exit 0 would read as a clean bill.
    if (!(await stat(CONTENT_ROOT).then((info) => info.isDirectory(), () => false))) {
      exitWithProblems([{ file: `${CONTENT_ROOT}/`, message: `folder ${CONTENT_ROOT}/ tidak ada di ${process.cwd()}, jadi tidak ada naskah yang bisa diperiksa.`, fix: 'jalankan perintah ini dari akar repositori kantor (folder yang berisi tayang.config.yml), sebut berkas yang mau diperiksa, atau buat item pertama dengan `npx tayang baru berita "Judul"`.' }]);
    }
    files = await selection.listContentFiles();
  }

  const result = await checkFiles([...new Set(files)], makeFileEnv(config), settings.value, language);
  if (!result.ok) exitWithProblems(result.problems);
  const run = result.value;
  for (const extra of options.gabung ?? []) {
    const merged = await readMergedReport(extra, readFile);
    if (!merged.ok) exitWithProblems(merged.problems);
    run.findings.push(...merged.value.findings);
    run.waived.push(...(merged.value.waived ?? []));
  }

  process.stdout.write(renderRun(format, run, rules));
  if (options.komentar) await writeFile(options.komentar, renderComment(run, { previewUrl: options.pratinjau, configWarnings }));
  return run.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

/** Findings of another report in the JSON of DESIGN.md §4 (e.g. `tayang aksesibilitas`). */
async function readMergedReport(file: string, readFile: typeof import('node:fs/promises').readFile) {
  const { validateData } = await import('../../src/lib/errors/validate.ts');
  const { CheckReportSchema } = await import('../../src/lib/checks/report-schema.ts');
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { ok: false as const, problems: [{ file, message: `laporan JSON tidak bisa dibaca (${(error as Error).message}).`, fix: 'buat dengan `--format json`.' }] };
  }
  const report = validateData(CheckReportSchema, data, file);
  return report;
}

async function postComment(options: CommentOptions): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const { makeGithubClient, readActionsContext } = await import('../../src/lib/github/client.ts');
  const { publishCheckComment } = await import('../../src/lib/checks/comment.ts');
  const pr = options.pr === undefined ? undefined : Number(options.pr);
  if (pr !== undefined && !(Number.isInteger(pr) && pr > 0)) {
    exitWithProblems([{ file: '--pr', message: `"${options.pr}" bukan nomor pull request.`, fix: 'tulis angka, misalnya --pr 12.' }]);
  }
  if (options.sha !== undefined && !/^[0-9a-f]{40}$/.test(options.sha)) {
    exitWithProblems([{ file: '--sha', message: `"${options.sha}" bukan hash commit.`, fix: 'tulis hash commit lengkap (40 karakter).' }]);
  }
  const context = await readActionsContext(process.env, pr);
  if (!context.ok) exitWithProblems(context.problems);
  const body = await readFile(options.berkas, 'utf8').catch(() => undefined);
  if (body === undefined) exitWithProblems([{ file: options.berkas, message: 'ringkasan pemeriksaan tidak ditemukan.', fix: 'buat dengan `tayang periksa --komentar <berkas>`.' }]);
  const { token, baseUrl, owner, repo, pullNumber } = context.value;
  const client = makeGithubClient({ token, baseUrl });
  const result = await publishCheckComment(client, { owner, repo, pullNumber, body: body.slice(0, 65_000), expectedHeadSha: options.sha });
  if (!result.ok) {
    // A newer push is not a failure: its own run will comment.
    const { formatProblems } = await import('../../src/lib/errors/problem.ts');
    process.stderr.write(`${formatProblems(result.problems)}\n`);
    return EXIT.ok;
  }
  const words = { created: 'dibuat', updated: 'diperbarui', unchanged: 'tidak berubah' } as const;
  process.stdout.write(`Komentar pemeriksaan ${words[result.value.action]}: ${result.value.url}\n`);
  return EXIT.ok;
}
