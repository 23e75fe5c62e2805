import { posix } from 'node:path';
import type { CheckDocument } from './document.ts';

/**
 * The repository path of a file a document references (`gambar.src: ./foto.jpg`, a Markdown
 * link `lampiran.pdf`), or undefined for web addresses and site-absolute paths, which are not
 * files beside the item.
 */
export function resolveReference(doc: CheckDocument, reference: string): string | undefined {
  const ref = reference.trim().split(/[?#]/)[0]!;
  if (ref === '' || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/') || ref.startsWith('//')) return undefined;
  return posix.normalize(posix.join(doc.dir, decodeAsAstro(ref)));
}

/** Whether a resolved path stays inside the document's own folder (no `../` out of the item). */
export function isInsideFolder(doc: CheckDocument, path: string): boolean {
  return doc.dir === '' ? !path.startsWith('../') : path.startsWith(`${doc.dir}/`);
}

/** decodeURI, as Astro decodes the addresses it publishes (`foto%23.jpg` stays that file's name). */
function decodeAsAstro(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** `value` when it is an object (a frontmatter map), else undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `value` when it is a non-empty string after trimming, else undefined. */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
