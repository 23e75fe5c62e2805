import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectBuildCacheKept } from '../support/build-cache.ts';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string };
type Job = { permissions?: Record<string, string>; steps: Step[]; if?: string };
type Workflow = { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, Job> };

const read = (name: string) => {
  const text = readFileSync(new URL(`../../.github/workflows/${name}`, import.meta.url), 'utf8');
  return { text, workflow: parse(text) as Workflow };
};
const checks = read('periksa.yml');
const comment = read('periksa-komentar.yml');
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow) => steps(w).map((s) => s.run ?? '').join('\n');

describe('.github/workflows/periksa.yml', () => {
  it('runs the PR’s code only on pull_request, with a read-only token', () => {
    expect(Object.keys(checks.workflow.on)).toEqual(['pull_request']);
    expect(checks.workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(checks.workflow.jobs)) expect(job.permissions).toBeUndefined();
    expect(checks.text).not.toContain('secrets.');
    expect(checks.text).not.toContain('pull_request_target');
  });

  it('annotates with periksa, builds, runs aksesibilitas, uploads the preview and the report', () => {
    const script = runs(checks.workflow);
    expect(script).toMatch(/npx tayang periksa --berubah="origin\/\$BASE_REF" --format github .*--komentar laporan\/komentar\.md/s);
    expect(script).toContain('npm run build');
    expect(script).toMatch(/npx tayang aksesibilitas --berubah/);
    const uploads = steps(checks.workflow).filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.map((s) => s.with?.name)).toEqual(['pratinjau', 'sosial', 'laporan-periksa']);
    expect(steps(checks.workflow).find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
  });

  it('keeps Astro\'s cache between runs, so a pull request builds what it changed', () => {
    expectBuildCacheKept(steps(checks.workflow));
  });

  it('builds the preview without the search index, and for a PR of items only its items, against the PR\'s base', () => {
    const build = steps(checks.workflow).find((s) => s.run === 'npm run build');
    expect(build?.env).toEqual({ TAYANG_PRATINJAU: '1', TAYANG_PRATINJAU_BERUBAH: 'origin/${{ github.base_ref }}' });
    expect(readFileSync(new URL('../../.github/workflows/terbit.yml', import.meta.url), 'utf8')).not.toContain('TAYANG_PRATINJAU');
  });
});

describe('social posts in the pull request', () => {
  it('previews the kit of the changed items in the one summary comment, so the approval covers the posts', () => {
    const script = runs(checks.workflow);
    expect(script).toMatch(/npx tayang sosial --berubah="origin\/\$BASE_REF" --terjadwal --keluar laporan\/sosial --format markdown > laporan\/sosial\.md/);
    expect(script).toContain('cat laporan/sosial.md >> laporan/komentar.md');
    const names = steps(checks.workflow).map((s) => s.name ?? '');
    const periksa = names.findIndex((n) => n.startsWith('Periksa naskah'));
    const sosial = names.findIndex((n) => n.startsWith('Pratinjau kit media sosial'));
    expect(periksa).toBeGreaterThanOrEqual(0);
    expect(sosial).toBeGreaterThan(periksa);
  });
});

describe('.github/workflows/periksa-komentar.yml', () => {
  it('comments from workflow_run with the base branch’s code and only the write it needs', () => {
    expect(Object.keys(comment.workflow.on)).toEqual(['workflow_run']);
    expect((comment.workflow.on.workflow_run as { workflows: string[] }).workflows).toEqual(['Periksa']);
    expect(comment.workflow.permissions).toEqual({});
    const [job] = Object.values(comment.workflow.jobs);
    expect(job!.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write' });
    const checkout = job!.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.ref).toBeUndefined();
  });

  it('treats the artifact as data: outside the workspace, PR number verified against the run’s head commit', () => {
    const download = steps(comment.workflow).find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(String(download?.with?.path)).toContain('runner.temp');
    const post = steps(comment.workflow).find((s) => s.run?.includes('komentar-periksa'));
    expect(post?.run).toContain('--sha "$HEAD_SHA"');
    expect(post?.env?.HEAD_SHA).toBe('${{ github.event.workflow_run.head_sha }}');
  });
});

describe('both workflows', () => {
  it('never write text the author controls into a script', () => {
    for (const { workflow } of [checks, comment]) {
      const script = runs(workflow);
      expect(script).not.toMatch(/\$\{\{[^}]*(title|body|head_ref|head\.ref|head_branch|display_title|head_commit)[^}]*\}\}/);
      expect(script).not.toContain('${{');
    }
  });
});
