import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../approval/types.ts';
import type { Config } from '../config/schema.ts';
import { lastMonths, parsePeriod, parseReportPeriod, performanceReport, previousMonth, type PerformanceReport } from './performance.ts';
import { PERFORMANCE_COLUMNS, renderPerformanceCsv, renderPerformanceMarkdown, renderPerformanceSvg, renderPerformanceText } from './performance-render.ts';
import { recordMergedPull, type ApprovalRecord } from './record.ts';
import { mergedSnapshot, NEWS, testConfig } from './testing.ts';

// A fixture history in the test office (testing.ts: working days Monday–Friday 08.00–16.00 WIB;
// Verifikasi Kasubbag 1 jam, Pemeriksaan Pimpinan 30 menit, Persetujuan Kepala tentatif), with
// Monday 17 March 2025 declared a holiday, and publication (penayangan) within 10 minutes of the
// last approval. Every figure below is worked out by hand in the comments.

function officeConfig(): Config {
  const config = testConfig();
  config.jam_kerja.libur = ['2025-03-17'];
  // Publication within 10 minutes of the last approval.
  config.alur[0]!.mutu_baku = { penayangan: { minutes: 10 } };
  return config;
}

const wib = (day: string, hhmm: string) => `2025-${day}T${hhmm}:00+07:00`;

function merged(number: number, opened: string, reviews: { login: string; at: string }[], mergedAt: string, files = [NEWS]): ApprovalRecord {
  const snapshot = mergedSnapshot({
    number,
    author: 'penulis',
    opened,
    merged: mergedAt,
    files,
    reviews: reviews.map((review) => ({ ...review, state: 'APPROVED' })),
    teams: { 'kantor/sekretariat': ['sekretaris-b'] },
  });
  const result = recordMergedPull({ config: officeConfig(), snapshot: SnapshotSchema.parse(snapshot), titles: new Map([['content/berita/rapat-pleno', 'Rapat Pleno']]), source: 'uji' });
  if (!result.ok || !result.value) throw new Error('no record');
  return result.value;
}

const history = [
  // Opened Friday 15.30. Kasubbag Monday 08.20: 30 (Friday until 16.00) + 20 = 50 min, within 60.
  // Ketua Divisi 08.40: 20 min, within 30. Published 5 min later; opened → merged 08.45: 30 + 45 = 75 min.
  merged(1, wib('03-07', '15:30'), [{ login: 'kasubbag-a', at: wib('03-10', '08:20') }, { login: 'ketua-divisi', at: wib('03-10', '08:40') }], wib('03-10', '08:45')),
  // Opened Friday 14 March 15.00. Kasubbag Tuesday 18 March 08.30, across the weekend and the
  // Monday holiday: 60 + 30 = 90 min, 30 past 60. Ketua Divisi 09.10: 40 min, 10 past 30.
  // Published 5 min later; opened → merged 09.15: 60 + 75 = 135 min.
  merged(2, wib('03-14', '15:00'), [{ login: 'kasubbag-a', at: wib('03-18', '08:30') }, { login: 'ketua-divisi', at: wib('03-18', '09:10') }], wib('03-18', '09:15')),
  // Wednesday 19 March, a news item and a site file: Kasubbag 09.40 (40 min), the Sekretaris (a
  // member of the team) 10.00 (20 min), and the Kepala's tentatif stage from the opening: 10.05,
  // 65 min. Published 10 min after the Sekretaris, 5 after the Kepala; opened → merged 10.10: 70 min.
  merged(
    3,
    wib('03-19', '09:00'),
    [{ login: 'kasubbag-a', at: wib('03-19', '09:40') }, { login: 'sekretaris-b', at: wib('03-19', '10:00') }, { login: 'kepala', at: wib('03-19', '10:05') }],
    wib('03-19', '10:10'),
    [NEWS, 'src/pages/index.astro'],
  ),
  // April: Tuesday 1 April, Kasubbag 08.30 (30 min), Ketua Divisi 08.45 (15 min), merged 09.00:
  // published 15 min after the last approval (late), 60 min after the opening.
  merged(4, wib('04-01', '08:00'), [{ login: 'kasubbag-a', at: wib('04-01', '08:30') }, { login: 'ketua-divisi', at: wib('04-01', '08:45') }], wib('04-01', '09:00')),
];

const pick = <T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[]) => rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])));

