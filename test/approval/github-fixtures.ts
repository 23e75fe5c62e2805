import type { SnapshotInput } from '../../src/lib/approval/types.ts';

/**
 * Pull-request snapshots in the shapes GitHub's REST API returns (pulls.get, pulls.listReviews,
 * pulls.listCommits, pulls.listFiles), trimmed to realistic fields. Field names are exactly
 * GitHub's, so these double as examples of what `--snapshot` reads.
 */

let nextId = 1000;

function account(login: string) {
  return { login, id: nextId++, type: 'User', html_url: `https://github.com/${login}` };
}

export function makePull(options: { author: string; created_at: string; head?: string; draft?: boolean; number?: number }) {
  const number = options.number ?? 7;
  return {
    url: `https://api.github.com/repos/kantor/situs/pulls/${number}`,
    id: nextId++,
    number,
    state: 'open',
    title: 'Berita: Musrenbang kecamatan 2025',
    user: account(options.author),
    body: 'Menindaklanjuti permintaan publikasi #3.',
    created_at: options.created_at,
    updated_at: options.created_at,
    draft: options.draft ?? false,
    head: { label: `kantor:${options.author}-berita`, ref: `${options.author}-berita`, sha: options.head ?? 'head0000000000000000000000000000000000000' },
    base: { label: 'kantor:main', ref: 'main', sha: 'base0000000000000000000000000000000000000' },
    html_url: `https://github.com/kantor/situs/pull/${number}`,
    author_association: 'MEMBER',
  };
}

export function makeReview(options: { login: string; state: string; submitted_at: string; commit_id: string; body?: string }) {
  const id = nextId++;
  return {
    id,
    node_id: `PRR_${id}`,
    user: account(options.login),
    body: options.body ?? '',
    state: options.state,
    html_url: `https://github.com/kantor/situs/pull/7#pullrequestreview-${id}`,
    pull_request_url: 'https://api.github.com/repos/kantor/situs/pulls/7',
    author_association: 'MEMBER',
    submitted_at: options.submitted_at,
    commit_id: options.commit_id,
  };
}

export function makeCommit(options: { sha: string; author: string | null; committer?: string | null; date: string }) {
  const committer = options.committer === undefined ? options.author : options.committer;
  const person = { name: options.author ?? 'Tanpa Akun', email: `${options.author ?? 'tanpa-akun'}@example.go.id`, date: options.date };
  return {
    sha: options.sha,
    node_id: `C_${options.sha}`,
    commit: { author: person, committer: { ...person, name: committer ?? 'GitHub' }, message: 'Perbarui berita', comment_count: 0 },
    url: `https://api.github.com/repos/kantor/situs/commits/${options.sha}`,
    author: options.author === null ? null : account(options.author),
    committer: committer === null ? null : account(committer),
    parents: [],
  };
}

export function makeFile(filename: string, status = 'added', previous_filename?: string) {
  return {
    sha: 'f'.repeat(40),
    filename,
    status,
    additions: 12,
    deletions: 0,
    changes: 12,
    blob_url: `https://github.com/kantor/situs/blob/head/${filename}`,
    raw_url: `https://github.com/kantor/situs/raw/head/${filename}`,
    contents_url: `https://api.github.com/repos/kantor/situs/contents/${filename}`,
    patch: '@@ -0,0 +1,12 @@',
    ...(previous_filename ? { previous_filename } : {}),
  };
}

/**
 * A PR opened by `author` at `opened`, one commit per entry of `commits` (the last is the head),
 * the given files and reviews. Review `commit_id` defaults to the head.
 */
export function makeSnapshot(options: {
  author: string;
  opened: string;
  files: string[];
  commits?: { sha: string; author?: string | null; committer?: string | null }[];
  reviews?: { login: string; state: string; at: string; on?: string; body?: string }[];
  draft?: boolean;
  teams?: Record<string, string[]>;
}): SnapshotInput {
  const commits = (options.commits ?? [{ sha: 'head0000000000000000000000000000000000000' }]).map((c) =>
    makeCommit({ sha: c.sha, author: c.author === undefined ? options.author : c.author, committer: c.committer, date: options.opened }),
  );
  const head = commits.at(-1)!.sha;
  return {
    pull: makePull({ author: options.author, created_at: options.opened, head, draft: options.draft }),
    reviews: (options.reviews ?? []).map((r) => makeReview({ login: r.login, state: r.state, submitted_at: r.at, commit_id: r.on ?? head, body: r.body })),
    commits,
    files: options.files.map((f) => makeFile(f)),
    teams: options.teams ?? {},
  };
}
