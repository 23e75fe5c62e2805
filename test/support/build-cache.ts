import { expect } from 'vitest';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

/**
 * A job that builds the site keeps Astro's cache folder between runs: restored after `npm ci`
 * (which empties node_modules) and before the build, always (the recordings live there too),
 * keyed by the lockfile and the commit, and restoring the newest of the same lockfile.
 */
export function expectBuildCacheKept(steps: readonly Step[]): void {
  const at = (test: (step: Step) => boolean) => steps.findIndex(test);
  const cache = at((step) => step.uses?.startsWith('actions/cache@') === true && step.with?.path === 'node_modules/.astro');
  expect(cache).toBeGreaterThan(at((step) => /npm ci/.test(step.run ?? '')));
  expect(cache).toBeLessThan(at((step) => /npm run build/.test(step.run ?? '')));
  const { with: options, if: condition } = steps[cache]!;
  expect(condition).toBeUndefined();
  expect(options?.key).toBe("tayang-situs-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ github.sha }}");
  expect(options?.['restore-keys']).toBe("tayang-situs-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-");
}
