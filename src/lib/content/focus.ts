import type { Sharp } from 'sharp';

/**
 * The focal point of a picture (`gambar.fokus`): what every crop keeps, the site's cards and
 * social previews as well as the social kit's portrait and square images. A point in per cent
 * of the picture's width and height from its top-left corner; a named side is a point on that
 * edge, so a crop around it lies against the edge.
 */

export interface FocusPoint {
  /** Per cent of the width, from the left (0–100). */
  x: number;
  /** Per cent of the height, from the top (0–100). */
  y: number;
}

/** Named sides and corners, as authors write them. */
export const FOCUS_NAMES: Readonly<Record<string, FocusPoint>> = {
  tengah: { x: 50, y: 50 },
  atas: { x: 50, y: 0 },
  bawah: { x: 50, y: 100 },
  kiri: { x: 0, y: 50 },
  kanan: { x: 100, y: 50 },
  'kiri-atas': { x: 0, y: 0 },
  'kanan-atas': { x: 100, y: 0 },
  'kiri-bawah': { x: 0, y: 100 },
  'kanan-bawah': { x: 100, y: 100 },
};

export interface CropWindow {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest window of the target's shape inside a `width` × `height` picture, centred on the
 * focus where the picture allows and pushed back inside it where it does not (a focus at the
 * edge puts the window against that edge). Whole pixels, never outside the picture.
 */
export function cropWindow(width: number, height: number, targetWidth: number, targetHeight: number, focus: FocusPoint): CropWindow {
  const scale = Math.min(width / targetWidth, height / targetHeight);
  const windowWidth = Math.min(width, Math.round(targetWidth * scale));
  const windowHeight = Math.min(height, Math.round(targetHeight * scale));
  const place = (size: number, windowSize: number, percent: number) => Math.min(size - windowSize, Math.max(0, Math.round((size * percent) / 100 - windowSize / 2)));
  return { left: place(width, windowWidth, focus.x), top: place(height, windowHeight, focus.y), width: windowWidth, height: windowHeight };
}

/** The picture upright (as its EXIF orientation says) and cut to the target's shape around the focus. */
export async function extractAroundFocus(picture: Sharp, targetWidth: number, targetHeight: number, focus: FocusPoint): Promise<Sharp> {
  const { autoOrient } = await picture.metadata();
  return picture.rotate().extract(cropWindow(autoOrient.width, autoOrient.height, targetWidth, targetHeight, focus));
}

/**
 * The focus as the site's image service receives it: Astro passes an image's `position` on to
 * the service, and this form ("30% 60%", CSS's) is one sharp's own positions never take.
 */
export function focusPosition(focus: FocusPoint): string {
  return `${focus.x}% ${focus.y}%`;
}

/**
 * The `position` of a crop of the site: around the focus, or without one where sharp's attention
 * strategy finds the subject, as the social kit's crops do.
 */
export function cropPosition(focus: FocusPoint | undefined): string {
  return focus === undefined ? 'attention' : focusPosition(focus);
}

export function parseFocusPosition(position: unknown): FocusPoint | undefined {
  const match = typeof position === 'string' ? /^(\d+(?:\.\d+)?)% (\d+(?:\.\d+)?)%$/.exec(position) : null;
  return match ? { x: Number(match[1]), y: Number(match[2]) } : undefined;
}
