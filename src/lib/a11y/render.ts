import { renderAnnotation, renderFindingLines } from '../checks/render.ts';
import type { BuiltSiteReport } from './index.ts';

export const FORMATS = ['teks', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function renderReport(report: BuiltSiteReport, format: Format): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'github') return report.findings.map((finding) => `${renderAnnotation(finding, finding.rule)}\n`).join('');
  return renderText(report);
}

/** Readable in a terminal, laid out like `tayang periksa`: grouped by file, then the totals. */
function renderText(report: BuiltSiteReport): string {
  const lines: string[] = [];
  for (const [file, findings] of Map.groupBy(report.findings, (finding) => finding.file)) {
    lines.push(file);
    for (const f of findings) lines.push(...renderFindingLines(f));
    lines.push('');
  }
  lines.push(summary(report));
  return `${lines.join('\n')}\n`;
}

function summary(report: BuiltSiteReport): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  if (report.files === 0) return 'Tidak ada halaman yang perlu diperiksa.';
  return `${report.files} halaman diperiksa (pa11y: axe dan HTML_CodeSniffer, WCAG 2.2 AA): ${errors} galat, ${warnings} peringatan.`;
}
