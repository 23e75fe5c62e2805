/**
 * The search index's share of a site build: `writeSearchIndex` (Pagefind, src/lib/site/search-index.ts)
 * over the corpus's built site, run alone in its own process so the time is the index's only,
 * and what a reader's first search downloads.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, type Corpus } from './corpus.ts';
import { folderBytes, measure, median, projectEnv } from './measure.ts';

export interface SearchRow {
  items: number;
  /** Pages in the index (the item pages). */
  pages: number;
  seconds: number;
  cpuSeconds: number;
  /** CPU milliseconds per indexed page. */
  cpuMsPerPage: number;
  peakRssMb: number;
  /** Everything under dist/pagefind/. */
  indexMb: number;
  /** Pagefind's script, worker, WebAssembly and the index's entry and metadata: fetched once, on the first search (JS as a host gzips it). */
  firstSearchKb: number;
}

const RUNS = 3;

export async function benchSearch(corpus: Corpus, items: number): Promise<SearchRow> {
  const env = projectEnv(REPO_ROOT);
  const dist = join(corpus.tayangDir, 'dist');
  // The build writes the index too; the corpus is built here only when the build bench did not run.
  if (!existsSync(join(dist, 'index.html'))) {
    const built = await measure('astro', ['build'], { cwd: corpus.tayangDir, env });
    if (built.exitCode !== 0) throw new Error(`astro build failed in ${corpus.tayangDir}:\n${(built.stdout + built.stderr).slice(-3000)}`);
  }
  // Wall time from inside (GNU time's would include the wait); the wait lets Node reap Pagefind's
  // binary, which it stops at the end, so GNU time counts the binary's CPU time too.
  const script = [
    `import { writeSearchIndex } from ${JSON.stringify(join(corpus.tayangDir, 'src/lib/site/search-index.ts'))};`,
    `const started = performance.now(); const { pages } = await writeSearchIndex(${JSON.stringify(dist)});`,
    'console.log(JSON.stringify({ pages, seconds: (performance.now() - started) / 1000 }));',
    'await new Promise((resolve) => setTimeout(resolve, 1000));',
  ].join('\n');
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await measure('node', ['--input-type=module', '--eval', script], { cwd: corpus.tayangDir, env });
    if (result.exitCode !== 0) throw new Error(`writeSearchIndex failed:\n${result.stderr.slice(-3000)}`);
    runs.push({ ...result, ...(JSON.parse(result.stdout) as { pages: number; seconds: number }) });
  }
  const cpuSeconds = median(runs.map((r) => r.cpuSeconds));
  const pages = runs[0]!.pages;
  return {
    items,
    pages,
    seconds: median(runs.map((r) => r.seconds)),
    cpuSeconds,
    cpuMsPerPage: Math.round((cpuSeconds * 1000 * 10) / pages) / 10,
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    indexMb: Math.round((await folderBytes(join(dist, 'pagefind'))) / 1e5) / 10,
    firstSearchKb: Math.round((await firstSearchBytes(join(dist, 'pagefind'))) / 1024),
  };
}

/** Pagefind's own files are gzip already; its scripts and entry file go out as a host compresses them. */
async function firstSearchBytes(dir: string): Promise<number> {
  const names = (await readdir(dir)).filter((name) => /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.id\.pagefind|pagefind\.id_\w+\.pf_meta)$/.test(name));
  let total = 0;
  for (const name of names) total += /\.(js|json)$/.test(name) ? gzipSync(await readFile(join(dir, name))).length : (await stat(join(dir, name))).size;
  return total;
}
