import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer';
import { ProblemsError } from '../errors/problem.ts';
import { chromiumLaunch } from './chromium.ts';
import { wcagOfAxeTags, wcagOfHtmlcsCode, type PageIssue } from './messages.ts';

const require = createRequire(import.meta.url);
// puppeteer and axe-core exactly as pa11y resolves them, so its `browser` option gets the
// Browser class it expects and the rule list matches the axe it injects.
const fromPa11y = createRequire(require.resolve('pa11y'));

interface Pa11yResultIssue {
  code: string;
  type: 'error' | 'warning' | 'notice';
  message: string;
  context: string | null;
  selector: string;
  runner: 'axe' | 'htmlcs';
}
type Pa11y = (url: string, options: Record<string, unknown>) => Promise<{ issues: Pa11yResultIssue[] }>;
interface AxeRuleMetadata {
  ruleId: string;
  tags: string[];
}

/** The standard both runners test against; pa11y treats it as the upper bound (A and AA). */
export const STANDARD = 'WCAG2AA';

/**
 * pa11y 10 runs axe with the tags wcag2a/wcag21a/wcag2aa/wcag21aa/best-practice only. axe's
 * own rule options override its tag filter, so the WCAG 2.2 A/AA rules (e.g. `target-size`,
 * SC 2.5.8) are switched on by id through pa11y's `rules` option — on the axe run only, since
 * the htmlcs runner rejects rule names it does not know.
 */
function axeRules(): { wcag22: string[]; wcagOf: Map<string, string[]> } {
  const axe = fromPa11y('axe-core') as { getRules(tags?: string[]): AxeRuleMetadata[] };
  return {
    wcag22: axe.getRules(['wcag22a', 'wcag22aa']).map((rule) => rule.ruleId),
    wcagOf: new Map(axe.getRules().map((rule) => [rule.ruleId, wcagOfAxeTags(rule.tags)])),
  };
}

export interface PageAudit {
  path: string;
  issues: PageIssue[];
  /** Set when the page could not be loaded or tested. */
  failure?: string;
}

export interface AuditOptions {
  /** Pages tested at once, each in its own tab of the one browser. */
  concurrency?: number;
  /** Called after each page, e.g. for progress on stderr. */
  onPage?: (audit: PageAudit, done: number, total: number) => void;
}

/**
 * Runs pa11y (htmlcs and axe, WCAG 2 AA plus axe's WCAG 2.2 rules) on pages of a served site,
 * reusing one Chromium for all of them: each page is loaded once and both runners test it.
 * Errors and warnings are kept; axe's "needs review" results count as warnings at most,
 * because axe itself could not decide them.
 */
export async function auditPages(baseUrl: string, paths: readonly string[], options: AuditOptions = {}): Promise<PageAudit[]> {
  const pa11y = require('pa11y') as Pa11y;
  const puppeteer = fromPa11y('puppeteer') as typeof import('puppeteer').default;
  const { wcag22, wcagOf } = axeRules();
  const launch = chromiumLaunch();
  const browser = await puppeteer.launch({ headless: true, executablePath: launch.executablePath, args: launch.args }).catch((error: Error) => {
    throw new ProblemsError([
      {
        file: launch.executablePath ?? 'chromium',
        message: `Chromium tidak dapat dijalankan untuk pa11y: ${error.message.split('\n')[0]}`,
        fix: 'Pasang Chromium (Debian/Ubuntu: apt-get install chromium) atau tunjuk program peramban dengan variabel CHROME_PATH.',
      },
    ]);
  });
  try {
    const results: PageAudit[] = new Array(paths.length);
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      const page = await browser.newPage();
      try {
        while (next < paths.length) {
          const index = next++;
          results[index] = await auditPage(pa11y, browser, page, new URL(paths[index].slice(1), baseUrl).href, paths[index], wcag22, wcagOf);
          options.onPage?.(results[index], ++done, paths.length);
        }
      } finally {
        await page.close();
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? 2, paths.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
  } finally {
    await browser.close();
  }
}

async function auditPage(
  pa11y: Pa11y,
  browser: Browser,
  page: Page,
  url: string,
  path: string,
  wcag22: string[],
  wcagOf: Map<string, string[]>,
): Promise<PageAudit> {
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (!response?.ok()) return { path, issues: [], failure: `server menjawab HTTP ${response?.status() ?? '—'}` };
    // A region a script is still filling says aria-busy (the search page's results): test it filled.
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), { timeout: 30_000 });
    const shared = { browser, page, ignoreUrl: true, standard: STANDARD };
    const htmlcs = await pa11y(url, { ...shared, runners: ['htmlcs'] });
    const axe = await pa11y(url, { ...shared, runners: ['axe'], rules: wcag22, includeWarnings: true, levelCapWhenNeedsReview: 'warning' });
    const issues = [...axe.issues, ...htmlcs.issues].map((issue) => ({
      runner: issue.runner,
      code: issue.code,
      type: issue.type,
      message: issue.message,
      context: issue.context ?? '',
      selector: issue.selector,
      wcag: issue.runner === 'axe' ? (wcagOf.get(issue.code) ?? []) : wcagOfHtmlcsCode(issue.code),
    }));
    return { path, issues };
  } catch (error) {
    return { path, issues: [], failure: (error as Error).message };
  }
}
