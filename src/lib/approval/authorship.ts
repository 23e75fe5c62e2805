import type { Snapshot, UnlinkedAuthorship } from './types.ts';

/**
 * Who wrote a pull request, from everything Git records (DESIGN.md §4: "anyone who authored a
 * commit in the PR cannot approve it"): the PR's opener, every commit's author and committer, and
 * every `Co-authored-by:` trailer. Whoever cannot be tied to a GitHub account is reported, because
 * they cannot be told apart from the approvers and so keep the PR from being approved.
 *
 * Decisions:
 * - GitHub's `web-flow` is accepted only as a committer (web-editor and merge-button commits, whose
 *   author is the person); as an author it is no person and counts as unlinked.
 * - `Co-authored-by:` is read on every line of the message, not only in Git's trailer block: a
 *   locally squashed commit keeps its parts' trailers in earlier paragraphs. Reading more can only
 *   exclude or block, never approve. The key is case-insensitive; a value is `Name <email>`.
 * - A co-author resolves to an account by their e-mail being the author or committer e-mail of a
 *   commit of the PR that GitHub linked (GitHub links by e-mail), else by a GitHub noreply address:
 *   `ID+login@users.noreply.<host>` (the ID wins over the login, which may be stale after a rename,
 *   when an account in the snapshot has that ID) or the older `login@users.noreply.<host>`.
 */
export interface Authorship {
  /** Accounts that cannot approve, as GitHub spells them, the opener first, each once. */
  authors: string[];
  /** Authorship that no GitHub account can be tied to, in commit order. */
  unlinked: UnlinkedAuthorship[];
}

/** GitHub's account for commits made in its web editor or by its merge button. */
export const GITHUB_WEB_COMMITTER = 'web-flow';

type Commit = Snapshot['commits'][number];
type Account = { login: string; [key: string]: unknown };

export function authorshipOf(snapshot: Pick<Snapshot, 'pull' | 'commits' | 'reviews'>): Authorship {
  const authors = new Map<string, string>();
  const add = (login: string) => {
    if (!authors.has(keyOf(login))) authors.set(keyOf(login), login);
  };
  add(snapshot.pull.user.login);

  const byEmail = linkedEmails(snapshot.commits);
  const byId = accountsById(snapshot);
  const unlinked: UnlinkedAuthorship[] = [];
  for (const commit of snapshot.commits) {
    const sha = commit.sha.slice(0, 7);
    const git = commit.commit;
    if (commit.author && !isWebFlow(commit.author)) add(commit.author.login);
    else unlinked.push({ sha, role: 'author', ...named(git.author?.name), ...(commit.author ? { account: commit.author.login } : {}) });
    if (commit.committer) {
      if (!isWebFlow(commit.committer)) add(commit.committer.login);
    } else unlinked.push({ sha, role: 'committer', ...named(git.committer?.name) });

    for (const coAuthor of coAuthorsOf(git.message)) {
      const login = resolveCoAuthor(coAuthor.email, byEmail, byId);
      if (login) add(login);
      else if (!unlinked.some((u) => u.sha === sha && u.role === 'co-author' && u.name === coAuthor.name && u.email === coAuthor.email)) {
        unlinked.push({ sha, role: 'co-author', name: coAuthor.name, ...(coAuthor.email ? { email: coAuthor.email } : {}) });
      }
    }
  }
  return { authors: [...authors.values()], unlinked };
}

export interface CoAuthor {
  name: string;
  /** Absent when the trailer gives no `<address>`. */
  email?: string;
}

/** The `Co-authored-by:` trailers of a commit message, in order. */
export function coAuthorsOf(message: string): CoAuthor[] {
  const found: CoAuthor[] = [];
  for (const line of message.split(/\r?\n/)) {
    const trailer = /^\s*co-authored-by\s*:(.*)$/i.exec(line);
    if (!trailer) continue;
    const value = trailer[1]!.trim();
    const address = /^(.*?)\s*<([^<>]*)>\s*$/.exec(value);
    const email = address?.[2]!.trim();
    const name = (address ? address[1]!.trim() : value) || email || '';
    if (name || email) found.push({ name, ...(email ? { email } : {}) });
  }
  return found;
}

/** E-mail (lower case) → login, from the commits GitHub linked; an address two accounts claim resolves to neither. */
function linkedEmails(commits: readonly Commit[]): Map<string, string | null> {
  const emails = new Map<string, string | null>();
  const link = (email: string | undefined, account: Account | null | undefined) => {
    if (!email || !account || isWebFlow(account)) return;
    const key = email.trim().toLowerCase();
    const known = emails.get(key);
    emails.set(key, known === undefined || (known !== null && keyOf(known) === keyOf(account.login)) ? account.login : null);
  };
  for (const commit of commits) {
    link(commit.commit.author?.email, commit.author);
    link(commit.commit.committer?.email, commit.committer);
  }
  return emails;
}

/** GitHub account IDs the snapshot shows (opener, commits, reviewers) → their current login. */
function accountsById(snapshot: Pick<Snapshot, 'pull' | 'commits' | 'reviews'>): Map<number, string> {
  const accounts: (Account | null | undefined)[] = [
    snapshot.pull.user,
    ...snapshot.commits.flatMap((commit) => [commit.author, commit.committer]),
    ...snapshot.reviews.map((review) => review.user),
  ];
  const ids = new Map<number, string>();
  for (const account of accounts) if (account && typeof account.id === 'number' && !isWebFlow(account)) ids.set(account.id, account.login);
  return ids;
}

// A GitHub login: alphanumerics and single hyphens, not at either end, at most 39 characters.
const NOREPLY = /^(?:(\d+)\+)?([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})@users\.noreply\.[a-z\d.-]+$/i;

function resolveCoAuthor(email: string | undefined, byEmail: Map<string, string | null>, byId: Map<number, string>): string | undefined {
  if (!email) return undefined;
  const linked = byEmail.get(email.toLowerCase());
  if (linked !== undefined) return linked ?? undefined;
  const noreply = NOREPLY.exec(email);
  if (!noreply) return undefined;
  const login = (noreply[1] !== undefined ? byId.get(Number(noreply[1])) : undefined) ?? noreply[2]!;
  return keyOf(login) === GITHUB_WEB_COMMITTER ? undefined : login;
}

function isWebFlow(account: Account): boolean {
  return keyOf(account.login) === GITHUB_WEB_COMMITTER;
}

function named(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}

/** GitHub logins are case-insensitive. */
function keyOf(login: string): string {
  return login.toLowerCase();
}
