import { z } from 'zod';
import type { VerdictState } from '../approval/types.ts';
import { accountsActingOn } from '../config/officials.ts';
import type { Config } from '../config/schema.ts';
import { localToday } from '../content/time.ts';

/**
 * The publication gate (`tayang izin-terbit`): every commit on main since the last publication
 * must come from a PR that was approved when it was merged, or be a records-only commit that
 * Tayang's own App pushed; one that is neither holds everything. Pure: the GitHub adapter
 * (src/lib/github/publish-gate.ts) gathers the facts, these functions decide and explain.
 */

export const HOLD_LABEL = 'publikasi-ditahan';
export const HOLD_TITLE = 'Publikasi ditahan';
export const RECORDS_PREFIX = 'records/';

/**
 * Without `--sejak` (nothing published yet) the whole history of main is checked, from its root,
 * when it has at most this many commits; a longer one is refused rather than cut short, since
 * any commit left out would be published unchecked.
 */
export const FIRST_PUBLICATION_LIMIT = 100;

/** A commit as the gate needs it: who made it, whether GitHub verified it, what it changed. */
export interface CommitFacts {
  sha: string;
  /** First line of the message. */
  subject: string;
  /** GitHub logins Git's e-mails link to; null when they link to none. */
  author: string | null;
  committer: string | null;
  /** `commit.verification.verified`: GitHub checked the signature. */
  verified: boolean;
  /** No parents: the repository's first commit. */
  root: boolean;
  /** Parent shas, first parent first (absent where the listing did not say). */
  parents?: string[];
  /** Paths it changes (both paths of a rename); absent when not read or not fully listed. */
  files?: string[];
  url?: string;
}

/** The merged PR behind a commit, judged as at its merge. */
export interface PullFacts {
  number: number;
  url: string;
  /** The verdict's state and one-line description, or the problems that kept it from one. */
  outcome: { state: VerdictState; description: string } | { problems: string[] };
}

/** A merged PR a commit belongs to without being its merge (merge commit or squash). */
export interface OtherPull {
  number: number;
  url: string;
  mergeCommit: string | null;
}

export interface CommitInput {
  commit: CommitFacts;
  /** The PR whose merge this commit is. */
  pull: PullFacts | null;
  /** With no `pull`: a merged PR GitHub associates with the commit all the same. */
  other?: OtherPull | null;
}

/** Why a commit from no PR is not Tayang's own records push. */
export type RecordsShortfall = 'files_unknown' | 'no_files' | 'outside_records' | 'author' | 'committer' | 'unverified';

export type CommitBasis = 'approved_pull' | 'app_records' | 'released' | 'unapproved_pull' | 'unusable_pull' | 'no_pull';

/**
 * The one way out of a hold: an SOP-approved PR adds `.tayang/lepas-tahan/<sha>.yml` (the system
 * flow governs `.tayang/**`), saying why publishing that commit is acceptable. The commit adding it
 * is in the range and judged like any other, so nobody releases a hold alone.
 */
export const RELEASE_DIR = '.tayang/lepas-tahan';

export const ReleaseSchema = z.strictObject({
  /** Why publishing the held commit is acceptable, or what was done about it. */
  alasan: z.string({ error: 'wajib diisi: mengapa commit ini boleh terbit, atau apa yang sudah dilakukan (misalnya dibatalkan lewat PR #12).' }).trim().min(1, { error: 'tidak boleh kosong: tulis alasannya.' }),
  /** The PR that reverted it, when it was reverted. */
  pr_pembatalan: z.number({ error: 'harus nomor PR, misalnya 12.' }).int().positive().optional(),
});

export interface Release {
  file: string;
  alasan: string;
  pr_pembatalan?: number;
}

export function releaseFileOf(sha: string): string {
  return `${RELEASE_DIR}/${sha}.yml`;
}

export interface CommitDecision {
  commit: CommitFacts;
  pull: { number: number; url: string } | null;
  passes: boolean;
  basis: CommitBasis;
  /** unapproved_pull (or released): the verdict. */
  verdict?: { state: VerdictState; description: string };
  /** released: the approved release file, with the decision it overrides. */
  release?: Release;
  held?: Exclude<CommitBasis, 'approved_pull' | 'app_records' | 'released'>;
  /** unusable_pull: why the PR could not be judged. */
  problems?: string[];
  /** no_pull: what it lacks to be a records push of the App, and a few paths outside records/. */
  shortfalls?: RecordsShortfall[];
  outside?: string[];
  /** no_pull: the merged PR it belongs to without being that PR's merge. */
  other?: OtherPull;
}

