/**
 * Links inside the site. Astro's `base` (a GitHub Pages project site lives under `/<repo>/`)
 * comes in as a parameter so these stay pure; pages pass `import.meta.env.BASE_URL`.
 */

/** `withBase('/kantor/', 'berita/')` → `/kantor/berita/`; paths end in `/` like the built pages. */
export function withBase(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const relative = path.replace(/^\/+/, '');
  return `${root}${relative}`;
}

/** Absolute URL for feeds, canonical links and Open Graph (which require absolute URLs). */
export function absoluteUrl(site: URL | string, path: string): string {
  return new URL(path, site).href;
}

/** Path of an item's page: `/berita/musrenbang-2025/`; an office page is at the root, `/visi-misi/`. */
export function itemPath(jenis: string, slug: string): string {
  return jenis === 'halaman' ? `/${slug}/` : `/${jenis}/${slug}/`;
}
