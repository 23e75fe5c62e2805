import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Static checks of every workflow in .github/workflows (issue 8): the approval verdict, the
 * records and the publication hold only if no branch can reach Tayang's App key or the posting
 * and deploy secrets, and no job that holds them ever runs or reads the PR's code as code.
 */

type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { if?: string; needs?: string | string[]; environment?: string | { name: string }; permissions?: unknown; env?: Record<string, unknown>; steps: Step[] };
type Workflow = { name?: string; on: Record<string, unknown>; permissions?: unknown; concurrency?: { group: string }; jobs: Record<string, Job> };

const DIR = new URL('../../.github/workflows/', import.meta.url);
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.yml'));
const readWorkflow = (name: string) => parse(readFileSync(new URL(name, DIR), 'utf8')) as Workflow;

const WRITE_SCOPES = new Set(['statuses', 'pull-requests', 'issues', 'contents', 'checks', 'actions', 'deployments', 'packages', 'pages', 'id-token']);
/** Environments whose deployment branches are the default branch only (docs/keamanan.md). */
const MAIN_ONLY_ENVIRONMENTS = new Set(['tayang', 'github-pages']);
/** Events whose runs take the workflow file and code from the PR's own branch. */
const BRANCH_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment'];

/** Expressions that carry text the PR's author chose. */
const UNTRUSTED = /github\.(event\.pull_request\.(title|body|head\.ref|head\.label)|head_ref|event\.review\.body|event\.comment\.body|event\.workflow_run\.(display_title|head_branch))/;
/** Refs that are the PR's own code. */
const PR_CODE_REF = /head|refs\/pull|merge|github\.ref\b|github\.sha\b/;

const environmentOf = (job: Job) => (typeof job.environment === 'string' ? job.environment : job.environment?.name);

/** Secrets other than GITHUB_TOKEN the job reads (names). */
function secretsOf(job: Job): string[] {
  const text = JSON.stringify([job.env, job.steps.map((s) => [s.env, s.with])]);
  return [...new Set([...text.matchAll(/secrets\.([A-Za-z0-9_]+)/g)].map((m) => m[1]!))].filter((name) => name !== 'GITHUB_TOKEN');
}

/** Checkouts of the PR's own commit (as code, or as data under a path). */
function prCheckouts(workflow: Workflow, job: Job): Step[] {
  const defaultIsPrCode = BRANCH_EVENTS.some((event) => event in workflow.on);
  return job.steps.filter((step) => {
    if (!step.uses?.startsWith('actions/checkout')) return false;
    const ref = step.with?.ref === undefined ? undefined : String(step.with.ref);
    return ref === undefined ? defaultIsPrCode : PR_CODE_REF.test(ref);
  });
}

