import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunch } from '../../src/lib/a11y/chromium.ts';

/**
 * Playwright's Chromium for the browser tests, chosen like pa11y's (`CHROME_PATH`, Debian's
 * /usr/bin/chromium, or the library's own download) so both test the same browser.
 */
export function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = chromiumLaunch();
  return chromium.launch({ headless: true, executablePath, args });
}
