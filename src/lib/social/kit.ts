import { posix } from 'node:path';
import type { Config } from '../config/schema.ts';
import type { FocusPoint } from '../content/focus.ts';
import type { Item } from '../content/load.ts';
import type { Problem } from '../errors/problem.ts';
import { TYPE_LABELS } from '../site/labels.ts';
import { absoluteUrl, itemPath, withBase } from '../site/urls.ts';
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
  /** The photo's focal point (`gambar.fokus`), which the crop keeps. */
  focus?: FocusPoint;
  card: { label: string; title: string };
}

export interface KitPlan {
  posts: SocialPost[];
  /** Every image to render, once per path. */
  images: ImageJob[];
  problems: Problem[];
}

/** The page of an item: `<situs><base>/<jenis>/<slug>/`, as the Astro build makes it. */
export function itemUrl(site: string, base: string, item: Pick<Item, 'jenis' | 'slug'>): string {
  return absoluteUrl(site, withBase(base, itemPath(item.jenis, item.slug)));
}

/** The item's photo (repository-relative path), its alt text and focus, if it has one. */
function photoOf(item: Item): { file: string; alt: string; focus?: FocusPoint } | undefined {
  const photo = item.data.gambar ?? (item.jenis === 'galeri' ? item.data.foto[0] : undefined);
  if (!photo) return undefined;
  return { file: posix.normalize(posix.join(item.dir, photo.src)), alt: photo.alt, focus: photo.fokus };
}

export interface KitOptions {
  /** Astro's `base` (TAYANG_BASE): `/` on an own domain, `/<repo>/` on a GitHub Pages project site. */
  base?: string;
  limits?: PlatformLimits;
}

/**
 * Plans the social kit of some items: the text of every post within its platform's limits,
 * and the images to render. Pure: rendering and writing happen in `writeSocialKit`.
 */
export function planSocialKit(items: readonly Item[], config: Config, { base = '/', limits = PLATFORM_LIMITS }: KitOptions = {}): KitPlan {
  const posts: SocialPost[] = [];
  const images = new Map<string, ImageJob>();
  const problems: Problem[] = [];
  const { kantor, publikasi } = config;

  for (const item of items) {
    // The office's own pages are not news: they are never posted.
    if (item.jenis === 'halaman') continue;
    const social = item.data.sosial;
    if (social?.nonaktif) continue;

    const chosen = social?.platform ?? publikasi.platform;
    // YouTube only for a video file still to be uploaded (by hand); one already there needs no post.
    const platforms = chosen.filter((p) => (p === 'youtube' ? item.jenis === 'video' && item.data.youtube === undefined : true));
    const url = itemUrl(kantor.situs, base, item);
    const parts = describeItem(item, kantor.zona_waktu);
    const hashtags = makeHashtags([...(social?.tagar ?? []), ...item.data.tag, ...publikasi.tagar]);
    const photo = photoOf(item);
    const title = item.data.judul;

    for (const platform of platforms) {
      const limit = limits[platform];
      const override = social?.teks[platform];
      const fitted = fitText(platform, limit, platform === 'youtube' ? { ...parts, headline: '' } : parts, linkLine(limit, url), hashtags, override);
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
        const card = { label: TYPE_LABELS[item.jenis].title, title };
        const job: ImageJob = photo
          ? { path, width, height, alt: photo.alt, photo: photo.file, focus: photo.focus, card }
          : { path, width, height, alt: `${card.label}: ${title}. ${kantor.nama}.`, card };
        images.set(path, job);
        post.images.push({ path, width, height, alt: job.alt });
      }
      posts.push(post);
    }
  }
  return { posts, images: [...images.values()], problems };
}
