import type { Finding } from '../checks/finding.ts';
import type { BuiltSiteReport } from './index.ts';

export const FORMATS = ['teks', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function renderReport(report: BuiltSiteReport, format: Format): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'github') return report.findings.map(renderGithubCommand).join('');
  return renderText(report);
}

/** Readable in a terminal: grouped by file, then the totals. */
function renderText(report: BuiltSiteReport): string {
  const byFile = Map.groupBy(report.findings, (finding) => finding.file);
  const blocks = [...byFile].map(([file, findings]) => {
    const lines = findings.map((f) => {
      const fix = f.suggestion ? `\n      Perbaikan: ${f.suggestion}` : '';
      return `  ${f.line}:${f.column}  ${f.severity === 'error' ? 'galat' : 'peringatan'}  ${f.message} [${f.rule}]${fix}`;
    });
    return `${file}\n${lines.join('\n')}`;
  });
  return `${[...blocks, summary(report)].join('\n\n')}\n`;
}

function summary(report: BuiltSiteReport): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  if (report.files === 0) return 'Tidak ada halaman yang perlu diperiksa.';
  return `${report.files} halaman diperiksa (pa11y: axe dan HTML_CodeSniffer, WCAG 2.2 AA): ${errors} galat, ${warnings} peringatan.`;
}

/** A GitHub Actions workflow command, which becomes an annotation on the pull request. */
function renderGithubCommand(finding: Finding): string {
  const level = finding.severity === 'error' ? 'error' : 'warning';
  const properties = Object.entries({ file: finding.file, line: finding.line, col: finding.column, title: finding.rule })
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  const text = finding.suggestion ? `${finding.message}\nPerbaikan: ${finding.suggestion}` : finding.message;
  return `::${level} ${properties}::${escapeData(text)}\n`;
}

// Escaping as in @actions/core's command.ts (toCommandValue / escapeData / escapeProperty).
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
