import { z } from 'zod';
import type { Office } from '../config/schema.ts';

/**
 * The pull request as GitHub's REST API returns it, in the shape `tayang persetujuan --snapshot`
 * reads and the GitHub adapter builds: `{pull: pulls.get, reviews: pulls.listReviews (all pages),
 * commits: pulls.listCommits (all pages), files: pulls.listFiles (all pages), teams: {"org/slug":
 * [logins]}}`. Only the fields the engine reads are checked; everything else passes through, so a
 * maintainer can save real responses and replay them.
 */

const TIMESTAMP_MESSAGE = 'harus waktu ISO 8601 seperti yang dikirim GitHub, misalnya "2025-03-10T02:15:00Z".';

/** An ISO 8601 timestamp with its offset, as GitHub writes them. */
export const TimestampSchema = z
  .string({ error: TIMESTAMP_MESSAGE })
  .refine((text) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) && !Number.isNaN(Date.parse(text)), {
    error: TIMESTAMP_MESSAGE,
  });

/** A GitHub account as REST responses embed it; null for deleted ("ghost") accounts. */
const AccountSchema = z.looseObject({ login: z.string().min(1) });

export const PullSchema = z.looseObject({
  number: z.number().int().optional(),
  /** The author who opened the PR. */
  user: AccountSchema,
  draft: z.boolean().default(false),
  head: z.looseObject({ sha: z.string().min(1) }),
  /** When the PR was opened: the first stage's clock starts here. */
  created_at: TimestampSchema,
  /**
   * How many commits and changed files the PR has. GitHub lists at most 250 commits and 3000 files
   * of a PR, so these counts tell whether `commits` and `files` are complete.
   */
  commits: z.number().int().nonnegative().optional(),
  changed_files: z.number().int().nonnegative().optional(),
  /** The label `serta-merta` asks for the fast lane (src/lib/approval/fast-lane.ts). */
  labels: z.array(z.looseObject({ name: z.string().optional() })).optional(),
});

export const ReviewSchema = z.looseObject({
  user: AccountSchema.nullable(),
  /** APPROVED | CHANGES_REQUESTED | COMMENTED | DISMISSED | PENDING. */
  state: z.string().min(1),
  /** The commit the review was given on; null when GitHub no longer knows it. */
  commit_id: z.string().nullable().optional(),
  /** Absent on a PENDING (unsubmitted) review. */
  submitted_at: TimestampSchema.nullable().optional(),
  /** The reviewer's text: the reason when changes are requested. */
  body: z.string().nullable().optional(),
  html_url: z.string().optional(),
});

/** A commit's account: GitHub sends null or `{}` when the e-mail matches no account. */
const CommitAccountSchema = z.preprocess(
  (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 ? null : value),
  AccountSchema.nullable(),
);

/** A person as Git records them (GitHub's `git-user`: name, email, date). */
const GitPersonSchema = z.looseObject({ name: z.string().optional(), email: z.string().optional() }).nullable().optional();

export const CommitSchema = z.looseObject({
  sha: z.string().min(1),
  /** The GitHub accounts of the commit's author and committer; null (or `{}`) when the e-mail matches no account. */
  author: CommitAccountSchema,
  committer: CommitAccountSchema,
  /**
   * Git's own record: names and e-mails of author and committer, and the message, whose
   * `Co-authored-by:` trailers name co-authors (src/lib/approval/authorship.ts). Required: without
   * the message the co-authors are unknown.
   */
  commit: z.looseObject({ author: GitPersonSchema, committer: GitPersonSchema, message: z.string() }),
});

export const FileSchema = z.looseObject({
  filename: z.string().min(1),
  /** added | removed | modified | renamed | …: every change needs approval, whatever its kind. */
  status: z.string().optional(),
  /** Set when the file was renamed: the old path is changed too. */
  previous_filename: z.string().optional(),
});

export const SnapshotSchema = z.looseObject({
  pull: PullSchema,
  reviews: z.array(ReviewSchema),
  commits: z.array(CommitSchema),
  files: z.array(FileSchema),
  /** Members of the teams the config names as "@org/slug", keyed "org/slug" (a leading "@" is allowed). */
  teams: z.record(z.string(), z.array(z.string())).default({}),
});

export type Snapshot = z.output<typeof SnapshotSchema>;
/** What an adapter may hand in (defaults not yet applied). */
export type SnapshotInput = z.input<typeof SnapshotSchema>;
export type Review = z.output<typeof ReviewSchema>;

/** The PR as a whole: approved, still waiting, or returned to its author. */
export type VerdictState = 'approved' | 'pending' | 'changes_requested';

/**
 * A stage's state: `approved`; `pending` (its turn, waiting for approvals); `changes_requested`
 * (a member of this stage, whose turn it is, returned the draft); `waiting` (not its turn yet:
 * an earlier stage of a `ketat` flow has not passed).
 */
export type StageState = 'approved' | 'pending' | 'changes_requested' | 'waiting';

/** A commit's part in who wrote it. */
export type AuthorshipRole = 'author' | 'committer' | 'co-author';

/** A commit's author, committer or co-author that no GitHub account can be tied to. */
export interface UnlinkedAuthorship {
  /** The commit's short sha (7 characters). */
  sha: string;
  role: AuthorshipRole;
  /** The name Git records (for a co-author: the trailer's). */
  name?: string;
  /** `co-author`: the address the trailer gives, the one to correct. */
  email?: string;
  /** The account GitHub linked when it is no person (`web-flow` as author). */
  account?: string;
}

