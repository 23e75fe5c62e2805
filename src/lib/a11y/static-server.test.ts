import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticServer } from './static-server.ts';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'tayang-serve-'));
  root = join(parent, 'dist');
  await mkdir(join(root, 'berita'), { recursive: true });
  await mkdir(join(root, 'video', 'rapat'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>Beranda</h1>');
  await writeFile(join(root, '404.html'), '<h1>Tidak ditemukan</h1>');
  await writeFile(join(root, 'berita', 'index.html'), '<h1>Berita</h1>');
  await writeFile(join(root, 'video', 'rapat', 'takarir.vtt'), 'WEBVTT\n');
  await writeFile(join(parent, 'rahasia.txt'), 'jangan');
  server = await serveDirectory(root, '/situs/');
});
afterAll(() => server.close());

async function get(path: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(new URL(path, server.url.replace(/\/situs\/$/, '/')));
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('static server for dist', () => {
  it('serves directory indexes under the base path', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/situs\/$/);
    expect(await get('/situs/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>Beranda</h1>' });
    expect((await get('/situs/berita/')).body).toBe('<h1>Berita</h1>');
    expect((await get('/situs/berita')).body).toBe('<h1>Berita</h1>');
  });

  it('serves captions as text/vtt', async () => {
    expect(await get('/situs/video/rapat/takarir.vtt')).toEqual({ status: 200, type: 'text/vtt; charset=utf-8', body: 'WEBVTT\n' });
  });

  it('answers 404 with the site 404 page, also outside the base and above the root', async () => {
    for (const path of ['/situs/tidak-ada/', '/berita/', '/situs/../rahasia.txt', '/situs/%2e%2e/rahasia.txt', '/situs/%E0%A4%A']) {
      expect(await get(path)).toMatchObject({ status: 404, body: '<h1>Tidak ditemukan</h1>' });
    }
  });
});