/** What is unsafe in a workflow, as sentences; empty when nothing is. */
function auditWorkflow(workflow: Workflow): string[] {
  const problems: string[] = [];
  if (workflow.permissions === undefined) problems.push('no top-level permissions: the token gets the repository default');
  const fromBranch = BRANCH_EVENTS.some((event) => event in workflow.on);
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const permissions = (job.permissions ?? workflow.permissions) as Record<string, string> | string | undefined;
    if (permissions === undefined || typeof permissions === 'string') problems.push(`${name}: permissions must be listed scope by scope`);
    const writes = typeof permissions === 'object' && Object.entries(permissions).some(([scope, level]) => WRITE_SCOPES.has(scope) && level === 'write');
    const secrets = secretsOf(job);
    const environment = environmentOf(job);
    const usesApp = job.steps.some((s) => s.uses?.startsWith('actions/create-github-app-token'));
    if (secrets.length > 0 && !environment) problems.push(`${name}: reads ${secrets.join(', ')} without an environment limited to main`);
    if (environment && !MAIN_ONLY_ENVIRONMENTS.has(environment)) problems.push(`${name}: environment ${environment} is not one limited to main`);
    if (usesApp && environment !== 'tayang') problems.push(`${name}: mints the App token outside the tayang environment`);
    if (fromBranch && (secrets.length > 0 || environment || writes)) problems.push(`${name}: runs the branch's own workflow file yet holds secrets, an environment or a write token`);
    const prCode = prCheckouts(workflow, job);
    if (prCode.length > 0 && (secrets.length > 0 || environment || usesApp)) problems.push(`${name}: checks out PR code in a job that holds secrets`);
    for (const step of job.steps) {
      if (step.run && /\$\{\{/.test(step.run)) problems.push(`${name}: an expression inside run: (${step.run.trim().split('\n')[0]})`);
      if (step.run && UNTRUSTED.test(step.run)) problems.push(`${name}: PR-controlled text inside run:`);
      if (step.uses?.startsWith('actions/checkout')) {
        if (prCode.includes(step) && writes) problems.push(`${name}: checks out ${String(step.with?.ref ?? 'the default ref')} with a write token; only the base commit is safe`);
        if (step.with?.['persist-credentials'] !== false) problems.push(`${name}: checkout keeps the token in .git (persist-credentials)`);
      }
    }
    // PR files as data: nothing may be installed or run after they arrive, except the base's own bin.
    const dataAt = job.steps.findIndex((s) => prCode.includes(s) && s.with?.path !== undefined);
    for (const step of dataAt < 0 ? [] : job.steps.slice(dataAt + 1)) {
      if (step.uses && !step.uses.startsWith('actions/upload-artifact')) problems.push(`${name}: runs an action after the PR's files arrived (${step.uses})`);
      if (/(^|[\s;&|(])(npm|npx|node|yarn|pnpm|bash\s+naskah|\.\/)/m.test(step.run ?? '')) problems.push(`${name}: runs a program from the PR's files (${(step.run ?? '').trim().split('\n')[0]})`);
    }
  }
  return problems;
}

describe('every workflow in .github/workflows', () => {
  it.each(FILES)('%s passes the audit: secrets only in main-only environments, never with PR code, no PR text in shell', (file) => {
    expect(auditWorkflow(readWorkflow(file))).toEqual([]);
  });

  it('keeps the App key and every posting or deploy secret inside the tayang environment', () => {
    const holders = FILES.flatMap((file) => Object.entries(readWorkflow(file).jobs).filter(([, job]) => secretsOf(job).length > 0).map(([name, job]) => `${file}:${name}:${environmentOf(job)}`));
    expect(holders.length).toBeGreaterThan(0);
    for (const holder of holders) expect(holder).toMatch(/:tayang$/);
  });
});

describe('.github/workflows/persetujuan.yml', () => {
  const workflow = readWorkflow('persetujuan.yml');

  it('runs only on events that take the workflow from the default branch', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request_target', 'workflow_run']);
    expect(workflow.on.workflow_run).toEqual({ workflows: ['Tinjauan'], types: ['completed'] });
    expect((workflow.on.pull_request_target as { types: string[] }).types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'ready_for_review', 'reopened', 'edited', 'labeled', 'unlabeled']));
  });

  it('re-evaluates when the serta-merta label changes and ignores other labels', () => {
    expect(workflow.jobs.pr!.if).toContain("github.event.label.name == 'serta-merta'");
    expect(workflow.jobs.pr!.if).toContain("github.event.workflow_run.event == 'pull_request_review'");
  });

  it('checks the PR\'s files as data with the base code, in a job without secrets or write scopes', () => {
    const naskah = workflow.jobs.naskah!;
    expect(naskah.permissions).toEqual({ contents: 'read' });
    expect(environmentOf(naskah)).toBeUndefined();
    const data = naskah.steps.find((s) => s.with?.path === 'naskah')!;
    expect(data.with?.ref).toBe('${{ needs.pr.outputs.head }}');
    const install = naskah.steps.findIndex((s) => s.run?.startsWith('npm ci'));
    expect(install).toBeLessThan(naskah.steps.indexOf(data));
    const check = naskah.steps.find((s) => s.run?.includes('tayang periksa'))!;
    expect(check.run).toContain('--config "$GITHUB_WORKSPACE/tayang.config.yml"');
    expect(check.run).toContain('PATH="$GITHUB_WORKSPACE/node_modules/.bin:$PATH"');
    expect(check.run).toContain("jq --arg sha \"$HEAD_SHA\"");
  });

  it('sets the verdict with the App token, from the tayang environment, with the content report', () => {
    const nilai = workflow.jobs.nilai!;
    expect(environmentOf(nilai)).toBe('tayang');
    expect(nilai.needs).toEqual(['pr', 'naskah']);
    const step = nilai.steps.find((s) => s.run?.includes('tayang persetujuan'))!;
    expect(step.run).toContain('npx tayang persetujuan --pr "$PR_NUMBER" "${periksa[@]}"');
    expect(step.env).toMatchObject({ GITHUB_TOKEN: '${{ steps.app.outputs.token }}', TAYANG_APP_ID: '${{ vars.TAYANG_APP_ID }}', PR_NUMBER: '${{ needs.pr.outputs.number }}' });
  });

  it('takes the PR number from the event or the review run\'s name, through env, digits only', () => {
    const step = workflow.jobs.pr!.steps[0]!;
    expect(step.env).toMatchObject({ EVENT_NUMBER: '${{ github.event.pull_request.number }}', RUN_NAME: '${{ github.event.workflow_run.display_title }}' });
    expect(step.run).toContain('^[1-9][0-9]{0,9}$');
    expect(readWorkflow('tinjauan.yml')['run-name' as keyof Workflow]).toBe('Tinjauan PR #${{ github.event.pull_request.number }}');
  });

  it('evaluates one PR at a time, keyed by its number', () => {
    expect(workflow.concurrency?.group).toContain("format('Tinjauan PR #{0}', github.event.pull_request.number)");
    expect(workflow.concurrency?.group).toContain('github.event.workflow_run.display_title');
  });
});

