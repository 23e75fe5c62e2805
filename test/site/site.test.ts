import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Element as HastElement } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../src/lib/a11y/index.ts';
import { renderReport } from '../../src/lib/a11y/render.ts';
import { serveDirectory, type StaticServer } from '../../src/lib/a11y/static-server.ts';
import { CONTENT_TYPES, isTextType, SECTION_TYPES } from '../../src/lib/content/types.ts';
import { memberAccounts } from '../../src/lib/config/officials.ts';
import { loadConfigFile } from '../../src/lib/config/load.ts';
import { loadItems, type Item } from '../../src/lib/content/load.ts';
import { readRecords } from '../../src/lib/records/store.ts';
import { parse as parseYaml } from 'yaml';
import { contentSecurityPolicy } from '../../src/lib/site/csp.ts';
import { ARTICLE_BUDGET_BYTES, describeWeight, measurePage } from '../../src/lib/site/page-weight.ts';
import { formatFileSize } from '../../src/lib/site/files.ts';
import { localNow, splitEvents } from '../../src/lib/site/listing.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildExampleSite, ROOT, type BuiltSite } from './example-site.ts';

// The example office's site, built once into a temporary folder, then: pa11y over every page,
// and the readers' main journeys in a real Chromium (one browser, one server, one test at a time).

let site: BuiltSite;
let server: StaticServer;
let items: Item[];

beforeAll(async () => {
  site = await buildExampleSite();
  server = await serveDirectory(site.dist);
  const loaded = await loadItems(join(ROOT, 'content'), { now: new Date() });
  items = loaded.items;
});

afterAll(async () => {
  await server?.close();
  await site?.remove();
});

function published<T extends Item['jenis']>(jenis: T): Extract<Item, { jenis: T }>[] {
  return items.filter((item): item is Extract<Item, { jenis: T }> => item.jenis === jenis);
}
const itemPath = (item: Item) => `/${item.jenis}/${item.slug}/`;

describe('accessibility of every built page', () => {
  it('has no pa11y errors with axe and htmlcs (WCAG 2 AA and axe wcag22aa)', async () => {
    const report = await checkBuiltSite({ root: ROOT, dist: site.dist });

    // Every page of the sitemap and every other HTML file (404) was tested.
    const sitemap = await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8');
    const sitemapPaths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc).pathname);
    expect(sitemapPaths.length).toBeGreaterThan(20);
    expect(report.pages).toEqual(expect.arrayContaining([...sitemapPaths, '/404.html']));
    expect(report.pages.filter((path) => path.startsWith('/cari/?q=')), 'the search page with results too').toHaveLength(1);

    const errors = report.findings.filter((finding) => finding.severity === 'error');
    expect(errors, renderReport({ ...report, findings: errors }, 'teks')).toEqual([]);
  }, 600_000);
});

