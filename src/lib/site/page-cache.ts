import { createHash } from 'node:crypto';
import type { CheckedDigests } from '../content/check-cache.ts';

/**
 * The `cacheKey` of an item's page for Astro's incremental build, which copies a page from the
 * previous build when its key and its code are unchanged. The key is a digest of everything the
 * page shows that is not its code: the item's folder as the build's content check digested it
 * (every file, so a replaced photo counts), the config and the program (the check's
 * environment), and what the page adds from elsewhere (`shown`: the menu, the item's approval
 * history, what it shows by the build's clock…). Without the check's digest of the folder there
 * is no key, and the page is made afresh.
 */
export function itemPageKey(checked: CheckedDigests | undefined, folder: string, shown: Record<string, unknown>): string | undefined {
  const digest = checked?.folders.get(folder);
  if (checked === undefined || digest === undefined) return undefined;
  return createHash('sha256').update(JSON.stringify({ environment: checked.environment, folder: digest, shown })).digest('hex');
}