describe('performanceReport', () => {
  const march = performanceReport(history, officeConfig(), { from: '2025-03', to: '2025-03' });

  it('gives each stage its count, median and share within its standard, across a weekend and a holiday', () => {
    expect(pick(march.stages, ['month', 'stage', 'count', 'median_minutes', 'measured', 'within_standard', 'overdue', 'within_standard_percent', 'standard_minutes'])).toEqual([
      // 40, 50, 90 → median 50; 50 and 40 within 60, 90 not.
      { month: '2025-03', stage: 'verifikasi', count: 3, median_minutes: 50, measured: 3, within_standard: 2, overdue: 1, within_standard_percent: 66.7, standard_minutes: 60 },
      // 20, 20, 40 → median 20; 40 is past 30.
      { month: '2025-03', stage: 'pemeriksaan', count: 3, median_minutes: 20, measured: 3, within_standard: 2, overdue: 1, within_standard_percent: 66.7, standard_minutes: 30 },
      // Tentatif: a time, but no share ("tanpa standar").
      { month: '2025-03', stage: 'kepala', count: 1, median_minutes: 65, measured: 0, within_standard: 0, overdue: 0, within_standard_percent: null, standard_minutes: null },
    ]);
  });

  it('gives each role the stages its officials passed, a stage two roles may pass counted for the one that signed', () => {
    expect(pick(march.roles, ['role', 'count', 'median_minutes', 'within_standard', 'measured', 'within_standard_percent'])).toEqual([
      { role: 'kasubbag', count: 3, median_minutes: 50, within_standard: 2, measured: 3, within_standard_percent: 66.7 },
      // 20 and 40: the median of an even count is the mean of the middle two, 30.
      { role: 'ketua-divisi', count: 2, median_minutes: 30, within_standard: 1, measured: 2, within_standard_percent: 50 },
      { role: 'sekretaris', count: 1, median_minutes: 20, within_standard: 1, measured: 1, within_standard_percent: 100 },
      { role: 'kepala', count: 1, median_minutes: 65, within_standard: 0, measured: 0, within_standard_percent: null },
    ]);
  });

  it('measures publication from the flow\'s last approval against its penayangan standard, and the whole way from the PR\'s opening', () => {
    expect(pick(march.steps, ['step', 'flow', 'count', 'median_minutes', 'within_standard', 'measured', 'standard_minutes'])).toEqual([
      // 5, 5, 10: all within 10 (late means more than the standard).
      { step: 'penayangan', flow: 'publikasi', count: 3, median_minutes: 5, within_standard: 3, measured: 3, standard_minutes: 10 },
      { step: 'penayangan', flow: 'sistem', count: 1, median_minutes: 5, within_standard: 0, measured: 0, standard_minutes: null },
      // 70, 75, 135 → median 75.
      { step: 'terbit', flow: null, count: 3, median_minutes: 75, within_standard: 0, measured: 0, standard_minutes: null },
    ]);
    const april = performanceReport(history, officeConfig(), { from: '2025-04', to: '2025-04' });
    expect(pick(april.steps, ['step', 'median_minutes', 'within_standard_percent'])).toEqual([
      { step: 'penayangan', median_minutes: 15, within_standard_percent: 0 },
      { step: 'terbit', median_minutes: 60, within_standard_percent: null },
    ]);
  });

  it('measures drafting from each request the PR names, as tayang catat recorded it, against its penyusunan standard', () => {
    // The drafting minutes are catat's (content/request.ts, test/content/dari-issue.test.ts); here
    // they are counted: 300 past 240, 120 within it → median 210, one of two within.
    const request = (issue: number, minutes: number) => ({ issue, url: `https://github.com/kantor/situs/issues/${issue}`, requested_at: wib('03-06', '09:00'), drafting_minutes: minutes, standard_minutes: 240, standard_text: '4 jam', overdue: minutes > 240 });
    const drafted = [{ ...history[0]!, drafting: [request(7, 300)] }, { ...history[1]!, drafting: [request(8, 120)] }, history[2]!];
    const report = performanceReport(drafted, officeConfig(), { from: '2025-03', to: '2025-03' });
    expect(pick(report.steps, ['step', 'count', 'median_minutes', 'within_standard', 'measured', 'within_standard_percent', 'standard_text'])[0]).toEqual({
      step: 'penyusunan', count: 2, median_minutes: 210, within_standard: 1, measured: 2, within_standard_percent: 50, standard_text: '4 jam',
    });
    expect(report.steps.map((row) => row.step)).toEqual(['penyusunan', 'penayangan', 'penayangan', 'terbit']);
  });

  it('lists every stage that passed late with its PR, items and how far past the standard', () => {
    expect(march.overdue).toEqual([
      { month: '2025-03', pr: 2, pr_url: 'https://github.com/kantor/situs/pull/2', title: 'Berita: Musrenbang kecamatan 2025', items: [{ folder: 'content/berita/rapat-pleno', title: 'Rapat Pleno' }], flow: 'publikasi', stage: 'verifikasi', name: 'Verifikasi Kasubbag', elapsed_minutes: 90, standard_minutes: 60, over_minutes: 30 },
      { month: '2025-03', pr: 2, pr_url: 'https://github.com/kantor/situs/pull/2', title: 'Berita: Musrenbang kecamatan 2025', items: [{ folder: 'content/berita/rapat-pleno', title: 'Rapat Pleno' }], flow: 'publikasi', stage: 'pemeriksaan', name: 'Pemeriksaan Pimpinan', elapsed_minutes: 40, standard_minutes: 30, over_minutes: 10 },
    ]);
  });

  it('keeps to the period asked for, month by month, and covers every record\'s month without one', () => {
    expect(march.pulls).toBe(3);
    const all = performanceReport(history, officeConfig());
    expect(all.period).toEqual({ from: '2025-03', to: '2025-04' });
    expect(all.months).toEqual(['2025-03', '2025-04']);
    expect(pick(all.stages.filter((row) => row.month === '2025-04'), ['stage', 'count', 'median_minutes', 'within_standard_percent'])).toEqual([
      { stage: 'verifikasi', count: 1, median_minutes: 30, within_standard_percent: 100 },
      { stage: 'pemeriksaan', count: 1, median_minutes: 15, within_standard_percent: 100 },
    ]);
    expect(performanceReport(history, officeConfig(), { from: '2025-05', to: '2025-06' })).toMatchObject({ pulls: 0, months: ['2025-05', '2025-06'], stages: [], overdue: [] });
    expect(performanceReport([], officeConfig())).toMatchObject({ period: null, pulls: 0 });
  });
});

