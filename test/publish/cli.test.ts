import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from './fake-apis.ts';
import { CONFIG_YAML } from './fixtures.ts';

const NODE = process.execPath;
const TAYANG = fileURLToPath(new URL('../../scripts/tayang.ts', import.meta.url));

let repo: string;
let api: FakeApi;

function tayang(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|FACEBOOK_|INSTAGRAM_|X_|SATU_DATA_|TAYANG_)/.test(k)));
  return new Promise((resolve) => {
    execFile(NODE, [TAYANG, ...args], { cwd: repo, env: { ...clean, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tayang-repo-'));
  await writeFile(join(repo, 'tayang.config.yml'), CONFIG_YAML);
  const dir = join(repo, 'content/berita/panen-raya');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'panen.jpg'), await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#4a7c2f' } }).jpeg().toBuffer());
  await writeFile(
    join(dir, 'index.md'),
    '---\njudul: Panen Raya Padi di Bunder\ntanggal: 2026-05-11\nringkasan: Warga Bunder memanen padi bersama.\npenulis: Admin Medsos\nlokasi: Sawah Padukuhan Bunder\ngambar:\n  src: panen.jpg\n  alt: Petani memanen padi di sawah.\ntag: [pertanian]\n---\n\nWarga Padukuhan Bunder memanen padi bersama pada Senin pagi.\n',
  );
  api = await startFakeApi((r) => {
    if (r.path.endsWith('/photos')) return { json: { id: 'PH1', post_id: 'PAGE1_POST1' } };
    if (r.path.endsWith('/IG1/media')) return { json: { id: 'C1' } };
    if (r.path.endsWith('/media_publish')) return { json: { id: 'M1' } };
    if (r.path.endsWith('/M1')) return { json: { permalink: 'https://www.instagram.com/p/P1/' } };
    if (r.path === '/2/media/upload') return { json: { data: { id: 'XM1' } } };
    if (r.path === '/2/media/metadata') return { json: {} };
    if (r.path === '/2/tweets') return { json: { data: { id: 'T1' } } };
    return { status: 404, json: {} };
  });
});

afterEach(() => api.close());

describe('tayang sosial and tayang kirim from the command line', () => {
  it('makes the kit, shows a dry run without tokens, then posts once with them', async () => {
    const kit = await tayang(['sosial', 'content/berita/panen-raya', '--format', 'json']);
    expect(kit.stderr).toBe('');
    expect(kit.code).toBe(0);
    const posts = JSON.parse(kit.stdout) as { platform: string; images: { path: string }[] }[];
    expect(posts.map((p) => p.platform)).toEqual(['instagram', 'facebook', 'x', 'whatsapp']);
    expect(existsSync(join(repo, 'dist/sosial', posts[0]!.images[0]!.path))).toBe(true);

    const dry = await tayang(['kirim', 'content/berita/panen-raya']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Facebook: uji kering (token tidak ada)');
    expect(dry.stdout).toContain('image_url = "https://bunder.example.go.id/sosial/berita/panen-raya/1080x1350.jpg"');
    // The manual post is recorded as waiting for its link; nothing was sent.
    expect(api.received).toHaveLength(0);

    const env = {
      FACEBOOK_PAGE_ID: 'PAGE1',
      FACEBOOK_PAGE_TOKEN: 'fb',
      INSTAGRAM_USER_ID: 'IG1',
      INSTAGRAM_TOKEN: 'ig',
      X_API_KEY: 'k',
      X_API_SECRET: 's',
      X_ACCESS_TOKEN: 't',
      X_ACCESS_TOKEN_SECRET: 'ts',
      TAYANG_GRAPH_API_URL: `${api.url}/v23.0`,
      TAYANG_X_API_URL: api.url,
    };
    const sent = await tayang(['kirim', 'content/berita/panen-raya'], env);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('Instagram: terkirim https://www.instagram.com/p/P1/');
    expect(sent.stdout).toContain('X: terkirim https://x.com/i/web/status/T1');
    const ledger = JSON.parse(await readFile(join(repo, 'records/kirim/berita/panen-raya.json'), 'utf8'));
    expect(ledger.posts.facebook).toMatchObject({ state: 'posted', url: 'https://www.facebook.com/PAGE1_POST1' });

    const count = api.received.length;
    const again = await tayang(['kirim', 'content/berita/panen-raya'], env);
    expect(again.stdout).toContain('Facebook: sudah terkirim sebelumnya https://www.facebook.com/PAGE1_POST1');
    expect(api.received.length).toBe(count);
  });

  it('leaves a scheduled item out until its time, except in a PR preview (--terjadwal)', async () => {
    const index = join(repo, 'content/berita/panen-raya/index.md');
    await writeFile(index, (await readFile(index, 'utf8')).replace('tag: [pertanian]', 'tag: [pertanian]\nterbit: "2099-01-01 08:00"'));
    const now = await tayang(['sosial', 'content/berita/panen-raya', '--format', 'json']);
    expect(JSON.parse(now.stdout)).toEqual([]);
    const preview = await tayang(['sosial', 'content/berita/panen-raya', '--terjadwal', '--format', 'markdown']);
    expect(preview.stdout).toContain('### Pratinjau media sosial');
    expect(preview.stdout).toContain('Panen Raya Padi di Bunder');
  });

  it('with --berubah makes the kit of the changed items only', async () => {
    const git = (...args: string[]) => new Promise<void>((resolve, reject) => execFile('git', ['-c', 'user.name=uji', '-c', 'user.email=uji@example.go.id', ...args], { cwd: repo }, (e) => (e ? reject(e) : resolve())));
    await git('init', '--quiet', '--initial-branch=main');
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'awal');
    const dir = join(repo, 'content/berita/kerja-bakti');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.md'), '---\njudul: Kerja Bakti Saluran\ntanggal: 2026-05-12\nringkasan: Warga membersihkan saluran.\npenulis: Admin\nlokasi: Bunder\n---\n\nWarga membersihkan saluran irigasi.\n');
    const result = await tayang(['sosial', '--berubah=HEAD', '--format', 'json']);
    expect(result.code).toBe(0);
    expect([...new Set((JSON.parse(result.stdout) as { item: string }[]).map((p) => p.item))]).toEqual(['content/berita/kerja-bakti']);
  });

  it("refuses pictures over the office's own pixel limit, as tayang periksa and the site build do", async () => {
    // The 1600 × 1200 photo is 1.92 megapixels: over a limit of one.
    await writeFile(join(repo, 'tayang.config.yml'), `${CONFIG_YAML}\nperiksa:\n  batas_piksel_gambar: 1000000\n`);
    for (const args of [['sosial', 'content/berita/panen-raya'], ['sosial']]) {
      const result = await tayang([...args, '--format', 'json']);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr).toContain('content/berita/panen-raya/index.md');
      expect(result.stderr).toContain('batas_piksel_gambar');
    }
  });

  it('says how to make the kit when it is missing', async () => {
    const result = await tayang(['kirim', 'content/berita/panen-raya', '--kit', 'tidak-ada']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('kit media sosial tidak ditemukan');
    expect(result.stderr).toContain('jalankan `tayang sosial`');
  });
});
