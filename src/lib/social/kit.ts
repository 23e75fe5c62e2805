import { posix } from 'node:path';
import type { Config } from '../config/schema.ts';
import type { ContentItem } from '../content/types.ts';
import type { Problem } from '../errors/problem.ts';
import { validateData } from '../errors/validate.ts';
import { SocialSettingsSchema } from './frontmatter.ts';
import { makeHashtags } from './hashtags.ts';
import { PLATFORM_LIMITS, measureText, type Platform, type PlatformLimits } from './limits.ts';
import { describeItem, fitText, linkLine, shorten, stripAngleBrackets } from './templates.ts';

/** An image of a post; `path` is relative to the kit folder (deployed at `<situs>/sosial/`). */
export interface SocialImage {
  path: string;
  width: number;
  height: number;
  alt: string;
}

/** One post of the kit: the JSON shape of `tayang sosial --format json` (DESIGN.md §4). */
export interface SocialPost {
  /** The item's folder, e.g. `content/berita/musrenbang-2025`. */
  item: string;
  platform: Platform;
  text: string;
  /** The item's page. */
  url: string;
  images: SocialImage[];
  /** YouTube only: the video's title. */
  title?: string;
}

/** How an image is made: cropped from the item's photo when it has one, otherwise a title card. */
export interface ImageJob extends SocialImage {
  /** Repository-relative path of the photo. */
  photo?: string;
  card: { label: string; title: string };
}

export interface KitPlan {
  posts: SocialPost[];
  /** Every image to render, once per path. */
  images: ImageJob[];
  problems: Problem[];
}

const CARD_LABELS: Record<ContentItem['jenis'], string> = {
  berita: 'Berita',
  pengumuman: 'Pengumuman',
  agenda: 'Agenda',
  artikel: 'Artikel',
  galeri: 'Galeri foto',
  video: 'Video',
  audio: 'Audio',
  dokumen: 'Dokumen',
  data: 'Data',
};

/** The page of an item on the office's site (the Astro routes are /<jenis>/<slug>/). */
export function itemUrl(site: string, item: Pick<ContentItem, 'jenis' | 'slug'>): string {
  return `${site.replace(/\/+$/, '')}/${item.jenis}/${item.slug}/`;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The item's photo (repository-relative path) and its alt text, if it has one. */
function photoOf(item: ContentItem): { file: string; alt: string } | undefined {
  const data = item.data as { gambar?: { src?: unknown; alt?: unknown }; foto?: { src?: unknown; alt?: unknown }[] };
  const photo = data.gambar ?? (Array.isArray(data.foto) ? data.foto[0] : undefined);
  const src = text(photo?.src);
  if (src === '' || /^https?:/.test(src)) return undefined;
  return { file: posix.normalize(posix.join(item.dir, src.replace(/^\.\//, ''))), alt: text(photo?.alt) };
}

/**
 * Plans the social kit of some items: the text of every post within its platform's limits,
 * and the images to render. Pure: rendering and writing happen in `writeSocialKit`.
 */
export function planSocialKit(items: readonly ContentItem[], config: Config, limits: PlatformLimits = PLATFORM_LIMITS): KitPlan {
  const posts: SocialPost[] = [];
  const images = new Map<string, ImageJob>();
  const problems: Problem[] = [];
  const { kantor, publikasi } = config;

  for (const item of items) {
    if (item.data.sosial === false) continue; // the item opts out
    // Validated on its own (not as a union with `false`) so a problem names the exact field.
    const parsed = validateData(SocialSettingsSchema.optional(), item.data.sosial, item.file);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => ({ ...p, field: p.field ? `sosial.${p.field}` : 'sosial' })));
      continue;
    }
    const social = parsed.value;

    const chosen = social?.platform ?? publikasi.platform;
    const platforms = chosen.filter((p) => (p === 'youtube' ? item.jenis === 'video' : true));
    const url = itemUrl(kantor.situs, item);
    const parts = describeItem(item, kantor.zona_waktu);
    const tags = Array.isArray(item.data.tag) ? item.data.tag.filter((t): t is string => typeof t === 'string') : [];
    const hashtags = makeHashtags([...(social?.tagar ?? []), ...tags, ...publikasi.tagar]);
    const photo = photoOf(item);
    const title = text(item.data.judul);

    for (const platform of platforms) {
      const limit = limits[platform];
      const override = social?.teks[platform];
      const fitted = fitText(platform, limit, platform === 'youtube' ? { ...parts, headline: '' } : parts, linkLine(platform, limit, url), hashtags, override);
      if (fitted.tooLong) {
        problems.push({
          file: item.file,
          field: `sosial.teks.${platform}`,
          message: `teks untuk ${platform} sepanjang ${fitted.tooLong.length} karakter${platform === 'x' ? ' berbobot' : ''}, padahal batasnya ${fitted.tooLong.limit} (termasuk tautan halaman).`,
          fix: 'persingkat teksnya.',
        });
        continue;
      }
      const post: SocialPost = { item: item.dir, platform, text: platform === 'youtube' ? stripAngleBrackets(fitted.text) : fitted.text, url, images: [] };
      if (platform === 'youtube' && limit.judul) {
        post.title = shorten(stripAngleBrackets(title), (candidate) => measureText(platform, candidate) <= limit.judul!);
      }
      for (const [width, height] of limit.gambar) {
        const path = `${item.jenis}/${item.slug}/${width}x${height}.jpg`;
        const card = { label: CARD_LABELS[item.jenis], title };
        const job: ImageJob = photo
          ? { path, width, height, alt: photo.alt, photo: photo.file, card }
          : { path, width, height, alt: `${card.label}: ${title}. ${kantor.nama}.`, card };
        images.set(path, job);
        post.images.push({ path, width, height, alt: job.alt });
      }
      posts.push(post);
    }
  }
  return { posts, images: [...images.values()], problems };
}
