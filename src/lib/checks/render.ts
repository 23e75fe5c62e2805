import type { Problem } from '../errors/problem.ts';
import type { Finding } from './finding.ts';
import { CATEGORIES, categoryOf } from './registry.ts';
import type { RuleInfo } from './rule.ts';
import type { CheckRun } from './run.ts';
import { escapeMarkdown } from './escape.ts';

/**
 * One module for every way a check run is shown: the terminal, JSON (DESIGN.md §4), GitHub
 * workflow commands (annotations), SARIF 2.1.0 (code scanning) and the PR summary comment.
 */
export const FORMATS = ['teks', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

const SEVERITY_WORDS = { error: 'galat', warning: 'peringatan' } as const;

export function renderRun(format: Format, run: CheckRun, rules: readonly RuleInfo[]): string {
  switch (format) {
    case 'teks':
      return renderText(run);
    case 'json':
      return renderJson(run);
    case 'github':
      return renderGithub(run, rules);
    case 'sarif':
      return renderSarif(run, rules);
  }
}

/**
 * Exactly `{"files": N, "findings": [...]}`; `suggestion` only when there is one. Findings an
 * item waives follow in `"waived"`, each with its `reason`, only when there are any (readers of
 * the first contract see the same report as before).
 */
export function renderJson(run: CheckRun): string {
  const asJson = ({ file, line, column, rule, severity, message, suggestion }: Finding) => ({ file, line, column, rule, severity, message, ...(suggestion !== undefined ? { suggestion } : {}) });
  const waived = run.waived.map((finding) => ({ ...asJson(finding), reason: finding.reason }));
  return `${JSON.stringify({ files: run.files.length, findings: run.findings.map(asJson), ...(waived.length > 0 ? { waived } : {}) }, null, 2)}\n`;
}

export function renderText(run: CheckRun): string {
  const lines: string[] = [];
  const byFile = groupByFile(run.findings);
  const waivedByFile = groupByFile(run.waived);
  for (const file of run.files) {
    const findings = byFile.get(file) ?? [];
    const waived = waivedByFile.get(file) ?? [];
    const readability = run.readability.find((r) => r.file === file);
    if (findings.length === 0 && waived.length === 0 && readability === undefined) continue;
    lines.push(file);
    for (const f of findings) lines.push(...renderFindingLines(f));
    for (const f of waived) lines.push(...renderFindingLines(f, 'dikecualikan'), `    Alasan pengecualian: ${f.reason}`);
    if (readability) lines.push(`  ${readability.text}`);
    lines.push('');
  }
  lines.push(summaryLine(run));
  const counts = countByCategory(run.findings);
  if (counts.length > 0) lines.push(counts.map(([category, n]) => `${CATEGORIES[category] ?? category}: ${n}`).join(' · '));
  return `${lines.join('\n')}\n`;
}

/** One finding under its file in a terminal: place, severity (or that it is waived) and rule, then message and fix. */
export function renderFindingLines(f: Finding, label: string = SEVERITY_WORDS[f.severity]): string[] {
  const lines = [`  ${`${f.line}:${f.column}`.padEnd(8)} ${label.padEnd(10)} ${f.rule}`, `    ${f.message}`];
  if (f.suggestion) lines.push(`    Saran: ${f.suggestion}`);
  return lines;
}

export function summaryLine(run: CheckRun): string {
  const errors = run.findings.filter((f) => f.severity === 'error').length;
  const warnings = run.findings.length - errors;
  const waived = run.waived.length > 0 ? `; ${run.waived.length} temuan dikecualikan (periksa.abaikan)` : '';
  return `${run.files.length} berkas diperiksa: ${errors} galat, ${warnings} peringatan${waived}.`;
}

/**
 * GitHub workflow commands: one annotation per finding on the line of the file.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 * Escaping as @actions/core does it: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
export function renderGithub(run: CheckRun, rules: readonly RuleInfo[]): string {
  const titles = new Map(rules.map((rule) => [rule.id, rule.title]));
  const lines = run.findings.map((f) => renderAnnotation(f, `${f.rule}: ${titles.get(f.rule) ?? f.rule}`));
  // A waived finding stays on its line, as a notice the approvers see beside the text.
  for (const f of run.waived) lines.push(renderAnnotation({ ...f, message: `${f.message}\nAlasan pengecualian: ${f.reason}` }, `Dikecualikan: ${f.rule}: ${titles.get(f.rule) ?? f.rule}`, 'notice'));
  lines.push(`::notice title=tayang periksa::${escapeData(summaryLine(run))}`);
  return `${lines.join('\n')}\n`;
}

/** One finding as a workflow command, which GitHub shows as an annotation on the line. */
export function renderAnnotation(f: Finding, title: string, command: Finding['severity'] | 'notice' = f.severity): string {
  const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(title)}`].join(',');
  const message = f.suggestion ? `${f.message}\nSaran: ${f.suggestion}` : f.message;
  return `::${command} ${properties}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** SARIF 2.1.0 (OASIS), the format GitHub code scanning and editors read. */
export function renderSarif(run: CheckRun, rules: readonly RuleInfo[]): string {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tayang periksa',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[/_-](\w)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.help },
              help: { text: rule.help, markdown: rule.help },
              defaultConfiguration: { level: rule.severity },
              properties: { category: CATEGORIES[categoryOf(rule.id)] ?? categoryOf(rule.id) },
            })),
          },
        },
        // Columns count UTF-16 code units, as JavaScript strings and mdast do.
        columnKind: 'utf16CodeUnits',
        // A waived finding is a result suppressed in the source, with its justification (SARIF §3.35).
        results: [...run.findings, ...run.waived].map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: f.severity,
          message: { text: f.suggestion ? `${f.message} Saran: ${f.suggestion}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          ...('reason' in f ? { suppressions: [{ kind: 'inSource', justification: f.reason }] } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** The marker of the one summary comment on a PR (see src/lib/github/comments.ts). */
export const COMMENT_MARKER = 'periksa';

/** GitHub refuses comment bodies over 65 536 characters; leave room for the marker. */
const COMMENT_LIMIT = 60_000;

/** The PR summary comment: counts per category, each finding with its fix, readability, preview. */
export function renderComment(run: CheckRun, options: { previewUrl?: string; configWarnings?: readonly Problem[] } = {}): string {
  const errors = run.findings.filter((f) => f.severity === 'error').length;
  const head =
    errors > 0
      ? '### ❌ Hasil pemeriksaan: ada yang harus diperbaiki'
      : run.findings.length > 0
        ? '### ⚠️ Hasil pemeriksaan: ada saran perbaikan'
        : run.waived.length > 0
          ? '### ⚠️ Hasil pemeriksaan: tidak ada galat, tetapi ada pengecualian yang ikut disetujui'
          : '### ✅ Hasil pemeriksaan: tidak ada temuan';
  const out: string[] = [head, '', summaryLine(run), ''];
  const counts = countByCategory(run.findings);
  if (counts.length > 0) {
    out.push('| Kelompok | Galat | Peringatan |', '|---|---:|---:|');
    for (const [category] of counts) {
      const inCategory = run.findings.filter((f) => categoryOf(f.rule) === category);
      const e = inCategory.filter((f) => f.severity === 'error').length;
      out.push(`| ${CATEGORIES[category] ?? category} | ${e} | ${inCategory.length - e} |`);
    }
    out.push('');
  }
  // Before the details, so no truncation hides them: what the approvers approve along with the items.
  if (run.waived.length > 0) {
    out.push('#### ⚠️ Pengecualian yang ikut disetujui', '', 'Temuan berikut dibiarkan terbit oleh `periksa.abaikan` di naskahnya. Pejabat yang menyetujui pull request ini juga menyetujui pengecualian ini beserta alasannya; pengecualian itu dicatat di catatan persetujuan.', '');
    for (const f of run.waived) out.push(`- \`${f.file}\` baris ${f.line} · \`${f.rule}\`<br>${escapeMarkdown(f.message)}<br>**Alasan:** ${escapeMarkdown(f.reason)}`);
    out.push('');
  }
  // The office's, not this PR's: said on every PR until someone fixes the config.
  if (options.configWarnings && options.configWarnings.length > 0) {
    out.push('#### ⚠️ Konfigurasi kantor perlu diperbarui', '');
    for (const p of options.configWarnings) out.push(`- \`${p.file}\`${p.line === undefined ? '' : ` baris ${p.line}`} · \`${p.field ?? ''}\`<br>${escapeMarkdown(p.message)}${p.fix ? `<br>**Perbaikan:** ${escapeMarkdown(p.fix)}` : ''}`);
    out.push('');
  }
  if (options.previewUrl) out.push(`🔎 Pratinjau situs hasil build: [unduh artefak "pratinjau"](${options.previewUrl}) (buka \`index.html\` setelah diekstrak).`, '');
  const body: string[] = [];
  const byFile = groupByFile(run.findings);
  for (const file of run.files) {
    const findings = byFile.get(file) ?? [];
    const readability = run.readability.find((r) => r.file === file);
    if (findings.length === 0 && readability === undefined) continue;
    body.push(`#### \`${file}\``, '');
    if (readability) body.push(`📖 ${readability.text}`, '');
    for (const f of findings) {
      const fix = f.suggestion ? `<br>**Perbaikan:** ${escapeMarkdown(f.suggestion)}` : '';
      body.push(`- ${f.severity === 'error' ? '❌' : '⚠️'} baris ${f.line}, kolom ${f.column} · \`${f.rule}\`<br>${escapeMarkdown(f.message)}${fix}`);
    }
    body.push('');
  }
  // Findings from files outside `files` (e.g. merged from `tayang aksesibilitas`).
  for (const [file, findings] of byFile) {
    if (run.files.includes(file)) continue;
    body.push(`#### \`${file}\``, '');
    for (const f of findings) body.push(`- ${f.severity === 'error' ? '❌' : '⚠️'} \`${f.rule}\`<br>${escapeMarkdown(f.message)}${f.suggestion ? `<br>**Perbaikan:** ${escapeMarkdown(f.suggestion)}` : ''}`);
    body.push('');
  }
  let details = body.join('\n');
  if (details.length > COMMENT_LIMIT) {
    details = `${details.slice(0, COMMENT_LIMIT).replace(/\n[^\n]*$/, '')}\n\n_Daftar dipotong karena terlalu panjang; lihat anotasi pada tab "Files changed" atau jalankan \`npx tayang periksa --berubah\`._`;
  }
  if (details !== '') out.push('<details open><summary>Rincian temuan</summary>', '', details, '</details>', '');
  out.push('<sub>Dibuat oleh `tayang periksa`. Penjelasan setiap aturan: docs/aturan-periksa.md dan docs/aturan-bahasa.md. Komentar ini diperbarui pada setiap push.</sub>');
  return `${out.join('\n')}\n`;
}

function groupByFile<F extends Finding>(findings: readonly F[]): Map<string, F[]> {
  const map = new Map<string, F[]>();
  for (const f of findings) map.set(f.file, [...(map.get(f.file) ?? []), f]);
  return map;
}

function countByCategory(findings: readonly Finding[]): [string, number][] {
  return Object.keys(CATEGORIES)
    .map((category): [string, number] => [category, findings.filter((f) => categoryOf(f.rule) === category).length])
    .filter(([, n]) => n > 0);
}
