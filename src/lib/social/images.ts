import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { extractAroundFocus, type FocusPoint } from '../content/focus.ts';

/** Who the images speak for: the office's name, and its logo file when configured. */
export interface Identity {
  office: string;
  /** Logo file contents (SVG or raster). */
  logo?: Buffer;
}

export interface TitleCard {
  /** The content type as readers know it, e.g. "Pengumuman". */
  label: string;
  title: string;
}

// A dark band keeps white text above WCAG's 4.5:1 contrast on any photo.
const BAND_COLOUR = 'rgba(0,0,0,0.72)';
const CARD_COLOUR = '#0b4f6c';
const FONT = "'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const JPEG = { quality: 85, mozjpeg: true } as const;

export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Breaks text into lines of at most `width` characters; the last kept line ends with "…". */
export function wrapWords(value: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word.length > width ? `${word.slice(0, width - 1)}…` : word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1).replace(/\s+\S*$/, '')}…`;
  return kept;
}

async function logoLayer(logo: Buffer, size: number): Promise<Buffer> {
  return sharp(logo).resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer();
}

/** The band with the office's name (and logo) along the bottom of every image. */
async function identityLayers(width: number, height: number, identity: Identity): Promise<OverlayOptions[]> {
  const band = Math.round(height * 0.09);
  const padding = Math.round(band * 0.2);
  const logoSize = band - 2 * padding;
  const textX = identity.logo ? padding * 2 + logoSize : padding * 2;
  const fontSize = Math.round(band * 0.4);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${band}">
  <rect width="100%" height="100%" fill="${BAND_COLOUR}"/>
  <text x="${textX}" y="${Math.round(band / 2 + fontSize * 0.35)}" font-family="${FONT}" font-size="${fontSize}" font-weight="bold" fill="#ffffff">${escapeXml(identity.office)}</text>
</svg>`;
  const layers: OverlayOptions[] = [{ input: Buffer.from(svg), left: 0, top: height - band }];
  if (identity.logo) layers.push({ input: await logoLayer(identity.logo, logoSize), left: padding, top: height - band + padding });
  return layers;
}

/**
 * A photo cropped to the platform's size around its subject, with the office's band, as JPEG
 * (Instagram's publishing API accepts only JPEG). The subject is the author's focus
 * (`gambar.fokus`) when there is one, otherwise what sharp's attention strategy finds (the
 * region with the most luminance frequency, saturation and skin tones).
 */
export async function renderPhoto(photo: Buffer, width: number, height: number, identity: Identity, focus?: FocusPoint): Promise<Buffer> {
  const cropped = await (await cropAround(photo, width, height, focus)).toBuffer();
  return sharp(cropped).composite(await identityLayers(width, height, identity)).flatten({ background: '#ffffff' }).jpeg(JPEG).toBuffer();
}

/** `width` × `height` of the photo, upright as the camera's EXIF orientation says, around its subject. */
async function cropAround(photo: Buffer, width: number, height: number, focus: FocusPoint | undefined): Promise<Sharp> {
  if (focus === undefined) return sharp(photo).rotate().resize(width, height, { fit: 'cover', position: sharp.strategy.attention });
  return (await extractAroundFocus(sharp(photo), width, height, focus)).resize(width, height, { fit: 'fill' });
}

/** For items without a photo: a card with the content type, the title and the office's band. */
export async function renderTitleCard(card: TitleCard, width: number, height: number, identity: Identity): Promise<Buffer> {
  const margin = Math.round(width * 0.07);
  const band = Math.round(height * 0.09);
  const titleSize = Math.round(Math.min(width, height) * (width / height > 1.5 ? 0.075 : 0.07));
  const lineHeight = Math.round(titleSize * 1.25);
  const perLine = Math.max(8, Math.floor((width - 2 * margin) / (titleSize * 0.64)));
  const maxLines = Math.max(2, Math.floor((height - band - margin * 2 - titleSize * 2) / lineHeight));
  const lines = wrapWords(card.title, perLine, maxLines);
  const labelSize = Math.round(titleSize * 0.55);
  const top = margin + labelSize;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="${CARD_COLOUR}"/>
  <rect x="${margin}" y="${top + labelSize * 0.6}" width="${Math.round(width * 0.12)}" height="${Math.max(4, Math.round(labelSize * 0.18))}" fill="#f6c343"/>
  <text x="${margin}" y="${top}" font-family="${FONT}" font-size="${labelSize}" font-weight="bold" fill="#f6c343">${escapeXml(card.label.toUpperCase())}</text>
  ${lines
    .map((line, i) => `<text x="${margin}" y="${top + labelSize * 1.6 + titleSize + i * lineHeight}" font-family="${FONT}" font-size="${titleSize}" font-weight="bold" fill="#ffffff">${escapeXml(line)}</text>`)
    .join('\n  ')}
</svg>`;
  return sharp(Buffer.from(svg)).composite(await identityLayers(width, height, identity)).flatten({ background: CARD_COLOUR }).jpeg(JPEG).toBuffer();
}