/** Why a review that looks like it belongs to a stage does not count for it. */
export type IgnoredReason =
  /** Given on an older commit than the PR's head. */
  | 'stale'
  /** The reviewer opened the PR, or authored, committed or co-authored one of its commits. */
  | 'author'
  /** `ketat`: given before the earlier stages had passed. */
  | 'too_early'
  /** Already counted for another stage of the PR (one person, one stage: across flows too). */
  | 'counted_elsewhere'
  /** A stand-in whose `sampai` date had passed when they reviewed. */
  | 'stand_in_expired';

export interface IgnoredApproval {
  login: string;
  reason: IgnoredReason;
  /** `counted_elsewhere`: the stage it counted for; `too_early`: the stage that had not passed. */
  stage?: string;
  /** `counted_elsewhere` in another flow: that flow's name. */
  flow?: string;
  /** `stand_in_expired`: the last day of the mandate. */
  until?: string;
}

export interface StageApproval {
  login: string;
  submitted_at: string;
  /** Counted as stand-in (Plt./Plh.), with the letter that appoints them. */
  stand_in?: { until: string; basis?: string };
}

export interface ChangeRequest {
  login: string;
  submitted_at: string;
  /** The reviewer's reason, as written on GitHub. */
  body: string;
  html_url?: string;
}

export interface StageVerdict {
  id: string;
  flow: string;
  name: string;
  flow_name: string;
  roles: { id: string; name: string }[];
  /** Approvals needed (`minimal`). */
  required: number;
  state: StageState;
  /** Logins whose approvals count for this stage, in the order they were given. */
  approvers: string[];
  approvals: StageApproval[];
  /** When the stage's clock started (null while `waiting`) and when it passed. */
  started_at: string | null;
  passed_at: string | null;
  /** Working minutes from `started_at` to `passed_at` (or now). */
  elapsed_minutes: number;
  /** The stage's `mutu_baku` in working minutes; null when tentatif. */
  standard_minutes: number | null;
  /** The standard as the SOP writes it ("1 jam", "2 hari", "tentatif"). */
  standard_text: string;
  overdue: boolean;
  /** Who may approve it now (members and valid stand-ins, authors excluded): whom to ask. */
  reviewers: string[];
  /** Teams named in the role whose members the snapshot does not list ("org/slug"). */
  unknown_teams: string[];
  /** Members of this stage whose current review on the head commit asks for changes. */
  changes_requested_by: ChangeRequest[];
  /** Members who asked for changes on an older commit: the fix awaits them; it still holds the stage. */
  outdated_change_requests: string[];
  ignored: IgnoredApproval[];
}

/** A flow that passed through its serta-merta fast lane: its normal review is due by `review_due`. */
export interface FastLaneApproval {
  flow: string;
  /** The lane official whose approval on the head commit published the PR. */
  approver: string;
  /** The lane's role name(s), as the config writes them ("Camat"). */
  role: string;
  /** When they approved, and the instant the flow's normal stages must have approved (ISO). */
  at: string;
  review_due: string;
}

/**
 * The verdict on a PR. Its JSON form (`renderVerdictJson`) is the contract of DESIGN.md §4; the
 * rest explains it (for the CLI text, the PR comment and the GitHub adapter).
 */
export interface Verdict {
  state: VerdictState;
  /** Ids of the flows that govern at least one changed file, in config order. */
  flows: string[];
  stages: StageVerdict[];
  /** Indonesian sentences: what the PR waits for and why reviews did not count. */
  messages: string[];
  pull: { number: number | null; author: string; draft: boolean; head_sha: string; created_at: string };
  /** Which changed paths each flow governs. */
  files_by_flow: Record<string, string[]>;
  /** Changed paths no flow governs: they block the PR. */
  ungoverned_files: string[];
  /** Accounts that cannot approve: the PR's opener and its commits' authors, committers and co-authors. */
  authors: string[];
  /** Authorship no GitHub account can be tied to: who wrote those commits cannot be checked, so they block. */
  unlinked_commits: UnlinkedAuthorship[];
  /** The PR's commits and changed files GitHub did not list (beyond its 250 / 3000 limits): unchecked. */
  unlisted: { commits: number; files: number };
  /** The evaluation time (ISO) and the office's time zone, for showing times. */
  evaluated_at: string;
  time_zone: Office['zona_waktu'];
  /** Present only when the PR is approved through the serta-merta fast lane of its flows. */
  fast_lane?: FastLaneApproval[];
}

/**
 * A returned stage whose objections were all given on older commits: the author has pushed a
 * fix and the stage's reviewers have to look again. The contract still calls it
 * `changes_requested` (the objection stands until its reviewer approves or it is dismissed), but
 * GitHub should show it as waiting for that stage, not as returned.
 */
export function awaitsRecheck(stage: StageVerdict): boolean {
  return stage.state === 'changes_requested' && stage.changes_requested_by.length === 0 && stage.outdated_change_requests.length > 0;
}

/** Stages the PR waits on now: pending ones, and returned ones whose fix awaits a re-check. */
export function stagesAwaitingReview(verdict: Verdict): StageVerdict[] {
  return verdict.stages.filter((stage) => stage.state === 'pending' || awaitsRecheck(stage));
}

/** Returned to the author with an objection on the head commit (not merely awaiting a re-check). */
export function isReturnedToAuthor(verdict: Verdict): boolean {
  return verdict.state === 'changes_requested' && verdict.stages.some((stage) => stage.state === 'changes_requested' && !awaitsRecheck(stage));
}
