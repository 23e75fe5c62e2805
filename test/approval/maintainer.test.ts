import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A maintainer's black-box pass over `tayang persetujuan`, written from DESIGN.md §1 and §4 alone:
 * every scenario is a config (a small one of our own or a shipped preset as it is) plus a snapshot
 * built from GitHub's own documented example responses (@octokit/openapi), run through the CLI.
 * Every elapsed time is worked out by hand from jam_kerja in the comment beside it.
 */

/** GitHub's JSON, edited in place by the builders below. */
type Json = any;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const require = createRequire(import.meta.url);
const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Json;
const example = (name: string): Json => structuredClone(spec.components.examples[name].value);

const HEAD = 'c0ffee5b57875f334f61aebed695e2e4193db5e1';
const OLD = '01dc0de557875f334f61aebed695e2e4193db5e2';
const REPO = 'kantor-uji/situs';

/** Western Indonesia time (UTC+7) as GitHub writes timestamps. */
function wib(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString().replace('.000Z', 'Z');
}
/** Central Indonesia time (UTC+8). */
function wita(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString().replace('.000Z', 'Z');
}

let nextId = 1000;

/** A full user object as GitHub returns it, every URL naming the login. */
function user(login: string): Json {
  const template = example('pull-request').user;
  const result: Json = {};
  for (const [key, value] of Object.entries(template)) {
    result[key] = typeof value === 'string' ? value.replaceAll('octocat', login) : value;
  }
  result.id = nextId++;
  result.node_id = `MDQ6VXNlcj${result.id}`;
  return result;
}

interface PullOptions {
  author?: string;
  created: string;
  head?: string;
  draft?: boolean;
}

function pull({ author = 'ani-penulis', created, head = HEAD, draft = false }: PullOptions): Json {
  const pr = example('pull-request');
  const rewrite = (text: string) => text.replaceAll('octocat/Hello-World', REPO).replaceAll('/1347', '/42');
  for (const [key, value] of Object.entries(pr)) if (typeof value === 'string') pr[key] = rewrite(value);
  Object.assign(pr, {
    number: 42,
    state: 'open',
    locked: false,
    active_lock_reason: null,
    title: 'Berita: pasar murah di balai desa',
    user: user(author),
    body: null,
    labels: [],
    milestone: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    created_at: created,
    updated_at: created,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    merged_by: null,
    merged: false,
    // Counted by `persetujuan` from the lists, as GitHub counts them, unless a test sets them.
    commits: undefined,
    changed_files: undefined,
    mergeable: null,
    mergeable_state: 'unknown',
    author_association: 'MEMBER',
    draft,
  });
  pr.head = { ...pr.head, label: `kantor-uji:berita-pasar-murah`, ref: 'berita-pasar-murah', sha: head, user: user('kantor-uji') };
  pr.base = { ...pr.base, label: 'kantor-uji:main', ref: 'main', sha: 'ba5e0000000000000000000000000000000000aa', user: user('kantor-uji') };
  pr.statuses_url = `https://api.github.com/repos/${REPO}/statuses/${head}`;
  pr._links.statuses.href = pr.statuses_url;
  return pr;
}

interface ReviewOptions {
  login: string | null;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  at?: string;
  commit?: string;
  body?: string;
}

function review({ login, state, at, commit = HEAD, body = '' }: ReviewOptions): Json {
  const [item] = example('pull-request-review-items');
  const id = nextId++;
  const html = `https://github.com/${REPO}/pull/42#pullrequestreview-${id}`;
  const result: Json = {
    ...item,
    id,
    node_id: `PRR_kwDO${id}`,
    user: login === null ? null : user(login),
    body,
    state,
    html_url: html,
    pull_request_url: `https://api.github.com/repos/${REPO}/pulls/42`,
    _links: { html: { href: html }, pull_request: { href: `https://api.github.com/repos/${REPO}/pulls/42` } },
    submitted_at: at,
    commit_id: commit,
    author_association: 'MEMBER',
  };
  // GitHub leaves submitted_at out of a review that is not submitted yet.
  if (state === 'PENDING') delete result.submitted_at;
  return result;
}

/** A commit as GitHub's web editor makes it: authored by the user, committed by web-flow. */
function commit(sha: string, login: string, at: string): Json {
  const [item] = example('commit-items');
  const url = `https://api.github.com/repos/${REPO}/commits/${sha}`;
  return {
    ...item,
    url,
    sha,
    node_id: `C_kwDO${sha.slice(0, 8)}`,
    html_url: `https://github.com/${REPO}/commit/${sha}`,
    comments_url: `${url}/comments`,
    commit: {
      ...item.commit,
      author: { name: login, email: `${login}@users.noreply.github.com`, date: at },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: at },
      message: 'Perbarui berita',
    },
    author: user(login),
    committer: user('web-flow'),
  };
}

function file(filename: string, status = 'modified', previous?: string): Json {
  const [item] = example('diff-entry-items');
  const result: Json = {
    ...item,
    filename,
    status,
    blob_url: `https://github.com/${REPO}/blob/${HEAD}/${filename}`,
    raw_url: `https://github.com/${REPO}/raw/${HEAD}/${filename}`,
    contents_url: `https://api.github.com/repos/${REPO}/contents/${filename}?ref=${HEAD}`,
  };
  if (previous) result.previous_filename = previous;
  return result;
}

interface Snapshot {
  pull: Json;
  reviews?: Json[];
  commits?: Json[];
  files: Json[];
  teams?: Record<string, string[]>;
}

interface Run {
  code: number | null;
  json: Json;
  stdout: string;
  stderr: string;
}

/** The saved responses, pulls.get counting the listed commits and files unless a test set the counts. */
function snapshotJson(snapshot: Snapshot): string {
  const { pull: pr, commits = [], files } = snapshot;
  const counted = { ...pr, commits: pr.commits ?? commits.length, changed_files: pr.changed_files ?? files.length };
  return JSON.stringify({ reviews: [], teams: {}, ...snapshot, commits, pull: counted }, null, 2);
}