describe('periods', () => {
  it('reads one month or a range, and refuses anything else', () => {
    expect(parsePeriod('2026-03')).toEqual({ from: '2026-03', to: '2026-03' });
    expect(parsePeriod('2026-01..2026-03')).toEqual({ from: '2026-01', to: '2026-03' });
    expect(parseReportPeriod('bulan-lalu', new Date('2026-03-15T03:00:00Z'), 'Asia/Jakarta')).toEqual({ from: '2026-02', to: '2026-02' });
    expect(parseReportPeriod('Maret', new Date(), 'Asia/Jakarta')).toBeNull();
    for (const bad of ['2026-3', '2026-13', 'Maret', '2026-03..2026-01', '2026-01..2026-02..2026-03', '']) expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it('takes the month before on the office\'s clock, across a year', () => {
    // 1 January 2026 at 01.00 WIB is still 31 December in UTC.
    expect(previousMonth(new Date('2025-12-31T18:00:00Z'), 'Asia/Jakarta')).toEqual({ from: '2025-12', to: '2025-12' });
    expect(previousMonth(new Date('2026-03-15T03:00:00Z'), 'Asia/Jakarta')).toEqual({ from: '2026-02', to: '2026-02' });
    expect(lastMonths(new Date('2025-12-31T18:00:00Z'), 'Asia/Jakarta', 12)).toEqual({ from: '2025-02', to: '2026-01' });
  });
});

describe('performance report forms', () => {
  const report: PerformanceReport = performanceReport(history, officeConfig());

  it('text and Markdown name each stage with its median and share, "tanpa standar" for a tentatif one, and the late stages', () => {
    const text = renderPerformanceText(report, 'Kantor Uji');
    expect(text).toContain('Kinerja publikasi Kantor Uji, Maret 2025 – April 2025');
    expect(text).toContain('  - Verifikasi Kasubbag (publikasi), mutu baku 1 jam: 3 kali, median 50 menit, 2 dari 3 tepat waktu (66,7%)');
    expect(text).toContain('  - Persetujuan Kepala (sistem), mutu baku tentatif: 1 kali, median 1 jam 5 menit, tanpa standar');
    expect(text).toContain('  Penayangan (dari persetujuan terakhir sampai terbit), alur publikasi: 3 PR, median 5 menit, mutu baku 10 menit, 3 dari 3 tepat waktu (100%)');
    expect(text).toContain('  Seluruh proses (dari usulan diajukan sampai terbit): 3 PR, median 1 jam 15 menit, mutu baku tidak ditetapkan');
    expect(text).toContain('  - PR #2 "Berita: Musrenbang kecamatan 2025" (content/berita/rapat-pleno), Verifikasi Kasubbag: 1 jam 30 menit, mutu baku 1 jam, lewat 30 menit');
    const markdown = renderPerformanceMarkdown(report, 'Kantor Uji');
    expect(markdown).toContain('### Maret 2025');
    expect(markdown).toContain('| Tahap | Alur | Mutu baku | Jumlah | Median | Dalam mutu baku |');
    expect(markdown).toContain('| Pemeriksaan Pimpinan | publikasi | 30 menit | 3 | 20 menit | 2 dari 3 tepat waktu (66,7%) |');
    expect(markdown).toContain('| Ketua Divisi | 2 | 30 menit | 1 dari 2 tepat waktu (50%) |');
    expect(markdown).toContain('| [#2](https://github.com/kantor/situs/pull/2) Berita: Musrenbang kecamatan 2025 | content/berita/rapat-pleno | Pemeriksaan Pimpinan | 40 menit | 30 menit | 10 menit |');
  });

  it('Markdown keeps a PR title from breaking its table or mentioning anyone', () => {
    const [late] = report.overdue;
    const markdown = renderPerformanceMarkdown({ ...report, overdue: [{ ...late!, title: 'Rapat | @kantor/semua <b>' }] }, 'Kantor Uji');
    expect(markdown).toContain('| [#2](https://github.com/kantor/situs/pull/2) Rapat \\| @\u200Bkantor/semua &lt;b&gt; |');
  });

  it('CSV has its header and one row per stage, role and step of each month', () => {
    const lines = renderPerformanceCsv(report).split('\r\n');
    expect(lines[0]).toBe(PERFORMANCE_COLUMNS.join(','));
    expect(lines[0]).toBe('Bulan,Bagian,Alur,Id,Nama,Mutu baku (menit),Mutu baku,Jumlah,Lulus,Median (menit),Diukur,Tepat waktu,Terlambat,Tepat waktu (%)');
    expect(lines).toContain('2025-03,tahap,publikasi,verifikasi,Verifikasi Kasubbag,60,1 jam,3,3,50,3,2,1,66.7');
    expect(lines).toContain('2025-03,tahap,sistem,kepala,Persetujuan Kepala,,tentatif,1,1,65,0,0,0,');
    expect(lines).toContain('2025-03,peran,,ketua-divisi,Ketua Divisi,,,2,2,30,2,1,1,50');
    expect(lines).toContain('2025-04,langkah,publikasi,penayangan,Penayangan (dari persetujuan terakhir sampai terbit),10,10 menit,1,1,15,1,0,1,0');
    expect(lines).toContain('2025-04,langkah,,terbit,Seluruh proses (dari usulan diajukan sampai terbit),,tidak ditetapkan,1,1,60,0,0,0,');
    // 3 + 2 stage rows, 4 + 2 role rows, 3 + 2 step rows, the header and the final line break.
    expect(lines).toHaveLength(1 + 5 + 6 + 5 + 1);
  });

  it('JSON is the report as data', () => {
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['period', 'months', 'pulls', 'stages', 'roles', 'steps', 'overdue']);
  });

  it('SVG has a title and a description, one bar per stage and month, and every bar\'s figure in words', () => {
    const svg = renderPerformanceSvg(report, 'Kantor Uji');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="kinerja-judul kinerja-uraian"/);
    expect(svg).toContain('<title id="kinerja-judul">Persentase tahap persetujuan yang lulus dalam mutu baku, Kantor Uji, Maret 2025 – April 2025</title>');
    expect(svg).toMatch(/<desc id="kinerja-uraian">Satu batang per tahap per bulan;[^<]*Maret 2025: Verifikasi Kasubbag: 2 dari 3 tepat waktu \(66,7%\);/);
    expect(svg.match(/<rect class="batang"/g)).toHaveLength(report.stages.length);
    expect(report.stages).toHaveLength(5);
    expect(svg).toContain('<text x="16" y="');
    expect(svg).toContain('>Persetujuan Kepala: tanpa standar</text>');
    // 66.7% of the 688-pixel track.
    expect(svg).toContain('width="459" height="16" fill="#1d4f91"><title>Verifikasi Kasubbag: 2 dari 3 tepat waktu (66,7%)</title>');
    expect(svg).not.toMatch(/style=|<style|<script/);
  });
});
