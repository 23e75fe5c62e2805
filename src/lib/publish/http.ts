import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * Posting is described as data — a list of HTTP steps, where a later step may use a value an
 * earlier answer gave (`{{media_id}}`) — and then either printed (dry run: exactly what would be
 * sent, secrets hidden) or executed. One description, so the dry run cannot drift from the
 * real requests. Plain `fetch`; base URLs come from the caller so tests use local servers.
 */

export interface FilePart {
  /** Form field name. */
  name: string;
  path: string;
  type: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  query?: Record<string, string>;
  json?: unknown;
  /** application/x-www-form-urlencoded */
  form?: Record<string, string>;
  multipart?: { fields: Record<string, string>; files: FilePart[] };
}

export interface Step {
  /** What the step does, in Indonesian, for the dry run and error messages. */
  label: string;
  request: HttpRequest;
  /**
   * Values to keep from the JSON answer: variable name → dotted path, e.g. `{ media_id: 'data.id' }`;
   * a path ending in `?` is optional.
   */
  capture?: Record<string, string>;
  /** Run only when this captured variable exists (`!name`: only when it does not). */
  when?: string;
  /** When the request fails with this status, run `step` instead (e.g. update → 404 → create). */
  fallback?: { status: number; step: Step };
  /**
   * Sending it twice does no harm anyone could see — an upsert, an upload that stays invisible
   * until a later step uses it — so it may be sent again when its answer is lost. A GET always
   * may. Any other step may create a public post: once it has reached the platform, a lost
   * answer means "maybe posted", and it is never sent again without a person's confirmation.
   */
  repeatable?: boolean;
}

/** Adds credentials to a request just before it is sent (never part of the printed plan). */
export type Authorize = (request: HttpRequest) => { headers?: Record<string, string>; query?: Record<string, string>; form?: Record<string, string> };

export class HttpError extends Error {
  readonly status: number;
  /** The request reached the platform and may have been acted on (answer lost, 5xx, or an unreadable 2xx). */
  readonly maybeProcessed: boolean;
  /** No answer within the timeout: the platform is not answering. */
  readonly timedOut: boolean;
  constructor(status: number, message: string, { maybeProcessed = false, timedOut = false } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.maybeProcessed = maybeProcessed;
    this.timedOut = timedOut;
  }
}

export interface RetryPolicy {
  attempts: number;
  /** First back-off; doubles each time. */
  baseDelayMs: number;
  /** Longest wait we accept from `Retry-After`. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 2000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** How long to wait for an answer (headers and body) before giving up on a request. */
export interface Timeouts {
  /** An API call. */
  apiMs: number;
  /** A request that carries a file (photo, CSV). */
  uploadMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { apiMs: 30_000, uploadMs: 120_000 };

/** Replaces `{{name}}` with captured values, everywhere in a request. */
export function fillRequest(request: HttpRequest, vars: Record<string, string>): HttpRequest {
  const fill = (value: string) => value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
  const fillRecord = (record?: Record<string, string>) => record && Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fill(v)]));
  const fillJson = (value: unknown): unknown =>
    typeof value === 'string' ? fill(value) : Array.isArray(value) ? value.map(fillJson) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v)])) : value;
  return {
    ...request,
    url: fill(request.url),
    query: fillRecord(request.query),
    form: fillRecord(request.form),
    json: request.json === undefined ? undefined : fillJson(request.json),
    multipart: request.multipart && { fields: fillRecord(request.multipart.fields)!, files: request.multipart.files },
  };
}

function pick(value: unknown, path: string): string | undefined {
  let current = value;
  for (const key of path.split('.')) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return typeof current === 'string' || typeof current === 'number' ? String(current) : undefined;
}

