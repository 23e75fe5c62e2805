import { DateTime } from 'luxon';
import type { Config } from '../config/schema.ts';
import { describeStandard } from '../approval/messages.ts';
import { durationToMinutes } from '../config/duration.ts';
import { workingDayMinutes, workingMinutesBetween } from '../config/working-time.ts';
import type { ApprovalRecord } from './record.ts';

/**
 * The office's performance figures (`tayang laporan --kinerja`, the site's /kinerja/ page, the
 * monthly issue): per month, per stage and per role — how often, the median working time, the
 * share within the stage's time standard — the list of stages that passed late, and the time from
 * the PR to its publication. Pure: records and config in, figures out; every form (text,
 * Markdown, CSV, JSON, SVG) renders these same figures (performance-render.ts).
 *
 * All times are the working minutes the records hold (computed at the merge with the office's
 * working days, holidays and zone), so a stage handed in on Friday afternoon and passed on Monday
 * morning took the minutes of the office's working day, not a weekend. A month is the month of the
 * merge on the office's wall clock.
 */

export type PerformanceConfig = Pick<Config, 'alur' | 'jam_kerja'>;

/** `2026-01`, or `2026-01..2026-03`: inclusive months. */
export interface Period {
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A `--periode` value, or undefined when it is not one month or a range of months in order. */
export function parsePeriod(text: string): Period | undefined {
  const [from, to = from, ...rest] = text.trim().split('..');
  if (rest.length > 0 || !from || !MONTH.test(from) || !MONTH.test(to) || to < from) return undefined;
  return { from, to };
}

/** The month before the one `now` falls in, in `zone`: what a report run early in a month covers. */
export function previousMonth(now: Date, zone: string): Period {
  const month = DateTime.fromJSDate(now, { zone }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
  return { from: month, to: month };
}

/** `--periode`: a month, a range, or `bulan-lalu` (the month before `now`); null when it is none of these. */
export function parseReportPeriod(text: string, now: Date, zone: string): Period | null {
  return text.trim() === 'bulan-lalu' ? previousMonth(now, zone) : (parsePeriod(text) ?? null);
}

/** The `count` months up to and including the one `at` falls in, in `zone`. */
export function lastMonths(at: Date, zone: string, count: number): Period {
  const month = DateTime.fromJSDate(at, { zone }).startOf('month');
  return { from: month.minus({ months: count - 1 }).toFormat('yyyy-MM'), to: month.toFormat('yyyy-MM') };
}

/** The month (`2026-03`) an instant falls in, on the wall clock of `zone`. */
export function monthOf(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM');
}

/** The months from `from` to `to`, inclusive. */
function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let month = DateTime.fromFormat(period.from, 'yyyy-MM', { zone: 'UTC' }); month.toFormat('yyyy-MM') <= period.to; month = month.plus({ months: 1 })) {
    months.push(month.toFormat('yyyy-MM'));
  }
  return months;
}

/** The records merged within `period`, each with its month. */
export function recordsInPeriod(records: readonly ApprovalRecord[], period: Period): ApprovalRecord[] {
  return records.filter((record) => {
    const month = monthOf(record.merged_at, record.time_zone);
    return month >= period.from && month <= period.to;
  });
}

/** Counts and times of one row: a stage, a role or a step in one month. */
export interface Figures {
  /** Times gone through (a stage: once per merged PR that needed it). */
  count: number;
  /** Passed before the merge: the ones with a time. */
  passed: number;
  /** Median working minutes of the passed ones (the mean of the middle two when even); null when none passed. */
  median_minutes: number | null;
  /** Passed, with a time standard. */
  measured: number;
  within_standard: number;
  overdue: number;
  /** Share of the measured within their standard, 0–100, one decimal; null when none was measured ("tanpa standar" when tentatif). */
  within_standard_percent: number | null;
}

export interface StageFigures extends Figures {
  month: string;
  flow: string;
  stage: string;
  name: string;
  /** The stage's time standard in working minutes; null when tentatif. */
  standard_minutes: number | null;
  /** "1 jam", "tentatif" */
  standard_text: string;
}

/** The stages an official of this role approved (a stage two roles may pass is counted for the one that signed). */
export interface RoleFigures extends Figures {
  month: string;
  role: string;
  name: string;
}

