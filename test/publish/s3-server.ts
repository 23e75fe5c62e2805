import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small S3-compatible server that checks AWS Signature Version 4 independently of the client:
 * PUT, GET and DELETE of objects, ListObjectsV2. Failures can be injected per request.
 */

export const CREDENTIALS = { accessKeyId: 'AKIDJENAWI', secretAccessKey: 'rahasia-sekali' };

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

export interface FakeS3 {
  url: string;
  objects: Map<string, { body: Buffer; type: string }>;
  /** Requests as received: "PUT /bucket/key". */
  log: string[];
  /** The next N PUTs are answered 503 SlowDown (a busy provider; the client retries). */
  failNextPut: number;
  /** Consulted with "METHOD key" before a request is carried out; true answers 500 (with a single attempt, the deploy stops there). */
  fault?: (request: string) => boolean;
  /** Consulted with "METHOD key" likewise; true never answers (a provider that hangs). */
  hang?: (request: string) => boolean;
  close: () => Promise<void>;
}

export async function startFakeS3(bucket: string, region: string): Promise<FakeS3> {
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
    const listing = request.method === 'GET' && url.searchParams.get('list-type') === '2';
    const described = `${request.method} ${listing ? `?prefix=${url.searchParams.get('prefix') ?? ''}` : key}`;
    if (s3.hang?.(described)) return;
    if (s3.fault?.(described)) return void response.writeHead(500).end('<Error><Code>InternalError</Code></Error>');
    if (request.method === 'PUT') {
      if (s3.failNextPut-- > 0) return void response.writeHead(503).end('<Error><Code>SlowDown</Code></Error>');
      s3.objects.set(key, { body, type: String(request.headers['content-type']) });
      return void response.writeHead(200).end();
    }
    if (request.method === 'DELETE') {
      s3.objects.delete(key);
      return void response.writeHead(204).end();
    }
    if (listing) {
      const prefix = url.searchParams.get('prefix') ?? '';
      const keys = [...s3.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      const xml = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><IsTruncated>false</IsTruncated>${keys.map((k) => `<Contents><Key>${k.replace(/&/g, '&amp;')}</Key></Contents>`).join('')}</ListBucketResult>`;
      return void response.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
    }
    if (request.method === 'GET') {
      const object = s3.objects.get(key);
      if (!object) return void response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      return void response.writeHead(200, { 'content-type': object.type }).end(object.body);
    }
    response.writeHead(400).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s3.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s3.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return s3;
}
