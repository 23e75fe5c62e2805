import { evaluateApproval } from '../approval/evaluate.ts';
import { snapshotAsAt } from '../approval/snapshot.ts';
import { SnapshotSchema, type Verdict } from '../approval/types.ts';
import type { Problem } from '../errors/problem.ts';
import { validateData, type Validated } from '../errors/validate.ts';
import type { CommitFacts } from '../publish/gate.ts';
import { fetchPullSnapshot, fetchTeams, readBaseConfig, teamsNamedIn } from './approval.ts';
import { readDefaultBranch, type GithubClient } from './client.ts';

/**
 * `tayang persetujuan --commit SHA`: was the merged PR behind a commit on the default branch
 * approved when it was merged, under its base branch's config? A thin adapter: the PR is read,
 * configured and judged by the same functions as `--pr`, only as at `merged_at` — approvals
 * given after the merge cannot publish what was merged without them.
 */

export interface RepositoryTarget {
  owner: string;
  repo: string;
}

/** The PR a commit came from, as `commits/{sha}/pulls` lists it. */
export interface MergedPull {
  number: number;
  html_url: string;
  merged_at: string;
  merge_commit_sha: string | null;
  base: { ref: string; sha: string };
}

export interface MergedEvaluation {
  verdict: Verdict;
  /** The commit whose config decided: main just before the merge (the merge's first parent). */
  base: { ref: string; sha: string };
  warnings: string[];
}

export interface MergedCommitCheck {
  commit: CommitFacts;
  /** Null: the commit is the merge of no PR into the default branch. */
  pull: MergedPull | null;
  /** With no `pull`: a merged PR GitHub still associates with the commit, whose merge it is not. */
  other: MergedPull | null;
  evaluation: MergedEvaluation | null;
}

/** The PR whose merge a commit is, and, when none, a merged PR it belongs to all the same. */
export interface MergedLookup {
  pull: MergedPull | null;
  other: MergedPull | null;
}

interface AssociatedPull {
  number: number;
  html_url: string;
  merged_at: string | null;
  merge_commit_sha: string | null;
  base: { ref: string; sha: string };
}

/** What GitHub says of a commit (getCommit, or an entry of compare / listCommits). */
interface RestCommit {
  sha: string;
  /** GitHub sends null, or `{}`, when Git's e-mail links to no account. */
  author: { login?: string } | null;
  committer: { login?: string } | null;
  parents: unknown[];
  commit: { message: string; verification?: { verified: boolean } };
  files?: { filename: string; previous_filename?: string }[];
}

const API = 'GitHub API';

/**
 * Of the PRs GitHub associates with a commit, the one whose merge (merge commit or squash) IS that
 * commit, merged into the default branch. Only that ties a commit of main's own line to its
 * approval exactly: GitHub also associates the PR's earlier commits, and one of those pushed
 * straight to main must not pass as the PR. (Rebase merges cannot be tied so; they hold.)
 */
export function chooseMergedPull<P extends AssociatedPull>(pulls: readonly P[], sha: string, defaultBranch: string): (P & { merged_at: string }) | undefined {
  return pulls.find((p): p is P & { merged_at: string } => p.merged_at !== null && p.base.ref === defaultBranch && p.merge_commit_sha === sha);
}

/** The plain facts the gate reads from a REST commit; `files` only when the response has them. */
export function commitFactsOf(commit: RestCommit): CommitFacts {
  return {
    sha: commit.sha,
    subject: commit.commit.message.split('\n')[0] ?? '',
    author: commit.author?.login ?? null,
    committer: commit.committer?.login ?? null,
    verified: commit.commit.verification?.verified === true,
    root: commit.parents.length === 0,
    parents: commit.parents.map((parent) => (parent as { sha: string }).sha),
    ...(commit.files ? { files: commit.files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename])) } : {}),
  };
}

/** GitHub lists at most this many files per page of a commit; more pages mean a large commit. */
const COMMIT_FILES_PAGE = 300;

/**
 * A commit with the files it changes. `files` is left out when GitHub paginates them (more than
 * 300): the gate then cannot tell the commit is records-only, so it holds.
 */
export async function readCommit(client: GithubClient, target: RepositoryTarget, ref: string): Promise<Validated<CommitFacts>> {
  try {
    const response = await client.rest.repos.getCommit({ owner: target.owner, repo: target.repo, ref, per_page: COMMIT_FILES_PAGE });
    const paged = /rel="next"/.test(response.headers.link ?? '');
    const facts = commitFactsOf(response.data as RestCommit);
    if (paged) delete facts.files;
    return { ok: true, value: facts };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 404 && status !== 422) throw error;
    return { ok: false, problems: [unknownCommit(ref, target)] };
  }
}

