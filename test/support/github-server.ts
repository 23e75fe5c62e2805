import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { checkAgainstOpenApi, checkResponseAgainstOpenApi } from './openapi-check.ts';

/**
 * A local GitHub for tests: node:http on a random port, answering the REST endpoints Tayang uses
 * with GitHub's response shapes, from in-memory state. Every request is recorded and checked
 * against GitHub's OpenAPI description; a request GitHub does not document is answered 400 and
 * listed in `violations`, so tests fail on it. Failures (secondary rate limit, 5xx) can be
 * injected. Mount it under a prefix ("/api/v3") to play GitHub Enterprise Server.
 */

export interface RecordedRequest {
  method: string;
  /** Path without the mount prefix and query, e.g. /repos/o/r/pulls/1/reviews. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The OpenAPI path template it matched. */
  route?: string;
  operationId?: string;
  status: number;
}

export interface InjectedFailure {
  method?: string;
  /** Matches the request path (without prefix). */
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface PullSetup {
  number: number;
  author: string;
  title?: string;
  body?: string;
  draft?: boolean;
  /** ISO time the PR was opened. */
  createdAt: string;
  baseRef?: string;
  baseSha: string;
  headRef?: string;
  /** Commits in order; the last one is the head. */
  commits: PullCommitSetup[];
  files: { filename: string; status?: 'added' | 'modified' | 'removed' | 'renamed' }[];
  /** Set for a merged PR (`tayang catat` reads it after the merge). */
  merged?: { at: string; by: string; sha: string };
  /** Labels it carries from the start (`serta-merta`). */
  labels?: string[];
}

/**
 * A commit of a PR. `author` / `committer` are the GitHub accounts Git's e-mails link to (null:
 * linked to none); `committer` defaults to the author; `email` is the author's Git e-mail.
 */
export interface PullCommitSetup {
  sha: string;
  author: string | null;
  committer?: string | null;
  date: string;
  message?: string;
  email?: string;
}

export interface ReviewSetup {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  body?: string;
  submittedAt: string;
  /** Defaults to the PR's current head. */
  commitId?: string;
}

interface PullState {
  setup: PullSetup;
  draft: boolean;
  reviews: Record<string, unknown>[];
  commits: Record<string, unknown>[];
  files: Record<string, unknown>[];
  labels: string[];
  requestedUsers: string[];
  requestedTeams: string[];
  /** Issue events of the PR (`ready_for_review` is the one Tayang reads). */
  events: { event: string; at: string; actor: string }[];
}

export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface CommitStatus {
  id: number;
  sha: string;
  state: string;
  context: string;
  description: string | null;
  target_url: string | null;
  /** Who set it: the ruleset's `integration_id` counts only statuses its App set. */
  creator: Identity;
}

export interface Ruleset {
  id: number;
  name: string;
  target: string;
  enforcement: string;
  conditions?: unknown;
  rules?: unknown[];
  bypass_actors?: unknown[];
}

/** Who a token acts as: a user, or a GitHub App's installation (its bot login and the App). */
export interface Identity {
  login: string;
  app?: { id: number; slug: string };
}

/** GitHub Actions' own App: what GITHUB_TOKEN acts as (its integration id on github.com). */
export const ACTIONS_IDENTITY: Identity = { login: 'github-actions[bot]', app: { id: 15368, slug: 'github-actions' } };

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  details_url: string | null;
  app: { id: number; slug: string };
}

/** A commit on the default branch, with the whole tree it records. */
export interface MainCommit {
  sha: string;
  parents: string[];
  author: string | null;
  committer: string | null;
  message: string;
  date: string;
  tree: Map<string, string>;
  verified: boolean;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  user: string;
  state: 'open' | 'closed';
  /** ISO time it was opened (a request's drafting time starts here). */
  createdAt?: string;
}

export interface GithubServerOptions {
  owner?: string;
  repo?: string;
  /** "/api/v3" for a GitHub Enterprise Server style base URL. */
  prefix?: string;
  /** The login the token acts as (comments it writes are by this user). */
  botLogin?: string;
  /** Tokens that act as someone else than `botLogin` (a writer's own token, Tayang's App). */
  tokens?: Record<string, Identity>;
}

export type GithubServer = Awaited<ReturnType<typeof startGithubServer>>;

const require = createRequire(import.meta.url);
const FIXED_NOW = '2025-01-01T00:00:00Z';

function sampleRepository(): Record<string, unknown> {
  const examples = require('@octokit/webhooks-examples') as { name: string; examples: { repository: Record<string, unknown> }[] }[];
  return structuredClone(examples.find((e) => e.name === 'pull_request')!.examples[0]!.repository);
}

