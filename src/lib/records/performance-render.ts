import { DateTime } from 'luxon';
import { formatMinutes } from '../approval/messages.ts';
import { escapeMarkdown } from '../checks/escape.ts';
import { toCsv } from './csv.ts';
import type { Figures, OverdueStage, PerformanceReport, StageFigures, StepFigures } from './performance.ts';

/**
 * The performance figures (performance.ts) in the forms their readers use: text for the terminal
 * and memos, Markdown for the monthly issue, CSV for a spreadsheet, and an SVG chart of the share
 * within standard per stage and month for the site's /kinerja/ page. JSON is the report itself.
 */

/** "Maret 2026" */
export function monthName(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).setLocale('id').toFormat('LLLL yyyy');
}

/** "Maret 2026" or "Januari 2026 – Maret 2026" */
export function periodName(report: PerformanceReport): string {
  if (!report.period) return 'semua bulan';
  const { from, to } = report.period;
  return from === to ? monthName(from) : `${monthName(from)} – ${monthName(to)}`;
}

/** 66.7 → "66,7%" */
export function formatPercent(percent: number): string {
  return `${String(percent).replace('.', ',')}%`;
}

/** "2 dari 3 tepat waktu (66,7%)", or "tanpa standar" for a stage without a time standard. */
export function withinText(row: Figures & { standard_minutes: number | null }): string {
  if (row.standard_minutes === null) return 'tanpa standar';
  if (row.within_standard_percent === null) return 'belum ada yang lulus';
  return `${row.within_standard} dari ${row.measured} tepat waktu (${formatPercent(row.within_standard_percent)})`;
}

/** Share within standard of a role's stages (their standards may differ). */
export function roleWithinText(row: Figures): string {
  return row.within_standard_percent === null ? 'tanpa standar' : `${row.within_standard} dari ${row.measured} tepat waktu (${formatPercent(row.within_standard_percent)})`;
}

export const medianText = (row: Figures) => (row.median_minutes === null ? '–' : formatMinutes(row.median_minutes));

/** The months that had merged PRs, each with its rows. */
export function monthsWithRecords(report: PerformanceReport) {
  return report.months
    .map((month) => ({
      month,
      name: monthName(month),
      pulls: report.steps.find((row) => row.month === month && row.step === 'terbit')?.count ?? 0,
      stages: report.stages.filter((row) => row.month === month),
      roles: report.roles.filter((row) => row.month === month),
      steps: report.steps.filter((row) => row.month === month),
      overdue: report.overdue.filter((row) => row.month === month),
    }))
    .filter((month) => month.pulls > 0);
}

/** "Penayangan (dari persetujuan terakhir sampai terbit), alur publikasi" */
export const stepName = (row: StepFigures) => (row.flow === null ? row.name : `${row.name}, alur ${row.flow}`);

const notPassed = (row: Figures) => (row.count > row.passed ? `, ${row.count - row.passed} belum lulus saat digabung` : '');
const itemsOf = (row: OverdueStage) => row.items.map((item) => item.folder).join(', ');

export function renderPerformanceText(report: PerformanceReport, office: string): string {
  const months = monthsWithRecords(report);
  const lines = [`Kinerja publikasi ${office}, ${periodName(report)}`, '  Semua waktu adalah waktu kerja kantor (hari kerja, tanpa hari libur, zona waktu kantor).', ''];
  if (months.length === 0) return [...lines, 'Tidak ada PR yang digabung pada periode ini.'].join('\n');
  for (const month of months) {
    lines.push(`${month.name}: ${month.pulls} PR digabung`, '  Per tahap:');
    for (const row of month.stages) {
      lines.push(`  - ${row.name} (${row.flow}), mutu baku ${row.standard_text}: ${row.count} kali, median ${medianText(row)}, ${withinText(row)}${notPassed(row)}`);
    }
    lines.push('  Per peran:');
    for (const row of month.roles) lines.push(`  - ${row.name}: ${row.count} tahap, median ${medianText(row)}, ${roleWithinText(row)}`);
    for (const row of month.steps) lines.push(`  ${stepName(row)}: ${row.count} PR, median ${medianText(row)}, mutu baku ${row.standard_text}${row.standard_minutes === null ? '' : `, ${withinText(row)}`}`);
    lines.push('');
  }
  lines.push(report.overdue.length === 0 ? 'Terlambat: tidak ada tahap yang melewati mutu bakunya.' : 'Terlambat:');
  for (const row of report.overdue) {
    lines.push(`  - PR #${row.pr} "${row.title}" (${itemsOf(row)}), ${row.name}: ${formatMinutes(row.elapsed_minutes)}, mutu baku ${formatMinutes(row.standard_minutes)}, lewat ${formatMinutes(row.over_minutes)}`);
  }
  return lines.join('\n');
}

/** Markdown table cells: a pipe or line break in a title must not break the table, nor an @ in it ping anyone. */
const cell = (text: string | number) => escapeMarkdown(String(text)).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];