/**
 * A step around the approvals, measured from the records:
 * - `penayangan`, per flow: from the flow's last stage passing to the merge (publication), against
 *   the flow's `mutu_baku.penayangan` when the config sets one;
 * - `terbit`, per PR: from its opening to its merge, the whole way through the approvals;
 * - `penyusunan`, per request the PR names (`Menutup #N`): from the request issue's creation to
 *   the PR's opening, against the flow's `mutu_baku.penyusunan`, as `tayang catat` recorded it
 *   (the record's `drafting`).
 */
export type StepId = 'penyusunan' | 'penayangan' | 'terbit';

export interface StepFigures extends Figures {
  month: string;
  step: StepId;
  /** The flow whose standard applies; null for `terbit` and `penyusunan`, which span the whole PR. */
  flow: string | null;
  name: string;
  standard_minutes: number | null;
  standard_text: string;
}

/** A stage that passed after its standard. */
export interface OverdueStage {
  month: string;
  pr: number;
  pr_url: string;
  title: string;
  items: { folder: string; title: string | null }[];
  flow: string;
  stage: string;
  name: string;
  elapsed_minutes: number;
  standard_minutes: number;
  /** Working minutes past the standard. */
  over_minutes: number;
}

export interface PerformanceReport {
  /** null: no period asked for and no records. */
  period: Period | null;
  months: string[];
  /** PRs merged in the period. */
  pulls: number;
  stages: StageFigures[];
  roles: RoleFigures[];
  steps: StepFigures[];
  overdue: OverdueStage[];
}

/** In the order of the work: drafting, then publication after the approvals, then the whole way. */
const STEP_ORDER: readonly StepId[] = ['penyusunan', 'penayangan', 'terbit'];

/** Read on the site too, which speaks of proposals and publication, never of Git's PRs and merges. */
export const STEP_NAMES: Record<StepId, string> = {
  penyusunan: 'Penyusunan (dari permintaan sampai usulan diajukan)',
  penayangan: 'Penayangan (dari persetujuan terakhir sampai terbit)',
  terbit: 'Seluruh proses (dari usulan diajukan sampai terbit)',
};

interface Sample {
  minutes: number | null;
  /** null: no standard (tentatif) or not passed. */
  within: boolean | null;
}

