import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface Options {
  berubah?: string | true;
  dist?: string;
  format?: string;
}

const FORMATS = ['teks', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

export function register(program: Command): void {
  program
    .command('aksesibilitas')
    .usage('[pilihan]')
    .description(
      'Uji aksesibilitas halaman hasil build dengan pa11y (axe dan HTML_CodeSniffer, WCAG 2 AA ' +
        'ditambah aturan WCAG 2.2 dari axe). Temuan dilaporkan pada berkas Markdown itemnya.',
    )
    .option('--berubah [REF]', 'hanya halaman item yang berubah sejak REF (bawaan: titik cabang dari main) beserta daftar yang menampilkannya')
    .option('--dist <folder>', 'folder hasil build dari npm run build (bawaan: dist)')
    .option('--format <format>', 'teks (bawaan), json, atau github (anotasi di pull request)')
    .addHelpText(
      'after',
      [
        '',
        'Kode keluar: 0 tidak ada galat, 1 ada galat aksesibilitas, 2 masukan tidak dapat dipakai.',
        'Situs dengan path dasar (GitHub Pages) diuji dengan TAYANG_BASE yang sama seperti saat build.',
        '',
        'Contoh:',
        '  npm run build && npx tayang aksesibilitas',
        '  npx tayang aksesibilitas --berubah --format github',
      ].join('\n'),
    )
    .action((options: Options) => runAction(() => checkAccessibility(options)));
}

async function checkAccessibility(options: Options): Promise<number> {
  const format = parseFormat(options.format ?? 'teks');
  const root = process.cwd();
  const distOption = options.dist ?? 'dist';
  const dist = resolve(root, distOption);
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    exitWithProblems([{ file: distOption, message: `Folder hasil build "${distOption}" belum ada.`, fix: 'Jalankan `npm run build` dulu, atau sebutkan foldernya dengan --dist.' }]);
  }
  const { checkBuiltSite } = await import('../../src/lib/a11y/index.ts');
  const { gitChangedFiles } = await import('../../src/lib/checks/selection.ts');
  const { renderReport } = await import('../../src/lib/a11y/render.ts');

  let changedFiles: string[] | undefined;
  if (options.berubah) {
    const changed = await gitChangedFiles(options.berubah === true ? undefined : options.berubah, root);
    if (!changed.ok) exitWithProblems(changed.problems);
    changedFiles = changed.value;
  }
  const showProgress = format === 'teks' && process.stderr.isTTY;
  const report = await checkBuiltSite({
    root,
    dist,
    base: process.env.TAYANG_BASE || '/',
    changedFiles,
    onPage: showProgress ? (audit, done, total) => process.stderr.write(`\r${done}/${total} halaman diuji: ${audit.path}\x1b[K`) : undefined,
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (!options.berubah && report.files === 0) {
    exitWithProblems([{ file: distOption, message: `Folder "${distOption}" tidak berisi halaman HTML.`, fix: 'Jalankan `npm run build` dulu, atau sebutkan folder hasil build dengan --dist.' }]);
  }
  process.stdout.write(renderReport(report, format));
  return report.findings.some((finding) => finding.severity === 'error') ? EXIT.findings : EXIT.ok;
}

function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  return exitWithProblems([{ file: 'tayang aksesibilitas', field: '--format', message: `Format "${value}" tidak dikenal.`, fix: 'Pilih teks, json, atau github.' }]);
}
