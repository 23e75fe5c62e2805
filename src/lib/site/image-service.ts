import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { extractAroundFocus, parseFocusPosition } from '../content/focus.ts';
import { formatProblem } from '../errors/problem.ts';

/**
 * AVIF at sharp's effort 2 rather than its default 4. On the example site's pictures (360–1080 px
 * wide) effort 4 took 583 ms a picture and 2 takes 79 (WebP: 26), for files 8 % larger (6.5 kB
 * against 6.0; WebP 9.5 kB): at 4 the example site's build spent 21.5 s of its 30 in AVIF, and a
 * site's build time grows with its pictures (bench/README.md).
 */
export const AVIF_EFFORT = 2;

/**
 * Astro's sharp image service, with AVIF at AVIF_EFFORT, except that a picture sharp cannot process stops the build
 * instead of being published as it is. Astro's service catches sharp's error, logs an English
 * warning and hands back the original bytes: a 20000 × 20000 PNG reached the home page that way,
 * full size, with its EXIF/GPS. The content check refuses what a file's header shows
 * (src/lib/content/pictures.ts); this closes whatever else sharp fails on.
 *
 * A crop whose `position` is a picture's focus (`gambar.fokus`, as focus.ts writes it) is cut
 * around that point first: sharp's own positions are only sides, corners and strategies.
 */
const tayangImageService: LocalImageService = {
  ...sharpService,
  async transform(inputBuffer, transform, imageConfig, logger) {
    const focus = parseFocusPosition(transform.position);
    let input = inputBuffer;
    if (focus !== undefined && transform.width && transform.height) {
      try {
        const picture = sharp(inputBuffer, { limitInputPixels: imageConfig.service.config.limitInputPixels as number | undefined });
        const { format } = await picture.metadata();
        // Lossless in between: the one lossy encoding is Astro's, in the format the page asks for.
        input = await (await extractAroundFocus(picture, transform.width, transform.height, focus)).png({ compressionLevel: 0 }).toBuffer();
        transform = { ...transform, position: undefined, format: transform.format ?? format };
      } catch {
        throw new UnprocessedPictureError(transform.src);
      }
    }
    // Held back until the outcome is known: the fallback's warning says the picture "will be used
    // unoptimized", which it will not be.
    const warnings: string[] = [];
    const holdingWarnings = Object.create(logger, { warn: { value: (message: string) => warnings.push(message) } }) as typeof logger;
    const encoders = { ...imageConfig, service: { ...imageConfig.service, config: { ...imageConfig.service.config, avif: { effort: AVIF_EFFORT } } } };
    const result = await sharpService.transform(input, transform, encoders, holdingWarnings);
    // Astro's fallback returns the very buffer it was given; a processed picture is a new one.
    if (result.data === input) throw new UnprocessedPictureError(transform.src);
    for (const warning of warnings) logger.warn(warning);
    return result;
  },
};

export default tayangImageService;

/** Stops the build, said in Indonesian, naming the picture by its name in the item's folder. */
export class UnprocessedPictureError extends Error {
  // Astro's image step rethrows an error of this type as it is; any other it wraps in its
  // English "Could not transform image … see the stack trace". (The build around it still adds
  // its own "Error generating image" line and stack: this is the last guard, after the content
  // check, not the message offices normally meet.)
  readonly type = 'AstroError';
  constructor(src: string) {
    // The build names a picture /_astro/<name>.<hash>.<ext>.
    const name = src.split('/').pop()!.replace(/\.[\w-]{8}(?=\.\w+$)/, '');
    super(
      `Gambar tidak bisa diterbitkan:\n${formatProblem({
        file: name,
        message: 'pengolah gambar situs (sharp) tidak bisa mengubah ukuran gambar ini, dan gambar tidak pernah diterbitkan tanpa diolah (ukuran penuh, beserta data lokasi GPS-nya).',
        fix: 'simpan ulang gambarnya sebagai JPG atau PNG dari aplikasi pengolah gambar, lalu unggah lagi ke folder item yang memakainya.',
      })}`,
    );
    this.name = 'GambarTidakDiolah';
    this.stack = '';
  }
}
