import { describe, expect, it } from 'vitest';
import { chromiumLaunch, SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_ARGS } from './chromium.ts';

describe('which Chromium to launch', () => {
  it('prefers CHROME_PATH', () => {
    expect(chromiumLaunch({ CHROME_PATH: '/opt/chrome/chrome' }, () => true)).toEqual({ executablePath: '/opt/chrome/chrome', args: SYSTEM_CHROMIUM_ARGS });
  });

  it("uses Debian's Chromium when it is installed", () => {
    expect(chromiumLaunch({}, (path) => path === SYSTEM_CHROMIUM)).toEqual({ executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS });
  });

  it("otherwise leaves the choice to the library's own download", () => {
    expect(chromiumLaunch({ CHROME_PATH: ' ' }, () => false)).toEqual({ args: [] });
  });
});
