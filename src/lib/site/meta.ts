/**
 * The `<head>` tags of a page: title, description, canonical URL, Open Graph and Twitter card,
 * so a link shared on WhatsApp, Facebook or X shows the office, the title and the item's image.
 */

export interface PageMetaInput {
  /** The page's own title (its h1); absent on the home page. */
  title?: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  siteName: string;
  /** Absolute URL of an image, with its alt text. */
  image?: { url: string; alt: string; width?: number; height?: number };
  type: 'website' | 'article';
  /** ISO date-times for articles. */
  published?: string;
  modified?: string;
}

export type MetaTag = { name: string; content: string } | { property: string; content: string };

export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  tags: MetaTag[];
}

/** "Judul — Kecamatan Jenawi": the page first, so tabs and search results show what differs. */
export function pageTitle(title: string | undefined, siteName: string): string {
  return title ? `${title} — ${siteName}` : siteName;
}

export function buildPageMeta(input: PageMetaInput): PageMeta {
  const title = pageTitle(input.title, input.siteName);
  const description = summarize(input.description);
  const tags: MetaTag[] = [
    { name: 'description', content: description },
    { property: 'og:type', content: input.type },
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:locale', content: 'id_ID' },
    { property: 'og:title', content: input.title ?? input.siteName },
    { property: 'og:description', content: description },
    { property: 'og:url', content: input.url },
    { name: 'twitter:card', content: input.image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: input.title ?? input.siteName },
    { name: 'twitter:description', content: description },
  ];
  if (input.image) {
    tags.push({ property: 'og:image', content: input.image.url }, { property: 'og:image:alt', content: input.image.alt });
    if (input.image.width && input.image.height) {
      tags.push(
        { property: 'og:image:width', content: String(input.image.width) },
        { property: 'og:image:height', content: String(input.image.height) },
      );
    }
    tags.push({ name: 'twitter:image', content: input.image.url }, { name: 'twitter:image:alt', content: input.image.alt });
  }
  if (input.type === 'article' && input.published) tags.push({ property: 'article:published_time', content: input.published });
  if (input.type === 'article' && input.modified) tags.push({ property: 'article:modified_time', content: input.modified });
  return { title, description, canonical: input.url, tags };
}

/** Social previews cut descriptions near 160 characters; cut at a word and say so with "…". */
export function summarize(text: string, limit = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
