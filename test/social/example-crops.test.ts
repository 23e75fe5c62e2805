// The example landslide news: its alt text (sent along to Instagram) describes three officers
// standing at the right of the photo. Every crop the social kit makes of it must keep them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/lib/config/load.ts';
import { cropWindow } from '../../src/lib/content/focus.ts';
import { readItem } from '../../src/lib/content/load.ts';
import { renderPhoto } from '../../src/lib/social/images.ts';
import { planSocialKit } from '../../src/lib/social/kit.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ITEM = 'content/berita/camat-tinjau-longsor-trengguli';
/** Where the three officers stand in the 1600 × 900 photo, helmets to boots. */
const OFFICERS = { left: 1200, top: 385, right: 1510, bottom: 625 };

/** The officers' vests (and the cone beside them): the photo's only bright orange. */
async function orangePixels(image: Buffer): Promise<number> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  let count = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! > 220 && data[i + 1]! > 80 && data[i + 1]! < 140 && data[i + 2]! < 60) count++;
  return count;
}

describe('the example landslide photo in the social kit', async () => {
  const { item } = await readItem(join(ROOT, ITEM));
  const config = await loadConfigFile(join(ROOT, 'tayang.config.yml'));
  if (!item || !config.ok) throw new Error('the example item and config load');
  const { images } = planSocialKit([item], config.value);
  const photo = await readFile(join(ROOT, ITEM, 'longsor.jpg'));

  it('has a focus on the officers', () => {
    expect(item.data.gambar?.fokus).toBeDefined();
    expect(images.map((job) => [job.width, job.height])).toEqual(expect.arrayContaining([[1080, 1350], [1080, 1080]]));
  });

  it('crops every image around a window that holds the three officers', () => {
    for (const job of images) {
      const window = cropWindow(1600, 900, job.width, job.height, job.focus!);
      expect(window.left <= OFFICERS.left && window.left + window.width >= OFFICERS.right, `${job.path} across`).toBe(true);
      expect(window.top <= OFFICERS.top && window.top + window.height >= OFFICERS.bottom, `${job.path} down`).toBe(true);
    }
  });

  it('keeps every orange pixel of the photo in the rendered portrait and square crops', async () => {
    const inPhoto = await orangePixels(photo);
    expect(inPhoto).toBeGreaterThan(10_000);
    for (const job of images.filter((image) => image.height >= image.width)) {
      const scale = job.height / 900;
      const rendered = await renderPhoto(photo, job.width, job.height, { office: config.value.kantor.nama }, job.focus);
      expect(await orangePixels(rendered), job.path).toBeGreaterThan(inPhoto * scale * scale * 0.9);
    }
  });
});
