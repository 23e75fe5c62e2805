import { readdir } from 'node:fs/promises';
import type { MenuEntry } from '../config/schema.ts';
import type { Problem } from '../errors/problem.ts';
import { locatePath, parseLocatedYaml } from '../errors/yaml-location.ts';
import { findUnknownMenuEntries } from './navigation.ts';

/** The folders under content/halaman/, published or not: what a menu entry may name. */
export async function listPageFolders(contentRoot: string): Promise<Set<string>> {
  const entries = await readdir(`${contentRoot}/halaman`, { withFileTypes: true }).catch(() => []);
  return new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
}

/** The config's `menu` against the office's pages on disk, on the config's own lines. */
export async function checkMenu(menu: readonly MenuEntry[] | undefined, configText: string, contentRoot: string): Promise<Problem[]> {
  if (menu === undefined) return [];
  const located = parseLocatedYaml(configText);
  return findUnknownMenuEntries(menu, await listPageFolders(contentRoot), (path) => locatePath(located, path)?.line);
}
