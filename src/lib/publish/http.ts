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
}

/** Adds credentials to a request just before it is sent (never part of the printed plan). */
export type Authorize = (request: HttpRequest) => { headers?: Record<string, string>; query?: Record<string, string>; form?: Record<string, string> };

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
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

const retryable = (status: number) => status === 429 || status >= 500;

/**
 * Sends one request, retrying on 429 and 5xx (and network errors) with exponential back-off,
 * honouring `Retry-After`. Returns the parsed JSON answer; throws HttpError otherwise.
 */
export async function sendRequest(request: HttpRequest, authorize: Authorize, retry: RetryPolicy = DEFAULT_RETRY): Promise<unknown> {
  let lastError: HttpError | undefined;
  let lastRetryAfter: string | undefined;
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    if (attempt > 0) {
      const retryAfter = Number(lastRetryAfter);
      const backoff = retry.baseDelayMs * 2 ** (attempt - 1);
      await retry.sleep(Math.min(retry.maxDelayMs, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff));
    }
    const { url, init } = await toFetchInit(request, authorize(request));
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      lastError = new HttpError(0, `tidak tersambung ke ${new URL(url).host} (${(error as Error).message})`);
      lastRetryAfter = undefined;
      continue;
    }
    const text = await response.text();
    if (response.ok) {
      try {
        return text === '' ? {} : JSON.parse(text);
      } catch {
        throw new HttpError(response.status, `jawaban ${request.method} ${new URL(url).pathname} bukan JSON.`);
      }
    }
    lastError = new HttpError(response.status, `${request.method} ${new URL(url).pathname} dijawab HTTP ${response.status}: ${text.slice(0, 300)}`);
    lastRetryAfter = response.headers.get('retry-after') ?? undefined;
    if (!retryable(response.status)) throw lastError;
  }
  throw lastError!;
}

function applies(step: Step, values: Record<string, string>): boolean {
  if (step.when === undefined) return true;
  return step.when.startsWith('!') ? values[step.when.slice(1)] === undefined : values[step.when] !== undefined;
}

async function runStep(step: Step, values: Record<string, string>, authorize: Authorize, retry: RetryPolicy): Promise<void> {
  let answer: unknown;
  try {
    answer = await sendRequest(fillRequest(step.request, values), authorize, retry);
  } catch (error) {
    if (step.fallback && error instanceof HttpError && error.status === step.fallback.status) return runStep(step.fallback.step, values, authorize, retry);
    throw error;
  }
  for (const [name, path] of Object.entries(step.capture ?? {})) {
    const optional = path.endsWith('?');
    const value = pick(answer, optional ? path.slice(0, -1) : path);
    if (value !== undefined) values[name] = value;
    else if (!optional) throw new HttpError(200, `${step.label}: jawaban tidak berisi ${path}.`);
  }
}

/** Runs the steps in order, carrying captured values forward; returns every captured value. */
export async function runSteps(steps: readonly Step[], authorize: Authorize, retry: RetryPolicy = DEFAULT_RETRY): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const step of steps) if (applies(step, values)) await runStep(step, values, authorize, retry);
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
