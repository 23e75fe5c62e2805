import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
  await astroBuild(ROOT, dist, base);
  return { dist, remove: () => rm(parent, { recursive: true, force: true }) };
}

/** What the office's repository holds that the site is built from. */
const SITE_SOURCES = ['astro.config.ts', 'tsconfig.json', 'package.json', 'tayang.config.yml', 'src', 'content', 'public', 'records'];

export interface BuiltCopy extends BuiltSite {
  /** The copy of the repository, with the added files. */
  dir: string;
  /** What the build printed. */
  output: string;
}

/**
 * Builds a copy of the example office's repository with `files` added (paths relative to the
 * repository root): what an office's site becomes once a pull request with those files merged.
 * With `ownCache`, the copy's node_modules is a folder of links to the project's, so Astro's
 * cache (node_modules/.astro) is the copy's own and a rebuild reuses only the copy's builds.
 */
export async function buildExampleSiteWith(files: Record<string, string | Buffer>, { ownCache = false } = {}): Promise<BuiltCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'tayang-salinan-'));
  for (const source of SITE_SOURCES) await cp(join(ROOT, source), join(dir, source), { recursive: true });
  if (ownCache) {
    await mkdir(join(dir, 'node_modules'));
    for (const name of await readdir(join(ROOT, 'node_modules'))) {
      if (name !== '.astro' && name !== '.vite') await symlink(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    }
  } else {
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  return rebuildExampleCopy({ dir, dist: join(dir, 'dist'), output: '', remove: () => rm(dir, { recursive: true, force: true }) }, files);
}

/** Builds a copy again, into the same dist/, after writing `changes` into it; `env` adds to the build's environment. */
export async function rebuildExampleCopy(copy: BuiltCopy, changes: Record<string, string | Buffer>, env: Record<string, string> = {}): Promise<BuiltCopy> {
  for (const [path, content] of Object.entries(changes)) {
    await mkdir(dirname(join(copy.dir, path)), { recursive: true });
    await writeFile(join(copy.dir, path), content);
  }
  return { ...copy, output: await astroBuild(copy.dir, copy.dist, '', env) };
}

async function astroBuild(root: string, dist: string, base: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const env = { ...process.env, TAYANG_BASE: base, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extraEnv };
  const command = [process.execPath, ASTRO, 'build', '--outDir', dist];
  const [program, ...args] = existsSync(FLOCK) ? [FLOCK, LOCK, ...command] : command;
  return new Promise<string>((resolve, reject) => {
    execFile(program!, args, { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`astro build gagal:\n${stdout}\n${stderr}`)) : resolve(`${stdout}\n${stderr}`),
    );
  });
}
