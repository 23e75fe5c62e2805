/**
 * Site build of the same corpus (the `news` mix), side by side in one run: Tayang (the project's
 * own `astro build`), a plain Astro project of the same version with minimal templates
 * (bench/astro/) and Hugo. Each round builds every tool from a cold start (no output, no cache)
 * and then again with its caches kept but its output deleted, as a CI job with a restored cache
 * would; the rounds are interleaved, so a busy machine slows every tool alike, and each row is
 * the median of the rounds.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, type Corpus } from './corpus.ts';
import { countPages, folderBytes, measure, median, projectEnv } from './measure.ts';

export interface BuildRow {
  items: number;
  tool: string;
  run: 'cold' | 'rebuild';
  pages: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  outputMb: number;
  /** Astro's picture step: renditions written, how many sharp encoded (the rest came from its cache), its seconds. */
  pictures?: { renditions: number; encoded: number; seconds: number };
}

/** The picture step of an Astro build, from its log; undefined for Hugo. */
export function pictureStep(log: string): BuildRow['pictures'] {
  const start = log.indexOf('generating optimized images');
  if (start < 0) return undefined;
  const step = log.slice(start);
  // Astro writes "812ms", "4.20s" or "2m 35s".
  const done = /✓ Completed in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(step);
  const lines = step.split('\n').filter((line) => /▶ \/_astro\//.test(line));
  const seconds = done ? Number(done[1] ?? 0) * 60 + Number(done[2]) / (done[3] === 'ms' ? 1000 : 1) : 0;
  return { renditions: lines.length, encoded: lines.filter((line) => !line.includes('(reused cache entry)')).length, seconds };
}

interface Builder {
  tool: string;
  cwd: string;
  command: string;
  args: string[];
  output: string;
  /** What a cold build must not find: its output and its caches. */
  caches: string[];
}

export const TAYANG = 'Tayang';
export const PLAIN_ASTRO = 'Astro';

function builders(corpus: Corpus): Builder[] {
  const astroCaches = ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'];
  const tayang: Builder = { tool: TAYANG, cwd: corpus.tayangDir, command: 'astro', args: ['build'], output: 'dist', caches: astroCaches };
  const plain: Builder = { tool: PLAIN_ASTRO, cwd: corpus.astroDir, command: 'astro', args: ['build'], output: 'dist', caches: astroCaches };
  const hugo = hugoVersion();
  if (hugo === undefined) {
    console.error('hugo not found (Debian: apt-get install -y hugo): Hugo rows left out');
    return [tayang, plain];
  }
  return [tayang, plain, { tool: `Hugo ${hugo}`, cwd: corpus.hugoDir, command: 'hugo', args: ['--quiet'], output: 'public', caches: ['public', 'resources'] }];
}

/** The Astro version both Astro projects build with. */
export function astroVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;
}

function hugoVersion(): string | undefined {
  try {
    return /v(\d+\.\d+\.\d+)/.exec(execFileSync('hugo', ['version'], { encoding: 'utf8' }))?.[1] ?? 'unknown version';
  } catch {
    return undefined;
  }
}

export async function benchBuild(corpus: Corpus, items: number, rounds: number): Promise<BuildRow[]> {
  const env = projectEnv(REPO_ROOT);
  const tools = builders(corpus);
  const runs = new Map<string, { builder: Builder; run: BuildRow['run']; times: { seconds: number; cpuSeconds: number; peakRssMb: number; pictures: BuildRow['pictures'] }[] }>();
  for (let round = 0; round < rounds; round++) {
    for (const builder of tools) {
      for (const dir of builder.caches) await rm(join(builder.cwd, dir), { recursive: true, force: true });
      for (const run of ['cold', 'rebuild'] as const) {
        // A CI job restores the caches into a fresh checkout: there is no output to empty.
        await rm(join(builder.cwd, builder.output), { recursive: true, force: true });
        const result = await measure(builder.command, builder.args, { cwd: builder.cwd, env });
        if (result.exitCode !== 0) throw new Error(`${builder.tool} failed in ${builder.cwd}:\n${(result.stdout + result.stderr).slice(-3000)}`);
        const key = `${builder.tool}\0${run}`;
        if (!runs.has(key)) runs.set(key, { builder, run, times: [] });
        runs.get(key)!.times.push({ ...result, pictures: pictureStep(`${result.stdout}\n${result.stderr}`) });
        console.error(`  ${items} items, ${builder.tool} ${run}, round ${round + 1}: ${result.seconds} s`);
      }
    }
  }
  const rows: BuildRow[] = [];
  for (const { builder, run, times } of runs.values()) {
    const output = join(builder.cwd, builder.output);
    rows.push({
      items,
      tool: builder.tool,
      run,
      pages: await countPages(output),
      seconds: median(times.map((t) => t.seconds)),
      cpuSeconds: median(times.map((t) => t.cpuSeconds)),
      peakRssMb: median(times.map((t) => t.peakRssMb)),
      outputMb: Math.round((await folderBytes(output)) / 1e5) / 10,
      pictures: times[0]!.pictures && { ...times[0]!.pictures, seconds: median(times.map((t) => t.pictures!.seconds)) },
    });
  }
  return rows;
}
