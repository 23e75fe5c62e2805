import { renderStatusDescription } from '../approval/render.ts';
import { formatProblem, type Problem } from '../errors/problem.ts';
import { validateYaml, type Validated } from '../errors/validate.ts';
import { appBotLogin, failingDecisions, FIRST_PUBLICATION_LIMIT, HOLD_LABEL, holdMentions, judgeRange, mainLine, planHoldIssue, RELEASE_DIR, releaseFileOf, ReleaseSchema, type CommitFacts, type Release, type CommitInput, type GateReport, type HoldIssueOutcome, type OpenIssue } from '../publish/gate.ts';
import { readBaseConfig } from './approval.ts';
import { readDefaultBranch, type GithubClient } from './client.ts';
import { commitFactsOf, evaluateMergedPull, findMergedPull, readCommit, type MergedEvaluation, type RepositoryTarget } from './merged-commit.ts';

/**
 * The GitHub side of `tayang izin-terbit`: list main's commits in the range (compare API), check
 * each as `persetujuan --commit` does (each PR judged once), let src/lib/publish/gate.ts decide,
 * and when it holds, open one "Publikasi ditahan" issue for those commits.
 */

export interface PublishGateOptions {
  /** The last published commit; absent: nothing was published yet (the whole history, bounded). */
  since?: string;
  /** Up to this commit (default: the head of the default branch). */
  until?: string;
  /** TAYANG_APP_SLUG: the App whose records pushes pass, and whose issues are its own. */
  appSlug: string;
  now: Date;
}

export interface PublishGateRun {
  report: GateReport;
  issue: HoldIssueOutcome;
  warnings: string[];
}

const PAGE = 100;

export async function runPublishGate(client: GithubClient, target: RepositoryTarget, options: PublishGateOptions): Promise<Validated<PublishGateRun>> {
  const warnings: string[] = [];
  const defaultBranch = await readDefaultBranch(client, target);
  const range = options.since === undefined ? await listHistory(client, target, options.until ?? defaultBranch) : await listSince(client, target, options.since, options.until ?? defaultBranch, warnings);
  if (!range.ok) return range;

  // A PR merged with a merge commit brings several commits: it is judged once.
  const evaluations = new Map<number, Promise<Validated<MergedEvaluation>>>();
  const inputs: CommitInput[] = [];
  for (const commit of mainLine(range.value.commits, range.value.until, options.since ?? null)) {
    const { pull, other } = await findMergedPull(client, target, commit.sha, defaultBranch);
    if (pull === null) {
      // Only a commit that is no PR's merge needs its files: the records-only exception.
      const full = await readCommit(client, target, commit.sha);
      inputs.push({ commit: full.ok ? { ...full.value, url: commit.url ?? full.value.url } : commit, pull: null, other: other && { number: other.number, url: other.html_url, mergeCommit: other.merge_commit_sha } });
      continue;
    }
    if (!evaluations.has(pull.number)) {
      const evaluation = evaluateMergedPull(client, target, pull);
      evaluations.set(pull.number, evaluation);
      const result = await evaluation;
      if (result.ok) warnings.push(...result.value.warnings);
    }
    const result = await evaluations.get(pull.number)!;
    const outcome = result.ok ? { state: result.value.verdict.state, description: renderStatusDescription(result.value.verdict) } : { problems: result.problems.map((p) => formatProblem(p).replace(/\s*\n\s*/g, ' ')) };
    inputs.push({ commit, pull: { number: pull.number, url: pull.html_url, outcome } });
  }

  const span = { since: options.since ?? null, until: range.value.until };
  // Release files are read only for the commits that hold: old ones for long-published commits stay.
  const held = failingDecisions(judgeRange(span, inputs, options.appSlug)).map((d) => d.commit.sha);
  const releases = held.length === 0 ? new Map<string, Release>() : await readReleases(client, target, range.value.until, new Set(held), warnings);
  const report = judgeRange(span, inputs, options.appSlug, releases);
  const issue = report.passed ? ({ action: 'none' } as const) : await openHoldIssue(client, target, report, { ref: defaultBranch, sha: range.value.until }, options);
  return { ok: true, value: { report, issue, warnings } };
}

interface Range {
  commits: CommitFacts[];
  until: string;
}

/** Commits after `since` up to `until`, oldest first, every page of the comparison. */
async function listSince(client: GithubClient, target: RepositoryTarget, since: string, until: string, warnings: string[]): Promise<Validated<Range>> {
  const commits = new Map<string, CommitFacts>();
  let total = 0;
  let status = '';
  try {
    for (let page = 1; ; page++) {
      const { data } = await client.rest.repos.compareCommitsWithBasehead({ owner: target.owner, repo: target.repo, basehead: `${since}...${until}`, per_page: PAGE, page });
      total = data.total_commits;
      status = data.status;
      const before = commits.size;
      for (const commit of data.commits) commits.set(commit.sha, { ...commitFactsOf(commit), url: commit.html_url });
      if (commits.size >= total || commits.size === before) break;
    }
  } catch (error) {
    const code = (error as { status?: number }).status;
    if (code !== 404 && code !== 422) throw error;
    return { ok: false, problems: [rangeProblem(`commit --sejak ${since} atau --sampai ${until} tidak ditemukan di repositori ini.`, 'sebutkan sha commit yang ada di cabang main (untuk --sejak: commit terbitan terakhir).')] };
  }
  if (commits.size < total) {
    return { ok: false, problems: [rangeProblem(`GitHub hanya mendaftar ${commits.size} dari ${total} commit antara --sejak dan --sampai; izin terbit tidak memeriksa sebagian saja.`, 'terbitkan lebih sering, atau jalankan izin terbit per bagian dengan --sejak dan --sampai yang lebih dekat.')] };
  }
  if (status === 'diverged') warnings.push(`--sejak ${since} tidak lagi ada di riwayat --sampai ${until} (riwayat main ditulis ulang?); yang diperiksa: semua commit sejak titik cabang bersamanya.`);
  const list = [...commits.values()];
  return { ok: true, value: { commits: list, until: tipOf(list) ?? until } };
}