export interface GateReport {
  since: string | null;
  until: string;
  decisions: CommitDecision[];
  passed: boolean;
}

/** Who Tayang's App is on GitHub: its slug, and the bot account that commits as it. */
export function appBotLogin(slug: string): string {
  return `${slug}[bot]`;
}

/**
 * What keeps a commit from being a records-only push of Tayang's App: every path under records/,
 * authored by the App's bot, committed by it (or by GitHub's web-flow, which signs for Apps), and
 * verified by GitHub. The committer matters: someone signing with their own key can name the
 * bot as author, but not as committer without the signature failing.
 */
export function recordsShortfalls(commit: CommitFacts, appSlug: string): RecordsShortfall[] {
  const bot = appBotLogin(appSlug).toLowerCase();
  const shortfalls: RecordsShortfall[] = [];
  if (commit.files === undefined) shortfalls.push('files_unknown');
  else if (commit.files.length === 0) shortfalls.push('no_files');
  else if (commit.files.some((path) => !path.startsWith(RECORDS_PREFIX))) shortfalls.push('outside_records');
  if (commit.author?.toLowerCase() !== bot) shortfalls.push('author');
  if (commit.committer === null || ![bot, 'web-flow'].includes(commit.committer.toLowerCase())) shortfalls.push('committer');
  if (!commit.verified) shortfalls.push('unverified');
  return shortfalls;
}

export function judgeCommit(input: CommitInput, appSlug: string): CommitDecision {
  const { commit, pull } = input;
  if (pull) {
    const ref = { number: pull.number, url: pull.url };
    if ('problems' in pull.outcome) return { commit, pull: ref, passes: false, basis: 'unusable_pull', problems: pull.outcome.problems };
    if (pull.outcome.state === 'approved') return { commit, pull: ref, passes: true, basis: 'approved_pull' };
    return { commit, pull: ref, passes: false, basis: 'unapproved_pull', verdict: pull.outcome };
  }
  const shortfalls = recordsShortfalls(commit, appSlug);
  if (shortfalls.length === 0) return { commit, pull: null, passes: true, basis: 'app_records' };
  return { commit, pull: null, passes: false, basis: 'no_pull', shortfalls, outside: (commit.files ?? []).filter((path) => !path.startsWith(RECORDS_PREFIX)).slice(0, 3), ...(input.other ? { other: input.other } : {}) };
}

/**
 * The commits of main's own line in a range: the first-parent chain from `until` back to `since`.
 * Commits reached only through a merge commit's other parents came in with that merge commit's PR,
 * which is judged for them.
 */
export function mainLine(commits: readonly CommitFacts[], until: string, since: string | null): CommitFacts[] {
  // A listing without parents cannot be walked: every commit is judged on its own.
  if (!commits.every((commit) => commit.parents !== undefined)) return [...commits];
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const line: CommitFacts[] = [];
  for (let at = bySha.get(until); at && at.sha !== since; at = at.parents!.length > 0 ? bySha.get(at.parents![0]!) : undefined) line.unshift(at);
  return line;
}

/**
 * The gate over a range of commits, oldest first. An empty range passes: nothing new. A held
 * commit with a release file (present at the range's end) passes as released.
 */
export function judgeRange(range: { since: string | null; until: string }, inputs: readonly CommitInput[], appSlug: string, releases: ReadonlyMap<string, Release> = new Map()): GateReport {
  const decisions = inputs.map((input) => {
    const decision = judgeCommit(input, appSlug);
    const release = releases.get(decision.commit.sha);
    if (decision.passes || !release) return decision;
    return { ...decision, passes: true, basis: 'released' as const, held: decision.basis as CommitDecision['held'], release };
  });
  return { ...range, decisions, passed: decisions.every((d) => d.passes) };
}

export function failingDecisions(report: GateReport): CommitDecision[] {
  return report.decisions.filter((d) => !d.passes);
}

