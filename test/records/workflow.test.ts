import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { if?: string; permissions?: Record<string, string>; steps: Step[] };
type Workflow = { on: Record<string, { types?: string[] }>; permissions?: unknown; jobs: Record<string, Job> };

const text = readFileSync(new URL('../../.github/workflows/catat.yml', import.meta.url), 'utf8');
const workflow = parse(text) as Workflow;
const [job] = Object.values(workflow.jobs);

describe('.github/workflows/catat.yml', () => {
  it('records a PR once it is merged, and only then', () => {
    expect(workflow.on).toEqual({ pull_request_target: { types: ['closed'] } });
    expect(job!.if).toBe('github.event.pull_request.merged == true');
  });

  it("runs the repository's own code with only the scopes it needs", () => {
    expect(workflow.permissions).toEqual({});
    expect(job!.permissions).toEqual({ contents: 'write', 'pull-requests': 'read' });
    const checkout = job!.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with).toEqual({ ref: '${{ github.event.repository.default_branch }}', 'persist-credentials': false });
    expect(text).not.toMatch(/pull_request\.head\.(sha|ref)/);
  });

  it('writes the record with tayang catat, then commits records/persetujuan to main', () => {
    const runs = job!.steps.map((s) => s.run ?? '');
    const catat = runs.findIndex((r) => r === 'npx tayang catat --pr "$PR_NUMBER"');
    const simpan = runs.findIndex((r) => r === 'bash .github/scripts/simpan-catatan.sh records/persetujuan');
    expect(catat).toBeGreaterThan(0);
    expect(simpan).toBeGreaterThan(catat);
    expect(job!.steps[catat]!.env?.PR_NUMBER).toBe('${{ github.event.pull_request.number }}');
    for (const run of runs) expect(run).not.toContain('${{');
  });
});
