import type { ContentType } from '../content/types.ts';
import type { FollowUpRecord } from './follow-up.ts';
import { personView, staffView, type PeopleConfig } from './people.ts';
import type { ApprovalRecord, ItemChange, RecordApproval, RecordItem, RecordStage } from './record.ts';

/**
 * The register of approvals (one row per published item and stage), the SOP-compliance summary
 * (how many stages passed within their time standard), and an item's history for its page.
 * Pure: records (and the config that names their people) in, tables and numbers out.
 */

export interface RegisterRow {
  item: string;
  jenis: ContentType;
  title: string | null;
  change: ItemChange;
  /** Who opened the PR (login). */
  author: string;
  /** Their name and position, or "staf <kantor>" (people.ts). */
  author_name: string;
  pr: number;
  pr_url: string;
  merged_at: string;
  stage: string;
  stage_name: string;
  flow: string;
  /** The role the approver acted in (the stage's roles while nobody approved). */
  role: string;
  /** The approver's login. */
  approver: string | null;
  /** Their name, or the role they acted in when the config does not name them. */
  approver_name: string | null;
  approver_position: string | null;
  /** "19780512 200312 2 004" */
  approver_nip: string | null;
  stand_in: boolean;
  approved_at: string | null;
  elapsed_minutes: number;
  standard_minutes: number | null;
  standard_text: string;
  overdue: boolean;
  /** The stage had passed when the PR was merged. */
  passed: boolean;
  /** The PR was published through the serta-merta lane of this stage's flow; the stage follows after. */
  fast_lane: boolean;
  /** With `fast_lane`: when the follow-up review was due. */
  review_due: string | null;
  /**
   * With `fast_lane`: `approved` or `changes_requested` once the follow-up review is in (then the
   * approver columns name who reviewed after the merge), `waiting` before.
   */
  follow_up: 'approved' | 'changes_requested' | 'waiting' | null;
  /** With `fast_lane`: reviewed after `review_due`, or still waiting past it at the time of the report. */
  follow_up_late: boolean | null;
}

/** What the register needs to tell where each serta-merta follow-up stands. */
export interface LaneContext {
  followUps: readonly FollowUpRecord[];
  /** The time of the report: a follow-up still waiting after its deadline is overdue. */
  now: Date;
}

/** The stages that approved an item: those of the flows governing its files. */
export function stagesForItem(record: ApprovalRecord, item: RecordItem): RecordStage[] {
  return record.stages.filter((stage) => item.flows.includes(stage.flow));
}

/** Register rows in merge order; a stage with several approvers gives one row per approver. */
export function registerRows(records: readonly ApprovalRecord[], config: PeopleConfig, lane: LaneContext = { followUps: [], now: new Date(0) }): RegisterRow[] {
  return records.flatMap((record) => {
    const followUp = lane.followUps.find((entry) => entry.pr === record.pr);
    return record.items.flatMap((item) =>
      stagesForItem(record, item).flatMap((stage) => {
        const fastLane = record.fast_lane?.find((entry) => entry.flow === stage.flow);
        const followed = fastLane && followUp?.flows.find((entry) => entry.flow === stage.flow);
        const base = {
          item: item.folder,
          jenis: item.jenis,
          title: item.title ?? null,
          change: item.change,
          author: record.author,
          author_name: staffView(config, record.author).label,
          pr: record.pr,
          pr_url: record.url,
          merged_at: record.merged_at,
          stage: stage.id,
          stage_name: stage.name,
          flow: stage.flow,
          elapsed_minutes: stage.elapsed_minutes,
          standard_minutes: stage.standard_minutes,
          standard_text: stage.standard_text,
          overdue: stage.overdue,
          passed: stage.state === 'approved',
          fast_lane: fastLane !== undefined,
          review_due: fastLane?.review_due ?? null,
          follow_up: fastLane ? (followed?.state ?? ('waiting' as const)) : null,
          follow_up_late: fastLane ? (followed ? followed.late : lane.now.getTime() > Date.parse(fastLane.review_due)) : null,
        };
        // A stage that followed the lane is signed by whoever reviewed it after the merge.
        const signed = followed ? (followUp!.stages.find((entry) => entry.flow === stage.flow && entry.id === stage.id) ?? stage) : stage;
        const approvals: (RecordApproval | undefined)[] = signed.approvals.length > 0 ? signed.approvals : [undefined];
        return approvals.map((approval) => {
          const official = approval ? personView(config, approval.login, approval.role.name) : undefined;
          return {
            ...base,
            role: approval ? approval.role.name : stage.roles.map((role) => role.name).join(' / '),
            approver: approval?.login ?? null,
            approver_name: official ? (official.name ?? official.label) : null,
            approver_position: official?.position ?? null,
            approver_nip: official?.nip ?? null,
            stand_in: approval?.stand_in !== undefined,
            approved_at: approval?.submitted_at ?? null,
          };
        });
      }),
    );
  });
}

