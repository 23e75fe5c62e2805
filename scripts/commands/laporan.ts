import type { Command } from 'commander';
import type { Config } from '../../src/lib/config/schema.ts';
import type { Period } from '../../src/lib/records/performance.ts';
import type { ApprovalRecord } from '../../src/lib/records/record.ts';
import { EXIT, exitWithProblems, officeTime, openGithubRepository, parseNowOption, runAction } from '../cli.ts';

interface ReportOptions {
  format: string;
  periksa?: boolean;
  kinerja?: boolean;
  periode?: string;
  issue?: boolean;
  sekarang?: string;
}

const FORMATS = ['teks', 'markdown', 'csv', 'json', 'svg'] as const;
type Format = (typeof FORMATS)[number];

export function register(program: Command): void {
  program
    .command('laporan')
    .description(
      'Register persetujuan publikasi dari records/persetujuan/: setiap item dan tahapnya (pejabat, peran, waktu, lama kerja terhadap mutu baku, terlambat), lalu ringkasan kepatuhan SOP.\n' +
        'CSV (RFC 4180, dipisah koma, UTF-8) untuk dibuka di aplikasi lembar kerja; JSON: {"rows": [...], "summary": {...}}.\n' +
        'Dengan --periksa: hanya memeriksa rantai catatan (setiap catatan menyimpan SHA-256 catatan sebelumnya, records/persetujuan/rantai.txt menyebut yang terakhir) dan menyebut setiap catatan yang diubah, dihapus, disisipkan atau ditukar urutannya; ' +
        'keluar 1 bila rantainya tidak utuh. JSON: {"intact", "records", "head", "breaks": [...]}.\n' +
        'Setiap PR yang terbit lewat jalur serta-merta didaftar bersama tinjauan susulannya (records/persetujuan/<nomor-pr>-susulan.json): tepat waktu, terlambat, dikembalikan, atau belum dan lewat batas pada saat laporan (--sekarang). JSON: "fast_lane": [...].\n' +
        'Dengan --kinerja: angka kinerja kantor per bulan (docs/mulai.md, bagian Laporan kinerja), sebagai teks, markdown, csv, json ({"period", "months", "pulls", "stages", "roles", "steps", "overdue"}) atau svg (grafik).',
    )
    .option('--format <format>', 'teks, csv atau json (dengan --periksa: teks atau json; dengan --kinerja juga markdown atau svg)', 'teks')
    .option('--periksa', 'periksa rantai catatan, alih-alih mencetak register')
    .option('--kinerja', 'angka kinerja per bulan, tahap dan peran (jumlah, median waktu kerja, persentase dalam mutu baku, tahap terlambat, lama penayangan), alih-alih register')
    .option('--periode <bulan>', 'hanya PR yang digabung pada bulan itu: 2026-03, rentang 2026-01..2026-03, atau bulan-lalu')
    .option('--issue', 'dengan --kinerja: terbitkan laporannya (Markdown) sebagai issue GitHub, sekali untuk setiap periode (butuh GITHUB_TOKEN dan GITHUB_REPOSITORY)')
    .option('--sekarang <waktu>', 'waktu laporan, ISO 8601, untuk tinjauan susulan yang lewat batas dan untuk bulan-lalu (bawaan: saat ini)')
    .action((options: ReportOptions) => runAction(() => runReport(options)));
}

