import { execFile } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import aws4 from 'aws4';
import { Client, type FileEntryWithStats, type SFTPWrapper } from 'ssh2';
import type { DeployTarget } from '../config/publikasi.ts';
import { DEFAULT_RETRY, HttpError, type RetryPolicy } from './http.ts';
import { mediaTypeOf } from '../site/media-types.ts';

/**
 * Puts the built site (dist/) where the office's config says: a folder on the runner's machine,
 * a server over rsync/SSH or SFTP, or S3-compatible object storage at a provider in Indonesia
 * (PP 71/2019). GitHub Pages is deployed by the workflow's own actions. Every target mirrors
 * dist/: a page that was withdrawn from the repository disappears from the site too.
 */

export interface DeployReport {
  uploaded: number;
  deleted: number;
  /** Where the site went, for the log. */
  where: string;
}

/** Every file under a folder, as `/`-separated relative paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export async function deployToFolder(dist: string, folder: string): Promise<DeployReport> {
  await mkdir(folder, { recursive: true });
  const wanted = new Set(await listFiles(dist));
  const present = await listFiles(folder);
  const stale = present.filter((file) => !wanted.has(file));
  await cp(dist, folder, { recursive: true, force: true });
  for (const file of stale) await rm(join(folder, file));
  return { uploaded: wanted.size, deleted: stale.length, where: folder };
}

/** rsync's arguments: archive, compress, checksum (CI checkouts have fresh mtimes), mirror with --delete. */
export function rsyncArguments(dist: string, target: Extract<DeployTarget, { tujuan: 'rsync' }>): string[] {
  return ['--archive', '--compress', '--checksum', '--delete', '-e', `ssh -p ${target.port} -o BatchMode=yes`, `${dist.replace(/\/?$/, '/')}`, `${target.server}:${target.folder.replace(/\/?$/, '/')}`];
}

export async function deployWithRsync(dist: string, target: Extract<DeployTarget, { tujuan: 'rsync' }>): Promise<DeployReport> {
  const files = await listFiles(dist);
  await promisify(execFile)('rsync', rsyncArguments(dist, target), { maxBuffer: 16 * 1024 * 1024 });
  return { uploaded: files.length, deleted: 0, where: `${target.server}:${target.folder}` };
}

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

type S3Target = Extract<DeployTarget, { tujuan: 's3' }>;

/** Path-style addressing (`<endpoint>/<bucket>/<key>`): what every S3-compatible provider accepts. */
function objectUrl(target: S3Target, key: string): URL {
  const base = new URL(target.endpoint);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/${target.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return base;
}

async function s3Request(method: 'PUT' | 'GET' | 'DELETE', url: URL, region: string, credentials: S3Credentials, body: Buffer | undefined, headers: Record<string, string>, retry: RetryPolicy): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    // Signed per attempt: the signature carries the time.
    const payload = body ?? Buffer.alloc(0);
    const signed = aws4.sign(
      { host: url.host, path: `${url.pathname}${url.search}`, method, service: 's3', region, headers: { ...headers, 'x-amz-content-sha256': createHash('sha256').update(payload).digest('hex') }, body },
      credentials,
    );
    const response = await fetch(url, { method, headers: signed.headers, body: method === 'PUT' ? new Uint8Array(payload) : undefined }).catch((error: Error) => error);
    if (!(response instanceof Error) && response.ok) return response.text();
    const status = response instanceof Error ? 0 : response.status;
    const text = response instanceof Error ? response.message : await response.text();
    if ((status !== 0 && status !== 429 && status < 500) || attempt + 1 >= retry.attempts) {
      throw new HttpError(status, `${method} ${url.pathname} dijawab ${status === 0 ? 'galat jaringan' : `HTTP ${status}`}: ${text.slice(0, 300)}`);
    }
    await retry.sleep(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt));
  }
}

/** Keys under the prefix (ListObjectsV2, page by page). */
async function listKeys(target: S3Target, credentials: S3Credentials, retry: RetryPolicy): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const url = objectUrl(target, '');
    url.searchParams.set('list-type', '2');
    if (target.awalan) url.searchParams.set('prefix', target.awalan);
    if (token) url.searchParams.set('continuation-token', token);
    const xml = await s3Request('GET', url, target.wilayah, credentials, undefined, {}, retry);
    for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(decodeXml(match[1]!));
    token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? decodeXml(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? '') : undefined;
  } while (token);
  return keys;
}

function decodeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name]!);
}

