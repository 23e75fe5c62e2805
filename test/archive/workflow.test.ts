import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { if?: string; needs?: string | string[]; environment?: string; permissions?: Record<string, string>; steps: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: unknown; concurrency?: { group: string; 'cancel-in-progress': boolean }; jobs: Record<string, Job> };

const text = readFileSync(new URL('../../.github/workflows/arsip.yml', import.meta.url), 'utf8');
const workflow = parse(text) as Workflow;
const build = workflow.jobs.arsip!;
const sign = workflow.jobs['tanda-tangan']!;
const verify = workflow.jobs.periksa!;
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
    expect(sign.permissions).toEqual({});
    expect(verify.permissions).toEqual({ contents: 'read' });
    expect(release.permissions).toEqual({ contents: 'write' });
    for (const job of [sign, release]) {
      expect(job.steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
      expect(runs(job).join('\n')).not.toMatch(/^\s*(npm|npx|node|bash)\b/m);
    }
    for (const job of [build, verify]) {
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with).toEqual({ 'persist-credentials': false });
    }
  });

  it('builds and archives, then signs, then verifies, then keeps the archive as a long-lived artifact', () => {
    const steps = runs(build);
    expect(steps.indexOf('npm run build')).toBeGreaterThan(-1);
    expect(steps.indexOf('npx tayang arsip --dist dist --keluar arsip')).toBeGreaterThan(steps.indexOf('npm run build'));
    expect(build.steps.at(-1)!.with).toMatchObject({ name: 'arsip-mentah', path: 'arsip/', 'if-no-files-found': 'error' });
    expect([sign.needs, verify.needs, release.needs]).toEqual(['arsip', 'tanda-tangan', 'periksa']);
    const download = verify.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toEqual({ pattern: '{arsip-mentah,tanda-tangan}', 'merge-multiple': true, path: 'arsip' });
    const check = runs(verify).indexOf('npx tayang arsip --periksa arsip/*.tar.gz');
    expect(check).toBeGreaterThan(verify.steps.indexOf(download!));
    const upload = verify.steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload).toBeGreaterThan(check);
    expect(verify.steps[upload]!.with).toMatchObject({ name: 'arsip', path: 'arsip/', 'if-no-files-found': 'error', 'retention-days': 90 });
  });

  it('signs each MANIFEST.json with the office key in a job of its own, the key only in that step and removed after', () => {
    expect(sign.environment).toBe('tayang');
    const holders = Object.entries(workflow.jobs).flatMap(([name, job]) => job.steps.filter((s) => JSON.stringify(s).includes('secrets.TAYANG_KUNCI_ARSIP')).map((s) => `${name}: ${s.name}`));
    expect(holders).toEqual(['tanda-tangan: Tandatangani dengan kunci arsip kantor']);
    const step = sign.steps.find((s) => s.name === 'Tandatangani dengan kunci arsip kantor')!;
    expect(step.env).toEqual({ KUNCI_ARSIP: '${{ secrets.TAYANG_KUNCI_ARSIP }}' });
    expect(step.run).toContain('tar -xzOf "$archive" "$(basename "$archive" .tar.gz)/MANIFEST.json" > "$manifest"');
    expect(step.run).toContain('ssh-keygen -q -Y sign -f "$key" -n tayang-arsip "$manifest"');
    expect(step.run).toContain('mv "$manifest.sig" "$archive.sig"');
    expect(step.run).toContain(`trap 'rm -f "$key"' EXIT`);
    expect(sign.steps.at(-1)!.with).toMatchObject({ name: 'tanda-tangan', path: 'arsip/*.sig' });
  });

  it('attaches the archive, its .sha256 and its .sig to the release arsip-YYYY-MM', () => {
    const script = runs(release).join('\n');
    expect(script).toContain('tag="arsip-$month"');
    expect(script).toContain('month="$(date -u +%Y-%m)"');
    expect(script).toContain('gh release create "$tag" --target "$TARGET" --latest=false');
    expect(script).toContain('gh release upload "$tag" arsip/*.tar.gz arsip/*.tar.gz.sha256 arsip/*.tar.gz.sig --clobber');
    const step = release.steps.find((s) => s.run?.includes('gh release'));
    expect(step?.env).toEqual({ GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}', GH_REPO: '${{ github.repository }}', TARGET: '${{ github.sha }}' });
  });

  it('keeps every expression out of run: scripts', () => {
    for (const run of Object.values(workflow.jobs).flatMap(runs)) expect(run).not.toContain('${{');
  });
});
