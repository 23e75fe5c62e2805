import { existsSync } from 'node:fs';

/** Debian's Chromium, which `.ci/run` installs; puppeteer's own download is skipped there. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a system Chromium in a container: no sandbox (CI runs as root, without user
 * namespaces), no GPU, and no background traffic (tests are offline).
 */
export const SYSTEM_CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface ChromiumLaunch {
  /** Absent: let puppeteer / Playwright use the browser they downloaded themselves. */
  executablePath?: string;
  args: string[];
}

/**
 * Which Chromium to start, shared by pa11y (puppeteer) and the browser tests (Playwright):
 * `CHROME_PATH` if set, else Debian's Chromium if present, else the library's default.
 */
export function chromiumLaunch(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
): ChromiumLaunch {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) return { executablePath: fromEnv, args: SYSTEM_CHROMIUM_ARGS };
  if (exists(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS };
  return { args: [] };
}
