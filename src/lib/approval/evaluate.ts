import { durationToMinutes } from '../config/duration.ts';
import { memberAccounts } from '../config/officials.ts';
import type { Config, Flow, Stage } from '../config/schema.ts';
import { endOfDate, workingDayMinutes, workingMinutesBetween } from '../config/working-time.ts';
import { authorshipOf } from './authorship.ts';
import { evaluateFastLane, FAST_LANE_LABEL } from './fast-lane.ts';
import { governChangedPaths } from './flows.ts';
import { composeMessages, describeStandard } from './messages.ts';
import type { ChangeRequest, IgnoredApproval, Review, Snapshot, StageApproval, StageVerdict, Verdict, VerdictState } from './types.ts';

/**
 * Turns a pull request's reviews into the SOP's approvals (DESIGN.md §4). Pure: the config is the
 * base branch's, the snapshot is GitHub's REST responses, `now` is injected. When anything is in
 * doubt the PR is not approved.
 *
 * Decisions the contract leaves open, made here:
 * - Who cannot approve: the PR's opener and the GitHub accounts that authored, committed or
 *   co-authored (`Co-authored-by:`) any of its commits; authorship.ts says how they are found.
 * - A stand-in's review counts when it was submitted before the end of their `sampai` date (office
 *   time): an act of a Plh. stays valid after the mandate ends, so the verdict does not change
 *   with the day it is computed on (the status set before midnight, the record written at merge).
 *   A review submitted after the mandate does not count.
 * - A request for changes returns the PR to its author and, being that member's latest review,
 *   stands after a push too (as on GitHub) until that member approves or the review is
 *   dismissed: while it stands the stage is `changes_requested` and cannot pass, even if another
 *   member approved. Objections all on older commits mean the fix awaits a re-check
 *   (`awaitsRecheck`), which GitHub shows as waiting for the stage. A member who has since
 *   authored a commit of the PR is out of the stage altogether.
 * - Reviews are ordered by `submitted_at`; with `ketat`, "after the earlier stage passed" means a
 *   strictly later second. A member who approves the same commit again stays approved since their
 *   first approval of it, and a later stage may count any of those approvals that came after the
 *   stage before it passed.
 * - A commit whose author or committer GitHub links to no account (or to `web-flow` as author), or
 *   whose co-author resolves to none, keeps the PR from being approved: who wrote it cannot be
 *   told apart from the approvers.
 * - "One person, one stage" holds for the whole PR, across flows too: an official whose role appears
 *   in two flows that govern the same PR counts for one of their stages (when in doubt, not
 *   approved). The presets give system changes a second official for that reason.
 * - A snapshot listing fewer commits or files than the PR has (GitHub lists at most 250 commits and
 *   3000 files) keeps the PR from being approved: an unlisted commit's author might be an approver,
 *   an unlisted file might fall under a stricter flow or none.
 * - The serta-merta fast lane (a PR labelled `serta-merta`, flows with `serta_merta`) may approve
 *   a PR whose normal stages have not passed; its rules are in fast-lane.ts. Nothing else blocks
 *   less for it: drafts, requests for changes, ungoverned files stay as they are.
 */
