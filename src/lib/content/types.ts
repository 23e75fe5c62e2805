/**
 * The nine kinds of public information an office publishes (DESIGN.md §4). One item is one
 * folder `content/<jenis>/<slug>/index.md` with its images, captions and attachments beside it.
 */
export const CONTENT_TYPES = ['berita', 'pengumuman', 'agenda', 'artikel', 'galeri', 'video', 'audio', 'dokumen', 'data'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const CONTENT_ROOT = 'content';

/** An item read from disk, outside Astro (CLI, checks, social kit, records). */
export interface ContentItem<Data = Record<string, unknown>> {
  jenis: ContentType;
  slug: string;
  /** Repository-relative folder, e.g. `content/berita/musrenbang-2025`. */
  dir: string;
  /** Repository-relative path of the Markdown file, e.g. `content/berita/musrenbang-2025/index.md`. */
  file: string;
  /** Validated frontmatter. */
  data: Data;
  /** Markdown body without the frontmatter. */
  body: string;
  /** 1-based line in `file` where `body` starts, so findings in the body can name file lines. */
  bodyLine: number;
}

export function isContentType(value: string): value is ContentType {
  return (CONTENT_TYPES as readonly string[]).includes(value);
}