describe('reader journeys', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: server.url });
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  const h1 = (page: Page) => page.locator('h1').innerText();

  /** Same-site item links inside <main> that point at an item page of the type. */
  async function itemLinks(page: Page, jenis: Item['jenis']): Promise<string[]> {
    const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const slugs = new Set(published(jenis).map(itemPath));
    return [...new Set(hrefs.filter((href) => slugs.has(href)))];
  }

  it('goes from the home page through the news list to an article', async () => {
    const page = await open('/');
    await page.locator('header nav').getByRole('link', { name: 'Berita', exact: true }).click();
    await page.waitForURL('**/berita/');
    expect(await h1(page)).toBe('Berita');

    const [first] = await itemLinks(page, 'berita');
    expect(first, 'the news list links to a published news item').toBeDefined();
    await page.locator(`main a[href="${first}"]`).first().click();
    await page.waitForURL(`**${first}`);
    const article = published('berita').find((item) => itemPath(item) === first)!;
    expect(await h1(page)).toBe(article.data.judul);
    await page.context().close();
  });

  it('filters the register of public information by category', async () => {
    const page = await open('/informasi-publik/');
    expect(await h1(page)).toMatch(/Daftar Informasi Publik/);
    const documents = published('dokumen');
    const categories = [...new Set(documents.map((item) => item.data.kategori))];
    expect(categories.length, 'the example office has documents in more than one category').toBeGreaterThan(1);
    const category = categories[0];

    const filter = page.locator(`main a[href$="/informasi-publik/${category}/"]`).first();
    await filter.click();
    await page.waitForURL(`**/informasi-publik/${category}/`);
    expect(await page.locator(`a[href$="/informasi-publik/${category}/"][aria-current="page"]`).count(), 'the active category is marked for screen readers').toBeGreaterThan(0);

    const shown = await itemLinks(page, 'dokumen');
    const expected = documents.filter((item) => item.data.kategori === category).map(itemPath);
    expect(shown.sort()).toEqual(expected.sort());
    await page.context().close();
  });

  it('breaks nothing under its Content-Security-Policy: no violation, captions, tables and print styles intact', async () => {
    const documentWithTable = published('dokumen').find((item) => item.slug === 'laporan-realisasi-anggaran-semester-i-2026');
    expect(documentWithTable, 'the example office has the budget report with a right-aligned table').toBeDefined();
    const paths = ['/', '/berita/', itemPath(published('berita')[0]!), itemPath(documentWithTable!), `${itemPath(documentWithTable!)}persetujuan/`, ...published('video').slice(0, 1).map(itemPath)];
    for (const path of paths) {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(path, { waitUntil: 'load' });
      expect(violations, path).toEqual([]);
      // The site's own stylesheet applied (a blocked stylesheet would leave the skip link visible).
      expect(await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).position), path).not.toBe('static');
      if (path === itemPath(documentWithTable!)) {
        expect(await page.locator('td.rata-kanan').first().evaluate((el) => getComputedStyle(el).textAlign)).toBe('right');
      }
      await context.close();
    }
  });

  it('has a policy that stops what hostile content would try: inline script, event handlers, style attributes', async () => {
    const policy = contentSecurityPolicy((parseYaml(await readFile(join(ROOT, 'src/lib/checks/data/iframe-hosts.yml'), 'utf8')) as { hosts: string[] }).hosts);
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.route('**/uji-csp/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><title>uji</title></head><body>
          <script>window.jalan = 'skrip';</script>
          <img src="/tidak-ada.png" alt="" onerror="window.jalan = 'onerror'">
          <a id="tutup" href="https://contoh.test/" style="position:fixed;inset:0;background:red">Menang hadiah</a>
          <p id="rata" style="text-align: right">1.000</p></body></html>`,
      }),
    );
    await page.goto('/uji-csp/', { waitUntil: 'load' });
    expect(await page.evaluate(() => (window as { jalan?: string }).jalan)).toBeUndefined();
    expect(await page.locator('#tutup').evaluate((el) => getComputedStyle(el).position)).toBe('static');
    expect(await page.locator('#rata').evaluate((el) => getComputedStyle(el).textAlign)).not.toBe('right');
    await context.close();
  });

  it('plays a video with Indonesian captions that load', async () => {
    const video = published('video').find((item) => item.data.berkas !== undefined);
    expect(video, 'the example office has a video file item').toBeDefined();
    const page = await open(itemPath(video!));
    const track = page.locator('video track[kind="captions"][srclang="id"]');
    expect(await track.count()).toBe(1);
    const src = await track.evaluate((element) => (element as HTMLTrackElement).src);
    const response = await page.request.get(src);
    expect(response.status()).toBe(200);
    expect((await response.text()).startsWith('WEBVTT')).toBe(true);
    // The browser itself fetched and parsed the captions (readyState 2 = LOADED, 3 = ERROR).
    await page.waitForFunction(() => (document.querySelector('video track') as HTMLTrackElement).readyState >= 2);
    const loaded = await track.evaluate((element) => ({ state: (element as HTMLTrackElement).readyState, cues: (element as HTMLTrackElement).track.cues?.length ?? 0 }));
    expect(loaded.state).toBe(2);
    expect(loaded.cues).toBeGreaterThan(0);
    await page.context().close();
  });

  it('fits a 320 px phone screen without horizontal scrolling, on every page (WCAG 1.4.10)', async () => {
    const sitemap = await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8');
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/', itemPath(published('dokumen').find((item) => item.slug === 'laporan-realisasi-anggaran-semester-i-2026')!)]));
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, baseURL: server.url });
    const page = await context.newPage();
    for (const path of paths) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow} px at 320 px`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('makes the skip link the first Tab stop and moves focus to main', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
    expect(focused.text).toBe('Langsung ke konten utama');
    await page.keyboard.press('Enter');
    const inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(inMain, `focus moved into <main> after following ${focused.href}`).toBe(true);
    await page.context().close();
  });

  it('names people by name and speaks no Git on any page: no login of an official or author, no "pull request", no "PR #"', async () => {
    const config = await loadConfigFile(join(ROOT, 'tayang.config.yml'));
    const records = await readRecords(ROOT);
    if (!config.ok || !records.ok) throw new Error('the example office has a valid config and records');
    const officials = Object.values(config.value.peran).flatMap((role) => [...memberAccounts(role), ...role.pengganti.map((standIn) => standIn.akun)]);
    const inRecords = records.value.flatMap((record) => [record.author, ...record.authors, ...(record.merged_by ? [record.merged_by] : []), ...record.stages.flatMap((stage) => stage.approvals.map((approval) => approval.login))]);
    const logins = [...new Set([...officials, ...inRecords].filter((account) => !account.startsWith('@')).map((login) => login.toLowerCase()))];
    expect(logins, 'officials and the record authors').toEqual(expect.arrayContaining(['sri-ppid-jenawi', 'agus-sekcam-jenawi', 'dimas-jenawi']));
    const gitWords = /pull request|\bPR #|\bcommit\b|\bmerge\b|digabung/i;

    const sitemap = await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8');
    const paths = [...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname), '/404.html'];
    expect(paths, 'the pages that show approval records are among them').toContain('/dokumen/perbup-standar-pelayanan-kecamatan/persetujuan/');
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      // What a reader sees or hears: the title, the rendered text, and text alternatives.
      const shown = await page.evaluate(() =>
        [document.title, document.body.innerText, ...[...document.querySelectorAll('[alt], [title], [aria-label]')].flatMap((el) => ['alt', 'title', 'aria-label'].map((name) => el.getAttribute(name) ?? ''))].join('\n'),
      );
      const lower = shown.toLowerCase();
      found.push(...logins.filter((login) => lower.includes(login)).map((login) => `${path}: ${login}`));
      const git = gitWords.exec(shown);
      if (git) found.push(`${path}: "${git[0]}"`);
    }
    await context.close();
    expect(found).toEqual([]);
  });

  it('puts a wide table in a scroll region that Tab reaches, with a name, a focus outline and a cue that it scrolls', async () => {
    const budget = published('dokumen').find((item) => item.slug === 'laporan-realisasi-anggaran-semester-i-2026')!;
    const dataset = published('data')[0]!;
    // The budget report's Markdown table has no caption; the dataset's is its title.
    for (const [item, name] of [[budget, 'Tabel 1'], [dataset, dataset.data.judul]] as const) {
      const path = itemPath(item);
      const page = await open(path, 320);
      const region = page.getByRole('region', { name, exact: true });
      expect(await region.count(), `${path}: one region named "${name}"`).toBe(1);
      let reached = false;
      for (let tabs = 0; tabs < 80 && !reached; tabs++) {
        await page.keyboard.press('Tab');
        reached = await region.evaluate((element) => element === document.activeElement);
      }
      expect(reached, `${path}: Tab reaches the table's region`).toBe(true);
      const shown = await region.evaluate((element) => {
        const style = getComputedStyle(element);
        const hint = getComputedStyle(element, '::before');
        const caption = element.querySelector('caption')?.getBoundingClientRect();
        return {
          scrolls: element.scrollWidth > element.clientWidth,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          hint: hint.content,
          hintShown: hint.visibility === 'visible' && parseFloat(hint.height) > 0,
          shadows: style.backgroundImage.split('gradient').length - 1,
          captionFits: caption === undefined || caption.right <= element.getBoundingClientRect().right,
        };
      });
      expect(shown, path).toEqual({ scrolls: true, outline: true, hint: '"Geser tabel ke samping →" / ""', hintShown: true, shadows: 4, captionFits: true });
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((element) => element!.scrollLeft > 0, await region.elementHandle());
      await page.context().close();
    }
    // Where the table fits, nothing says it scrolls.
    const wide = await open(itemPath(budget), 1280);
    expect(await wide.getByRole('region', { name: 'Tabel 1', exact: true }).evaluate((element) => getComputedStyle(element, '::before').visibility)).toBe('hidden');
    await wide.context().close();
  });

  it('shows a dataset with its column labels and units, Indonesian digits and the totals computed from the CSV', async () => {
    const dataset = published('data').find((item) => item.slug === 'jumlah-penduduk-per-desa-semester-i-2026')!;
    const page = await open(itemPath(dataset));
    // The dataset's own table comes first; the approval history under it is a table too.
    const table = page.locator('main table').first();
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Desa', 'Laki-laki (jiwa)', 'Perempuan (jiwa)', 'Jumlah (jiwa)', 'Kepala keluarga (KK)']);
    expect(await table.locator('tbody tr').first().locator('th, td').allInnerTexts()).toEqual(['Anggrasmanis', '1.893', '1.921', '3.814', '1.187']);
    expect(await table.locator('tfoot tr').locator('th, td').allInnerTexts()).toEqual(['Jumlah', '14.572', '14.870', '29.442', '9.179']);
    expect(await table.locator('tbody td').first().evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('right');
    // The open data is published as the office wrote it.
    const csv = await page.request.get(await page.locator('main a[href$=".csv"]').first().getAttribute('href') ?? '');
    expect(await csv.text()).toBe(await readFile(join(ROOT, 'content/data', dataset.slug, dataset.data.berkas), 'utf8'));
    await page.context().close();
  });

  it('lists the agenda soonest first, then past events in their own section, each marked selesai, with a calendar file and a map link', async () => {
    // What is upcoming is decided by the build's clock; the build ran minutes ago.
    const { upcoming, past } = splitEvents(published('agenda'), localNow(new Date(), 'Asia/Jakarta'));
    expect(upcoming.length, 'the example office has events ahead (content/agenda dates)').toBeGreaterThan(0);
    expect(past.length, 'the example office has a past event').toBeGreaterThan(0);
    const page = await open('/agenda/');
    const section = (id: string) => page.locator(`main section[aria-labelledby="${id}"]`);
    expect(await page.locator('#agenda-mendatang').innerText()).toBe('Agenda mendatang');
    expect(await page.locator('#agenda-lewat').innerText()).toBe('Agenda yang sudah lewat');
    expect(await section('agenda-mendatang').locator('.item-card h3').allInnerTexts()).toEqual(upcoming.map((event) => event.data.judul));
    expect(await section('agenda-lewat').locator('.item-card h3').allInnerTexts()).toEqual(past.map((event) => event.data.judul));
    expect(await section('agenda-lewat').locator('.item-card .badge').allInnerTexts()).toEqual(past.map(() => 'Selesai'));
    expect(await section('agenda-mendatang').locator('.badge').count()).toBe(0);
    await page.context().close();

    const next = await open(itemPath(upcoming[0]!));
    const calendar = next.getByRole('link', { name: 'Simpan ke kalender (berkas .ics)' });
    const response = await next.request.get(new URL((await calendar.getAttribute('href'))!, server.url).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${upcoming[0]!.data.judul}`);
    const map = next.getByRole('link', { name: 'cari lokasi di peta OpenStreetMap' });
    expect(await map.getAttribute('href')).toBe(`https://www.openstreetmap.org/search?query=${encodeURIComponent(upcoming[0]!.data.lokasi)}`);
    await next.context().close();

    const over = await open(itemPath(past[0]!));
    expect(await over.locator('.facts .badge').innerText()).toBe('Selesai');
    await over.context().close();
  });

  it("shows the office's logo in the header, loaded under the CSP, small and without repeating the office's name", async () => {
    const page = await open('/', 360);
    const logo = page.locator('header .site-header__identity img');
    await logo.evaluate((img: HTMLImageElement) => img.decode());
    const shown = await logo.evaluate((img: HTMLImageElement) => ({ alt: img.getAttribute('alt'), natural: img.naturalWidth, width: img.getBoundingClientRect().width, src: new URL(img.src).pathname }));
    expect(shown).toEqual({ alt: '', natural: 192, width: 48, src: '/logo.png' });
    // The link says the office once, in text: an empty alt keeps screen readers from saying it twice.
    expect(await page.locator('header .site-header__identity a').getAttribute('href')).toBe('/');
    expect((await page.locator('header .site-header__identity a').innerText()).replace(/\s+/g, ' ')).toBe('Kecamatan Jenawi Pemerintah Kabupaten Karanganyar');
    await page.context().close();
  });

  it("reaches an office page from the main menu, and every office page from the profile", async () => {
    const pages = published('halaman');
    const request = pages.find((item) => item.slug === 'permohonan-informasi');
    expect(request, 'the example office has its page on requesting information').toBeDefined();
    const page = await open('/');
    await page.locator('header nav').getByRole('link', { name: 'Permohonan Informasi', exact: true }).click();
    await page.waitForURL('**/permohonan-informasi/');
    expect(await h1(page)).toBe(request!.data.judul);
    expect(await page.locator('header nav a[aria-current="page"]').innerText()).toBe('Permohonan Informasi');
    await page.getByRole('link', { name: 'Tata Cara Pengajuan Keberatan', exact: true }).click();
    await page.waitForURL('**/keberatan-informasi/');
    await page.context().close();

    const profile = await open('/profil/');
    const linked = await profile.locator('main a[href]').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(pages.map((item) => `/${item.slug}/`).filter((path) => !linked.includes(path))).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    await profile.context().close();
  });
});