/** Runs the CLI the way a maintainer replays saved responses. `config` is YAML text or a preset path. */
function persetujuan(config: string, snapshot: Snapshot | string, now: string): Run {
  const dir = mkdtempSync(join(tmpdir(), 'tayang-maintainer-'));
  const snapshotPath = join(dir, 'snapshot.json');
  writeFileSync(snapshotPath, typeof snapshot === 'string' ? snapshot : snapshotJson(snapshot));
  let configFile = config;
  if (config.includes('\n')) {
    configFile = join(dir, 'tayang.config.yml');
    writeFileSync(configFile, config);
  }
  const result = spawnSync(NODE, ['scripts/tayang.ts', 'persetujuan', '--snapshot', snapshotPath, '--config', configFile, '--sekarang', now, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  let json: Json;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  return { code: result.status, json, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `tayang persetujuan` with any arguments (for the command line's own edges). */
function persetujuanArgs(args: string[]): Run {
  const result = spawnSync(NODE, ['scripts/tayang.ts', 'persetujuan', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, json: undefined, stdout: result.stdout, stderr: result.stderr };
}

function snapshotFile(snapshot: Snapshot): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tayang-maintainer-')), 'pr.json');
  writeFileSync(path, snapshotJson(snapshot));
  return path;
}

type StageState = 'approved' | 'pending' | 'changes_requested' | 'waiting';

function stage(flow: string, id: string, state: StageState, approvers: string[], elapsed: number, standard: number | null, overdue: boolean) {
  return { id, flow, state, approvers, elapsed_minutes: elapsed, standard_minutes: standard, overdue };
}

function expectVerdict(run: Run, code: 0 | 1, state: 'approved' | 'pending' | 'changes_requested', flows: string[], stages: ReturnType<typeof stage>[]) {
  expect(run.stderr, run.stdout).not.toMatch(/TypeError|ReferenceError|at .*\.ts:\d+/);
  expect(run.json, run.stderr).toStrictEqual({ state, flows, stages, messages: expect.any(Array) });
  for (const message of run.json.messages) expect(typeof message).toBe('string');
  expect(run.code).toBe(code);
}

const preset = (name: string) => join(ROOT, 'presets', `${name}.yml`);

/**
 * Our own office: 07:30–16:00 WIB Monday to Friday (510 minutes a day), 12 and 13 May 2025 off.
 * dewi-kasubbag sits in two roles (one person, one stage); agung-kepala signs two flows.
 */
const KANTOR = `
kantor:
  nama: Kantor Uji
  induk: Pemerintah Kabupaten Uji
  alamat: Jl. Uji No. 1
  situs: https://uji.example.go.id
  zona_waktu: Asia/Jakarta
sop:
  nomor: 000.8/1/2025
  nama: SOP Uji
  tanggal_efektif: 2025-01-02
  disahkan_oleh: Kepala Kantor Uji
jam_kerja:
  hari: [senin, selasa, rabu, kamis, jumat]
  mulai: "07:30"
  selesai: "16:00"
  libur: [2025-05-12, 2025-05-13]
peran:
  penulis: { nama: Penulis, anggota: [ani-penulis] }
  kasubbag:
    nama: Kasubbag
    anggota: [dewi-kasubbag, "@kantor-uji/redaksi"]
    pengganti:
      - { akun: hendra-plh, sampai: 2025-05-16, dasar: "Surat Plh. Kasubbag Nomor 1/2025" }
  kadiv: { nama: Ketua Divisi, anggota: [rahmat-kadiv, dewi-kasubbag] }
  kepala: { nama: Kepala Kantor, anggota: [agung-kepala] }
alur:
  - id: berita-cepat
    nama: Berita cepat
    berkas: ["content/berita/cepat-*/**"]
    tahap:
      - { id: cek-kasubbag, nama: Cek Kasubbag, peran: kasubbag, mutu_baku: 30 menit }
  - id: publikasi
    nama: Publikasi
    jenis: [berita, pengumuman]
    tahap:
      - { id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag, mutu_baku: 1 jam }
      - { id: pemeriksaan, nama: Pemeriksaan Ketua Divisi, peran: kadiv, mutu_baku: 2 hari }
  - id: dokumen
    nama: Dokumen
    jenis: [dokumen]
    urutan: bebas
    tahap:
      - { id: telaah, nama: Telaah Kasubbag, peran: kasubbag, mutu_baku: 1 jam }
      - { id: pengesahan, nama: Pengesahan Kepala, peran: kepala, mutu_baku: tentatif }
  - id: sistem
    nama: Perubahan sistem
    berkas: [tayang.config.yml, ".github/**", "src/**"]
    tahap:
      - { id: pengesahan, nama: Pengesahan Kepala, peran: kepala }
`;

const BERITA = 'content/berita/pasar-murah/index.md';
/** Monday 5 May 2025, 08:00 WIB; ani-penulis committed the head at 07:55. */
const OPENED = wib('2025-05-05 08:00');
const AUTHORED = [commit(HEAD, 'ani-penulis', wib('2025-05-05 07:55'))];
const DAYS_2 = 2 * 510;

describe('custom two-stage flow (urutan ketat)', () => {
  it('approves stages in order; clocks run from opening, then from the previous stage', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA, 'added')],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 10:00'), body: 'Layak tayang.' }),
      ],
    }, wib('2025-05-06 09:00'));
    // verifikasi 08:00→08:40 = 40; pemeriksaan 08:40→10:00 = 80, standard 2 working days = 1020.
    expectVerdict(run, 0, 'approved', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 80, DAYS_2, false),
    ]);
  });

  it('ignores a later stage approving before the earlier stage passed', () => {
    const reviews = [
      review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 08:20') }),
      review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
    ];
    const early = persetujuan(KANTOR, { pull: pull({ created: OPENED }), commits: AUTHORED, files: [file(BERITA)], reviews }, wib('2025-05-05 09:00'));
    expectVerdict(early, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'pending', [], 20, DAYS_2, false),
    ]);
    // Approving again after verification counts: 08:40→09:10 = 30.
    reviews.push(review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 09:10') }));
    const again = persetujuan(KANTOR, { pull: pull({ created: OPENED }), commits: AUTHORED, files: [file(BERITA)], reviews }, wib('2025-05-05 09:30'));
    expectVerdict(again, 0, 'approved', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 30, DAYS_2, false),
    ]);
  });

  it('does not count an approval of an older commit', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: [commit(OLD, 'ani-penulis', wib('2025-05-05 07:50')), commit(HEAD, 'ani-penulis', wib('2025-05-05 08:50'))],
      files: [file(BERITA, 'added')],
      reviews: [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40'), commit: OLD })],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'pending', [], 60, 60, false),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
    ]);
  });

  it('a push after full approval makes both approvals stale and the first clock keeps running', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: [commit(OLD, 'ani-penulis', wib('2025-05-05 07:50')), commit(HEAD, 'ani-penulis', wib('2025-05-05 10:30'))],
      files: [file(BERITA, 'added')],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40'), commit: OLD }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 10:00'), commit: OLD }),
      ],
    }, wib('2025-05-05 11:00'));
    // 08:00→11:00 = 180 > 60.
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'pending', [], 180, 60, true),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
    ]);
  });

  it('a dismissed approval no longer counts', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [review({ login: 'dewi-kasubbag', state: 'DISMISSED', at: wib('2025-05-05 08:40'), body: 'Setuju.' })],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'pending', [], 60, 60, false),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
    ]);
  });

  it('a comment after an approval changes nothing; a review by a deleted account is ignored', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'dewi-kasubbag', state: 'COMMENTED', at: wib('2025-05-05 08:50'), body: 'Foto kedua sudah saya cek.' }),
        review({ login: null, state: 'APPROVED', at: wib('2025-05-05 08:55') }),
      ],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'pending', [], 20, DAYS_2, false),
    ]);
  });

  it('a request for changes by the pending stage returns the PR to the author', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [review({ login: 'dewi-kasubbag', state: 'CHANGES_REQUESTED', at: wib('2025-05-05 08:40'), body: 'Nama narasumber salah eja.' })],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'changes_requested', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'changes_requested', [], 60, 60, false),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
    ]);
  });

  it('reject → fix → re-approve, whatever order the reviews are listed in', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: [commit(OLD, 'ani-penulis', wib('2025-05-05 07:55')), commit(HEAD, 'ani-penulis', wib('2025-05-05 09:30'))],
      files: [file(BERITA)],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 10:00') }),
        review({ login: 'dewi-kasubbag', state: 'CHANGES_REQUESTED', at: wib('2025-05-05 08:40'), commit: OLD, body: 'Judul terlalu panjang.' }),
      ],
    }, wib('2025-05-05 10:10'));
    // verifikasi 08:00→10:00 = 120 > 60; pemeriksaan 10:00→10:10 = 10.
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 120, 60, true),
      stage('publikasi', 'pemeriksaan', 'pending', [], 10, DAYS_2, false),
    ]);
  });

  it('a request for changes by someone outside the stage changes nothing; a pending (unsubmitted) review is ignored', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [
        { ...review({ login: 'warga-desa', state: 'CHANGES_REQUESTED', at: wib('2025-05-05 08:30'), body: 'Tolong tambah foto.' }), author_association: 'NONE' },
        review({ login: 'dewi-kasubbag', state: 'PENDING' }),
      ],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'pending', [], 60, 60, false),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
    ]);
  });

  it('an official who authored a commit in the PR cannot approve it', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: [commit(OLD, 'ani-penulis', wib('2025-05-05 07:50')), commit(HEAD, 'dewi-kasubbag', wib('2025-05-05 08:30'))],
      files: [file(BERITA)],
      reviews: [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') })],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'pending', [], 60, 60, false),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
    ]);
  });

  it('a member of a team named in the role approves', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA)],
      teams: { 'kantor-uji/redaksi': ['tika-redaksi', 'budi-redaksi'] },
      reviews: [
        review({ login: 'tika-redaksi', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 09:00') }),
      ],
    }, wib('2025-05-05 09:30'));
    expectVerdict(run, 0, 'approved', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['tika-redaksi'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 20, DAYS_2, false),
    ]);
  });

  it('a stand-in counts until the end of the sampai date in the office time zone', () => {
    // Friday 16 May 2025 08:00 WIB.
    const opened = wib('2025-05-16 08:00');
    const within = persetujuan(KANTOR, {
      pull: pull({ created: opened }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [
        review({ login: 'hendra-plh', state: 'APPROVED', at: wib('2025-05-16 15:00') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-19 08:00') }),
      ],
    }, wib('2025-05-19 09:00'));
    // verifikasi 08:00→15:00 = 420; pemeriksaan Fri 15:00→16:00 + Mon 07:30→08:00 = 90.
    expectVerdict(within, 0, 'approved', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['hendra-plh'], 420, 60, true),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 90, DAYS_2, false),
    ]);
    // Saturday 17 May 06:30 WIB is still 16 May in UTC, but past the mandate in the office's time.
    const after = persetujuan(KANTOR, {
      pull: pull({ created: opened }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [review({ login: 'hendra-plh', state: 'APPROVED', at: '2025-05-16T23:30:00Z' })],
    }, wib('2025-05-19 09:00'));
    // Fri 08:00→16:00 = 480, Mon 07:30→09:00 = 90.
    expectVerdict(after, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'pending', [], 570, 60, true),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
    ]);
  });

  it('a draft is never approved', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED, draft: true }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 10:00') }),
      ],
    }, wib('2025-05-06 09:00'));
    expect(run.json.state).toBe('pending');
    expect(run.json.messages.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  });
});

