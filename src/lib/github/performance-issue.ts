import type { Period } from '../records/performance.ts';
import { formatMarker, readMarkers } from '../reminders/markers.ts';
import type { GithubClient } from './client.ts';

/**
 * The monthly performance report as a GitHub issue (`tayang laporan --kinerja --issue`, run by
 * laporan.yml): one issue per period, carrying a hidden marker of the period. A re-run finds the
 * marker in an issue a bot wrote and opens nothing; a marker in someone else's issue does not
 * count, as anyone may open an issue on a public repository.
 */

export const PERFORMANCE_LABEL = 'laporan-kinerja';

export function performanceMarker(period: Period): string {
  return formatMarker({ jenis: 'laporan-kinerja', periode: `${period.from}..${period.to}` });
}

export interface PerformanceIssue {
  created: boolean;
  url: string;
}

export async function publishPerformanceIssue(client: GithubClient, repository: { owner: string; repo: string }, input: { period: Period; title: string; body: string }): Promise<PerformanceIssue> {
  const { owner, repo } = repository;
  const marker = performanceMarker(input.period);
  const issues = await client.paginate(client.rest.issues.listForRepo, { owner, repo, state: 'all', labels: PERFORMANCE_LABEL, per_page: 100 });
  const existing = issues.find((issue) => !issue.pull_request && issue.user?.type === 'Bot' && readMarkers(issue.body ?? '').includes(marker));
  if (existing) return { created: false, url: existing.html_url };
  const { data } = await client.rest.issues.create({ owner, repo, title: input.title, body: `${input.body.trimEnd()}\n\n${marker}\n`, labels: [PERFORMANCE_LABEL] });
  return { created: true, url: data.html_url };
}
