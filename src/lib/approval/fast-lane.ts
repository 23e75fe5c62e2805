import { durationToMinutes } from '../config/duration.ts';
import type { Config, Flow } from '../config/schema.ts';
import { addWorkingMinutes, workingDayMinutes } from '../config/working-time.ts';
import type { FastLaneApproval, IgnoredApproval, StageVerdict } from './types.ts';

/** The PR label that asks for the serta-merta fast lane (DESIGN.md §4, `klasifikasi`). */
export const FAST_LANE_LABEL = 'serta-merta';

/** A current review as the fast lane needs it (the engine's latest-review-per-user state). */
export interface LaneReview {
  login: string;
  key: string;
  state: string;
  commitId: string | null;
  /** The member's approvals of `commitId` since they last changed their mind, earliest first. */
  approvals: { at: number; submittedAt: string }[];
}

export interface FastLaneInput {
  config: Config;
  /** The governing flows and the stages the normal evaluation gave them. */
  flows: readonly Flow[];
  stages: readonly StageVerdict[];
  reviews: Iterable<LaneReview>;
  authors: ReadonlySet<string>;
  headSha: string;
  /** Who may act for a list of roles (members, teams expanded, stand-ins), and whether at a time. */
  membersOf: (roles: readonly string[]) => Map<string, { acts: (time: number) => boolean }>;
}

export interface FastLaneResult {
  /** Set when every governing flow passed, normally or through its lane. */
  approvals?: FastLaneApproval[];
  /** Lane members whose approval is accounted for here (not "uncounted"). */
  laneMembers: Set<string>;
  messages: string[];
}

/**
 * The serta-merta fast lane, for a PR labelled `serta-merta` that the normal stages have not (yet)
 * approved. A governing flow passes through its lane when a member of the lane's role approved
 * the head commit (not an author; stand-ins during their mandate): the flow's own stages keep
 * their real states, because the normal review must follow within `tinjauan_susulan`. Decisions:
 * - Every governing flow must pass, normally or through its own lane; a flow without `serta_merta`
 *   (system changes) still needs its stages.
 * - One person, one stage: an official counted for a stage of another flow cannot also carry this
 *   flow's lane. The same official may carry the lanes of several flows: it is one decision to
 *   publish at once.
 * - The caller applies the lane only when nothing else blocks the PR (draft, a standing request
 *   for changes, ungoverned or unlisted files, unlinked commits).
 */
export function evaluateFastLane(input: FastLaneInput): FastLaneResult {
  const { config } = input;
  const zone = config.kantor.zona_waktu;
  const laneMembers = new Set<string>();
  const messages: string[] = [];
  const approvals: FastLaneApproval[] = [];
  let complete = true;
  const reviews = [...input.reviews];

  for (const flow of input.flows) {
    const lane = flow.serta_merta;
    const members = lane ? input.membersOf(lane.peran) : new Map();
    for (const key of members.keys()) laneMembers.add(key);
    if (input.stages.filter((stage) => stage.flow === flow.id).every((stage) => stage.state === 'approved')) continue;
    if (!lane) {
      complete = false;
      messages.push(`Alur "${flow.nama}" tidak punya jalur serta-merta di tayang.config.yml: tahap-tahapnya tetap harus disetujui seperti biasa.`);
      continue;
    }
    const countedElsewhere = new Set(input.stages.filter((stage) => stage.flow !== flow.id).flatMap((stage) => stage.approvers.map((login) => login.toLowerCase())));
    const roles = lane.peran.map((id) => config.peran[id]!.nama).join(' / ');
    const ignored: IgnoredApproval[] = [];
    const candidates: { login: string; at: number; submittedAt: string }[] = [];
    for (const review of reviews) {
      const member = members.get(review.key);
      if (!member || review.state !== 'APPROVED') continue;
      const first = review.approvals[0]!;
      if (!member.acts(first.at)) ignored.push({ login: review.login, reason: 'stand_in_expired' });
      else if (input.authors.has(review.key)) ignored.push({ login: review.login, reason: 'author' });
      else if (review.commitId !== input.headSha) ignored.push({ login: review.login, reason: 'stale' });
      else if (countedElsewhere.has(review.key)) ignored.push({ login: review.login, reason: 'counted_elsewhere' });
      else candidates.push({ login: review.login, ...first });
    }
    candidates.sort((a, b) => a.at - b.at || a.login.localeCompare(b.login));
    const chosen = candidates[0];
    const notes = ignored.length > 0 ? ` Diabaikan: ${ignored.map(describeIgnoredLane).join('; ')}.` : '';
    if (!chosen) {
      complete = false;
      messages.push(
        `Jalur serta-merta alur "${flow.nama}": menunggu persetujuan ${roles} pada commit terbaru; atau tahap biasa di atas disetujui seperti biasa.${notes}`,
      );
      continue;
    }
    const minutes = durationToMinutes(lane.tinjauan_susulan, workingDayMinutes(config.jam_kerja))!;
    const due = addWorkingMinutes(config.jam_kerja, zone, new Date(chosen.at), minutes);
    approvals.push({ flow: flow.id, approver: chosen.login, role: roles, at: chosen.submittedAt, review_due: due.toISOString() });
  }
  return complete && approvals.length > 0 ? { approvals, laneMembers, messages } : { laneMembers, messages };
}

function describeIgnoredLane(ignored: IgnoredApproval): string {
  switch (ignored.reason) {
    case 'stale':
      return `persetujuan ${ignored.login} pada commit lama (setelah ada commit baru, jalur serta-merta perlu disetujui lagi)`;
    case 'author':
      return `persetujuan ${ignored.login}, karena ia ikut menulis PR ini`;
    case 'counted_elsewhere':
      return `persetujuan ${ignored.login}, karena sudah dihitung untuk tahap alur lain (satu orang hanya untuk satu tahap)`;
    default:
      return `persetujuan ${ignored.login}, karena masa tugasnya sebagai pengganti sudah berakhir`;
  }
}
