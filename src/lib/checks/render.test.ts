import { describe, expect, it } from 'vitest';
import type { Finding } from './finding.ts';
import { escapeData, escapeProperty, renderComment, renderGithub, renderJson, renderSarif, renderText } from './render.ts';
import { listRules, type CheckRun } from './run.ts';

const rules = listRules();
const findings: Finding[] = [
  { file: 'content/berita/a,b/index.md', line: 4, column: 25, rule: 'privacy/nik', severity: 'error', message: 'NIK 3313… tidak boleh: 100% data pribadi.\nBaris kedua', suggestion: 'samarkan: 3313**********01.' },
  { file: 'content/berita/a,b/index.md', line: 9, column: 1, rule: 'a11y/link-text', severity: 'warning', message: 'teks tautan "klik di sini" <b>kabur</b>, @budi.' },
];
const run: CheckRun = { files: ['content/berita/a,b/index.md', 'content/artikel/c/index.md'], findings, waived: [], readability: [{ file: 'content/artikel/c/index.md', text: 'Keterbacaan (panduan): 14 kata per kalimat.' }] };

describe('renderers', () => {
  it('writes exactly the JSON of DESIGN.md §4', () => {
    const json = JSON.parse(renderJson(run));
    expect(Object.keys(json)).toEqual(['files', 'findings']);
    expect(json.files).toBe(2);
    expect(Object.keys(json.findings[0])).toEqual(['file', 'line', 'column', 'rule', 'severity', 'message', 'suggestion']);
    expect(json.findings[1]).not.toHaveProperty('suggestion');
  });

  it('escapes GitHub workflow commands so a message cannot end the command or add properties', () => {
    const [first, second, notice] = renderGithub(run, rules).trimEnd().split('\n');
    expect(first).toBe(
      '::error file=content/berita/a%2Cb/index.md,line=4,col=25,title=privacy/nik%3A Nomor Induk Kependudukan (NIK)::NIK 3313… tidak boleh: 100%25 data pribadi.%0ABaris kedua%0ASaran: samarkan: 3313**********01.',
    );
    expect(second).toMatch(/^::warning file=.*,line=9,col=1,title=a11y\/link-text%3A /);
    expect(notice).toBe('::notice title=tayang periksa::2 berkas diperiksa: 1 galat, 1 peringatan.');
    expect(escapeData('a\r\nb%')).toBe('a%0D%0Ab%25');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('writes SARIF 2.1.0 with every rule, its help, and results pointing at rules and lines', () => {
    const sarif = JSON.parse(renderSarif(run, rules));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    const [only] = sarif.runs;
    const driverRules = only.tool.driver.rules as { id: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[];
    expect(driverRules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    for (const rule of driverRules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.help.text.length).toBeGreaterThan(40);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    expect(only.results).toHaveLength(2);
    for (const result of only.results) {
      expect(driverRules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note', 'none']).toContain(result.level);
      expect(result.message.text).not.toBe('');
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe('content/berita/a,b/index.md');
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('groups the terminal output by file with counts per category and readability', () => {
    const text = renderText(run);
    expect(text).toContain('content/berita/a,b/index.md\n  4:25     galat      privacy/nik\n');
    expect(text).toContain('    Saran: samarkan: 3313**********01.');
    expect(text).toContain('content/artikel/c/index.md\n  Keterbacaan (panduan): 14 kata per kalimat.');
    expect(text).toContain('2 berkas diperiksa: 1 galat, 1 peringatan.\nAksesibilitas: 1 · Data pribadi: 1');
  });

  it('writes the PR comment with counts per category, each fix, readability and the preview link', () => {
    const comment = renderComment(run, { previewUrl: 'https://github.com/k/s/actions/runs/5' });
    expect(comment).toContain('| Aksesibilitas | 0 | 1 |');
    expect(comment).toContain('| Data pribadi | 1 | 0 |');
    expect(comment).toContain('**Perbaikan:** samarkan: 3313**********01.');
    expect(comment).toContain('📖 Keterbacaan (panduan): 14 kata per kalimat.');
    expect(comment).toContain('(https://github.com/k/s/actions/runs/5)');
    // Author text cannot inject HTML or ping people.
    expect(comment).toContain('&lt;b&gt;kabur&lt;/b&gt;');
    expect(comment).not.toContain('@budi');
  });

  describe('a finding an item waives (periksa.abaikan)', () => {
    const waived = { file: 'content/data/penerima/index.md', line: 7, column: 1, rule: 'privacy/person-list', severity: 'error' as const, message: 'kolom `nama` berisi nama orang.', suggestion: 'terbitkan angka agregat.', reason: 'Daftar penerima <BLT> wajib diumumkan, @kades.' };
    const withWaiver: CheckRun = { ...run, files: [...run.files, waived.file], waived: [waived] };

    it('is reported as waived with its reason, in JSON under "waived" only when there is one', () => {
      const json = JSON.parse(renderJson(withWaiver));
      expect(Object.keys(json)).toEqual(['files', 'findings', 'waived']);
      expect(json.findings).toHaveLength(2);
      expect(json.waived).toEqual([{ ...waived }]);
      expect(renderText(withWaiver)).toContain('content/data/penerima/index.md\n  7:1      dikecualikan privacy/person-list\n    kolom `nama` berisi nama orang.\n    Saran: terbitkan angka agregat.\n    Alasan pengecualian: Daftar penerima <BLT> wajib diumumkan, @kades.\n');
      expect(renderText(withWaiver)).toContain('3 berkas diperiksa: 1 galat, 1 peringatan; 1 temuan dikecualikan (periksa.abaikan).');
    });

    it('shows the approvers the exception and its reason in the PR comment, as an annotation and as a suppressed SARIF result', () => {
      const comment = renderComment({ ...withWaiver, findings: [] });
      expect(comment).toContain('### ⚠️ Hasil pemeriksaan: tidak ada galat, tetapi ada pengecualian yang ikut disetujui');
      expect(comment).toContain('#### ⚠️ Pengecualian yang ikut disetujui');
      expect(comment).toContain('- `content/data/penerima/index.md` baris 7 · `privacy/person-list`<br>kolom `nama` berisi nama orang.<br>**Alasan:** Daftar penerima &lt;BLT&gt; wajib diumumkan, @\u200Bkades.');
      expect(renderGithub(withWaiver, rules)).toContain('::notice file=content/data/penerima/index.md,line=7,col=1,title=Dikecualikan%3A privacy/person-list%3A Daftar nama orang beserta data pengenalnya::kolom `nama` berisi nama orang.%0AAlasan pengecualian: Daftar penerima <BLT> wajib diumumkan, @kades.%0ASaran: terbitkan angka agregat.');
      const results = JSON.parse(renderSarif(withWaiver, rules)).runs[0].results;
      expect(results).toHaveLength(3);
      expect(results[2]).toMatchObject({ ruleId: 'privacy/person-list', suppressions: [{ kind: 'inSource', justification: waived.reason }] });
      expect(results[0]).not.toHaveProperty('suppressions');
    });
  });

  it('says so when there is nothing to fix', () => {
    expect(renderComment({ files: ['a.md'], findings: [], waived: [], readability: [] })).toContain('tidak ada temuan');
  });
});
