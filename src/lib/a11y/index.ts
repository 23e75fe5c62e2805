import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { CheckReport } from '../checks/finding.ts';
import { CONTENT_ROOT, CONTENT_TYPES } from '../content/types.ts';
import { auditPages, type PageAudit } from './audit.ts';
import { pageFindings, type AuditedPage } from './findings.ts';
import { itemKey, itemOfPage, selectPagesForChanges } from './items.ts';
import { loadRuleMessages } from './messages.ts';
import { linkedPaths, listBuiltPages, searchResultsPage, type BuiltPage } from './pages.ts';
import { serveDirectory } from './static-server.ts';

export interface BuiltSiteCheckOptions {
  /** Repository root: where `content/` is and what reported paths are relative to. */
  root: string;
  /** The built site, e.g. `<root>/dist`. */
  dist: string;
  /** The site's base path (`TAYANG_BASE` of the build), default `/`. */
  base?: string;
  /** Only the pages of these changed files (`--berubah`); all pages when absent. */
  changedFiles?: readonly string[];
  concurrency?: number;
  onPage?: (audit: PageAudit, done: number, total: number) => void;
}

export interface BuiltSiteReport extends CheckReport {
  /** URL paths of the pages tested, below the base. */
  pages: string[];
}

/**
 * `tayang aksesibilitas`: serves the built site, runs pa11y on the selected pages and reports
 * the findings against the items' Markdown files (other pages: their built HTML file).
 */
export async function checkBuiltSite(options: BuiltSiteCheckOptions): Promise<BuiltSiteReport> {
  const base = options.base ?? '/';
  const allPages = await listBuiltPages(options.dist);
  const items = await listItemFolders(options.root);
  const itemKeys = new Set(items.keys());
  const selected = options.changedFiles
    ? selectPagesForChanges(allPages, options.changedFiles, itemKeys, (page) =>
        linkedPaths(readFileSync(join(options.dist, page.file), 'utf8'), page.path, base),
      ).pages
    : allPages;
  const search = selected.find((page) => page.path === '/cari/');
  const withResults = search && searchResultsPage(readFileSync(join(options.dist, search.file), 'utf8'));
  const pages = withResults ? [...selected, withResults] : selected;
  if (pages.length === 0) return { files: 0, findings: [], pages: [] };

  const server = await serveDirectory(options.dist, base);
  let audits: PageAudit[];
  try {
    audits = await auditPages(server.url, pages.map((page) => page.path), options);
  } finally {
    await server.close();
  }
  const audited = audits.map((audit, index) => describeSource(options, pages[index], audit, items, itemKeys));
  return { files: pages.length, findings: pageFindings(audited, loadRuleMessages()), pages: pages.map((page) => page.path) };
}

function describeSource(
  options: BuiltSiteCheckOptions,
  page: BuiltPage,
  audit: PageAudit,
  items: ReadonlyMap<string, string>,
  itemKeys: ReadonlySet<string>,
): AuditedPage {
  const item = itemOfPage(page.path, itemKeys);
  const itemFile = item && items.get(itemKey(item));
  const file = itemFile ?? toPosix(relative(options.root, join(options.dist, page.file)));
  const source = itemFile ? readFileSync(join(options.root, itemFile), 'utf8') : undefined;
  return { path: page.path, file, source, issues: audit.issues, failure: audit.failure };
}

/** `berita/rapat` → `content/berita/rapat/index.md` for every item folder on disk. */
async function listItemFolders(root: string): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  for (const jenis of CONTENT_TYPES) {
    const dir = join(root, CONTENT_ROOT, jenis);
    const slugs = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const slug of slugs) {
      if (!slug.isDirectory()) continue;
      const file = ['index.md', 'index.mdx'].find((name) => existsSync(join(dir, slug.name, name)));
      if (file) items.set(itemKey({ jenis, slug: slug.name }), `${CONTENT_ROOT}/${jenis}/${slug.name}/${file}`);
    }
  }
  return items;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