function figuresOf(samples: readonly Sample[]): Figures {
  const times = samples.flatMap((sample) => (sample.minutes === null ? [] : [sample.minutes])).sort((a, b) => a - b);
  const measured = samples.filter((sample) => sample.within !== null);
  const within = measured.filter((sample) => sample.within).length;
  return {
    count: samples.length,
    passed: times.length,
    median_minutes: median(times),
    measured: measured.length,
    within_standard: within,
    overdue: measured.length - within,
    within_standard_percent: measured.length > 0 ? Math.round((within / measured.length) * 1000) / 10 : null,
  };
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** Groups samples under keys in first-seen order. */
class Groups<Meta> {
  private readonly groups = new Map<string, { meta: Meta; samples: Sample[] }>();
  add(key: string, meta: Meta, sample: Sample): void {
    const group = this.groups.get(key) ?? { meta, samples: [] };
    group.samples.push(sample);
    this.groups.set(key, group);
  }
  rows(): (Meta & Figures)[] {
    return [...this.groups.values()].map(({ meta, samples }) => ({ ...meta, ...figuresOf(samples) }));
  }
}

/**
 * The figures of the records merged in `period` (every month of the records when absent). Rows
 * come month by month, stages in the config's order (stages no longer in the config after them),
 * roles in the config's order.
 */
export function performanceReport(allRecords: readonly ApprovalRecord[], config: PerformanceConfig, period?: Period): PerformanceReport {
  const span = period ?? spanOf(allRecords);
  const records = span ? recordsInPeriod(allRecords, span) : [];
  const stageOrder = new Map(config.alur.flatMap((flow) => flow.tahap.map((stage) => `${flow.id}/${stage.id}`)).map((key, index) => [key, index]));
  const stages = new Groups<Omit<StageFigures, keyof Figures>>();
  const roles = new Groups<Omit<RoleFigures, keyof Figures>>();
  const steps = new Groups<Omit<StepFigures, keyof Figures>>();
  const overdue: OverdueStage[] = [];

  for (const record of records) {
    const month = monthOf(record.merged_at, record.time_zone);
    for (const stage of record.stages) {
      const passed = stage.state === 'approved';
      const sample: Sample = { minutes: passed ? stage.elapsed_minutes : null, within: passed && stage.standard_minutes !== null ? !stage.overdue : null };
      stages.add(`${month} ${stage.flow}/${stage.id}`, { month, flow: stage.flow, stage: stage.id, name: stage.name, standard_minutes: stage.standard_minutes, standard_text: stage.standard_text }, sample);
      for (const role of new Map(stage.approvals.map((approval) => [approval.role.id, approval.role])).values()) {
        roles.add(`${month} ${role.id}`, { month, role: role.id, name: role.name }, sample);
      }
      if (passed && stage.overdue && stage.standard_minutes !== null) {
        overdue.push({
          month,
          pr: record.pr,
          pr_url: record.url,
          title: record.title,
          items: record.items.filter((item) => item.flows.includes(stage.flow)).map((item) => ({ folder: item.folder, title: item.title ?? null })),
          flow: stage.flow,
          stage: stage.id,
          name: stage.name,
          elapsed_minutes: stage.elapsed_minutes,
          standard_minutes: stage.standard_minutes,
          over_minutes: stage.elapsed_minutes - stage.standard_minutes,
        });
      }
    }
    const minutes = (from: string) => workingMinutesBetween(config.jam_kerja, record.time_zone, new Date(from), new Date(record.merged_at));
    for (const flow of new Set(record.stages.map((stage) => stage.flow))) {
      const flowStages = record.stages.filter((stage) => stage.flow === flow);
      const passedAt = flowStages.every((stage) => stage.passed_at !== null) ? flowStages.map((stage) => stage.passed_at!).sort().at(-1)! : null;
      const standard = publishingStandard(config, flow);
      const taken = passedAt === null ? null : minutes(passedAt);
      const within = taken === null || standard.minutes === null ? null : taken <= standard.minutes;
      steps.add(`${month} penayangan ${flow}`, { month, step: 'penayangan', flow, name: STEP_NAMES.penayangan, standard_minutes: standard.minutes, standard_text: standard.text }, { minutes: taken, within });
    }
    for (const drafting of record.drafting ?? []) {
      const standard = { standard_minutes: drafting.standard_minutes, standard_text: drafting.standard_text };
      steps.add(`${month} penyusunan ${drafting.standard_minutes}`, { month, step: 'penyusunan', flow: null, name: STEP_NAMES.penyusunan, ...standard }, { minutes: drafting.drafting_minutes, within: drafting.standard_minutes === null ? null : !drafting.overdue });
    }
    // The approval clock starts when the PR is opened (DESIGN.md §4), so the whole way is measured from there too.
    steps.add(`${month} terbit`, { month, step: 'terbit', flow: null, name: STEP_NAMES.terbit, standard_minutes: null, standard_text: 'tidak ditetapkan' }, { minutes: minutes(record.opened_at), within: null });
  }

  const roleOrder = new Map(Object.keys(configRoles(config)).map((id, index) => [id, index]));
  const rank = (order: Map<string, number>, key: string) => order.get(key) ?? order.size;
  return {
    period: span ?? null,
    months: span ? monthsOf(span) : [],
    pulls: records.length,
    stages: stages.rows().sort((a, b) => a.month.localeCompare(b.month) || rank(stageOrder, `${a.flow}/${a.stage}`) - rank(stageOrder, `${b.flow}/${b.stage}`)),
    roles: roles.rows().sort((a, b) => a.month.localeCompare(b.month) || rank(roleOrder, a.role) - rank(roleOrder, b.role)),
    steps: steps.rows().sort((a, b) => a.month.localeCompare(b.month) || STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step)),
    overdue,
  };
}

/** The flow's `mutu_baku.penayangan` in the current config; "tidak ditetapkan" without one. */
function publishingStandard(config: PerformanceConfig, flowId: string): { minutes: number | null; text: string } {
  const duration = config.alur.find((flow) => flow.id === flowId)?.mutu_baku.penayangan;
  if (duration === undefined) return { minutes: null, text: 'tidak ditetapkan' };
  return { minutes: durationToMinutes(duration, workingDayMinutes(config.jam_kerja)), text: describeStandard(duration) };
}

/** Roles in the order the flows' stages name them. */
function configRoles(config: PerformanceConfig): Record<string, true> {
  return Object.fromEntries(config.alur.flatMap((flow) => flow.tahap.flatMap((stage) => stage.peran.map((role) => [role, true] as const))));
}

/** From the first record's month to the last's; undefined without records. */
function spanOf(records: readonly ApprovalRecord[]): Period | undefined {
  const months = records.map((record) => monthOf(record.merged_at, record.time_zone)).sort();
  return months.length > 0 ? { from: months[0]!, to: months.at(-1)! } : undefined;
}
