import type { GithubClient } from './client.ts';

export interface CommentTarget {
  owner: string;
  repo: string;
  /** PR or issue number (PR comments are issue comments). */
  issueNumber: number;
  /** Which of Tayang's comments this is, e.g. "persetujuan", "periksa", "terbit". */
  marker: string;
  /** Markdown shown to people; the hidden marker is put in front unless it already starts with it. */
  body: string;
}

export interface CommentResult {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

/** The hidden first line that lets us find our own comment again. */
export function commentMarker(marker: string): string {
  return `<!-- tayang:${marker} -->`;
}

/**
 * Keeps ONE comment per marker on a PR or issue: created the first time, edited in place after
 * (a new comment on every push would bury the discussion), left alone when nothing changed.
 */
export async function upsertComment(client: GithubClient, target: CommentTarget): Promise<CommentResult> {
  const { owner, repo, issueNumber } = target;
  const head = commentMarker(target.marker);
  const body = target.body.startsWith(head) ? target.body : `${head}\n${target.body}`;
  const existing = await findMarkedComment(client, owner, repo, issueNumber, head);
  if (existing === undefined) {
    const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { id: data.id, url: data.html_url, action: 'created' };
  }
  if (existing.body === body) return { id: existing.id, url: existing.html_url, action: 'unchanged' };
  const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
  return { id: data.id, url: data.html_url, action: 'updated' };
}

async function findMarkedComment(client: GithubClient, owner: string, repo: string, issueNumber: number, head: string) {
  const pages = client.paginate.iterator(client.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  for await (const { data } of pages) {
    // Only a comment that STARTS with the marker is ours: a person quoting it does not count.
    const found = data.find((comment) => comment.body?.startsWith(head));
    if (found) return found;
  }
  return undefined;
}