const short = (sha: string) => sha.slice(0, 7);

/** The PR said beside a commit: the one whose merge it is, one it merely belongs to, or none. */
function pullLabel(d: CommitDecision): string {
  if (d.pull) return `PR #${d.pull.number}`;
  return d.other ? `PR #${d.other.number}` : 'tanpa PR';
}

/** Why a commit passes or holds, in one Indonesian sentence (the PR, if any, is said beside it). */
export function describeDecision(decision: CommitDecision, appSlug: string): string {
  switch (decision.basis) {
    case 'approved_pull':
      return 'disetujui sesuai SOP saat digabung.';
    case 'app_records':
      return `hanya mengubah ${RECORDS_PREFIX}, dibuat App Tayang (${appBotLogin(appSlug)}) dan bertanda tangan terverifikasi GitHub.`;
    case 'released':
      return `dilepas lewat ${decision.release!.file} (disetujui sesuai SOP): ${decision.release!.alasan}${decision.release!.pr_pembatalan ? ` (dibatalkan lewat PR #${decision.release!.pr_pembatalan})` : ''}`;
    case 'unapproved_pull':
      return `digabung tanpa persetujuan lengkap (${decision.verdict!.description}); persetujuan yang diberikan setelah penggabungan tidak dihitung.`;
    case 'unusable_pull':
      return `tidak bisa dinilai: ${decision.problems!.join(' ')}`;
    case 'no_pull':
      if (decision.other) {
        const { mergeCommit } = decision.other;
        return `commit ini termasuk PR itu, tetapi bukan commit penggabungannya (PR itu digabung sebagai ${mergeCommit ? `\`${short(mergeCommit)}\`` : 'commit yang tidak diketahui'}): persetujuan PR hanya berlaku untuk commit penggabungan itu (merge commit atau squash), dan commit ini masuk ke main di luar penggabungan itu — didorong langsung, atau lewat penggabungan rebase, yang tidak diterima.`;
      }
      return `didorong langsung ke main, tanpa PR; ${describeShortfalls(decision, appSlug)}.${decision.commit.root ? ` Ini commit pertama repositori: bila isinya sudah diperiksa, jalankan izin terbit dengan \`--sejak ${decision.commit.sha}\`.` : ''}`;
  }
}

/** What the files say first; who made it matters only for a commit that changes records/ alone. */
function describeShortfalls(decision: CommitDecision, appSlug: string): string {
  const bot = appBotLogin(appSlug);
  const { commit } = decision;
  const shortfalls = decision.shortfalls ?? [];
  if (shortfalls.includes('outside_records')) return `mengubah berkas di luar ${RECORDS_PREFIX} (${decision.outside!.join(', ')})`;
  if (shortfalls.includes('no_files')) return 'tidak mengubah berkas apa pun';
  if (shortfalls.includes('files_unknown')) return 'daftar berkasnya terlalu panjang untuk diperiksa';
  const who = shortfalls.map((shortfall) => {
    switch (shortfall) {
      case 'author':
        return `penulisnya ${commit.author ?? 'akun yang tidak dikenal GitHub'}, bukan ${bot}`;
      case 'committer':
        return `yang membuat commit (committer) ${commit.committer ?? 'akun yang tidak dikenal GitHub'}, bukan ${bot}`;
      default:
        return 'tanda tangannya tidak terverifikasi GitHub';
    }
  });
  return `hanya mengubah ${RECORDS_PREFIX}, tetapi bukan catatan buatan App Tayang: ${who.join('; ')}`;
}

/** Whom the hold issue asks to act, and, when nobody, why. */
export interface HoldMentions {
  source: 'admin' | 'penerima_laporan' | 'none';
  role?: { id: string; name: string; flow?: string };
  /** `@login` and `@org/team`. */
  mentions: string[];
  /** source none: the config could not be read, or names no role for this. */
  reason?: 'no_config' | 'no_role' | 'empty_role';
}

/**
 * The members (and today's stand-ins) of `publikasi.admin`; without that key, of the first flow's
 * `penerima_laporan` (the first flow that names one); else nobody.
 */
export function holdMentions(config: Config | null, now: Date): HoldMentions {
  if (config === null) return { source: 'none', mentions: [], reason: 'no_config' };
  const admin = config.publikasi.admin;
  const flow = admin === undefined ? config.alur.find((f) => f.penerima_laporan !== undefined) : undefined;
  const id = admin ?? flow?.penerima_laporan;
  const role = id === undefined ? undefined : config.peran[id];
  if (id === undefined || role === undefined) return { source: 'none', mentions: [], reason: 'no_role' };
  const today = localToday(now, config.kantor.zona_waktu);
  const mentions = accountsActingOn(role, today).map((m) => (m.startsWith('@') ? m : `@${m}`));
  return {
    source: admin !== undefined ? 'admin' : 'penerima_laporan',
    role: { id, name: role.nama, ...(flow ? { flow: flow.nama } : {}) },
    mentions,
    ...(mentions.length === 0 ? { reason: 'empty_role' as const } : {}),
  };
}

function describeMentions(m: HoldMentions): string {
  if (m.source === 'none') {
    return m.reason === 'no_config'
      ? 'Tidak ada yang disebut: tayang.config.yml di main tidak bisa dibaca. Perbaiki berkas itu, lalu isi `publikasi.admin` dengan peran pengelola situs.'
      : 'Tidak ada yang disebut: `publikasi.admin` belum diisi di tayang.config.yml dan tidak ada alur dengan `penerima_laporan`. Isi `publikasi.admin` dengan peran pengelola situs (misalnya admin-website) agar pemberitahuan seperti ini sampai kepada orangnya.';
  }
  const where = m.source === 'admin' ? '`publikasi.admin`' : `penerima laporan alur "${m.role!.flow}"; \`publikasi.admin\` belum diisi di tayang.config.yml, jadi peran ini yang disebut`;
  if (m.mentions.length === 0) return `Tidak ada yang disebut: peran ${m.role!.name} (${where}) tidak punya anggota.`;
  return `Mohon ditindaklanjuti: ${m.mentions.join(' ')} (peran ${m.role!.name}, ${where}).`;
}

/** The hidden first line of the hold issue, naming the commits it is about. */
export function holdMarker(shas: readonly string[]): string {
  return `<!-- tayang:${HOLD_LABEL} ${[...new Set(shas)].sort().join(' ')} -->`;
}

/** The commits an issue body's marker names; undefined when the body does not start with one. */
export function markedShas(body: string | null | undefined): string[] | undefined {
  const match = new RegExp(`^<!-- tayang:${HOLD_LABEL} ([^>]*?) ?-->`).exec(body ?? '');
  return match ? match[1]!.split(/\s+/).filter(Boolean) : undefined;
}

export function renderHoldIssue(report: GateReport, mentions: HoldMentions, appSlug: string): string {
  const failing = failingDecisions(report);
  const lines = failing.map((d) => {
    const commit = d.commit.url ? `[\`${short(d.commit.sha)}\`](${d.commit.url})` : `\`${short(d.commit.sha)}\``;
    const pull = pullLabel(d);
    return `- ${commit} ${d.commit.subject ? `“${d.commit.subject}” ` : ''}— ${pull}: ${describeDecision(d, appSlug)}`;
  });
  return [
    holdMarker(failing.map((d) => d.commit.sha)),
    `Penerbitan situs, kiriman media sosial dan data **ditahan**: ${failing.length} dari ${report.decisions.length} commit di cabang main sejak terbitan terakhir tidak memenuhi SOP persetujuan. Tidak ada yang diterbitkan selama commit ini termasuk dalam rentang yang akan diterbitkan.`,
    '',
    '**Commit yang menahan:**',
    '',
    ...lines,
    '',
    `Rentang yang diperiksa: ${report.since ? `sesudah \`${short(report.since)}\`` : 'seluruh riwayat main'} sampai \`${short(report.until)}\`.`,
    '',
    describeMentions(mentions),
    '',
    '**Yang perlu dilakukan:**',
    '',
    '1. Periksa isi setiap commit di atas. Persetujuan yang diberikan setelah PR digabung tidak dihitung, dan perubahan yang didorong langsung ke main tidak pernah melewati SOP. Penggabungan dengan *rebase* tidak diterima: hanya commit penggabungan PR (merge commit atau squash) yang membawa persetujuannya.',
    '2. Bila isinya tidak layak tayang, batalkan (revert) lewat PR baru yang disetujui sesuai SOP, dan di PR itu juga tambahkan berkas pelepasan dari langkah 3 dengan `pr_pembatalan: <nomor PR itu>`: pembatalan saja tidak melepas tahanan, karena commit itu tetap ada di rentang yang akan diterbitkan.',
    '3. Penerbitan tetap ditahan sampai setiap commit di atas **dilepas**: buat PR yang menambahkan berkas ' +
      failing.map((d) => `\`${releaseFileOf(d.commit.sha)}\``).join(', ') +
      ' berisi `alasan: "…"` (mengapa commit itu boleh terbit, atau PR mana yang membatalkannya; boleh juga `pr_pembatalan: 12`). PR itu diatur alur perubahan sistem, jadi harus disetujui pejabatnya sesuai SOP; berkas yang didorong langsung ke main tidak melepas apa pun.',
    '',
    `Issue ini dibuka oleh \`tayang izin-terbit\`. Pemeriksaan berikutnya tidak membuka issue baru selama commit yang sama masih menahan penerbitan.`,
  ].join('\n');
}

