/**
 * Page weight of every kind of page of the example office's site: the checkout itself (the
 * uncommitted work included) built once, then for each kind its heaviest page's HTML, CSS and JS,
 * raw and gzip-compressed, as src/lib/site/page-weight.ts counts them for the test's budget.
 * Sizes, not times: the build is only the way to the pages.
 */
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { TEXT_TYPES } from '../src/lib/content/types.ts';
import { ARTICLE_BUDGET_BYTES, measurePage, type PageWeight } from '../src/lib/site/page-weight.ts';
import { CONTENT_TYPES, SECTION_TYPES } from '../src/lib/content/types.ts';
import { REPO_ROOT } from './corpus.ts';
import { measure, projectEnv } from './measure.ts';

export interface WeightRow {
  kind: string;
  pages: number;
  /** The heaviest page of the kind, by gzip total. */
  page: string;
  html: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
  js: { raw: number; gzip: number };
  total: { raw: number; gzip: number };
  /** Text items only: whether the heaviest is within the 60 KB budget. */
  withinBudget?: boolean;
}

export async function benchPageWeight(out: string): Promise<WeightRow[]> {
  const dist = join(out, 'example-dist');
  // Builds of one project share its caches: take the lock the tests take (example-site.ts).
  const result = await measure('flock', [join(tmpdir(), 'tayang-test-astro-build.lock'), 'astro', 'build', '--outDir', dist], { cwd: REPO_ROOT, env: { ...projectEnv(REPO_ROOT), TAYANG_BASE: '', ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.exitCode !== 0) throw new Error(`astro build failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
  const byKind = new Map<string, PageWeight[]>();
  for (const page of await pagesOf(dist)) {
    const kind = kindOf(page);
    byKind.set(kind, [...(byKind.get(kind) ?? []), await measurePage(dist, page)]);
  }
  // The home page, the lists, the items, then the rest.
  const order = ['beranda', 'daftar', 'item'];
  const rank = (kind: string) => {
    const at = order.findIndex((start) => kind.startsWith(start));
    return at === -1 ? order.length : at;
  };
  const kinds = [...byKind].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return kinds.map(([kind, weights]) => {
    const heaviest = weights.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    const of = (k: 'html' | 'css' | 'js') => {
      const parts = heaviest.parts.filter((part) => part.kind === k);
      return { raw: parts.reduce((n, p) => n + p.raw, 0), gzip: parts.reduce((n, p) => n + p.gzip, 0) };
    };
    const budgeted = TEXT_TYPES.some((jenis) => kind === `item ${jenis}`);
    return {
      kind,
      pages: weights.length,
      page: heaviest.page,
      html: of('html'),
      css: of('css'),
      js: of('js'),
      total: { raw: heaviest.raw, gzip: heaviest.gzip },
      ...(budgeted ? { withinBudget: heaviest.gzip <= ARTICLE_BUDGET_BYTES } : {}),
    };
  });
}

/** Every HTML page of the built site, by its address (`/berita/x/`, `/404.html`). */
async function pagesOf(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

/** The kind of page an address is, by the site's routes (src/pages/). */
function kindOf(page: string): string {
  const parts = page.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0) return 'beranda';
  if (page === '/404.html') return '404';
  if (parts.at(-1) === 'persetujuan') return 'lembar persetujuan';
  if (first === 'informasi-publik') return 'daftar informasi publik';
  if (first === 'profil') return 'profil';
  if (first === 'cari') return 'pencarian';
  if ((SECTION_TYPES as readonly string[]).includes(first!)) {
    if (second === undefined || /^\d+$/.test(second)) return `daftar ${first}`;
    if (third === undefined) return `item ${first}`;
  }
  if (parts.length === 1 && !(CONTENT_TYPES as readonly string[]).includes(first!)) return 'item halaman';
  return `lain (${first})`;
}
