/**
 * A pull request's preview (periksa.yml) is built for the officials to see the change. When the
 * PR changes only items, the preview holds only those items: the rest of the site is what main
 * published, and building all of it again made every PR wait on the size of the site. Anything
 * else the site is made from (the program, the config, the records, files of content/ outside an
 * item folder) can change every page, so then the whole site is built. The full site is built
 * anyway when the PR is merged (terbit.yml), from main.
 */
import { itemKey, itemOfFile, type ItemRef } from '../a11y/items.ts';
import { SOURCE_PATHS } from '../archive/sources.ts';
import { PROGRAM_PATHS } from '../archive/source-stamp.ts';
import { gitChangedFiles } from '../checks/selection.ts';
import type { Problem } from '../errors/problem.ts';

export type PreviewScope =
  /** Not a PR preview (an office's build, Terbit's): the whole site. */
  | { kind: 'site' }
  /** A PR preview of the whole site: `because` is the first changed file outside an item folder. */
  | { kind: 'whole-preview'; because: string }
  /** A PR preview of the items it changes only (an item deleted by the PR is simply absent). */
  | { kind: 'items'; items: ItemRef[] }
  /** A PR preview whose changes could not be computed: the whole site, and why. */
  | { kind: 'unknown'; problems: Problem[] };

const BUILD_INPUTS: readonly string[] = [...SOURCE_PATHS, ...PROGRAM_PATHS];

function feedsTheSite(file: string): boolean {
  return BUILD_INPUTS.some((input) => file === input || file.startsWith(`${input}/`));
}

/**
 * What a PR preview builds for the files the PR changes: its items only when every changed file
 * the site is made from lies inside an item folder. Files the build never reads (docs/, README,
 * tests, workflows) do not count; a PR that changes no item at all previews the whole site.
 */
export function previewScopeOf(changedFiles: readonly string[]): PreviewScope {
  const items = new Map<string, ItemRef>();
  for (const file of changedFiles.filter(feedsTheSite)) {
    const item = itemOfFile(file);
    if (item === undefined) return { kind: 'whole-preview', because: file };
    items.set(itemKey(item), item);
  }
  if (items.size === 0) return { kind: 'whole-preview', because: '' };
  return { kind: 'items', items: [...items.values()].sort((a, b) => (itemKey(a) < itemKey(b) ? -1 : 1)) };
}

/**
 * The scope of this build, from the environment periksa.yml sets: `TAYANG_PRATINJAU=1` (a
 * preview) and `TAYANG_PRATINJAU_BERUBAH=<base ref>` (what the PR is compared with). Without
 * both, the whole site is built: a build that publishes is never cut down.
 */
export async function readPreviewScope(root: string, env: NodeJS.ProcessEnv = process.env): Promise<PreviewScope> {
  const ref = env.TAYANG_PRATINJAU_BERUBAH;
  if (env.TAYANG_PRATINJAU !== '1' || !ref) return { kind: 'site' };
  const changed = await gitChangedFiles(ref, root);
  return changed.ok ? previewScopeOf(changed.value) : { kind: 'unknown', problems: changed.problems };
}

/** The build log's line about the scope (Indonesian, for the PR's author reading the CI log). */
export function describePreviewScope(scope: PreviewScope): string | undefined {
  switch (scope.kind) {
    case 'site':
      return undefined;
    case 'items':
      return `Pratinjau PR: hanya ${scope.items.length} item yang diubah PR ini yang dibangun (${scope.items.map(itemKey).join(', ')}); beranda dan daftar hanya memuat item itu. Situs lengkap dibangun saat PR digabung.`;
    case 'whole-preview':
      return scope.because === ''
        ? 'Pratinjau PR: seluruh situs dibangun, karena PR ini tidak mengubah item apa pun.'
        : `Pratinjau PR: seluruh situs dibangun, karena PR ini juga mengubah ${scope.because}, yang dapat memengaruhi semua halaman.`;
    case 'unknown':
      return `Pratinjau PR: seluruh situs dibangun, karena perubahan PR tidak bisa dihitung: ${scope.problems.map((problem) => problem.message).join(' ')}`;
  }
}