describe('flows chosen by the changed files', () => {
  it('content plus the config needs every stage of both flows', () => {
    const snapshot = {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA, 'added'), file('tayang.config.yml')],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 10:00') }),
      ],
    };
    const content = persetujuan(KANTOR, snapshot, wib('2025-05-05 11:00'));
    expectVerdict(content, 1, 'pending', ['publikasi', 'sistem'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 80, DAYS_2, false),
      stage('sistem', 'pengesahan', 'pending', [], 180, null, false),
    ]);
    snapshot.reviews.push(review({ login: 'agung-kepala', state: 'APPROVED', at: wib('2025-05-05 10:30') }));
    const all = persetujuan(KANTOR, snapshot, wib('2025-05-05 11:00'));
    expectVerdict(all, 0, 'approved', ['publikasi', 'sistem'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 80, DAYS_2, false),
      stage('sistem', 'pengesahan', 'approved', ['agung-kepala'], 150, null, false),
    ]);
  });

  it('a PR that edits the config to make its author an approver is judged by the base config', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file('tayang.config.yml')],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:30') }),
        review({ login: 'ani-penulis', state: 'COMMENTED', at: wib('2025-05-05 08:35'), body: 'Saya tambahkan diri saya sebagai kepala.' }),
      ],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'pending', ['sistem'], [stage('sistem', 'pengesahan', 'pending', [], 60, null, false)]);
  });

  it('the first flow that matches a file governs it (berkas glob before the jenis flow)', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file('content/berita/cepat-banjir-bandang/index.md', 'added'), file('content/berita/cepat-banjir-bandang/foto-1.jpg', 'added')],
      reviews: [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:20') })],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 0, 'approved', ['berita-cepat'], [stage('berita-cepat', 'cek-kasubbag', 'approved', ['dewi-kasubbag'], 20, 30, false)]);
  });

  it('a file no flow governs blocks the PR and is named', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA), file('README.md')],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 10:00') }),
      ],
    }, wib('2025-05-05 11:00'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 80, DAYS_2, false),
    ]);
    expect(run.json.messages.join('\n')).toContain('README.md');
  });

  it('a workflow renamed into a content folder still needs the system flow (the old path changed too)', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA), file('content/berita/pasar-murah/catatan.yml', 'renamed', '.github/workflows/persetujuan.yml')],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 10:00') }),
      ],
    }, wib('2025-05-05 11:00'));
    expect(run.json.flows).toEqual(['publikasi', 'sistem']);
    expect(run.json.state).toBe('pending');
    expect(run.code).toBe(1);
  });

  it('urutan bebas: stages pass in any order, every clock starts when the PR opens', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file('content/dokumen/perbup-12-2025/index.md', 'added'), file('content/dokumen/perbup-12-2025/perbup-12-2025.pdf', 'added')],
      reviews: [
        review({ login: 'agung-kepala', state: 'APPROVED', at: wib('2025-05-05 08:30') }),
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 09:00') }),
      ],
    }, wib('2025-05-05 10:00'));
    expectVerdict(run, 0, 'approved', ['dokumen'], [
      stage('dokumen', 'telaah', 'approved', ['dewi-kasubbag'], 60, 60, false),
      stage('dokumen', 'pengesahan', 'approved', ['agung-kepala'], 30, null, false),
    ]);
  });

  it('one person counts for one stage only', () => {
    const config = KANTOR.replace(/alur:[\s\S]*$/, `alur:
  - id: publikasi
    nama: Publikasi
    jenis: ["*"]
    urutan: bebas
    tahap:
      - { id: verifikasi, nama: Verifikasi, peran: kasubbag }
      - { id: pemeriksaan, nama: Pemeriksaan, peran: kadiv }
`);
    const reviews = [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') })];
    const snapshot = { pull: pull({ created: OPENED }), commits: AUTHORED, files: [file(BERITA)], reviews };
    const alone = persetujuan(config, snapshot, wib('2025-05-05 09:00'));
    expect(alone.json.state).toBe('pending');
    expect(alone.json.stages.map((s: Json) => s.state).sort()).toEqual(['approved', 'pending']);
    expect(alone.json.stages.flatMap((s: Json) => s.approvers)).toEqual(['dewi-kasubbag']);
    reviews.push(review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 08:50') }));
    const both = persetujuan(config, snapshot, wib('2025-05-05 09:00'));
    expectVerdict(both, 0, 'approved', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, null, false),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 50, null, false),
    ]);
  });

  it('a PR that changes no file is not approved', () => {
    const run = persetujuan(KANTOR, { pull: pull({ created: OPENED }), commits: AUTHORED, files: [] }, wib('2025-05-05 09:00'));
    expect(run.json.state).not.toBe('approved');
    expect(run.code).toBe(1);
  });
});

