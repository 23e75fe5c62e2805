import { CONFIG_FILE, loadConfigFile } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { BuildStoppedError, type Problem } from '../errors/problem.ts';

/**
 * The office config as the site needs it, read once per build. The only file-system edge of
 * the site helpers: pages call `siteConfig()`, the rest stays pure.
 */

let loaded: Promise<Config> | undefined;

export function siteConfig(): Promise<Config> {
  loaded ??= loadSiteConfig();
  return loaded;
}

async function loadSiteConfig(): Promise<Config> {
  const result = await loadConfigFile();
  if (!result.ok) throw new BuildProblemsError(result.problems);
  return result.value;
}

/** Stops a page's build: the office's config (or a file it names) is unusable. */
export class BuildProblemsError extends BuildStoppedError {
  constructor(problems: readonly Problem[]) {
    super('Situs tidak bisa dibangun:', problems);
  }
}

/**
 * The logo is served as it is, so it sits under `public/` (Astro copies that folder unchanged;
 * the config's schema holds it to a path there, and to a picture, never SVG); `logoPath` turns
 * `public/logo.png` into the site path `logo.png`. A missing file would be a broken picture in
 * every page's header.
 */
export function checkLogo(logo: string | undefined, exists: (path: string) => boolean): Problem[] {
  if (logo === undefined || exists(logo)) return [];
  return [{ file: CONFIG_FILE, field: 'kantor.logo', message: `berkas logo "${logo}" tidak ditemukan.`, fix: 'periksa nama berkas dan foldernya (huruf besar/kecil berpengaruh).' }];
}

export function logoPath(logo: string): string {
  return logo.slice('public/'.length);
}
