import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the example office's content and config, and the site's source. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * Builds of the same project share `.astro/` and Astro's cache in node_modules, so test files
 * running in parallel take turns (util-linux `flock`, on every Debian; released by the kernel
 * even if a run is killed). A separate lock from the one people take around a hand-run
 * `npx vitest`, so that never deadlocks.
 */
const FLOCK = '/usr/bin/flock';
const LOCK = join(tmpdir(), 'tayang-test-astro-build.lock');

export interface BuiltSite {
  dist: string;
  remove(): Promise<void>;
}

/**
 * Builds the example office's site into a temporary folder (never the shared dist/), at the
 * root path or under `base` (a GitHub Pages project site). The build's own Indonesian problems
 * are the error message when it fails.
 */
export async function buildExampleSite(base = ''): Promise<BuiltSite> {
  const parent = await mkdtemp(join(tmpdir(), 'tayang-situs-'));
  const dist = join(parent, 'dist');
  const env = { ...process.env, TAYANG_BASE: base, ASTRO_TELEMETRY_DISABLED: '1' };
  const command = [process.execPath, ASTRO, 'build', '--outDir', dist];
  const [program, ...args] = existsSync(FLOCK) ? [FLOCK, LOCK, ...command] : command;
  await new Promise<void>((resolve, reject) => {
    execFile(program!, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`astro build gagal:\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
  return { dist, remove: () => rm(parent, { recursive: true, force: true }) };
}
