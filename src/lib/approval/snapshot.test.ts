import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../test/approval/github-fixtures.ts';
import { formatProblems } from '../errors/problem.ts';
import { parseSnapshot } from './snapshot.ts';

const VALID = makeSnapshot({ author: 'penulis', opened: '2025-03-10T01:00:00Z', files: ['content/berita/a/index.md'] });

function problemsOf(data: unknown) {
  const result = parseSnapshot(typeof data === 'string' ? data : JSON.stringify(data), 'pr.json');
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseSnapshot', () => {
  it('reads GitHub responses as they come and keeps the fields it does not use', () => {
    const result = parseSnapshot(JSON.stringify(VALID), 'pr.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.pull.head.sha).toBe(VALID.pull.head.sha);
    expect((result.value.pull as Record<string, unknown>).html_url).toBe('https://github.com/kantor/situs/pull/7');
  });

  it('fills in an absent `teams` as no teams', () => {
    const { teams: _, ...withoutTeams } = VALID;
    const result = parseSnapshot(JSON.stringify(withoutTeams), 'pr.json');
    expect(result.ok && result.value.teams).toEqual({});
  });

  it('names the file and field of a missing part', () => {
    const { reviews: _, ...withoutReviews } = VALID;
    expect(formatProblems(problemsOf(withoutReviews))).toBe(
      'pr.json:1:1 — kolom `reviews`: wajib diisi, tetapi tidak ada.\n  Perbaikan: tambahkan kolom ini dengan daftar ([…]).',
    );
  });

  it('names the field of a value of the wrong shape', () => {
    const broken = { ...VALID, pull: { ...VALID.pull, head: { ...VALID.pull.head, sha: 42 } } };
    expect(problemsOf(broken)).toEqual([expect.objectContaining({ file: 'pr.json', field: 'pull.head.sha', message: 'harus teks, bukan 42.' })]);
  });

  it('rejects a timestamp that is not ISO 8601', () => {
    const broken = { ...VALID, pull: { ...VALID.pull, created_at: '10/03/2025' } };
    expect(problemsOf(broken)[0]).toMatchObject({ field: 'pull.created_at', message: expect.stringContaining('waktu ISO 8601') });
  });

  it('reports text that is not JSON instead of throwing', () => {
    expect(problemsOf('{"pull": ')[0]).toMatchObject({ file: 'pr.json', message: expect.stringMatching(/^bukan JSON yang sah/) });
  });

  it('reports a snapshot that is a list, not an object', () => {
    expect(problemsOf([])[0]).toMatchObject({ message: 'harus objek ({…}), bukan daftar.' });
  });
});