describe('working minutes', () => {
  const waiting = (elapsed: number, overdue: boolean) => [
    stage('publikasi', 'verifikasi', 'pending', [], elapsed, 60, overdue),
    stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
  ];
  const opened = (created: string) => ({ pull: pull({ created }), commits: AUTHORED, files: [file(BERITA)] });

  it('a PR opened before office hours starts its clock at 07:30; overdue only beyond the standard', () => {
    const snapshot = opened(wib('2025-05-05 06:00'));
    expectVerdict(persetujuan(KANTOR, snapshot, wib('2025-05-05 08:30')), 1, 'pending', ['publikasi'], waiting(60, false));
    expectVerdict(persetujuan(KANTOR, snapshot, wib('2025-05-05 08:31')), 1, 'pending', ['publikasi'], waiting(61, true));
  });

  it('a PR opened Friday after hours counts from Monday 07:30', () => {
    expectVerdict(persetujuan(KANTOR, opened(wib('2025-05-02 17:00')), wib('2025-05-05 07:45')), 1, 'pending', ['publikasi'], waiting(15, false));
  });

  it('a weekend and a two-day holiday do not count', () => {
    // Fri 9 May 15:00→16:00 = 60; Sat, Sun, Mon 12 and Tue 13 (libur) off; Wed 07:30→08:00 = 30.
    expectVerdict(persetujuan(KANTOR, opened(wib('2025-05-09 15:00')), wib('2025-05-14 08:00')), 1, 'pending', ['publikasi'], waiting(90, true));
  });

  it('a six-day office with a short day: "1 hari" is one such day', () => {
    const config = KANTOR.replace('hari: [senin, selasa, rabu, kamis, jumat]', 'hari: [senin, selasa, rabu, kamis, jumat, sabtu]')
      .replace('mulai: "07:30"', 'mulai: "08:00"')
      .replace('selesai: "16:00"', 'selesai: "12:00"')
      .replace('{ id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag, mutu_baku: 1 jam }', '{ id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag, mutu_baku: 1 hari }');
    // Sat 10 May 11:00→12:00 = 60; Sunday off; Mon 12 May is a holiday; Tue 13 too; Wed 08:00→08:30 = 30.
    const run = persetujuan(config, opened(wib('2025-05-10 11:00')), wib('2025-05-14 08:30'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'pending', [], 90, 240, false),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, 480, false),
    ]);
  });
});

