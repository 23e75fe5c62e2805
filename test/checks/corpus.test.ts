import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { memoryEnv, runAll } from '../../src/lib/checks/testing.ts';

/**
 * Realistic office texts, written for these tests: `benar/` must give no finding at all from the
 * non-language rules (names, legal citations, budgets, register numbers, the office's own
 * contacts); `salah/` gives exactly the findings listed in its `.expected.yml` (rule@line).
 * A file `<jenis>--<slug>.md` is checked as content/<jenis>/<slug>/index.md; `<jenis>--<slug>.<name>`
 * files sit beside it as <name>.
 */
const dir = new URL('./corpus/', import.meta.url);
const office = { officePhones: ['(0271) 123456'], officeEmails: ['kecamatan.jenawi@gmail.com'] };

function load(folder: string) {
  const names = readdirSync(new URL(`${folder}/`, dir));
  return names
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const stem = name.slice(0, -3);
      const [jenis, slug] = stem.split('--') as [string, string];
      const itemDir = `content/${jenis}/${slug}`;
      const files: Record<string, string> = {};
      for (const other of names.filter((n) => n.startsWith(`${stem}.`) && !n.endsWith('.expected.yml') && n !== name)) {
        files[`${itemDir}/${other.slice(stem.length + 1)}`] = readFileSync(new URL(`${folder}/${other}`, dir), 'utf8');
      }
      const expectedName = `${stem}.expected.yml`;
      const expected = names.includes(expectedName) ? (parse(readFileSync(new URL(`${folder}/${expectedName}`, dir), 'utf8')) as string[]) : [];
      return { name, file: `${itemDir}/index.md`, text: readFileSync(new URL(`${folder}/${name}`, dir), 'utf8'), files, expected };
    });
}

describe('corpus: correct official prose', () => {
  it.each(load('benar').map((c) => [c.name, c] as const))('%s raises no alarm', async (_, c) => {
    const findings = await runAll(c.text, { file: c.file, env: memoryEnv(c.files, office) });
    expect(findings.map((f) => `${f.rule}@${f.line}: ${f.message}`)).toEqual([]);
  });
});

describe('corpus: texts with the mistakes offices really make', () => {
  it.each(load('salah').map((c) => [c.name, c] as const))('%s gives exactly the expected findings', async (_, c) => {
    const findings = await runAll(c.text, { file: c.file, env: memoryEnv(c.files, office) });
    expect(findings.map((f) => `${f.rule}@${f.line}`).sort()).toEqual([...c.expected].sort());
    for (const finding of findings) expect(finding.message.length).toBeGreaterThan(30);
  });
});
