import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticServer } from '../../src/lib/a11y/static-server.ts';
import { IFRAME_HOSTS } from '../../src/lib/content/html.ts';
import { contentSecurityPolicy } from '../../src/lib/site/csp.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildExampleSiteWith, ROOT, type BuiltCopy } from '../site/example-site.ts';
import { CANARY, HOSTILE_CASES, OUTSIDE_FILES, type HostileCase } from './hostile-content.ts';

/**
 * Issue 9's hostile content suite: every case of ./hostile-content.ts is an item of one copy of
 * the example office's site. The build must succeed (the site keeps updating), `tayang periksa`
 * must flag every case on its line, and in Chromium no page may open a dialog, lose its footer,
 * lie under another site's link, or break the site's policy (what reaches the page was already
 * removed, not merely blocked). Nothing from outside content/ may reach dist/.
 */

const exec = promisify(execFile);
const NODE = join(ROOT, 'node_modules/.bin/node');
const TAYANG = join(ROOT, 'scripts/tayang.ts');
const OPENING = 'Paragraf pembuka berita uji.';

const itemFile = (c: HostileCase) => `content/artikel/uji-${c.name}/index.md`;

/** The item, and the line periksa must flag: the first line of the hostile part. */
function itemOf(c: HostileCase): { text: string; line: number } {
  const fields = new Map([
    ['judul', `Uji ${c.name}`],
    ['tanggal', '2026-01-05'],
    ['ringkasan', 'Ringkasan uji keamanan konten.'],
    ['penulis', 'Tim Uji'],
  ]);
  let hostileKey: string | undefined;
  if (c.fields !== undefined) {
    const [key, ...value] = c.fields.split(': ');
    hostileKey = key!;
    fields.set(hostileKey, value.join(': '));
  }
  const lines = ['---', ...[...fields].map(([key, value]) => `${key}: ${value}`), '---', '', OPENING, ''];
  const line = hostileKey !== undefined ? lines.findIndex((l) => l.startsWith(`${hostileKey}:`)) + 1 : lines.length + 1;
  return { text: `${[...lines, ...(c.body === undefined ? [] : [c.body])].join('\n')}\n`, line };
}

let site: BuiltCopy;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const files: Record<string, string> = { ...OUTSIDE_FILES };
  for (const c of HOSTILE_CASES) files[itemFile(c)] = itemOf(c).text;
  site = await buildExampleSiteWith(files);
  server = await serveDirectory(site.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('hostile content in items', () => {
  it('has at least 60 named cases', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  });

  it('does not stop the site from updating: the build succeeds and says, in Indonesian, what it removed', () => {
    expect(site.output).toContain('HTML yang tidak aman dibuang dari halaman');
    const imgOnerror = HOSTILE_CASES.find((c) => c.name === 'img-onerror')!;
    expect(site.output).toContain(`${itemFile(imgOnerror)}:${itemOf(imgOnerror).line}:1: security/script`);
  });

  it('is flagged by tayang periksa, every case on its line, with a security rule', async () => {
    const result = await exec(NODE, [TAYANG, 'periksa', ...HOSTILE_CASES.map(itemFile), '--format', 'json'], { cwd: site.dir, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout: string; code: number }) => error);
    const report = JSON.parse(result.stdout) as { findings: { file: string; line: number; rule: string }[] };
    const unflagged = HOSTILE_CASES.filter((c) => !report.findings.some((f) => f.file === itemFile(c) && f.line === itemOf(c).line && f.rule.startsWith('security/')));
    expect(unflagged.map((c) => c.name)).toEqual([]);
  });

  it('reaches no visitor: no dialog, the footer in place, no other site\'s link over the page, no policy violation', async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 } });
    const failures: string[] = [];
    for (const path of [...HOSTILE_CASES.map((c) => `/artikel/uji-${c.name}/`), '/', '/artikel/']) {
      const problems = await visit(context, path);
      if (problems.length > 0) failures.push(`${path}: ${problems.join('; ')}`);
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 180_000);

  it('shows in search results as plain text: only the result markup, every link to a page of the site, no dialog', async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const events = watchForAttacks(page);
    // Every case's title starts with "Uji".
    await page.goto('/cari/?q=Uji');
    await expect.poll(() => page.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/^\d+ hasil untuk “Uji”$/);
    const more = page.getByRole('button', { name: 'Tampilkan hasil berikutnya' });
    while (await more.isVisible()) {
      const shown = await page.locator('.search-results > li').count();
      await more.click();
      await expect.poll(() => page.locator('.search-results > li').count(), { timeout: 20_000 }).toBeGreaterThan(shown);
    }
    const results = await page.locator('.search-results').evaluate((list) => ({
      count: list.children.length,
      tags: [...new Set([...list.querySelectorAll('*')].map((element) => element.localName))].toSorted(),
      attributes: [...new Set([...list.querySelectorAll('*')].flatMap((element) => element.getAttributeNames()))].toSorted(),
      foreign: [...list.querySelectorAll('a')].map((link) => link.href).filter((href) => new URL(href).origin !== location.origin),
      titles: [...list.querySelectorAll('h3')].map((heading) => heading.textContent),
    }));
    expect(results.count).toBeGreaterThanOrEqual(HOSTILE_CASES.length);
    expect(results.tags).toEqual(['a', 'h3', 'li', 'mark', 'p']);
    expect(results.attributes).toEqual(['class', 'href']);
    expect(results.foreign).toEqual([]);
    expect(results.titles).toContain('Uji <img src=x onerror=alert(1)> <mark>judul</mark> &lt;b&gt;');
    expect(events).toEqual([]);
    await context.close();
  }, 120_000);

  it('carries the Content-Security-Policy on every built page', async () => {
    const pages = (await listFiles(site.dist)).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(HOSTILE_CASES.length);
    const policy = contentSecurityPolicy(IFRAME_HOSTS);
    for (const page of pages) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(await readFile(page, 'utf8'));
      expect(meta?.[1]?.replace(/&#39;/g, "'"), relative(site.dist, page)).toBe(policy);
    }
  });

  it('copies nothing from outside content/ into the site', async () => {
    const leaked: string[] = [];
    for (const file of await listFiles(site.dist)) {
      if ((await readFile(file)).includes(CANARY)) leaked.push(relative(site.dist, file));
    }
    expect(leaked).toEqual([]);
  });
});

