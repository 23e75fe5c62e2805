import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/schema.ts';
import type { Item } from '../content/load.ts';
import { itemUrl, type SocialPost } from '../social/kit.ts';
import {
  ckanAuth,
  DEFAULT_ENDPOINTS,
  graphAuth,
  oauth1Auth,
  planCkan,
  planFacebook,
  planInstagram,
  planX,
  RESULT_TEMPLATES,
  type Endpoints,
  type KitLocation,
  type OAuth1Credentials,
  type PostPlan,
} from './adapters.ts';
import { DEFAULT_RETRY, DEFAULT_TIMEOUTS, describeStep, fillRequest, runSteps, StepError, type Authorize, type RetryPolicy, type Timeouts } from './http.ts';
import { decide, followMovedItems, writeItemLedger, type Entry, type ItemLedger, type Ledger, type Target } from './ledger.ts';
import { TARGET_NAMES } from './render.ts';

/** Tokens from the environment (GitHub secrets). A platform without its tokens is only shown (dry run). */
export interface Credentials {
  facebook?: { pageId: string; token: string };
  instagram?: { userId: string; token: string };
  x?: OAuth1Credentials;
  satu_data?: { token: string };
}

type Env = Record<string, string | undefined>;

/** The secrets' names, documented in docs/terbit.md. */
export function readCredentials(env: Env): Credentials {
  const all = (...names: string[]) => (names.every((n) => (env[n] ?? '') !== '') ? names.map((n) => env[n]!) : undefined);
  const facebook = all('FACEBOOK_PAGE_ID', 'FACEBOOK_PAGE_TOKEN');
  const instagram = all('INSTAGRAM_USER_ID', 'INSTAGRAM_TOKEN');
  const x = all('X_API_KEY', 'X_API_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_TOKEN_SECRET');
  const ckan = all('SATU_DATA_TOKEN');
  return {
    facebook: facebook && { pageId: facebook[0]!, token: facebook[1]! },
    instagram: instagram && { userId: instagram[0]!, token: instagram[1]! },
    x: x && { consumerKey: x[0]!, consumerSecret: x[1]!, token: x[2]!, tokenSecret: x[3]! },
    satu_data: ckan && { token: ckan[0]! },
  };
}

export function readEndpoints(env: Env): Endpoints {
  return { graph: env.TAYANG_GRAPH_API_URL || DEFAULT_ENDPOINTS.graph, x: env.TAYANG_X_API_URL || DEFAULT_ENDPOINTS.x };
}

/** This run's identity: a GitHub Actions run (and attempt), or a local process. */
export function runId(env: Env, now: Date): string {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : `lokal-${now.toISOString()}-${process.pid}`;
}

/** Platforms without a posting API: the kit's text is posted by hand and the link reported back. */
const MANUAL: readonly Target[] = ['whatsapp', 'youtube'];

export function hashPost(post: SocialPost): string {
  return createHash('sha256').update(JSON.stringify({ text: post.text, title: post.title, url: post.url, images: post.images })).digest('hex');
}

/** Placeholder ids used in dry runs, where the platform is never asked. */
const DRY_IDS = { pageId: '{FACEBOOK_PAGE_ID}', userId: '{INSTAGRAM_USER_ID}' };

export interface PlanInput {
  items: readonly Item[];
  /** The kit's manifest (`tayang sosial`). */
  posts: readonly SocialPost[];
  config: Config;
  kit: KitLocation;
  credentials: Credentials;
  endpoints: Endpoints;
  /** Repository root: item folders are relative to it. */
  root: string;
  /** Astro's base path (TAYANG_BASE). */
  base?: string;
}

export interface ManualPost {
  item: string;
  target: Target;
  hash: string;
}

