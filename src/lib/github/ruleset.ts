import { VERDICT_CHECK } from './approval.ts';
import type { GithubClient } from './client.ts';

/**
 * The repository ruleset that makes "approved on GitHub" mean "approved under the SOP": the
 * default branch changes only through pull requests (merge commit or squash, never rebase), a PR
 * merges only when Tayang's App has set `tayang/persetujuan` green on its head (the check is pinned
 * to the App's `integration_id`, so a status or check of that name from anyone else does not
 * count), and history cannot be rewritten or deleted. The App is the one bypass actor: it pushes the records (approval records, posting
 * ledger) straight to main; its key lives in an environment only main's workflows can use.
 * https://docs.github.com/en/rest/repos/rules#create-a-repository-ruleset
 */

export const RULESET_NAME = 'Tayang';

export function tayangRuleset(appId: number) {
  return {
    name: RULESET_NAME,
    target: 'branch' as const,
    enforcement: 'active' as const,
    conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    // Only the App bypasses (records); an admin who must publish urgently still goes through a
    // PR (serta-merta has its own fast lane in the config).
    bypass_actors: [{ actor_id: appId, actor_type: 'Integration' as const, bypass_mode: 'always' as const }],
    rules: [
      { type: 'deletion' as const },
      { type: 'non_fast_forward' as const },
      {
        type: 'pull_request' as const,
        parameters: {
          // Tayang counts the approvals per SOP stage; GitHub's own count would be a second,
          // different rule. Stale approvals are already ignored by Tayang (head commit only).
          required_approving_review_count: 0,
          dismiss_stale_reviews_on_push: false,
          require_code_owner_review: false,
          require_last_push_approval: false,
          required_review_thread_resolution: false,
          // A rebase merge puts copies of the PR's commits on main, none of them the PR's
          // merge_commit_sha: publication could not tie them to the approval, and would hold.
          allowed_merge_methods: ['merge' as const, 'squash' as const],
        },
      },
      {
        type: 'required_status_checks' as const,
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: [{ context: VERDICT_CHECK, integration_id: appId }],
        },
      },
    ],
  };
}

export interface RulesetApplied {
  id: number;
  action: 'created' | 'updated';
  url: string;
}

/** Creates the ruleset, or updates the repository's ruleset named "Tayang" when there is one. */
export async function applyTayangRuleset(client: GithubClient, repository: { owner: string; repo: string }, appId: number): Promise<RulesetApplied> {
  const { owner, repo } = repository;
  const existing = await client.paginate(client.rest.repos.getRepoRulesets, { owner, repo, per_page: 100, includes_parents: false });
  const ours = existing.find((ruleset) => ruleset.name === RULESET_NAME && ruleset.source_type !== 'Organization');
  if (ours) {
    const { data } = await client.rest.repos.updateRepoRuleset({ owner, repo, ruleset_id: ours.id, ...tayangRuleset(appId) });
    return { id: data.id, action: 'updated', url: data._links?.html?.href ?? '' };
  }
  const { data } = await client.rest.repos.createRepoRuleset({ owner, repo, ...tayangRuleset(appId) });
  return { id: data.id, action: 'created', url: data._links?.html?.href ?? '' };
}

/**
 * The GitHub App manifest for Tayang's identity: what it may do, nothing more. No webhook — the
 * workflows run it. Registering it from this manifest:
 * https://docs.github.com/en/apps/sharing-github-apps/registering-a-github-app-from-a-manifest
 */
export function tayangAppManifest(repository: { owner: string; repo: string } | undefined) {
  return {
    name: repository ? `Tayang ${repository.owner}` : 'Tayang',
    url: repository ? `https://github.com/${repository.owner}/${repository.repo}` : 'https://github.com',
    description: 'Penilai persetujuan SOP publikasi dan pencatat catatan persetujuan (Tayang).',
    public: false,
    hook_attributes: { url: 'https://example.invalid/tanpa-webhook', active: false },
    default_permissions: {
      // The required verdict (check run), the approval comment, labels, review requests.
      checks: 'write',
      pull_requests: 'write',
      issues: 'write',
      // Records pushed to main; the base config read from the API.
      contents: 'write',
      // Roles that name teams ("@org/tim").
      members: 'read',
      metadata: 'read',
    },
    default_events: [],
  };
}
