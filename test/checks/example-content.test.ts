import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONFIG, makeSite, tayang } from './site.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** DESIGN.md §4, exactly: no other keys, `suggestion` only where there is one. */
const ReportSchema = z.strictObject({
  files: z.number().int().min(0),
  findings: z.array(
    z.strictObject({
      file: z.string().regex(/^[^/].*\.mdx?$/),
      line: z.number().int().min(1),
      column: z.number().int().min(1),
      rule: z.string().regex(/^(language|a11y|privacy|schema|security|news)\/[a-z0-9][a-z0-9/_-]*$/),
      severity: z.enum(['error', 'warning']),
      message: z.string().min(1),
      suggestion: z.string().min(1).optional(),
    }),
  ),
});
const KEYS = ['file', 'line', 'column', 'rule', 'severity', 'message'];

function contentItems(): number {
  const root = `${REPO}content`;
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((jenis) => readdirSync(`${root}/${jenis.name}`, { withFileTypes: true }).filter((item) => item.isDirectory() && readdirSync(`${root}/${jenis.name}/${item.name}`).includes('index.md'))).length;
}

describe('the example office passes its own checks', () => {
  it('tayang periksa over the whole example content/ exits 0 without a single error', async () => {
    const result = await tayang(REPO, ['periksa', '--format', 'json']);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.files).toBe(contentItems());
    expect(report.files).toBeGreaterThanOrEqual(15);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe('JSON output of tayang periksa (DESIGN.md §4)', () => {
  let root: string;
  beforeAll(async () => {
    const item = `---
judul: Pelayanan Ijin Keramaian Dibuka
tanggal: 2026-03-02
ringkasan: Kantor kecamatan membuka layanan izin keramaian setiap hari kerja.
penulis: Admin Website
---

Kantor kecamatan membuka layanan izin keramaian. Penerima: Sutarmi (NIK 3313014506800001).
`;
    ({ root } = await makeSite({ 'tayang.config.yml': CONFIG, 'content/artikel/izin/index.md': item }));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('has exactly the keys of the contract, in its order, and findings from the frontmatter and the body', async () => {
    const result = await tayang(root, ['periksa', '--format', 'json']);
    const json = JSON.parse(result.stdout) as { findings: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['files', 'findings']);
    const report = ReportSchema.parse(json);
    expect(report.files).toBe(1);
    for (const finding of json.findings) expect(Object.keys(finding)).toEqual('suggestion' in finding ? [...KEYS, 'suggestion'] : KEYS);
    expect(report.findings).toMatchObject([
      { file: 'content/artikel/izin/index.md', line: 2, column: 18, rule: 'language/standard-word', severity: 'error', suggestion: 'Izin' },
      { file: 'content/artikel/izin/index.md', line: 8, rule: 'privacy/nik', severity: 'error' },
    ]);
    expect(result.code).toBe(1);
  });
});
