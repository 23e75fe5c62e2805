import { DateTime } from 'luxon';
import { stagesAwaitingReview, type StageVerdict, type Verdict } from '../approval/types.ts';
import { accountsActingOn } from '../config/officials.ts';
import type { Config, Flow } from '../config/schema.ts';
import { isReviewOverdue } from '../config/stale.ts';
import { workingMinutesBetween } from '../config/working-time.ts';
import { formatMarker } from './markers.ts';

/**
 * What `tayang pengingat` should send now, from plain data: the approval verdicts of the open PRs,
 * the config, the `berkala` items, the markers already in GitHub and the clock. Pure; the GitHub
 * adapter reads and writes (src/lib/github/reminders.ts), render.ts words it.
 *
 * Decisions:
 * - A stage waits from the moment its clock started in the approval verdict (the PR's opening, or
 *   the moment the stage before it passed), or from the moment the PR last left draft when that is
 *   later: a draft asks nobody for anything. Time is working time (`jam_kerja`, holidays, the
 *   office's zone), as in the approval table.
 * - One reminder to the stage's officials once the wait is past `mutu_baku`, one escalation to the
 *   `eskalasi` role (default: the role(s) of the flow's last stage) once it is past twice that.
 *   Both due at once (a run that starts late) make one escalation comment that mentions both.
 * - Once per wait, not per commit: a new push or a re-requested review does not send the reminder
 *   again (GitHub already notifies a re-requested reviewer; a push does not make the officials any
 *   later). A wait that starts anew does: the stage before it passed again (its approvals had gone
 *   stale), or the PR went back to draft and came out again.
 * - Nothing for drafts, `tentatif` stages, approved stages, or a stage that returned the PR to its
 *   author (it waits on the author, not on the officials).
 * - The SOP review (`sop.tinjauan_berikutnya` passed): one issue per review date; a new date, once
 *   passed, asks again.
 * - A `berkala` item is stale when its `tanggal` is more than six months before today (office
 *   date): `tanggal` is the date the public reads on the page, so refreshing the item means
 *   updating its content and its `tanggal`. A typo fix (a new commit) is no refresh, which is why
 *   Git's dates are not used. One issue lists every stale item no earlier issue named; an item is
 *   named again only after a new `tanggal` has gone stale too.
 */

/** UU 14/2008 Pasal 9 ayat (4): periodic information is refreshed at least every six months. */
export const BERKALA_MONTHS = 6;

export interface OpenPull {
  verdict: Verdict;
  title: string;
  url: string;
  /** When the PR last left draft (its `ready_for_review` event), if it ever was one. */
  readyAt?: string;
}

export interface StageNotice {
  kind: 'pengingat' | 'eskalasi';
  pr: number;
  title: string;
  url: string;
  flow: string;
  flow_name: string;
  stage: string;
  stage_name: string;
  /** The stage's roles, by name ("Kasubbag Teknis"). */
  roles: string[];
  waiting_since: string;
  elapsed_minutes: number;
  standard_minutes: number;
  standard_text: string;
  /** The stage's officials (logins, or "org/slug" for a team whose members are unknown). */
  officials: string[];
  /** The escalation role(s), their names and their accounts. */
  escalation: { roles: string[]; accounts: string[] };
  /** `eskalasi`: the reminder was due in the same run, so this comment stands for both. */
  with_reminder: boolean;
  /** The markers the comment carries: the notice itself, and the reminder it includes. */
  markers: string[];
}

export function planStageNotices(config: Config, pull: OpenPull, now: Date, sent: ReadonlySet<string>): StageNotice[] {
  const { verdict } = pull;
  if (verdict.pull.draft || verdict.pull.number === null) return [];
  const zone = config.kantor.zona_waktu;
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const authors = new Set([verdict.pull.author, ...verdict.authors].map((login) => login.toLowerCase()));
  const notices: StageNotice[] = [];
  for (const stage of stagesAwaitingReview(verdict)) {
    const flow = config.alur.find((f) => f.id === stage.flow);
    if (stage.standard_minutes === null || stage.started_at === null || !flow) continue;
    const since = later(stage.started_at, pull.readyAt);
    const elapsed = workingMinutesBetween(config.jam_kerja, zone, new Date(since), now);
    if (elapsed <= stage.standard_minutes) continue;
    const marker = (kind: StageNotice['kind']) => formatMarker({ jenis: kind, alur: stage.flow, tahap: stage.id, mulai: since });
    const reminderDue = !sent.has(marker('pengingat'));
    const escalationDue = elapsed > 2 * stage.standard_minutes && !sent.has(marker('eskalasi'));
    if (!reminderDue && !escalationDue) continue;
    const kind = escalationDue ? 'eskalasi' : 'pengingat';
    notices.push({
      kind,
      pr: verdict.pull.number,
      title: pull.title,
      url: pull.url,
      flow: flow.id,
      flow_name: flow.nama,
      stage: stage.id,
      stage_name: stage.name,
      roles: stage.roles.map((role) => role.name),
      waiting_since: since,
      elapsed_minutes: elapsed,
      standard_minutes: stage.standard_minutes,
      standard_text: stage.standard_text,
      officials: stageOfficials(stage),
      escalation: escalationOf(config, flow, stage.id, today, authors),
      with_reminder: kind === 'eskalasi' && reminderDue,
      markers: kind === 'eskalasi' && reminderDue ? [marker('eskalasi'), marker('pengingat')] : [marker(kind)],
    });
  }
  return notices;
}

