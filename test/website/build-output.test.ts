import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { serveDirectory } from '../../src/lib/a11y/static-server.ts';
import { isReviewOverdue } from '../../src/lib/config/stale.ts';
import { localToday } from '../../src/lib/content/time.ts';
import { contentSecurityPolicy } from '../../src/lib/site/csp.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildExampleSite, type BuiltSite } from '../site/example-site.ts';

// The example office's site built as a GitHub Pages project site (under /kantor/), then read as
// files: every link resolves, the base path is kept, and no published picture carries EXIF/GPS.

/** The repository root: the example office's config, content and the site's source. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASE = '/kantor/';
let site: BuiltSite;
let dist: string;

beforeAll(async () => {
  // Through the shared helper, which takes turns with the other test builds: two astro builds of
  // one project at once corrupt each other's content store (node_modules/.astro).
  site = await buildExampleSite(BASE);
  dist = site.dist;
});

afterAll(async () => {
  await site?.remove();
});

/** Files under `dir`, as paths relative to it with a leading `/`. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length));
}

const hashOf = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
const PICTURE = /\.(jpe?g|png|webp|avif)$/i;

const exists = (path: string) => stat(path).then(() => true, () => false);

/** The file a site path is served from: `/kantor/berita/` → `dist/berita/index.html`. */
function fileOf(path: string): string {
  const inside = decodeURIComponent(path.slice(BASE.length - 1));
  return join(dist, inside.endsWith('/') ? `${inside}index.html` : inside);
}

describe('the Content-Security-Policy', () => {
  const hosts = (parseYaml(readFileSync(join(ROOT, 'src/lib/checks/data/iframe-hosts.yml'), 'utf8')) as { hosts: string[] }).hosts;

  it('is on every page, first after the charset, and allows no script but the site\'s own', async () => {
    const pages = (await files(dist)).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(30);
    const policy = contentSecurityPolicy(hosts);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    for (const page of pages) {
      const html = await readFile(join(dist, page), 'utf8');
      expect(html, page).toMatch(/<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
      expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'"), page).toBe(policy);
    }
  });

  it('needs no exception for the site\'s own pages: no inline script, style or style attribute', async () => {
    for (const page of (await files(dist)).filter((path) => path.endsWith('.html'))) {
      const html = await readFile(join(dist, page), 'utf8');
      expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, page).not.toMatch(/<style[\s>]/);
      expect(html, page).not.toMatch(/\sstyle=/);
    }
  });
});

