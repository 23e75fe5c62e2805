import { describe, expect, it } from 'vitest';
import { blankPng } from '../../../test/support/pictures.ts';
import tayangImageService from './image-service.ts';

type Transform = Parameters<typeof tayangImageService.transform>;
const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Transform[3];
const config = (limitInputPixels?: number) => ({ service: { entrypoint: '', config: { limitInputPixels } } }) as unknown as Transform[2];

describe('the image service', () => {
  it('resizes pictures as Astro does', async () => {
    const result = await tayangImageService.transform(blankPng(40, 30), { src: '/_astro/peta.Bx1Yz2Qw.png', width: 20, format: 'webp' }, config(), logger);
    expect(result.format).toBe('webp');
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
});