export function evaluateApproval(config: Config, snapshot: Snapshot, now: Date): Verdict {
  const { pull } = snapshot;
  const { authors, unlinked } = authorshipOf(snapshot);
  const paths = snapshot.files.flatMap((file) => (file.previous_filename ? [file.filename, file.previous_filename] : [file.filename]));
  const governance = governChangedPaths(config, paths);
  const context: FlowContext = {
    config,
    teams: new Map(Object.entries(snapshot.teams).map(([team, logins]) => [team.replace(/^@/, '').toLowerCase(), logins])),
    reviews: currentReviews(snapshot.reviews),
    authors: new Set(authors.map(keyOf)),
    headSha: pull.head.sha,
    openedAt: new Date(pull.created_at),
    now,
  };
  const flows = config.alur.filter((flow) => governance.byFlow.has(flow.id));
  const { stages, members } = evaluateFlows(context, flows);

  const unlisted = {
    commits: Math.max(0, (pull.commits ?? 0) - snapshot.commits.length),
    files: Math.max(0, (pull.changed_files ?? 0) - snapshot.files.length),
  };
  const complete = unlisted.commits === 0 && unlisted.files === 0;
  const unblocked = !pull.draft && paths.length > 0 && complete && governance.ungoverned.length === 0 && unlinked.length === 0;
  const returned = stages.some((stage) => stage.state === 'changes_requested');
  const allStagesApproved = stages.every((stage) => stage.state === 'approved');

  // The serta-merta fast lane is opt-in twice: the PR carries the label and a flow defines the lane.
  const labelled = (pull.labels ?? []).some((label) => label.name?.toLowerCase() === FAST_LANE_LABEL);
  const fastLane = labelled
    ? evaluateFastLane({
        config,
        flows,
        stages,
        reviews: context.reviews.values(),
        authors: context.authors,
        headSha: context.headSha,
        membersOf: (roles) => {
          const { members: found } = stageMembers(context, { peran: [...roles] });
          return new Map([...found].map(([key, member]) => [key, { acts: (time: number) => actsAt(member, time) }]));
        },
      })
    : undefined;
  const fastLaneApprovals = unblocked && !returned ? fastLane?.approvals : undefined;
  const uncounted = [...context.reviews.values()]
    .filter((r) => r.state === 'APPROVED' && !members.has(r.key) && !fastLane?.laneMembers.has(r.key))
    .map((r) => r.login);

  const state: VerdictState = pull.draft
    ? 'pending'
    : returned
      ? 'changes_requested'
      : unblocked && (allStagesApproved || fastLaneApprovals)
        ? 'approved'
        : 'pending';

  return {
    state,
    flows: flows.map((flow) => flow.id),
    stages,
    messages: composeMessages({
      state,
      draft: pull.draft,
      noFiles: paths.length === 0,
      ungoverned: governance.ungoverned,
      stages,
      uncounted,
      unlinked,
      unlisted,
      ...(fastLane ? { fastLane: { notes: fastLane.messages, approvals: fastLaneApprovals, zone: config.kantor.zona_waktu } } : {}),
    }),
    pull: { number: pull.number ?? null, author: pull.user.login, draft: pull.draft, head_sha: pull.head.sha, created_at: pull.created_at },
    files_by_flow: Object.fromEntries(governance.byFlow),
    ungoverned_files: governance.ungoverned,
    authors,
    unlinked_commits: unlinked,
    unlisted,
    evaluated_at: now.toISOString(),
    time_zone: config.kantor.zona_waktu,
    ...(state === 'approved' && fastLaneApprovals ? { fast_lane: fastLaneApprovals } : {}),
  };
}

/**
 * Bounds the search for the best assignment of approvers to stages. Roles have a handful of
 * members, so real PRs stay far below it; a pathological config cannot hang CI. The search tries
 * the earliest approvals first, so a cut-off still yields a sound assignment.
 */
const ASSIGNMENT_SEARCH_LIMIT = 20_000;

interface FlowContext {
  config: Config;
  /** "org/slug" (lower case) → member logins. */
  teams: Map<string, string[]>;
  reviews: Map<string, CurrentReview>;
  authors: Set<string>;
  headSha: string;
  openedAt: Date;
  now: Date;
}

/** A user's review state: their latest APPROVED, CHANGES_REQUESTED or DISMISSED review. */
interface CurrentReview {
  login: string;
  key: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';
  commitId: string | null;
  at: number;
  submittedAt: string;
  /** APPROVED: each approval of `commitId` since the user last changed their mind, earliest first. */
  approvals: Approval[];
  body: string;
  htmlUrl?: string;
}

interface Approval {
  at: number;
  submittedAt: string;
}

interface Member {
  login: string;
  standIn?: { until: string; basis?: string; endsAt: number };
}

/**
 * A member's approval that can count for a stage: not an author's, on the head commit. `at` is the
 * approval in use; `approvals` all of the member's approvals of the head, earliest first.
 */
interface Candidate {
  login: string;
  key: string;
  at: number;
  submittedAt: string;
  approvals: Approval[];
  member: Member;
}

/** The candidate as of its first approval after `after` (a time), if it gave one. */
function approvalAfter(candidate: Candidate, after: number): Candidate | undefined {
  const approval = candidate.approvals.find((a) => a.at > after);
  return approval && { ...candidate, ...approval };
}

function byTime(a: Candidate, b: Candidate): number {
  return a.at - b.at || a.key.localeCompare(b.key);
}

/** GitHub logins are case-insensitive. */
function keyOf(login: string): string {
  return login.toLowerCase();
}

