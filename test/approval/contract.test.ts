import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `tayang persetujuan` held to DESIGN.md §4 from the outside, as the maintainers test it: the CLI
 * is run on snapshots shaped exactly like GitHub's REST responses (checked below against
 * `@octokit/openapi`) and a config written here, and only its exit code, JSON and messages are
 * read. Times are office wall-clock (WIB unless a scenario says otherwise); 10 March 2025 is a
 * Monday.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');

let dir: string;
let serial = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tayang-kontrak-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// GitHub REST shapes (pulls.get, pulls.listReviews, pulls.listCommits, pulls.listFiles)

const REPO = 'https://api.github.com/repos/kantor-uji/situs';
const FIRST = '1a'.repeat(20);
const HEAD = '3c'.repeat(20);
let nextId = 5000;

function simpleUser(login: string) {
  const id = nextId++;
  const url = `https://api.github.com/users/${login}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
    site_admin: false,
  };
}

function pull(options: { author: string; opened: string; head?: string; draft?: boolean; commits: number; files: number }) {
  const number = 42;
  const sha = options.head ?? HEAD;
  return {
    url: `${REPO}/pulls/${number}`,
    id: nextId++,
    node_id: 'PR_kwDOuji',
    html_url: `https://github.com/kantor-uji/situs/pull/${number}`,
    diff_url: `https://github.com/kantor-uji/situs/pull/${number}.diff`,
    patch_url: `https://github.com/kantor-uji/situs/pull/${number}.patch`,
    issue_url: `${REPO}/issues/${number}`,
    commits_url: `${REPO}/pulls/${number}/commits`,
    review_comments_url: `${REPO}/pulls/${number}/comments`,
    review_comment_url: `${REPO}/pulls/comments{/number}`,
    comments_url: `${REPO}/issues/${number}/comments`,
    statuses_url: `${REPO}/statuses/${sha}`,
    number,
    state: 'open',
    locked: false,
    title: 'Berita: Rapat koordinasi kecamatan',
    user: simpleUser(options.author),
    body: 'Menindaklanjuti permintaan publikasi #3.',
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: options.opened,
    updated_at: options.opened,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: { label: `kantor-uji:${options.author}/berita`, ref: `${options.author}/berita`, sha, user: simpleUser('kantor-uji'), repo: null },
    base: { label: 'kantor-uji:main', ref: 'main', sha: '0e'.repeat(20), user: simpleUser('kantor-uji'), repo: null },
    _links: {},
    author_association: 'MEMBER',
    auto_merge: null,
    draft: options.draft ?? false,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'blocked',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: options.commits,
    additions: 12,
    deletions: 0,
    changed_files: options.files,
  };
}

interface ReviewSpec {
  /** null: a deleted ("ghost") account. */
  login: string | null;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  /** Office wall-clock time (WIB) or a full ISO time; absent for a PENDING review. */
  at?: string;
  on?: string;
  body?: string;
}

function review(spec: ReviewSpec, head: string) {
  const id = nextId++;
  return {
    id,
    node_id: `PRR_${id}`,
    user: spec.login === null ? null : simpleUser(spec.login),
    body: spec.body ?? '',
    state: spec.state,
    html_url: `https://github.com/kantor-uji/situs/pull/42#pullrequestreview-${id}`,
    pull_request_url: `${REPO}/pulls/42`,
    _links: { html: { href: `https://github.com/kantor-uji/situs/pull/42#pullrequestreview-${id}` }, pull_request: { href: `${REPO}/pulls/42` } },
    // GitHub leaves submitted_at out of a review that has not been submitted yet.
    ...(spec.state === 'PENDING' || spec.at === undefined ? {} : { submitted_at: wib(spec.at) }),
    commit_id: spec.on ?? head,
    author_association: 'MEMBER',
  };
}

interface CommitSpec {
  sha: string;
  /** GitHub account of the author: null or {} when the e-mail matches no account. */
  author?: string | null | 'empty';
  /** GitHub account of the committer (default web-flow, as in the web editor): null or {} when unlinked. */
  committer?: string | null | 'empty';
  message?: string;
}

function commit(spec: CommitSpec, prAuthor: string, date: string) {
  const account = (login: string | null | 'empty') => (login === null ? null : login === 'empty' ? {} : simpleUser(login));
  const author = spec.author === undefined ? prAuthor : spec.author;
  const name = typeof author === 'string' && author !== 'empty' ? author : 'Tanpa Akun';
  return {
    url: `${REPO}/commits/${spec.sha}`,
    sha: spec.sha,
    node_id: `C_${spec.sha}`,
    html_url: `https://github.com/kantor-uji/situs/commit/${spec.sha}`,
    comments_url: `${REPO}/commits/${spec.sha}/comments`,
    commit: {
      url: `${REPO}/git/commits/${spec.sha}`,
      author: { name, email: `${name}@contoh.go.id`, date },
      committer: { name: 'GitHub', email: 'noreply@github.com', date },
      message: spec.message ?? 'Perbarui berita',
      comment_count: 0,
      tree: { sha: '7f'.repeat(20), url: `${REPO}/git/trees/${'7f'.repeat(20)}` },
    },
    author: account(author),
    committer: account(spec.committer === undefined ? 'web-flow' : spec.committer),
    parents: [],
  };
}

