import type { Finding } from '../checks/finding.ts';
import { describePageIssue, ruleIdOf, type IssueText, type PageIssue, type RuleMessage } from './messages.ts';

/** What pa11y found on one page, and where the page comes from. */
export interface AuditedPage {
  /** URL path below the base, e.g. `/berita/rapat/`. */
  path: string;
  /** Repository-relative file to report against: the item's Markdown, or the built HTML. */
  file: string;
  /** The item's Markdown text, to point at the line the element came from. */
  source?: string;
  issues: PageIssue[];
  /** Why the page could not be tested at all (it did not load, pa11y failed). */
  failure?: string;
}

/**
 * Turns pa11y's issues into findings on the author's files. The same problem reported by both
 * runners for the same element is reported once.
 */
export function pageFindings(pages: readonly AuditedPage[], messages: readonly RuleMessage[]): Finding[] {
  const findings: Finding[] = [];
  for (const page of pages) {
    if (page.failure) {
      findings.push({
        file: page.file,
        line: 1,
        column: 1,
        rule: 'a11y/halaman-gagal',
        severity: 'error',
        message: `Halaman ${page.path} tidak dapat diuji aksesibilitasnya: ${page.failure}.`,
        suggestion: 'Buka halaman itu di hasil build (npm run build) dan pastikan halaman termuat; lalu jalankan ulang.',
      });
      continue;
    }
    // One finding per problem and element: both runners often report the same one.
    const chosen = new Map<string, { issue: PageIssue; text: IssueText }>();
    for (const issue of page.issues) {
      if (issue.type === 'notice') continue;
      const text = describePageIssue(issue, messages);
      const key = `${text.topic}\u0000${issue.selector}`;
      const current = chosen.get(key);
      if (!current || prefer({ issue, text }, current)) chosen.set(key, { issue, text });
    }
    for (const { issue, text } of chosen.values()) {
      const located = page.source !== undefined ? locateInSource(page.source, issue.context) : undefined;
      const where = located ?? { line: 1, column: 1 };
      // On an item's page, an element that is nowhere in its Markdown most likely comes from the layout.
      const origin = page.source !== undefined && !located ? ' Elemen ini tidak ada di naskah item; kemungkinan berasal dari tata letak situs (src/), bukan dari tulisan penulis.' : '';
      const element = issue.context ? ` Elemen: ${oneLine(issue.context)}` : '';
      findings.push({
        file: page.file,
        line: where.line,
        column: where.column,
        rule: ruleIdOf(issue),
        severity: issue.type === 'error' ? 'error' : 'warning',
        message: `${text.message}${element} (halaman ${page.path}${issue.selector ? `, ${issue.selector}` : ''}).${origin}`,
        ...(text.suggestion ? { suggestion: text.suggestion } : {}),
      });
    }
  }
  return findings;
}

/** An error over a warning, then the more specific message, then axe's wording. */
function prefer(candidate: { issue: PageIssue; text: IssueText }, current: { issue: PageIssue; text: IssueText }): boolean {
  const rank = ({ issue, text }: { issue: PageIssue; text: IssueText }) =>
    (issue.type === 'error' ? 4 : 0) + (text.detailed ? 2 : 0) + (issue.runner === 'axe' ? 1 : 0);
  return rank(candidate) > rank(current);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The line in the item's Markdown that an element most likely came from: its image's file name
 * (Astro renames `foto-rapat.jpg` to `/_astro/foto-rapat.Hash.webp`), its link target, or the
 * start of its text. Undefined when nothing matches (the element comes from the layout).
 */
export function locateInSource(source: string, context: string): { line: number; column: number } | undefined {
  const lines = source.split(/\r?\n/);
  for (const needle of sourceNeedles(context)) {
    for (const [index, line] of lines.entries()) {
      const column = line.indexOf(needle);
      if (column >= 0) return { line: index + 1, column: column + 1 };
    }
  }
  return undefined;
}

function sourceNeedles(context: string): string[] {
  const needles: string[] = [];
  for (const [, src] of context.matchAll(/\ssrc="([^"]+)"/g)) {
    const name = src.split(/[?#]/)[0].split('/').pop() ?? '';
    needles.push(name.split('.')[0]);
  }
  for (const [, href] of context.matchAll(/\shref="([^"]+)"/g)) {
    const target = href.split(/[?#]/)[0];
    needles.push(/^[a-z]+:/i.test(target) ? target : (target.split('/').filter(Boolean).pop() ?? ''));
  }
  const text = oneLine(context.replace(/<[^>]*>?/g, ' ').replace(/\.\.\.$/, ''));
  needles.push(text.slice(0, 30).trim());
  return needles.filter((needle) => needle.length >= 4);
}
