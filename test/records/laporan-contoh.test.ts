import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergedSnapshot } from '../../src/lib/records/testing.ts';
import { tayang } from '../checks/site.ts';

// The compliance report that docs/mulai.md shows is real output: three PRs of Kapanewon Bantul
// (its preset has real time standards: the Panewu approves within 15 working minutes; the
// example office Jenawi's SOP sets every standard as tentatif) are recorded with `tayang catat
// --snapshot` and reported with `tayang laporan`, and the guide's excerpt must be that output.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUIDE = join(ROOT, 'docs/mulai.md');
/** The comment in the guide right above the fenced report this test keeps true. */
const REPORT_MARKER = '<!-- Keluaran asli `npx tayang laporan`, dibuat ulang oleh test/records/laporan-contoh.test.ts. -->';
/** The same for the performance figures of those PRs. */
const PERFORMANCE_MARKER = '<!-- Keluaran asli `npx tayang laporan --kinerja --periode 2025-03..2025-05`, dibuat ulang oleh test/records/laporan-contoh.test.ts. -->';

interface ExamplePull {
  number: number;
  title: string;
  author: string;
  item: { folder: string; judul: string };
  opened: string;
  approval: { login: string; at: string };
  merged: string;
}

const PULLS: ExamplePull[] = [
  {
    number: 21,
    title: 'Berita: panen raya padi di Kalurahan Sabdodadi',
    author: 'wahyu-reporter-bantul',
    item: { folder: 'content/berita/panen-raya-padi-di-kalurahan-sabdodadi', judul: 'Panen Raya Padi di Kalurahan Sabdodadi' },
    opened: '2025-03-10T09:00:00+07:00',
    approval: { login: 'suharto-panewu-bantul', at: '2025-03-10T09:12:00+07:00' },
    merged: '2025-03-10T09:15:00+07:00',
  },
  {
    // 40 working minutes against 15: late.
    number: 22,
    title: 'Pengumuman: pelayanan KTP-el keliling di Kalurahan Trirenggo',
    author: 'bayu-web-bantul',
    item: { folder: 'content/pengumuman/ktp-el-keliling-trirenggo', judul: 'Pelayanan KTP-el Keliling di Kalurahan Trirenggo' },
    opened: '2025-03-11T13:30:00+07:00',
    approval: { login: 'suharto-panewu-bantul', at: '2025-03-11T14:10:00+07:00' },
    merged: '2025-03-11T14:20:00+07:00',
  },
  {
    // Opened eight minutes before the office closes, approved by the Plh. six minutes after it
    // opens the next morning: 14 working minutes, on time.
    number: 23,
    title: 'Agenda: Musrenbang Kapanewon Bantul 2026',
    author: 'bayu-web-bantul',
    item: { folder: 'content/agenda/musrenbang-kapanewon-2026', judul: 'Musrenbang Kapanewon Bantul 2026' },
    opened: '2025-05-22T15:52:00+07:00',
    approval: { login: 'endah-jawatan-bantul', at: '2025-05-23T07:36:00+07:00' },
    merged: '2025-05-23T08:00:00+07:00',
  },
];

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tayang-laporan-contoh-'));
  await copyFile(join(ROOT, 'presets/kapanewon-bantul.yml'), join(dir, 'tayang.config.yml'));
  for (const pull of PULLS) {
    await mkdir(join(dir, pull.item.folder), { recursive: true });
    await writeFile(join(dir, pull.item.folder, 'index.md'), `---\njudul: ${pull.item.judul}\n---\nIsi.\n`);
    const snapshot = mergedSnapshot({
      number: pull.number,
      author: pull.author,
      opened: pull.opened,
      merged: pull.merged,
      files: [`${pull.item.folder}/index.md`],
      reviews: [{ login: pull.approval.login, state: 'APPROVED', at: pull.approval.at }],
    });
    Object.assign(snapshot.pull as object, { title: pull.title });
    const file = join(dir, `pr-${pull.number}.json`);
    await writeFile(file, JSON.stringify(snapshot));
    const recorded = await tayang(dir, ['catat', '--snapshot', file]);
    expect(recorded, recorded.stderr).toMatchObject({ code: 0 });
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The fenced block right after a marker comment in the guide. */
function excerptInGuide(guide: string, marker = REPORT_MARKER): string | undefined {
  const after = guide.split(marker)[1];
  return after ? /^\s*```text\n([\s\S]*?)```/.exec(after)?.[1] : undefined;
}

describe('the compliance report in docs/mulai.md', () => {
  it('is what `tayang laporan` prints for records made under a preset with time standards', async () => {
    const report = await tayang(dir, ['laporan']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('TERLAMBAT');
    expect(report.stdout).toContain('Dengan mutu baku: 2 dari 3 tepat waktu');
    expect(excerptInGuide(await readFile(GUIDE, 'utf8')), 'replace the block under the marker in docs/mulai.md with this output').toBe(report.stdout);
  });

  it('and its performance figures are what `tayang laporan --kinerja` prints for them', async () => {
    const report = await tayang(dir, ['laporan', '--kinerja', '--periode', '2025-03..2025-05']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('1 dari 2 tepat waktu (50%)');
    expect(excerptInGuide(await readFile(GUIDE, 'utf8'), PERFORMANCE_MARKER), 'replace the block under the marker in docs/mulai.md with this output').toBe(report.stdout);
  });
});
