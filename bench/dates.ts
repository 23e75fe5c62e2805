/**
 * What the site's dates cost per page: every frontmatter date of 2,000 items (half with an hour)
 * in each office zone, written as an item page and a list show it (`formatLocal`,
 * `formatLocalShort`, `machineLocal`). Median of 9 rounds after 3 warm-up rounds, in one process.
 * Run it at two commits to compare: `node bench/dates.ts`.
 */
import { formatLocal, formatLocalShort, machineLocal } from '../src/lib/site/dates.ts';

const ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;
const VALUES = Array.from({ length: 2000 }, (_, i) => {
  const iso = new Date(Date.UTC(2020, 0, 1) + i * 37 * 3_600_000).toISOString();
  return i % 2 === 0 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
});

function round(): number {
  const start = performance.now();
  let written = 0;
  for (const value of VALUES) {
    for (const zone of ZONES) written += formatLocal(value, zone).length + formatLocalShort(value, zone).length + machineLocal(value, zone).length;
  }
  if (written === 0) throw new Error('nothing written');
  return performance.now() - start;
}

for (let i = 0; i < 3; i++) round();
const times = Array.from({ length: 9 }, round).sort((a, b) => a - b);
const median = times[4]!;
const dates = VALUES.length * ZONES.length;
console.log(`${dates} dates × 3 forms: median ${median.toFixed(1)} ms, ${((median * 1000) / dates).toFixed(2)} µs per date`);