export function renderPerformanceMarkdown(report: PerformanceReport, office: string): string {
  const months = monthsWithRecords(report);
  const lines = [`## Kinerja publikasi ${office}, ${periodName(report)}`, '', 'Semua waktu adalah waktu kerja kantor: hari kerja, tanpa hari libur, dalam zona waktu kantor. Median: nilai tengah.', ''];
  if (months.length === 0) return [...lines, 'Tidak ada PR yang digabung pada periode ini.', ''].join('\n');
  for (const month of months) {
    lines.push(`### ${month.name}`, '', `${month.pulls} PR digabung.`, '');
    lines.push(...table(['Tahap', 'Alur', 'Mutu baku', 'Jumlah', 'Median', 'Dalam mutu baku'], month.stages.map((row) => [row.name, row.flow, row.standard_text, row.count, medianText(row), withinText(row) + notPassed(row)])), '');
    lines.push(...table(['Peran', 'Tahap disetujui', 'Median', 'Dalam mutu baku'], month.roles.map((row) => [row.name, row.count, medianText(row), roleWithinText(row)])), '');
    lines.push(...table(['Langkah', 'Jumlah PR', 'Median', 'Mutu baku', 'Dalam mutu baku'], month.steps.map((row) => [stepName(row), row.count, medianText(row), row.standard_text, withinText(row)])), '');
  }
  lines.push('### Tahap yang terlambat', '');
  if (report.overdue.length === 0) lines.push('Tidak ada tahap yang melewati mutu bakunya.', '');
  else {
    lines.push(
      ...table(
        ['PR', 'Item', 'Tahap', 'Lama', 'Mutu baku', 'Lewat'],
        report.overdue.map((row) => [`[#${row.pr}](${row.pr_url}) ${row.title}`, itemsOf(row), row.name, formatMinutes(row.elapsed_minutes), formatMinutes(row.standard_minutes), formatMinutes(row.over_minutes)]),
      ),
      '',
    );
  }
  return lines.join('\n');
}

export const PERFORMANCE_COLUMNS = [
  'Bulan',
  'Bagian',
  'Alur',
  'Id',
  'Nama',
  'Mutu baku (menit)',
  'Mutu baku',
  'Jumlah',
  'Lulus',
  'Median (menit)',
  'Diukur',
  'Tepat waktu',
  'Terlambat',
  'Tepat waktu (%)',
] as const;

/** One row per stage, role and step of each month; the overdue stages are in the register (`tayang laporan --format csv`, column Terlambat). */
export function renderPerformanceCsv(report: PerformanceReport): string {
  const figures = (row: Figures) => [row.count, row.passed, row.median_minutes, row.measured, row.within_standard, row.overdue, row.within_standard_percent];
  return toCsv([
    PERFORMANCE_COLUMNS,
    ...report.stages.map((row) => [row.month, 'tahap', row.flow, row.stage, row.name, row.standard_minutes, row.standard_text, ...figures(row)]),
    ...report.roles.map((row) => [row.month, 'peran', null, row.role, row.name, null, null, ...figures(row)]),
    ...report.steps.map((row) => [row.month, 'langkah', row.flow, row.step, row.name, row.standard_minutes, row.standard_text, ...figures(row)]),
  ]);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What one bar says, in words: the chart never relies on the bar's length or colour alone. */
export function barLabel(row: StageFigures): string {
  return `${row.name}: ${withinText(row)}`;
}

const WIDTH = 720;
const BAR = 16;
const MARGIN = 16;

/**
 * Bars of the share within standard, one per stage and month, each with its figure written beside
 * it; a stage without a standard gets an empty bar and the words "tanpa standar". Presentation
 * attributes only (no style attribute or element), so the site's Content-Security-Policy holds
 * wherever the file is shown.
 */
export function renderPerformanceSvg(report: PerformanceReport, office: string): string {
  const months = monthsWithRecords(report);
  const title = `Persentase tahap persetujuan yang lulus dalam mutu baku, ${office}, ${periodName(report)}`;
  const summary = months.length === 0 ? 'Tidak ada PR yang digabung pada periode ini.' : months.map((month) => `${month.name}: ${month.stages.map(barLabel).join('; ')}.`).join(' ');
  const desc = `Satu batang per tahap per bulan; panjang batang adalah persentase tahap yang lulus dalam mutu baku (waktu kerja kantor), dari 0 sampai 100 persen. ${summary}`;
  const body: string[] = [];
  let y = MARGIN;
  const track = WIDTH - 2 * MARGIN;
  for (const month of months) {
    y += 18;
    body.push(`<text x="${MARGIN}" y="${y}" font-size="15" font-weight="bold">${xml(`${month.name} (${month.pulls} usulan)`)}</text>`);
    y += 10;
    for (const row of month.stages) {
      y += 16;
      body.push(`<text x="${MARGIN}" y="${y}" font-size="13">${xml(barLabel(row))}</text>`);
      y += 6;
      const length = Math.round(((row.within_standard_percent ?? 0) / 100) * track);
      body.push(`<rect class="trek" x="${MARGIN}" y="${y}" width="${track}" height="${BAR}" fill="#e6e9ef" stroke="#5b6270" stroke-width="1"/>`);
      body.push(`<rect class="batang" x="${MARGIN}" y="${y}" width="${length}" height="${BAR}" fill="#1d4f91"><title>${xml(barLabel(row))}</title></rect>`);
      y += BAR + 6;
    }
  }
  if (months.length === 0) {
    y += 24;
    body.push(`<text x="${MARGIN}" y="${y}" font-size="13">Tidak ada PR yang digabung pada periode ini.</text>`);
  }
  const height = y + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="kinerja-judul kinerja-uraian" font-family="sans-serif" fill="#1b1b1b">`,
    `<title id="kinerja-judul">${xml(title)}</title>`,
    `<desc id="kinerja-uraian">${xml(desc)}</desc>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
