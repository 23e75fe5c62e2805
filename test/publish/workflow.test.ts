import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectBuildCacheKept } from '../support/build-cache.ts';

type Step = { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { if?: string; needs?: string | string[]; permissions?: Record<string, string>; environment?: unknown; env?: Record<string, string>; steps: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: unknown; concurrency?: { group: string; 'cancel-in-progress'?: boolean }; jobs: Record<string, Job> };

const workflow = parse(readFileSync(new URL('../../.github/workflows/terbit.yml', import.meta.url), 'utf8')) as Workflow;
const stepIndex = (job: Job, pattern: RegExp) => job.steps.findIndex((s) => pattern.test(s.run ?? '') || pattern.test(s.uses ?? ''));

describe('.github/workflows/terbit.yml', () => {
  it('publishes on push to main, every hour, and records /tautan comments', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on.schedule).toEqual([{ cron: '7 * * * *' }]);
    expect(workflow.on.issue_comment).toEqual({ types: ['created'] });
  });

  it('publishes in one concurrency group that never cancels a running publication', () => {
    expect(workflow.concurrency?.group).toContain("'situs'");
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it('builds, deploys, posts and reports in that order', () => {
    const { bangun, pages, kirim } = workflow.jobs;
    expect(stepIndex(bangun!, /npm run build/)).toBeLessThan(stepIndex(bangun!, /tayang sosial .*--keluar dist\/sosial/));
    expect(stepIndex(bangun!, /tayang sosial/)).toBeLessThan(stepIndex(bangun!, /upload-pages-artifact/));
    expect(pages!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages'))).toBe(true);
    expect(kirim!.needs).toEqual(['bangun', 'pages']);
    const order = [/tayang terbitkan/, /tayang kirim \$PILIHAN --niat/, /simpan-catatan/, /^npx tayang kirim \$PILIHAN$/, /tayang tautan lapor/].map((p) => stepIndex(kirim!, p));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('keeps Astro\'s cache between runs, so a publication builds what changed', () => {
    expectBuildCacheKept(workflow.jobs.bangun!.steps);
  });

  it('keeps tokens out of run scripts and out of .git, and gives each job only the scopes it uses', () => {
    expect(workflow.permissions).toEqual({});
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps) {
        expect(step.run ?? '', `${name}: ${step.name}`).not.toMatch(/\$\{\{/);
        if (step.uses?.startsWith('actions/checkout')) expect(step.with?.['persist-credentials'], name).toBe(false);
      }
    }
    expect(workflow.jobs.bangun!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.pages!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    // Writes go through the App's token (records, comments); the Actions token only reads.
    expect(workflow.jobs.kirim!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.izin!.permissions).toEqual({ contents: 'read' });
  });

  it('checks every commit since the last publication before anything is built, deployed or posted', () => {
    const { izin, bangun, pages, kirim } = workflow.jobs;
    const gate = izin!.steps.find((s) => s.run?.includes('npx tayang izin-terbit'))!;
    expect(gate.run).toContain('npx tayang izin-terbit "${sejak[@]}" --sampai "$SAMPAI"');
    expect(gate.env).toMatchObject({ GITHUB_TOKEN: '${{ steps.app.outputs.token }}', TAYANG_APP_SLUG: '${{ steps.app.outputs.app-slug }}', SAMPAI: '${{ github.sha }}' });
    // A failed gate skips the build, and with it everything that needs the build.
    expect(bangun!.needs).toBe('izin');
    expect(bangun!.if).toBeUndefined();
    expect(pages!.needs).toBe('bangun');
    expect(kirim!.if).toContain("needs.bangun.result == 'success'");
  });

  it('publishes only the default branch\'s current head: a re-run of an old run stops before the gate', () => {
    const steps = workflow.jobs.izin!.steps;
    const fresh = steps.findIndex((s) => s.run?.includes('git/ref/heads/$BRANCH'));
    expect(fresh).toBeGreaterThanOrEqual(0);
    expect(fresh).toBeLessThan(steps.findIndex((s) => s.run?.includes('tayang izin-terbit')));
    expect(steps[fresh]!.run).toContain('if [ "$head" != "$SHA" ]');
    expect(steps[fresh]!.env).toMatchObject({ SHA: '${{ github.sha }}' });
  });

  it('binds the jobs that hold the App key or the posting and deploy secrets to the tayang environment', () => {
    for (const name of ['izin', 'kirim', 'tautan']) expect(workflow.jobs[name]!.environment, name).toBe('tayang');
    expect(workflow.jobs.bangun!.environment).toBeUndefined();
  });

  it('hands the platform tokens only to the posting steps', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps) {
        const secrets = Object.values(step.env ?? {}).filter((v) => /secrets\.(FACEBOOK|INSTAGRAM|X_|SATU_DATA)/.test(v));
        if (secrets.length > 0) expect(step.run, `${name}: ${step.name}`).toMatch(/^npx tayang kirim /);
      }
    }
  });
});
