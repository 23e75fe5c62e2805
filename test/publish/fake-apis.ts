import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake API received it, with its body parsed by its content type. */
export interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  json?: unknown;
  /** urlencoded or multipart text fields. */
  fields: Record<string, string>;
  files: Record<string, { type: string; name: string; bytes: Buffer }>;
}

export interface Reply {
  status?: number;
  json?: unknown;
  headers?: Record<string, string>;
  /** Close the connection without answering (the request was received). */
  hangUp?: boolean;
}

export interface FakeApi {
  url: string;
  received: Received[];
  close: () => Promise<void>;
}

async function parse(request: IncomingMessage, body: Buffer): Promise<Pick<Received, 'json' | 'fields' | 'files'>> {
  const type = request.headers['content-type'] ?? '';
  const fields: Record<string, string> = {};
  const files: Received['files'] = {};
  if (type.startsWith('application/json')) return { json: JSON.parse(body.toString('utf8')), fields, files };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) fields[k] = v;
  } else if (type.startsWith('multipart/form-data')) {
    // Parse with the platform's own multipart parser, as a server framework would.
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    for (const [k, v] of form) {
      if (typeof v === 'string') fields[k] = v;
      else files[k] = { type: v.type, name: v.name, bytes: Buffer.from(await v.arrayBuffer()) };
    }
  }
  return { fields, files };
}

/**
 * A local HTTP server on 127.0.0.1 that records every request and answers with `handle`; a
 * handler that never resolves is an API that accepts a request and never answers.
 */
export async function startFakeApi(handle: (request: Received) => Reply | Promise<Reply>): Promise<FakeApi> {
  const received: Received[] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const parsed = await parse(request, Buffer.concat(chunks));
    const entry: Received = { method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: request.headers, ...parsed };
    received.push(entry);
    const reply = await handle(entry);
    if (reply.hangUp) {
      request.socket.destroy();
      return;
    }
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    response.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    // Also ends connections a handler never answered (a hanging API).
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
