import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import aws4 from 'aws4';
import type { DeployTarget } from '../config/publikasi.ts';
import { ProblemsError } from '../errors/problem.ts';
import { mediaTypeOf } from '../site/media-types.ts';
import { listFiles } from './deploy.ts';
import { DEFAULT_RETRY, DEFAULT_TIMEOUTS, HttpError, type RetryPolicy, type Timeouts } from './http.ts';
import { compareReleases, newReleaseId, releaseBefore, sortReleases, step, type DeployReport, type ReleaseOptions, type RollbackReport } from './releases.ts';

/**
 * Deploys to S3-compatible object storage at a provider in Indonesia (PP 71/2019). Object
 * storage has no atomic switch: objects change one at a time. What a deploy guarantees instead
 * is that every page a visitor can reach links only to files that are there, old or new:
 *
 * 1. files that are not pages (hashed `_astro/…` assets, images, PDFs): new ones, then changed;
 * 2. pages (HTML, and the XML sitemaps and feeds that list pages) that did not exist: no served
 *    page links to them yet;
 * 3. the pages that existed, which may now link to what steps 1–2 put there;
 * 4. only when all of that succeeded, the objects the release no longer has: pages first, so that
 *    a withdrawn page still served never links to a file already removed.
 *
 * A deploy that stops anywhere leaves old pages linking to old files (none removed yet) and new
 * pages linking to files uploaded before them. A new page no served page links to yet may for a
 * moment link to another new page not uploaded yet; no visitor can reach it by following links.
 *
 * Rollback: every release is kept in the bucket beside the site, under `<awalan>.rilis/`
 * (`www/` → `www.rilis/`): each file's content once, named by its SHA-256 (`objek/<sha256>`), a
 * manifest per release (`<id>.json`: path → SHA-256) and `sedang-tayang.json`, the release being
 * served. A rollback applies the release before it from those copies, in the same order.
 */

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

type S3Target = Extract<DeployTarget, { tujuan: 's3' }>;

interface Manifest {
  release: string;
  /** Path under `awalan` → SHA-256 of its content. */
  files: Record<string, string>;
}

/** Where the releases of the site at `awalan` are kept: `www/` → `www.rilis/`, the bucket's root → `.rilis/`. */
export function releasesPrefix(awalan: string): string {
  return `${awalan.replace(/\/+$/, '')}.rilis/`;
}

/** Path-style addressing (`<endpoint>/<bucket>/<key>`): what every S3-compatible provider accepts. */
function objectUrl(target: S3Target, key: string): URL {
  const base = new URL(target.endpoint);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/${target.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return base;
}

function decodeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name]!);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The bucket's objects: PUT, GET (undefined when absent), DELETE, list; signed (SigV4), each
 * attempt with a timeout, and retried: every one of them may be sent again without harm.
 */
function openBucket(target: S3Target, credentials: S3Credentials, retry: RetryPolicy, timeouts: Timeouts) {
  async function request(method: 'PUT' | 'GET' | 'DELETE', url: URL, body?: Buffer, headers: Record<string, string> = {}): Promise<Buffer> {
    for (let attempt = 0; ; attempt++) {
      // Signed per attempt: the signature carries the time.
      const payload = body ?? Buffer.alloc(0);
      const signed = aws4.sign(
        { host: url.host, path: `${url.pathname}${url.search}`, method, service: 's3', region: target.wilayah, headers: { ...headers, 'x-amz-content-sha256': sha256(payload) }, body },
        credentials,
      );
      const timeoutMs = method === 'PUT' ? timeouts.uploadMs : timeouts.apiMs;
      const signal = AbortSignal.timeout(timeoutMs);
      const answer = await fetch(url, { method, headers: signed.headers, body: method === 'PUT' ? new Uint8Array(payload) : undefined, signal })
        .then(async (response) => ({ response, body: Buffer.from(await response.arrayBuffer()) }))
        .catch((error: Error) => (signal.aborted ? new Error(`tidak ada jawaban dalam ${timeoutMs / 1000} detik`) : error));
      if (!(answer instanceof Error) && answer.response.ok) return answer.body;
      const status = answer instanceof Error ? 0 : answer.response.status;
      const text = answer instanceof Error ? answer.message : answer.body.toString('utf8');
      if ((status !== 0 && status !== 429 && status < 500) || attempt + 1 >= retry.attempts) {
        throw new HttpError(status, `${method} ${decodeURIComponent(url.pathname)} dijawab ${status === 0 ? 'galat jaringan' : `HTTP ${status}`}: ${text.slice(0, 300)}`);
      }
      await retry.sleep(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt));
    }
  }
  return {
    put: (key: string, body: Buffer, type: string) => request('PUT', objectUrl(target, key), body, { 'content-type': type }),
    get: (key: string) => request('GET', objectUrl(target, key)).catch((error: unknown) => (error instanceof HttpError && error.status === 404 ? undefined : Promise.reject(error))),
    remove: (key: string) => request('DELETE', objectUrl(target, key)),
    /** Keys under a prefix (ListObjectsV2, page by page). */
    async list(prefix: string): Promise<string[]> {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const url = objectUrl(target, '');
        url.searchParams.set('list-type', '2');
        if (prefix) url.searchParams.set('prefix', prefix);
        if (token) url.searchParams.set('continuation-token', token);
        const xml = (await request('GET', url)).toString('utf8');
        for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(decodeXml(match[1]!));
        token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? decodeXml(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? '') : undefined;
      } while (token);
      return keys;
    },
  };
}

