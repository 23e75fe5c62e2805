import { evaluateApproval } from '../approval/evaluate.ts';
import { renderStatusDescription, renderVerdictComment } from '../approval/render.ts';
import { isReturnedToAuthor, SnapshotSchema, stagesAwaitingReview, type SnapshotInput, type StageVerdict, type Verdict } from '../approval/types.ts';
import { CONFIG_FILE, parseConfig } from '../config/load.ts';
import { memberAccounts } from '../config/officials.ts';
import type { Config } from '../config/schema.ts';
import { validateData, type Validated } from '../errors/validate.ts';
import { readDefaultBranch, type GithubClient } from './client.ts';
import { upsertComment } from './comments.ts';
import { contentCheckState, describeContentCheck, type ContentCheckState, type ContentReport } from './content-check.ts';

/**
 * The GitHub side of `tayang persetujuan --pr N`: read the PR and the BASE branch's config,
 * let the engine decide, then make GitHub say what the engine said — one required status, one
 * comment, the labels, the next stage's review requests, and a note to the author when a stage
 * returns the draft. What to do is planned by pure functions (`planGithubActions`); this module
 * only reads the current state first and writes the differences, so a second run writes nothing.
 */

/**
 * The one required verdict: a check run of Tayang's GitHub App. The ruleset pins it to the App's
 * `integration_id`, so a status or check of this name set by anyone else does not count.
 */
export const VERDICT_CHECK = 'tayang/persetujuan';
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

export type StatusState = 'success' | 'pending' | 'failure';

/** The required check as GitHub shows it: `conclusion` null while it waits (in progress). */
export interface VerdictCheck {
  conclusion: 'success' | 'failure' | null;
  title: string;
  summary: string;
}

