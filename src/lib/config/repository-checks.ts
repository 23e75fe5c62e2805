import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { localToday } from '../content/time.ts';
import { CONTENT_ROOT } from '../content/types.ts';
import type { Problem } from '../errors/problem.ts';
import { locatePath, parseLocatedYaml } from '../errors/yaml-location.ts';
import { checkLogo } from '../site/office.ts';
import { findUnknownMenuEntries } from '../site/navigation.ts';
import type { Config } from './schema.ts';
import { describeStaleDates } from './stale.ts';

/**
 * What a valid config must also agree with in the repository, checked where `tayang periksa`
 * and the build both look, on the config's own lines: problems stop either (a menu entry that
 * names no office page, a logo file that is not there); warnings are said (dates gone stale).
 */
export async function checkConfigInRepository(config: Config, configText: string, file: string, root: string, now: Date): Promise<{ problems: Problem[]; warnings: Problem[] }> {
  const located = parseLocatedYaml(configText);
  const lineOf = (path: (string | number)[]) => locatePath(located, path)?.line;
  const menu = findUnknownMenuEntries(config.menu, await listPageFolders(join(root, CONTENT_ROOT)), lineOf);
  const logo = checkLogo(config.kantor.logo, (path) => existsSync(join(root, path))).map((problem) => ({ ...problem, line: lineOf(['kantor', 'logo']) }));
  return {
    problems: [...menu, ...logo].map((problem) => ({ ...problem, file })),
    warnings: describeStaleDates(config, configText, file, localToday(now, config.kantor.zona_waktu)),
  };
}

/** The folders under content/halaman/, published or not: what a menu entry may name. */
export async function listPageFolders(contentRoot: string): Promise<Set<string>> {
  const entries = await readdir(`${contentRoot}/halaman`, { withFileTypes: true }).catch(() => []);
  return new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
}
