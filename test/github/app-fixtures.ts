import type { ContentReport } from '../../src/lib/github/content-check.ts';
import type { Identity } from '../support/github-server.ts';

/** Tayang's GitHub App as the tests' GitHub knows it, and the installation token that acts as it. */
export const TAYANG_APP = { login: 'tayang-kantor[bot]', app: { id: 4242, slug: 'tayang-kantor' } } satisfies Identity;
export const TAYANG_TOKEN = 'ghs-tayang-app';

/** A writer of the repository: their own token (or a branch workflow acting for them). */
export const WRITER: Identity = { login: 'penulis' };
export const WRITER_TOKEN = 'ghp-penulis';

/** What `tayang periksa --format json` reports for a head without findings, with its sha. */
export function cleanReport(sha: string): ContentReport {
  return { sha, files: 1, findings: [] };
}
