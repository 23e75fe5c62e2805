import { createHash } from 'node:crypto';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import { readDefaultBranch, type GithubClient } from './client.ts';

/**
 * Records reach the default branch as one commit that Tayang's App makes through the Git database
 * API (blobs → tree → commit → fast-forward the branch). Why not `git push`: the App is the
 * ruleset's only bypass actor, and a commit GitHub makes for an App, naming no author or
 * committer, is signed by GitHub as the App's bot — which is how `tayang izin-terbit` tells a
 * records-only commit of the App from one anybody else made. Records are append-only: paths are
 * added or updated, never deleted.
 */

export const RECORDS_ROOT = 'records/';

/** How often a push is rebuilt on the branch's new head when another commit landed meanwhile. */
const PUSH_ATTEMPTS = 5;

export interface RecordFile {
  /** Repository path under records/. */
  path: string;
  text: string;
  /**
   * The blob this run started from (its checkout's HEAD), null for a new file. Main still holding
   * it, or already the new text, is the condition for writing: another run's newer record is
   * never reverted by a stale copy.
   */
  base: string | null;
}

export interface RecordsPush {
  action: 'pushed' | 'unchanged';
  /** The new commit (pushed) or the branch head that already had these files (unchanged). */
  sha: string;
  /** The paths the commit added or changed. */
  changed: string[];
  attempts: number;
}

/** Git's blob id of a text, so files are compared with the branch's tree without downloading it. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * What to write on a branch whose tree is given as path → blob sha: the files it does not hold yet,
 * and the ones another run changed since this run's checkout (conflicts, never overwritten).
 */
export function planRecordWrite(files: readonly RecordFile[], tree: ReadonlyMap<string, string>): { write: RecordFile[]; conflicts: string[] } {
  const pending = files.filter((file) => tree.get(file.path) !== gitBlobSha(file.text));
  const conflicts = pending.filter((file) => (tree.get(file.path) ?? null) !== file.base).map((file) => file.path);
  return { write: pending.filter((file) => !conflicts.includes(file.path)), conflicts };
}

export async function pushRecords(client: GithubClient, repository: { owner: string; repo: string }, files: readonly RecordFile[], message: string): Promise<Validated<RecordsPush>> {
  const { owner, repo } = repository;
  const where = `GitHub API (${owner}/${repo})`;
  const branch = await readDefaultBranch(client, repository);
  for (let attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
    const { data: ref } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    const head = ref.object.sha;
    const { data: commit } = await client.rest.repos.getCommit({ owner, repo, ref: head, per_page: 1 });
    const baseTree = commit.commit.tree.sha;
    const { data: tree } = await client.rest.git.getTree({ owner, repo, tree_sha: baseTree, recursive: 'true' });
    // A truncated listing (a huge repository) cannot prove a file unchanged: every file is sent.
    const known = tree.truncated ? new Map<string, string>() : new Map(tree.tree.filter((e) => e.type === 'blob' && e.path && e.sha).map((e) => [e.path!, e.sha!]));
    const { write: changed, conflicts } = planRecordWrite(files, known);
    if (conflicts.length > 0) {
      return {
        ok: false,
        problems: conflicts.map((path) => ({ file: path, message: `catatan ini sudah diubah proses lain di ${branch} sejak run ini mengambil kodenya; salinan run ini tidak ditulis agar catatan yang lebih baru tidak tertimpa.`, fix: 'jalankan ulang workflow ini: ia mulai dari catatan terbaru.' })),
      };
    }
    if (changed.length === 0) return { ok: true, value: { action: 'unchanged', sha: head, changed: [], attempts: attempt } };
    const { data: newTree } = await client.rest.git.createTree({ owner, repo, base_tree: baseTree, tree: changed.map((file) => ({ path: file.path, mode: '100644' as const, type: 'blob' as const, content: file.text })) });
    // No author or committer: GitHub then makes and signs the commit as the App's bot.
    const { data: made } = await client.rest.git.createCommit({ owner, repo, message, tree: newTree.sha, parents: [head] });
    try {
      await client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: made.sha, force: false });
      return { ok: true, value: { action: 'pushed', sha: made.sha, changed: changed.map((file) => file.path), attempts: attempt } };
    } catch (error) {
      const { status, message: reason } = error as { status?: number; message?: string };
      if (status === 422 && /fast.?forward/i.test(reason ?? '')) continue; // the branch moved: rebuild on its new head
      if (status === 422 || status === 403) return { ok: false, problems: [refusedProblem(where, branch, status, reason ?? '')] };
      throw error;
    }
  }
  return {
    ok: false,
    problems: [{ file: where, message: `cabang ${branch} terus bergerak; catatan tidak bisa disimpan setelah ${PUSH_ATTEMPTS} kali mencoba.`, fix: 'jalankan workflow ini lagi; catatan yang belum tersimpan masih bisa ditulis ulang karena penulisannya tidak berubah bila diulang.' }],
  };
}

function refusedProblem(where: string, branch: string, status: number, reason: string): Problem {
  return {
    file: where,
    message: `GitHub menolak menyimpan catatan ke ${branch} (HTTP ${status}): ${reason.split('\n')[0]}`,
    fix: 'catatan hanya boleh didorong App Tayang, satu-satunya pengecualian (bypass) di ruleset: pakai token App (actions/create-github-app-token di environment tayang) sebagai GITHUB_TOKEN, dan pasang ruleset dengan `npx tayang pasang-github --app-id NOMOR --terapkan` (docs/keamanan.md).',
  };
}
