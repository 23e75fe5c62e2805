import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the example office's content and config, and the site's source. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuiltSite {
  dist: string;
  remove(): Promise<void>;
}

/**
 * Builds the example office's site into a temporary folder (never the shared dist/), at the
 * root path. The build's own Indonesian problems are the error message when it fails.
 */
export async function buildExampleSite(): Promise<BuiltSite> {
  const parent = await mkdtemp(join(tmpdir(), 'tayang-situs-'));
  const dist = join(parent, 'dist');
  const env = { ...process.env, TAYANG_BASE: '', ASTRO_TELEMETRY_DISABLED: '1' };
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [ASTRO, 'build', '--outDir', dist], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`astro build gagal:\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
  return { dist, remove: () => rm(parent, { recursive: true, force: true }) };
}