export interface StageCompliance {
  flow: string;
  stage: string;
  name: string;
  /** Times the stage was gone through (one per merged PR that needed it). */
  count: number;
  /** With a time standard (not tentatif) and passed. */
  measured: number;
  within_standard: number;
  overdue: number;
  /** No time standard (tentatif). */
  tentative: number;
  /** Not passed when the PR was merged. */
  not_passed: number;
  /** Mean working minutes of the passed ones; null when none passed. */
  average_minutes: number | null;
}

export interface ComplianceSummary {
  pulls: number;
  items: number;
  /** Merged although the verdict was not `approved`. */
  merged_without_approval: number[];
  stages: Omit<StageCompliance, 'flow' | 'stage' | 'name' | 'average_minutes'>;
  /** Share of measured stages within their standard, 0–100, one decimal; null with none measured. */
  within_standard_percent: number | null;
  by_stage: StageCompliance[];
}

/**
 * The SOP-compliance numbers. Stages are counted per PR (a PR publishing three items went
 * through its stages once). A stage counts as measured when it passed and has a standard; a
 * stage that never passed is not "within" it.
 */
export function summarizeCompliance(records: readonly ApprovalRecord[]): ComplianceSummary {
  const byStage = new Map<string, StageCompliance & { total_minutes: number; passed: number }>();
  for (const record of records) {
    for (const stage of record.stages) {
      const key = `${stage.flow}/${stage.id}`;
      const entry = byStage.get(key) ?? { flow: stage.flow, stage: stage.id, name: stage.name, count: 0, measured: 0, within_standard: 0, overdue: 0, tentative: 0, not_passed: 0, average_minutes: null, total_minutes: 0, passed: 0 };
      const passed = stage.state === 'approved';
      entry.count += 1;
      if (!passed) entry.not_passed += 1;
      else {
        entry.passed += 1;
        entry.total_minutes += stage.elapsed_minutes;
      }
      if (stage.standard_minutes === null) entry.tentative += 1;
      else if (passed) {
        entry.measured += 1;
        if (stage.overdue) entry.overdue += 1;
        else entry.within_standard += 1;
      }
      byStage.set(key, entry);
    }
  }
  const stages = [...byStage.values()].map(({ total_minutes, passed, ...entry }) => ({
    ...entry,
    average_minutes: passed > 0 ? Math.round(total_minutes / passed) : null,
  }));
  const sum = (field: 'count' | 'measured' | 'within_standard' | 'overdue' | 'tentative' | 'not_passed') => stages.reduce((total, s) => total + s[field], 0);
  const totals = { count: sum('count'), measured: sum('measured'), within_standard: sum('within_standard'), overdue: sum('overdue'), tentative: sum('tentative'), not_passed: sum('not_passed') };
  return {
    pulls: records.length,
    items: new Set(records.flatMap((record) => record.items.map((item) => item.folder))).size,
    merged_without_approval: records.filter((record) => record.state !== 'approved').map((record) => record.pr),
    stages: totals,
    within_standard_percent: totals.measured > 0 ? Math.round((totals.within_standard / totals.measured) * 1000) / 10 : null,
    by_stage: stages,
  };
}

/** One PR in an item's history: how it changed the item and the stages that approved it. */
export interface ItemHistoryEntry {
  record: ApprovalRecord;
  item: RecordItem;
  stages: RecordStage[];
  /** Published through the serta-merta lane and reviewed since: the follow-up record. */
  followUp?: FollowUpRecord;
}

/** Every item's history, keyed by its folder: built once per build, so an item page looks its history up instead of scanning every record. */
export type HistoryIndex = ReadonlyMap<string, readonly ItemHistoryEntry[]>;

/**
 * The records that published or changed each item folder, oldest first (in the order of
 * `records`), with their follow-ups. A folder is matched exactly: a renamed item is a new folder
 * whose history starts at the PR that moved it.
 */
export function indexRecordsByFolder(records: readonly ApprovalRecord[], followUps: readonly FollowUpRecord[] = []): HistoryIndex {
  const followUpOf = new Map<number, FollowUpRecord>();
  for (const followUp of followUps) if (!followUpOf.has(followUp.pr)) followUpOf.set(followUp.pr, followUp);
  const index = new Map<string, ItemHistoryEntry[]>();
  for (const record of records) {
    const followUp = followUpOf.get(record.pr);
    for (const item of record.items) {
      const history = index.get(item.folder) ?? [];
      // A record names a folder once; should it repeat one, its first entry stands.
      if (history.at(-1)?.record === record) continue;
      history.push({ record, item, stages: stagesForItem(record, item), ...(followUp ? { followUp } : {}) });
      index.set(item.folder, history);
    }
  }
  return index;
}

/** The records that published or changed the item in `folder`, oldest first, with their follow-ups. */
export function itemHistory(index: HistoryIndex, folder: string): readonly ItemHistoryEntry[] {
  return index.get(folder) ?? [];
}
