import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { if?: string; needs?: string | string[]; permissions?: Record<string, string>; steps: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: unknown; concurrency?: { group: string; 'cancel-in-progress': boolean }; jobs: Record<string, Job> };

const text = readFileSync(new URL('../../.github/workflows/arsip.yml', import.meta.url), 'utf8');
const workflow = parse(text) as Workflow;
const build = workflow.jobs.arsip!;
const release = workflow.jobs.rilis!;
const runs = (job: Job) => job.steps.map((s) => s.run ?? '');

describe('.github/workflows/arsip.yml', () => {
  it('runs monthly and on request, never on pull-request events, one run at a time', () => {
    expect(workflow.on).toEqual({ schedule: [{ cron: '23 1 1 * *' }], workflow_dispatch: {} });
    expect(build.if).toBe("github.event_name == 'schedule' || github.ref_name == github.event.repository.default_branch");
    expect(workflow.concurrency).toEqual({ group: 'arsip', 'cancel-in-progress': false });
  });

  it('gives write access only to the release job, which runs no repository code', () => {
    expect(workflow.permissions).toEqual({});
    expect(build.permissions).toEqual({ contents: 'read' });
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(release.steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    expect(runs(release).join('\n')).not.toMatch(/^\s*(npm|npx|node|bash)\b/m);
    const checkout = build.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with).toEqual({ 'persist-credentials': false });
  });

  it('builds, archives, verifies, then keeps the archive as a long-lived artifact', () => {
    const steps = runs(build);
    const order = ['npm run build', 'npx tayang arsip --dist dist --keluar arsip', 'npx tayang arsip --periksa arsip/*.tar.gz'].map((r) => steps.indexOf(r));
    expect(order.every((index, i) => index > (order[i - 1] ?? 0))).toBe(true);
    const upload = build.steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload).toBeGreaterThan(order[2]!);
    expect(build.steps[upload]!.with).toMatchObject({ name: 'arsip', path: 'arsip/', 'if-no-files-found': 'error', 'retention-days': 90 });
  });

  it('attaches the archive and its .sha256 to the release arsip-YYYY-MM', () => {
    expect(release.needs).toBe('arsip');
    const script = runs(release).join('\n');
    expect(script).toContain('tag="arsip-$month"');
    expect(script).toContain('month="$(date -u +%Y-%m)"');
    expect(script).toContain('gh release create "$tag" --target "$TARGET" --latest=false');
    expect(script).toContain('gh release upload "$tag" arsip/*.tar.gz arsip/*.tar.gz.sha256 --clobber');
    const step = release.steps.find((s) => s.run?.includes('gh release'));
    expect(step?.env).toEqual({ GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}', GH_REPO: '${{ github.repository }}', TARGET: '${{ github.sha }}' });
  });

  it('keeps every expression out of run: scripts', () => {
    for (const run of [...runs(build), ...runs(release)]) expect(run).not.toContain('${{');
  });
});