async function runReport(options: ReportOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    exitWithProblems([{ file: 'tayang laporan', field: '--format', message: `format "${options.format}" tidak dikenal.`, fix: 'pilih teks, csv atau json (dengan --kinerja juga markdown atau svg).' }]);
  }
  const format = options.format as Format;
  if (options.periksa) return checkChainOfRecords(format);
  if (!options.kinerja && (format === 'markdown' || format === 'svg' || options.issue)) {
    exitWithProblems([{ file: 'tayang laporan', field: options.issue ? '--issue' : '--format', message: `${options.issue ? '--issue' : `format ${format}`} hanya untuk angka kinerja.`, fix: 'tambahkan --kinerja, atau pilih teks, csv atau json untuk register.' }]);
  }
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { readFollowUps, readRecords } = await import('../../src/lib/records/store.ts');
  const { renderRegisterCsv, renderRegisterJson, renderRegisterText } = await import('../../src/lib/records/render.ts');
  const clock = parseNowOption(options.sekarang, 'laporan');
  const [config, all, followUps] = await Promise.all([loadConfigFile(), readRecords('.'), readFollowUps('.')]);
  if (!config.ok || !all.ok || !followUps.ok) {
    exitWithProblems([...(config.ok ? [] : config.problems), ...(all.ok ? [] : all.problems), ...(followUps.ok ? [] : followUps.problems)]);
  }
  const now = 'local' in clock ? await officeTime(clock.local, config.value.kantor.zona_waktu) : clock.at;
  const { parseReportPeriod, recordsInPeriod } = await import('../../src/lib/records/performance.ts');
  const period = options.periode === undefined ? undefined : parseReportPeriod(options.periode, now, config.value.kantor.zona_waktu);
  if (period === null) exitWithProblems([{ file: 'tayang laporan', field: '--periode', message: `"${options.periode}" bukan bulan atau rentang bulan.`, fix: 'tulis misalnya 2026-03, 2026-01..2026-03 atau bulan-lalu.' }]);
  if (options.kinerja) return reportPerformance(format, all.value, config.value, period, options.issue === true);
  const records = period ? recordsInPeriod(all.value, period) : all.value;
  const lane = { followUps: followUps.value, now };
  const output =
    format === 'csv'
      ? renderRegisterCsv(records, config.value, lane)
      : format === 'json'
        ? `${JSON.stringify(renderRegisterJson(records, config.value, lane), null, 2)}\n`
        : `${renderRegisterText(records, config.value, lane)}\n`;
  process.stdout.write(output);
  return EXIT.ok;
}

/** `--kinerja`: the performance figures (src/lib/records/performance.ts), printed or, with `--issue`, published once per period. */
async function reportPerformance(format: Format, records: ApprovalRecord[], config: Config, period: Period | undefined, issue: boolean): Promise<number> {
  const { performanceReport } = await import('../../src/lib/records/performance.ts');
  const render = await import('../../src/lib/records/performance-render.ts');
  const report = performanceReport(records, config, period);
  const office = config.kantor.nama;
  if (issue) {
    if (!report.period) exitWithProblems([{ file: 'tayang laporan', field: '--periode', message: 'belum ada catatan, jadi periode laporannya tidak diketahui.', fix: 'sebutkan --periode, misalnya bulan-lalu.' }]);
    const { publishPerformanceIssue } = await import('../../src/lib/github/performance-issue.ts');
    const { client, owner, repo } = await openGithubRepository();
    const title = `Laporan kinerja publikasi ${render.periodName(report)}`;
    const published = await publishPerformanceIssue(client, { owner, repo }, { period: report.period, title, body: render.renderPerformanceMarkdown(report, office) });
    process.stdout.write(`${published.created ? 'Issue dibuka' : 'Issue untuk periode ini sudah ada'}: ${published.url}\n`);
    return EXIT.ok;
  }
  const output =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'csv'
        ? render.renderPerformanceCsv(report)
        : format === 'svg'
          ? render.renderPerformanceSvg(report, office)
          : format === 'markdown'
            ? render.renderPerformanceMarkdown(report, office)
            : `${render.renderPerformanceText(report, office)}\n`;
  process.stdout.write(output);
  return EXIT.ok;
}

async function checkChainOfRecords(format: Format): Promise<number> {
  if (format !== 'teks' && format !== 'json') exitWithProblems([{ file: 'tayang laporan', field: '--format', message: `hasil --periksa tidak berbentuk ${format === 'csv' ? 'tabel' : format}.`, fix: 'pilih teks atau json.' }]);
  const { checkChain } = await import('../../src/lib/records/chain.ts');
  const { readRecordChain } = await import('../../src/lib/records/store.ts');
  const { renderChainJson, renderChainText } = await import('../../src/lib/records/render.ts');
  const { entries, head } = await readRecordChain('.');
  const report = { records: entries.length, head: typeof head === 'object' ? head : null, breaks: checkChain(entries, head) };
  process.stdout.write(format === 'json' ? `${JSON.stringify(renderChainJson(report), null, 2)}\n` : `${renderChainText(report)}\n`);
  return report.breaks.length === 0 ? EXIT.ok : EXIT.findings;
}
