import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blankPng } from '../../../test/support/pictures.ts';
import { focusPosition } from '../content/focus.ts';
import tayangImageService, { AVIF_EFFORT } from './image-service.ts';

type Transform = Parameters<typeof tayangImageService.transform>;
const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Transform[3];
const config = (limitInputPixels?: number) => ({ service: { entrypoint: '', config: { limitInputPixels } } }) as unknown as Transform[2];

describe('the image service', () => {
  it('resizes pictures as Astro does', async () => {
    const result = await tayangImageService.transform(blankPng(40, 30), { src: '/_astro/peta.Bx1Yz2Qw.png', width: 20, format: 'webp' }, config(), logger);
    expect(result.format).toBe('webp');
  });

  it('encodes AVIF at the chosen effort, not sharp’s slower default', async () => {
    // A picture with detail, so that the efforts make different files.
    const picture = await sharp({ create: { width: 240, height: 160, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    const result = await tayangImageService.transform(picture, { src: '/_astro/desa.Bx1Yz2Qw.png', width: 120, format: 'avif' }, config(), logger);
    const at = (effort: number) => sharp(picture).resize({ width: 120 }).avif({ effort }).toBuffer();
    expect(AVIF_EFFORT).toBe(2);
    expect(Buffer.from(result.data).equals(await at(AVIF_EFFORT))).toBe(true);
    expect(Buffer.from(result.data).equals(await at(4))).toBe(false);
  });

  it('stops the build, in Indonesian, where Astro would publish a picture sharp cannot process as it is', async () => {
    // Over sharp's pixel limit, Astro's own service logs a warning and returns the original bytes.
    const transform = tayangImageService.transform(blankPng(40, 30), { src: '/_astro/peta.Bx1Yz2Qw.png', width: 20, format: 'webp' }, config(100), logger);
    await expect(transform).rejects.toMatchObject({
      type: 'AstroError',
      stack: '',
      message: expect.stringMatching(/^Gambar tidak bisa diterbitkan:\npeta\.png: pengolah gambar situs \(sharp\) tidak bisa mengubah ukuran gambar ini/),
    });
  });

  it('cuts a card around the picture’s focus, where sharp’s own crop would keep the centre', async () => {
    // A white 1600 × 900 picture whose subject, a black block, stands against its right edge.
    const subject = await sharp({ create: { width: 200, height: 300, channels: 3, background: '#000000' } }).png().toBuffer();
    const picture = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#ffffff' } }).composite([{ input: subject, left: 1380, top: 300 }]).png().toBuffer();
    const card = { src: '/_astro/longsor.Bx1Yz2Qw.png', width: 300, height: 300, fit: 'cover', format: 'png' };
    const darkShare = async (position: string) => {
      const result = await tayangImageService.transform(picture, { ...card, position }, config(), logger);
      const { data, info } = await sharp(Buffer.from(result.data)).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([300, 300]);
      let dark = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 64) dark++;
      return dark / (info.width * info.height);
    };
    // The square window is 900 × 900, against the right edge: the block (200 × 300) is 1/13.5 of it.
    expect(await darkShare(focusPosition({ x: 90, y: 50 }))).toBeCloseTo((200 * 300) / (900 * 900), 2);
    expect(await darkShare('centre')).toBe(0);
  });
});
