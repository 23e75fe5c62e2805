import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listRules } from '../../src/lib/checks/run.ts';

describe('docs/aturan-periksa.md', () => {
  const guide = readFileSync(new URL('../../docs/aturan-periksa.md', import.meta.url), 'utf8');

  it.each(listRules().map((rule) => [rule.id, rule.severity] as const))('documents %s with its default severity', (id, severity) => {
    const section = guide.split('\n### ').find((part) => part.includes(`\`${id}\``));
    expect(section, `${id} is not documented`).toBeDefined();
    expect(section).toContain(severity === 'error' ? 'galat' : 'peringatan');
  });

  it('links the language rules guide', () => {
    expect(guide).toContain('(aturan-bahasa.md)');
  });
});