/** Plans every post of the selected items (and the Satu Data entry of `data` items). */
export async function planSending({ items, posts, config, kit, credentials, endpoints, root, base = '/' }: PlanInput): Promise<{ plans: PostPlan[]; manual: ManualPost[] }> {
  const plans: PostPlan[] = [];
  const manual: ManualPost[] = [];
  const wanted = new Set(items.map((i) => i.dir));
  for (const post of posts) {
    if (!wanted.has(post.item)) continue;
    const hash = hashPost(post);
    if (MANUAL.includes(post.platform)) {
      manual.push({ item: post.item, target: post.platform, hash });
      continue;
    }
    const steps =
      post.platform === 'facebook'
        ? planFacebook(post, credentials.facebook?.pageId ?? DRY_IDS.pageId, kit, endpoints)
        : post.platform === 'instagram'
          ? planInstagram(post, credentials.instagram?.userId ?? DRY_IDS.userId, kit, endpoints)
          : planX(post, kit, endpoints);
    plans.push({ item: post.item, target: post.platform, hash, steps, result: RESULT_TEMPLATES[post.platform as 'facebook' | 'instagram' | 'x'] });
  }
  const portal = config.kantor.kanal.satu_data;
  const organisation = config.publikasi.satu_data;
  if (portal && organisation) {
    for (const item of items) {
      if (item.jenis !== 'data') continue;
      const pageUrl = posts.find((p) => p.item === item.dir)?.url ?? itemUrl(config.kantor.situs, base, item);
      const { steps, result, file } = planCkan(item, root, portal, organisation.organisasi, organisation.lisensi, pageUrl);
      const hash = createHash('sha256').update(JSON.stringify(steps[0]!.request.json)).update(await readFile(file)).digest('hex');
      plans.push({ item: item.dir, target: 'satu_data', hash, steps, result });
    }
  }
  return { plans, manual };
}

export type Outcome =
  | { item: string; target: Target; state: 'posted'; url: string; id?: string }
  | { item: string; target: Target; state: 'failed'; error: string; attempts: number }
  | { item: string; target: Target; state: 'skipped'; reason: 'posted' | 'uncertain' | 'manual'; url?: string }
  /** Maybe posted: `error` says how the answer was lost; without it, an earlier run died while sending. */
  | { item: string; target: Target; state: 'uncertain'; error?: string }
  /** Not tried in this run: its platform did not answer an earlier post (`reason`); sent on the next run. */
  | { item: string; target: Target; state: 'deferred'; reason: string }
  /** The item's folder was renamed or moved (from `from`); its record came along. About the item, not one platform. */
  | { item: string; target?: undefined; state: 'moved'; from: string }
  | { item: string; target: Target; state: 'manual' }
  | { item: string; target: Target; state: 'intent' }
  | { item: string; target: Target; state: 'dry-run'; plan: string; reason: 'kering' | 'tanpa-token' };

export interface SendOptions {
  root: string;
  run: string;
  now: () => Date;
  credentials: Credentials;
  /** `--kering`: show everything, send nothing, record nothing. */
  dryRun: boolean;
  /** `--niat`: only record intents (the workflow commits them before the real run). */
  intentOnly: boolean;
  retry?: RetryPolicy;
  /** For tests: short timeouts. */
  timeouts?: Timeouts;
  /** For tests: a fixed OAuth clock and nonce. */
  authorizers?: Partial<Record<Target, Authorize>>;
}

function authorizerFor(target: Target, options: SendOptions): Authorize | undefined {
  const override = options.authorizers?.[target];
  if (override) return override;
  const c = options.credentials;
  switch (target) {
    case 'facebook':
      return c.facebook && graphAuth(c.facebook.token);
    case 'instagram':
      return c.instagram && graphAuth(c.instagram.token);
    case 'x':
      return c.x && oauth1Auth(c.x, options.now);
    case 'satu_data':
      return c.satu_data && ckanAuth(c.satu_data.token);
    default:
      return undefined;
  }
}

function fill(template: string, values: Record<string, string>): string {
  return fillRequest({ method: 'GET', url: template }, values).url;
}

/**
 * Sends what the ledger says is still owed, recording an intent before each send and the
 * result after it (see ledger.ts for why an unfinished intent is never resent blindly).
 * Failures are recorded and the run goes on: one platform's outage must not block the others.
 * A post whose answer was lost becomes `uncertain`, never resent without a person's word. A
 * platform that did not answer in time is not asked again in this run: its later posts are
 * recorded as not sent (and sent next run), so a hang costs one timeout, not the whole job.
 */
