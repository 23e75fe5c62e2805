/**
 * `tayang periksa` on a repository of N items: `--berubah` after one item changed (it must check
 * that item only, whatever the site's size) against a check of every item; then, in one process,
 * the cost per document of the language checks and of the other rules, with the Hunspell
 * dictionary's one-time load measured apart.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, type Corpus } from './corpus.ts';
import { measure, median, percentile, projectEnv, type Measurement } from './measure.ts';

export interface PeriksaRun {
  items: number;
  mode: string;
  files: number;
  findings: number;
  /** Medians over RUNS runs. */
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

/** Each command runs this many times (the median is kept): a run takes seconds, and the machine is shared. */
const RUNS = 3;

export interface DocumentTimes {
  items: number;
  dictionaryLoadMs: number;
  language: Spread;
  otherRules: Spread;
  /** Words of every checked file (frontmatter and text), over the time of all checks on them. */
  wordsPerSecond: number;
}

/** Milliseconds per document. */
export interface Spread {
  median: number;
  p95: number;
  mean: number;
}

/** Commits the corpus on main, then changes one news item on a branch, as an author's PR would. */
async function makeChange(dir: string): Promise<void> {
  commitCorpus(dir);
  await changeOneNews(dir);
}

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: dir, stdio: 'pipe' });

/** The corpus as the office's main branch: one commit. */
export function commitCorpus(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'corpus');
}

/** A branch off main that adds a sentence to the first news item; its index.md is returned. */
export async function changeOneNews(dir: string): Promise<string> {
  git(dir, 'checkout', '-q', '-b', 'ubah-satu-berita');
  const slug = (await readdir(join(dir, 'content', 'berita'))).sort()[0]!;
  const file = join('content', 'berita', slug, 'index.md');
  await appendFile(join(dir, file), '\nPemerintah desa mengucapkan terima kasih kepada semua warga yang ikut serta.\n');
  git(dir, 'commit', '-q', '-am', 'ubah satu berita');
  return file;
}

async function runPeriksa(corpus: Corpus, items: number, mode: string, args: string[]): Promise<PeriksaRun> {
  const results: Measurement[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await measure('node', ['scripts/tayang.ts', 'periksa', '--format', 'json', ...args], { cwd: corpus.tayangDir, env: projectEnv(REPO_ROOT) });
    if (result.exitCode === 2) throw new Error(`tayang periksa ${args.join(' ')} failed:\n${result.stderr.slice(-3000)}`);
    results.push(result);
  }
  const report = JSON.parse(results[0]!.stdout) as { files: number; findings: unknown[] };
  return {
    items,
    mode,
    files: report.files,
    findings: report.findings.length,
    seconds: median(results.map((r) => r.seconds)),
    cpuSeconds: median(results.map((r) => r.cpuSeconds)),
    peakRssMb: median(results.map((r) => r.peakRssMb)),
  };
}

export async function benchPeriksaCommand(corpus: Corpus, items: number): Promise<PeriksaRun[]> {
  await makeChange(corpus.tayangDir);
  return [
    await runPeriksa(corpus, items, '`tayang periksa --berubah` (1 item changed)', ['--berubah']),
    await runPeriksa(corpus, items, '`tayang periksa` (every item)', []),
  ];
}

export function spread(values: readonly number[]): Spread {
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { median: round(median(values)), p95: round(percentile(values, 0.95)), mean: round(values.reduce((a, b) => a + b, 0) / values.length) };
}

/**
 * Times the checks document by document with the corpus's own copy of the code (the commit the
 * command above ran). The working directory moves into the corpus while it runs: the checks read
 * an item's files relative to it.
 */
export async function benchDocuments(corpus: Corpus, items: number): Promise<DocumentTimes> {
  const load = <T>(path: string) => import(pathToFileURL(join(corpus.tayangDir, path)).href) as Promise<T>;
  const { loadDictionary } = await load<typeof import('../src/lib/checks/language/dictionary.ts')>('src/lib/checks/language/dictionary.ts');
  const language = await load<typeof import('../src/lib/checks/language/index.ts')>('src/lib/checks/language/index.ts');
  const { checkDocument, listRules, resolveSettings } = await load<typeof import('../src/lib/checks/run.ts')>('src/lib/checks/run.ts');
  const { parseCheckDocument } = await load<typeof import('../src/lib/checks/document.ts')>('src/lib/checks/document.ts');
  const { makeFileEnv } = await load<typeof import('../src/lib/checks/env.ts')>('src/lib/checks/env.ts');
  const { listContentFiles } = await load<typeof import('../src/lib/checks/selection.ts')>('src/lib/checks/selection.ts');
  const { parseConfig } = await load<typeof import('../src/lib/config/load.ts')>('src/lib/config/load.ts');

  const start = performance.now();
  loadDictionary();
  const dictionaryLoadMs = Math.round(performance.now() - start);

  const home = process.cwd();
  process.chdir(corpus.tayangDir);
  try {
    const config = parseConfig(await readFile('tayang.config.yml', 'utf8'));
    if (!config.ok) throw new Error('tayang.config.yml of the corpus is not valid');
    const settings = resolveSettings(config.value.periksa, listRules(language));
    if (!settings.ok) throw new Error('periksa settings of the corpus are not valid');
    const env = makeFileEnv(config.value);
    const languageMs: number[] = [];
    const otherMs: number[] = [];
    let words = 0;
    for (const file of await listContentFiles()) {
      const text = await readFile(file, 'utf8');
      words += text.split(/\s+/).filter(Boolean).length;
      const doc = parseCheckDocument(file, text);
      const t0 = performance.now();
      language.checkLanguage(doc.tree, { file, lineOffset: 0 }, settings.value.language);
      const t1 = performance.now();
      await checkDocument(doc, env, settings.value);
      otherMs.push(performance.now() - t1);
      languageMs.push(t1 - t0);
    }
    const totalMs = [...languageMs, ...otherMs].reduce((sum, ms) => sum + ms, 0);
    return { items, dictionaryLoadMs, language: spread(languageMs), otherRules: spread(otherMs), wordsPerSecond: Math.round(words / (totalMs / 1000)) };
  } finally {
    process.chdir(home);
  }
}