export interface GithubActionPlan {
  check: VerdictCheck;
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
export function statusFor(verdict: Verdict): { state: StatusState; description: string } {
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

/**
 * The required check: the approval and the content checks of the same head commit. Success only
 * when both pass; failure when either needs the author; otherwise it waits.
 */
export function requiredCheckFor(verdict: Verdict, content: ContentCheckState): VerdictCheck {
  const approval = statusFor(verdict);
  const contentSentence = describeContentCheck(content);
  const failed = approval.state === 'failure' || content.state === 'failed';
  const waiting = approval.state === 'pending' || content.state === 'missing';
  const conclusion = failed ? 'failure' : waiting ? null : 'success';
  // The title says what blocks: the approval first, unless only the content holds it.
  const title = approval.state === 'success' && content.state === 'failed' ? `Disetujui, tetapi naskah punya ${content.errors.length} kesalahan` : approval.state === 'success' && content.state === 'missing' ? 'Disetujui; menunggu pemeriksaan naskah' : approval.description;
  return { conclusion, title, summary: [`**Persetujuan SOP:** ${approval.description}.`, `**Pemeriksaan naskah:** ${contentSentence}`, ...verdict.messages.map((m) => `- ${m}`)].join('\n\n') };
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

export function planGithubActions(verdict: Verdict, content: ContentCheckState, current: CurrentPullState): GithubActionPlan {
  const wanted = labelsFor(verdict);
  return {
    check: requiredCheckFor(verdict, content),
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
  const teams = Object.values(config.peran).flatMap((role) => memberAccounts(role).filter((m) => m.startsWith('@') && m.includes('/')).map((m) => m.slice(1)));
  return [...new Set(teams)];
}

export interface PullSnapshotRead {
  snapshot: SnapshotInput;
  base: { ref: string; sha: string };
  requestedReviewers: string[];
  labels: string[];
  /** The head moved while it was read, on every attempt. */
  moved: boolean;
}

/** How often the PR is read again when its head moved while it was being read. */
const HEAD_READ_ATTEMPTS = 3;

/**
 * The snapshot of DESIGN.md §4, every page of it, plus what the PR shows now. The head is read
 * again after the lists: a push landing in between would pair one head with another head's
 * commits and files, so the whole read is repeated (bounded). `moved` says the head still moved
 * on the last attempt: then no verdict may be set on it.
 */
export async function fetchPullSnapshot(client: GithubClient, target: PullTarget): Promise<PullSnapshotRead> {
  const params = { owner: target.owner, repo: target.repo, pull_number: target.pullNumber, per_page: 100 };
  let read: PullSnapshotRead | undefined;
  for (let attempt = 1; attempt <= HEAD_READ_ATTEMPTS; attempt++) {
    const { data: pull } = await client.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
    const [reviews, commits, files] = await Promise.all([
      client.paginate(client.rest.pulls.listReviews, params),
      client.paginate(client.rest.pulls.listCommits, params),
      client.paginate(client.rest.pulls.listFiles, params),
    ]);
    const { data: again } = await client.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
    const moved = again.head.sha !== pull.head.sha || (commits.length > 0 && commits.at(-1)!.sha !== pull.head.sha);
    read = {
      snapshot: { pull, reviews, commits, files, teams: {} } as unknown as SnapshotInput,
      base: { ref: pull.base.ref, sha: pull.base.sha },
      requestedReviewers: (again.requested_reviewers ?? []).map((user) => user.login),
      labels: again.labels.map((label) => label.name),
      moved,
    };
    if (!moved) break;
  }
  return read!;
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
  content: ContentCheckState;
  plan: GithubActionPlan;
  /** What was changed on GitHub, in Indonesian (empty on a run that found nothing to change). */
  actions: string[];
  warnings: string[];
}

export interface GithubApprovalOptions {
  /** The content checks' report (`--periksa`); without one for the head the verdict waits. */
  content?: ContentReport;
  /** Tayang's App id (TAYANG_APP_ID): only its own earlier check runs are compared with. */
  appId: number;
}

/** Reads, evaluates and acts. Problems (no or broken base config) also fail the required check. */
export async function runGithubApproval(client: GithubClient, target: PullTarget, now: Date, options: GithubApprovalOptions): Promise<Validated<GithubApprovalRun>> {
  const { owner, repo, pullNumber } = target;
  const read = await fetchPullSnapshot(client, target);
  const headSha = (read.snapshot.pull as { head: { sha: string } }).head.sha;
  const actions: string[] = [];
  const warnings: string[] = [];
  if (read.moved) {
    return { ok: false, problems: [{ file: `GitHub API (PR #${pullNumber})`, message: `commit terbaru PR ini terus berubah selama dibaca (${HEAD_READ_ATTEMPTS} kali); tidak ada putusan yang dipasang.`, fix: 'tidak perlu berbuat apa-apa: dorongan (push) terakhir memicu penilaian baru untuk commit terbarunya.' }] };
  }

  // Only PRs into the default branch are judged, with its config as it is NOW: a PR into a branch
  // of the writer's own would be judged by that branch's config, and its head's verdict would then
  // also satisfy a second PR of the same head into main; a PR's base.sha is stale until its next push.
  const defaultBranch = await readDefaultBranch(client, target);
  if (read.base.ref !== defaultBranch) {
    const problem = { file: `GitHub API (PR #${pullNumber})`, field: 'base.ref', message: `PR ini ditujukan ke cabang ${read.base.ref}, bukan cabang utama ${defaultBranch}: Tayang hanya menilai PR ke cabang utama.`, fix: `ubah cabang tujuan PR ini menjadi ${defaultBranch} (Edit di samping judul PR).` };
    await setVerdictCheck(client, target, headSha, { conclusion: 'failure', title: `Bukan PR ke ${defaultBranch}: tidak dinilai`, summary: `${problem.message} ${problem.fix}` }, options.appId, actions);
    return { ok: false, problems: [problem] };
  }
  const { data: tip } = await client.rest.git.getRef({ owner, repo, ref: `heads/${defaultBranch}` });
  const config = await readBaseConfig(client, target, { ref: defaultBranch, sha: tip.object.sha });
  if (!config.ok) {
    await setVerdictCheck(client, target, headSha, { conclusion: 'failure', title: `${CONFIG_FILE} di cabang dasar tidak bisa dipakai`, summary: config.problems.map((p) => `- ${p.message} ${p.fix ?? ''}`).join('\n') }, options.appId, actions);
    return config;
  }

  read.snapshot.teams = await fetchTeams(client, teamsNamedIn(config.value), warnings);
  const snapshot = validateData(SnapshotSchema, read.snapshot, `GitHub API (PR #${pullNumber})`);
  if (!snapshot.ok) return snapshot;
  const verdict = evaluateApproval(config.value, snapshot.value, now);
  const content = contentCheckState(options.content, headSha);
  const plan = planGithubActions(verdict, content, { labels: read.labels, requestedReviewers: read.requestedReviewers });

  const comment = await upsertComment(client, { owner, repo, issueNumber: pullNumber, marker: COMMENT_MARKER, body: renderVerdictComment(verdict, { contentCheck: describeContentCheck(content) }) });
  if (comment.action !== 'unchanged') actions.push(`komentar persetujuan ${comment.action === 'created' ? 'dibuat' : 'diperbarui'}: ${comment.url}`);
  // "Details" on the check opens the stage table.
  await setVerdictCheck(client, target, headSha, plan.check, options.appId, actions, comment.url);

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

  return { ok: true, value: { verdict, content, plan, actions, warnings } };
}

/**
 * The required check on the evaluated head, as a check run of the token's App. A new run is made
 * whenever what it says changes (GitHub counts the newest run of a name); the same verdict twice
 * writes nothing.
 */
async function setVerdictCheck(client: GithubClient, target: PullTarget, sha: string, check: VerdictCheck, appId: number, actions: string[], detailsUrl?: string): Promise<void> {
  const { owner, repo } = target;
  const { data } = await client.rest.checks.listForRef({ owner, repo, ref: sha, check_name: VERDICT_CHECK, filter: 'latest', per_page: 100, app_id: appId });
  const current = data.check_runs[0];
  const status = check.conclusion === null ? 'in_progress' : 'completed';
  if (current && current.status === status && current.conclusion === check.conclusion && current.output.title === check.title && current.output.summary === check.summary && (current.details_url ?? undefined) === detailsUrl) return;
  await client.rest.checks.create({
    owner,
    repo,
    name: VERDICT_CHECK,
    head_sha: sha,
    status,
    ...(check.conclusion === null ? {} : { conclusion: check.conclusion }),
    ...(detailsUrl ? { details_url: detailsUrl } : {}),
    output: { title: check.title, summary: check.summary },
  });
  actions.push(`pemeriksaan ${VERDICT_CHECK}: ${check.conclusion ?? 'menunggu'} — ${check.title}`);
}