interface FileSpec {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

function file(spec: FileSpec | string) {
  const { filename, status = 'modified', previous_filename } = typeof spec === 'string' ? { filename: spec } : spec;
  return {
    sha: '9d'.repeat(20),
    filename,
    status,
    additions: status === 'removed' ? 0 : 12,
    deletions: status === 'removed' ? 12 : 0,
    changes: 12,
    blob_url: `https://github.com/kantor-uji/situs/blob/${HEAD}/${filename}`,
    raw_url: `https://github.com/kantor-uji/situs/raw/${HEAD}/${filename}`,
    contents_url: `${REPO}/contents/${filename}?ref=${HEAD}`,
    ...(status === 'removed' ? {} : { patch: '@@ -0,0 +1,12 @@' }),
    ...(previous_filename ? { previous_filename } : {}),
  };
}

interface Scenario {
  author?: string;
  /** Office wall-clock time the PR was opened. */
  opened?: string;
  draft?: boolean;
  files?: (FileSpec | string)[];
  /** In order; the last is the head. */
  commits?: CommitSpec[];
  reviews?: ReviewSpec[];
  teams?: Record<string, string[]>;
}

/** "2025-03-10T09:00" → WIB; a time with its own offset (or Z) stays as it is. */
function wib(time: string): string {
  return /(Z|[+-]\d{2}:\d{2})$/.test(time) ? time : `${time}:00+07:00`;
}

function snapshot(s: Scenario) {
  const author = s.author ?? 'rina-penulis';
  const opened = wib(s.opened ?? '2025-03-10T08:00');
  const commits = (s.commits ?? [{ sha: HEAD }]).map((c) => commit(c, author, opened));
  const head = commits.at(-1)!.sha;
  const files = (s.files ?? ['content/berita/rapat-koordinasi/index.md']).map(file);
  return {
    pull: pull({ author, opened, head, draft: s.draft, commits: commits.length, files: files.length }),
    reviews: (s.reviews ?? []).map((r) => review(r, head)),
    commits,
    files,
    teams: s.teams ?? { 'kantor-uji/ketua-divisi': ['Dewi-Kadiv'] },
  };
}

// ---------------------------------------------------------------------------------------------
// The office config (base branch), as an office would write it

const CONFIG = `
kantor:
  nama: Kantor Uji
  induk: Pemerintah Kabupaten Uji
  alamat: Jl. Merdeka 1, Uji
  situs: https://uji.go.id
  zona_waktu: Asia/Jakarta
sop:
  nomor: 800/1/2025
  nama: SOP Publikasi Kantor Uji
  tanggal_efektif: 2025-01-01
  disahkan_oleh: Kepala Kantor Uji
jam_kerja:
  hari: [senin, selasa, rabu, kamis, jumat]
  mulai: "07:30"
  selesai: "16:00"
  libur: [2025-03-31, 2025-04-01]
peran:
  penulis:
    nama: Penulis
    anggota: [rina-penulis]
  kasubbag:
    nama: Kasubbag Umum
    anggota: [Budi-Kasubbag, sari-kasubbag]
    pengganti:
      - { akun: plh-kasubbag, sampai: 2025-03-14, dasar: "Surat Plh. Nomor 800/9/2025" }
  ketua-divisi:
    nama: Ketua Divisi
    anggota: ["@kantor-uji/ketua-divisi"]
    pengganti:
      - { akun: plt-kadiv, sampai: 2025-03-14 }
  kepala:
    nama: Kepala Kantor
    anggota: [kepala-uji]
  admin-web:
    nama: Admin Web
    anggota: [admin-web-uji]
alur:
  - id: sistem
    nama: Perubahan sistem
    berkas: [tayang.config.yml, ".github/**", "src/**"]
    tahap:
      - { id: persetujuan-kepala, nama: Persetujuan Kepala, peran: kepala }
  - id: berita-kantor
    nama: Berita kegiatan kantor
    berkas: ["content/berita/kegiatan-kantor-*/**"]
    tahap:
      - { id: unggah-admin, nama: Unggah Admin Web, peran: admin-web, mutu_baku: 30 menit }
  - id: publikasi
    nama: Publikasi berita dan pengumuman
    jenis: [berita, pengumuman]
    urutan: ketat
    tahap:
      - { id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag, mutu_baku: 1 jam }
      - { id: pemeriksaan, nama: Pemeriksaan Ketua Divisi, peran: ketua-divisi, mutu_baku: 1 hari }
  - id: dokumen
    nama: Dokumen resmi
    jenis: [dokumen]
    urutan: bebas
    tahap:
      - { id: telaah, nama: Telaah Kasubbag, peran: kasubbag, minimal: 2, mutu_baku: 2 jam }
      - { id: tanda-tangan, nama: Persetujuan Kepala, peran: kepala, mutu_baku: tentatif }
`;

const NEWS = 'content/berita/rapat-koordinasi/index.md';
const DOC = 'content/dokumen/perbup-12-2025/index.md';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: Verdict;
}

interface Verdict {
  state: string;
  flows: string[];
  stages: { id: string; flow: string; state: string; approvers: string[]; elapsed_minutes: number; standard_minutes: number | null; overdue: boolean }[];
  messages: string[];
}

async function write(name: string, content: string): Promise<string> {
  const path = join(dir, `${serial++}-${name}`);
  await writeFile(path, content);
  return path;
}

function cli(args: string[]): Promise<Omit<Run, 'json'>> {
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'persetujuan', ...args], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const NOW = '2025-03-10T12:00';

/** Runs `persetujuan --format json` on a scenario; `now` is office wall-clock (WIB). */
function judge(scenario: Scenario, now: string, config = CONFIG): Promise<Run> {
  return judgeRaw(snapshot(scenario), now, config);
}

/** Like `judge`, for a snapshot a scenario has already built (and a test has bent). */
async function judgeRaw(raw: ReturnType<typeof snapshot>, now = NOW, config = CONFIG): Promise<Run> {
  const snapshotPath = await write('snapshot.json', JSON.stringify(raw));
  const configPath = await write('tayang.config.yml', config);
  const result = await cli(['--snapshot', snapshotPath, '--config', configPath, '--sekarang', wib(now), '--format', 'json']);
  let json: Verdict;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    throw new Error(`no JSON on stdout (exit ${result.code}): ${result.stderr}`);
  }
  // Exit code and state always agree: 0 only for approved.
  expect(result.code).toBe(json.state === 'approved' ? 0 : 1);
  return { ...result, json };
}

const stage = (run: Run, id: string) => run.json.stages.find((s) => s.id === id)!;

