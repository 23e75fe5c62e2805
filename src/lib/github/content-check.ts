import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CheckReportSchema, type CheckReport } from '../checks/report-schema.ts';
import { validateJson, type Validated } from '../errors/validate.ts';

/**
 * The content checks behind the one required verdict (issue 8). `tayang periksa` runs with the
 * BASE branch's code over the PR's files as data (nothing from the PR is installed or executed)
 * in a job that holds no secret; its JSON report, with the commit it checked, is handed to
 * `tayang persetujuan --pr N --periksa FILE`. A report for another commit than the head being
 * evaluated is no report at all: the verdict waits.
 */
export const ContentReportSchema = CheckReportSchema.extend({
  /** The PR head commit the files were read from. */
  sha: z.string({ error: 'harus SHA commit yang diperiksa (commit terbaru PR).' }).min(1, { error: 'harus SHA commit yang diperiksa (commit terbaru PR).' }),
});

export type ContentReport = z.output<typeof ContentReportSchema>;

/** Where the content checks stand for the head commit being evaluated. */
export type ContentCheckState =
  | { state: 'passed'; warnings: number }
  | { state: 'failed'; errors: CheckReport['findings']; warnings: number }
  /** No report, or one for another commit: the checks of this head have not reached us. */
  | { state: 'missing'; reportSha?: string };

export function contentCheckState(report: ContentReport | undefined, headSha: string): ContentCheckState {
  if (!report) return { state: 'missing' };
  if (report.sha !== headSha) return { state: 'missing', reportSha: report.sha };
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const warnings = report.findings.length - errors.length;
  return errors.length > 0 ? { state: 'failed', errors, warnings } : { state: 'passed', warnings };
}

/** One Indonesian sentence per state, for the check run, the PR comment and the CLI. */
export function describeContentCheck(check: ContentCheckState): string {
  switch (check.state) {
    case 'passed':
      return check.warnings > 0 ? `Pemeriksaan naskah lulus (${check.warnings} peringatan; lihat komentar "Periksa").` : 'Pemeriksaan naskah lulus tanpa temuan.';
    case 'failed': {
      const first = check.errors.slice(0, 5).map((f) => `${f.file}:${f.line} ${f.rule}`).join('; ');
      const more = check.errors.length > 5 ? `; dan ${check.errors.length - 5} lagi` : '';
      return `Pemeriksaan naskah menemukan ${check.errors.length} kesalahan yang harus diperbaiki sebelum terbit (${first}${more}).`;
    }
    case 'missing':
      return check.reportSha
        ? `Pemeriksaan naskah belum selesai untuk commit terbaru (laporan yang ada untuk commit ${check.reportSha.slice(0, 7)}).`
        : 'Pemeriksaan naskah untuk commit ini belum ada: persetujuan baru berlaku setelah naskahnya diperiksa.';
  }
}

export async function loadContentReport(file: string): Promise<Validated<ContentReport>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file, message: `laporan pemeriksaan naskah tidak bisa dibaca (${(error as Error).message}).`, fix: 'periksa path yang diberikan ke --periksa (laporan JSON `tayang periksa` dengan kolom "sha").' }] };
  }
  return validateJson(ContentReportSchema, text, file, 'Laporan berisi keluaran `tayang periksa --format json` ditambah kolom "sha": {"sha": …, "files": N, "findings": […]}.');
}
