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
  commits: { sha: string; author: string; date: string; message?: string }[];
  files: { filename: string; status?: 'added' | 'modified' | 'removed' | 'renamed' }[];
  /** Set for a merged PR (`tayang catat` reads it after the merge). */
  merged?: { at: string; by: string; sha: string };
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

export interface GithubServerOptions {
  owner?: string;
  repo?: string;
  /** "/api/v3" for a GitHub Enterprise Server style base URL. */
  prefix?: string;
  /** The login the token acts as (comments it writes are by this user). */
  botLogin?: string;
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
  const repoPath = `/repos/${owner}/${repo}`;

  const pulls = new Map<number, PullState>();
  const contents = new Map<string, string>();
  const teams = new Map<string, string[]>();
  const comments: Comment[] = [];
  const statuses: CommitStatus[] = [];
  const rulesets: Ruleset[] = [];
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

  function commitObject(c: PullSetup['commits'][number]) {
    const person = { name: c.author, email: `${c.author}@users.noreply.github.test`, date: c.date };
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      url: api(`/commits/${c.sha}`),
      html_url: web(`/commit/${c.sha}`),
      comments_url: api(`/commits/${c.sha}/comments`),
      commit: { author: person, committer: person, message: c.message ?? 'Perubahan', tree: { sha: `tree${c.sha}`, url: api(`/git/trees/tree${c.sha}`) }, url: api(`/git/commits/${c.sha}`), comment_count: 0 },
      author: user(c.author),
      committer: user(c.author),
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
      updated_at: s.createdAt,
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

    addPull(setup: PullSetup): void {
      pulls.set(setup.number, {
        setup: structuredClone(setup),
        draft: setup.draft ?? false,
        reviews: [],
        commits: setup.commits.map(commitObject),
        files: setup.files.map((f) => fileObject(f, setup.commits.at(-1)!.sha)),
        labels: [],
        requestedUsers: [],
        requestedTeams: [],
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
    push(number: number, commit: PullSetup['commits'][number], files: PullSetup['files'] = []): void {
      const pull = mustPull(number);
      pull.setup.commits.push(commit);
      pull.commits.push(commitObject(commit));
      for (const f of files) if (!pull.files.some((x) => x.filename === f.filename)) pull.files.push(fileObject(f, commit.sha));
    },
    /** A comment written by someone (not through the API under test). */
    addComment(number: number, login: string, body: string): void {
      comments.push({ id: newId(), issueNumber: number, body, user: login, createdAt: FIXED_NOW, updatedAt: FIXED_NOW });
    },
    setDraft(number: number, draft: boolean): void {
      mustPull(number).draft = draft;
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

  function route(method: string, path: string, req: URL, body: Record<string, unknown>): Reply {
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
    if (method === 'GET' && (match = m('/issues/(\\d+)/comments'))) {
      const number = Number(match[1]);
      return page(req, comments.filter((c) => c.issueNumber === number).map(commentObject));
    }
    if (method === 'POST' && (match = m('/issues/(\\d+)/comments'))) {
      const comment: Comment = { id: newId(), issueNumber: Number(match[1]), body: String(body.body), user: botLogin, createdAt: FIXED_NOW, updatedAt: FIXED_NOW };
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
      const status: CommitStatus = { id: newId(), sha: match[1]!, state: String(body.state), context: String(body.context ?? 'default'), description: (body.description as string | undefined) ?? null, target_url: (body.target_url as string | undefined) ?? null };
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
      const text = contents.get(`${ref}\0${filePath}`);
      if (text === undefined) throw new HttpError(404, 'Not Found');
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
    throw new HttpError(404, `test server does not implement ${method} ${path}`);
  }

  function mustKnownPull(number: string): PullState {
    const pull = pulls.get(Number(number));
    if (!pull) throw new HttpError(404, 'Not Found');
    return pull;
  }

  function statusObject(s: CommitStatus) {
    return { url: api(`/statuses/${s.sha}`), avatar_url: null, id: s.id, node_id: `S_${s.id}`, state: s.state, description: s.description, target_url: s.target_url, context: s.context, created_at: FIXED_NOW, updated_at: FIXED_NOW, creator: user(botLogin) };
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
      const reply = route(method, path, req, (body ?? {}) as Record<string, unknown>);
      const status = reply.status ?? 200;
      // The fake must speak GitHub's shapes too, or the code under test could rely on a fake field.
      const shape = checkResponseAgainstOpenApi(check.route, method, status, reply.data);
      if (shape.length > 0) violations.push(`response to ${method} ${path}: ${shape.slice(0, 8).join('; ')}`);
      send(status, reply.data, reply.headers);
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
