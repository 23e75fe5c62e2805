import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import type { GithubClient } from '../github/client.ts';
import { upsertComment, type CommentResult } from '../github/comments.ts';
import { COMMENT_MARKER } from './render.ts';

export interface CheckCommentTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  body: string;
  /**
   * The head commit the report was made for. The commenting job runs with a write token on a
   * report produced by the PR's own (untrusted) code, so the PR number inside the report is only
   * believed when that PR's head really is the commit the checks ran on.
   */
  expectedHeadSha?: string;
}

/** Writes (or updates in place) the one `tayang periksa` summary comment of a pull request. */
export async function publishCheckComment(client: GithubClient, target: CheckCommentTarget): Promise<Validated<CommentResult>> {
  const { owner, repo, pullNumber } = target;
  if (target.expectedHeadSha !== undefined) {
    const { data: pull } = await client.rest.pulls.get({ owner, repo, pull_number: pullNumber });
    if (pull.head.sha !== target.expectedHeadSha) {
      const problem: Problem = {
        file: `pull request #${pullNumber}`,
        message: `laporan pemeriksaan dibuat untuk commit ${target.expectedHeadSha.slice(0, 7)}, tetapi kepala pull request ini ${pull.head.sha.slice(0, 7)}; komentar tidak ditulis.`,
        fix: 'biasanya sudah ada push baru; pemeriksaan untuk push itu akan menulis komentarnya.',
      };
      return { ok: false, problems: [problem] };
    }
  }
  return { ok: true, value: await upsertComment(client, { owner, repo, issueNumber: pullNumber, marker: COMMENT_MARKER, body: target.body }) };
}