describe('braille edition', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pagePath = (item: Item) => (item.jenis === 'halaman' ? `/${item.slug}/` : itemPath(item));
  const sizeOf = async (path: string) => formatFileSize((await stat(join(site.dist, path))).size);

  it('serves both braille files beside every text item, and none beside a gallery', async () => {
    const text = items.filter((item) => isTextType(item.jenis));
    expect(text.map((item) => item.jenis)).toEqual(expect.arrayContaining(['berita', 'pengumuman', 'agenda', 'artikel', 'dokumen', 'halaman']));
    for (const item of text) for (const file of ['braille.txt', 'braille.brf']) await stat(join(site.dist, pagePath(item), file));
    await expect(stat(join(site.dist, itemPath(published('galeri')[0]!), 'braille.txt'))).rejects.toThrow();
  });

  it('links the maklumat pelayanan to its braille edition with the sizes of the files, and downloads the BRF', async () => {
    const context = await browser.newContext({ baseURL: server.url, acceptDownloads: true });
    const page = await context.newPage();
    expect((await page.goto('/maklumat-pelayanan/'))?.status()).toBe(200);
    const [unicodeSize, brfSize] = [await sizeOf('/maklumat-pelayanan/braille.txt'), await sizeOf('/maklumat-pelayanan/braille.brf')];
    expect(await page.locator('main .braille').innerText()).toBe(`Edisi braille: baca di layar (Unicode, ${unicodeSize}) · unduh untuk pencetak braille (BRF, ${brfSize})`);

    const read = page.getByRole('link', { name: `baca di layar (Unicode, ${unicodeSize})` });
    const response = await page.request.get(new URL((await read.getAttribute('href'))!, server.url).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
    // The title first: "Maklumat Pelayanan Kecamatan Jenawi" in braille.
    expect((await response.text()).split('\n')[0]).toBe('⠠⠍⠁⠅⠇⠥⠍⠁⠞ ⠠⠏⠑⠇⠁⠽⠁⠝⠁⠝ ⠠⠅⠑⠉⠁⠍⠁⠞⠁⠝ ⠠⠚⠑⠝⠁⠺⠊');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `unduh untuk pencetak braille (BRF, ${brfSize})` }).click()]);
    expect(download.suggestedFilename(), 'saved under the page\'s own name').toBe('maklumat-pelayanan-braille.brf');
    const saved = await readFile((await download.path())!, 'latin1');
    expect(saved).toBe(await readFile(join(site.dist, 'maklumat-pelayanan/braille.brf'), 'latin1'));
    expect(saved.startsWith('  ,MAKLUMAT ,PELAYANAN ,KECAMATAN\r\n')).toBe(true);
    await context.close();
  });

  it('links a news item to its braille edition, and a gallery to none', async () => {
    const news = published('berita')[0]!;
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto(itemPath(news));
    const hrefs = await page.locator('main .braille a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual([`${itemPath(news)}braille.txt`, `${itemPath(news)}braille.brf`]);
    await page.goto(itemPath(published('galeri')[0]!));
    expect(await page.locator('main .braille').count()).toBe(0);
    await context.close();
  });
});

