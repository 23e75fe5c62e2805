import { extname } from 'node:path';

/**
 * Content types of the files a built Tayang site holds. Browsers need them right for CSS, JS,
 * fonts and captions (a `.vtt` served as anything else is ignored by `<track>`), and object
 * storage serves whatever type the upload declared.
 */
const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  // Braille ASCII (src/lib/braille/brf.ts); it has no registered type, and embossers' software reads it as text.
  '.brf': 'text/plain; charset=us-ascii',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Anything else is application/octet-stream, which is right for the search index's files
 * (`pagefind/*.pagefind`, `*.pf_meta`, `*.pf_index`, `*.pf_fragment`, `*.pf_filter`): gzip bytes
 * Pagefind's script unpacks itself, so they must not be sent as gzip content-encoding or as wasm.
 */
export function mediaTypeOf(path: string): string {
  return MEDIA_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