async function toFetchInit(request: HttpRequest, auth: ReturnType<Authorize>): Promise<{ url: string; init: RequestInit }> {
  const url = new URL(request.url);
  for (const [k, v] of Object.entries({ ...request.query, ...auth.query })) url.searchParams.set(k, v);
  const headers: Record<string, string> = { 'user-agent': 'tayang', ...auth.headers };
  let body: BodyInit | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form) {
    body = new URLSearchParams({ ...request.form, ...auth.form });
  } else if (request.multipart) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...request.multipart.fields, ...auth.form })) form.set(k, v);
    for (const file of request.multipart.files) form.set(file.name, new Blob([await readFile(file.path)], { type: file.type }), basename(file.path));
    body = form;
  }
  return { url: url.href, init: { method: request.method, headers, body } };
}

/**
 * Connection errors that prove nothing was sent: the connection was never made. Anything else
 * (reset, closed mid-answer) may come after the platform received the request.
 */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function neverConnected(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return code !== undefined && NOT_CONNECTED.has(code);
}

export interface SendPolicy {
  retry: RetryPolicy;
  timeouts: Timeouts;
  /** Whether the request may be sent again after its answer was lost (see `Step.repeatable`). */
  repeatable: boolean;
}

/**
 * Sends one request and returns its parsed JSON answer; throws HttpError otherwise. Every
 * attempt has a timeout. Retried with exponential back-off (honouring `Retry-After`) only when
 * that cannot post twice: a 429 or a connection never made (the platform did nothing), or a
 * 5xx or lost answer to a repeatable request. A timeout is never retried: a platform that hangs
 * once is not waited on again in this run.
 */
export async function sendRequest(request: HttpRequest, authorize: Authorize, { retry, timeouts, repeatable }: SendPolicy): Promise<unknown> {
  const timeoutMs = request.multipart?.files.length ? timeouts.uploadMs : timeouts.apiMs;
  let lastError: HttpError | undefined;
  let lastRetryAfter: string | undefined;
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    if (attempt > 0) {
      const retryAfter = Number(lastRetryAfter);
      const backoff = retry.baseDelayMs * 2 ** (attempt - 1);
      await retry.sleep(Math.min(retry.maxDelayMs, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff));
    }
    const { url, init } = await toFetchInit(request, authorize(request));
    const where = `${request.method} ${new URL(url).pathname}`;
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { ...init, signal });
      text = await response.text();
    } catch (error) {
      lastRetryAfter = undefined;
      const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
      if (neverConnected(error)) {
        lastError = new HttpError(0, `tidak tersambung ke ${new URL(url).host} (${reason})`);
        continue;
      }
      if (signal.aborted) throw new HttpError(0, `${where}: tidak ada jawaban dalam ${timeoutMs / 1000} detik`, { maybeProcessed: true, timedOut: true });
      lastError = new HttpError(0, `${where}: sambungan putus sebelum jawaban diterima (${reason})`, { maybeProcessed: true });
      if (!repeatable) throw lastError;
      continue;
    }
    if (response.ok) {
      try {
        return text === '' ? {} : JSON.parse(text);
      } catch {
        throw new HttpError(response.status, `jawaban ${where} bukan JSON.`, { maybeProcessed: true });
      }
    }
    lastError = new HttpError(response.status, `${where} dijawab HTTP ${response.status}: ${text.slice(0, 300)}`, { maybeProcessed: response.status >= 500 });
    lastRetryAfter = response.headers.get('retry-after') ?? undefined;
    // 429: refused before processing. 5xx: a gateway may answer it after the platform posted.
    if (!(response.status === 429 || (response.status >= 500 && repeatable))) throw lastError;
  }
  throw lastError!;
}

function applies(step: Step, values: Record<string, string>): boolean {
  if (step.when === undefined) return true;
  return step.when.startsWith('!') ? values[step.when.slice(1)] === undefined : values[step.when] !== undefined;
}

const isRepeatable = (step: Step) => step.repeatable === true || step.request.method === 'GET';