function currentReviews(reviews: readonly Review[]): Map<string, CurrentReview> {
  const decisive = reviews
    .map((review, index) => ({ review, index }))
    .filter(({ review }) => review.user && review.submitted_at && ['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state))
    .sort((a, b) => Date.parse(a.review.submitted_at!) - Date.parse(b.review.submitted_at!) || a.index - b.index);
  const current = new Map<string, CurrentReview>();
  for (const { review } of decisive) {
    const login = review.user!.login;
    const previous = current.get(keyOf(login));
    const commitId = review.commit_id ?? null;
    const approval = { at: Date.parse(review.submitted_at!), submittedAt: review.submitted_at! };
    // Approving the same commit again keeps the earlier approvals: still approved since the first.
    const again = review.state === 'APPROVED' && previous?.state === 'APPROVED' && previous.commitId === commitId;
    current.set(keyOf(login), {
      login,
      key: keyOf(login),
      state: review.state as CurrentReview['state'],
      commitId,
      ...approval,
      approvals: review.state !== 'APPROVED' ? [] : again ? [...previous.approvals, approval] : [approval],
      body: review.body ?? '',
      htmlUrl: review.html_url,
    });
  }
  return current;
}

/** Everyone who may act for a stage's roles: members (teams expanded) and stand-ins. */
function stageMembers(context: FlowContext, stage: Pick<Stage, 'peran'>): { members: Map<string, Member>; unknownTeams: string[] } {
  const members = new Map<string, Member>();
  const unknownTeams: string[] = [];
  const zone = context.config.kantor.zona_waktu;
  for (const roleId of stage.peran) {
    const role = context.config.peran[roleId]!;
    for (const entry of memberAccounts(role)) {
      if (entry.startsWith('@')) {
        const team = context.teams.get(entry.slice(1).toLowerCase());
        if (team === undefined) unknownTeams.push(entry.slice(1));
        for (const login of team ?? []) members.set(keyOf(login), { login });
      } else {
        members.set(keyOf(entry), { login: entry });
      }
    }
  }
  for (const roleId of stage.peran) {
    for (const standIn of context.config.peran[roleId]!.pengganti) {
      const known = members.get(keyOf(standIn.akun));
      if (known && !known.standIn) continue;
      if (known?.standIn && known.standIn.until >= standIn.sampai) continue;
      members.set(keyOf(standIn.akun), {
        login: standIn.akun,
        standIn: { until: standIn.sampai, basis: standIn.dasar, endsAt: endOfDate(standIn.sampai, zone).getTime() },
      });
    }
  }
  return { members, unknownTeams: [...new Set(unknownTeams)] };
}

function actsAt(member: Member, time: number): boolean {
  return !member.standIn || time <= member.standIn.endsAt;
}

interface StageInput {
  stage: Stage;
  members: Map<string, Member>;
  unknownTeams: string[];
  candidates: Candidate[];
  ignored: IgnoredApproval[];
  /** Members' current requests for changes on the head commit, and on older commits. */
  changeRequests: ChangeRequest[];
  outdatedChangeRequests: string[];
}

/** Where an approval counts: the flow (index among the governing flows) and its stage. */
interface StageRef {
  flow: number;
  stage: number;
}

/**
 * The stages of every governing flow, and everyone who may act in one of them (lower-case
 * logins). One person counts for one stage of the whole PR (DESIGN.md §4), also across flows:
 * approvers are assigned to all the PR's stages at once.
 */
function evaluateFlows(context: FlowContext, flows: readonly Flow[]): { stages: StageVerdict[]; members: Set<string> } {
  const inputs = flows.map((flow) => flow.tahap.map((stage) => collectCandidates(context, stage)));
  const strictOf = flows.map((flow) => flow.urutan === 'ketat');
  // A stage with a member's current request for changes cannot pass, however many approvals it
  // has: the objection stands until that member approves or the review is dismissed.
  const plans = assignApprovers(
    flows.map((flow, f) => ({
      candidates: inputs[f]!.map((input) => (input.changeRequests.length > 0 || input.outdatedChangeRequests.length > 0 ? [] : input.candidates)),
      required: flow.tahap.map((stage) => stage.minimal),
      strict: strictOf[f]!,
    })),
  );
  const passedAt = plans.map((plan) => plan.map((chosen) => (chosen ? Math.max(...chosen.map((c) => c.at)) : null)));
  const firstOpen = passedAt.map((times) => times.findIndex((at) => at === null));
  const used = new Map<string, StageRef>();
  plans.forEach((plan, f) => plan.forEach((chosen, k) => chosen?.forEach((c) => used.set(c.key, { flow: f, stage: k }))));
  const afterOf = (f: number, k: number) => (strictOf[f] && k > 0 ? passedAt[f]![k - 1]! : -Infinity);

  // Further valid approvals of a passed stage are recorded too, unless their author may still be
  // needed by a stage that has not passed.
  const openMembers = new Set(inputs.flatMap((stages, f) => stages.flatMap((input, k) => (passedAt[f]![k] === null ? [...input.members.keys()] : []))));
  const approvalsOf = plans.map((plan, f) =>
    plan.map((chosen, k) => {
      if (!chosen) return [];
      const extra = inputs[f]![k]!.candidates.flatMap((c) => (!used.has(c.key) && !openMembers.has(c.key) && approvalAfter(c, afterOf(f, k))) || []);
      for (const c of extra) used.set(c.key, { flow: f, stage: k });
      return [...chosen, ...extra].sort(byTime);
    }),
  );
  // A stage whose turn it is shows the approvals it has so far ("1 dari 2").
  plans.forEach((plan, f) =>
    plan.forEach((chosen, k) => {
      if (chosen || (strictOf[f] && k !== firstOpen[f])) return;
      approvalsOf[f]![k] = inputs[f]![k]!.candidates.flatMap((c) => (!used.has(c.key) && approvalAfter(c, afterOf(f, k))) || []);
      for (const c of approvalsOf[f]![k]!) used.set(c.key, { flow: f, stage: k });
    }),
  );

  const hours = context.config.jam_kerja;
  const zone = context.config.kantor.zona_waktu;
  const members = new Set(inputs.flatMap((stages) => stages.flatMap((input) => [...input.members.keys()])));
  const countsHere = (key: string, f: number, k: number) => {
    const ref = used.get(key);
    return ref === undefined || (ref.flow === f && ref.stage === k);
  };
  const stages = flows.flatMap((flow, f) =>
    flow.tahap.map((stage, k): StageVerdict => {
      const strict = strictOf[f]!;
      const input = inputs[f]![k]!;
      const passed = passedAt[f]![k] !== null;
      const startedAt = !strict || k === 0 ? context.openedAt.getTime() : passedAt[f]![k - 1] ?? null;

      const ignored = [...input.ignored];
      for (const candidate of input.candidates) {
        const countedIn = used.get(candidate.key);
        if (countedIn && countedIn.flow === f && countedIn.stage === k) continue;
        if (countedIn) {
          const other = flows[countedIn.flow]!;
          ignored.push({ login: candidate.login, reason: 'counted_elsewhere', stage: other.tahap[countedIn.stage]!.nama, ...(countedIn.flow !== f ? { flow: other.nama } : {}) });
        }
        else if (strict && k > 0 && (startedAt === null || !approvalAfter(candidate, startedAt))) ignored.push({ login: candidate.login, reason: 'too_early', stage: flow.tahap[k - 1]!.nama });
      }

      const open = !passed && (!strict || k === firstOpen[f]);
      const changeRequests = open ? input.changeRequests : [];
      const outdatedChangeRequests = open ? input.outdatedChangeRequests : [];

      const end = passed ? passedAt[f]![k]! : context.now.getTime();
      const elapsed = startedAt === null ? 0 : workingMinutesBetween(hours, zone, new Date(startedAt), new Date(end));
      const standard = durationToMinutes(stage.mutu_baku, workingDayMinutes(hours));
      const approvals = approvalsOf[f]![k]!;
      return {
        id: stage.id,
        flow: flow.id,
        name: stage.nama,
        flow_name: flow.nama,
        roles: stage.peran.map((id) => ({ id, name: context.config.peran[id]!.nama })),
        required: stage.minimal,
        // A member's latest review is their state (DESIGN.md §4): a request for changes stands
        // after a push, as it does on GitHub, until that member approves or it is dismissed.
        state: passed ? 'approved' : !open ? 'waiting' : changeRequests.length > 0 || outdatedChangeRequests.length > 0 ? 'changes_requested' : 'pending',
        approvers: approvals.map((c) => c.login),
        approvals: approvals.map((c): StageApproval => ({
          login: c.login,
          submitted_at: c.submittedAt,
          ...(c.member.standIn ? { stand_in: { until: c.member.standIn.until, ...(c.member.standIn.basis ? { basis: c.member.standIn.basis } : {}) } } : {}),
        })),
        started_at: startedAt === null ? null : new Date(startedAt).toISOString(),
        passed_at: passed ? new Date(passedAt[f]![k]!).toISOString() : null,
        elapsed_minutes: elapsed,
        standard_minutes: standard,
        standard_text: describeStandard(stage.mutu_baku),
        overdue: standard !== null && elapsed > standard,
        reviewers: [...input.members.entries()]
          .filter(([key, member]) => actsAt(member, context.now.getTime()) && !context.authors.has(key) && countsHere(key, f, k))
          .map(([, member]) => member.login),
        unknown_teams: input.unknownTeams,
        changes_requested_by: changeRequests,
        outdated_change_requests: outdatedChangeRequests,
        ignored,
      };
    }),
  );
  return { stages, members };
}

/** A stage's possible approvals and requests for changes, and the approvals that cannot count. */
function collectCandidates(context: FlowContext, stage: Stage): StageInput {
  const { members, unknownTeams } = stageMembers(context, stage);
  const candidates: Candidate[] = [];
  const ignored: IgnoredApproval[] = [];
  const changeRequests: ChangeRequest[] = [];
  const outdatedChangeRequests: string[] = [];
  for (const review of context.reviews.values()) {
    const member = members.get(review.key);
    if (!member) continue;
    const acts = actsAt(member, review.at);
    if (review.state === 'CHANGES_REQUESTED' && acts && !context.authors.has(review.key)) {
      if (review.commitId === context.headSha) {
        changeRequests.push({ login: review.login, submitted_at: review.submittedAt, body: review.body, html_url: review.htmlUrl });
      } else {
        outdatedChangeRequests.push(review.login);
      }
    }
    if (review.state !== 'APPROVED') continue;
    if (!acts) ignored.push({ login: review.login, reason: 'stand_in_expired', until: member.standIn!.until });
    else if (context.authors.has(review.key)) ignored.push({ login: review.login, reason: 'author' });
    else if (review.commitId !== context.headSha) ignored.push({ login: review.login, reason: 'stale' });
    else candidates.push({ login: review.login, key: review.key, ...review.approvals[0]!, approvals: review.approvals, member });
  }
  candidates.sort(byTime);
  return { stage, members, unknownTeams, candidates, ignored, changeRequests, outdatedChangeRequests };
}

type Plan = (Candidate[] | undefined)[];

/**
 * Picks who counts for which stage of the whole PR so that one person counts once and the PR gets
 * furthest:
 * most stages passed, earlier stages first, then the earliest passing times. With `ketat`, a
 * stage only takes approvals given after the stage before it passed.
 */
function assignApprovers(flows: readonly { candidates: Candidate[][]; required: number[]; strict: boolean }[]): Plan[] {
  // The flows' stages in one row; `after` starts afresh with each flow's first stage.
  const row = flows.flatMap((flow, f) => flow.candidates.map((candidates, k) => ({ candidates, required: flow.required[k]!, strict: flow.strict, flow: f, first: k === 0 })));
  const flowEnd = row.map((stage) => row.findLastIndex((other) => other.flow === stage.flow) + 1);
  let best: { plan: Plan; score: number[] } | undefined;
  let leaves = 0;
  const plan: Plan = [];
  const visit = (i: number, used: Set<string>, after: number): void => {
    if (leaves >= ASSIGNMENT_SEARCH_LIMIT) return;
    if (i === row.length) {
      leaves++;
      const score = scorePlan(plan);
      if (!best || compareScores(score, best.score) > 0) best = { plan: [...plan], score };
      return;
    }
    const stage = row[i]!;
    const since = stage.first ? -Infinity : after;
    const available = stage.candidates.flatMap((c) => (!used.has(c.key) && approvalAfter(c, since)) || []).sort(byTime);
    for (const chosen of combinations(available, stage.required)) {
      plan[i] = chosen;
      visit(i + 1, new Set([...used, ...chosen.map((c) => c.key)]), stage.strict ? Math.max(...chosen.map((c) => c.at)) : since);
      if (leaves >= ASSIGNMENT_SEARCH_LIMIT) return;
    }
    // A stage left open: in a strict flow nothing after it in that flow can pass; in a free flow
    // leaving it open may free people that later stages need.
    if (stage.strict) {
      for (let j = i; j < flowEnd[i]!; j++) plan[j] = undefined;
      visit(flowEnd[i]!, used, since);
    } else {
      plan[i] = undefined;
      visit(i + 1, used, since);
    }
  };
  visit(0, new Set(), -Infinity);
  const chosen = best!.plan;
  return flows.map((_, f) => row.flatMap((stage, i) => (stage.flow === f ? [chosen[i]] : [])));
}

/** Passed stages, then which stages (earlier first), then how early each passed. */
function scorePlan(plan: Plan): number[] {
  const passed = plan.map((chosen) => (chosen ? 1 : 0));
  const times = plan.map((chosen) => (chosen ? -Math.max(...chosen.map((c) => c.at)) : -Infinity));
  return [passed.reduce((sum, p) => sum + p, 0 as number), ...passed, ...times];
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? 1 : -1;
  return 0;
}

/** Subsets of `size` items, in order, earliest items first. */
function* combinations<T>(items: readonly T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i]!, ...rest];
  }
}
