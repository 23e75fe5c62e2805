import type { Command } from 'commander';
import { EXIT, exitWithProblems, officeTime, parseNowOption, runAction } from '../cli.ts';

interface ReportOptions {
  format: string;
  periksa?: boolean;
  sekarang?: string;
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
        'keluar 1 bila rantainya tidak utuh. JSON: {"intact", "records", "head", "breaks": [...]}.\n' +
        'Setiap PR yang terbit lewat jalur serta-merta didaftar bersama tinjauan susulannya (records/persetujuan/<nomor-pr>-susulan.json): tepat waktu, terlambat, dikembalikan, atau belum dan lewat batas pada saat laporan (--sekarang). JSON: "fast_lane": [...].',
    )
    .option('--format <format>', 'teks, csv atau json (dengan --periksa: teks atau json)', 'teks')
    .option('--periksa', 'periksa rantai catatan, alih-alih mencetak register')
    .option('--sekarang <waktu>', 'waktu laporan, ISO 8601, untuk tinjauan susulan yang lewat batas (bawaan: saat ini)')
    .action((options: ReportOptions) => runAction(() => runReport(options)));
}

async function runReport(options: ReportOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    exitWithProblems([{ file: 'tayang laporan', field: '--format', message: `format "${options.format}" tidak dikenal.`, fix: 'pilih teks, csv atau json.' }]);
  }
  const format = options.format as Format;
  if (options.periksa) return checkChainOfRecords(format);
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { readFollowUps, readRecords } = await import('../../src/lib/records/store.ts');
  const { renderRegisterCsv, renderRegisterJson, renderRegisterText } = await import('../../src/lib/records/render.ts');
  const now = parseNowOption(options.sekarang, 'laporan');
  const [config, records, followUps] = await Promise.all([loadConfigFile(), readRecords('.'), readFollowUps('.')]);
  if (!config.ok || !records.ok || !followUps.ok) {
    exitWithProblems([...(config.ok ? [] : config.problems), ...(records.ok ? [] : records.problems), ...(followUps.ok ? [] : followUps.problems)]);
  }
  const lane = { followUps: followUps.value, now: 'local' in now ? await officeTime(now.local, config.value.kantor.zona_waktu) : now.at };
  const output =
    format === 'csv'
      ? renderRegisterCsv(records.value, config.value, lane)
      : format === 'json'
        ? `${JSON.stringify(renderRegisterJson(records.value, config.value, lane), null, 2)}\n`
        : `${renderRegisterText(records.value, config.value, lane)}\n`;
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
