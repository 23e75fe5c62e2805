import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Office } from '../config/schema.ts';
import type { Item } from '../content/load.ts';
import type { ContentType } from '../content/types.ts';
import { formatLocal, formatLocalRange } from '../site/dates.ts';
import { CATEGORY_LABELS } from '../site/register.ts';
import { measureText, type Platform, type PlatformLimit } from './limits.ts';

/** What a post says about an item, before it is fitted to a platform. */
export interface PostParts {
  headline: string;
  /** The part that may be shortened: a news item's lead paragraph, otherwise its summary. */
  lead: string;
  /** Facts that must stay whole: validity, date and place, document number, data period. */
  details: string[];
}

const HEADLINE_LABELS: Partial<Record<ContentType, string>> = {
  pengumuman: 'Pengumuman',
  agenda: 'Agenda',
  dokumen: 'Dokumen',
  data: 'Data',
  galeri: 'Galeri foto',
  video: 'Video',
  audio: 'Audio',
};


/** The first paragraph of a Markdown body as plain text: the lead of a news item. */
export function firstParagraph(markdown: string): string {
  const tree = unified().use(remarkParse).parse(markdown);
  const paragraph = tree.children.find((node) => node.type === 'paragraph' && toString(node).trim() !== '');
  return paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : '';
}

/** The parts of a post per content type (news lead; validity; date and place; number; period). */
export function describeItem(item: Item, zone: Office['zona_waktu']): PostParts {
  const label = HEADLINE_LABELS[item.jenis];
  const paragraph = firstParagraph(item.body);
  const lead = item.jenis === 'berita' ? paragraph || item.data.ringkasan : item.data.ringkasan || paragraph;
  const details: string[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value) details.push(`${name}: ${value}`);
  };
  switch (item.jenis) {
    case 'pengumuman':
      add('Berlaku sampai', item.data.berlaku_sampai && formatLocal(item.data.berlaku_sampai, zone));
      break;
    case 'agenda':
      add('Waktu', formatLocalRange(item.data.mulai, item.data.selesai, zone));
      add('Tempat', item.data.lokasi);
      add('Penyelenggara', item.data.penyelenggara);
      break;
    case 'dokumen':
      add('Nomor', item.data.nomor);
      if (item.data.kategori !== 'lainnya') add('Jenis', CATEGORY_LABELS[item.data.kategori]);
      break;
    case 'data':
      add('Periode', item.data.periode);
      add('Produsen data', item.data.produsen);
      break;
  }
  return { headline: label ? `${label}: ${item.data.judul}` : item.data.judul, lead, details };
}

/** The shortest lead worth keeping after a cut (characters); shorter, it is left out. */
const MIN_LEAD_LENGTH = 60;

/** A post fitted to a platform. */
export interface FittedText {
  text: string;
  /** The text did not fit even without the lead and hashtags (only when it came from an override). */
  tooLong?: { length: number; limit: number };
}

/** "Selengkapnya: URL", or for Instagram, where links cannot be clicked, the URL written plainly. */
export function linkLine(limit: PlatformLimit, url: string): string {
  if (limit.tautan_bisa_diklik) return `Selengkapnya: ${url}`;
  return `Selengkapnya di situs kami (tautan di bio): ${url.replace(/^https?:\/\//, '').replace(/\/$/, '')}`;
}

/** Cuts text at a word boundary so that `fits(result)` holds; the cut is marked with "…". */
export function shorten(value: string, fits: (candidate: string) => boolean): string {
  if (fits(value)) return value;
  const words = value.split(/\s+/);
  let low = 0;
  let high = words.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(`${words.slice(0, middle).join(' ')}…`)) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? '' : `${words.slice(0, low).join(' ').replace(/[,;:.]$/, '')}…`;
}

/**
 * Fits a post into a platform's limit, dropping in this order: the end of the lead, the
 * hashtags, the lead, the details, and last the end of the headline. The link always stays.
 * An author's own text (override) is never cut: it is reported as too long instead.
 */
export function fitText(
  platform: Platform,
  limit: PlatformLimit,
  parts: PostParts,
  link: string,
  hashtags: readonly string[],
  override?: string,
): FittedText {
  const tags = hashtags.slice(0, limit.tagar).join(' ');
  const compose = (headline: string, lead: string, details: readonly string[], withTags: boolean) =>
    [headline, lead, details.join('\n'), link, withTags ? tags : ''].filter((part) => part !== '').join('\n\n');
  const fits = (candidate: string) => measureText(platform, candidate) <= limit.teks;

  if (override !== undefined) {
    for (const withTags of [true, false]) {
      const candidate = compose(override.trim(), '', [], withTags);
      if (fits(candidate)) return { text: candidate };
    }
    const candidate = compose(override.trim(), '', [], false);
    return { text: candidate, tooLong: { length: measureText(platform, candidate), limit: limit.teks } };
  }

  const { headline, lead, details } = parts;
  const full = compose(headline, lead, details, true);
  if (fits(full)) return { text: full };
  // A lead cut to a few words says nothing: keep a meaningful part of it, or leave it out.
  const meaningful = (candidate: string) => [...candidate].length >= MIN_LEAD_LENGTH;
  for (const withTags of [true, false]) {
    const shortLead = shorten(lead, (candidate) => fits(compose(headline, candidate, details, withTags)));
    if (meaningful(shortLead)) return { text: compose(headline, shortLead, details, withTags) };
  }
  for (const withTags of [true, false]) {
    if (fits(compose(headline, '', details, withTags))) return { text: compose(headline, '', details, withTags) };
  }
  const shortHeadline = shorten(headline, (candidate) => fits(compose(candidate, '', [], false)));
  return { text: compose(shortHeadline, '', [], false) };
}

/** YouTube titles and descriptions may not contain "<" or ">". */
export function stripAngleBrackets(value: string): string {
  return value.replace(/[<>]/g, '');
}
