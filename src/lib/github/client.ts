import { readFile } from 'node:fs/promises';
import Bottleneck from 'bottleneck';
import { Octokit } from 'octokit';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';

/** The REST client every GitHub adapter in Tayang takes (octokit with retry and throttling). */
export type GithubClient = InstanceType<typeof Octokit>;

/**
 * How long the client waits. GitHub asks integrations to leave at least a second between
 * writes and to honour `retry-after`; tests shrink the units so they stay fast.
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
export interface ClientPacing {
  /** Milliseconds per second of `retry-after` / retry back-off. */
  retryUnitMs: number;
  /** Minimum gap between two writes. */
  writeIntervalMs: number;
}

export const GITHUB_PACING: ClientPacing = { retryUnitMs: 1000, writeIntervalMs: 1000 };

/** Rate limits we wait out instead of failing the CI run: retry-after at most this long. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_RATE_LIMIT_RETRIES = 2;

export interface GithubClientOptions {
  token: string;
  /** `GITHUB_API_URL`: https://api.github.com, https://ghes.example.go.id/api/v3, or a test server. */
  baseUrl?: string;
  pacing?: ClientPacing;
}

export function makeGithubClient({ token, baseUrl = 'https://api.github.com', pacing = GITHUB_PACING }: GithubClientOptions): GithubClient {
  const waitOut = (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const retry = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
    process.stderr.write(
      retry
        ? `batas laju GitHub tercapai (${options.method} ${options.url}); mencoba lagi setelah ${retryAfter} detik.\n`
        : `batas laju GitHub tercapai (${options.method} ${options.url}); berhenti mencoba.\n`,
    );
    return retry;
  };
  return new Octokit({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: 'tayang',
    retry: { retryAfterBaseValue: pacing.retryUnitMs },
    throttle: {
      onRateLimit: waitOut,
      onSecondaryRateLimit: waitOut,
      retryAfterBaseValue: pacing.retryUnitMs,
      // Our own groups: the plugin's defaults are process-wide and fixed at 1 s (writes) and
      // 3 s (writes that notify people), which we keep in production through `pacing`.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.writeIntervalMs }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.writeIntervalMs * 3 }),
    },
  });
}

/** The repository's default branch (main on most, but an office may call it otherwise). */
export async function readDefaultBranch(client: GithubClient, repository: { owner: string; repo: string }): Promise<string> {
  const { data } = await client.rest.repos.get({ owner: repository.owner, repo: repository.repo });
  return data.default_branch;
}

/** Which repository, and how to reach its API. */
export interface RepositoryContext {
  token: string;
  baseUrl: string;
  owner: string;
  repo: string;
}

/** What a GitHub Actions run tells us: the repository, and which pull request. */
export interface ActionsContext extends RepositoryContext {
  pullNumber: number;
}

type Env = Record<string, string | undefined>;

const ENV = 'lingkungan (variabel env)';

/** Reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL (GitHub Actions sets all three). */
export function readRepositoryContext(env: Env): Validated<RepositoryContext> {
  const problems: Problem[] = [];
  const token = env.GITHUB_TOKEN ?? '';
  if (token === '') {
    problems.push({
      file: ENV,
      field: 'GITHUB_TOKEN',
      message: 'token GitHub tidak ada.',
      fix: 'di workflow, tambahkan `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` (atau token GitHub App); di komputer sendiri, ekspor token yang punya izin yang diperlukan.',
    });
  }
  const repository = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (!repository) {
    problems.push({
      file: ENV,
      field: 'GITHUB_REPOSITORY',
      message: env.GITHUB_REPOSITORY ? `"${env.GITHUB_REPOSITORY}" bukan nama repositori yang sah.` : 'nama repositori tidak ada.',
      fix: 'isi dengan pemilik/nama, misalnya kecamatan-jenawi/situs (GitHub Actions mengisinya sendiri).',
    });
  }
  if (problems.length > 0 || !repository) return { ok: false, problems };
  return { ok: true, value: { token, baseUrl: env.GITHUB_API_URL || 'https://api.github.com', owner: repository[1]!, repo: repository[2]! } };
}

/**
 * Tayang's GitHub App id (TAYANG_APP_ID, a repository variable): the required check and the
 * ruleset are pinned to it, and only that App's own check runs are read back.
 */
export function readAppId(env: Env): Validated<number> {
  const text = env.TAYANG_APP_ID ?? '';
  if (/^[1-9]\d*$/.test(text)) return { ok: true, value: Number(text) };
  return {
    ok: false,
    problems: [
      {
        file: ENV,
        field: 'TAYANG_APP_ID',
        message: text ? `"${text}" bukan nomor App GitHub.` : 'nomor App GitHub Tayang tidak ada.',
        fix: 'buat App Tayang (lihat docs/keamanan.md), lalu simpan nomornya (App ID) sebagai variabel repositori TAYANG_APP_ID; workflow meneruskannya lewat `env: TAYANG_APP_ID: ${{ vars.TAYANG_APP_ID }}`.',
      },
    ],
  };
}

/**
 * The repository context plus the PR number: from `pullNumber` (`--pr N`) when given, otherwise
 * from the event payload at GITHUB_EVENT_PATH.
 */
export async function readActionsContext(env: Env, pullNumber?: number): Promise<Validated<ActionsContext>> {
  const repository = readRepositoryContext(env);
  const problems = repository.ok ? [] : [...repository.problems];
  let number = pullNumber;
  if (number === undefined) {
    const fromEvent = await readPullNumberFromEvent(env.GITHUB_EVENT_PATH);
    if (fromEvent.ok) number = fromEvent.value;
    else problems.push(...fromEvent.problems);
  }
  if (!repository.ok || number === undefined) return { ok: false, problems };
  return { ok: true, value: { ...repository.value, pullNumber: number } };
}

async function readPullNumberFromEvent(path: string | undefined): Promise<Validated<number>> {
  const fix = 'jalankan dari workflow pull_request / pull_request_review, atau sebutkan nomornya dengan --pr N.';
  if (!path) return { ok: false, problems: [{ file: ENV, field: 'GITHUB_EVENT_PATH', message: 'nomor pull request tidak diketahui: tidak ada --pr dan tidak ada berkas event.', fix }] };
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { ok: false, problems: [{ file: path, message: `berkas event GitHub tidak bisa dibaca (${(error as Error).message}).`, fix }] };
  }
  const number = pullNumberOfEvent(payload);
  if (number === undefined) return { ok: false, problems: [{ file: path, field: 'pull_request.number', message: 'event ini bukan tentang sebuah pull request.', fix }] };
  return { ok: true, value: number };
}

/** The PR number of a pull_request, pull_request_target or pull_request_review payload. */
export function pullNumberOfEvent(payload: unknown): number | undefined {
  const number = (payload as { pull_request?: { number?: unknown } } | null)?.pull_request?.number;
  return Number.isInteger(number) && (number as number) > 0 ? (number as number) : undefined;
}