export async function deployToS3(dist: string, target: S3Target, credentials: S3Credentials, retry: RetryPolicy = DEFAULT_RETRY): Promise<DeployReport> {
  const files = await listFiles(dist);
  for (const file of files) {
    const type = mediaTypeOf(file);
    await s3Request('PUT', objectUrl(target, `${target.awalan}${file}`), target.wilayah, credentials, await readFile(join(dist, file)), { 'content-type': type }, retry);
  }
  const wanted = new Set(files.map((f) => `${target.awalan}${f}`));
  const stale = (await listKeys(target, credentials, retry)).filter((key) => !wanted.has(key));
  for (const key of stale) await s3Request('DELETE', objectUrl(target, key), target.wilayah, credentials, undefined, {}, retry);
  return { uploaded: files.length, deleted: stale.length, where: objectUrl(target, target.awalan).href };
}

// ---- SFTP --------------------------------------------------------------------------------

type SftpTarget = Extract<DeployTarget, { tujuan: 'sftp' }>;

export interface SshCredentials {
  /** OpenSSH private key (the TAYANG_SSH_KEY secret). */
  privateKey: string;
  /** known_hosts lines for the server (the TAYANG_SSH_KNOWN_HOSTS secret, from ssh-keyscan). */
  knownHosts: string;
}

/**
 * Whether known_hosts lists this key for this host (plain or hashed `|1|salt|hash` names; a
 * non-standard port is written `[host]:port`). An unknown server is refused: the site's files
 * must not go to whoever answers on that address.
 */
export function hostKeyIsKnown(knownHosts: string, host: string, port: number, key: Buffer): boolean {
  const name = port === 22 ? host : `[${host}]:${port}`;
  const blob = key.toString('base64');
  return knownHosts.split('\n').some((line) => {
    const [hosts, , keyData] = line.trim().split(/\s+/);
    if (!hosts || hosts.startsWith('#') || keyData !== blob) return false;
    return hosts.split(',').some((entry) => {
      const hashed = /^\|1\|([^|]+)\|(.+)$/.exec(entry);
      if (!hashed) return entry === name;
      return createHmac('sha1', Buffer.from(hashed[1]!, 'base64')).update(name).digest('base64') === hashed[2];
    });
  });
}

async function connectSftp(target: SftpTarget, credentials: SshCredentials): Promise<{ sftp: SFTPWrapper; end: () => void }> {
  const [username, host] = target.server.split('@') as [string, string];
  const client = new Client();
  return new Promise((resolve, reject) => {
    client
      .on('ready', () => {
        client.sftp((error, sftp) => (error ? reject(error) : resolve({ sftp, end: () => client.end() })));
      })
      .on('error', (error) => reject(new Error(`sambungan SFTP ke ${target.server} gagal: ${error.message}`)))
      .connect({
        host,
        port: target.port,
        username,
        privateKey: credentials.privateKey,
        hostVerifier: (key: Buffer) => hostKeyIsKnown(credentials.knownHosts, host, target.port, key),
        readyTimeout: 30_000,
      });
  });
}

async function listRemote(sftp: SFTPWrapper, root: string, dir = ''): Promise<{ files: string[]; dirs: string[] }> {
  const files: string[] = [];
  const dirs: string[] = [];
  let entries: FileEntryWithStats[];
  try {
    entries = await promisify(sftp.readdir.bind(sftp))(posix.join(root, dir));
  } catch {
    return { files, dirs };
  }
  for (const entry of entries) {
    const path = dir === '' ? entry.filename : `${dir}/${entry.filename}`;
    if (entry.attrs.isDirectory()) {
      dirs.push(path);
      const inner = await listRemote(sftp, root, path);
      files.push(...inner.files);
      dirs.push(...inner.dirs);
    } else {
      files.push(path);
    }
  }
  return { files, dirs };
}

export async function deployWithSftp(dist: string, target: SftpTarget, credentials: SshCredentials): Promise<DeployReport> {
  const { sftp, end } = await connectSftp(target, credentials);
  try {
    const files = await listFiles(dist);
    const remote = await listRemote(sftp, target.folder);
    const existingDirs = new Set(['', ...remote.dirs]);
    const mkdir = promisify(sftp.mkdir.bind(sftp)) as (path: string) => Promise<void>;
    const put = promisify(sftp.fastPut.bind(sftp)) as (local: string, remote: string) => Promise<void>;
    const unlink = promisify(sftp.unlink.bind(sftp));
    if (remote.dirs.length === 0) await mkdir(target.folder).catch(() => undefined);
    for (const file of files) {
      const parts = file.split('/').slice(0, -1);
      for (let i = 1; i <= parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        if (!existingDirs.has(dir)) {
          await mkdir(posix.join(target.folder, dir));
          existingDirs.add(dir);
        }
      }
      await put(join(dist, file), posix.join(target.folder, file));
    }
    const wanted = new Set(files);
    const stale = remote.files.filter((file) => !wanted.has(file));
    for (const file of stale) await unlink(posix.join(target.folder, file));
    return { uploaded: files.length, deleted: stale.length, where: `sftp://${target.server}:${target.port}${target.folder}` };
  } finally {
    end();
  }
}
