import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface ReportOptions {
  format: string;
}

const FORMATS = ['teks', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function register(program: Command): void {
  program
    .command('laporan')
    .description(
      'Register persetujuan publikasi dari records/persetujuan/: setiap item dan tahapnya (pejabat, peran, waktu, lama kerja terhadap mutu baku, terlambat), lalu ringkasan kepatuhan SOP.\n' +
        'CSV (RFC 4180, dipisah koma, UTF-8) untuk dibuka di aplikasi lembar kerja; JSON: {"rows": [...], "summary": {...}}.',
    )
    .option('--format <format>', 'teks, csv atau json', 'teks')
    .action((options: ReportOptions) => runAction(() => runReport(options)));
}

async function runReport(options: ReportOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    exitWithProblems([{ file: 'tayang laporan', field: '--format', message: `format "${options.format}" tidak dikenal.`, fix: 'pilih teks, csv atau json.' }]);
  }
  const format = options.format as Format;
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { readRecords } = await import('../../src/lib/records/store.ts');
  const { renderRegisterCsv, renderRegisterJson, renderRegisterText } = await import('../../src/lib/records/render.ts');
  const [config, records] = await Promise.all([loadConfigFile(), readRecords('.')]);
  if (!config.ok || !records.ok) exitWithProblems([...(config.ok ? [] : config.problems), ...(records.ok ? [] : records.problems)]);
  const output =
    format === 'csv'
      ? renderRegisterCsv(records.value, config.value)
      : format === 'json'
        ? `${JSON.stringify(renderRegisterJson(records.value, config.value), null, 2)}\n`
        : `${renderRegisterText(records.value, config.value)}\n`;
  process.stdout.write(output);
  return EXIT.ok;
}