describe('the five presets as shipped', () => {
  it('Kecamatan Jenawi: PPID Pelaksana verifies any content type ("*")', () => {
    const run = persetujuan(preset('kecamatan-jenawi'), {
      pull: pull({ author: 'dimas-jenawi', created: OPENED }),
      commits: [commit(HEAD, 'dimas-jenawi', wib('2025-05-05 07:55'))],
      files: [file('content/galeri/panen-raya/index.md', 'added'), file('content/galeri/panen-raya/foto-1.jpg', 'added')],
      reviews: [review({ login: 'sri-ppid-jenawi', state: 'APPROVED', at: wib('2025-05-05 09:00') })],
    }, wib('2025-05-05 10:00'));
    expectVerdict(run, 0, 'approved', ['publikasi'], [stage('publikasi', 'verifikasi', 'approved', ['sri-ppid-jenawi'], 60, null, false)]);
  });

  it('Kecamatan Jenawi: the Plh. PPID until 31 March 2025, 23:59 WIB, and not a minute later', () => {
    // Thursday 27 March 09:00; 28 and 31 March are holidays (Nyepi leave, Idulfitri).
    const base = { pull: pull({ author: 'dimas-jenawi', created: wib('2025-03-27 09:00') }), commits: [commit(HEAD, 'dimas-jenawi', wib('2025-03-27 08:55'))], files: [file('content/pengumuman/libur-lebaran/index.md', 'added')] };
    const inTime = persetujuan(preset('kecamatan-jenawi'), { ...base, reviews: [review({ login: 'agus-sekcam-jenawi', state: 'APPROVED', at: '2025-03-31T16:59:00Z' })] }, wib('2025-04-08 08:00'));
    // Thu 09:00→16:00 = 420; nothing else is a working minute before the approval.
    expectVerdict(inTime, 0, 'approved', ['publikasi'], [stage('publikasi', 'verifikasi', 'approved', ['agus-sekcam-jenawi'], 420, null, false)]);
    const late = persetujuan(preset('kecamatan-jenawi'), { ...base, reviews: [review({ login: 'agus-sekcam-jenawi', state: 'APPROVED', at: '2025-03-31T17:00:00Z' })] }, wib('2025-04-08 08:00'));
    // 420, then 1–4 and 7 April are holidays; Tue 8 April 07:30→08:00 = 30.
    expectVerdict(late, 1, 'pending', ['publikasi'], [stage('publikasi', 'verifikasi', 'pending', [], 450, null, false)]);
  });

  it('Kecamatan Jenawi: a folder under content/ that is no content type is governed by no flow', () => {
    const run = persetujuan(preset('kecamatan-jenawi'), {
      pull: pull({ author: 'dimas-jenawi', created: OPENED }),
      commits: [commit(HEAD, 'dimas-jenawi', wib('2025-05-05 07:55'))],
      files: [file('content/rahasia/daftar-penerima/index.md', 'added')],
      reviews: [review({ login: 'sri-ppid-jenawi', state: 'APPROVED', at: wib('2025-05-05 09:00') })],
    }, wib('2025-05-05 10:00'));
    expect(run.json.state).not.toBe('approved');
    expect(run.json.messages.join('\n')).toContain('content/rahasia/daftar-penerima/index.md');
    expect(run.code).toBe(1);
  });

  it('Kapanewon Bantul: 15 minutes for the Panewu across a weekend and the Waisak holidays', () => {
    // Fri 9 May 15:50→16:00 = 10; 12–13 May Waisak; Wed 14 May 07:30→07:40 = 10.
    const run = persetujuan(preset('kapanewon-bantul'), {
      pull: pull({ author: 'bayu-web-bantul', created: wib('2025-05-09 15:50') }),
      commits: [commit(HEAD, 'bayu-web-bantul', wib('2025-05-09 15:45'))],
      files: [file('content/berita/gotong-royong/index.md', 'added')],
    }, wib('2025-05-14 07:40'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [stage('publikasi', 'persetujuan-panewu', 'pending', [], 20, 15, true)]);
  });

  it('Kapanewon Bantul: content and config both need the Panewu; one person counts for one stage only', () => {
    // DESIGN §4: "one person counts for one stage only", for the whole PR: the Panewu's single
    // approval passes one of the two flows' stages; the system change needs the Panewu Anom.
    const snapshot = {
      pull: pull({ author: 'bayu-web-bantul', created: OPENED }),
      commits: [commit(HEAD, 'bayu-web-bantul', wib('2025-05-05 07:55'))],
      files: [file('content/berita/gotong-royong/index.md', 'added'), file('tayang.config.yml')],
      reviews: [review({ login: 'suharto-panewu-bantul', state: 'APPROVED', at: wib('2025-05-05 09:00') })],
    };
    const run = persetujuan(preset('kapanewon-bantul'), snapshot, wib('2025-05-05 09:30'));
    expectVerdict(run, 1, 'pending', ['publikasi', 'perubahan-sistem'], [
      stage('publikasi', 'persetujuan-panewu', 'approved', ['suharto-panewu-bantul'], 60, 15, true),
      stage('perubahan-sistem', 'persetujuan-pimpinan', 'pending', [], 90, null, false),
    ]);
    expect(run.json.messages.join('\n')).toContain('ajukan perubahannya dalam PR terpisah');
    snapshot.reviews.push(review({ login: 'sri-panewu-anom-bantul', state: 'APPROVED', at: wib('2025-05-05 09:40') }));
    expectVerdict(persetujuan(preset('kapanewon-bantul'), snapshot, wib('2025-05-05 10:00')), 0, 'approved', ['publikasi', 'perubahan-sistem'], [
      stage('publikasi', 'persetujuan-panewu', 'approved', ['suharto-panewu-bantul'], 60, 15, true),
      stage('perubahan-sistem', 'persetujuan-pimpinan', 'approved', ['sri-panewu-anom-bantul'], 100, null, false),
    ]);
  });

  it('PPID Kalurahan Bunder: Seksi then Ketua, each against its own standard', () => {
    const reviews = [review({ login: 'wulan-seksi-bunder', state: 'APPROVED', at: wib('2025-06-02 09:20') })];
    const snapshot = {
      pull: pull({ author: 'fajar-medsos-bunder', created: wib('2025-06-02 09:00') }),
      commits: [commit(HEAD, 'fajar-medsos-bunder', wib('2025-06-02 08:55'))],
      files: [file('content/pengumuman/musdus-2025/index.md', 'added')],
      reviews,
    };
    expectVerdict(persetujuan(preset('ppid-kalurahan-bunder'), snapshot, wib('2025-06-02 09:25')), 1, 'pending', ['publikasi'], [
      stage('publikasi', 'telaah-seksi', 'approved', ['wulan-seksi-bunder'], 20, 15, true),
      stage('publikasi', 'keputusan-ketua', 'pending', [], 5, 10, false),
    ]);
    reviews.push(review({ login: 'sutrisno-ketua-ppid-bunder', state: 'APPROVED', at: wib('2025-06-02 09:28'), body: 'Ya.' }));
    expectVerdict(persetujuan(preset('ppid-kalurahan-bunder'), snapshot, wib('2025-06-02 10:00')), 0, 'approved', ['publikasi'], [
      stage('publikasi', 'telaah-seksi', 'approved', ['wulan-seksi-bunder'], 20, 15, true),
      stage('publikasi', 'keputusan-ketua', 'approved', ['sutrisno-ketua-ppid-bunder'], 8, 10, false),
    ]);
  });

  it('Kecamatan Gerokgak: any one of three officials, timed in WITA', () => {
    // Opened 08:00 WITA (00:00 UTC); the Kasubag approves at 08:20 WITA: 20 minutes > 10.
    const run = persetujuan(preset('kecamatan-gerokgak'), {
      pull: pull({ author: 'komang-operator-gerokgak', created: wita('2025-05-05 08:00') }),
      commits: [commit(HEAD, 'komang-operator-gerokgak', wita('2025-05-05 07:55'))],
      files: [file('content/agenda/melasti/index.md', 'added')],
      reviews: [review({ login: 'putu-perencanaan-gerokgak', state: 'APPROVED', at: wita('2025-05-05 08:20') })],
    }, wita('2025-05-05 09:00'));
    expectVerdict(run, 0, 'approved', ['publikasi'], [stage('publikasi', 'persetujuan-pimpinan', 'approved', ['putu-perencanaan-gerokgak'], 20, 10, true)]);
  });

  it("Kecamatan Gerokgak: the Camat's standing request for changes is not outvoted by the Sekcam", () => {
    const run = persetujuan(preset('kecamatan-gerokgak'), {
      pull: pull({ author: 'komang-operator-gerokgak', created: wita('2025-05-05 08:00') }),
      commits: [commit(HEAD, 'komang-operator-gerokgak', wita('2025-05-05 07:55'))],
      files: [file('content/berita/melasti/index.md', 'added')],
      reviews: [
        review({ login: 'made-camat-gerokgak', state: 'CHANGES_REQUESTED', at: wita('2025-05-05 08:10'), body: 'Tanggal upacara keliru.' }),
        review({ login: 'ketut-sekcam-gerokgak', state: 'APPROVED', at: wita('2025-05-05 08:20') }),
      ],
    }, wita('2025-05-05 09:00'));
    expect(run.json.state).toBe('changes_requested');
    expect(run.code).toBe(1);
  });

  it("KPU Kepulauan Seribu: news about the office goes to the Web Admin team only, never by the team's own writer", () => {
    const teams = { 'kpu-kepulauanseribu/admin-web': ['rizki-admin-kpuseribu', 'nur-penulis-kpuseribu'] };
    const base = {
      pull: pull({ author: 'nur-penulis-kpuseribu', created: OPENED }),
      commits: [commit(HEAD, 'nur-penulis-kpuseribu', wib('2025-05-05 07:55'))],
      files: [file('content/berita/kegiatan-kantor-apel-pagi/index.md', 'added'), file('content/berita/kegiatan-kantor-apel-pagi/apel.jpg', 'added')],
      teams,
    };
    const self = persetujuan(preset('kpu-kepulauan-seribu'), { ...base, reviews: [review({ login: 'nur-penulis-kpuseribu', state: 'COMMENTED', at: wib('2025-05-05 08:10') })] }, wib('2025-05-05 08:45'));
    expectVerdict(self, 1, 'pending', ['berita-kantor'], [stage('berita-kantor', 'unggah-admin-web', 'pending', [], 45, 30, true)]);
    const admin = persetujuan(preset('kpu-kepulauan-seribu'), { ...base, reviews: [review({ login: 'rizki-admin-kpuseribu', state: 'APPROVED', at: wib('2025-05-05 08:25') })] }, wib('2025-05-05 08:45'));
    expectVerdict(admin, 0, 'approved', ['berita-kantor'], [stage('berita-kantor', 'unggah-admin-web', 'approved', ['rizki-admin-kpuseribu'], 25, 30, false)]);
  });

  it('KPU Kepulauan Seribu: other content passes Kasubbag, then Ketua Divisi', () => {
    const run = persetujuan(preset('kpu-kepulauan-seribu'), {
      pull: pull({ author: 'yusuf-penulis-kpuseribu', created: OPENED }),
      commits: [commit(HEAD, 'yusuf-penulis-kpuseribu', wib('2025-05-05 07:55'))],
      files: [file('content/dokumen/juknis-pantarlih/index.md', 'added'), file('content/dokumen/juknis-pantarlih/juknis.pdf', 'added')],
      reviews: [
        review({ login: 'dewi-kasubbag-kpuseribu', state: 'APPROVED', at: wib('2025-05-05 09:30') }),
        review({ login: 'rahmat-kadiv-kpuseribu', state: 'APPROVED', at: wib('2025-05-05 10:00') }),
      ],
    }, wib('2025-05-05 11:00'));
    expectVerdict(run, 0, 'approved', ['publikasi'], [
      stage('publikasi', 'verifikasi-kasubbag', 'approved', ['dewi-kasubbag-kpuseribu'], 90, 60, true),
      stage('publikasi', 'pemeriksaan-ketua-divisi', 'approved', ['rahmat-kadiv-kpuseribu'], 30, 60, false),
    ]);
  });
});

describe('unusable input exits 2 with a message naming the file', () => {
  const ok = { pull: pull({ created: OPENED }), commits: AUTHORED, files: [file(BERITA)] };

  it('a snapshot that is not JSON', () => {
    const run = persetujuan(KANTOR, '{"pull": {"number": 42,', wib('2025-05-05 09:00'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('snapshot.json');
    expect(run.stdout).not.toContain('"approved"');
  });

  it('a snapshot without the pull request', () => {
    const run = persetujuan(KANTOR, JSON.stringify({ reviews: [], commits: [], files: [] }), wib('2025-05-05 09:00'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pull');
  });

  it('reviews that are not a list', () => {
    const run = persetujuan(KANTOR, JSON.stringify({ ...ok, reviews: { state: 'APPROVED' } }), wib('2025-05-05 09:00'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('reviews');
  });

  it('a config whose stage names a role that does not exist', () => {
    const run = persetujuan(KANTOR.replace('peran: kadiv', 'peran: kadiv-sosialisasi'), ok, wib('2025-05-05 09:00'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tayang.config.yml');
    expect(run.stderr).toContain('kadiv-sosialisasi');
  });

  it('a --sekarang that is no time', () => {
    const run = persetujuan(KANTOR, ok, 'besok pagi');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sekarang/);
  });
});

describe('second pass: corners of the rules', () => {
  it('approving the same version again keeps the first approval time', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 09:30') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 09:45') }),
      ],
    }, wib('2025-05-05 10:00'));
    // verifikasi 08:00→08:40 = 40; pemeriksaan 08:40→09:45 = 65.
    expectVerdict(run, 0, 'approved', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'approved', ['rahmat-kadiv'], 65, DAYS_2, false),
    ]);
  });

  it('a dismissed request for changes no longer returns the PR', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [review({ login: 'dewi-kasubbag', state: 'DISMISSED', at: wib('2025-05-05 08:40'), body: 'Foto buram.' })],
    }, wib('2025-05-05 09:00'));
    expect(run.json.state).toBe('pending');
    expect(run.json.stages[0].state).toBe('pending');
  });

  it("Bunder: the Ketua's early objection waits for his turn, then returns the draft", () => {
    const reviews = [review({ login: 'sutrisno-ketua-ppid-bunder', state: 'CHANGES_REQUESTED', at: wib('2025-06-02 09:05'), body: 'Tidak.' })];
    const snapshot = {
      pull: pull({ author: 'fajar-medsos-bunder', created: wib('2025-06-02 09:00') }),
      commits: [commit(HEAD, 'fajar-medsos-bunder', wib('2025-06-02 08:55'))],
      files: [file('content/berita/kerja-bakti/index.md', 'added')],
      reviews,
    };
    expectVerdict(persetujuan(preset('ppid-kalurahan-bunder'), snapshot, wib('2025-06-02 09:10')), 1, 'pending', ['publikasi'], [
      stage('publikasi', 'telaah-seksi', 'pending', [], 10, 15, false),
      stage('publikasi', 'keputusan-ketua', 'waiting', [], 0, 10, false),
    ]);
    reviews.push(review({ login: 'yanto-seksi-bunder', state: 'APPROVED', at: wib('2025-06-02 09:12') }));
    expectVerdict(persetujuan(preset('ppid-kalurahan-bunder'), snapshot, wib('2025-06-02 09:20')), 1, 'changes_requested', ['publikasi'], [
      stage('publikasi', 'telaah-seksi', 'approved', ['yanto-seksi-bunder'], 12, 15, false),
      stage('publikasi', 'keputusan-ketua', 'changes_requested', [], 8, 10, false),
    ]);
  });

  it('minimal: 2 waits for the second approval; "1,5 jam" is 90 minutes', () => {
    const config = KANTOR.replace(/alur:[\s\S]*$/, `alur:
  - id: publikasi
    nama: Publikasi
    jenis: ["*"]
    tahap:
      - { id: rapat-redaksi, nama: Rapat Redaksi, peran: kadiv, minimal: 2, mutu_baku: "1,5 jam" }
`).replace('anggota: [rahmat-kadiv, dewi-kasubbag]', 'anggota: [rahmat-kadiv, dewi-kasubbag, sinta-kadiv]');
    const reviews = [review({ login: 'sinta-kadiv', state: 'APPROVED', at: wib('2025-05-05 08:30') })];
    const snapshot = { pull: pull({ created: OPENED }), commits: AUTHORED, files: [file(BERITA)], reviews };
    const one = persetujuan(config, snapshot, wib('2025-05-05 09:00'));
    expect(one.json.state).toBe('pending');
    expect(one.json.stages[0]).toMatchObject({ state: 'pending', elapsed_minutes: 60, standard_minutes: 90, overdue: false });
    expect(one.code).toBe(1);
    reviews.push(review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 09:45') }));
    const two = persetujuan(config, snapshot, wib('2025-05-05 10:00'));
    expect(two.json.stages[0]).toMatchObject({ state: 'approved', elapsed_minutes: 105, standard_minutes: 90, overdue: true });
    expect([...two.json.stages[0].approvers].sort()).toEqual(['rahmat-kadiv', 'sinta-kadiv']);
    expect(two.code).toBe(0);
  });

  it('a team whose members the snapshot does not list approves nothing', () => {
    const config = KANTOR.replace('anggota: [dewi-kasubbag, "@kantor-uji/redaksi"]', 'anggota: ["@kantor-uji/redaksi"]');
    const run = persetujuan(config, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file('content/berita/cepat-banjir/index.md')],
      reviews: [review({ login: 'tika-redaksi', state: 'APPROVED', at: wib('2025-05-05 08:20') })],
    }, wib('2025-05-05 09:00'));
    expect(run.json.state).toBe('pending');
    expect(run.json.messages.join('\n')).toContain('kantor-uji/redaksi');
    expect(run.code).toBe(1);
  });

  it('a commit whose author has no GitHub account holds the PR', () => {
    const anonymous = { ...commit(HEAD, 'ani-penulis', wib('2025-05-05 07:55')), author: null };
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: [anonymous],
      files: [file('content/berita/cepat-banjir/index.md')],
      reviews: [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:20') })],
    }, wib('2025-05-05 09:00'));
    expect(run.json.state).not.toBe('approved');
    expect(run.code).toBe(1);
  });

  it('GitHub lists at most 250 commits: authors beyond them are unknown, so the PR is not approved', () => {
    const commits = Array.from({ length: 250 }, (_, i) => commit(i === 249 ? HEAD : `${String(i).padStart(4, '0')}${'e'.repeat(36)}`, 'ani-penulis', wib('2025-05-05 07:00')));
    const pr = { ...pull({ created: OPENED }), commits: 251 };
    const run = persetujuan(KANTOR, {
      pull: pr,
      commits,
      files: [file('content/berita/cepat-banjir/index.md')],
      reviews: [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:20') })],
    }, wib('2025-05-05 09:00'));
    expect(run.json.state).not.toBe('approved');
    expect(run.code).toBe(1);
  });

  it('GitHub lists at most 3000 files: a PR with more is not approved (an unseen file may be the config)', () => {
    const files = Array.from({ length: 3000 }, (_, i) => file(`content/berita/cepat-banjir/foto-${i}.jpg`, 'added'));
    const pr = { ...pull({ created: OPENED }), changed_files: 3001 };
    const run = persetujuan(KANTOR, {
      pull: pr,
      commits: AUTHORED,
      files,
      reviews: [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:20') })],
    }, wib('2025-05-05 09:00'));
    expect(run.json.state).not.toBe('approved');
    expect(run.code).toBe(1);
  });

  it('an approval given on Saturday stops the clock at Friday 16:00; the next stage starts after the holidays', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: wib('2025-05-09 15:00') }),
      commits: AUTHORED,
      files: [file(BERITA)],
      reviews: [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-10 10:00') })],
    }, wib('2025-05-14 08:00'));
    // Fri 15:00→16:00 = 60 (not beyond 60); then Sat, Sun, 12–13 May off; Wed 07:30→08:00 = 30.
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 60, 60, false),
      stage('publikasi', 'pemeriksaan', 'pending', [], 30, DAYS_2, false),
    ]);
  });

  it('Gerokgak: the Waisak holiday is a date in WITA, and the Plh. Camat signs within his mandate', () => {
    // Opened Monday 12 May 07:30 WITA (Sunday 23:30 UTC); 12–13 May off; Wed 14 May 07:30→08:00 = 30.
    const run = persetujuan(preset('kecamatan-gerokgak'), {
      pull: pull({ author: 'komang-operator-gerokgak', created: '2025-05-11T23:30:00Z' }),
      commits: [commit(HEAD, 'komang-operator-gerokgak', '2025-05-11T23:00:00Z')],
      files: [file('content/pengumuman/jadwal-posyandu/index.md')],
      reviews: [review({ login: 'gede-plh-camat-gerokgak', state: 'APPROVED', at: wita('2025-05-14 08:00') })],
    }, wita('2025-05-14 09:00'));
    expectVerdict(run, 0, 'approved', ['publikasi'], [stage('publikasi', 'persetujuan-pimpinan', 'approved', ['gede-plh-camat-gerokgak'], 30, 10, true)]);
  });

  it('a removed content file still needs its flow', () => {
    const run = persetujuan(KANTOR, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file('content/pengumuman/lowongan-lama/index.md', 'removed')],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'pending', [], 60, 60, false),
      stage('publikasi', 'pemeriksaan', 'waiting', [], 0, DAYS_2, false),
    ]);
  });

  it('GitHub logins are case-insensitive: a config written in other capitals still matches', () => {
    const config = KANTOR.replace('anggota: [dewi-kasubbag, "@kantor-uji/redaksi"]', 'anggota: [Dewi-Kasubbag, "@kantor-uji/redaksi"]');
    const run = persetujuan(config, {
      pull: pull({ created: OPENED }),
      commits: AUTHORED,
      files: [file('content/berita/cepat-banjir/index.md')],
      reviews: [review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:20') })],
    }, wib('2025-05-05 09:00'));
    expect(run.json.state).toBe('approved');
    expect(run.code).toBe(0);
  });
});