type Bucket = ReturnType<typeof openBucket>;

/** Pages and the files that list pages: what goes live only after everything they may link to. */
const LINKS_TO_PAGES = /\.(html?|xml)$/i;

/** The order in which a release's files go live over what is served now (see the module comment). */
export function uploadOrder(files: readonly string[], served: ReadonlySet<string>): string[] {
  const rank = (file: string) => (LINKS_TO_PAGES.test(file) ? 2 : 0) + (served.has(file) ? 1 : 0);
  return [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The site's objects now, without the kept releases (inside the site's prefix when that is the bucket's root). */
async function servedKeys(bucket: Bucket, target: S3Target): Promise<string[]> {
  const releases = releasesPrefix(target.awalan);
  return (await bucket.list(target.awalan)).filter((key) => !key.startsWith(releases));
}

/** Puts a release live in the safe order; returns how many stale objects it removed. */
async function applyRelease(bucket: Bucket, target: S3Target, manifest: Manifest, content: (file: string, sha: string) => Promise<Buffer>, where: string, fixUpload: string): Promise<number> {
  const live = await step(where, 'membaca isi bucket', READ_FIX, () => servedKeys(bucket, target));
  const served = new Set(live.map((key) => key.slice(target.awalan.length)));
  const files = Object.keys(manifest.files);
  await step(where, `mengunggah rilis ${manifest.release}`, fixUpload, async () => {
    for (const file of uploadOrder(files, served)) await bucket.put(`${target.awalan}${file}`, await content(file, manifest.files[file]!), mediaTypeOf(file));
  });
  const wanted = new Set(files.map((file) => `${target.awalan}${file}`));
  const stale = live.filter((key) => !wanted.has(key)).sort((a, b) => Number(!LINKS_TO_PAGES.test(a)) - Number(!LINKS_TO_PAGES.test(b)));
  await step(
    where,
    'menghapus berkas yang tidak ada lagi di rilis ini',
    `semua halaman rilis ${manifest.release} sudah tayang, tetapi halaman yang ditarik mungkin masih bisa dibuka. Jalankan perintah yang sama lagi untuk menuntaskannya.`,
    async () => {
      for (const key of stale) await bucket.remove(key);
    },
  );
  return stale.length;
}

async function readJson<T>(bucket: Bucket, key: string): Promise<T | undefined> {
  const body = await bucket.get(key);
  return body === undefined ? undefined : (JSON.parse(body.toString('utf8')) as T);
}

/** The release being served, even partly (`sedang-tayang.json`). */
async function servedRelease(bucket: Bucket, prefix: string): Promise<string | undefined> {
  return (await readJson<{ release: string }>(bucket, `${prefix}sedang-tayang.json`))?.release;
}

const READ_FIX = 'situs yang tayang tidak berubah. Periksa endpoint, bucket dan kuncinya, lalu jalankan lagi.';

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
const JSON_TYPE = 'application/json; charset=utf-8';

export async function deployToS3(dist: string, target: S3Target, credentials: S3Credentials, options: ReleaseOptions, retry: RetryPolicy = DEFAULT_RETRY, timeouts: Timeouts = DEFAULT_TIMEOUTS): Promise<DeployReport> {
  const bucket = openBucket(target, credentials, retry, timeouts);
  const where = objectUrl(target, target.awalan).href;
  const prefix = releasesPrefix(target.awalan);
  const files = await listFiles(dist);
  const hashes = new Map<string, string>();
  for (const file of files) hashes.set(file, sha256(await readFile(join(dist, file))));

  const { stored, previous } = await step(where, 'membaca rilis yang tersimpan', READ_FIX, async () => ({ stored: await bucket.list(prefix), previous: await servedRelease(bucket, prefix) }));
  const objects = new Set(stored.filter((key) => key.startsWith(`${prefix}objek/`)).map((key) => key.slice(`${prefix}objek/`.length)));
  const listed = sortReleases(stored.map((key) => key.slice(prefix.length).replace(/\.json$/, '')));
  // A release newer than the served one is one a rollback left, or one never put live: rolling
  // back to it later would serve a site withdrawn or never seen. Its copies go with the pruning.
  const withdrawn = previous === undefined ? [] : listed.filter((release) => compareReleases(release, previous) > 0);
  const releases = listed.filter((release) => !withdrawn.includes(release));
  const id = newReleaseId(options.now, listed);
  const manifest: Manifest = { release: id, files: Object.fromEntries(hashes) };

  await step(where, `menyimpan salinan rilis ${id} di ${prefix}`, 'situs yang tayang tidak berubah. Jalankan `tayang terbitkan` lagi setelah masalahnya diatasi.', async () => {
    for (const release of withdrawn) await bucket.remove(`${prefix}${release}.json`);
    const copied = new Set(objects);
    for (const [file, sha] of hashes) {
      if (copied.has(sha)) continue;
      await bucket.put(`${prefix}objek/${sha}`, await readFile(join(dist, file)), 'application/octet-stream');
      copied.add(sha);
    }
    await bucket.put(`${prefix}${id}.json`, json(manifest), JSON_TYPE);
    // Named before the site changes: when the upload stops midway, what is served is partly this
    // release, and a rollback then serves the one before it.
    await bucket.put(`${prefix}sedang-tayang.json`, json({ release: id }), JSON_TYPE);
  });
  const fixUpload = `setiap halaman yang tayang masih menaut ke berkas yang ada: sebagian halaman sudah dari rilis ${id}, sebagian masih dari rilis sebelumnya. Jalankan \`tayang terbitkan\` lagi untuk menuntaskannya${previous ? `, atau \`tayang terbitkan --kembalikan\` untuk kembali ke rilis ${previous}` : ''}.`;
  const deleted = await applyRelease(bucket, target, manifest, async (file) => readFile(join(dist, file)), where, fixUpload);

  const report: DeployReport = { where, release: id, previous, uploaded: files.length, deleted, removedReleases: [], warnings: [] };
  try {
    report.removedReleases = await pruneReleases(bucket, prefix, [...releases, id], options.keep);
  } catch (error) {
    report.warnings.push(`rilis lama di ${prefix} tidak bisa dihapus (${(error as Error).message}); penerbitan berikutnya mencobanya lagi. Situs yang tayang sudah rilis ${id}.`);
  }
  return report;
}

/** Keeps the newest `keep` releases and the copies they name; removes the other releases and copies. */
async function pruneReleases(bucket: Bucket, prefix: string, releases: readonly string[], keep: number): Promise<string[]> {
  const sorted = sortReleases(releases);
  const kept = sorted.slice(-keep);
  const removed = sorted.slice(0, -keep);
  const named = new Set<string>();
  for (const id of kept) for (const sha of Object.values((await readJson<Manifest>(bucket, `${prefix}${id}.json`))?.files ?? {})) named.add(sha);
  for (const id of removed) await bucket.remove(`${prefix}${id}.json`);
  for (const key of await bucket.list(`${prefix}objek/`)) if (!named.has(key.slice(`${prefix}objek/`.length))) await bucket.remove(key);
  return removed;
}

export async function rollbackS3(target: S3Target, credentials: S3Credentials, retry: RetryPolicy = DEFAULT_RETRY, timeouts: Timeouts = DEFAULT_TIMEOUTS): Promise<RollbackReport> {
  const bucket = openBucket(target, credentials, retry, timeouts);
  const where = objectUrl(target, target.awalan).href;
  const prefix = releasesPrefix(target.awalan);
  const { current, releases } = await step(where, 'membaca rilis yang tersimpan', READ_FIX, async () => ({
    current: await servedRelease(bucket, prefix),
    releases: (await bucket.list(prefix)).map((key) => key.slice(prefix.length).replace(/\.json$/, '')),
  }));
  if (current === undefined) {
    throw new ProblemsError([{ file: where, message: `belum ada rilis tersimpan di ${prefix}, jadi tidak ada yang bisa dikembalikan.`, fix: 'rilis disimpan sejak penerbitan pertama dengan Tayang versi ini; batalkan (revert) perubahannya lewat PR yang disetujui, lalu terbitkan lagi.' }]);
  }
  const previous = releaseBefore(releases, current);
  const manifest = previous === undefined ? undefined : await step(where, `membaca daftar berkas rilis ${previous}`, READ_FIX, () => readJson<Manifest>(bucket, `${prefix}${previous}.json`));
  if (previous === undefined || manifest === undefined) {
    throw new ProblemsError([{ file: where, message: `tidak ada rilis sebelum ${current} yang tersimpan di ${prefix}.`, fix: 'batalkan (revert) perubahannya lewat PR yang disetujui, lalu terbitkan lagi.' }]);
  }
  const fixUpload = `setiap halaman yang tayang masih menaut ke berkas yang ada. Jalankan \`tayang terbitkan --kembalikan\` lagi untuk menuntaskannya (tetap ke rilis ${previous}).`;
  await applyRelease(
    bucket,
    target,
    manifest,
    async (file, sha) => {
      const body = await bucket.get(`${prefix}objek/${sha}`);
      if (body === undefined) throw new Error(`salinan ${file} (${prefix}objek/${sha}) tidak ada`);
      return body;
    },
    where,
    fixUpload,
  );
  // Named only now: a rollback that stopped midway is run again towards the same release.
  await step(where, 'mencatat rilis yang tayang', `situs sudah rilis ${previous}; jalankan \`tayang terbitkan --kembalikan\` lagi agar tercatat.`, () =>
    bucket.put(`${prefix}sedang-tayang.json`, json({ release: previous }), JSON_TYPE),
  );
  return { where, release: previous, replaced: current, warnings: [] };
}