describe('the built site under a base path', () => {
  it('links only to pages and files that exist, all under the base path', async () => {
    const pages = (await files(dist)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const page of pages) {
      const html = await readFile(join(dist, page), 'utf8');
      const refs = [...html.matchAll(/\s(?:href|src)="([^"]+)"|\ssrcset="([^"]+)"/g)].flatMap(([, single, set]) =>
        single !== undefined ? [single] : set!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!),
      );
      for (const ref of refs) {
        if (/^(https?:|mailto:|tel:|#)/.test(ref)) continue;
        if (!ref.startsWith(BASE)) broken.push(`${page}: ${ref} (tanpa base ${BASE})`);
        else if (!(await exists(fileOf(ref.split('#')[0]!)))) broken.push(`${page}: ${ref}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("publishes the form an office page links to from its text, and links it under the base path", async () => {
    const html = await readFile(join(dist, 'permohonan-informasi/index.html'), 'utf8');
    expect(html).toContain('href="/kantor/permohonan-informasi/formulir-permohonan-informasi.pdf"');
    const published = await readFile(join(dist, 'permohonan-informasi/formulir-permohonan-informasi.pdf'));
    expect(published.equals(await readFile(join(ROOT, 'content/halaman/permohonan-informasi/formulir-permohonan-informasi.pdf')))).toBe(true);
  });

  it('points canonical and Open Graph URLs at the office domain with the base path', async () => {
    const html = await readFile(join(dist, 'profil', 'index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://jenawi.karanganyarkab.go.id/kantor/profil/">');
    expect(html).toContain('<meta property="og:url" content="https://jenawi.karanganyarkab.go.id/kantor/profil/">');
  });

  it('tells search engines where the sitemap is', async () => {
    const robots = await readFile(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toContain('Sitemap: https://jenawi.karanganyarkab.go.id/kantor/sitemap-index.xml');
    expect(await exists(join(dist, 'sitemap-index.xml'))).toBe(true);
  });

  it('lists item pages in the RSS feed with absolute links under the base path', async () => {
    const feed = await readFile(join(dist, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map(([, link]) => link!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.startsWith('https://jenawi.karanganyarkab.go.id/kantor/')).toBe(true);
      expect(await exists(fileOf(new URL(link).pathname)), link).toBe(true);
    }
  });
});

describe('the office profile', () => {
  it('never presents a passed SOP review date as upcoming', async () => {
    const config = parseYaml(readFileSync(join(ROOT, 'tayang.config.yml'), 'utf8')) as { sop: { tinjauan_berikutnya?: string }; kantor: { zona_waktu?: string } };
    const html = await readFile(join(dist, 'profil', 'index.html'), 'utf8');
    const overdue = isReviewOverdue(config.sop as Parameters<typeof isReviewOverdue>[0], localToday(new Date(), config.kantor.zona_waktu ?? 'Asia/Jakarta'));
    if (overdue) {
      expect(html).toContain('<dt>Jadwal tinjauan</dt>');
      expect(html).toContain('<strong>terlambat ditinjau</strong>');
      expect(html).not.toContain('Tinjauan berikutnya');
    } else {
      expect(html).toContain('<dt>Tinjauan berikutnya</dt>');
      expect(html).not.toContain('terlambat ditinjau');
    }
  });
});

describe('published pictures', () => {
  it('are never the photographers\' original files', async () => {
    const originals = new Set(await Promise.all((await files(join(ROOT, 'content'))).filter((f) => PICTURE.test(f)).map((f) => hashOf(join(ROOT, 'content', f)))));
    expect(originals.size, 'the example office has photos').toBeGreaterThan(0);
    const copied: string[] = [];
    for (const picture of (await files(dist)).filter((f) => PICTURE.test(f))) {
      if (originals.has(await hashOf(join(dist, picture)))) copied.push(picture);
    }
    expect(copied).toEqual([]);
  });

  it('carry no EXIF, GPS, XMP or IPTC metadata', async () => {
    const pictures = (await files(dist)).filter((f) => PICTURE.test(f));
    expect(pictures.length, 'the example office publishes photos').toBeGreaterThan(0);
    const leaking: string[] = [];
    for (const picture of pictures) {
      const meta = await sharp(join(dist, picture)).metadata();
      if (meta.exif || meta.xmp || meta.iptc) leaking.push(picture);
    }
    expect(leaking).toEqual([]);
  });
});

describe('the search under the base path', () => {
  it('sends every search form to the search page under the base path', async () => {
    for (const page of (await files(dist)).filter((path) => path.endsWith('.html'))) {
      const html = await readFile(join(dist, page), 'utf8');
      for (const [, action] of html.matchAll(/<form[^>]*\saction="([^"]*)"/g)) expect(action, page).toBe(`${BASE}cari/`);
    }
  });

  it('finds pages and links the results under the base path, with the index served as the host serves it', async () => {
    const server = await serveDirectory(dist, BASE);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const types = new Map<string, string>();
      page.on('response', (response) => types.set(new URL(response.url()).pathname, response.headers()['content-type'] ?? ''));
      await page.goto(new URL('cari/?q=musrenbang', server.url).href);
      await expect.poll(() => page.getByRole('status').innerText(), { timeout: 20_000 }).toMatch(/^\d+ hasil untuk “musrenbang”$/);
      const hrefs = await page.locator('.search-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        expect(href.startsWith(BASE), href).toBe(true);
        expect(await exists(fileOf(href)), href).toBe(true);
      }
      // A module script must come as JavaScript; the index's gzip files as bare bytes.
      expect(types.get(`${BASE}pagefind/pagefind.js`)).toBe('text/javascript; charset=utf-8');
      const indexFiles = [...types].filter(([path]) => /\.(pagefind|pf_\w+)$/.test(path));
      expect(indexFiles.length).toBeGreaterThan(2);
      expect(new Set(indexFiles.map(([, type]) => type))).toEqual(new Set(['application/octet-stream']));
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
