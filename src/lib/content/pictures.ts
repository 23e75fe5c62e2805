import { open } from 'node:fs/promises';
import type { Metadata } from 'sharp';
import type { Problem } from '../errors/problem.ts';

/**
 * What may be shown as a picture. SVG is refused outright rather than cleaned or rasterised: it
 * is a document that can carry script (under any namespace prefix, through DTD entities), which
 * runs with the official site's origin when the file is opened directly, and rasterising it would
 * hand hostile input to an XML parser. Raster files are recognised by their first bytes, before
 * sharp sees them, and measured from their header, so nothing is decoded to judge it.
 */

export type PictureProblem = Required<Pick<Problem, 'message' | 'fix'>>;

const SVG_NAME = /\.svgz?$/i;

export function isSvgName(path: string): boolean {
  return SVG_NAME.test(path.replace(/[?#].*$/, ''));
}

export function describeSvgPicture(path: string): PictureProblem {
  return {
    message: `gambar SVG "${path}" tidak diterima: berkas SVG dapat memuat skrip, yang berjalan di alamat situs resmi bila berkasnya dibuka langsung.`,
    fix: 'ubah gambarnya ke PNG, JPG atau WebP (misalnya ekspor ulang dari aplikasi pengolah gambarnya), lalu tulis nama berkas barunya.',
  };
}

type RasterFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif';

/** The formats Astro's image pipeline turns into WebP, by their signatures. */
export function sniffRaster(head: Uint8Array): RasterFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  // HEIC shares the container; sharp's prebuilt libvips cannot decode it, so only AVIF brands.
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'avif';
  return undefined;
}

const SIGNATURE_BYTES = 16;

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path);
  try {
    const head = new Uint8Array(SIGNATURE_BYTES);
    const { bytesRead } = await file.read(head, 0, SIGNATURE_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * A picture attached as a file (`lampiran`), served as it is: it must really be a raster picture,
 * whatever its name says. `path` is the file on disk, `name` the path as the item writes it.
 */
export async function checkServedPicture(path: string, name: string): Promise<PictureProblem | undefined> {
  const head = await readHead(path);
  return sniffRaster(head) === undefined ? describeNotRaster(name, head) : undefined;
}

/**
 * A picture the site resizes: a raster file within `pixelLimit`. sharp's metadata reads the
 * header only, so its own pixel limit is lifted for that call; the limit that counts is ours.
 */
export async function checkProcessedPicture(path: string, name: string, pixelLimit: number): Promise<PictureProblem | undefined> {
  const head = await readHead(path);
  if (sniffRaster(head) === undefined) return describeNotRaster(name, head);
  // Loaded here, not with the module: the content schema names SVG through this module too.
  const { default: sharp } = await import('sharp');
  let metadata: Metadata;
  try {
    metadata = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return { message: `berkas gambar "${name}" rusak atau terpotong, sehingga tidak bisa diolah.`, fix: 'simpan ulang gambarnya dari aplikasi pengolah gambar atau kamera, lalu unggah lagi.' };
  }
  const width = metadata.width;
  const height = metadata.pageHeight ?? metadata.height;
  const frames = metadata.pages ?? 1;
  const pixels = width * height * frames;
  if (pixels <= pixelLimit) return undefined;
  const animation = frames > 1 ? `, ${frames} bingkai animasi` : '';
  return {
    message: `gambar "${name}" berukuran ${width} × ${height} piksel (${megapixels(pixels)} megapiksel${animation}), melebihi batas ${megapixels(pixelLimit)} megapiksel: mengolahnya menghabiskan memori mesin yang membangun situs.`,
    fix: 'perkecil gambarnya (lebar 4000 piksel sudah lebih dari cukup untuk situs), lalu unggah ulang. Batasnya diatur di `periksa.batas_piksel_gambar` pada tayang.config.yml.',
  };
}

function describeNotRaster(name: string, head: Uint8Array): PictureProblem {
  // SVG and HTML are text starting with "<" (after a byte-order mark or blank lines).
  const markup = /^(\uFEFF)?\s*</.test(new TextDecoder().decode(head));
  return {
    message: `berkas "${name}" bukan gambar JPG, PNG, WebP, AVIF atau GIF${markup ? '; isinya teks seperti SVG atau HTML, yang dapat menjalankan skrip bila dibuka langsung' : ''}.`,
    fix: 'simpan ulang gambarnya sebagai JPG, PNG atau WebP dari aplikasi pengolah gambar, lalu unggah lagi.',
  };
}

const MEGAPIXELS = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

function megapixels(pixels: number): string {
  return MEGAPIXELS.format(pixels / 1_000_000);
}