describe('third pass: the command line around the verdict', () => {
  const approvedSnapshot = {
    pull: pull({ created: OPENED }),
    commits: AUTHORED,
    files: [file(BERITA)],
    reviews: [
      review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
      review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 10:00') }),
    ],
  };

  it('teks gives the same exit code as json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tayang-maintainer-'));
    const config = join(dir, 'tayang.config.yml');
    writeFileSync(config, KANTOR);
    const run = persetujuanArgs(['--snapshot', snapshotFile(approvedSnapshot), '--config', config, '--sekarang', wib('2025-05-06 09:00'), '--format', 'teks']);
    expect(run.code).toBe(0);
    expect(run.stdout.toLowerCase()).toContain('disetujui');
  });

  it('an approval in the same second the earlier stage passed is not "after" it', () => {
    const run = persetujuan(KANTOR, {
      ...approvedSnapshot,
      reviews: [
        review({ login: 'dewi-kasubbag', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
        review({ login: 'rahmat-kadiv', state: 'APPROVED', at: wib('2025-05-05 08:40') }),
      ],
    }, wib('2025-05-05 09:00'));
    expectVerdict(run, 1, 'pending', ['publikasi'], [
      stage('publikasi', 'verifikasi', 'approved', ['dewi-kasubbag'], 40, 60, false),
      stage('publikasi', 'pemeriksaan', 'pending', [], 20, DAYS_2, false),
    ]);
  });

  it('--sekarang without an offset is read in the office time zone (WITA for Gerokgak)', () => {
    const run = persetujuan(preset('kecamatan-gerokgak'), {
      pull: pull({ author: 'komang-operator-gerokgak', created: wita('2025-05-05 08:00') }),
      commits: [commit(HEAD, 'komang-operator-gerokgak', wita('2025-05-05 07:55'))],
      files: [file('content/agenda/melasti/index.md', 'added')],
    }, '2025-05-05T08:25');
    expectVerdict(run, 1, 'pending', ['publikasi'], [stage('publikasi', 'persetujuan-pimpinan', 'pending', [], 25, 10, true)]);
  });

  it('a missing snapshot or config file, or an unknown format, exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tayang-maintainer-'));
    const config = join(dir, 'tayang.config.yml');
    writeFileSync(config, KANTOR);
    const snapshot = snapshotFile(approvedSnapshot);
    const noSnapshot = persetujuanArgs(['--snapshot', join(dir, 'tidak-ada.json'), '--config', config, '--format', 'json']);
    expect(noSnapshot.code).toBe(2);
    expect(noSnapshot.stderr).toContain('tidak-ada.json');
    const noConfig = persetujuanArgs(['--snapshot', snapshot, '--config', join(dir, 'tidak-ada.yml'), '--format', 'json']);
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain('tidak-ada.yml');
    const format = persetujuanArgs(['--snapshot', snapshot, '--config', config, '--format', 'xml']);
    expect(format.code).toBe(2);
  });
});