/** Opens one page in a fresh tab, as a visitor would, and says what went wrong. */
async function visit(context: BrowserContext, path: string): Promise<string[]> {
  const page = await context.newPage();
  const events = watchForAttacks(page);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).pathname !== path) events.push(`halaman berpindah ke ${frame.url()}`);
  });
  await page.goto(path, { waitUntil: 'load' }).catch((error: Error) => events.push(`halaman tidak termuat: ${error.message.split('\n')[0]}`));
  await page.waitForTimeout(50);
  const problems = [...events, ...(await inspectPage(page))];
  await page.close();
  return problems;
}

/** Dialogs the page opens (dismissed) and what the browser says the policy blocked, as they come. */
function watchForAttacks(page: Page): string[] {
  const events: string[] = [];
  page.on('dialog', (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) events.push(`CSP: ${message.text()}`);
  });
  return events;
}

/** What a visitor would see wrong on the loaded page. */
async function inspectPage(page: Page): Promise<string[]> {
  const inspection = page.evaluate(() => {
    const problems: string[] = [];
    const footer = document.querySelector('footer.site-footer');
    if (footer === null || footer.getBoundingClientRect().height === 0 || getComputedStyle(footer).display === 'none') problems.push('kaki halaman hilang');
    if (!document.querySelector('footer.site-footer h2')?.textContent?.trim()) problems.push('isi kaki halaman hilang');
    // Sample the screen, at the top and scrolled to the footer: links to other sites may sit in the
    // text, but none may cover a fifth of what the visitor sees.
    const foreignShare = () => {
      let hits = 0;
      let points = 0;
      for (let x = innerWidth / 20; x < innerWidth; x += innerWidth / 10) {
        for (let y = innerHeight / 20; y < innerHeight; y += innerHeight / 10) {
          points++;
          const link = document.elementFromPoint(x, y)?.closest('a');
          if (link && new URL(link.href, location.href).origin !== location.origin && !link.closest('footer, header')) hits++;
        }
      }
      return hits / points;
    };
    const shares = [foreignShare()];
    footer?.scrollIntoView();
    shares.push(foreignShare());
    if (shares.some((share) => share > 0.2)) problems.push(`tautan ke situs lain menutupi ${Math.round(Math.max(...shares) * 100)}% layar`);
    for (const element of document.querySelectorAll('main *')) {
      const position = getComputedStyle(element).position;
      if (position === 'fixed' || position === 'sticky') problems.push(`<${element.tagName.toLowerCase()}> menempel di layar (${position})`);
    }
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (repeated.length > 0) problems.push(`id ganda (isi menyamai bagian halaman): ${[...new Set(repeated)].join(', ')}`);
    if (document.documentElement.scrollHeight > 20_000) problems.push(`halaman setinggi ${document.documentElement.scrollHeight} px: kaki halaman terdorong jauh`);
    if (document.querySelector('main script, main iframe[srcdoc], main object, main embed, main form, main base, main meta, main style, main textarea')) problems.push('elemen berbahaya ada di halaman');
    return problems;
  });
  return inspection.catch((error: Error) => [`halaman tidak bisa diperiksa: ${error.message.split('\n')[0]}`]);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