function unknownCommit(ref: string, target: RepositoryTarget): Problem {
  return { file: `${API} (${target.owner}/${target.repo})`, message: `commit "${ref}" tidak ditemukan di repositori ini.`, fix: 'salin sha lengkap commit dari riwayat cabang main (misalnya dari `git log` atau halaman commit di GitHub).' };
}

/**
 * The merged PR whose merge a commit on the default branch is; else, to say why it does not pass,
 * the earliest merged PR GitHub associates with it anyway (one of its earlier commits pushed straight
 * to main, or a rebase merge); both null: a direct push.
 */
export async function findMergedPull(client: GithubClient, target: RepositoryTarget, sha: string, defaultBranch: string): Promise<MergedLookup> {
  const pulls = (await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, { owner: target.owner, repo: target.repo, commit_sha: sha, per_page: 100 })) as AssociatedPull[];
  const pull = chooseMergedPull(pulls, sha, defaultBranch);
  const other = pull ? undefined : pulls.filter((p): p is AssociatedPull & { merged_at: string } => p.merged_at !== null && p.base.ref === defaultBranch).sort((a, b) => Date.parse(a.merged_at) - Date.parse(b.merged_at))[0];
  const plain = (p: AssociatedPull & { merged_at: string }): MergedPull => ({ number: p.number, html_url: p.html_url, merged_at: p.merged_at, merge_commit_sha: p.merge_commit_sha, base: { ref: p.base.ref, sha: p.base.sha } });
  return { pull: pull ? plain(pull) : null, other: other ? plain(other) : null };
}

/** The PR judged as at its merge with its base's config, by the engine `--pr` uses. */
export async function evaluateMergedPull(client: GithubClient, target: RepositoryTarget, pull: MergedPull): Promise<Validated<MergedEvaluation>> {
  const pullTarget = { ...target, pullNumber: pull.number };
  const source = `${API} (PR #${pull.number})`;
  const read = await fetchPullSnapshot(client, pullTarget);
  // A merged PR's head cannot move; if it still did, the read is not to be trusted.
  if (read.moved) return { ok: false, problems: [{ file: source, message: 'commit terbaru PR ini berubah selama dibaca, padahal PR-nya sudah digabung.', fix: 'jalankan ulang; bila terulang, periksa PR itu di GitHub.' }] };
  // The config main had just before the merge: the merge (or squash) commit's first parent. The
  // PR's base.sha is only as new as its last push, and would miss a change made on main since.
  const merge = pull.merge_commit_sha ? await readCommit(client, target, pull.merge_commit_sha) : undefined;
  const before = merge?.ok ? merge.value.parents?.[0] : undefined;
  if (!before) return { ok: false, problems: [{ file: source, field: 'merge_commit_sha', message: 'commit penggabungan PR ini tidak bisa dibaca, jadi konfigurasi saat penggabungan tidak diketahui.', fix: 'periksa PR itu di GitHub; PR yang digabung dengan rebase tidak bisa dinilai (pakai merge commit atau squash).' }] };
  const config = await readBaseConfig(client, pullTarget, { ref: pull.base.ref, sha: before });
  if (!config.ok) return config;
  const warnings: string[] = [];
  read.snapshot.teams = await fetchTeams(client, teamsNamedIn(config.value), warnings);
  const snapshot = validateData(SnapshotSchema, snapshotAsAt(read.snapshot, pull.merged_at), source);
  if (!snapshot.ok) return snapshot;
  return { ok: true, value: { verdict: evaluateApproval(config.value, snapshot.value, new Date(pull.merged_at)), base: { ref: pull.base.ref, sha: before }, warnings } };
}

/** `--commit`: the commit, its merged PR (if any) and that PR's verdict at merge. */
export async function checkMergedCommit(client: GithubClient, target: RepositoryTarget, ref: string): Promise<Validated<MergedCommitCheck>> {
  const commit = await readCommit(client, target, ref);
  if (!commit.ok) return commit;
  const { pull, other } = await findMergedPull(client, target, commit.value.sha, await readDefaultBranch(client, target));
  if (pull === null) return { ok: true, value: { commit: commit.value, pull: null, other, evaluation: null } };
  const evaluation = await evaluateMergedPull(client, target, pull);
  if (!evaluation.ok) return evaluation;
  return { ok: true, value: { commit: commit.value, pull, other: null, evaluation: evaluation.value } };
}
