import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../test/approval/github-fixtures.ts';
import { authorshipOf, coAuthorsOf } from './authorship.ts';
import { CommitSchema, SnapshotSchema, type Snapshot } from './types.ts';

const HEAD = 'head0000000000000000000000000000000000000';
const OLD = 'old00000000000000000000000000000000000000';

/** A snapshot opened by `penulis`; each commit spec may replace its message. */
function snapshotWith(commits: { sha: string; author?: string | null; committer?: string | null; message?: string }[]): Snapshot {
  const snapshot = SnapshotSchema.parse(makeSnapshot({ author: 'penulis', opened: '2025-03-10T08:00:00+07:00', files: ['content/berita/a/index.md'], commits }));
  commits.forEach((spec, i) => {
    if (spec.message !== undefined) snapshot.commits[i]!.commit.message = spec.message;
  });
  return snapshot;
}

describe('coAuthorsOf', () => {
  it('reads several trailers, whatever the case of the key, with or without an address', () => {
    const message = 'Perbarui berita\n\nMenambah kutipan camat.\n\nCo-authored-by: Ani Lestari <ani@example.go.id>\nco-authored-by:Budi <123+budi@users.noreply.github.com>\nCO-AUTHORED-BY : Citra\nSigned-off-by: Penulis <p@example.go.id>';
    expect(coAuthorsOf(message)).toEqual([
      { name: 'Ani Lestari', email: 'ani@example.go.id' },
      { name: 'Budi', email: '123+budi@users.noreply.github.com' },
      { name: 'Citra' },
    ]);
  });

  it('reads trailers a squash left in earlier paragraphs, but not a mention inside a sentence', () => {
    const message = 'Gabungan\n\nPerbaiki judul\n\nCo-authored-by: Ani <ani@example.go.id>\r\n\r\nLihat juga baris Co-authored-by: Budi <b@example.go.id> di atas.';
    expect(coAuthorsOf(message)).toEqual([{ name: 'Ani', email: 'ani@example.go.id' }]);
  });
});

describe('authorshipOf', () => {
  it('takes co-authors with GitHub noreply addresses as authors, in both forms', () => {
    const { authors, unlinked } = authorshipOf(
      snapshotWith([{ sha: HEAD, message: 'Perbarui\n\nCo-authored-by: Ani <111+Kasubbag-A@users.noreply.github.com>\nCo-authored-by: Budi <ketua-divisi@users.noreply.github.com>' }]),
    );
    expect(authors).toEqual(['penulis', 'Kasubbag-A', 'ketua-divisi']);
    expect(unlinked).toEqual([]);
  });

  it('resolves a noreply address by the account ID it carries: a renamed reviewer is still the co-author', () => {
    const snapshot = snapshotWith([{ sha: HEAD, message: 'Perbarui\n\nCo-authored-by: Ani <4242+ani-lama@users.noreply.github.com>' }]);
    snapshot.reviews.push({ user: { login: 'kasubbag-a', id: 4242 }, state: 'APPROVED', commit_id: HEAD, submitted_at: '2025-03-10T09:00:00+07:00' });
    expect(authorshipOf(snapshot).authors).toEqual(['penulis', 'kasubbag-a']);
  });

  it('resolves a co-author by the e-mail of a commit GitHub linked, as author or committer', () => {
    const snapshot = snapshotWith([
      { sha: OLD, author: 'penulis', committer: 'kasubbag-b' },
      { sha: HEAD, message: 'Perbarui\n\nCo-authored-by: B <Kasubbag-B@Example.go.id>\nCo-authored-by: P <penulis@example.go.id>' },
    ]);
    snapshot.commits[0]!.commit.committer = { name: 'B', email: 'kasubbag-b@example.go.id' };
    expect(authorshipOf(snapshot)).toEqual({ authors: ['penulis', 'kasubbag-b'], unlinked: [] });
  });

  it('reports a co-author it cannot resolve, once per commit, with the address to correct', () => {
    const trailer = 'Co-authored-by: Siti <siti@gmail.com>';
    const { unlinked } = authorshipOf(
      snapshotWith([
        { sha: OLD, message: `A\n\n${trailer}\n${trailer}` },
        { sha: HEAD, message: `B\n\n${trailer}\nCo-authored-by: Tanpa Surel\nCo-authored-by: Bukan <budi@noreply.github.com>` },
      ]),
    );
    expect(unlinked).toEqual([
      { sha: 'old0000', role: 'co-author', name: 'Siti', email: 'siti@gmail.com' },
      { sha: 'head000', role: 'co-author', name: 'Siti', email: 'siti@gmail.com' },
      { sha: 'head000', role: 'co-author', name: 'Tanpa Surel' },
      { sha: 'head000', role: 'co-author', name: 'Bukan', email: 'budi@noreply.github.com' },
    ]);
  });

  it('does not resolve an address two accounts claim', () => {
    const snapshot = snapshotWith([
      { sha: OLD, author: 'kasubbag-a' },
      { sha: HEAD, author: 'kasubbag-b', message: 'B\n\nCo-authored-by: X <bersama@example.go.id>' },
    ]);
    for (const commit of snapshot.commits) commit.commit.author = { name: 'X', email: 'bersama@example.go.id' };
    expect(authorshipOf(snapshot).unlinked).toEqual([{ sha: 'head000', role: 'co-author', name: 'X', email: 'bersama@example.go.id' }]);
  });

  it('reports an unlinked committer, and web-flow as author, but accepts web-flow as committer', () => {
    const snapshot = snapshotWith([
      { sha: OLD, author: 'penulis', committer: null },
      { sha: HEAD, author: 'web-flow', committer: 'web-flow' },
      { sha: 'c3'.padEnd(40, '0'), author: 'penulis', committer: 'web-flow' },
    ]);
    expect(authorshipOf(snapshot)).toEqual({
      authors: ['penulis'],
      unlinked: [
        { sha: 'old0000', role: 'committer', name: 'GitHub' },
        { sha: 'head000', role: 'author', name: 'web-flow', account: 'web-flow' },
      ],
    });
  });

  it("reads GitHub's own listCommits example (@octokit/openapi)", () => {
    const api = JSON.parse(readFileSync(new URL('../../../node_modules/@octokit/openapi/generated/api.github.com.json', import.meta.url), 'utf8'));
    const [example] = api.components.examples['commit-items'].value;
    const commit = CommitSchema.parse({ ...example, commit: { ...example.commit, message: `${example.commit.message}\n\nCo-authored-by: Hubot <hubot@users.noreply.github.com>` } });
    expect(commit.commit.committer).toEqual({ name: 'Monalisa Octocat', email: 'support@github.com', date: '2011-04-14T16:00:49Z' });
    const snapshot = snapshotWith([{ sha: HEAD }]);
    expect(authorshipOf({ ...snapshot, commits: [commit] }).authors).toEqual(['penulis', 'octocat', 'hubot']);
    // Without its message the co-authors are unknown: such a commit is no snapshot.
    const { message: _, ...withoutMessage } = example.commit;
    expect(CommitSchema.safeParse({ ...example, commit: withoutMessage }).success).toBe(false);
  });
});
