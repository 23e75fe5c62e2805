import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useKpuGithub } from '../support/kpu-github.ts';

// `tayang catat --pr N` as the publishing workflow runs it after a merge: the PR, its reviews and
// the base branch's config come from GITHUB_API_URL (the local GitHub), the titles from the
// checked-out main branch; the record is written under records/persetujuan/.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const CONFIG = await readFile(join(ROOT, 'test/github/fixtures/kpu.config.yml'), 'utf8');
const ITEM = 'content/berita/rapat-pleno';
// Monday 3 March 2025: opened 08:00 WIB, Kasubbag 08:30, Ketua Divisi (a team member) 10:00, merged 10:10.
const at = (hhmm: string) => `2025-03-03T${hhmm}:00Z`;

const kpu = useKpuGithub(CONFIG, 'tayang-catat-github-', async (dir) => {
  await mkdir(join(dir, ITEM), { recursive: true });
  await writeFile(join(dir, ITEM, 'index.md'), '---\njudul: Rapat Pleno Rekapitulasi Daftar Pemilih\n---\nIsi.\n');
});

function catat(pr: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GITHUB_TOKEN: 'uji', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: kpu.server.url, GITHUB_EVENT_PATH: '' };
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'catat', '--pr', pr], { cwd: kpu.dir, env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

describe('tayang catat --pr on GitHub', () => {
  it('records a merged PR with the base config and team members, and only reads from GitHub', async () => {
    kpu.server.addPull({
      number: 12,
      author: 'penulis',
      title: 'Berita: rapat pleno rekapitulasi',
      createdAt: at('01:00'),
      baseSha: 'base1',
      commits: [{ sha: 'head1', author: 'penulis', date: at('00:55') }],
      files: [{ filename: `${ITEM}/index.md`, status: 'added' }],
      merged: { at: at('03:10'), by: 'admin-web', sha: 'merge1' },
    });
    kpu.server.submitReview(12, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: at('01:30') });
    kpu.server.submitReview(12, { user: 'ketua-x', state: 'APPROVED', submittedAt: at('03:00') });

    const result = await catat('12');
    expect(result).toMatchObject({ code: 0, stdout: 'Tercatat: records/persetujuan/12.json (PR #12, 1 item, disetujui lengkap).\n' });
    const record = JSON.parse(await readFile(join(kpu.dir, 'records/persetujuan/12.json'), 'utf8'));
    expect(record).toMatchObject({
      pr: 12,
      title: 'Berita: rapat pleno rekapitulasi',
      author: 'penulis',
      merged_by: 'admin-web',
      merge_commit: 'merge1',
      sop: { nomor: '001/SOP/2022', config_commit: 'base1' },
      state: 'approved',
      items: [{ folder: ITEM, title: 'Rapat Pleno Rekapitulasi Daftar Pemilih', change: 'added', flows: ['publikasi'] }],
    });
    expect(record.stages.map((s: { approvals: { login: string; role: { name: string } }[]; elapsed_minutes: number; overdue: boolean }) => [s.approvals.map((a) => `${a.login} (${a.role.name})`), s.elapsed_minutes, s.overdue])).toEqual([
      [['kasubbag-a (Kasubbag Teknis)'], 30, false],
      [['ketua-x (Ketua Divisi)'], 90, true],
    ]);
    expect(kpu.server.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('exits 2 for a PR that is still open', async () => {
    kpu.server.addPull({ number: 13, author: 'penulis', createdAt: at('01:00'), baseSha: 'base1', commits: [{ sha: 'head2', author: 'penulis', date: at('00:55') }], files: [{ filename: `${ITEM}/index.md` }] });
    const result = await catat('13');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR ini belum digabung (merge)');
  });
});