/** Why a plan stopped, and whether something public may already exist. */
export class StepError extends Error {
  /** A step that posts publicly was sent and may have been acted on: sending again could post twice. */
  readonly maybePosted: boolean;
  readonly timedOut: boolean;
  readonly label: string;
  readonly failure: HttpError;
  constructor(label: string, failure: HttpError, maybePosted: boolean) {
    super(`${label}: ${failure.message}`);
    this.name = 'StepError';
    this.label = label;
    this.failure = failure;
    this.maybePosted = maybePosted;
    this.timedOut = failure.timedOut;
  }
}

export interface RunOptions {
  retry: RetryPolicy;
  timeouts: Timeouts;
}

/** Runs one step (or its fallback); returns whether the step that ran posts publicly. */
async function runStep(step: Step, values: Record<string, string>, authorize: Authorize, options: RunOptions): Promise<boolean> {
  const repeatable = isRepeatable(step);
  const fail = (failure: HttpError) => new StepError(step.label, failure, !repeatable && failure.maybeProcessed);
  let answer: unknown;
  try {
    answer = await sendRequest(fillRequest(step.request, values), authorize, { ...options, repeatable });
  } catch (error) {
    // Not an HttpError: it failed before sending (a kit file could not be read).
    if (!(error instanceof HttpError)) throw fail(new HttpError(0, (error as Error).message));
    if (step.fallback && error.status === step.fallback.status) return runStep(step.fallback.step, values, authorize, options);
    throw fail(error);
  }
  for (const [name, path] of Object.entries(step.capture ?? {})) {
    const optional = path.endsWith('?');
    const value = pick(answer, optional ? path.slice(0, -1) : path);
    if (value !== undefined) values[name] = value;
    else if (!optional) throw fail(new HttpError(200, `jawaban tidak berisi ${path}.`, { maybeProcessed: true }));
  }
  return !repeatable;
}

/** Runs the steps in order, carrying captured values forward; returns every captured value. Throws StepError. */
export async function runSteps(steps: readonly Step[], authorize: Authorize, options: RunOptions = { retry: DEFAULT_RETRY, timeouts: DEFAULT_TIMEOUTS }): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  // Once a step that posts publicly has succeeded the post exists: a later failure (its link
  // could not be fetched) must not lead to posting it again.
  let posted = false;
  for (const step of steps) {
    if (!applies(step, values)) continue;
    try {
      posted = (await runStep(step, values, authorize, options)) || posted;
    } catch (error) {
      throw posted && error instanceof StepError ? new StepError(error.label, error.failure, true) : error;
    }
  }
  return values;
}

/** The plan as a person reads it in a dry run: method, URL, parameters; files by path; no secrets. */
export function describeStep(step: Step): string {
  const r = step.request;
  const url = new URL(r.url.replace(/\{\{(\w+)\}\}/g, '%7B$1%7D'));
  for (const [k, v] of Object.entries(r.query ?? {})) url.searchParams.set(k, v);
  const condition = step.when === undefined ? '' : step.when.startsWith('!') ? ` (bila ${step.when.slice(1)} belum ada)` : ` (bila ${step.when} ada)`;
  const lines = [`${step.label}${condition}`, `  ${r.method} ${decodeURI(url.href).replace(/%7B(\w+)%7D/g, '{{$1}}')}`];
  const show = (k: string, v: string) => lines.push(`    ${k} = ${JSON.stringify(v)}`);
  if (r.json !== undefined) lines.push(`    (JSON) ${JSON.stringify(r.json)}`);
  for (const [k, v] of Object.entries(r.form ?? {})) show(k, v);
  if (r.multipart) {
    lines.push('    (multipart/form-data)');
    for (const [k, v] of Object.entries(r.multipart.fields)) show(k, v);
    for (const f of r.multipart.files) lines.push(`    ${f.name} = @${f.path} (${f.type})`);
  }
  if (step.fallback) lines.push(`  bila dijawab HTTP ${step.fallback.status}:`, ...describeStep(step.fallback.step).split('\n').map((l) => `  ${l}`));
  return lines.join('\n');
}
