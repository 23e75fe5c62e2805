import { describe, expect, it } from 'vitest';
import { buildPageMeta, summarize } from './meta.ts';

const base = {
  description: 'Musyawarah perencanaan pembangunan tingkat kecamatan membahas 42 usulan desa.',
  url: 'https://jenawi.karanganyarkab.go.id/berita/musrenbang-2026/',
  siteName: 'Kecamatan Jenawi',
};

function tag(meta: ReturnType<typeof buildPageMeta>, key: string): string | undefined {
  return meta.tags.find((t) => ('name' in t ? t.name : t.property) === key)?.content;
}

describe('page meta', () => {
  it('puts the page before the office in the title', () => {
    const meta = buildPageMeta({ ...base, title: 'Musrenbang 2026', type: 'article' });
    expect(meta.title).toBe('Musrenbang 2026 — Kecamatan Jenawi');
    expect(tag(meta, 'og:title')).toBe('Musrenbang 2026');
  });

  it('uses the office name alone on the home page', () => {
    expect(buildPageMeta({ ...base, type: 'website' }).title).toBe('Kecamatan Jenawi');
  });

  it('shows a large card with the image and its alt text when the item has an image', () => {
    const meta = buildPageMeta({
      ...base,
      title: 'Musrenbang 2026',
      type: 'article',
      image: { url: 'https://jenawi.karanganyarkab.go.id/_astro/musrenbang.jpg', alt: 'Camat membuka musrenbang', width: 1200, height: 630 },
    });
    expect(tag(meta, 'twitter:card')).toBe('summary_large_image');
    expect(tag(meta, 'og:image')).toBe('https://jenawi.karanganyarkab.go.id/_astro/musrenbang.jpg');
    expect(tag(meta, 'og:image:alt')).toBe('Camat membuka musrenbang');
    expect(tag(meta, 'og:image:width')).toBe('1200');
  });

  it('shows a small card without an image', () => {
    const meta = buildPageMeta({ ...base, title: 'Profil', type: 'website' });
    expect(tag(meta, 'twitter:card')).toBe('summary');
    expect(tag(meta, 'og:image')).toBeUndefined();
  });

  it('marks the publication time of articles', () => {
    const meta = buildPageMeta({ ...base, title: 'X', type: 'article', published: '2025-11-21T09:00:00+07:00' });
    expect(tag(meta, 'article:published_time')).toBe('2025-11-21T09:00:00+07:00');
  });
});

describe('summarize', () => {
  it('keeps short text whole, with whitespace flattened', () => {
    expect(summarize('Satu\n  dua')).toBe('Satu dua');
  });

  it('cuts long text at a word boundary and marks the cut', () => {
    const text = 'kata '.repeat(60);
    const summary = summarize(text, 40);
    expect(summary.length).toBeLessThanOrEqual(40);
    expect(summary).toMatch(/kata…$/);
  });
});