export async function sendPlanned(
  plans: readonly PostPlan[],
  manual: readonly ManualPost[],
  ledger: Ledger,
  options: SendOptions,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const recordOf = (item: string): ItemLedger => {
    let record = ledger.get(item);
    if (!record) ledger.set(item, (record = { item, posts: {} }));
    return record;
  };
  const save = async (item: string, target: Target, entry: Entry) => {
    const record = recordOf(item);
    record.posts[target] = entry;
    if (!options.dryRun) await writeItemLedger(options.root, record);
  };
  const at = () => options.now().toISOString();
  const send = { retry: options.retry ?? DEFAULT_RETRY, timeouts: options.timeouts ?? DEFAULT_TIMEOUTS };
  /** Platforms that did not answer in time in this run, with what happened. */
  const unanswered = new Map<Target, string>();

  const folders = [...new Set([...manual, ...plans].map((p) => p.item))];
  for (const move of await followMovedItems(ledger, folders, options.root, { write: !options.dryRun })) {
    outcomes.push({ item: move.to, state: 'moved', from: move.from });
  }

  for (const m of manual) {
    const entry = ledger.get(m.item)?.posts[m.target];
    if (entry) {
      outcomes.push(entry.state === 'posted' ? { item: m.item, target: m.target, state: 'skipped', reason: 'posted', url: entry.url } : { item: m.item, target: m.target, state: 'manual' });
      continue;
    }
    await save(m.item, m.target, { state: 'manual', hash: m.hash, at: at() });
    outcomes.push({ item: m.item, target: m.target, state: 'manual' });
  }

  for (const plan of plans) {
    const entry = ledger.get(plan.item)?.posts[plan.target];
    // Satu Data is an upsert: sending it again updates the same dataset.
    const updatable = plan.target === 'satu_data';
    const decision = decide(entry, plan.hash, options.run, updatable);
    if (decision.action === 'skip') {
      outcomes.push({ item: plan.item, target: plan.target, state: 'skipped', reason: decision.reason, url: entry?.state === 'posted' ? entry.url : undefined });
      continue;
    }
    if (decision.action === 'mark-uncertain') {
      await save(plan.item, plan.target, { ...decision.entry, state: 'uncertain' });
      outcomes.push({ item: plan.item, target: plan.target, state: 'uncertain' });
      continue;
    }
    const authorize = authorizerFor(plan.target, options);
    if (options.dryRun || !authorize) {
      outcomes.push({ item: plan.item, target: plan.target, state: 'dry-run', plan: plan.steps.map(describeStep).join('\n'), reason: options.dryRun ? 'kering' : 'tanpa-token' });
      continue;
    }
    const attempts = decision.action === 'send' ? decision.attempts : 0;
    const hung = unanswered.get(plan.target);
    if (hung) {
      const reason = `${TARGET_NAMES[plan.target]} tidak menjawab kiriman sebelumnya pada jalan ini (${hung})`;
      await save(plan.item, plan.target, { state: 'failed', hash: plan.hash, error: `tidak dicoba: ${reason}`, at: at(), attempts });
      outcomes.push({ item: plan.item, target: plan.target, state: 'deferred', reason });
      continue;
    }
    if (!(entry?.state === 'intent' && entry.run === options.run)) {
      await save(plan.item, plan.target, { state: 'intent', hash: plan.hash, run: options.run, at: at(), attempts });
    }
    if (options.intentOnly) {
      outcomes.push({ item: plan.item, target: plan.target, state: 'intent' });
      continue;
    }
    let values: Record<string, string>;
    try {
      values = await runSteps(plan.steps, authorize, send);
    } catch (error) {
      const message = (error as Error).message;
      if (error instanceof StepError && error.timedOut) unanswered.set(plan.target, message);
      // An upsert settles itself on the next run: it finds what this one made.
      if (error instanceof StepError && error.maybePosted && !updatable) {
        await save(plan.item, plan.target, { state: 'uncertain', hash: plan.hash, run: options.run, at: at(), attempts: attempts + 1, error: message });
        outcomes.push({ item: plan.item, target: plan.target, state: 'uncertain', error: message });
      } else {
        await save(plan.item, plan.target, { state: 'failed', hash: plan.hash, error: message, at: at(), attempts: attempts + 1 });
        outcomes.push({ item: plan.item, target: plan.target, state: 'failed', error: message, attempts: attempts + 1 });
      }
      continue;
    }
    // Outside the try: if recording the result fails, the intent stays and the next run must
    // not resend (it would, were this recorded as a failure).
    const url = fill(plan.result.url, values);
    const id = fill(plan.result.id, values);
    await save(plan.item, plan.target, { state: 'posted', hash: plan.hash, id, url, at: at() });
    outcomes.push({ item: plan.item, target: plan.target, state: 'posted', url, id });
  }
  return outcomes;
}