describe('.github/workflows/tinjauan.yml', () => {
  it('marks a review and holds nothing: no token scope, no secret, no checkout', () => {
    const workflow = readWorkflow('tinjauan.yml');
    expect(workflow.on).toEqual({ pull_request_review: { types: ['submitted', 'edited', 'dismissed'] } });
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) {
      expect(job.permissions).toEqual({});
      expect(job.steps.every((s) => s.uses === undefined)).toBe(true);
    }
  });
});

describe('.github/workflows/catat.yml', () => {
  const workflow = readWorkflow('catat.yml');
  const job = workflow.jobs.catat!;

  it('records after every merge, and daily, catching up every merged PR', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request_target', 'schedule', 'workflow_dispatch', 'workflow_run']);
    const runs = job.steps.map((s) => s.run ?? '');
    const catat = runs.indexOf('npx tayang catat');
    const simpan = runs.indexOf('npx tayang simpan-catatan records/persetujuan --pesan "Catatan persetujuan"');
    expect(catat).toBeGreaterThan(0);
    expect(simpan).toBeGreaterThan(catat);
    expect(job.steps[simpan]!.if).toBe('${{ !cancelled() }}');
    // The chain of records is checked after the save, so a break never holds back new records.
    const chain = runs.indexOf('npx tayang laporan --periksa');
    expect(chain).toBeGreaterThan(simpan);
    expect(job.steps[chain]!.if).toBe('${{ !cancelled() }}');
  });

  it('records a serta-merta follow-up when a review lands on a merged PR, from the default branch', () => {
    expect(workflow.on.workflow_run).toEqual({ workflows: ['Tinjauan'], types: ['completed'] });
    const gate = workflow.jobs.susulan!;
    expect(gate.permissions).toEqual({ 'pull-requests': 'read' });
    expect(environmentOf(gate)).toBeUndefined();
    expect(gate.steps.every((s) => s.uses === undefined)).toBe(true);
    expect(job.needs).toBe('susulan');
    expect(job.if).toContain("needs.susulan.outputs.merged == 'true'");
    // Still after every merge and daily, when the gate job does not run.
    expect(job.if).toMatch(/^always\(\) && /);
  });

  it('pushes with the App\'s token, never the Actions token, and runs main\'s code', () => {
    expect(environmentOf(job)).toBe('tayang');
    expect(job.permissions).toEqual({ contents: 'read' });
    // Every step that talks to GitHub; the chain check reads the checkout only and gets no token.
    for (const step of job.steps.filter((s) => s.run?.includes('tayang') && !s.run.includes('laporan --periksa'))) expect(step.env?.GITHUB_TOKEN).toBe('${{ steps.app.outputs.token }}');
    expect(job.steps.find((s) => s.run === 'npx tayang laporan --periksa')?.env).toBeUndefined();
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with).toEqual({ ref: '${{ github.event.repository.default_branch }}', 'persist-credentials': false });
  });
});