/** Nothing published yet: the whole history of `until`, from its root, if it is short enough. */
async function listHistory(client: GithubClient, target: RepositoryTarget, until: string): Promise<Validated<Range>> {
  try {
    const response = await client.rest.repos.listCommits({ owner: target.owner, repo: target.repo, sha: until, per_page: FIRST_PUBLICATION_LIMIT });
    if (/rel="next"/.test(response.headers.link ?? '')) {
      return {
        ok: false,
        problems: [
          rangeProblem(
            `tidak ada --sejak (belum pernah terbit), dan riwayat main lebih dari ${FIRST_PUBLICATION_LIMIT} commit: izin terbit tidak memeriksa sebagian saja.`,
            'sebutkan commit terbitan terakhir dengan --sejak SHA; bila belum pernah terbit, pilih commit yang isinya sudah diperiksa admin (misalnya commit saat Tayang dipasang).',
          ),
        ],
      };
    }
    const commits = response.data.map((commit) => ({ ...commitFactsOf(commit), url: commit.html_url })).reverse();
    return { ok: true, value: { commits, until: tipOf(commits) ?? until } };
  } catch (error) {
    const code = (error as { status?: number }).status;
    if (code !== 404 && code !== 409 && code !== 422) throw error;
    return { ok: false, problems: [rangeProblem(`commit --sampai ${until} tidak ditemukan (atau repositori masih kosong).`, 'sebutkan sha commit yang ada di cabang main.')] };
  }
}

/** The listed commit no other listed commit descends from (with merges, not always the last listed). */
function tipOf(commits: readonly CommitFacts[]): string | undefined {
  const parents = new Set(commits.flatMap((commit) => commit.parents ?? []));
  return commits.findLast((commit) => !parents.has(commit.sha))?.sha;
}

function rangeProblem(message: string, fix: string): Problem {
  return { file: 'tayang izin-terbit', message, fix };
}

/** Opens the hold issue unless an open one Tayang opened already names the same commits. */
async function openHoldIssue(client: GithubClient, target: RepositoryTarget, report: GateReport, head: { ref: string; sha: string }, options: PublishGateOptions): Promise<HoldIssueOutcome> {
  const { owner, repo } = target;
  // Whom to mention comes from the config being published, not from any PR's.
  const config = await readBaseConfig(client, { owner, repo, pullNumber: 0 }, head);
  const bot = appBotLogin(options.appSlug).toLowerCase();
  const listed = await client.paginate(client.rest.issues.listForRepo, { owner, repo, state: 'open', labels: HOLD_LABEL, per_page: 100 });
  // Only Tayang's own issues: anyone can open one with the marker to silence the next.
  const open: OpenIssue[] = listed.filter((issue) => !issue.pull_request && issue.user?.login.toLowerCase() === bot).map((issue) => ({ number: issue.number, url: issue.html_url, body: issue.body ?? null }));
  const plan = planHoldIssue(report, holdMentions(config.ok ? config.value : null, options.now), open, options.appSlug);
  if (plan.action !== 'create') return plan;
  const { data } = await client.rest.issues.create({ owner, repo, title: plan.title, body: plan.body, labels: plan.labels });
  return { action: 'created', number: data.number, url: data.html_url };
}

/**
 * The release files (`.tayang/lepas-tahan/<sha>.yml`) as main has them at the range's end. A file
 * that does not parse releases nothing and is reported with its line and field.
 */
async function readReleases(client: GithubClient, target: RepositoryTarget, at: string, held: ReadonlySet<string>, warnings: string[]): Promise<Map<string, Release>> {
  const releases = new Map<string, Release>();
  let listing: unknown;
  try {
    ({ data: listing } = await client.rest.repos.getContent({ owner: target.owner, repo: target.repo, path: RELEASE_DIR, ref: at }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return releases;
    throw error;
  }
  if (!Array.isArray(listing)) return releases;
  for (const entry of listing as { type: string; name: string; path: string }[]) {
    const sha = /^([0-9A-Za-z]+)\.yml$/.exec(entry.name)?.[1];
    if (entry.type !== 'file') continue;
    if (!sha || !held.has(sha)) {
      // A short sha or .yaml for a held commit: say so, or the office waits for a release that never comes.
      const stem = entry.name.replace(/\.ya?ml$/, '');
      const meant = [...held].find((full) => stem !== full && stem.length >= 4 && full.startsWith(stem)) ?? (stem !== entry.name && held.has(stem) ? stem : undefined);
      if (meant) warnings.push(`${entry.path}: nama berkas pelepasan harus sha lengkap commit dengan akhiran .yml (${releaseFileOf(meant)}); berkas ini tidak melepas apa pun.`);
      continue;
    }
    const { data } = await client.rest.repos.getContent({ owner: target.owner, repo: target.repo, path: entry.path, ref: at });
    if (Array.isArray(data) || !('content' in data)) continue;
    const parsed = validateYaml(ReleaseSchema, Buffer.from(data.content, 'base64').toString('utf8'), entry.path);
    if (parsed.ok) releases.set(sha, { file: entry.path, ...parsed.value });
    else warnings.push(...parsed.problems.map((p) => `${formatProblem(p).replace(/\s*\n\s*/g, ' ')} Berkas ini tidak melepas commit ${sha.slice(0, 7)}.`));
  }
  return releases;
}
