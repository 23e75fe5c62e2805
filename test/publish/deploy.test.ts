import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ssh2 from 'ssh2';
import { deployToFolder, deployToS3, deployWithSftp, hostKeyIsKnown, listFiles, rsyncArguments } from '../../src/lib/publish/deploy.ts';
import { startFakeSftp } from './sftp-server.ts';

const CREDENTIALS = { accessKeyId: 'AKIDJENAWI', secretAccessKey: 'rahasia-sekali' };

let dist: string;

beforeEach(async () => {
  dist = await mkdtemp(join(tmpdir(), 'tayang-dist-'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Beranda</title>',
    'berita/panen/index.html': '<!doctype html><title>Panen</title>',
    '_astro/gaya.css': 'body{}',
    'dokumen/lra/laporan keuangan.pdf': '%PDF-1.7',
    'sosial/berita/panen/1200x630.jpg': 'jpeg',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), text);
  }
});

describe('deploy to a folder', () => {
  it('mirrors dist: new files copied, files no longer built removed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tayang-www-'));
    await mkdir(join(folder, 'berita/ditarik'), { recursive: true });
    await writeFile(join(folder, 'berita/ditarik/index.html'), 'berita yang ditarik');
    const report = await deployToFolder(dist, folder);
    expect(report).toMatchObject({ uploaded: 5, deleted: 1 });
    expect(await listFiles(folder)).toEqual(await listFiles(dist));
    expect(await readFile(join(folder, 'berita/panen/index.html'), 'utf8')).toContain('Panen');
  });
});

describe('deploy over rsync', () => {
  it('mirrors with --delete over SSH on the configured port', () => {
    expect(rsyncArguments('dist', { tujuan: 'rsync', server: 'deploy@web.jenawi.go.id', folder: '/var/www/jenawi', port: 2222 })).toEqual([
      '--archive',
      '--compress',
      '--checksum',
      '--delete',
      '-e',
      'ssh -p 2222 -o BatchMode=yes',
      'dist/',
      'deploy@web.jenawi.go.id:/var/www/jenawi/',
    ]);
  });
});

// ---- a small S3-compatible server that checks AWS Signature Version 4 independently ----------

const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** Recomputes the SigV4 signature of a received request; returns why it is wrong, or undefined. */
function checkSignature(request: IncomingMessage, body: Buffer, region: string): string | undefined {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(request.headers.authorization ?? '');
  if (!auth) return `Authorization malformed: ${request.headers.authorization}`;
  const [, keyId, day, signedRegion, signedHeaders, signature] = auth;
  if (keyId !== CREDENTIALS.accessKeyId || signedRegion !== region) return 'wrong credential scope';
  const names = signedHeaders!.split(';');
  for (const required of ['host', 'x-amz-content-sha256', 'x-amz-date']) if (!names.includes(required)) return `${required} not signed`;
  if (request.headers['x-amz-content-sha256'] !== sha256(body)) return 'payload hash does not match the body';
  const [path, query = ''] = (request.url ?? '/').split('?');
  const canonicalQuery = [...new URLSearchParams(query)].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join('&');
  const canonicalHeaders = names.map((n) => `${n}:${String(request.headers[n]).trim()}\n`).join('');
  const canonical = [request.method, path, canonicalQuery, canonicalHeaders, signedHeaders, request.headers['x-amz-content-sha256']].join('\n');
  const amzDate = String(request.headers['x-amz-date']);
  const toSign = ['AWS4-HMAC-SHA256', amzDate, `${day}/${region}/s3/aws4_request`, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${CREDENTIALS.secretAccessKey}`, day!), region), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex') === signature ? undefined : 'signature does not match';
}

interface FakeS3 {
  url: string;
  objects: Map<string, { body: Buffer; type: string }>;
  log: string[];
  failNextPut: number;
  close: () => Promise<void>;
}

async function startFakeS3(bucket: string, region: string): Promise<FakeS3> {
  const s3: FakeS3 = { url: '', objects: new Map(), log: [], failNextPut: 0, close: async () => {} };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? '/', 'http://s3');
    s3.log.push(`${request.method} ${url.pathname}`);
    const wrong = checkSignature(request, body, region);
    if (wrong) {
      response.writeHead(403).end(`<Error><Code>SignatureDoesNotMatch</Code><Message>${wrong}</Message></Error>`);
      return;
    }
    const key = decodeURIComponent(url.pathname.slice(`/${bucket}/`.length));
    if (request.method === 'PUT') {
      if (s3.failNextPut-- > 0) return void response.writeHead(503).end('<Error><Code>SlowDown</Code></Error>');
      s3.objects.set(key, { body, type: String(request.headers['content-type']) });
      return void response.writeHead(200).end();
    }
    if (request.method === 'DELETE') {
      s3.objects.delete(key);
      return void response.writeHead(204).end();
    }
    if (request.method === 'GET' && url.searchParams.get('list-type') === '2') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const keys = [...s3.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      const xml = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><IsTruncated>false</IsTruncated>${keys.map((k) => `<Contents><Key>${k.replace(/&/g, '&amp;')}</Key></Contents>`).join('')}</ListBucketResult>`;
      return void response.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
    }
    response.writeHead(400).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s3.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s3.close = () => new Promise((resolve) => server.close(() => resolve()));
  return s3;
}