/** Kasubbag then the Ketua Divisi (via the team), in order, on the head. */
const IN_ORDER: ReviewSpec[] = [
  { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:00' },
  { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T10:00' },
];

describe.concurrent('tayang persetujuan, black box (DESIGN.md §4)', () => {
  it('fixtures carry every field GitHub marks required (pulls.get, listReviews, listCommits, listFiles)', async () => {
    const api = JSON.parse(await readFile(join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'), 'utf8'));
    const required = (name: string): string[] => api.components.schemas[name].required;
    const s = snapshot({ reviews: IN_ORDER });
    expect(required('pull-request').filter((key) => !(key in s.pull))).toEqual([]);
    expect(required('simple-user').filter((key) => !(key in s.pull.user))).toEqual([]);
    expect(required('pull-request-review').filter((key) => !(key in s.reviews[0]!))).toEqual([]);
    expect(required('commit').filter((key) => !(key in s.commits[0]!))).toEqual([]);
    expect(required('diff-entry').filter((key) => !(key in s.files[0]!))).toEqual([]);
  });

  describe.concurrent('JSON output and exit codes', () => {
    it('approved: exit 0 and exactly the contract JSON', async () => {
      const run = await judge({ reviews: IN_ORDER }, '2025-03-10T11:00');
      expect(run.code).toBe(0);
      expect(run.json).toEqual({
        state: 'approved',
        flows: ['publikasi'],
        stages: [
          { id: 'verifikasi', flow: 'publikasi', state: 'approved', approvers: ['sari-kasubbag'], elapsed_minutes: 60, standard_minutes: 60, overdue: false },
          { id: 'pemeriksaan', flow: 'publikasi', state: 'approved', approvers: ['dewi-kadiv'], elapsed_minutes: 60, standard_minutes: 510, overdue: false },
        ],
        messages: [expect.any(String)],
      });
    });

    it('nothing reviewed yet: exit 1, first stage pending, the next one waiting with its clock not started', async () => {
      const run = await judge({}, '2025-03-10T09:15');
      expect(run.code).toBe(1);
      expect(run.json.state).toBe('pending');
      expect(run.json.stages).toEqual([
        { id: 'verifikasi', flow: 'publikasi', state: 'pending', approvers: [], elapsed_minutes: 75, standard_minutes: 60, overdue: true },
        { id: 'pemeriksaan', flow: 'publikasi', state: 'waiting', approvers: [], elapsed_minutes: 0, standard_minutes: 510, overdue: false },
      ]);
      expect(run.json.messages.join('\n')).toMatch(/Menunggu verifikasi Kasubbag/);
    });
  });

  describe.concurrent('strict order (urutan: ketat)', () => {
    it('a later stage that approved first does not count until it approves again after the earlier stage', async () => {
      const early = await judge({ reviews: [{ login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T09:00' }, { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T10:00' }] }, NOW);
      expect(early.json.state).toBe('pending');
      expect(stage(early, 'verifikasi').state).toBe('approved');
      expect(stage(early, 'pemeriksaan')).toMatchObject({ state: 'pending', approvers: [] });
      const again = await judge(
        {
          reviews: [
            { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T09:00' },
            { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T10:00' },
            { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T10:30' },
          ],
        },
        NOW,
      );
      expect(again.json.state).toBe('approved');
    });

    it('an approval with the same timestamp as the earlier stage passing is not "after" it; one second later is', async () => {
      const same = await judge({ reviews: [{ login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:00' }, { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T09:00' }] }, NOW);
      expect(same.json.state).toBe('pending');
      const later = await judge(
        { reviews: [{ login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:00' }, { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T09:00:01+07:00' }] },
        NOW,
      );
      expect(later.json.state).toBe('approved');
    });

    it('the earlier stage approving again on the same head does not push the later approval back to "too early"', async () => {
      const run = await judge({ reviews: [...IN_ORDER, { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T11:00', body: 'Tetap setuju.' }] }, NOW);
      expect(run.json.state).toBe('approved');
      expect(stage(run, 'verifikasi').elapsed_minutes).toBe(60);
    });

    it('in a free flow (urutan: bebas) stages pass in any order, and minimal: 2 needs two members', async () => {
      const one = await judge(
        { files: [DOC], reviews: [{ login: 'kepala-uji', state: 'APPROVED', at: '2025-03-10T08:30' }, { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:00' }] },
        NOW,
      );
      expect(one.json.flows).toEqual(['dokumen']);
      expect(one.json.state).toBe('pending');
      expect(stage(one, 'telaah')).toMatchObject({ state: 'pending', approvers: ['sari-kasubbag'] });
      expect(stage(one, 'tanda-tangan')).toMatchObject({ state: 'approved', approvers: ['kepala-uji'], standard_minutes: null, overdue: false });
      const two = await judge(
        {
          files: [DOC],
          reviews: [
            { login: 'kepala-uji', state: 'APPROVED', at: '2025-03-10T08:30' },
            { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:00' },
            { login: 'budi-kasubbag', state: 'APPROVED', at: '2025-03-10T09:30' },
          ],
        },
        NOW,
      );
      expect(two.json.state).toBe('approved');
      expect(stage(two, 'telaah')).toMatchObject({ approvers: ['sari-kasubbag', 'budi-kasubbag'], elapsed_minutes: 90, standard_minutes: 120, overdue: false });
    });
  });

  describe.concurrent('head commit and latest review per user', () => {
    it('a push after the approvals makes them stale; re-approvals on the new head count', async () => {
      const commits = [{ sha: FIRST }, { sha: HEAD }];
      const stale = await judge({ commits, reviews: IN_ORDER.map((r) => ({ ...r, on: FIRST })) }, NOW);
      expect(stale.json.state).toBe('pending');
      expect(stage(stale, 'verifikasi')).toMatchObject({ state: 'pending', approvers: [] });
      const again = await judge(
        {
          commits,
          reviews: [
            ...IN_ORDER.map((r) => ({ ...r, on: FIRST })),
            { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T10:30' },
            { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T10:45' },
          ],
        },
        NOW,
      );
      expect(again.json.state).toBe('approved');
    });

    it('a ketat later stage re-approving on the new head before the earlier stage re-approved is too early', async () => {
      const run = await judge(
        {
          commits: [{ sha: FIRST }, { sha: HEAD }],
          reviews: [
            ...IN_ORDER.map((r) => ({ ...r, on: FIRST })),
            { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T10:30' },
            { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T10:45' },
          ],
        },
        NOW,
      );
      expect(run.json.state).toBe('pending');
    });

    it('DISMISSED removes an approval (GitHub turns the review itself into DISMISSED, or a later one is)', async () => {
      const turned = await judge({ reviews: [IN_ORDER[0]!, { ...IN_ORDER[1]!, state: 'DISMISSED' }] }, NOW);
      expect(turned.json.state).toBe('pending');
      expect(stage(turned, 'pemeriksaan')).toMatchObject({ state: 'pending', approvers: [] });
      const later = await judge({ reviews: [...IN_ORDER, { login: 'sari-kasubbag', state: 'DISMISSED', at: '2025-03-10T11:00' }] }, NOW);
      expect(later.json.state).toBe('pending');
      expect(stage(later, 'verifikasi').state).toBe('pending');
    });

    it('the latest review is the latest by submitted_at, whatever the order of the list; a review whose commit GitHub lost (commit_id null) is stale', async () => {
      const snap = snapshot({
        reviews: [IN_ORDER[1]!, { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:30' }, { login: 'sari-kasubbag', state: 'CHANGES_REQUESTED', at: '2025-03-10T08:30' }],
      });
      const run = await judgeRaw(snap);
      expect(stage(run, 'verifikasi')).toMatchObject({ state: 'approved', approvers: ['sari-kasubbag'] });
      const lost = snapshot({ reviews: IN_ORDER });
      (lost.reviews[0] as { commit_id: string | null }).commit_id = null;
      expect(stage(await judgeRaw(lost), 'verifikasi')).toMatchObject({ state: 'pending', approvers: [] });
    });

    it('COMMENTED after APPROVED changes nothing', async () => {
      const run = await judge({ reviews: [...IN_ORDER, { login: 'sari-kasubbag', state: 'COMMENTED', at: '2025-03-10T11:00', body: 'Foto bagus.' }] }, NOW);
      expect(run.json.state).toBe('approved');
    });

    it('a PENDING review (not submitted, no submitted_at) is ignored', async () => {
      const run = await judge({ reviews: [IN_ORDER[0]!, { login: 'dewi-kadiv', state: 'PENDING' }] }, NOW);
      expect(run.json.state).toBe('pending');
      const raw = snapshot({ reviews: [{ login: 'dewi-kadiv', state: 'PENDING' }] });
      expect(raw.reviews[0]).not.toHaveProperty('submitted_at');
    });

    it('a review by a deleted account (user null) counts for nothing and breaks nothing', async () => {
      const run = await judge({ reviews: [IN_ORDER[0]!, { login: null, state: 'APPROVED', at: '2025-03-10T10:00' }, { login: null, state: 'CHANGES_REQUESTED', at: '2025-03-10T10:05' }] }, NOW);
      expect(run.json.state).toBe('pending');
      expect(stage(run, 'pemeriksaan')).toMatchObject({ state: 'pending', approvers: [] });
    });

    it('logins match whatever their case ("Budi-Kasubbag" in the config, "budi-kasubbag" on GitHub; team "Dewi-Kadiv")', async () => {
      const run = await judge({ reviews: [{ login: 'budi-kasubbag', state: 'APPROVED', at: '2025-03-10T09:00' }, IN_ORDER[1]!] }, NOW);
      expect(run.json.state).toBe('approved');
      expect(stage(run, 'verifikasi').approvers).toEqual(['budi-kasubbag']);
    });
  });

  describe.concurrent('Request changes', () => {
    it('by a member of the pending stage returns the PR to the author, with the reason', async () => {
      const run = await judge({ reviews: [{ login: 'sari-kasubbag', state: 'CHANGES_REQUESTED', at: '2025-03-10T09:00', body: 'Nama narasumber salah eja.' }] }, NOW);
      expect(run.code).toBe(1);
      expect(run.json.state).toBe('changes_requested');
      expect(stage(run, 'verifikasi').state).toBe('changes_requested');
      expect(run.json.messages.join('\n')).toContain('Nama narasumber salah eja.');
    });

    it('stands even when another member of the stage approved', async () => {
      const run = await judge(
        {
          reviews: [
            { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:00' },
            { login: 'budi-kasubbag', state: 'CHANGES_REQUESTED', at: '2025-03-10T09:10', body: 'Tunggu data BPS.' },
          ],
        },
        NOW,
      );
      expect(run.json.state).toBe('changes_requested');
    });

    it('by someone who is no member of the pending stage changes nothing', async () => {
      const run = await judge({ reviews: [{ login: 'warga-iseng', state: 'CHANGES_REQUESTED', at: '2025-03-10T09:00', body: 'Tidak setuju.' }] }, NOW);
      expect(run.json.state).toBe('pending');
      expect(stage(run, 'verifikasi').state).toBe('pending');
    });

    it('by a member of a later stage while an earlier stage is pending does not return the PR yet (that stage is waiting)', async () => {
      const run = await judge({ reviews: [{ login: 'dewi-kadiv', state: 'CHANGES_REQUESTED', at: '2025-03-10T09:00', body: 'Judul terlalu panjang.' }] }, NOW);
      expect(run.json.state).toBe('pending');
      expect(run.json.stages.map((s) => s.state)).toEqual(['pending', 'waiting']);
      // Once the earlier stage passes, the later stage's objection stands.
      const turn = await judge(
        {
          reviews: [
            { login: 'dewi-kadiv', state: 'CHANGES_REQUESTED', at: '2025-03-10T09:00', body: 'Judul terlalu panjang.' },
            { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:30' },
          ],
        },
        NOW,
      );
      expect(turn.json.state).toBe('changes_requested');
      expect(turn.json.stages.map((s) => s.state)).toEqual(['approved', 'changes_requested']);
    });

    it('reject → fix pushed (still returned: her latest review is the objection) → re-approved', async () => {
      const reject: ReviewSpec = { login: 'sari-kasubbag', state: 'CHANGES_REQUESTED', at: '2025-03-10T09:00', body: 'Tambahkan sumber.', on: FIRST };
      const rejected = await judge({ commits: [{ sha: FIRST }], reviews: [{ ...reject, on: undefined }] }, NOW);
      expect(rejected.json.state).toBe('changes_requested');
      const fixed = await judge({ commits: [{ sha: FIRST }, { sha: HEAD }], reviews: [reject] }, NOW);
      expect(fixed.json.state).toBe('changes_requested');
      expect(stage(fixed, 'verifikasi').state).toBe('changes_requested');
      expect(fixed.json.messages.join('\n')).toMatch(/sari-kasubbag meminta perbaikan pada commit lama/);
      // Another member's approval of the fix does not override her objection.
      const other = await judge(
        { commits: [{ sha: FIRST }, { sha: HEAD }], reviews: [reject, { login: 'budi-kasubbag', state: 'APPROVED', at: '2025-03-10T10:00' }, { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T10:30' }] },
        NOW,
      );
      expect(other.json.state).toBe('changes_requested');
      expect(stage(other, 'verifikasi')).toMatchObject({ state: 'changes_requested', approvers: ['budi-kasubbag'] });
      expect(stage(other, 'pemeriksaan').state).toBe('waiting');
      const approved = await judge(
        {
          commits: [{ sha: FIRST }, { sha: HEAD }],
          reviews: [reject, { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T10:00' }, { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-10T10:30' }],
        },
        NOW,
      );
      expect(approved.json.state).toBe('approved');
    });

    it('a dismissed request for changes no longer holds the stage', async () => {
      const run = await judge(
        {
          reviews: [
            { login: 'budi-kasubbag', state: 'DISMISSED', at: '2025-03-10T08:30', body: 'Tunggu data BPS.' },
            ...IN_ORDER,
          ],
        },
        NOW,
      );
      expect(run.json.state).toBe('approved');
    });
  });

  describe.concurrent('who may approve', () => {
    it('the PR author does not count even as a member of the role', async () => {
      const run = await judge({ author: 'sari-kasubbag', reviews: IN_ORDER }, NOW);
      expect(run.json.state).toBe('pending');
      expect(stage(run, 'verifikasi')).toMatchObject({ state: 'pending', approvers: [] });
    });

    it('a commit author or committer cannot approve', async () => {
      const authored = await judge({ commits: [{ sha: FIRST, author: 'Sari-Kasubbag' }, { sha: HEAD }], reviews: IN_ORDER }, NOW);
      expect(authored.json.state).toBe('pending');
      expect(stage(authored, 'verifikasi').approvers).toEqual([]);
      const committed = await judge({ commits: [{ sha: FIRST }, { sha: HEAD, committer: 'dewi-kadiv' }], reviews: IN_ORDER }, NOW);
      expect(committed.json.state).toBe('pending');
      expect(stage(committed, 'pemeriksaan').approvers).toEqual([]);
    });

    it('a commit whose author has no GitHub account (author null or {}) is no crash, and the PR is not approved: its writer is unknown', async () => {
      for (const author of [null, 'empty'] as const) {
        const run = await judge({ commits: [{ sha: FIRST, author }, { sha: HEAD }], reviews: IN_ORDER }, NOW);
        expect(run.json.state).toBe('pending');
        expect(run.json.stages.map((s) => s.state)).toEqual(['approved', 'approved']);
        expect(run.json.messages.join('\n')).toMatch(/tidak terhubung ke akun GitHub/);
      }
    });

    it('a co-author (Co-authored-by trailer, GitHub noreply address) cannot approve', async () => {
      const message = 'Perbarui berita\n\nData dari Kasubbag.\n\nCo-authored-by: Sari <5021+sari-kasubbag@users.noreply.github.com>';
      const run = await judge({ commits: [{ sha: HEAD, message }], reviews: IN_ORDER }, NOW);
      expect(run.json.state).toBe('pending');
      expect(stage(run, 'verifikasi')).toMatchObject({ state: 'pending', approvers: [] });
      expect(run.json.messages.join('\n')).toMatch(/persetujuan sari-kasubbag, karena ia ikut menulis PR ini/);
    });

    it('a co-author no GitHub account can be tied to blocks the PR, naming commit and person', async () => {
      const message = 'Perbarui berita\n\nCo-authored-by: Siti Aminah <siti.aminah@gmail.com>';
      const run = await judge({ commits: [{ sha: HEAD, message }], reviews: IN_ORDER }, NOW);
      expect(run.json.state).toBe('pending');
      expect(run.json.stages.map((s) => s.state)).toEqual(['approved', 'approved']);
      expect(run.json.messages).toContainEqual(expect.stringMatching(/^Commit 3c3c3c3 menyebut rekan penulis "Siti Aminah" .*noreply/));
    });

    it('a commit whose committer has no GitHub account (committer null or {}) blocks the PR; web-flow as author does too', async () => {
      for (const committer of [null, 'empty'] as const) {
        const run = await judge({ commits: [{ sha: FIRST, committer }, { sha: HEAD }], reviews: IN_ORDER }, NOW);
        expect(run.json.state).toBe('pending');
        expect(run.json.stages.map((s) => s.state)).toEqual(['approved', 'approved']);
        expect(run.json.messages).toContainEqual(expect.stringMatching(/^Commit 1a1a1a1 \(committer "GitHub"\) tidak terhubung ke akun GitHub/));
      }
      const bot = await judge({ commits: [{ sha: HEAD, author: 'web-flow' }], reviews: IN_ORDER }, NOW);
      expect(bot.json.state).toBe('pending');
      expect(bot.json.messages).toContainEqual(expect.stringMatching(/^Commit 3c3c3c3 tercatat ditulis oleh akun web-flow milik GitHub/));
    });

    it('a team member counts; without the team in the snapshot nobody from it does', async () => {
      const known = await judge({ reviews: IN_ORDER }, NOW);
      expect(known.json.state).toBe('approved');
      const unknown = await judge({ reviews: IN_ORDER, teams: {} }, NOW);
      expect(unknown.json.state).toBe('pending');
      expect(unknown.json.messages.join('\n')).toMatch(/@kantor-uji\/ketua-divisi/);
      const atKey = await judge({ reviews: IN_ORDER, teams: { '@Kantor-Uji/Ketua-Divisi': ['dewi-kadiv'] } }, NOW);
      expect(atKey.json.state).toBe('approved');
    });

    it('one person counts for one stage only', async () => {
      const both = await judge({ reviews: IN_ORDER, teams: { 'kantor-uji/ketua-divisi': ['sari-kasubbag'] } }, NOW);
      expect(both.json.state).toBe('pending');
      expect(both.json.stages.map((s) => s.approvers)).toEqual([['sari-kasubbag'], []]);
      // …and is placed where the PR gets furthest: Budi takes the first stage, Sari the second.
      const placed = await judge(
        {
          reviews: [
            { login: 'budi-kasubbag', state: 'APPROVED', at: '2025-03-10T08:30' },
            { login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T09:00' },
          ],
          teams: { 'kantor-uji/ketua-divisi': ['sari-kasubbag'] },
        },
        NOW,
      );
      expect(placed.json.state).toBe('approved');
      expect(placed.json.stages.map((s) => s.approvers)).toEqual([['budi-kasubbag'], ['sari-kasubbag']]);
    });

    it('a stand-in counts until the end of the `sampai` day (office time), not a minute after', async () => {
      const at = (standIn: string, kadiv: string): Scenario => ({
        opened: '2025-03-14T08:00',
        reviews: [
          { login: 'plh-kasubbag', state: 'APPROVED', at: standIn },
          { login: 'dewi-kadiv', state: 'APPROVED', at: kadiv },
        ],
      });
      const lastMinute = await judge(at('2025-03-14T23:59', '2025-03-14T23:59:30+07:00'), '2025-03-14T23:59:45+07:00');
      expect(lastMinute.json.state).toBe('approved');
      expect(stage(lastMinute, 'verifikasi').approvers).toEqual(['plh-kasubbag']);
      const nextDay = await judge(at('2025-03-15T00:01', '2025-03-15T00:02'), '2025-03-15T00:05');
      expect(nextDay.json.state).toBe('pending');
      expect(stage(nextDay, 'verifikasi').approvers).toEqual([]);
    });

    it('an approval a stand-in gave during the mandate stays valid when the PR is judged after it', async () => {
      const reviews: ReviewSpec[] = [{ login: 'plh-kasubbag', state: 'APPROVED', at: '2025-03-14T23:59' }, { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-17T08:00' }];
      const run = await judge({ opened: '2025-03-14T08:00', reviews }, '2025-03-17T09:00');
      expect(run.json.state).toBe('approved');
      expect(stage(run, 'verifikasi').approvers).toEqual(['plh-kasubbag']);
    });

    it('a stand-in for the role of a later stage counts there', async () => {
      const run = await judge({ reviews: [IN_ORDER[0]!, { login: 'PLT-KADIV', state: 'APPROVED', at: '2025-03-10T10:00' }] }, NOW);
      expect(run.json.state).toBe('approved');
      expect(stage(run, 'pemeriksaan').approvers).toEqual(['PLT-KADIV']);
    });

    it('a PR that edits the config to add its author as approver: the base config decides, and the config change needs the head of office', async () => {
      const files = [NEWS, 'tayang.config.yml'];
      const run = await judge({ files, reviews: [...IN_ORDER, { login: 'kawan-rina', state: 'APPROVED', at: '2025-03-10T10:10' }] }, NOW);
      expect(run.json.flows).toEqual(['sistem', 'publikasi']);
      expect(run.json.state).toBe('pending');
      expect(stage(run, 'persetujuan-kepala')).toMatchObject({ state: 'pending', approvers: [] });
      const head = await judge({ files, reviews: [...IN_ORDER, { login: 'kepala-uji', state: 'APPROVED', at: '2025-03-10T10:10' }] }, NOW);
      expect(head.json.state).toBe('approved');
    });
  });

  describe.concurrent('which flows govern the PR', () => {
    it('first matching flow: office news goes to the short flow only', async () => {
      const run = await judge({ files: ['content/berita/kegiatan-kantor-apel/index.md', 'content/berita/kegiatan-kantor-apel/apel.jpg'], reviews: [{ login: 'admin-web-uji', state: 'APPROVED', at: '2025-03-10T08:20' }] }, NOW);
      expect(run.json.flows).toEqual(['berita-kantor']);
      expect(run.json.state).toBe('approved');
      expect(run.json.stages).toEqual([{ id: 'unggah-admin', flow: 'berita-kantor', state: 'approved', approvers: ['admin-web-uji'], elapsed_minutes: 20, standard_minutes: 30, overdue: false }]);
    });

    it('a renamed file counts under both paths: moving news into the short flow still needs the full flow', async () => {
      const run = await judge(
        { files: [{ filename: 'content/berita/kegiatan-kantor-x/index.md', status: 'renamed', previous_filename: 'content/berita/rapat-koordinasi/index.md' }], reviews: [{ login: 'admin-web-uji', state: 'APPROVED', at: '2025-03-10T08:20' }] },
        NOW,
      );
      expect(run.json.flows).toEqual(['berita-kantor', 'publikasi']);
      expect(run.json.state).toBe('pending');
    });

    it('a deleted file needs its flow too', async () => {
      const run = await judge({ files: [{ filename: 'src/pages/index.astro', status: 'removed' }] }, NOW);
      expect(run.json.flows).toEqual(['sistem']);
      expect(run.json.state).toBe('pending');
    });

    it('every stage of every governing flow, flows in config order', async () => {
      const run = await judge({ files: [NEWS, '.github/workflows/terbit.yml'], reviews: IN_ORDER }, NOW);
      expect(run.json.flows).toEqual(['sistem', 'publikasi']);
      expect(run.json.stages.map((s) => `${s.flow}/${s.id}:${s.state}`)).toEqual(['sistem/persetujuan-kepala:pending', 'publikasi/verifikasi:approved', 'publikasi/pemeriksaan:approved']);
      expect(run.json.state).toBe('pending');
    });

    it('a file no flow governs blocks the PR and is named, even with every stage approved', async () => {
      const run = await judge({ files: [NEWS, 'catatan.txt', 'content/agenda/rapat/index.md'], reviews: IN_ORDER }, NOW);
      expect(run.json.state).toBe('pending');
      expect(run.json.stages.every((s) => s.state === 'approved')).toBe(true);
      const text = run.json.messages.join('\n');
      expect(text).toContain('catatan.txt');
      expect(text).toContain('content/agenda/rapat/index.md');
    });

    it('jenis ["*"] governs every content type but no other path; a `content/**` glob before it wins', async () => {
      const star = CONFIG.replace('jenis: [berita, pengumuman]', 'jenis: ["*"]');
      const galeri = await judge({ files: ['content/galeri/pameran/index.md'], reviews: IN_ORDER }, NOW, star);
      expect(galeri.json.flows).toEqual(['publikasi']);
      expect(galeri.json.state).toBe('approved');
      const other = await judge({ files: ['content/config.ts'], reviews: IN_ORDER }, NOW, star);
      expect(other.json.flows).toEqual([]);
      expect(other.json.state).toBe('pending');
      const glob = star.replace('berkas: ["content/berita/kegiatan-kantor-*/**"]', 'berkas: ["content/**"]');
      const byGlob = await judge({ files: ['content/galeri/pameran/index.md', 'content/config.ts'], reviews: [{ login: 'admin-web-uji', state: 'APPROVED', at: '2025-03-10T08:20' }] }, NOW, glob);
      expect(byGlob.json.flows).toEqual(['berita-kantor']);
      expect(byGlob.json.state).toBe('approved');
    });

    it('a draft PR is never approved', async () => {
      const run = await judge({ draft: true, reviews: IN_ORDER }, NOW);
      expect(run.json.state).toBe('pending');
      expect(run.json.messages.join('\n')).toMatch(/draf/);
    });

    it('a PR with no changed files is not approved', async () => {
      const run = await judge({ files: [], reviews: IN_ORDER }, NOW);
      expect(run.json.state).toBe('pending');
    });
  });

  describe.concurrent('working time', () => {
    it('opened Friday 15:00 WIB, Monday a holiday: 60 working minutes by Monday, 120 by Wednesday 08:30', async () => {
      // 28 March 2025 is a Friday; 31 March and 1 April are holidays in the config.
      const friday = { opened: '2025-03-28T15:00' };
      const monday = await judge(friday, '2025-03-31T08:30');
      expect(stage(monday, 'verifikasi')).toMatchObject({ elapsed_minutes: 60, standard_minutes: 60, overdue: false });
      const wednesday = await judge(friday, '2025-04-02T08:30');
      expect(stage(wednesday, 'verifikasi')).toMatchObject({ elapsed_minutes: 120, overdue: true });
      // Without the holiday, Monday 07:30–08:30 counts too.
      const noHoliday = await judge(friday, '2025-03-31T08:30', CONFIG.replace('libur: [2025-03-31, 2025-04-01]', 'libur: []'));
      expect(stage(noHoliday, 'verifikasi')).toMatchObject({ elapsed_minutes: 120, overdue: true });
    });

    it('a PR opened outside working hours starts counting at the next opening', async () => {
      const saturday = await judge({ opened: '2025-03-15T10:00' }, '2025-03-17T08:00');
      expect(stage(saturday, 'verifikasi').elapsed_minutes).toBe(30);
      const evening = await judge({ opened: '2025-03-10T19:00' }, '2025-03-11T07:45');
      expect(stage(evening, 'verifikasi').elapsed_minutes).toBe(15);
    });

    it('the later stage clock starts when the earlier stage passed and stops when it passes', async () => {
      const run = await judge({ reviews: [{ login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T15:30' }, { login: 'dewi-kadiv', state: 'APPROVED', at: '2025-03-11T08:00' }] }, '2025-03-12T12:00');
      expect(run.json.stages.map((s) => s.elapsed_minutes)).toEqual([450, 60]);
      expect(stage(run, 'verifikasi').overdue).toBe(true);
    });

    it('"N hari" is N working days of the office', async () => {
      const run = await judge({ reviews: [{ login: 'sari-kasubbag', state: 'APPROVED', at: '2025-03-10T08:30' }] }, '2025-03-11T08:31');
      expect(stage(run, 'pemeriksaan')).toMatchObject({ elapsed_minutes: 511, standard_minutes: 510, overdue: true });
    });

    it('tentatif: standard_minutes null and never overdue', async () => {
      const run = await judge({ files: [DOC], opened: '2025-03-03T08:00' }, '2025-03-20T12:00');
      expect(stage(run, 'tanda-tangan')).toMatchObject({ standard_minutes: null, overdue: false });
      expect(stage(run, 'tanda-tangan').elapsed_minutes).toBeGreaterThan(5000);
    });

    it('WITA and WIT offices count on their own wall clock', async () => {
      const opened = '2025-03-10T07:30:00+08:00';
      const wita = await judge({ opened }, '2025-03-10T08:30:00+08:00', CONFIG.replace('zona_waktu: Asia/Jakarta', 'zona_waktu: Asia/Makassar'));
      expect(stage(wita, 'verifikasi').elapsed_minutes).toBe(60);
      // The same instants in WIB are 06:30–07:30: before the office opens.
      const wibOffice = await judge({ opened }, '2025-03-10T08:30:00+08:00');
      expect(stage(wibOffice, 'verifikasi').elapsed_minutes).toBe(0);
      const wit = await judge({ opened: '2025-03-10T07:30:00+09:00' }, '2025-03-10T09:00:00+09:00', CONFIG.replace('zona_waktu: Asia/Jakarta', 'zona_waktu: Asia/Jayapura'));
      expect(stage(wit, 'verifikasi')).toMatchObject({ elapsed_minutes: 90, overdue: true });
    });

    it('a stand-in mandate ends at midnight office time (WIT): 23:59 WIT counts, 00:01 WIT does not', async () => {
      const config = CONFIG.replace('zona_waktu: Asia/Jakarta', 'zona_waktu: Asia/Jayapura');
      const reviews = (at: string): ReviewSpec[] => [{ login: 'plh-kasubbag', state: 'APPROVED', at }];
      const inTime = await judge({ opened: '2025-03-14T08:00:00+09:00', reviews: reviews('2025-03-14T23:59:00+09:00') }, '2025-03-14T23:59:30+09:00', config);
      expect(stage(inTime, 'verifikasi').state).toBe('approved');
      // 00:01 WIT on the 15th is still the 14th in WIB: the office's own zone decides.
      const late = await judge({ opened: '2025-03-14T08:00:00+09:00', reviews: reviews('2025-03-15T00:01:00+09:00') }, '2025-03-15T00:02:00+09:00', config);
      expect(stage(late, 'verifikasi').state).toBe('pending');
    });

    it('--sekarang without an offset is read in the office time zone', async () => {
      const snapshotPath = await write('snapshot.json', JSON.stringify(snapshot({ opened: '2025-03-10T08:00' })));
      const configPath = await write('tayang.config.yml', CONFIG);
      const result = await cli(['--snapshot', snapshotPath, '--config', configPath, '--sekarang', '2025-03-10T09:00:00', '--format', 'json']);
      expect(JSON.parse(result.stdout).stages[0].elapsed_minutes).toBe(60);
    });
  });

  describe.concurrent('unusable input exits 2 with an Indonesian message naming file and field', () => {
    async function unusable(snapshotText: string, config = CONFIG) {
      const snapshotPath = await write('snapshot.json', snapshotText);
      const configPath = await write('tayang.config.yml', config);
      const result = await cli(['--snapshot', snapshotPath, '--config', configPath, '--sekarang', wib(NOW), '--format', 'json']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      return { ...result, snapshotPath, configPath };
    }
    const good = () => snapshot({ reviews: IN_ORDER });

    it('not JSON', async () => {
      const result = await unusable('{"pull": ');
      expect(result.stderr).toContain(result.snapshotPath);
      expect(result.stderr).toContain('bukan JSON yang sah');
    });

    it('missing snapshot or config file', async () => {
      const missingSnapshot = await cli(['--snapshot', join(dir, 'tidak-ada.json'), '--config', await write('c.yml', CONFIG), '--format', 'json']);
      expect(missingSnapshot.code).toBe(2);
      expect(missingSnapshot.stderr).toContain('tidak-ada.json');
      expect(missingSnapshot.stderr).toContain('tidak ditemukan');
      const missingConfig = await cli(['--snapshot', await write('s.json', JSON.stringify(good())), '--config', join(dir, 'tidak-ada.yml'), '--format', 'json']);
      expect(missingConfig.code).toBe(2);
      expect(missingConfig.stderr).toContain('tidak-ada.yml');
    });

    it.each([
      ['pull missing', (s: Record<string, unknown>) => delete s.pull, /kolom `pull`/],
      ['reviews not a list', (s: Record<string, unknown>) => (s.reviews = { state: 'APPROVED' }), /kolom `reviews`: harus daftar/],
      ['draft as text', (s: { pull: { draft: unknown } }) => (s.pull.draft = 'false'), /kolom `pull\.draft`/],
      ['head sha missing', (s: { pull: { head: Record<string, unknown> } }) => delete s.pull.head.sha, /kolom `pull\.head\.sha`/],
      ['created_at not a time', (s: { pull: { created_at: unknown } }) => (s.pull.created_at = 'kemarin'), /kolom `pull\.created_at`/],
      ['submitted_at a number', (s: { reviews: Record<string, unknown>[] }) => (s.reviews[0]!.submitted_at = 1741572000), /kolom `reviews\.0\.submitted_at`/],
      ['review state missing', (s: { reviews: Record<string, unknown>[] }) => delete s.reviews[0]!.state, /kolom `reviews\.0\.state`/],
      ['filename null', (s: { files: Record<string, unknown>[] }) => (s.files[0]!.filename = null), /kolom `files\.0\.filename`/],
      ['teams not a map of lists', (s: Record<string, unknown>) => (s.teams = { 'kantor-uji/ketua-divisi': 'dewi-kadiv' }), /kolom `teams\.kantor-uji\/ketua-divisi`/],
      ['a list instead of an object', (s: Record<string, unknown>) => Object.assign(s, { pull: [] }), /kolom `pull`/],
    ] as const)('wrong snapshot: %s', async (_, spoil, field) => {
      const broken = good() as unknown as Record<string, unknown>;
      (spoil as (s: unknown) => unknown)(broken);
      const result = await unusable(JSON.stringify(broken));
      expect(result.stderr).toMatch(field);
      expect(result.stderr).toContain(result.snapshotPath);
    });

    it('a JSON array or null is no snapshot', async () => {
      expect((await unusable('[]')).stderr).toMatch(/kumpulan kolom|objek/);
      await unusable('null');
    });

    it('malformed config: line and field', async () => {
      const result = await unusable(JSON.stringify(good()), CONFIG.replace('mutu_baku: 1 jam', 'mutu_baku: sebentar'));
      expect(result.stderr).toMatch(new RegExp(`${result.configPath.replace(/[.]/g, '\\.')}:\\d+:\\d+ — kolom \`alur\\.2\\.tahap\\.0\\.mutu_baku\``));
      expect(result.stderr).toContain('"sebentar" bukan mutu baku');
      const role = await unusable(JSON.stringify(good()), CONFIG.replace('peran: ketua-divisi, mutu_baku', 'peran: kadiv, mutu_baku'));
      expect(role.stderr).toMatch(/kolom `alur\.2\.tahap\.1\.peran`: peran "kadiv" tidak ada/);
      const yaml = await unusable(JSON.stringify(good()), CONFIG.replace('  mulai: "07:30"', '  mulai: "07:30'));
      expect(yaml.stderr).toContain('penulisan YAML rusak');
    });

    it('a role member written as a mention ("@budi") or a team without "@" would match nobody: refused', async () => {
      const mention = await unusable(JSON.stringify(good()), CONFIG.replace('anggota: [kepala-uji]', 'anggota: ["@kepala-uji"]'));
      expect(mention.stderr).toMatch(/kolom `peran\.kepala\.anggota\.0`: tulis akun GitHub tanpa "@"/);
      const team = await unusable(JSON.stringify(good()), CONFIG.replace('anggota: ["@kantor-uji/ketua-divisi"]', 'anggota: ["kantor-uji/ketua-divisi"]'));
      expect(team.stderr).toMatch(/kolom `peran\.ketua-divisi\.anggota\.0`/);
    });

    it('--pr and --snapshot together are refused rather than one silently ignored', async () => {
      const result = await cli(['--pr', '3', '--snapshot', await write('s.json', JSON.stringify(good())), '--config', await write('c.yml', CONFIG)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('kolom `--snapshot`: tidak bisa dipakai bersama --pr');
    });

    it('a snapshot saved with a byte-order mark is still read', async () => {
      const snapshotPath = await write('snapshot.json', `\uFEFF${JSON.stringify(good())}`);
      const result = await cli(['--snapshot', snapshotPath, '--config', await write('c.yml', CONFIG), '--sekarang', wib(NOW), '--format', 'json']);
      expect(result.code).toBe(0);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The five presets of DESIGN.md §1, each walked through the CLI once

const PRESETS = [
  {
    file: 'kecamatan-jenawi.yml',
    author: 'dimas-jenawi',
    content: 'content/berita/panen-raya-jenawi/index.md',
    approvers: ['sri-ppid-jenawi'],
    standards: [null],
  },
  {
    file: 'kapanewon-bantul.yml',
    author: 'bayu-web-bantul',
    content: 'content/berita/jumat-bersih-bantul/index.md',
    approvers: ['suharto-panewu-bantul'],
    standards: [15],
  },
  {
    file: 'ppid-kalurahan-bunder.yml',
    author: 'fajar-medsos-bunder',
    content: 'content/pengumuman/jadwal-posyandu/index.md',
    approvers: ['yanto-seksi-bunder', 'sutrisno-ketua-ppid-bunder'],
    standards: [15, 10],
  },
  {
    file: 'kecamatan-gerokgak.yml',
    author: 'komang-operator-gerokgak',
    content: 'content/data/jumlah-penduduk-2024/index.md',
    approvers: ['putu-perencanaan-gerokgak'],
    standards: [10],
    zone: '+08:00',
  },
  {
    file: 'kpu-kepulauan-seribu.yml',
    author: 'nur-penulis-kpuseribu',
    content: 'content/dokumen/keputusan-kpu-dpt/index.md',
    approvers: ['dewi-kasubbag-kpuseribu', 'rahmat-kadiv-kpuseribu'],
    standards: [60, 60],
  },
];

describe.concurrent('the five presets, end to end through the CLI', () => {
  for (const preset of PRESETS) {
    it(`${preset.file}: pending, then approved in order, exit 1 then 0`, async () => {
      const config = await readFile(join(ROOT, 'presets', preset.file), 'utf8');
      const zone = preset.zone ?? '+07:00';
      const local = (time: string) => `${time}:00${zone}`;
      const base: Scenario = { author: preset.author, opened: local('2025-03-12T08:00'), files: [preset.content] };
      const pending = await judge(base, local('2025-03-12T08:05'), config);
      expect(pending.json.state).toBe('pending');
      expect(pending.json.flows).toEqual(['publikasi']);
      expect(pending.json.stages.map((s) => s.standard_minutes)).toEqual(preset.standards);
      const reviews = preset.approvers.map((login, n): ReviewSpec => ({ login, state: 'APPROVED', at: local(`2025-03-12T08:0${n + 5}`) }));
      const approved = await judge({ ...base, reviews }, local('2025-03-12T09:00'), config);
      expect(approved.code).toBe(0);
      expect(approved.json.stages.map((s) => s.approvers)).toEqual(preset.approvers.map((login) => [login]));
      expect(approved.json.stages.map((s) => s.elapsed_minutes)).toEqual(preset.approvers.map((_, n) => (n === 0 ? 5 : 1)));
    });
  }
});
