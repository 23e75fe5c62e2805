import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSnapshot } from './github-fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const CONFIG = join(ROOT, 'presets/kecamatan-jenawi.yml');
const NEWS = 'content/berita/panen-raya-jenawi/index.md';
const OPENED = '2025-03-10T08:00:00+07:00';

let dir: string;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'persetujuan', ...args], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

async function snapshotFile(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tayang-persetujuan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tayang persetujuan --snapshot', () => {
  it('exits 0 and prints the contract JSON when the PR is approved', async () => {
    const file = await snapshotFile(
      'approved.json',
      makeSnapshot({ author: 'dimas-jenawi', opened: OPENED, files: [NEWS], reviews: [{ login: 'sri-ppid-jenawi', state: 'APPROVED', at: '2025-03-10T09:00:00+07:00' }] }),
    );
    const result = await run(['--snapshot', file, '--config', CONFIG, '--sekarang', '2025-03-10T10:00:00+07:00', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      state: 'approved',
      flows: ['publikasi'],
      stages: [{ id: 'verifikasi', flow: 'publikasi', state: 'approved', approvers: ['sri-ppid-jenawi'], elapsed_minutes: 60, standard_minutes: null, overdue: false }],
      messages: ['Semua tahap sudah disetujui: PR ini boleh digabungkan (merge) dan ditayangkan.'],
    });
  });

  it('exits 1 with what the PR waits for while it is not approved', async () => {
    const file = await snapshotFile('pending.json', makeSnapshot({ author: 'dimas-jenawi', opened: OPENED, files: [NEWS] }));
    const result = await run(['--snapshot', file, '--config', CONFIG, '--sekarang', '2025-03-10T10:00:00+07:00']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Persetujuan PR #7: BELUM DISETUJUI');
    expect(result.stdout).toContain('- Menunggu verifikasi PPID Pelaksana (ppid-pelaksana): 0 dari 1 persetujuan.');
  });

  it('reads tayang.config.yml in the working directory by default', async () => {
    await writeFile(join(dir, 'tayang.config.yml'), await readFile(CONFIG, 'utf8'));
    const file = await snapshotFile('default-config.json', makeSnapshot({ author: 'dimas-jenawi', opened: OPENED, files: [NEWS] }));
    const result = await run(['--snapshot', file, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).state).toBe('pending');
  });

  it('exits 2 naming the file and field of a malformed snapshot', async () => {
    const snapshot = makeSnapshot({ author: 'dimas-jenawi', opened: OPENED, files: [NEWS] });
    const file = await snapshotFile('broken.json', { ...snapshot, reviews: { state: 'APPROVED' } });
    const result = await run(['--snapshot', file, '--config', CONFIG]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+ — kolom \`reviews\`: harus daftar \\(\\[…\\]\\), bukan objek\\.`));
  });

  it('exits 2 for a snapshot that is not JSON or does not exist', async () => {
    const notJson = await snapshotFile('not-json.json', '<html>');
    expect((await run(['--snapshot', notJson, '--config', CONFIG])).stderr).toContain('bukan JSON yang sah');
    const missing = await run(['--snapshot', join(dir, 'tidak-ada.json'), '--config', CONFIG]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('berkas snapshot tidak ditemukan');
  });

  it('exits 2 with the line and field of a malformed config', async () => {
    const config = join(dir, 'rusak.yml');
    await writeFile(config, (await readFile(CONFIG, 'utf8')).replace('peran: ppid-pelaksana', 'peran: ppid'));
    const file = await snapshotFile('ok.json', makeSnapshot({ author: 'dimas-jenawi', opened: OPENED, files: [NEWS] }));
    const result = await run(['--snapshot', file, '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rusak\.yml:\d+:\d+ — kolom `alur\.0\.tahap\.0\.peran`: peran "ppid" tidak ada/);
  });

  it('exits 2 for an unknown --format or a --sekarang that is no ISO time', async () => {
    const file = await snapshotFile('ok2.json', makeSnapshot({ author: 'dimas-jenawi', opened: OPENED, files: [NEWS] }));
    const format = await run(['--snapshot', file, '--config', CONFIG, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('format "xml" tidak dikenal');
    const now = await run(['--snapshot', file, '--config', CONFIG, '--sekarang', 'besok']);
    expect(now.code).toBe(2);
    expect(now.stderr).toContain('"besok" bukan waktu ISO 8601');
  });
});
