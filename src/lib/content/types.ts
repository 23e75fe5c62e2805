/**
 * The kinds of public information an office publishes (DESIGN.md §4), and `halaman`, the
 * office's own pages (visi dan misi, maklumat pelayanan…). One item is one folder
 * `content/<jenis>/<slug>/index.md` with its images, captions and attachments beside it.
 */
export const CONTENT_TYPES = ['berita', 'pengumuman', 'agenda', 'artikel', 'galeri', 'video', 'audio', 'dokumen', 'data', 'halaman'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Types whose items make a section of the site: a list at `/<jenis>/`, pages at `/<jenis>/<slug>/`. */
export const SECTION_TYPES = CONTENT_TYPES.filter((jenis): jenis is Exclude<ContentType, 'halaman'> => jenis !== 'halaman');
export type SectionType = (typeof SECTION_TYPES)[number];

/**
 * Types whose items are read as text: they get a braille edition and "Dengarkan". Audio keeps its
 * recording and transcript; galleries, video and data are pictures, media and tables.
 */
export const TEXT_TYPES = ['berita', 'pengumuman', 'agenda', 'artikel', 'dokumen', 'halaman'] as const satisfies readonly ContentType[];
export type TextType = (typeof TEXT_TYPES)[number];

export function isTextType(jenis: ContentType): jenis is TextType {
  return (TEXT_TYPES as readonly string[]).includes(jenis);
}

/**
 * A `halaman` is served at `/<slug>/`, beside the site's own addresses, so these folder names are
 * taken: the sections, the register, the profile, the error page, the social kit (`/sosial/`), the
 * search page (`/cari/`), the performance page (`/kinerja/`) and the search index the build writes
 * beside the pages (`/pagefind/`, SEARCH_INDEX_DIR).
 * src/lib/content/slug.test.ts holds this to the top-level routes in src/pages/.
 */
export const SITE_ADDRESSES: readonly string[] = [...CONTENT_TYPES, 'informasi-publik', 'profil', '404', 'sosial', 'cari', 'kinerja', 'pagefind'];

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
