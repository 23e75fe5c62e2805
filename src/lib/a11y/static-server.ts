import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { mediaTypeOf } from '../site/media-types.ts';

export interface StaticServer {
  /** Origin plus base path, ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site (`dist/`) on 127.0.0.1 at a free port, the way a static host does:
 * `/x/` → `x/index.html`, `/x` → `x.html` or `x/index.html`, anything else `404.html` with 404.
 * `base` is the site's base path (GitHub Pages project sites), stripped before lookup.
 */
export async function serveDirectory(root: string, base = '/'): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((request, response) => {
    void respond(root, prefix, request.url ?? '/', request.method ?? 'GET', response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => closeServer(server) };
}

async function respond(
  root: string,
  prefix: string,
  requestUrl: string,
  method: string,
  response: import('node:http').ServerResponse,
): Promise<void> {
  const pathname = decodePath(new URL(requestUrl, 'http://localhost').pathname);
  const file = pathname?.startsWith(prefix) ? await findFile(root, pathname.slice(prefix.length)) : undefined;
  const status = file ? 200 : 404;
  const body = file ?? (await findFile(root, '404.html'));
  if (!body) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Tidak ditemukan');
    return;
  }
  const { size } = await stat(body);
  response.writeHead(status, {
    'content-type': mediaTypeOf(body),
    'content-length': size,
  });
  if (method === 'HEAD') response.end();
  else createReadStream(body).pipe(response);
}

function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/** The file a static host would send for `relative`, never outside `root`. */
async function findFile(root: string, relative: string): Promise<string | undefined> {
  const safe = normalize(relative).replace(/^([/\\]|\.\.([/\\]|$))+/, '');
  if (safe.split(sep).includes('..')) return undefined;
  const candidates = relative === '' || relative.endsWith('/')
    ? [join(root, safe, 'index.html')]
    : [join(root, safe), join(root, `${safe}.html`), join(root, safe, 'index.html')];
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
