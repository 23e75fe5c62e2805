import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Static checks of the approval workflows: they run with a write token on PRs from anyone, so
 * they must never run the PR's code and never paste PR text into a shell.
 */

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { if?: string; permissions?: unknown; steps: Step[] };
type Workflow = { on: Record<string, { types?: string[] } | null>; permissions?: unknown; concurrency?: { group: string }; jobs: Record<string, Job> };

const readWorkflow = (name: string) => parse(readFileSync(new URL(`../../.github/workflows/${name}`, import.meta.url), 'utf8')) as Workflow;
const WRITE_SCOPES = new Set(['statuses', 'pull-requests', 'issues', 'contents', 'checks', 'actions', 'deployments', 'packages', 'pages', 'id-token']);

/** Expressions that carry text the PR's author chose. */
const UNTRUSTED = /github\.(event\.pull_request\.(title|body|head\.ref|head\.label)|head_ref|event\.review\.body|event\.comment\.body|event\.workflow_run\.(display_title|head_branch))/;
/** Refs that are the PR's own code. */
const PR_CODE_REF = /head|refs\/pull|merge|github\.ref\b|github\.sha\b/;

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
        const ref = step.with?.ref === undefined ? undefined : String(step.with.ref);
        // Without a ref, pull_request_target and workflow_run check out the base repository's own
        // branch; pull_request and pull_request_review check out the PR's merge commit.
        const defaultIsPrCode = 'pull_request' in workflow.on || 'pull_request_review' in workflow.on;
        if (ref === undefined ? defaultIsPrCode : PR_CODE_REF.test(ref)) problems.push(`${name}: checks out ${ref ?? 'the default ref'} with a write token; only the base commit is safe`);
        if (step.with?.['persist-credentials'] !== false) problems.push(`${name}: checkout keeps the token in .git (persist-credentials)`);
      }
    }
  }
  return problems;
}

describe('.github/workflows/persetujuan.yml', () => {
  const workflow = readWorkflow('persetujuan.yml');

  it('runs on the pull request and review events the SOP needs', () => {
    expect(workflow.on.pull_request_target?.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'ready_for_review', 'reopened', 'edited']));
    expect(workflow.on.pull_request_review?.types).toEqual(['submitted', 'edited', 'dismissed']);
    expect(workflow.on).not.toHaveProperty('pull_request');
  });

  it('re-evaluates when the serta-merta label is added or removed, and ignores other labels', () => {
    expect(workflow.on.pull_request_target?.types).toEqual(expect.arrayContaining(['labeled', 'unlabeled']));
    const condition = String(Object.values(workflow.jobs)[0]!.if);
    expect(condition).toContain("github.event.label.name == 'serta-merta'");
    expect(condition).toContain("github.event.action != 'labeled' && github.event.action != 'unlabeled'");
  });

  it('passes the audit: no PR text in shell, least privilege, base commit only', () => {
    expect(auditWorkflow(workflow)).toEqual([]);
  });

  it('gives the token exactly the scopes it uses, and none by default', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.nilai!.permissions).toEqual({ contents: 'read', statuses: 'write', 'pull-requests': 'write', issues: 'write' });
  });

  it('leaves review runs of PRs from forks (read-only token there) to persetujuan-fork.yml', () => {
    expect(workflow.jobs.nilai!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(workflow.jobs['ulasan-fork']).toMatchObject({ permissions: {} });
    expect(workflow.jobs['ulasan-fork']!.steps.every((step) => step.uses === undefined)).toBe(true);
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

describe('.github/workflows/persetujuan-fork.yml', () => {
  const workflow = readWorkflow('persetujuan-fork.yml');

  it('runs after the Persetujuan workflow, only for reviews on PRs from forks', () => {
    expect(workflow.on).toEqual({ workflow_run: { workflows: ['Persetujuan'], types: ['completed'] } });
    expect(workflow.jobs.nilai!.if).toBe("github.event.workflow_run.event == 'pull_request_review' && github.event.workflow_run.head_repository.full_name != github.repository");
  });

  it('passes the audit', () => {
    expect(auditWorkflow(workflow)).toEqual([]);
  });

  it('takes the PR number from the run name of persetujuan.yml, through env', () => {
    expect(readWorkflow('persetujuan.yml')['run-name' as keyof Workflow]).toBe('Persetujuan PR #${{ github.event.pull_request.number }}');
    const step = workflow.jobs.nilai!.steps.find((s) => s.run?.includes('tayang persetujuan'))!;
    expect(step.env?.RUN_NAME).toBe('${{ github.event.workflow_run.display_title }}');
    expect(step.run).toContain('--pr "${RUN_NAME##*#}"');
  });
});

describe('the audit catches what it must', () => {
  const unsafe: Workflow = {
    on: { pull_request_target: { types: ['opened'] } },
    jobs: {
      review: {
        permissions: { 'pull-requests': 'write' },
        steps: [{ uses: 'actions/checkout@v5', with: { ref: '${{ github.event.workflow_run.head_sha }}', 'persist-credentials': false } }],
      },
      bad: {
        permissions: { statuses: 'write' },
        steps: [
          { uses: 'actions/checkout@v5', with: { ref: '${{ github.event.pull_request.head.sha }}' } },
          { run: 'echo "${{ github.event.pull_request.title }}"' },
        ],
      },
    },
  };

  it('reports PR-head checkouts, kept credentials, PR text in shell and missing permissions', () => {
    expect(auditWorkflow(unsafe)).toEqual([
      'no top-level permissions: the token gets the repository default',
      'review: checks out ${{ github.event.workflow_run.head_sha }} with a write token; only the base commit is safe',
      'bad: checks out ${{ github.event.pull_request.head.sha }} with a write token; only the base commit is safe',
      'bad: checkout keeps the token in .git (persist-credentials)',
      'bad: an expression inside run: (echo "${{ github.event.pull_request.title }}")',
      'bad: PR-controlled text inside run:',
    ]);
  });

  it('knows that a review event checks out the PR\'s code by default', () => {
    const review: Workflow = { on: { pull_request_review: { types: ['submitted'] } }, permissions: {}, jobs: { j: { permissions: { statuses: 'write' }, steps: [{ uses: 'actions/checkout@v5', with: { 'persist-credentials': false } }] } } };
    expect(auditWorkflow(review)).toEqual(['j: checks out the default ref with a write token; only the base commit is safe']);
  });
});
