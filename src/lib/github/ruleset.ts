import { STATUS_CONTEXT } from './approval.ts';
import type { GithubClient } from './client.ts';

/**
 * The repository ruleset that makes "approved on GitHub" mean "approved under the SOP": the
 * default branch changes only through pull requests, a PR merges only when `tayang/persetujuan`
 * is green, and history cannot be rewritten or deleted.
 * https://docs.github.com/en/rest/repos/rules#create-a-repository-ruleset
 */

export const RULESET_NAME = 'Tayang';

export function tayangRuleset() {
  return {
    name: RULESET_NAME,
    target: 'branch' as const,
    enforcement: 'active' as const,
    conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    // Nobody bypasses: an admin who must publish urgently still goes through a PR (serta-merta
    // has its own fast lane in the config).
    bypass_actors: [],
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
        },
      },
      {
        type: 'required_status_checks' as const,
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: [{ context: STATUS_CONTEXT }],
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
export async function applyTayangRuleset(client: GithubClient, repository: { owner: string; repo: string }): Promise<RulesetApplied> {
  const { owner, repo } = repository;
  const existing = await client.paginate(client.rest.repos.getRepoRulesets, { owner, repo, per_page: 100, includes_parents: false });
  const ours = existing.find((ruleset) => ruleset.name === RULESET_NAME && ruleset.source_type !== 'Organization');
  if (ours) {
    const { data } = await client.rest.repos.updateRepoRuleset({ owner, repo, ruleset_id: ours.id, ...tayangRuleset() });
    return { id: data.id, action: 'updated', url: data._links?.html?.href ?? '' };
  }
  const { data } = await client.rest.repos.createRepoRuleset({ owner, repo, ...tayangRuleset() });
  return { id: data.id, action: 'created', url: data._links?.html?.href ?? '' };
}