describe('Dengarkan (read aloud)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  type FakeVoice = { name: string; lang: string; localService: boolean; voiceURI: string; default: boolean };
  const voice = (name: string, lang: string, localService = true, isDefault = false): FakeVoice => ({ name, lang, localService, voiceURI: name, default: isDefault });
  const INDONESIAN = [voice('Google US English', 'en-US', false, true), voice('Microsoft Andika - Indonesian (Indonesia)', 'id-ID'), voice('Google Bahasa Indonesia', 'id-ID', false)];

  /**
   * Runs before the page's scripts: a speechSynthesis that loads its voices a moment after the page
   * (as Chrome does, announced by voiceschanged), records every utterance and call, and lets the
   * test end the utterance being spoken. cancel() reports the utterance as interrupted, as Chrome does.
   */
  function fakeSpeech(voices: FakeVoice[] | null) {
    const w = window as unknown as Record<string, unknown>;
    if (voices === null) {
      delete w.speechSynthesis;
      delete w.SpeechSynthesisUtterance;
      return;
    }
    type Utterance = { text: string; voice: FakeVoice | null; lang: string; onend: (() => void) | null; onerror: ((event: { error: string }) => void) | null };
    const spoken: Utterance[] = [];
    const calls: string[] = [];
    let loaded: FakeVoice[] = [];
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => loaded,
      speak: (utterance: Utterance) => {
        calls.push('speak');
        spoken.push(utterance);
      },
      cancel: () => {
        calls.push('cancel');
        spoken[spoken.length - 1]?.onerror?.({ error: 'interrupted' });
      },
      pause: () => void calls.push('pause'),
      resume: () => void calls.push('resume'),
    });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = class {
      text: string;
      voice = null;
      lang = '';
      onend = null;
      onerror = null;
      constructor(text: string) {
        this.text = text;
      }
    };
    w.__speech = {
      spoken: () => spoken.map((u) => ({ text: u.text, voice: u.voice?.name, lang: u.lang })),
      calls,
      voicesLoaded: false,
      end: () => spoken[spoken.length - 1]!.onend?.(),
    };
    setTimeout(() => {
      loaded = voices;
      synth.dispatchEvent(new Event('voiceschanged'));
      (w.__speech as { voicesLoaded: boolean }).voicesLoaded = true;
    }, 50);
  }

  async function openWithSpeech(path: string, voices: FakeVoice[] | null): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    await context.addInitScript(fakeSpeech, voices);
    const page = await context.newPage();
    expect((await page.goto(path))?.status(), path).toBe(200);
    return page;
  }

  type Speech = { spoken: () => { text: string; voice?: string; lang: string }[]; calls: string[]; voicesLoaded: boolean; end: () => void };
  const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __speech: Speech }).__speech.spoken());
  const calls = (page: Page) => page.evaluate(() => (window as unknown as { __speech: Speech }).__speech.calls.slice());
  const endUtterance = (page: Page) => page.evaluate(() => (window as unknown as { __speech: Speech }).__speech.end());
  const status = (page: Page) => page.locator('[data-read-aloud] [role="status"]').innerText();
  const toggle = (page: Page) => page.locator('[data-read-aloud-toggle]');
  const stop = (page: Page) => page.getByRole('button', { name: 'Berhenti', exact: true });

  const article = () => published('artikel')[0]!;

  it('reads the title, then the summary, then the text, one utterance at a time, in the best Indonesian voice', async () => {
    const item = article();
    const page = await openWithSpeech(itemPath(item), INDONESIAN);
    const start = page.getByRole('button', { name: 'Dengarkan', exact: true });
    await start.waitFor({ state: 'visible' });
    expect(await stop(page).count(), 'no stop button before it starts').toBe(0);
    await start.click();
    expect(await spoken(page)).toEqual([{ text: item.data.judul, voice: 'Google Bahasa Indonesia', lang: 'id-ID' }]);
    expect(await status(page)).toBe('Membacakan…');
    expect(await toggle(page).innerText()).toBe('Jeda');

    await endUtterance(page);
    const second = (await spoken(page))[1]!.text;
    expect(item.data.ringkasan.startsWith(second), `"${second}" begins the summary`).toBe(true);
    // Then the summary's rest and the text, each chunk short enough for Chrome's cut-off.
    for (let ended = 0; ended < 200; ended++) {
      const said = await spoken(page);
      if (await status(page) === 'Selesai') break;
      expect(said.at(-1)!.text.length).toBeLessThanOrEqual(160);
      await endUtterance(page);
    }
    const said = (await spoken(page)).map((u) => u.text);
    expect(await status(page)).toBe('Selesai');
    expect(said.join(' ')).toContain('Tanggal 28 September diperingati sebagai Hari Hak untuk Tahu Sedunia.');
    expect(said).toContain('Informasi apa yang bisa diminta?');
    expect(said.join(' ')).not.toContain('Riwayat persetujuan');
    expect(await toggle(page).innerText()).toBe('Dengarkan');
    await page.context().close();
  });

  it('pauses, resumes with the same sentence, and stops, saying each in the status region', async () => {
    const page = await openWithSpeech(itemPath(article()), INDONESIAN);
    await toggle(page).click();
    await endUtterance(page);
    const [, second] = await spoken(page);

    await toggle(page).click();
    expect(await status(page)).toBe('Dijeda');
    expect(await toggle(page).innerText()).toBe('Lanjutkan');
    expect((await calls(page)).at(-1)).toBe('cancel');
    // The interrupted utterance did not move the queue on.
    expect(await spoken(page)).toHaveLength(2);

    await toggle(page).click();
    expect(await status(page)).toBe('Membacakan…');
    expect((await spoken(page)).at(-1)).toEqual(second);

    await stop(page).click();
    expect(await status(page)).toBe('Dihentikan');
    expect((await calls(page)).at(-1)).toBe('cancel');
    expect(await stop(page).count()).toBe(0);
    expect(await spoken(page)).toHaveLength(3);
    await page.context().close();
  });

  it('is operated by keyboard alone: Tab reaches it, Enter and Space press its buttons', async () => {
    const page = await openWithSpeech(itemPath(article()), INDONESIAN);
    await toggle(page).waitFor({ state: 'visible' });
    let reached = false;
    for (let tabs = 0; tabs < 60 && !reached; tabs++) {
      await page.keyboard.press('Tab');
      reached = await toggle(page).evaluate((element) => element === document.activeElement);
    }
    expect(reached, 'Tab reaches "Dengarkan"').toBe(true);
    await page.keyboard.press('Enter');
    expect(await status(page)).toBe('Membacakan…');
    await page.keyboard.press('Space');
    expect(await status(page)).toBe('Dijeda');
    await page.keyboard.press('Enter');
    expect(await status(page)).toBe('Membacakan…');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Berhenti');
    await page.keyboard.press('Space');
    expect(await status(page)).toBe('Dihentikan');
    expect(await toggle(page).evaluate((element) => element === document.activeElement), 'focus stays on the control when "Berhenti" goes').toBe(true);
    await page.context().close();
  });

  it('stops speaking when the reader leaves the page', async () => {
    const page = await openWithSpeech(itemPath(article()), INDONESIAN);
    await toggle(page).click();
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    expect((await calls(page)).at(-1)).toBe('cancel');
    expect(await status(page)).toBe('Dihentikan');
    await page.context().close();
  });

  it('stays hidden without speech synthesis, and with only voices of other languages', async () => {
    const none = await openWithSpeech(itemPath(article()), null);
    expect(await none.evaluate(() => 'speechSynthesis' in window)).toBe(false);
    await none.waitForLoadState('load');
    expect(await none.locator('[data-read-aloud]').isHidden()).toBe(true);
    await none.context().close();

    const english = await openWithSpeech(itemPath(article()), [voice('Google US English', 'en-US', false, true), voice('Microsoft Aria Online (Natural) - English (United States)', 'en-US', false)]);
    await english.waitForFunction(() => (window as unknown as { __speech: Speech }).__speech.voicesLoaded);
    expect(await english.locator('[data-read-aloud]').isHidden()).toBe(true);
    expect(await english.locator('[data-read-aloud]').getAttribute('hidden')).toBe('');
    await english.context().close();
  });

  it('is on every text item and not on audio, video, gallery or data pages; audio keeps its player and transcript', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    await context.addInitScript(fakeSpeech, INDONESIAN);
    const page = await context.newPage();
    for (const jenis of ['berita', 'pengumuman', 'agenda', 'artikel', 'dokumen', 'halaman', 'audio', 'video', 'galeri', 'data'] as const) {
      const item = published(jenis)[0]!;
      const path = jenis === 'halaman' ? `/${item.slug}/` : itemPath(item);
      await page.goto(path);
      const readable = !['audio', 'video', 'galeri', 'data'].includes(jenis);
      if (readable) await page.getByRole('button', { name: 'Dengarkan', exact: true }).waitFor({ state: 'visible' });
      expect(await page.locator('[data-read-aloud]').count(), path).toBe(readable ? 1 : 0);
      if (jenis === 'audio') {
        expect(await page.locator('main audio[controls]').count()).toBe(1);
        expect(await page.getByRole('heading', { name: 'Transkrip' }).count()).toBe(1);
      }
    }
    await context.close();
  });

  it('has no axe violations (WCAG 2.2 AA) once shown, while reading and paused, in the light and the dark scheme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is added to the page as a script of its own, which the site's CSP rightly refuses.
      const context = await browser.newContext({ baseURL: server.url, bypassCSP: true, colorScheme });
      await context.addInitScript(fakeSpeech, INDONESIAN);
      const page = await context.newPage();
      await page.goto(itemPath(article()));
      await toggle(page).click();
      const fromPa11y = createRequire(createRequire(import.meta.url).resolve('pa11y'));
      await page.addScriptTag({ path: fromPa11y.resolve('axe-core/axe.min.js') });
      const audit = () =>
        page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: string, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run('[data-read-aloud]', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
          return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
        });
      expect(await audit(), colorScheme).toEqual([]);
      await toggle(page).click();
      expect(await status(page)).toBe('Dijeda');
      expect(await audit(), colorScheme).toEqual([]);
      await context.close();
    }
  });
});

