/**
 * Site build of the same corpus: Tayang (the project's own `astro build`) against Hugo, each from
 * a cold start (no output, no image cache) and then rebuilt with its caches kept, as a CI job
 * with a restored cache would.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, type Corpus } from './corpus.ts';
import { countPages, folderBytes, measure, projectEnv } from './measure.ts';

export interface BuildRow {
  items: number;
  tool: string;
  run: 'cold' | 'rebuild';
  pages: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  outputMb: number;
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

function builders(corpus: Corpus): Builder[] {
  const astro = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string };
  const tayang: Builder = {
    tool: `Tayang (Astro ${astro.version})`,
    cwd: corpus.tayangDir,
    command: 'astro',
    args: ['build'],
    output: 'dist',
    caches: ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'],
  };
  const hugo = hugoVersion();
  if (hugo === undefined) {
    console.error('hugo not found (Debian: apt-get install -y hugo): Hugo rows left out');
    return [tayang];
  }
  return [tayang, { tool: `Hugo ${hugo}`, cwd: corpus.hugoDir, command: 'hugo', args: ['--quiet'], output: 'public', caches: ['public', 'resources'] }];
}

function hugoVersion(): string | undefined {
  try {
    return /v(\d+\.\d+\.\d+)/.exec(execFileSync('hugo', ['version'], { encoding: 'utf8' }))?.[1] ?? 'unknown version';
  } catch {
    return undefined;
  }
}

export async function benchBuild(corpus: Corpus, items: number): Promise<BuildRow[]> {
  const rows: BuildRow[] = [];
  const env = projectEnv(REPO_ROOT);
  for (const builder of builders(corpus)) {
    for (const dir of builder.caches) await rm(join(builder.cwd, dir), { recursive: true, force: true });
    for (const run of ['cold', 'rebuild'] as const) {
      const result = await measure(builder.command, builder.args, { cwd: builder.cwd, env });
      if (result.exitCode !== 0) throw new Error(`${builder.tool} failed in ${builder.cwd}:\n${(result.stdout + result.stderr).slice(-3000)}`);
      const output = join(builder.cwd, builder.output);
      rows.push({
        items,
        tool: builder.tool,
        run,
        pages: await countPages(output),
        seconds: result.seconds,
        cpuSeconds: result.cpuSeconds,
        peakRssMb: result.peakRssMb,
        outputMb: Math.round((await folderBytes(output)) / 1e5) / 10,
      });
    }
  }
  return rows;
}
