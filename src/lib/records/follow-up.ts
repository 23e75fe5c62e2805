import { z } from 'zod';
import { evaluateApproval } from '../approval/evaluate.ts';
import { snapshotAsAt } from '../approval/snapshot.ts';
import { TimestampSchema, type Snapshot } from '../approval/types.ts';
import type { Config } from '../config/schema.ts';
import { ChainLinkSchema } from './chain.ts';
import { recordStage, RecordStageSchema, type ApprovalRecord } from './record.ts';

/**
 * The follow-up review of a PR published through the serta-merta lane (fast-lane.ts): the
 * normal stages that had to approve within `tinjauan_susulan` after the merge. It is a record of
 * its own, `records/persetujuan/<nomor-pr>-susulan.json`, written once, in the same chain as the
 * first record: the record written at the merge is never edited (an edit would be a break in the
 * chain, chain.ts), and the follow-up, like any record, can then be neither changed nor dropped
 * unnoticed.
 *
 * The review is in once every lane flow has concluded: all its stages approved, or one of them
 * returned (CHANGES_REQUESTED by a member of a stage still pending: the reviewer does not stand
 * behind what was published, and the office corrects or takes it down in a new PR). It is judged
 * as the PR stood at the moment of that concluding review, so writing it later gives the same
 * record. `review_due` is the working-time deadline the lane set at the merge; a flow concluded
 * after it is late.
 */

export const FollowUpFlowSchema = z.strictObject({
  flow: z.string(),
  /** `approved`: every stage of the flow approved after the merge; `changes_requested`: returned. */
  state: z.enum(['approved', 'changes_requested']),
  /** When the review concluded: the last approval the flow needed, or the request for changes. */
  reviewed_at: TimestampSchema,
  /** Copied from the first record's `fast_lane`. */
  review_due: TimestampSchema,
  /** Concluded after `review_due`. */
  late: z.boolean(),
});

export const FollowUpRecordSchema = z.strictObject({
  pr: z.number().int().min(1),
  /** The record this follows up, in the same folder: `7.json`. */
  follows: z.string().regex(/^[1-9]\d*\.json$/),
  /** The latest `reviewed_at` of the flows: when the whole follow-up was in. */
  reviewed_at: TimestampSchema,
  flows: z.array(FollowUpFlowSchema).min(1),
  /** The lane flows' stages as the follow-up left them: who reviewed, in which role, when. */
  stages: z.array(RecordStageSchema),
  chain: ChainLinkSchema.optional(),
});

export type FollowUpRecord = z.output<typeof FollowUpRecordSchema>;
export type FollowUpFlow = z.output<typeof FollowUpFlowSchema>;

/**
 * The follow-up of `record` read from the PR as it stands now (reviews after the merge
 * included), or `null` while it is not (yet) in, or when the PR did not use the lane.
 */
export function recordFollowUp(config: Config, snapshot: Snapshot, record: ApprovalRecord): FollowUpRecord | null {
  const lanes = record.fast_lane ?? [];
  if (lanes.length === 0) return null;
  const merged = Date.parse(record.merged_at);
  const times = [...new Set(snapshot.reviews.flatMap((review) => (review.submitted_at && Date.parse(review.submitted_at) > merged ? [review.submitted_at] : [])))].sort(
    (a, b) => Date.parse(a) - Date.parse(b),
  );
  const concluded = new Map<string, FollowUpFlow>();
  for (const time of times) {
    const verdict = evaluateApproval(config, snapshotAsAt(snapshot, time), new Date(time));
    for (const lane of lanes) {
      if (concluded.has(lane.flow)) continue;
      const stages = verdict.stages.filter((stage) => stage.flow === lane.flow);
      const returned = stages.some((stage) => stage.state === 'changes_requested');
      if (!returned && !stages.every((stage) => stage.state === 'approved')) continue;
      concluded.set(lane.flow, { flow: lane.flow, state: returned ? 'changes_requested' : 'approved', reviewed_at: time, review_due: lane.review_due, late: Date.parse(time) > Date.parse(lane.review_due) });
    }
    if (concluded.size === lanes.length) {
      const flows = lanes.map((lane) => concluded.get(lane.flow)!);
      return {
        pr: record.pr,
        follows: `${record.pr}.json`,
        reviewed_at: time,
        flows,
        stages: verdict.stages.filter((stage) => flows.some((flow) => flow.flow === stage.flow)).map((stage) => recordStage(config, snapshot.teams, stage)),
      };
    }
  }
  return null;
}

/** Where one use of the lane stands: reviewed (on time or late), returned, or still waiting. */
export interface LaneUse {
  pr: number;
  title: string;
  url: string;
  items: string[];
  flow: string;
  approver: string;
  role: string;
  at: string;
  review_due: string;
  state: 'approved' | 'changes_requested' | 'waiting';
  reviewed_at: string | null;
  /** Reviewed after `review_due`, or still waiting when `now` is past it (overdue). */
  late: boolean;
}

/** Every use of the lane in `records`, in their order, judged at `now` for the ones still waiting. */
export function laneUses(records: readonly ApprovalRecord[], followUps: readonly FollowUpRecord[], now: Date): LaneUse[] {
  const byPr = new Map(followUps.map((followUp) => [followUp.pr, followUp]));
  return records.flatMap((record) =>
    (record.fast_lane ?? []).map((lane): LaneUse => {
      const flow = byPr.get(record.pr)?.flows.find((entry) => entry.flow === lane.flow);
      return {
        pr: record.pr,
        title: record.title,
        url: record.url,
        items: record.items.filter((item) => item.flows.includes(lane.flow)).map((item) => item.folder),
        flow: lane.flow,
        approver: lane.approver,
        role: lane.role,
        at: lane.at,
        review_due: lane.review_due,
        state: flow?.state ?? 'waiting',
        reviewed_at: flow?.reviewed_at ?? null,
        late: flow ? flow.late : now.getTime() > Date.parse(lane.review_due),
      };
    }),
  );
}