describe('the audit catches what it must', () => {
  const checkout = (ref: string, path?: string): Step => ({ uses: 'actions/checkout@v5', with: { ref, 'persist-credentials': false, ...(path ? { path } : {}) } });

  it('reports PR-head checkouts, kept credentials, PR text in shell and missing permissions', () => {
    const unsafe: Workflow = {
      on: { pull_request_target: { types: ['opened'] } },
      jobs: {
        review: { permissions: { 'pull-requests': 'write' }, steps: [checkout('${{ github.event.workflow_run.head_sha }}')] },
        bad: {
          permissions: { statuses: 'write' },
          steps: [{ uses: 'actions/checkout@v5', with: { ref: '${{ github.event.pull_request.head.sha }}' } }, { run: 'echo "${{ github.event.pull_request.title }}"' }],
        },
      },
    };
    expect(auditWorkflow(unsafe)).toEqual([
      'no top-level permissions: the token gets the repository default',
      'review: checks out ${{ github.event.workflow_run.head_sha }} with a write token; only the base commit is safe',
      'bad: checks out ${{ github.event.pull_request.head.sha }} with a write token; only the base commit is safe',
      'bad: checkout keeps the token in .git (persist-credentials)',
      'bad: an expression inside run: (echo "${{ github.event.pull_request.title }}")',
      'bad: PR-controlled text inside run:',
    ]);
  });

  it('reports a secret outside a main-only environment, and the App token outside tayang', () => {
    const workflow: Workflow = {
      on: { push: { branches: ['main'] } },
      permissions: {},
      jobs: {
        kirim: { permissions: {}, steps: [{ run: 'npx tayang kirim', env: { X_API_KEY: '${{ secrets.X_API_KEY }}' } }] },
        lain: { permissions: {}, environment: 'uji', steps: [{ uses: 'actions/create-github-app-token@v2', with: { 'private-key': '${{ secrets.TAYANG_APP_KEY }}' } }] },
      },
    };
    expect(auditWorkflow(workflow)).toEqual([
      'kirim: reads X_API_KEY without an environment limited to main',
      'lain: environment uji is not one limited to main',
      'lain: mints the App token outside the tayang environment',
    ]);
  });

  it('reports secrets in a job that checks out PR code, and in a branch-run workflow', () => {
    const target: Workflow = {
      on: { pull_request_target: {} },
      permissions: {},
      jobs: { j: { permissions: { contents: 'read' }, environment: 'tayang', steps: [checkout('${{ needs.pr.outputs.head }}', 'naskah'), { run: 'cd naskah && npm ci' }] } },
    };
    expect(auditWorkflow(target)).toEqual(['j: checks out PR code in a job that holds secrets', "j: runs a program from the PR's files (cd naskah && npm ci)"]);
    const review: Workflow = { on: { pull_request_review: {} }, permissions: {}, jobs: { j: { permissions: { statuses: 'write' }, steps: [{ run: 'true', env: { T: '${{ secrets.TAYANG_APP_KEY }}' } }] } } };
    expect(auditWorkflow(review)).toEqual(['j: reads TAYANG_APP_KEY without an environment limited to main', "j: runs the branch's own workflow file yet holds secrets, an environment or a write token"]);
  });
});

describe('.github/workflows/pengingat.yml', () => {
  const workflow = readWorkflow('pengingat.yml');
  const job = workflow.jobs.pengingat!;

  it('runs hourly through the working day, Monday to Friday, and by hand from main only', () => {
    expect(workflow.on).toEqual({ schedule: [{ cron: '17 0-10 * * 1-5' }], workflow_dispatch: {} });
    expect(job.if).toBe('github.event_name == \'schedule\' || github.ref_name == github.event.repository.default_branch');
    expect(workflow.concurrency?.group).toBe('pengingat');
  });

  it('writes as Tayang\'s App from the tayang environment, its token narrowed to comments, issues and reading teams', () => {
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'read' });
    expect(environmentOf(job)).toBe('tayang');
    const token = job.steps.find((s) => s.uses?.startsWith('actions/create-github-app-token'))!;
    expect(token.with).toEqual({ 'app-id': '${{ vars.TAYANG_APP_ID }}', 'private-key': '${{ secrets.TAYANG_APP_KEY }}', 'permission-contents': 'read', 'permission-pull-requests': 'write', 'permission-issues': 'write', 'permission-members': 'read' });
    const step = job.steps.find((s) => s.run === 'npx tayang pengingat')!;
    expect(step.env).toEqual({ GITHUB_TOKEN: '${{ steps.app.outputs.token }}' });
  });
});

describe('.github/workflows/laporan.yml', () => {
  const workflow = readWorkflow('laporan.yml');
  const job = workflow.jobs.laporan!;

  it('runs on the first of every month, and by hand from main only', () => {
    expect(workflow.on).toEqual({ schedule: [{ cron: '0 1 1 * *' }], workflow_dispatch: {} });
    expect(job.if).toBe('github.event_name == \'schedule\' || github.ref_name == github.event.repository.default_branch');
    expect(workflow.concurrency?.group).toBe('laporan');
  });

  it('opens the issue with the Actions token, narrowed to reading code and writing issues, no secret and no environment', () => {
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(environmentOf(job)).toBeUndefined();
    expect(secretsOf(job)).toEqual([]);
    const step = job.steps.find((s) => s.run === 'npx tayang laporan --kinerja --periode bulan-lalu --issue')!;
    expect(step.env).toEqual({ GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
  });
});
