import { evaluateApproval } from '../approval/evaluate.ts';
import { SnapshotSchema } from '../approval/types.ts';
import type { Config } from '../config/schema.ts';
import { validateData } from '../errors/validate.ts';
import { readMarkers } from '../reminders/markers.ts';
import { planSopReview, planStageNotices, planStaleBerkala, type OpenPull, type PeriodicItem, type StageNotice } from '../reminders/plan.ts';
import { REMINDER_LABEL, renderBerkalaIssue, renderSopReviewIssue, renderStageNotice } from '../reminders/render.ts';
import { fetchPullSnapshot, fetchTeams, teamsNamedIn } from './approval.ts';
import { readDefaultBranch, type GithubClient } from './client.ts';

/**
 * The GitHub side of `tayang pengingat`: read the open PRs into the default branch, their verdicts
 * and the reminder markers already on GitHub, then write what the plan (src/lib/reminders/plan.ts)
 * says is due: a comment per reminder or escalation, an issue for the SOP review and one for stale
 * `berkala` items.
 *
 * Only markers in comments and issues written by a bot count as sent: anyone may comment on a
 * public repository's PR, and a comment of theirs carrying a marker must not silence a reminder.
 * Tayang writes as its GitHub App's bot (pengingat.yml), or github-actions[bot] with GITHUB_TOKEN.
 */

export interface Repository {
  owner: string;
  repo: string;
}

export interface ReminderInput {
  /** The default branch's config (the workflow checks it out). */
  config: Config;
  /** Published `berkala` items of the checkout. */
  periodic: PeriodicItem[];
  now: Date;
  /** `--kering`: plan and word everything, write nothing. */
  dryRun: boolean;
}

export type SentNotice =
  | { kind: StageNotice['kind']; notice: StageNotice; body: string; url?: string }
  | { kind: 'tinjauan-sop' | 'berkala'; title: string; body: string; items?: PeriodicItem[]; url?: string };

export interface ReminderRun {
  notices: SentNotice[];
  /** Open PRs looked at (not drafts). */
  pulls: number;
  warnings: string[];
}

interface Authored {
  body?: string | null;
  user?: { type?: string } | null;
}

/** The markers of what a bot wrote. */
function sentMarkers(entries: readonly Authored[]): Set<string> {
  return new Set(entries.filter((entry) => entry.user?.type === 'Bot').flatMap((entry) => readMarkers(entry.body ?? '')));
}

export async function runReminders(client: GithubClient, repository: Repository, input: ReminderInput): Promise<ReminderRun> {
  const { owner, repo } = repository;
  const { config, now, dryRun } = input;
  const warnings: string[] = [];
  const notices: SentNotice[] = [];

  const defaultBranch = await readDefaultBranch(client, repository);
  const open = (await client.paginate(client.rest.pulls.list, { owner, repo, state: 'open', base: defaultBranch, per_page: 100 })).filter((pull) => !pull.draft);
  const teams = open.length > 0 ? await fetchTeams(client, teamsNamedIn(config), warnings) : {};
  for (const listed of open) {
    const target = { owner, repo, pullNumber: listed.number };
    const read = await fetchPullSnapshot(client, target);
    if (read.moved) {
      warnings.push(`PR #${listed.number} dilewati: commit terbarunya berubah selama dibaca; run berikutnya memeriksanya lagi.`);
      continue;
    }
    read.snapshot.teams = teams;
    const snapshot = validateData(SnapshotSchema, read.snapshot, `GitHub API (PR #${listed.number})`);
    if (!snapshot.ok) {
      warnings.push(...snapshot.problems.map((problem) => `PR #${listed.number} dilewati: ${problem.message}`));
      continue;
    }
    const pull: OpenPull = { verdict: evaluateApproval(config, snapshot.value, now), title: listed.title, url: listed.html_url };
    const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: listed.number, per_page: 100 });
    const sent = sentMarkers(comments);
    let due = planStageNotices(config, pull, now, sent);
    // Leaving draft only moves a wait's start later, so the PR's events are read only when
    // something would be sent without them.
    if (due.length > 0) {
      const readyAt = await lastReadyForReview(client, target);
      if (readyAt) due = planStageNotices(config, { ...pull, readyAt }, now, sent);
    }
    for (const notice of due) {
      const body = renderStageNotice(notice, config);
      const url = dryRun ? undefined : (await client.rest.issues.createComment({ owner, repo, issue_number: listed.number, body })).data.html_url;
      notices.push({ kind: notice.kind, notice, body, ...(url ? { url } : {}) });
    }
  }

  const issues = (await client.paginate(client.rest.issues.listForRepo, { owner, repo, state: 'all', labels: REMINDER_LABEL, per_page: 100 })).filter((issue) => !issue.pull_request);
  const sent = sentMarkers(issues);
  const review = planSopReview(config, now, sent);
  if (review) notices.push({ kind: 'tinjauan-sop', ...renderSopReviewIssue(review, config) });
  const stale = planStaleBerkala(input.periodic, config.kantor.zona_waktu, now, sent);
  if (stale) notices.push({ kind: 'berkala', ...renderBerkalaIssue(stale, config), items: stale.items });
  for (const notice of notices) {
    if (dryRun || (notice.kind !== 'tinjauan-sop' && notice.kind !== 'berkala')) continue;
    const { data } = await client.rest.issues.create({ owner, repo, title: notice.title, body: notice.body, labels: [REMINDER_LABEL] });
    notice.url = data.html_url;
  }
  return { notices, pulls: open.length, warnings };
}

/** When the PR last left draft, from its events; undefined if it never was a draft. */
async function lastReadyForReview(client: GithubClient, target: { owner: string; repo: string; pullNumber: number }): Promise<string | undefined> {
  const events = await client.paginate(client.rest.issues.listEvents, { owner: target.owner, repo: target.repo, issue_number: target.pullNumber, per_page: 100 });
  return events.filter((event) => event.event === 'ready_for_review').map((event) => event.created_at).sort().at(-1);
}