describe('search', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ page: Page; violations: string[] }> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, baseURL: server.url, javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|error/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    return { page, violations };
  }

  const status = (page: Page) => page.getByRole('status');
  // What the live region says once the search is done (Pagefind loads first: seconds on a busy machine).
  const announced = (page: Page) => expect.poll(() => status(page).innerText(), { timeout: 20_000 });
  const pagePath = (item: Item) => (item.jenis === 'halaman' ? `/${item.slug}/` : itemPath(item));

  it('searches from the header of any page, announces the count and opens a result', async () => {
    const news = published('berita').find((item) => item.slug === 'musrenbang-kecamatan-jenawi-2026')!;
    // "bersepakat" is not in the text ("menyepakati", "disepakati"): only Indonesian stemming finds it.
    const { page, violations } = await open('/berita/', { width: 320 });
    const header = page.locator('header').getByRole('search');
    await header.getByRole('searchbox', { name: 'Cari di situs ini' }).fill('bersepakat');
    await header.getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL('**/cari/?q=bersepakat');
    await announced(page).toBe('1 hasil untuk “bersepakat”');
    expect(await page.getByRole('searchbox', { name: 'Kata yang dicari' }).inputValue()).toBe('bersepakat');

    const results = page.locator('.search-results > li');
    expect(await results.count()).toBe(1);
    expect(await results.locator('h3').innerText()).toBe(news.data.judul);
    expect(await results.locator('.meta').innerText()).toMatch(/^Berita · \d{1,2} \w{3} \d{4}$/);
    // The excerpt is text and <mark> only.
    const excerptElements = await results.locator('p:not(.meta) *').evaluateAll((nodes) => nodes.map((node) => node.localName));
    expect(excerptElements.length).toBeGreaterThan(0);
    expect(new Set(excerptElements)).toEqual(new Set(['mark']));
    expect(await page.locator('[data-search-all]').isHidden(), 'the full list gives way to the results').toBe(true);

    await results.getByRole('link').click();
    await page.waitForURL(`**${pagePath(news)}`);
    expect(await page.locator('h1').innerText()).toBe(news.data.judul);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('searches again on its own page without leaving it, keeps the focus in the box, and shows more on request', async () => {
    const { page, violations } = await open('/cari/');
    expect(await page.locator('header').getByRole('search').count(), 'the page has one search form, its own').toBe(0);
    const box = page.getByRole('searchbox', { name: 'Kata yang dicari' });
    await box.fill('Jenawi');
    await box.press('Enter');
    await announced(page).toMatch(/^\d+ hasil untuk “Jenawi”$/);
    const total = Number((await status(page).innerText()).split(' ')[0]);
    expect(total, 'the office name is in more than one page of results').toBeGreaterThan(10);
    expect(new URL(page.url()).search).toBe('?q=Jenawi');
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);

    const results = page.locator('.search-results > li');
    expect(await results.count()).toBe(10);
    await page.getByRole('button', { name: 'Tampilkan hasil berikutnya' }).click();
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBe(Math.min(total, 20));
    expect(await results.nth(10).getByRole('link').evaluate((element) => element === document.activeElement), 'focus on the first added result').toBe(true);

    await box.fill('zzqqxx');
    await box.press('Enter');
    await announced(page).toBe('Tidak ada hasil untuk “zzqqxx”. Coba kata lain, atau lihat daftar semua informasi di bawah.');
    expect(await page.locator('[data-search-all]').isVisible()).toBe(true);
    await page.goBack();
    await announced(page).toMatch(/hasil untuk “Jenawi”$/);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it("indexes the item's words, not the page's own controls: the braille links and Dengarkan find nothing", async () => {
    // No example item says these words; every item page shows them (Dengarkan hidden until a voice is found).
    const { page } = await open('/cari/');
    const box = page.getByRole('searchbox', { name: 'Kata yang dicari' });
    for (const word of ['braille', 'Unicode', 'Dengarkan']) {
      await box.fill(word);
      await box.press('Enter');
      await announced(page).toMatch(new RegExp(`^Tidak ada hasil untuk “${word}”`));
    }
    await page.context().close();
  });

  it('loads nothing of the index until a query is searched', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('/cari/', { waitUntil: 'networkidle' });
    await page.goto('/', { waitUntil: 'networkidle' });
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await context.close();
  });

  it('lists every published item without JavaScript, by type, and says how to search them', async () => {
    const { page } = await open('/cari/?q=posyandu', { javaScriptEnabled: false });
    expect(await page.locator('main').innerText()).toContain('Pencarian memerlukan JavaScript, yang tidak berjalan di peramban ini.');
    const listed = await page.locator('[data-search-all] li a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(listed.toSorted()).toEqual(items.map(pagePath).toSorted());
    const headings = await page.locator('[data-search-all] h3').allInnerTexts();
    expect(headings).toEqual(expect.arrayContaining(['Berita', 'Pengumuman', 'Dokumen']));
    // Newest first within a type.
    const newsDates = await page.locator('[data-search-all] h3:text-is("Berita") + ul time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
    expect(newsDates).toEqual(newsDates.toSorted().toReversed());
    expect(await page.locator('[data-search-results]').isHidden()).toBe(true);
    await page.context().close();
  });
});

// Issue 11, visual: what a reader with low vision or without a mouse sets, the page honours.
describe('visual settings: keyboard, 400 % zoom, dark scheme, more contrast, forced colours, reduced motion', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openWith(path: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url, ...options });
    const page = await context.newPage();
    expect((await page.goto(path))?.status(), path).toBe(200);
    return page;
  }

  /** One page of every kind the site has, the budget report's wide table among them. */
  function pageOfEveryKind(): string[] {
    const one = (jenis: Item['jenis']) => {
      const [item] = published(jenis);
      expect(item, `the example office has a ${jenis}`).toBeDefined();
      return jenis === 'halaman' ? `/${item!.slug}/` : itemPath(item!);
    };
    return [
      '/',
      ...SECTION_TYPES.map((jenis) => `/${jenis}/`),
      ...CONTENT_TYPES.map(one),
      '/dokumen/laporan-realisasi-anggaran-semester-i-2026/',
      '/informasi-publik/',
      '/profil/',
      '/dokumen/perbup-standar-pelayanan-kecamatan/persetujuan/',
      '/404.html',
    ];
  }

  /** Whether the focused element shows an outline or a shadow at least 2 px wide in a colour that is not transparent. */
  const focusShown = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const opaque = (colour: string) => colour !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(colour);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && opaque(style.outlineColor);
      // A computed shadow reads "rgb(…) 0px 4px 0px 0px": its colour, then offsets, blur and spread.
      const shadow = style.boxShadow.match(/^(rgba?\([^)]*\)) (-?[\d.]+)px (-?[\d.]+)px [\d.]+px (-?[\d.]+)px/);
      const shadowShown = shadow !== null && opaque(shadow[1]!) && Math.max(...shadow.slice(2).map((n) => Math.abs(parseFloat(n!)))) >= 2;
      return { element: `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 40)}"`, shown: outline || shadowShown };
    });

  it('reaches an article from a fresh page with Tab and Enter only, the focus visible at every step', async () => {
    const page = await openWith('/');
    const steps: { element: string; shown: boolean }[] = [];
    /** Tabs until `wanted` holds for the focused element, recording each stop; at most `limit` presses. */
    async function tabTo(wanted: () => Promise<boolean>, limit: number): Promise<void> {
      for (let presses = 0; presses < limit; presses++) {
        await page.keyboard.press('Tab');
        steps.push(await focusShown(page));
        if (await wanted()) return;
      }
      throw new Error(`Tab ${limit} kali tidak sampai: ${steps.map((step) => step.element).join(' → ')}`);
    }
    const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') ?? '' }));

    await page.keyboard.press('Tab');
    steps.push(await focusShown(page));
    expect((await focused()).text, 'the skip link is the first Tab stop').toBe('Langsung ke konten utama');
    await tabTo(async () => page.evaluate(() => document.activeElement?.closest('nav') !== null && document.activeElement?.textContent?.trim() === 'Berita'), 20);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/berita/');

    // On the list: the skip link again, then into the main content and to the first news item.
    const news = published('berita').map(itemPath);
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Langsung ke konten utama');
    await page.keyboard.press('Enter');
    await tabTo(async () => news.includes(new URL((await focused()).href, server.url).pathname), 10);
    const first = new URL((await focused()).href, server.url).pathname;
    expect(first, 'the first item link reached is the first in the list').toBe(await page.locator('main .item-card a').first().evaluate((link) => new URL((link as HTMLAnchorElement).href).pathname));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${first}`);
    expect(await page.locator('h1').innerText()).toBe(published('berita').find((item) => itemPath(item) === first)!.data.judul);

    expect(steps.filter((step) => !step.shown), 'every Tab stop shows its focus').toEqual([]);
    await page.context().close();
  });

  it('shows an article whole without JavaScript: title, summary, text and its first picture', async () => {
    const article = published('berita').find((item) => item.data.gambar !== undefined)!;
    const page = await openWith(itemPath(article), { javaScriptEnabled: false });
    expect(await page.locator('h1').innerText()).toBe(article.data.judul);
    expect(await page.locator('main .lead').innerText()).toBe(article.data.ringkasan);
    const firstSentence = article.body.trim().split('\n')[0]!.replace(/[*_`[\]]/g, '').slice(0, 40);
    expect(await page.locator('main article').innerText()).toContain(firstSentence);
    await page.locator('main picture img').first().evaluate((img: HTMLImageElement) => img.decode());
    expect(await page.locator('main picture img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.context().close();
  });

  it('reflows at 400 % zoom (320 CSS px) on every kind of page: nothing scrolls sideways or sticks out outside a scroll region of its own', async () => {
    // 400 % of a 1280 × 1024 desktop window is 320 × 256 CSS pixels.
    const context = await browser.newContext({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4, baseURL: server.url });
    const page = await context.newPage();
    for (const path of pageOfEveryKind()) {
      await page.goto(path);
      const laidOut = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const inScrollRegion = (element: Element) => {
          for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
            if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return true;
          }
          return false;
        };
        const outside = [...document.body.querySelectorAll('*')].filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5) && !element.closest('.visually-hidden') && !inScrollRegion(element);
        });
        return {
          sideways: Math.max(0, document.documentElement.scrollWidth - width),
          outside: outside.map((element) => `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.trim().slice(0, 30)}"`),
        };
      });
      expect(laidOut, path).toEqual({ sideways: 0, outside: [] });
    }
    await context.close();
  });

  it('loses nothing when only the text is made twice as large (200 %): no sideways scrolling and no box that cuts its text', async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 800 }, baseURL: server.url });
    const page = await context.newPage();
    // What a browser's text-size setting does: the default font size doubles, and with it rem, em
    // and the breakpoints written in rem.
    await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    for (const path of pageOfEveryKind()) {
      await page.goto(path);
      const laidOut = await page.evaluate(() => {
        const clips = (value: string) => value === 'hidden' || value === 'clip';
        const cut = [...document.body.querySelectorAll('*')].filter((element) => {
          const style = getComputedStyle(element);
          if (element.closest('.visually-hidden') || !(clips(style.overflowX) || clips(style.overflowY))) return false;
          return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
        });
        return {
          text: getComputedStyle(document.body).fontSize,
          sideways: Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
          cut: cut.map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
        };
      });
      // The body's 1.0625rem of a 32 px default.
      expect(laidOut, path).toEqual({ text: '34px', sideways: 0, cut: [] });
    }
    await context.close();
  });

  it('has a dark scheme in which axe finds no colour-contrast failure and the focus stands out', async () => {
    const axe = await readFile(createRequire(createRequire(import.meta.url).resolve('pa11y')).resolve('axe-core/axe.min.js'), 'utf8');
    const article = published('berita').find((item) => item.data.gambar !== undefined)!;
    const paths = ['/', itemPath(article), '/cari/', '/informasi-publik/', '/dokumen/perbup-standar-pelayanan-kecamatan/persetujuan/', itemPath(published('pengumuman')[0]!), '/404.html'];
    const backgrounds: Record<string, string> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of paths) {
        const page = await openWith(path, { colorScheme });
        // Through the DevTools protocol, which the page's CSP does not govern.
        await page.evaluate(axe);
        const failures = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
          return result.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`));
        });
        expect(failures, `${colorScheme} ${path}`).toEqual([]);
        backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        if (colorScheme === 'dark') {
          const focusOnPage = await page.evaluate(() => {
            const root = getComputedStyle(document.documentElement);
            const luminance = (hex: string) => {
              const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.trim().slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
              return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
            };
            const [light, dark] = [luminance(root.getPropertyValue('--focus')), luminance(root.getPropertyValue('--page'))].sort((a, b) => b - a);
            return (light! + 0.05) / (dark! + 0.05);
          });
          expect(focusOnPage, 'the focus colour against the dark page (WCAG 1.4.11 asks 3:1)').toBeGreaterThanOrEqual(3);
        }
        await page.context().close();
      }
    }
    expect(backgrounds.dark, 'the dark scheme changes the page').not.toBe(backgrounds.light);
  });

  it('turns grey text and faint rules into full-contrast ones when the reader asks for more contrast', async () => {
    const page = await openWith('/informasi-publik/', { contrast: 'more' });
    const colours = await page.evaluate(() => ({
      text: getComputedStyle(document.body).color,
      lead: getComputedStyle(document.querySelector('.lead')!).color,
      rule: getComputedStyle(document.querySelector('tbody th, tbody td')!).borderBottomColor,
    }));
    expect(colours).toEqual({ text: colours.text, lead: colours.text, rule: colours.text });
    await page.context().close();
  });

  it('keeps the focus and the current page visible in forced colours (Windows high contrast)', async () => {
    const page = await openWith('/informasi-publik/', { forcedColors: 'active' });
    const stops: { element: string; shown: boolean }[] = [];
    for (let presses = 0; presses < 15; presses++) {
      await page.keyboard.press('Tab');
      stops.push(await focusShown(page));
    }
    expect(stops.filter((stop) => !stop.shown), 'every Tab stop shows its focus').toEqual([]);
    // Backgrounds are the system's there: the active filter says it is current by its border too.
    const current = await page.locator('.filter a[aria-current]').first().evaluate((link) => getComputedStyle(link).borderTopWidth);
    expect(parseFloat(current)).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it('moves nothing when the reader asks for reduced motion, whatever a stylesheet animates, and still hints that a table scrolls', async () => {
    const budget = '/dokumen/laporan-realisasi-anggaran-semester-i-2026/';
    const motion = async (reducedMotion: 'reduce' | 'no-preference') => {
      // bypassCSP lets the test add a stylesheet that animates, as a future component might.
      const page = await openWith(budget, { reducedMotion, bypassCSP: true, viewport: { width: 320, height: 640 } });
      await page.addStyleTag({ content: '.lead { transition: color 2s ease 1s; animation: geser 3s infinite; } @keyframes geser { to { opacity: 0.5; } }' });
      const shown = await page.evaluate(() => {
        const lead = getComputedStyle(document.querySelector('.lead')!);
        return {
          transition: lead.transitionDuration,
          delay: lead.transitionDelay,
          iterations: lead.animationIterationCount,
          hint: getComputedStyle(document.querySelector('.table-scroll')!, '::before').visibility,
        };
      });
      await page.context().close();
      return shown;
    };
    expect(await motion('no-preference')).toEqual({ transition: '2s', delay: '1s', iterations: 'infinite', hint: 'visible' });
    expect(await motion('reduce')).toEqual({ transition: '0s', delay: '0s', iterations: '1', hint: 'visible' });
  });
});

describe('the lightest pages', () => {
  it('sends every text item at most 60 KB without pictures: HTML, CSS and JS, gzip-compressed', async () => {
    const text = items.filter((item) => isTextType(item.jenis));
    expect(text.length).toBeGreaterThan(10);
    const weights = await Promise.all(text.map((item) => measurePage(site.dist, item.jenis === 'halaman' ? `/${item.slug}/` : itemPath(item))));
    // The parser found what the page links: the site's stylesheet at least.
    expect(weights.filter((weight) => !weight.parts.some((part) => part.kind === 'css')).map((weight) => weight.page)).toEqual([]);
    expect(weights.filter((weight) => weight.gzip > ARTICLE_BUDGET_BYTES).map(describeWeight)).toEqual([]);
  });

  it('offers every picture as AVIF and WebP with the original as fallback, sized, and lazy except the first', async () => {
    const gallery = published('galeri')[0]!;
    const listWithPictures = '/berita/';
    for (const path of [itemPath(gallery), listWithPictures, '/']) {
      const html = await readFile(join(site.dist, path, 'index.html'), 'utf8');
      const pictures: { sources: string[]; fallback: string; sized: boolean; loading: string }[] = [];
      visit(fromHtml(html), 'element', (element: HastElement) => {
        if (element.tagName !== 'picture') return;
        const children = element.children.filter((child): child is HastElement => child.type === 'element');
        const img = children.find((child) => child.tagName === 'img');
        pictures.push({
          sources: children.filter((child) => child.tagName === 'source').map((source) => String(source.properties.type)),
          fallback: String(img?.properties.src ?? '').replace(/^.*\./, ''),
          sized: img?.properties.width !== undefined && img.properties.height !== undefined,
          loading: String(img?.properties.loading),
        });
      });
      expect(pictures.length, `${path} has pictures`).toBeGreaterThan(1);
      expect(pictures.map((picture) => picture.sources), path).toEqual(pictures.map(() => ['image/avif', 'image/webp']));
      expect(pictures.filter((picture) => !['jpg', 'jpeg', 'png'].includes(picture.fallback) || !picture.sized), path).toEqual([]);
      expect(pictures.map((picture) => picture.loading), path).toEqual(pictures.map((_, index) => (index === 0 ? 'eager' : 'lazy')));
    }
  });
});

describe('recorded edition off (the example office)', () => {
  it('makes no recording and shows no player while dengarkan.rekaman is off', async () => {
    const article = itemPath(published('artikel')[0]!);
    await expect(stat(join(site.dist, article, 'dengarkan.mp3'))).rejects.toThrow();
    await expect(stat(join(site.dist, 'maklumat-pelayanan/dengarkan.mp3'))).rejects.toThrow();
    const html = await readFile(join(site.dist, article, 'index.html'), 'utf8');
    expect(html).toContain('data-read-aloud');
    expect(html).not.toMatch(/<audio|read-aloud-recording|Rekaman suara/);
  });
});