export async function startGithubServer(options: GithubServerOptions = {}) {
  const owner = options.owner ?? 'kantor';
  const repo = options.repo ?? 'situs';
  const prefix = options.prefix ?? '';
  const botLogin = options.botLogin ?? 'github-actions[bot]';
  const defaultIdentity: Identity = botLogin === ACTIONS_IDENTITY.login ? ACTIONS_IDENTITY : { login: botLogin };
  const tokens = new Map(Object.entries(options.tokens ?? {}));
  const repoPath = `/repos/${owner}/${repo}`;

  const pulls = new Map<number, PullState>();
  const contents = new Map<string, string>();
  const teams = new Map<string, string[]>();
  const comments: Comment[] = [];
  const statuses: CommitStatus[] = [];
  const rulesets: Ruleset[] = [];
  const checkRuns: CheckRun[] = [];
  const issues: Issue[] = [];
  const mainCommits = new Map<string, MainCommit>();
  /** Commits, trees and blobs made through the Git database API and not (yet) on a branch. */
  const looseCommits = new Map<string, MainCommit>();
  const trees = new Map<string, Map<string, string>>();
  const blobs = new Map<string, string>();
  let mainHead = '';
  let nextIssue = 500;
  const hooks: ((request: RecordedRequest) => boolean | void)[] = [];
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const failures: InjectedFailure[] = [];
  const userIds = new Map<string, number>();
  let nextId = 1000;
  const newId = () => nextId++;

  let url = '';
  const web = (path: string) => `https://github.test/${owner}/${repo}${path}`;
  const api = (path: string) => `${url}${repoPath}${path}`;

  function user(login: string) {
    if (!userIds.has(login)) userIds.set(login, 5000 + userIds.size);
    const id = userIds.get(login)!;
    const home = `${url}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: `U_${id}`,
      avatar_url: `https://avatars.github.test/u/${id}`,
      gravatar_id: '',
      url: home,
      html_url: `https://github.test/${login}`,
      followers_url: `${home}/followers`,
      following_url: `${home}/following{/other_user}`,
      gists_url: `${home}/gists{/gist_id}`,
      starred_url: `${home}/starred{/owner}{/repo}`,
      subscriptions_url: `${home}/subscriptions`,
      organizations_url: `${home}/orgs`,
      repos_url: `${home}/repos`,
      events_url: `${home}/events{/privacy}`,
      received_events_url: `${home}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      user_view_type: 'public',
      site_admin: false,
    };
  }

  function label(name: string) {
    return { id: [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7), node_id: `LA_${name}`, url: api(`/labels/${encodeURIComponent(name)}`), name, color: 'ededed', default: false, description: '' };
  }

  function commitObject(c: PullCommitSetup) {
    const committer = c.committer === undefined ? c.author : c.committer;
    const person = (login: string | null, email?: string) => ({ name: login ?? 'Tanpa Akun', email: email ?? (login ? `${login}@users.noreply.github.test` : 'tanpa-akun@contoh.test'), date: c.date });
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      url: api(`/commits/${c.sha}`),
      html_url: web(`/commit/${c.sha}`),
      comments_url: api(`/commits/${c.sha}/comments`),
      commit: { author: person(c.author, c.email), committer: committer === 'web-flow' ? { name: 'GitHub', email: 'noreply@github.com', date: c.date } : person(committer), message: c.message ?? 'Perubahan', tree: { sha: `tree${c.sha}`, url: api(`/git/trees/tree${c.sha}`) }, url: api(`/git/commits/${c.sha}`), comment_count: 0 },
      author: c.author === null ? null : user(c.author),
      committer: committer === null ? null : user(committer),
      parents: [],
    };
  }

  function fileObject(f: PullSetup['files'][number], headSha: string) {
    return {
      sha: `blob-${f.filename}`,
      filename: f.filename,
      status: f.status ?? 'modified',
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: web(`/blob/${headSha}/${f.filename}`),
      raw_url: web(`/raw/${headSha}/${f.filename}`),
      contents_url: api(`/contents/${f.filename}?ref=${headSha}`),
      patch: '@@ -0,0 +1 @@\n+teks',
    };
  }

  function headSha(pull: PullState): string {
    return pull.setup.commits.at(-1)!.sha;
  }

  function pullObject(pull: PullState): Record<string, unknown> {
    const s = pull.setup;
    const repository = sampleRepository();
    Object.assign(repository, { name: repo, full_name: `${owner}/${repo}`, owner: user(owner), html_url: web(''), url: `${url}${repoPath}` });
    const n = s.number;
    return {
      url: api(`/pulls/${n}`),
      id: 90000 + n,
      node_id: `PR_${n}`,
      html_url: web(`/pull/${n}`),
      diff_url: web(`/pull/${n}.diff`),
      patch_url: web(`/pull/${n}.patch`),
      issue_url: api(`/issues/${n}`),
      commits_url: api(`/pulls/${n}/commits`),
      review_comments_url: api(`/pulls/${n}/comments`),
      review_comment_url: api('/pulls/comments{/number}'),
      comments_url: api(`/issues/${n}/comments`),
      statuses_url: api(`/statuses/${headSha(pull)}`),
      number: n,
      state: s.merged ? 'closed' : 'open',
      locked: false,
      title: s.title ?? `Berita ${n}`,
      user: user(s.author),
      body: s.body ?? null,
      labels: pull.labels.map(label),
      milestone: null,
      active_lock_reason: null,
      created_at: s.createdAt,
      updated_at: s.merged?.at ?? s.createdAt,
      closed_at: s.merged?.at ?? null,
      merged_at: s.merged?.at ?? null,
      merge_commit_sha: s.merged?.sha ?? null,
      assignee: null,
      assignees: [],
      requested_reviewers: pull.requestedUsers.map(user),
      requested_teams: pull.requestedTeams.map((slug) => ({ id: 1, node_id: `T_${slug}`, name: slug, slug, description: null, privacy: 'closed', permission: 'pull', url: `${url}/teams/${slug}`, html_url: `https://github.test/orgs/${owner}/teams/${slug}`, members_url: '', repositories_url: '', parent: null })),
      head: { label: `${s.author}:${s.headRef ?? `usulan-${n}`}`, ref: s.headRef ?? `usulan-${n}`, sha: headSha(pull), user: user(s.author), repo: repository },
      base: { label: `${owner}:${s.baseRef ?? 'main'}`, ref: s.baseRef ?? 'main', sha: s.baseSha, user: user(owner), repo: repository },
      _links: {
        self: { href: api(`/pulls/${n}`) },
        html: { href: web(`/pull/${n}`) },
        issue: { href: api(`/issues/${n}`) },
        comments: { href: api(`/issues/${n}/comments`) },
        review_comments: { href: api(`/pulls/${n}/comments`) },
        review_comment: { href: api('/pulls/comments{/number}') },
        commits: { href: api(`/pulls/${n}/commits`) },
        statuses: { href: api(`/statuses/${headSha(pull)}`) },
      },
      author_association: 'CONTRIBUTOR',
      auto_merge: null,
      draft: pull.draft,
      merged: s.merged !== undefined,
      mergeable: true,
      rebaseable: true,
      mergeable_state: 'blocked',
      merged_by: s.merged ? user(s.merged.by) : null,
      comments: comments.filter((c) => c.issueNumber === n).length,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: pull.commits.length,
      additions: pull.files.length,
      deletions: 0,
      changed_files: pull.files.length,
    };
  }

  function commentObject(c: Comment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: api(`/issues/comments/${c.id}`),
      html_url: web(`/pull/${c.issueNumber}#issuecomment-${c.id}`),
      issue_url: api(`/issues/${c.issueNumber}`),
      body: c.body,
      user: user(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: 'NONE',
    };
  }

  const server = {
    get url() {
      return url;
    },
    owner,
    repo,
    requests,
    violations,
    comments,
    statuses,
    rulesets,
    checkRuns,
    issues,
    get mainHead() {
      return mainHead;
    },
    /** Runs `hook` after every answered request until it returns true (e.g. a push between two reads). */
    afterRequest(hook: (request: RecordedRequest) => boolean | void): void {
      hooks.push(hook);
    },
    /**
     * A commit on main on top of the current head (the first one starts the branch). `files` sets
     * (text) or deletes (null) paths; `setFile` texts for this sha are readable through contents.
     */
    commitToMain(commit: { sha: string; author?: string | null; committer?: string | null; message?: string; date?: string; files?: Record<string, string | null>; verified?: boolean; parents?: string[] }): MainCommit {
      const tree = new Map(mainCommits.get(mainHead)?.tree ?? []);
      for (const [path, text] of Object.entries(commit.files ?? {})) if (text === null) tree.delete(path); else tree.set(path, text);
      const author = commit.author === undefined ? 'penulis' : commit.author;
      const made: MainCommit = { sha: commit.sha, parents: commit.parents ?? (mainHead ? [mainHead] : []), author, committer: commit.committer === undefined ? author : commit.committer, message: commit.message ?? 'Perubahan', date: commit.date ?? FIXED_NOW, tree, verified: commit.verified ?? false };
      mainCommits.set(made.sha, made);
      mainHead = made.sha;
      return made;
    },
    /**
     * Merges a PR as GitHub's squash merge does: one commit on main with the PR's files; with
     * `parents` (main's head, then the PR's head), as a merge commit.
     */
    mergePull(number: number, merge: { at: string; by: string; sha: string; files?: Record<string, string | null>; parents?: string[] }): void {
      const pull = mustPull(number);
      const files = merge.files ?? Object.fromEntries(pull.files.map((f) => [String(f.filename), `isi ${String(f.filename)} dari PR #${number}`]));
      server.commitToMain({ sha: merge.sha, author: pull.setup.author, committer: 'web-flow', message: `${pullObject(pull).title as string} (#${number})`, date: merge.at, files, verified: true, ...(merge.parents ? { parents: merge.parents } : {}) });
      pull.setup.merged = { at: merge.at, by: merge.by, sha: merge.sha };
    },
    // ---- Added for merge commits: a commit off main's line (a PR branch's), which a merge commit
    // (`mergePull` with `parents`) then brings into main's history through its second parent.
    /** A commit on top of `parents` (its tree: the first parent's plus `files`); main's head stays. */
    commitOffMain(commit: { sha: string; parents: string[]; author?: string | null; message?: string; date?: string; files?: Record<string, string | null> }): MainCommit {
      const tree = new Map(mainCommits.get(commit.parents[0] ?? '')?.tree ?? []);
      for (const [path, text] of Object.entries(commit.files ?? {})) if (text === null) tree.delete(path); else tree.set(path, text);
      const author = commit.author === undefined ? 'penulis' : commit.author;
      const made: MainCommit = { sha: commit.sha, parents: commit.parents, author, committer: author, message: commit.message ?? 'Perubahan', date: commit.date ?? FIXED_NOW, tree, verified: false };
      mainCommits.set(made.sha, made);
      return made;
    },
    // ---- End of the merge commits' block.
    /** A file on main now (records the App pushed, say); undefined when absent. */
    mainFile(path: string): string | undefined {
      return mainCommits.get(mainHead)?.tree.get(path);
    },
    /**
     * What GitHub's merge box says of a commit under the active rulesets: every required check is
     * satisfied by a successful check run or status of that name, and, where the rule pins an
     * `integration_id`, only one the App with that id created.
     */
    requiredChecks(sha: string): { satisfied: boolean; missing: string[] } {
      const required = rulesets
        .filter((r) => r.enforcement === 'active')
        .flatMap((r) => (r.rules ?? []) as { type: string; parameters?: { required_status_checks?: { context: string; integration_id?: number }[] } }[])
        .filter((rule) => rule.type === 'required_status_checks')
        .flatMap((rule) => rule.parameters?.required_status_checks ?? []);
      const missing = required.filter((check) => {
        const fromApp = (app: { id: number } | undefined) => check.integration_id === undefined || app?.id === check.integration_id;
        const runs = checkRuns.filter((r) => r.head_sha === sha && r.name === check.context && fromApp(r.app));
        const latestRun = runs.at(-1);
        const runPasses = latestRun !== undefined && latestRun.status === 'completed' && ['success', 'neutral', 'skipped'].includes(latestRun.conclusion ?? '');
        const latestStatus = statuses.filter((x) => x.sha === sha && x.context === check.context && fromApp(x.creator.app)).at(-1);
        return !(runPasses || latestStatus?.state === 'success');
      });
      return { satisfied: missing.length === 0, missing: missing.map((check) => check.context) };
    },

    addPull(setup: PullSetup): void {
      pulls.set(setup.number, {
        setup: structuredClone(setup),
        draft: setup.draft ?? false,
        reviews: [],
        commits: setup.commits.map(commitObject),
        files: setup.files.map((f) => fileObject(f, setup.commits.at(-1)!.sha)),
        labels: [...(setup.labels ?? [])],
        requestedUsers: [],
        requestedTeams: [],
        events: [],
      });
    },
    /** A review as GitHub records it; like GitHub, it clears the reviewer's pending request. */
    submitReview(number: number, review: ReviewSetup): void {
      const pull = mustPull(number);
      const id = newId();
      pull.reviews.push({
        id,
        node_id: `PRR_${id}`,
        user: user(review.user),
        body: review.body ?? '',
        state: review.state,
        html_url: web(`/pull/${number}#pullrequestreview-${id}`),
        pull_request_url: api(`/pulls/${number}`),
        author_association: 'MEMBER',
        _links: { html: { href: web(`/pull/${number}#pullrequestreview-${id}`) }, pull_request: { href: api(`/pulls/${number}`) } },
        submitted_at: review.submittedAt,
        commit_id: review.commitId ?? headSha(pull),
      });
      pull.requestedUsers = pull.requestedUsers.filter((login) => login !== review.user);
    },
    /** A new commit on the PR branch (makes earlier approvals stale). */
    push(number: number, commit: PullCommitSetup, files: PullSetup['files'] = []): void {
      const pull = mustPull(number);
      pull.setup.commits.push(commit);
      pull.commits.push(commitObject(commit));
      for (const f of files) if (!pull.files.some((x) => x.filename === f.filename)) pull.files.push(fileObject(f, commit.sha));
    },
    /** An issue someone opened (a "Permintaan publikasi" request, say); returns its number. */
    addIssue(issue: Omit<Issue, 'number'> & { number?: number }): number {
      const number = issue.number ?? nextIssue++;
      issues.push({ ...issue, number });
      return number;
    },
    /** A comment written by someone (not through the API under test). */
    addComment(number: number, login: string, body: string): void {
      comments.push({ id: newId(), issueNumber: number, body, user: login, createdAt: FIXED_NOW, updatedAt: FIXED_NOW });
    },
    setDraft(number: number, draft: boolean): void {
      mustPull(number).draft = draft;
    },
    /** The author marks a draft PR ready for review at `at` (GitHub records a `ready_for_review` event). */
    markReadyForReview(number: number, at: string): void {
      const pull = mustPull(number);
      pull.draft = false;
      pull.events.push({ event: 'ready_for_review', at, actor: pull.setup.author });
    },
    /** A file in the repository at a ref (branch name or commit sha). */
    setFile(ref: string, path: string, text: string): void {
      contents.set(`${ref}\0${path}`, text);
    },
    setTeam(orgSlug: string, logins: string[]): void {
      teams.set(orgSlug, logins);
    },
    pull(number: number) {
      const pull = mustPull(number);
      return { labels: [...pull.labels], requestedReviewers: [...pull.requestedUsers], requestedTeams: [...pull.requestedTeams], headSha: headSha(pull) };
    },
    failNext(failure: InjectedFailure): void {
      failures.push({ times: 1, ...failure });
    },
    /** Requests that changed something (everything but GET). */
    writes(): RecordedRequest[] {
      return requests.filter((r) => r.method !== 'GET');
    },
    close(): Promise<void> {
      return new Promise((done) => http.close(() => done()));
    },
  };

  function mustPull(number: number): PullState {
    const pull = pulls.get(number);
    if (!pull) throw new Error(`test server: no pull request #${number}`);
    return pull;
  }

  class HttpError extends Error {
    readonly status: number;
    constructor(status: number, message: string) {
      super(message);
      this.status = status;
    }
  }

  type Reply = { status?: number; data?: unknown; headers?: Record<string, string> };

  /** GitHub's page/per_page pagination with a Link header. */
  function page(req: URL, items: unknown[]): Reply {
    const perPage = Math.min(Number(req.searchParams.get('per_page') ?? 30) || 30, 100);
    const pageNumber = Math.max(Number(req.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number, rel: string) => {
      const target = new URL(req);
      target.searchParams.set('page', String(n));
      target.searchParams.set('per_page', String(perPage));
      return `<${target.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNumber > 1) links.push(link(pageNumber - 1, 'prev'), link(1, 'first'));
    if (pageNumber < last) links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
    return { data: items.slice((pageNumber - 1) * perPage, pageNumber * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  function route(method: string, path: string, req: URL, body: Record<string, unknown>, who: Identity): Reply {
    const m = (pattern: string) => new RegExp(`^${repoPath.replace(/[.[\]]/g, '\\$&')}${pattern}$`).exec(path);
    let match: RegExpExecArray | null;
    if (method === 'GET' && (match = m('/pulls/(\\d+)'))) return { data: pullObject(mustKnownPull(match[1]!)) };
    if (method === 'GET' && (match = m('/pulls/(\\d+)/reviews'))) return page(req, mustKnownPull(match[1]!).reviews);
    if (method === 'GET' && (match = m('/pulls/(\\d+)/commits'))) return page(req, mustKnownPull(match[1]!).commits);
    if (method === 'GET' && (match = m('/pulls/(\\d+)/files'))) return page(req, mustKnownPull(match[1]!).files);
    if (method === 'GET' && (match = m('/pulls/(\\d+)/requested_reviewers'))) {
      const pull = mustKnownPull(match[1]!);
      return { data: { users: pull.requestedUsers.map(user), teams: (pullObject(pull).requested_teams as unknown[]) } };
    }
    if (method === 'POST' && (match = m('/pulls/(\\d+)/requested_reviewers'))) {
      const pull = mustKnownPull(match[1]!);
      const reviewers = (body.reviewers as string[] | undefined) ?? [];
      if (reviewers.includes(pull.setup.author)) throw new HttpError(422, 'Review cannot be requested from pull request author.');
      for (const login of reviewers) if (!pull.requestedUsers.includes(login)) pull.requestedUsers.push(login);
      for (const slug of (body.team_reviewers as string[] | undefined) ?? []) if (!pull.requestedTeams.includes(slug)) pull.requestedTeams.push(slug);
      return { status: 201, data: pullObject(pull) };
    }
    if (method === 'DELETE' && (match = m('/pulls/(\\d+)/requested_reviewers'))) {
      const pull = mustKnownPull(match[1]!);
      const reviewers = (body.reviewers as string[] | undefined) ?? [];
      pull.requestedUsers = pull.requestedUsers.filter((login) => !reviewers.includes(login));
      pull.requestedTeams = pull.requestedTeams.filter((slug) => !((body.team_reviewers as string[] | undefined) ?? []).includes(slug));
      return { data: pullObject(pull) };
    }
    if (method === 'GET' && (match = m('/issues/(\\d+)'))) {
      const issue = issues.find((i) => i.number === Number(match![1]));
      if (!issue) throw new HttpError(404, 'Not Found');
      return { data: issueObject(issue) };
    }
    if (method === 'GET' && (match = m('/issues/(\\d+)/comments'))) {
      const number = Number(match[1]);
      return page(req, comments.filter((c) => c.issueNumber === number).map(commentObject));
    }
    if (method === 'GET' && (match = m('/issues/(\\d+)/events'))) {
      const pull = mustKnownPull(match[1]!);
      return page(req, pull.events.map((e, i) => ({ id: 800 + i, node_id: `E_${i}`, url: api(`/issues/events/${800 + i}`), actor: user(e.actor), event: e.event, commit_id: null, commit_url: null, created_at: e.at, performed_via_github_app: null })));
    }
    if (method === 'POST' && (match = m('/issues/(\\d+)/comments'))) {
      const comment: Comment = { id: newId(), issueNumber: Number(match[1]), body: String(body.body), user: who.login, createdAt: FIXED_NOW, updatedAt: FIXED_NOW };
      comments.push(comment);
      return { status: 201, data: commentObject(comment) };
    }
    if (method === 'PATCH' && (match = m('/issues/comments/(\\d+)'))) {
      const comment = comments.find((c) => c.id === Number(match![1]));
      if (!comment) throw new HttpError(404, 'Not Found');
      comment.body = String(body.body);
      return { data: commentObject(comment) };
    }
    if (method === 'GET' && (match = m('/issues/(\\d+)/labels'))) return page(req, mustKnownPull(match[1]!).labels.map(label));
    if (method === 'POST' && (match = m('/issues/(\\d+)/labels'))) {
      const pull = mustKnownPull(match[1]!);
      const names = (Array.isArray(body) ? body : (body.labels as unknown[])).map((l) => (typeof l === 'string' ? l : (l as { name: string }).name));
      for (const name of names) if (!pull.labels.includes(name)) pull.labels.push(name);
      return { data: pull.labels.map(label) };
    }
    if (method === 'DELETE' && (match = m('/issues/(\\d+)/labels/([^/]+)'))) {
      const pull = mustKnownPull(match[1]!);
      const name = decodeURIComponent(match[2]!);
      if (!pull.labels.includes(name)) throw new HttpError(404, 'Label does not exist');
      pull.labels = pull.labels.filter((l) => l !== name);
      return { data: pull.labels.map(label) };
    }
    if (method === 'POST' && (match = m('/statuses/([0-9a-zA-Z]+)'))) {
      const status: CommitStatus = { id: newId(), sha: match[1]!, state: String(body.state), context: String(body.context ?? 'default'), description: (body.description as string | undefined) ?? null, target_url: (body.target_url as string | undefined) ?? null, creator: who };
      statuses.push(status);
      return { status: 201, data: statusObject(status) };
    }
    if (method === 'GET' && (match = m('/commits/([^/]+)/status'))) {
      const sha = match[1]!;
      const latest = new Map<string, CommitStatus>();
      for (const s of statuses.filter((x) => x.sha === sha)) latest.set(s.context, s);
      const list = [...latest.values()];
      const state = list.some((s) => s.state === 'failure' || s.state === 'error') ? 'failure' : list.length > 0 && list.every((s) => s.state === 'success') ? 'success' : 'pending';
      return { data: { state, statuses: list.map(statusObject), sha, total_count: list.length, repository: sampleRepository(), commit_url: api(`/commits/${sha}`), url: api(`/commits/${sha}/status`) } };
    }
    if (method === 'GET' && (match = m('/contents/(.+)'))) {
      const ref = req.searchParams.get('ref') ?? 'main';
      const filePath = decodeURIComponent(match[1]!);
      const text = contents.get(`${ref}\0${filePath}`) ?? mainCommits.get(resolveRef(ref))?.tree.get(filePath);
      if (text === undefined) {
        // A folder of a commit on main: GitHub lists its entries.
        const below = [...(mainCommits.get(resolveRef(ref))?.tree ?? [])].filter(([path]) => path.startsWith(`${filePath}/`) && !path.slice(filePath.length + 1).includes('/'));
        if (below.length === 0) throw new HttpError(404, 'Not Found');
        return { data: below.map(([path, body]) => ({ type: 'file', size: Buffer.byteLength(body), name: path.split('/').at(-1)!, path, sha: gitBlobSha(body), url: api(`/contents/${path}?ref=${ref}`), git_url: null, html_url: web(`/blob/${ref}/${path}`), download_url: null, _links: { self: api(`/contents/${path}`), git: null, html: null } })) };
      }
      const encoded = Buffer.from(text).toString('base64').replace(/.{60}/g, '$&\n');
      const name = filePath.split('/').at(-1)!;
      return { data: { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name, path: filePath, content: encoded, sha: `blob-${ref}-${filePath}`, url: api(`/contents/${filePath}?ref=${ref}`), git_url: null, html_url: web(`/blob/${ref}/${filePath}`), download_url: null, _links: { self: api(`/contents/${filePath}`), git: null, html: null } } };
    }
    if (method === 'GET' && (match = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/members$/.exec(path))) {
      const members = teams.get(`${match[1]}/${match[2]}`);
      if (!members) throw new HttpError(404, 'Not Found');
      return page(req, members.map(user));
    }
    if (method === 'GET' && m('/rulesets')) return { data: rulesets.map((r) => rulesetObject(r, false)) };
    if (method === 'POST' && m('/rulesets')) {
      const ruleset = { ...(body as unknown as Omit<Ruleset, 'id'>), id: newId() };
      rulesets.push(ruleset);
      return { status: 201, data: rulesetObject(ruleset, true) };
    }
    if ((method === 'PUT' || method === 'GET') && (match = m('/rulesets/(\\d+)'))) {
      const ruleset = rulesets.find((r) => r.id === Number(match![1]));
      if (!ruleset) throw new HttpError(404, 'Not Found');
      if (method === 'PUT') Object.assign(ruleset, body);
      return { data: rulesetObject(ruleset, true) };
    }
    if (method === 'POST' && m('/check-runs')) {
      // Only a GitHub App may create check runs; GitHub answers a user's token so.
      if (!who.app) throw new HttpError(403, 'You must authenticate via a GitHub App.');
      const output = (body.output ?? {}) as { title?: string; summary?: string };
      const run: CheckRun = { id: newId(), name: String(body.name), head_sha: String(body.head_sha), status: String(body.status ?? 'queued'), conclusion: (body.conclusion as string | undefined) ?? null, title: output.title ?? null, summary: output.summary ?? null, details_url: (body.details_url as string | undefined) ?? null, app: who.app };
      if (run.conclusion) run.status = 'completed';
      checkRuns.push(run);
      return { status: 201, data: checkRunObject(run) };
    }
    if (method === 'PATCH' && (match = m('/check-runs/(\\d+)'))) {
      const run = checkRuns.find((r) => r.id === Number(match![1]));
      if (!run) throw new HttpError(404, 'Not Found');
      if (run.app.id !== who.app?.id) throw new HttpError(403, 'Invalid app_id: a check run can only be updated by the app that created it.');
      const output = (body.output ?? {}) as { title?: string; summary?: string };
      if (body.status !== undefined) run.status = String(body.status);
      if (body.conclusion !== undefined) Object.assign(run, { conclusion: body.conclusion, status: 'completed' });
      if (output.title !== undefined) run.title = output.title;
      if (output.summary !== undefined) run.summary = output.summary;
      if (body.details_url !== undefined) run.details_url = String(body.details_url);
      return { data: checkRunObject(run) };
    }
    if (method === 'GET' && (match = m('/commits/([^/]+)/check-runs'))) {
      const sha = resolveRef(match[1]!);
      const name = req.searchParams.get('check_name');
      const appId = req.searchParams.get('app_id');
      const list = checkRuns.filter((r) => r.head_sha === sha && (name === null || r.name === name) && (appId === null || String(r.app.id) === appId)).reverse();
      const paged = page(req, list.map(checkRunObject));
      return { data: { total_count: list.length, check_runs: paged.data }, headers: paged.headers };
    }
    if (method === 'GET' && (match = m('/commits/([0-9a-zA-Z]+)/pulls'))) {
      const sha = match[1]!;
      const found = [...pulls.values()].filter((p) => p.setup.merged?.sha === sha || p.setup.commits.some((c) => c.sha === sha));
      return page(req, found.map(pullObject));
    }
    if (method === 'GET' && (match = m('/commits/([^/]+)'))) {
      const commit = mainCommits.get(resolveRef(match[1]!));
      if (!commit) throw new HttpError(422, `No commit found for SHA: ${match[1]}`);
      return { data: fullCommitObject(commit) };
    }
    if (method === 'GET' && (match = m('/compare/([^.]+)\\.\\.\\.(.+)'))) {
      const base = resolveRef(decodeURIComponent(match[1]!));
      const head = resolveRef(decodeURIComponent(match[2]!));
      if (!mainCommits.has(base) || !mainCommits.has(head)) throw new HttpError(404, 'Not Found');
      // As Git: every commit head descends from and base does not, through every parent.
      const published = new Set(ancestry(base).map((c) => c.sha));
      const between = ancestry(head).filter((c) => !published.has(c.sha));
      const status = between.length === 0 ? 'identical' : 'ahead';
      const baseObject = commitSummaryObject(mainCommits.get(base)!);
      return { data: { url: api(`/compare/${base}...${head}`), html_url: web(`/compare/${base}...${head}`), permalink_url: web(`/compare/${base}...${head}`), diff_url: web(`/compare/${base}...${head}.diff`), patch_url: web(`/compare/${base}...${head}.patch`), base_commit: baseObject, merge_base_commit: baseObject, status, ahead_by: between.length, behind_by: 0, total_commits: between.length, commits: between.map(commitSummaryObject) } };
    }
    if (method === 'GET' && (match = m('/git/ref/heads(?:/|%2F)(.+)'))) {
      if (match[1] !== 'main' || !mainHead) throw new HttpError(404, 'Not Found');
      return { data: refObject() };
    }
    if (method === 'GET' && (match = m('/git/trees/([^/]+)'))) {
      const tree = trees.get(match[1]!) ?? mainCommits.get(match[1]!.replace(/^tree-/, ''))?.tree;
      if (!tree) throw new HttpError(404, 'Not Found');
      return { data: { sha: match[1]!, url: api(`/git/trees/${match[1]}`), truncated: false, tree: [...tree].map(([path, text]) => ({ path, mode: '100644', type: 'blob', sha: gitBlobSha(text), size: Buffer.byteLength(text), url: api(`/git/blobs/${gitBlobSha(text)}`) })) } };
    }
    if (method === 'POST' && m('/git/blobs')) {
      const text = body.encoding === 'base64' ? Buffer.from(String(body.content), 'base64').toString('utf8') : String(body.content);
      const sha = gitBlobSha(text);
      blobs.set(sha, text);
      return { status: 201, data: { url: api(`/git/blobs/${sha}`), sha } };
    }
    if (method === 'POST' && m('/git/trees')) {
      const baseTree = body.base_tree === undefined ? new Map<string, string>() : (trees.get(String(body.base_tree)) ?? mainCommits.get(String(body.base_tree).replace(/^tree-/, ''))?.tree);
      if (!baseTree) throw new HttpError(422, 'base_tree is not a tree');
      const tree = new Map(baseTree);
      for (const entry of body.tree as { path: string; sha?: string | null; content?: string }[]) {
        if (entry.sha === null) tree.delete(entry.path);
        else if (entry.content !== undefined) tree.set(entry.path, entry.content);
        else if (entry.sha && blobs.has(entry.sha)) tree.set(entry.path, blobs.get(entry.sha)!);
        else throw new HttpError(422, `tree.sha ${entry.sha} is not a blob`);
      }
      const sha = gitBlobSha(JSON.stringify([...tree].sort()));
      trees.set(sha, tree);
      return { status: 201, data: { sha, url: api(`/git/trees/${sha}`), truncated: false, tree: [...tree].map(([path, text]) => ({ path, mode: '100644', type: 'blob', sha: gitBlobSha(text), size: Buffer.byteLength(text), url: api(`/git/blobs/${gitBlobSha(text)}`) })) } };
    }
    if (method === 'POST' && m('/git/commits')) {
      const tree = trees.get(String(body.tree));
      if (!tree) throw new HttpError(422, 'Tree SHA does not exist');
      const parents = (body.parents as string[] | undefined) ?? [];
      for (const parent of parents) if (!mainCommits.has(parent) && !looseCommits.has(parent)) throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
      // GitHub signs a commit it makes for an App when the request names no author or committer.
      const named = body.author !== undefined || body.committer !== undefined;
      const commit: MainCommit = { sha: gitBlobSha(`${String(body.message)}\0${String(body.tree)}\0${parents.join(',')}\0${newId()}`), parents, author: who.login, committer: who.login, message: String(body.message), date: FIXED_NOW, tree, verified: who.app !== undefined && !named };
      looseCommits.set(commit.sha, commit);
      return { status: 201, data: gitCommitObject(commit) };
    }
    if (method === 'PATCH' && (match = m('/git/refs/heads(?:/|%2F)(.+)'))) {
      if (match[1] !== 'main') throw new HttpError(422, 'Reference does not exist');
      const commit = looseCommits.get(String(body.sha)) ?? mainCommits.get(String(body.sha));
      if (!commit) throw new HttpError(422, 'Object does not exist');
      if (commit.parents[0] !== mainHead) throw new HttpError(422, 'Update is not a fast forward');
      if (!bypassesRules(who)) throw new HttpError(422, 'Repository rule violations found\n\nChanges must be made through a pull request.');
      looseCommits.delete(commit.sha);
      mainCommits.set(commit.sha, commit);
      mainHead = commit.sha;
      return { data: refObject() };
    }
    if (method === 'GET' && m('/pulls')) {
      const state = req.searchParams.get('state') ?? 'open';
      const base = req.searchParams.get('base');
      const list = [...pulls.values()]
        .filter((p) => state === 'all' || (state === 'closed') === (p.setup.merged !== undefined))
        .filter((p) => base === null || (p.setup.baseRef ?? 'main') === base)
        .sort((a, b) => Date.parse(b.setup.merged?.at ?? b.setup.createdAt) - Date.parse(a.setup.merged?.at ?? a.setup.createdAt));
      return page(req, list.map(pullObject));
    }
    if (method === 'POST' && m('/issues')) {
      const issue: Issue = { number: nextIssue++, title: String(body.title), body: String(body.body ?? ''), labels: ((body.labels as unknown[] | undefined) ?? []).map((l) => (typeof l === 'string' ? l : String((l as { name: string }).name))), user: who.login, state: 'open' };
      issues.push(issue);
      return { status: 201, data: issueObject(issue) };
    }
    if (method === 'GET' && m('/issues')) {
      const state = req.searchParams.get('state') ?? 'open';
      const labels = (req.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const creator = req.searchParams.get('creator');
      return page(req, issues.filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)) && (creator === null || i.user === creator)).reverse().map(issueObject));
    }
    const forGate = routeForPublishGate(method, path, req);
    if (forGate) return forGate;
    throw new HttpError(404, `test server does not implement ${method} ${path}`);
  }

  // ---- Added for the publication gate (`tayang izin-terbit`, `persetujuan --commit`): the
  // repository itself (its default branch is main, as everywhere in this server) and the list of
  // a ref's commits, newest first, down to the root.
  function routeForPublishGate(method: string, path: string, req: URL): Reply | undefined {
    if (method !== 'GET') return undefined;
    if (path === repoPath) {
      const repository = sampleRepository();
      Object.assign(repository, { name: repo, full_name: `${owner}/${repo}`, owner: user(owner), html_url: web(''), url: `${url}${repoPath}`, default_branch: 'main', has_discussions: false, network_count: 0, subscribers_count: 0 });
      return { data: repository };
    }
    if (path === `${repoPath}/commits`) {
      const list: MainCommit[] = [];
      list.push(...ancestry(resolveRef(req.searchParams.get('sha') ?? 'main')).reverse());
      return page(req, list.map(commitSummaryObject));
    }
    return undefined;
  }
  // ---- End of the publication gate's block.

  // ---- Added for merge commits: a commit's ancestry through every parent, as Git walks it.
  /** `sha` and every commit it descends from, parents before children (first parents first). */
  function ancestry(sha: string): MainCommit[] {
    const start = mainCommits.get(sha);
    if (!start) return [];
    const order: MainCommit[] = [];
    const seen = new Set([start.sha]);
    const stack: { commit: MainCommit; next: number }[] = [{ commit: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const parent = mainCommits.get(top.commit.parents[top.next++] ?? '');
      if (top.next > top.commit.parents.length) {
        stack.pop();
        order.push(top.commit);
      } else if (parent && !seen.has(parent.sha)) {
        seen.add(parent.sha);
        stack.push({ commit: parent, next: 0 });
      }
    }
    return order;
  }
  // ---- End of the merge commits' block.

  function identityOf(authorization: string): Identity {
    const token = authorization.replace(/^(token|bearer)\s+/i, '');
    return tokens.get(token) ?? defaultIdentity;
  }

  function bypassesRules(who: Identity): boolean {
    const active = rulesets.filter((r) => r.enforcement === 'active');
    if (active.length === 0) return true;
    return active.every((r) => (r.bypass_actors ?? []).some((actor) => {
      const a = actor as { actor_id?: number | null; actor_type?: string };
      return a.actor_type === 'Integration' && who.app !== undefined && a.actor_id === who.app.id;
    }));
  }

  function resolveRef(ref: string): string {
    return ref === 'main' || ref === 'heads/main' || ref === 'refs/heads/main' ? mainHead : ref;
  }

  function gitBlobSha(text: string): string {
    const bytes = Buffer.from(text);
    return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  }

  function appObject(app: { id: number; slug: string }) {
    return { id: app.id, slug: app.slug, node_id: `A_${app.id}`, owner: user(owner), name: app.slug, description: null, external_url: `https://${app.slug}.test`, html_url: `https://github.test/apps/${app.slug}`, created_at: FIXED_NOW, updated_at: FIXED_NOW, permissions: { checks: 'write' }, events: [] };
  }

  function checkRunObject(r: CheckRun) {
    return {
      id: r.id, node_id: `CR_${r.id}`, head_sha: r.head_sha, name: r.name, url: api(`/check-runs/${r.id}`), html_url: web(`/runs/${r.id}`), details_url: r.details_url,
      status: r.status, conclusion: r.conclusion, started_at: FIXED_NOW, completed_at: r.status === 'completed' ? FIXED_NOW : null, external_id: null,
      check_suite: { id: 1 }, output: { title: r.title, summary: r.summary, text: null, annotations_count: 0, annotations_url: api(`/check-runs/${r.id}/annotations`) },
      app: appObject(r.app), pull_requests: [],
    };
  }

  function personOf(commit: MainCommit, login: string | null) {
    return { name: login ?? 'Tanpa Akun', email: login ? `${login}@users.noreply.github.test` : 'tanpa-akun@contoh.test', date: commit.date };
  }

  function verificationOf(commit: MainCommit) {
    return commit.verified
      ? { verified: true, reason: 'valid', signature: '-----BEGIN PGP SIGNATURE-----', payload: `tree tree-${commit.sha}`, verified_at: FIXED_NOW }
      : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };
  }

  function commitSummaryObject(c: MainCommit) {
    return {
      sha: c.sha, node_id: `C_${c.sha}`, url: api(`/commits/${c.sha}`), html_url: web(`/commit/${c.sha}`), comments_url: api(`/commits/${c.sha}/comments`),
      commit: { author: personOf(c, c.author), committer: personOf(c, c.committer), message: c.message, tree: { sha: `tree-${c.sha}`, url: api(`/git/trees/tree-${c.sha}`) }, url: api(`/git/commits/${c.sha}`), comment_count: 0, verification: verificationOf(c) },
      author: c.author ? user(c.author) : null, committer: c.committer ? user(c.committer) : null,
      parents: c.parents.map((sha) => ({ sha, url: api(`/commits/${sha}`) })),
    };
  }

  function fullCommitObject(c: MainCommit) {
    const before = mainCommits.get(c.parents[0] ?? '')?.tree ?? new Map<string, string>();
    const paths = [...new Set([...before.keys(), ...c.tree.keys()])].filter((path) => before.get(path) !== c.tree.get(path)).sort();
    const files = paths.map((filename) => ({ sha: gitBlobSha(c.tree.get(filename) ?? ''), filename, status: !before.has(filename) ? 'added' : !c.tree.has(filename) ? 'removed' : 'modified', additions: 1, deletions: 0, changes: 1, blob_url: web(`/blob/${c.sha}/${filename}`), raw_url: web(`/raw/${c.sha}/${filename}`), contents_url: api(`/contents/${filename}?ref=${c.sha}`) }));
    return { ...commitSummaryObject(c), stats: { additions: files.length, deletions: 0, total: files.length }, files };
  }

  function gitCommitObject(c: MainCommit) {
    return { sha: c.sha, node_id: `C_${c.sha}`, url: api(`/git/commits/${c.sha}`), html_url: web(`/commit/${c.sha}`), author: personOf(c, c.author), committer: personOf(c, c.committer), tree: { sha: `tree-${c.sha}`, url: api(`/git/trees/tree-${c.sha}`) }, message: c.message, parents: c.parents.map((sha) => ({ sha, url: api(`/git/commits/${sha}`), html_url: web(`/commit/${sha}`) })), verification: verificationOf(c) };
  }

  function refObject() {
    return { ref: 'refs/heads/main', node_id: 'REF_main', url: api('/git/refs/heads/main'), object: { type: 'commit', sha: mainHead, url: api(`/git/commits/${mainHead}`) } };
  }

  function issueObject(i: Issue) {
    return { id: 70000 + i.number, node_id: `I_${i.number}`, url: api(`/issues/${i.number}`), repository_url: `${url}${repoPath}`, labels_url: api(`/issues/${i.number}/labels{/name}`), comments_url: api(`/issues/${i.number}/comments`), events_url: api(`/issues/${i.number}/events`), html_url: web(`/issues/${i.number}`), number: i.number, state: i.state, title: i.title, body: i.body, user: user(i.user), labels: i.labels.map(label), assignee: null, assignees: [], milestone: null, locked: false, comments: comments.filter((c) => c.issueNumber === i.number).length, closed_at: i.state === 'closed' ? (i.createdAt ?? FIXED_NOW) : null, created_at: i.createdAt ?? FIXED_NOW, updated_at: i.createdAt ?? FIXED_NOW, author_association: 'NONE' };
  }

  function mustKnownPull(number: string): PullState {
    const pull = pulls.get(Number(number));
    if (!pull) throw new HttpError(404, 'Not Found');
    return pull;
  }

  function statusObject(s: CommitStatus) {
    return { url: api(`/statuses/${s.sha}`), avatar_url: null, id: s.id, node_id: `S_${s.id}`, state: s.state, description: s.description, target_url: s.target_url, context: s.context, created_at: FIXED_NOW, updated_at: FIXED_NOW, creator: user(s.creator.login) };
  }

  function rulesetObject(r: Ruleset, full: boolean) {
    const summary = { id: r.id, name: r.name, target: r.target ?? 'branch', source_type: 'Repository', source: `${owner}/${repo}`, enforcement: r.enforcement, node_id: `RRS_${r.id}`, _links: { self: { href: api(`/rulesets/${r.id}`) } } };
    return full ? { ...summary, bypass_actors: r.bypass_actors ?? [], conditions: r.conditions ?? null, rules: r.rules ?? [] } : summary;
  }

  async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const req = new URL(incoming.url ?? '/', url);
    const method = incoming.method ?? 'GET';
    let raw = '';
    for await (const chunk of incoming) raw += chunk;
    const body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
    const path = req.pathname.startsWith(prefix) ? req.pathname.slice(prefix.length) : req.pathname;
    const record: RecordedRequest = { method, path, query: req.searchParams, body, status: 0 };
    requests.push(record);

    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3; format=json', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };

    if (!req.pathname.startsWith(prefix)) return send(404, { message: `Not Found (expected the ${prefix} prefix)` });
    if (!/^(token|bearer) \S+$/i.test(incoming.headers.authorization ?? '')) return send(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });

    const check = checkAgainstOpenApi(method, path, req.searchParams, body);
    if (!check || check.errors.length > 0) {
      const problem = `${method} ${path}: ${check ? check.errors.join('; ') : 'no such path in GitHub\'s OpenAPI description'}`;
      violations.push(problem);
      return send(400, { message: `Tayang test server: ${problem}` });
    }
    record.route = check.route;
    record.operationId = check.operationId;

    const failure = failures.find((f) => (f.method ?? method) === method && (f.path ?? /./).test(path) && (f.times ?? 1) > 0);
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      return send(failure.status, { message: failure.message ?? 'Server Error', documentation_url: 'https://docs.github.com/rest' }, failure.headers);
    }

    try {
      const reply = route(method, path, req, (body ?? {}) as Record<string, unknown>, identityOf(incoming.headers.authorization ?? ''));
      const status = reply.status ?? 200;
      // The fake must speak GitHub's shapes too, or the code under test could rely on a fake field.
      const shape = checkResponseAgainstOpenApi(check.route, method, status, reply.data);
      if (shape.length > 0) violations.push(`response to ${method} ${path}: ${shape.slice(0, 8).join('; ')}`);
      send(status, reply.data, reply.headers);
      for (const hook of [...hooks]) if (hook(record) === true) hooks.splice(hooks.indexOf(hook), 1);
    } catch (error) {
      if (error instanceof HttpError) return send(error.status, { message: error.message, documentation_url: 'https://docs.github.com/rest' });
      send(500, { message: (error as Error).message });
    }
  }

  const http = createServer((incoming, res) => {
    handle(incoming, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}${prefix}`;
  return server;
}
