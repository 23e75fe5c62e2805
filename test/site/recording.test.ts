import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../src/lib/a11y/index.ts';
import { loadItems, type Item } from '../../src/lib/content/load.ts';
import { isTextType } from '../../src/lib/content/types.ts';
import { formatFileSize } from '../../src/lib/site/files.ts';
import { buildExampleSiteWith, ROOT, type BuiltCopy } from './example-site.ts';

// The example office with `dengarkan.rekaman: true`, built twice on one cache: the first build
// records every text item, the second records nothing. (The example itself, with the key off,
// is checked for no recording in site.test.ts.)

const CACHE = join(ROOT, 'node_modules', '.astro', 'tayang-rekaman');
// Astro prints its progress without a line break before a page's own log, so not anchored.
const MADE = /Rekaman suara dibuat: (\S+)/g;

let first: BuiltCopy;
let second: BuiltCopy;
let text: Item[];

beforeAll(async () => {
  const config = `${await readFile(join(ROOT, 'tayang.config.yml'), 'utf8')}\ndengarkan:\n  rekaman: true\n`;
  // A cold cache, so the first build has to make every recording.
  await rm(CACHE, { recursive: true, force: true });
  first = await buildExampleSiteWith({ 'tayang.config.yml': config });
  second = await buildExampleSiteWith({ 'tayang.config.yml': config });
  text = (await loadItems(join(ROOT, 'content'), { now: new Date() })).items.filter((item) => isTextType(item.jenis));
});

afterAll(async () => {
  await first?.remove();
  await second?.remove();
});

const pagePath = (item: Item) => (item.jenis === 'halaman' ? `/${item.slug}/` : `/${item.jenis}/${item.slug}/`);

/** MPEG-1/2/2.5 layer III, 32 kbit/s, mono: the frame header after an optional ID3 tag. */
function mp3Header(file: Buffer): { layer3: boolean; kbps: number; mono: boolean } {
  const start = file.toString('latin1', 0, 3) === 'ID3' ? 10 + ((file[6]! << 21) | (file[7]! << 14) | (file[8]! << 7) | file[9]!) : 0;
  const [sync, b1, b2, b3] = [file[start]!, file[start + 1]!, file[start + 2]!, file[start + 3]!];
  if (sync !== 0xff || (b1 & 0xe0) !== 0xe0) return { layer3: false, kbps: 0, mono: false };
  const mpeg1 = (b1 & 0x18) === 0x18;
  const rates = mpeg1 ? [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320] : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  return { layer3: ((b1 >> 1) & 3) === 1, kbps: rates[b2 >> 4] ?? 0, mono: b3 >> 6 === 3 };
}

describe('recorded edition (dengarkan.rekaman: true)', () => {
  it('records every text item once, as an MP3 beside its page', async () => {
    expect(text.length).toBeGreaterThan(15);
    const made = [...first.output.matchAll(MADE)].map(([, path]) => path).sort();
    expect(made).toEqual(text.map((item) => `${pagePath(item)}dengarkan.mp3`).sort());
    for (const item of text) {
      const mp3 = await readFile(join(first.dist, pagePath(item), 'dengarkan.mp3'));
      expect(mp3Header(mp3), pagePath(item)).toEqual({ layer3: true, kbps: 32, mono: true });
      expect(mp3.length).toBeGreaterThan(10_000);
    }
  });

  it('shows a player on the page that needs no script, with what it is, its length and its size', async () => {
    for (const item of text) {
      const html = await readFile(join(first.dist, pagePath(item), 'index.html'), 'utf8');
      const size = formatFileSize((await readFile(join(first.dist, pagePath(item), 'dengarkan.mp3'))).length);
      const src = `${pagePath(item)}dengarkan.mp3`;
      expect(html, pagePath(item)).toMatch(
        new RegExp(`Rekaman suara sintetis \\(eSpeak NG\\), (\\d+ menit)? ?(\\d+ detik)? · <a href="${src}" type="audio/mpeg" download>unduh MP3 \\(${size}\\)</a>`),
      );
      expect(html).toMatch(new RegExp(`<audio controls preload="none" src="${src}" aria-label="Rekaman suara sintetis \\(eSpeak NG\\), [^"]+"></audio>`));
    }
  });

  it('passes pa11y on a page with the player', async () => {
    const report = await checkBuiltSite({ root: first.dir, dist: first.dist, changedFiles: ['content/halaman/maklumat-pelayanan/index.md'] });
    expect(report.pages).toContain('/maklumat-pelayanan/');
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('takes every recording from the cache in the next build', async () => {
    expect([...second.output.matchAll(MADE)]).toEqual([]);
    for (const item of text) {
      const [a, b] = await Promise.all([first, second].map((build) => readFile(join(build.dist, pagePath(item), 'dengarkan.mp3'))));
      expect(b!.equals(a!), pagePath(item)).toBe(true);
    }
  });
});