export interface OpenIssue {
  number: number;
  url: string;
  body: string | null;
}

export type HoldIssuePlan = { action: 'none' } | { action: 'exists'; number: number; url: string } | { action: 'create'; title: string; body: string; labels: string[] };

/** What became of the hold issue on a run. */
export type HoldIssueOutcome = { action: 'none' } | { action: 'exists' | 'created'; number: number; url: string };

/**
 * One issue per set of failing commits: none when the gate passed, nothing new when an open hold
 * issue (opened by Tayang: the adapter passes only its own) already names every failing commit.
 */
export function planHoldIssue(report: GateReport, mentions: HoldMentions, open: readonly OpenIssue[], appSlug: string): HoldIssuePlan {
  const failing = failingDecisions(report).map((d) => d.commit.sha);
  if (failing.length === 0) return { action: 'none' };
  const covering = open.find((issue) => {
    const named = new Set(markedShas(issue.body) ?? []);
    return named.size > 0 && failing.every((sha) => named.has(sha));
  });
  if (covering) return { action: 'exists', number: covering.number, url: covering.url };
  return { action: 'create', title: HOLD_TITLE, body: renderHoldIssue(report, mentions, appSlug), labels: [HOLD_LABEL] };
}

/** The CLI's text: the outcome first, then every commit with why. */
export function renderGateText(report: GateReport, appSlug: string): string {
  const failing = failingDecisions(report);
  const range = `${report.since ? `sesudah ${short(report.since)}` : 'seluruh riwayat main'} sampai ${short(report.until)}`;
  if (report.decisions.length === 0) return `Izin terbit: BOLEH TERBIT — tidak ada commit baru (${range}).`;
  const head = report.passed
    ? `Izin terbit: BOLEH TERBIT — ${report.decisions.length} commit (${range}) semuanya memenuhi SOP${report.decisions.some((d) => d.basis === 'released') ? ' atau dilepas lewat PR yang disetujui' : ''}.`
    : `Izin terbit: DITAHAN — ${failing.length} dari ${report.decisions.length} commit (${range}) tidak memenuhi SOP persetujuan.`;
  const lines = report.decisions.map((d) => `  [${d.basis === 'released' ? 'dilepas' : d.passes ? 'lolos' : 'MENAHAN'}] ${short(d.commit.sha)} ${pullLabel(d)}: ${describeDecision(d, appSlug)}`);
  return [head, ...lines].join('\n');
}

export function renderGateJson(report: GateReport, appSlug: string, issue?: HoldIssueOutcome): object {
  return {
    passed: report.passed,
    since: report.since,
    until: report.until,
    commits: report.decisions.map((d) => ({
      sha: d.commit.sha,
      pull: d.pull,
      passed: d.passes,
      basis: d.basis,
      ...(d.shortfalls ? { shortfalls: d.shortfalls } : {}),
      ...(d.other ? { other_pull: { number: d.other.number, url: d.other.url, merge_commit_sha: d.other.mergeCommit } } : {}),
      ...(d.release ? { release: d.release } : {}),
      reason: describeDecision(d, appSlug),
    })),
    ...(issue ? { issue } : {}),
  };
}
