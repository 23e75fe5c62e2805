import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface ReportOptions {
  format: string;
  periksa?: boolean;
}

const FORMATS = ['teks', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function register(program: Command): void {
  program
    .command('laporan')
    .description(
      'Register persetujuan publikasi dari records/persetujuan/: setiap item dan tahapnya (pejabat, peran, waktu, lama kerja terhadap mutu baku, terlambat), lalu ringkasan kepatuhan SOP.\n' +
        'CSV (RFC 4180, dipisah koma, UTF-8) untuk dibuka di aplikasi lembar kerja; JSON: {"rows": [...], "summary": {...}}.\n' +
        'Dengan --periksa: hanya memeriksa rantai catatan (setiap catatan menyimpan SHA-256 catatan sebelumnya, records/persetujuan/rantai.txt menyebut yang terakhir) dan menyebut setiap catatan yang diubah, dihapus, disisipkan atau ditukar urutannya; ' +
        'keluar 1 bila rantainya tidak utuh. JSON: {"intact", "records", "head", "breaks": [...]}.',
    )
    .option('--format <format>', 'teks, csv atau json (dengan --periksa: teks atau json)', 'teks')
    .option('--periksa', 'periksa rantai catatan, alih-alih mencetak register')
    .action((options: ReportOptions) => runAction(() => runReport(options)));
}

async function runReport(options: ReportOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    exitWithProblems([{ file: 'tayang laporan', field: '--format', message: `format "${options.format}" tidak dikenal.`, fix: 'pilih teks, csv atau json.' }]);
  }
  const format = options.format as Format;
  if (options.periksa) return checkChainOfRecords(format);
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

async function checkChainOfRecords(format: Format): Promise<number> {
  if (format === 'csv') exitWithProblems([{ file: 'tayang laporan', field: '--format', message: 'hasil --periksa tidak berbentuk tabel.', fix: 'pilih teks atau json.' }]);
  const { checkChain } = await import('../../src/lib/records/chain.ts');
  const { readRecordChain } = await import('../../src/lib/records/store.ts');
  const { renderChainJson, renderChainText } = await import('../../src/lib/records/render.ts');
  const { entries, head } = await readRecordChain('.');
  const report = { records: entries.length, head: typeof head === 'object' ? head : null, breaks: checkChain(entries, head) };
  process.stdout.write(format === 'json' ? `${JSON.stringify(renderChainJson(report), null, 2)}\n` : `${renderChainText(report)}\n`);
  return report.breaks.length === 0 ? EXIT.ok : EXIT.findings;
}
