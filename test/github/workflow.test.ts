import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Static checks of .github/workflows/persetujuan.yml: it runs with a write token on PRs from
 * anyone, so it must never run the PR's code and never paste PR text into a shell.
 */

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { if?: string; permissions?: unknown; steps: Step[] };
type Workflow = { on: Record<string, { types?: string[] } | null>; permissions?: unknown; concurrency?: { group: string }; jobs: Record<string, Job> };

const WORKFLOW_TEXT = readFileSync(new URL('../../.github/workflows/persetujuan.yml', import.meta.url), 'utf8');
const WRITE_SCOPES = new Set(['statuses', 'pull-requests', 'issues', 'contents', 'checks', 'actions', 'deployments', 'packages', 'pages', 'id-token']);

/** Expressions that carry text the PR's author chose. */
const UNTRUSTED = /github\.(event\.pull_request\.(title|body|head\.ref|head\.label)|head_ref|event\.review\.body|event\.comment\.body)/;

/** What is unsafe in a workflow, as sentences; empty when nothing is. */
function auditWorkflow(workflow: Workflow): string[] {
  const problems: string[] = [];
  if (workflow.permissions === undefined) problems.push('no top-level permissions: the token gets the repository default');
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const permissions = (job.permissions ?? workflow.permissions) as Record<string, string> | string | undefined;
    if (permissions === undefined || typeof permissions === 'string') problems.push(`${name}: permissions must be listed scope by scope`);
    const writes = typeof permissions === 'object' && Object.entries(permissions).some(([scope, level]) => WRITE_SCOPES.has(scope) && level === 'write');
    for (const step of job.steps) {
      if (step.run && /\$\{\{/.test(step.run)) problems.push(`${name}: an expression inside run: (${step.run.trim().split('\n')[0]})`);
      if (step.run && UNTRUSTED.test(step.run)) problems.push(`${name}: PR-controlled text inside run:`);
      if (step.uses?.startsWith('actions/checkout') && writes) {
        const ref = String(step.with?.ref ?? '');
        if (!/github\.event\.pull_request\.base\.sha/.test(ref)) problems.push(`${name}: checks out ${ref || 'the default ref'} with a write token; only the base commit is safe`);
        if (step.with?.['persist-credentials'] !== false) problems.push(`${name}: checkout keeps the token in .git (persist-credentials)`);
      }
    }
  }
  return problems;
}

describe('.github/workflows/persetujuan.yml', () => {
  const workflow = parse(WORKFLOW_TEXT) as Workflow;

  it('runs on the pull request and review events the SOP needs', () => {
    expect(workflow.on.pull_request_target?.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'ready_for_review', 'reopened', 'edited']));
    expect(workflow.on.pull_request_review?.types).toEqual(['submitted', 'edited', 'dismissed']);
    expect(workflow.on).not.toHaveProperty('pull_request');
  });

  it('passes the audit: no PR text in shell, least privilege, base commit only', () => {
    expect(auditWorkflow(workflow)).toEqual([]);
  });

  it('gives the token exactly the scopes it uses, and none by default', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.nilai!.permissions).toEqual({ contents: 'read', statuses: 'write', 'pull-requests': 'write', issues: 'write' });
  });

  it('skips review runs of PRs from forks (read-only token there)', () => {
    expect(workflow.jobs.nilai!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  it('evaluates one PR at a time, keyed by its number', () => {
    expect(workflow.concurrency?.group).toContain('github.event.pull_request.number');
  });

  it('passes the PR number through env and runs tayang persetujuan --pr', () => {
    const step = workflow.jobs.nilai!.steps.find((s) => s.run?.includes('tayang persetujuan'))!;
    expect(step.run).toContain('--pr "$PR_NUMBER"');
    expect(step.env?.PR_NUMBER).toBe('${{ github.event.pull_request.number }}');
  });
});

describe('the audit catches what it must', () => {
  const unsafe: Workflow = {
    on: { pull_request_target: { types: ['opened'] } },
    jobs: {
      bad: {
        permissions: { statuses: 'write' },
        steps: [
          { uses: 'actions/checkout@v5', with: { ref: '${{ github.event.pull_request.head.sha }}' } },
          { run: 'echo "${{ github.event.pull_request.title }}"' },
        ],
      },
    },
  };

  it('reports a PR-head checkout, kept credentials, PR text in shell and missing permissions', () => {
    expect(auditWorkflow(unsafe)).toEqual([
      'no top-level permissions: the token gets the repository default',
      'bad: checks out ${{ github.event.pull_request.head.sha }} with a write token; only the base commit is safe',
      'bad: checkout keeps the token in .git (persist-credentials)',
      'bad: an expression inside run: (echo "${{ github.event.pull_request.title }}")',
      'bad: PR-controlled text inside run:',
    ]);
  });
});
