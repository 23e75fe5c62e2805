import { evaluateApproval } from '../approval/evaluate.ts';
import { renderStatusDescription, renderVerdictComment } from '../approval/render.ts';
import { isReturnedToAuthor, SnapshotSchema, stagesAwaitingReview, type SnapshotInput, type StageVerdict, type Verdict } from '../approval/types.ts';
import { CONFIG_FILE, parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { validateData, type Validated } from '../errors/validate.ts';
import type { GithubClient } from './client.ts';
import { upsertComment } from './comments.ts';

/**
 * The GitHub side of `tayang persetujuan --pr N`: read the PR and the BASE branch's config,
 * let the engine decide, then make GitHub say what the engine said — one required status, one
 * comment, the labels, the next stage's review requests, and a note to the author when a stage
 * returns the draft. What to do is planned by pure functions (`planGithubActions`); this module
 * only reads the current state first and writes the differences, so a second run writes nothing.
 */

export const STATUS_CONTEXT = 'tayang/persetujuan';
export const COMMENT_MARKER = 'persetujuan';

/** Labels Tayang owns on a PR; any other label is left alone. */
export const LABEL_DRAFT = 'draf';
export const LABEL_CHANGES = 'perlu perbaikan';
export const LABEL_APPROVED = 'disetujui';
export const LABEL_WAITING_PREFIX = 'menunggu ';

/** GitHub's limit on label names. */
const LABEL_NAME_MAX = 50;

export interface PullTarget {
  owner: string;
  repo: string;
  pullNumber: number;
}

export type StatusState = 'success' | 'pending' | 'failure' | 'error';

export interface GithubActionPlan {
  status: { state: StatusState; description: string };
  labels: { add: string[]; remove: string[] };
  /** Logins to ask for a review now. */
  requestReviewers: string[];
  /** Pending requests Tayang made to a stage that has passed: nothing is left for them to do. */
  withdrawReviewers: string[];
  /** One comment per request for changes, mentioning the author (an edit would not notify). */
  changeNotices: { marker: string; body: string }[];
}

/** What the PR shows now, read before writing so that nothing is written twice. */
export interface CurrentPullState {
  labels: string[];
  requestedReviewers: string[];
}

export function isTayangLabel(name: string): boolean {
  return name === LABEL_DRAFT || name === LABEL_CHANGES || name === LABEL_APPROVED || name.startsWith(LABEL_WAITING_PREFIX);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The required status: success only when approved; failure when the author must act (returned,
 * or files no flow governs); pending while officials (or a draft) hold it. The words are the
 * renderer's.
 */
export function statusFor(verdict: Verdict): GithubActionPlan['status'] {
  const state: StatusState =
    verdict.state === 'approved' && !verdict.pull.draft
      ? 'success'
      : verdict.pull.draft
        ? 'pending'
        : isReturnedToAuthor(verdict) || verdict.ungoverned_files.length > 0
          ? 'failure'
          : 'pending';
  return { state, description: renderStatusDescription(verdict) };
}

export function waitingLabel(stage: StageVerdict): string {
  return shorten(`${LABEL_WAITING_PREFIX}${stage.name.toLowerCase()}`, LABEL_NAME_MAX);
}

/** The Tayang labels the PR should carry. */
export function labelsFor(verdict: Verdict): string[] {
  if (verdict.pull.draft) return [LABEL_DRAFT];
  if (verdict.ungoverned_files.length > 0 || isReturnedToAuthor(verdict)) return [LABEL_CHANGES];
  if (verdict.state === 'approved') return [LABEL_APPROVED];
  return [...new Set(stagesAwaitingReview(verdict).map(waitingLabel))];
}

/**
 * Whom to ask now: the members of the stages whose turn it is (never before: the SOP passes the
 * draft on stage by stage), not those already asked, not those whose approval already counts,
 * never the PR's authors. Nobody is asked while the PR is a draft or returned to its author.
 */
export function reviewersToRequest(verdict: Verdict, alreadyRequested: readonly string[]): string[] {
  // After a serta-merta approval the normal stages still review: they are asked as usual.
  if (verdict.pull.draft || (verdict.state === 'approved' && !verdict.fast_lane) || isReturnedToAuthor(verdict) || verdict.ungoverned_files.length > 0) return [];
  const key = (login: string) => login.toLowerCase();
  const skip = new Set([...alreadyRequested, ...verdict.authors, verdict.pull.author, ...verdict.stages.flatMap((s) => s.approvers)].map(key));
  const wanted = new Map<string, string>();
  for (const stage of stagesAwaitingReview(verdict)) {
    for (const login of stage.reviewers) if (!skip.has(key(login)) && !wanted.has(key(login))) wanted.set(key(login), login);
  }
  return [...wanted.values()];
}

/**
 * Requests to withdraw: members of stages that have passed, unless a stage still open (or yet to
 * come) also needs them. Requests to anyone else (asked by a person) are not Tayang's to touch.
 */
export function reviewersToWithdraw(verdict: Verdict, alreadyRequested: readonly string[]): string[] {
  const key = (login: string) => login.toLowerCase();
  const open = new Set(verdict.stages.filter((s) => s.state !== 'approved').flatMap((s) => s.reviewers.map(key)));
  const done = new Set(verdict.stages.filter((s) => s.state === 'approved').flatMap((s) => s.reviewers.map(key)));
  return alreadyRequested.filter((login) => done.has(key(login)) && !open.has(key(login)));
}

/** The note that tells the author a stage returned the draft, with the reviewer's reason. */
export function changeNoticesFor(verdict: Verdict): GithubActionPlan['changeNotices'] {
  return verdict.stages
    .filter((stage) => stage.state === 'changes_requested')
    .flatMap((stage) =>
      stage.changes_requested_by.map((request) => {
        const reason = request.body.trim() ? request.body.trim().split('\n').map((line) => `> ${line}`).join('\n') : '> (tanpa alasan tertulis; tanyakan langsung kepada peninjau)';
        const link = request.html_url ? ` ([lihat tinjauan](${request.html_url}))` : '';
        return {
          marker: `perbaikan-${request.login}-${request.submitted_at}`,
          body:
            `@${verdict.pull.author}, draf ini dikembalikan pada tahap **${stage.name}** oleh ${request.login}${link}:\n\n${reason}\n\n` +
            'Perbaiki sesuai catatan itu lalu dorong commit baru ke cabang PR ini; tahap ini akan memeriksa lagi.',
        };
      }),
    );
}

export function planGithubActions(verdict: Verdict, current: CurrentPullState): GithubActionPlan {
  const wanted = labelsFor(verdict);
  return {
    status: statusFor(verdict),
    labels: {
      add: wanted.filter((name) => !current.labels.includes(name)),
      remove: current.labels.filter((name) => isTayangLabel(name) && !wanted.includes(name)),
    },
    requestReviewers: reviewersToRequest(verdict, current.requestedReviewers),
    withdrawReviewers: reviewersToWithdraw(verdict, current.requestedReviewers),
    changeNotices: changeNoticesFor(verdict),
  };
}

/** Teams the config names as "@org/slug", as "org/slug". */
export function teamsNamedIn(config: Config): string[] {
  const teams = Object.values(config.peran).flatMap((role) => role.anggota.filter((m) => m.startsWith('@') && m.includes('/')).map((m) => m.slice(1)));
  return [...new Set(teams)];
}

export interface PullSnapshotRead {
  snapshot: SnapshotInput;
  base: { ref: string; sha: string };
  requestedReviewers: string[];
  labels: string[];
}

/** The snapshot of DESIGN.md §4, every page of it, plus what the PR shows now. */
export async function fetchPullSnapshot(client: GithubClient, target: PullTarget): Promise<PullSnapshotRead> {
  const params = { owner: target.owner, repo: target.repo, pull_number: target.pullNumber, per_page: 100 };
  const { data: pull } = await client.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
  const [reviews, commits, files] = await Promise.all([
    client.paginate(client.rest.pulls.listReviews, params),
    client.paginate(client.rest.pulls.listCommits, params),
    client.paginate(client.rest.pulls.listFiles, params),
  ]);
  return {
    snapshot: { pull, reviews, commits, files, teams: {} } as unknown as SnapshotInput,
    base: { ref: pull.base.ref, sha: pull.base.sha },
    requestedReviewers: (pull.requested_reviewers ?? []).map((user) => user.login),
    labels: pull.labels.map((label) => label.name),
  };
}

/** The config as the BASE branch has it: a PR cannot grant itself approvers. */
export async function readBaseConfig(client: GithubClient, target: PullTarget, base: { ref: string; sha: string }): Promise<Validated<Config>> {
  const where = `${CONFIG_FILE} (cabang dasar ${base.ref} @ ${base.sha.slice(0, 7)})`;
  try {
    const { data } = await client.rest.repos.getContent({ owner: target.owner, repo: target.repo, path: CONFIG_FILE, ref: base.sha });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
      return { ok: false, problems: [{ file: where, message: `${CONFIG_FILE} di cabang dasar bukan berkas biasa.`, fix: `jadikan ${CONFIG_FILE} sebuah berkas di akar repositori.` }] };
    }
    return parseConfig(Buffer.from(data.content, 'base64').toString('utf8'), where);
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
    return {
      ok: false,
      problems: [{ file: where, message: 'berkas konfigurasi tidak ada di cabang dasar.', fix: `gabungkan (merge) dulu ${CONFIG_FILE} ke cabang ${base.ref}, misalnya salinan salah satu berkas di presets/; perubahan konfigurasi di PR ini sendiri tidak berlaku untuk PR ini.` }],
    };
  }
}

/** Members of each team; a team we may not read stays unknown, so its members' reviews do not count. */
export async function fetchTeams(client: GithubClient, teams: string[], warnings: string[]): Promise<Record<string, string[]>> {
  const members: Record<string, string[]> = {};
  for (const team of teams) {
    const [org, slug] = team.split('/') as [string, string];
    try {
      const list = await client.paginate(client.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
      members[team] = list.map((user) => user.login);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== 403 && status !== 404) throw error;
      warnings.push(`anggota tim @${team} tidak bisa dibaca (HTTP ${status}): GITHUB_TOKEN bawaan Actions tidak boleh membaca tim organisasi; pakai token GitHub App dengan izin "Members: read", atau tulis akun anggotanya langsung di tayang.config.yml.`);
    }
  }
  return members;
}

export interface GithubApprovalRun {
  verdict: Verdict;
  plan: GithubActionPlan;
  /** What was changed on GitHub, in Indonesian (empty on a run that found nothing to change). */
  actions: string[];
  warnings: string[];
}

/** Reads, evaluates and acts. Problems (no or broken base config) also set an `error` status. */
export async function runGithubApproval(client: GithubClient, target: PullTarget, now: Date): Promise<Validated<GithubApprovalRun>> {
  const { owner, repo, pullNumber } = target;
  const read = await fetchPullSnapshot(client, target);
  const headSha = (read.snapshot.pull as { head: { sha: string } }).head.sha;
  const actions: string[] = [];
  const warnings: string[] = [];

  const config = await readBaseConfig(client, target, read.base);
  if (!config.ok) {
    await setStatus(client, target, headSha, { state: 'error', description: `${CONFIG_FILE} di cabang dasar tidak bisa dipakai: lihat log Actions` }, actions);
    return config;
  }

  read.snapshot.teams = await fetchTeams(client, teamsNamedIn(config.value), warnings);
  const snapshot = validateData(SnapshotSchema, read.snapshot, `GitHub API (PR #${pullNumber})`);
  if (!snapshot.ok) return snapshot;
  const verdict = evaluateApproval(config.value, snapshot.value, now);
  const plan = planGithubActions(verdict, { labels: read.labels, requestedReviewers: read.requestedReviewers });

  const comment = await upsertComment(client, { owner, repo, issueNumber: pullNumber, marker: COMMENT_MARKER, body: renderVerdictComment(verdict) });
  if (comment.action !== 'unchanged') actions.push(`komentar persetujuan ${comment.action === 'created' ? 'dibuat' : 'diperbarui'}: ${comment.url}`);
  // "Details" on the status opens the stage table.
  await setStatus(client, target, headSha, { ...plan.status, targetUrl: comment.url }, actions);

  if (plan.labels.add.length > 0) {
    await client.rest.issues.addLabels({ owner, repo, issue_number: pullNumber, labels: plan.labels.add });
    actions.push(`label ditambahkan: ${plan.labels.add.join(', ')}`);
  }
  for (const name of plan.labels.remove) {
    try {
      await client.rest.issues.removeLabel({ owner, repo, issue_number: pullNumber, name });
      actions.push(`label dilepas: ${name}`);
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error; // someone removed it meanwhile
    }
  }

  if (plan.requestReviewers.length > 0) {
    try {
      await client.rest.pulls.requestReviewers({ owner, repo, pull_number: pullNumber, reviewers: plan.requestReviewers });
      actions.push(`tinjauan diminta dari: ${plan.requestReviewers.join(', ')}`);
    } catch (error) {
      if ((error as { status?: number }).status !== 422) throw error;
      warnings.push(`tinjauan tidak bisa diminta dari ${plan.requestReviewers.join(', ')}: GitHub hanya menerima kolaborator repositori (${(error as Error).message}).`);
    }
  }

  if (plan.withdrawReviewers.length > 0) {
    await client.rest.pulls.removeRequestedReviewers({ owner, repo, pull_number: pullNumber, reviewers: plan.withdrawReviewers });
    actions.push(`permintaan tinjauan ditarik (tahapnya sudah lulus): ${plan.withdrawReviewers.join(', ')}`);
  }

  for (const notice of plan.changeNotices) {
    const result = await upsertComment(client, { owner, repo, issueNumber: pullNumber, marker: notice.marker, body: notice.body });
    if (result.action === 'created') actions.push(`penulis diberi tahu soal permintaan perbaikan: ${result.url}`);
  }

  return { ok: true, value: { verdict, plan, actions, warnings } };
}

/** One status per head commit and context; not re-posted when GitHub already shows the same. */
async function setStatus(client: GithubClient, target: PullTarget, sha: string, status: GithubActionPlan['status'] & { targetUrl?: string }, actions: string[]): Promise<void> {
  const { owner, repo } = target;
  const { data: combined } = await client.rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha, per_page: 100 });
  const current = combined.statuses.find((s) => s.context === STATUS_CONTEXT);
  const targetUrl = status.targetUrl ?? null;
  if (current && current.state === status.state && current.description === status.description && current.target_url === targetUrl) return;
  await client.rest.repos.createCommitStatus({ owner, repo, sha, context: STATUS_CONTEXT, state: status.state, description: status.description, target_url: targetUrl });
  actions.push(`status ${STATUS_CONTEXT}: ${status.state} — ${status.description}`);
}