/** Whom the comment mentions: the escalation role, and the stage's officials when it includes their reminder. */
export function mentionedAccounts(notice: StageNotice): string[] {
  return notice.kind === 'pengingat' ? notice.officials : [...notice.escalation.accounts, ...(notice.with_reminder ? notice.officials : [])];
}

/** Who may approve the stage now (the verdict's reviewers), and teams whose members are unknown. */
function stageOfficials(stage: StageVerdict): string[] {
  return [...stage.reviewers, ...stage.unknown_teams];
}

/** The role(s) told after twice the standard: the stage's `eskalasi`, else the flow's last stage's. */
export function escalationRoles(flow: Flow, stageId: string): string[] {
  const stage = flow.tahap.find((s) => s.id === stageId);
  return stage?.eskalasi ? [stage.eskalasi] : flow.tahap.at(-1)!.peran;
}

function escalationOf(config: Config, flow: Flow, stageId: string, today: string, authors: ReadonlySet<string>): StageNotice['escalation'] {
  const roles = escalationRoles(flow, stageId);
  const accounts = roles.flatMap((id) => accountsActingOn(config.peran[id]!, today)).map((account) => account.replace(/^@/, ''));
  return { roles: roles.map((id) => config.peran[id]!.nama), accounts: [...new Set(accounts)].filter((account) => !authors.has(account.toLowerCase())) };
}

function later(a: string, b: string | undefined): string {
  const at = b !== undefined && Date.parse(b) > Date.parse(a) ? b : a;
  return new Date(at).toISOString();
}

export interface SopReviewNotice {
  kind: 'tinjauan-sop';
  /** `sop.tinjauan_berikutnya`. */
  due: string;
  markers: string[];
}

export function planSopReview(config: Pick<Config, 'sop' | 'kantor'>, now: Date, sent: ReadonlySet<string>): SopReviewNotice | undefined {
  const today = DateTime.fromJSDate(now, { zone: config.kantor.zona_waktu }).toISODate()!;
  if (!isReviewOverdue(config.sop, today)) return undefined;
  const marker = formatMarker({ jenis: 'tinjauan-sop', tanggal: config.sop.tinjauan_berikutnya! });
  return sent.has(marker) ? undefined : { kind: 'tinjauan-sop', due: config.sop.tinjauan_berikutnya!, markers: [marker] };
}

/** A published `berkala` item, as the content loader reads it. */
export interface PeriodicItem {
  /** The item's folder, `content/<jenis>/<slug>`. */
  folder: string;
  judul: string;
  /** Its `tanggal`, office time (`2025-03-10` or `2025-03-10 09:00`). */
  tanggal: string;
}

export interface StaleItem extends PeriodicItem {
  /** The last day it was still fresh: `tanggal` plus six months. */
  refresh_by: string;
}

export interface BerkalaNotice {
  kind: 'berkala';
  items: StaleItem[];
  markers: string[];
}

export function berkalaMarker(item: PeriodicItem): string {
  return formatMarker({ jenis: 'berkala', item: item.folder, tanggal: item.tanggal.slice(0, 10) });
}

export function planStaleBerkala(items: readonly PeriodicItem[], zone: string, now: Date, sent: ReadonlySet<string>): BerkalaNotice | undefined {
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const stale = items
    .map((item): StaleItem => ({ ...item, refresh_by: DateTime.fromISO(item.tanggal.slice(0, 10)).plus({ months: BERKALA_MONTHS }).toISODate()! }))
    .filter((item) => item.refresh_by < today && !sent.has(berkalaMarker(item)))
    .sort((a, b) => a.tanggal.localeCompare(b.tanggal) || a.folder.localeCompare(b.folder));
  return stale.length === 0 ? undefined : { kind: 'berkala', items: stale, markers: stale.map(berkalaMarker) };
}
