import { existsSync } from 'node:fs';
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
  const problems = checkLogo(result.value.kantor.logo, existsSync);
  if (problems.length > 0) throw new BuildProblemsError(problems);
  return result.value;
}

/** Stops a page's build: the office's config (or a file it names) is unusable. */
export class BuildProblemsError extends BuildStoppedError {
  constructor(problems: readonly Problem[]) {
    super('Situs tidak bisa dibangun:', problems);
  }
}

/**
 * The logo is served as it is, so it must sit under `public/` (Astro copies that folder
 * unchanged); `logoPath` turns `public/logo.png` into the site path `logo.png`. A picture, not
 * SVG: an SVG opened at its own address runs the scripts it holds under the office's domain, and
 * the page's Content-Security-Policy (a `<meta>` in each page) does not reach that file.
 */
export function checkLogo(logo: string | undefined, exists: (path: string) => boolean): Problem[] {
  if (logo === undefined) return [];
  const file = CONFIG_FILE;
  if (!logo.startsWith('public/')) {
    return [{ file, field: 'kantor.logo', message: `logo "${logo}" tidak berada di folder public/.`, fix: 'simpan berkas logo di folder public/ lalu tulis, misalnya, logo: public/logo.png' }];
  }
  if (!LOGO_FORMAT.test(logo)) {
    return [{ file, field: 'kantor.logo', message: `logo "${logo}" harus berformat PNG, WebP atau JPG.`, fix: 'simpan logo sebagai PNG atau WebP (SVG dapat memuat skrip), sekitar 192 × 192 piksel, misalnya public/logo.png.' }];
  }
  if (!exists(logo)) {
    return [{ file, field: 'kantor.logo', message: `berkas logo "${logo}" tidak ditemukan.`, fix: 'periksa nama berkas dan foldernya (huruf besar/kecil berpengaruh).' }];
  }
  return [];
}

const LOGO_FORMAT = /\.(png|webp|jpe?g)$/i;

export function logoPath(logo: string): string {
  return logo.slice('public/'.length);
}
