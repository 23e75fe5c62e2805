/**
 * The per-PR path: what a pull request that changes one news item waits for in CI
 * (.github/workflows/periksa.yml) once the cache of main's last build is restored:
 * `tayang periksa --berubah`, the site's preview build (TAYANG_PRATINJAU=1 with the base to compare
 * with: the changed item only, no search index),
 * and `tayang aksesibilitas --berubah` (pa11y with axe and HTML_CodeSniffer on the changed
 * pages). Main is built first, as the cache a PR restores.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Corpus } from './corpus.ts';
import { REPO_ROOT } from './corpus.ts';
import { pictureStep } from './build.ts';
import { measure, projectEnv, type Measurement } from './measure.ts';
import { changeOneNews, commitCorpus } from './periksa.ts';

export interface PullRequestRow {
  items: number;
  periksaSeconds: number;
  buildSeconds: number;
  aksesibilitasSeconds: number;
  totalSeconds: number;
  /** Pages the PR's build rendered; the others were copied from main's build. */
  pagesMade: number;
  pagesCopied: number;
  /** Pictures sharp encoded in the PR's build (none: the PR adds no photo). */
  encodes: number;
  buildPeakRssMb: number;
}

export async function benchPullRequest(corpus: Corpus, items: number): Promise<PullRequestRow> {
  const cwd = corpus.tayangDir;
  const env = projectEnv(REPO_ROOT);
  const run = async (command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Measurement> => {
    const result = await measure(command, args, { cwd, env: { ...env, ...extraEnv } });
    if (result.exitCode !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${(result.stdout + result.stderr).slice(-3000)}`);
    return result;
  };
  for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) await rm(join(cwd, dir), { recursive: true, force: true });
  commitCorpus(cwd);
  await run('astro', ['build']);
  await changeOneNews(cwd);
  const periksa = await run('node', ['scripts/tayang.ts', 'periksa', '--berubah=main', '--format', 'json']);
  // As periksa.yml builds it, in a fresh checkout with main's cache: no dist/, no search index.
  await rm(join(cwd, 'dist'), { recursive: true, force: true });
  const build = await run('astro', ['build'], { TAYANG_PRATINJAU: '1', TAYANG_PRATINJAU_BERUBAH: 'main' });
  const aksesibilitas = await run('node', ['scripts/tayang.ts', 'aksesibilitas', '--berubah=main', '--format', 'json']);
  const log = `${build.stdout}\n${build.stderr}`;
  const routes = log.split('\n').filter((line) => /[├└]─ \//.test(line));
  const copied = routes.filter((line) => /\((?:cached|restored)\)/.test(line)).length;
  return {
    items,
    periksaSeconds: periksa.seconds,
    buildSeconds: build.seconds,
    aksesibilitasSeconds: aksesibilitas.seconds,
    totalSeconds: Math.round((periksa.seconds + build.seconds + aksesibilitas.seconds) * 100) / 100,
    pagesMade: routes.length - copied,
    pagesCopied: copied,
    encodes: pictureStep(log)?.encoded ?? 0,
    buildPeakRssMb: build.peakRssMb,
  };
}