describe('deploy to S3-compatible storage', () => {
  let s3: FakeS3;
  beforeEach(async () => {
    s3 = await startFakeS3('situs-jenawi', 'id-jkt-1');
  });
  afterEach(() => s3.close());

  it('PUTs every file under the prefix with a valid SigV4 signature and its content type, and deletes what is no longer built', async () => {
    s3.objects.set('www/berita/ditarik/index.html', { body: Buffer.from('lama'), type: 'text/html' });
    s3.objects.set('arsip/2024.zip', { body: Buffer.from('bukan milik situs'), type: 'application/zip' });
    s3.failNextPut = 1;
    const sleeps: number[] = [];
    const report = await deployToS3(dist, { tujuan: 's3', endpoint: s3.url, bucket: 'situs-jenawi', wilayah: 'id-jkt-1', awalan: 'www/' }, CREDENTIALS, {
      attempts: 3,
      baseDelayMs: 500,
      maxDelayMs: 10_000,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(report).toMatchObject({ uploaded: 5, deleted: 1 });
    expect(s3.log.filter((l) => l.startsWith('PUT'))).toHaveLength(6); // one retried after 503
    expect(sleeps).toEqual([500]);
    expect([...s3.objects.keys()].sort()).toEqual([
      'arsip/2024.zip',
      'www/_astro/gaya.css',
      'www/berita/panen/index.html',
      'www/dokumen/lra/laporan keuangan.pdf',
      'www/index.html',
      'www/sosial/berita/panen/1200x630.jpg',
    ]);
    expect(s3.objects.get('www/index.html')!.type).toBe('text/html; charset=utf-8');
    expect(s3.objects.get('www/dokumen/lra/laporan keuangan.pdf')!.type).toBe('application/pdf');
    expect(s3.objects.get('www/_astro/gaya.css')!.body.toString()).toBe('body{}');
  });

  it('stops with the server’s answer when the keys are wrong', async () => {
    await expect(
      deployToS3(dist, { tujuan: 's3', endpoint: s3.url, bucket: 'situs-jenawi', wilayah: 'id-jkt-1', awalan: '' }, { ...CREDENTIALS, secretAccessKey: 'salah' }),
    ).rejects.toThrow(/HTTP 403.*signature does not match/);
  });
});

describe('deploy over SFTP', () => {
  it('uploads every file into the folder over an authenticated, host-verified SSH connection and removes stale files', async () => {
    const serverRoot = await mkdtemp(join(tmpdir(), 'tayang-sftp-'));
    await mkdir(join(serverRoot, 'home/situs/public_html/berita/ditarik'), { recursive: true });
    await writeFile(join(serverRoot, 'home/situs/public_html/berita/ditarik/index.html'), 'lama');
    const clientKeys = ssh2.utils.generateKeyPairSync('ed25519');
    const sftp = await startFakeSftp(serverRoot, clientKeys.public, 'situs');
    try {
      const target = { tujuan: 'sftp' as const, server: 'situs@127.0.0.1', folder: '/home/situs/public_html', port: sftp.port };
      const knownHosts = `[127.0.0.1]:${sftp.port} ${sftp.hostKeyType} ${sftp.hostKey}\n`;
      const report = await deployWithSftp(dist, target, { privateKey: clientKeys.private, knownHosts });
      expect(report).toMatchObject({ uploaded: 5, deleted: 1 });
      const folder = join(serverRoot, 'home/situs/public_html');
      expect((await listFiles(folder)).filter((f) => !f.startsWith('berita/ditarik'))).toEqual(await listFiles(dist));
      expect(await readFile(join(folder, 'dokumen/lra/laporan keuangan.pdf'), 'utf8')).toBe('%PDF-1.7');
      expect(sftp.log).toContain('REMOVE /home/situs/public_html/berita/ditarik/index.html');

      // A server whose host key is not the known one gets nothing.
      const before = sftp.log.length;
      const other = ssh2.utils.generateKeyPairSync('ed25519');
      const otherKey = ssh2.utils.parseKey(other.public) as ssh2.ParsedKey;
      await expect(deployWithSftp(dist, target, { privateKey: clientKeys.private, knownHosts: `[127.0.0.1]:${sftp.port} ${otherKey.type} ${otherKey.getPublicSSH().toString('base64')}` })).rejects.toThrow(/SFTP/);
      expect(sftp.log.slice(before).filter((entry) => !entry.startsWith('ERROR'))).toEqual([]);
    } finally {
      await sftp.close();
    }
  });

  it('matches plain and hashed known_hosts names', () => {
    const key = Buffer.from('kunci-server');
    const salt = Buffer.from('garam-acak-20byte!!!');
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('web.jenawi.go.id').digest('base64')}`;
    expect(hostKeyIsKnown(`web.jenawi.go.id ssh-ed25519 ${key.toString('base64')}`, 'web.jenawi.go.id', 22, key)).toBe(true);
    expect(hostKeyIsKnown(`${hashed} ssh-ed25519 ${key.toString('base64')}`, 'web.jenawi.go.id', 22, key)).toBe(true);
    expect(hostKeyIsKnown(`web.jenawi.go.id ssh-ed25519 ${key.toString('base64')}`, 'web.jenawi.go.id', 2222, key)).toBe(false);
    expect(hostKeyIsKnown(`web.lain.go.id ssh-ed25519 ${key.toString('base64')}`, 'web.jenawi.go.id', 22, key)).toBe(false);
  });
});
