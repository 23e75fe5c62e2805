import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergedSnapshot } from '../../src/lib/records/testing.ts';

// `tayang catat --snapshot` (offline mode) and `tayang laporan`, run as the office runs them: in a
// repository folder with the item, the config from the base branch and a saved merged PR.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const CONFIG = join(ROOT, 'presets/kapanewon-bantul.yml');
const ITEM = 'content/berita/panen-raya-bantul';

let dir: string;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), command, ...args], { cwd: dir, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

async function saved(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(content));
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tayang-catat-'));
  await mkdir(join(dir, ITEM), { recursive: true });
  await writeFile(join(dir, ITEM, 'index.md'), '---\njudul: Panen Raya Padi di Kalurahan Sabdodadi\n---\nIsi berita.\n');
  await writeFile(join(dir, 'tayang.config.yml'), await readFile(CONFIG, 'utf8'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tayang catat --snapshot', () => {
  it('writes the record of a merged PR, then leaves it alone on a second run', async () => {
    // Kapanewon Bantul: the Panewu approves within 15 minutes (Monday 10 March 2025, WIB).
    const snapshot = await saved(
      'pr-15.json',
      mergedSnapshot({
        number: 15,
        author: 'bayu-web-bantul',
        opened: '2025-03-10T09:00:00+07:00',
        merged: '2025-03-10T09:30:00+07:00',
        files: [`${ITEM}/index.md`],
        reviews: [{ login: 'suharto-panewu-bantul', state: 'APPROVED', at: '2025-03-10T09:20:00+07:00' }],
      }),
    );
    const first = await run('catat', ['--snapshot', snapshot, '--config', CONFIG]);
    expect(first).toMatchObject({ code: 0, stdout: 'Tercatat: records/persetujuan/15.json (PR #15, 1 item, disetujui lengkap).\n' });
    const record = JSON.parse(await readFile(join(dir, 'records/persetujuan/15.json'), 'utf8'));
    expect(record.items).toEqual([{ folder: ITEM, jenis: 'berita', slug: 'panen-raya-bantul', title: 'Panen Raya Padi di Kalurahan Sabdodadi', change: 'added', flows: ['publikasi'] }]);
    expect(record.stages[0]).toMatchObject({ approvals: [{ login: 'suharto-panewu-bantul' }], elapsed_minutes: 20, standard_minutes: 15, overdue: true });

    const again = await run('catat', ['--snapshot', snapshot, '--config', CONFIG]);
    expect(again).toMatchObject({ code: 0, stdout: 'Sudah tercatat: records/persetujuan/15.json (tidak berubah).\n' });
  });

  it('exits 2 with the reason when the PR is not merged yet', async () => {
    const open = mergedSnapshot({ number: 16, author: 'bayu-web-bantul', opened: '2025-03-10T09:00:00+07:00', merged: '2025-03-10T09:30:00+07:00', files: [`${ITEM}/index.md`] });
    delete (open.pull as { merged_at?: string }).merged_at;
    const result = await run('catat', ['--snapshot', await saved('pr-16.json', open), '--config', CONFIG]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR ini belum digabung (merge)');
  });

  it('exits 0 without a record for a PR that publishes no item', async () => {
    const snapshot = mergedSnapshot({ number: 17, author: 'bayu-web-bantul', opened: '2025-03-10T09:00:00+07:00', merged: '2025-03-10T09:30:00+07:00', files: ['docs/panduan.md'] });
    const result = await run('catat', ['--snapshot', await saved('pr-17.json', snapshot), '--config', CONFIG]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('tidak ada persetujuan terbit yang dicatat');
  });

  it('exits 2, naming what is missing, when asked to catch up outside GitHub Actions', async () => {
    const result = await run('catat', [], { ...process.env, GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GITHUB_TOKEN');
    expect(result.stderr).toContain('GITHUB_REPOSITORY');
  });
});

describe('tayang laporan', () => {
  it('exports the register as CSV and the compliance summary as JSON', async () => {
    const csv = await run('laporan', ['--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toMatch(/^Item,Jenis,Judul,Perubahan,/);
    // Officials by name, position and NIP from the config, as the register is kept; never by login.
    expect(lines[1]).toContain(`${ITEM},berita,Panen Raya Padi di Kalurahan Sabdodadi,terbit pertama,"Bayu Setiawan, S.Kom. (Pengelola Website Kapanewon)",15,`);
    expect(lines[1]).toMatch(/,Panewu Bantul,"Drs\. Suharto, M\.M\.",Panewu Bantul,19680822 199403 1 004,tidak,2025-03-10T09:20:00\+07:00,20,15,15 menit,ya,ya,tidak,,$/);

    const json = await run('laporan', ['--format', 'json']);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ pulls: 1, items: 1, stages: { count: 1, measured: 1, within_standard: 0, overdue: 1 }, within_standard_percent: 0 });
  });

  it('refuses an unknown format', async () => {
    const result = await run('laporan', ['--format', 'xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pilih teks, csv atau json');
  });

  it('limits the register to the months of --periode, and refuses a period it cannot read', async () => {
    const march = await run('laporan', ['--periode', '2025-03', '--format', 'json']);
    expect(JSON.parse(march.stdout).summary).toMatchObject({ pulls: 1 });
    const april = await run('laporan', ['--periode', '2025-04..2025-06', '--format', 'json']);
    expect(JSON.parse(april.stdout)).toMatchObject({ rows: [], summary: { pulls: 0 } });
    const bad = await run('laporan', ['--periode', 'Maret 2025']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Maret 2025" bukan bulan atau rentang bulan.');
  });

  it('gives the performance figures with --kinerja, and keeps Markdown, SVG and --issue to them', async () => {
    const figures = await run('laporan', ['--kinerja', '--format', 'json']);
    expect(JSON.parse(figures.stdout)).toMatchObject({ period: { from: '2025-03', to: '2025-03' }, pulls: 1, stages: [{ stage: 'persetujuan-panewu', count: 1, median_minutes: 20, within_standard: 0, measured: 1 }] });
    const svg = await run('laporan', ['--kinerja', '--format', 'svg']);
    expect(svg.stdout).toMatch(/^<svg [^>]*role="img"/);
    for (const args of [['--format', 'svg'], ['--format', 'markdown'], ['--issue']]) {
      const refused = await run('laporan', args);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain('hanya untuk angka kinerja');
    }
  });
});
