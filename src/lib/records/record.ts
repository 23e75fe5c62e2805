import { z } from 'zod';
import { evaluateApproval } from '../approval/evaluate.ts';
import { snapshotAsAt } from '../approval/snapshot.ts';
import { TimestampSchema, type Snapshot, type StageVerdict, type Verdict } from '../approval/types.ts';
import { memberAccounts } from '../config/officials.ts';
import type { Config } from '../config/schema.ts';
import { CONTENT_ROOT, CONTENT_TYPES, isContentType } from '../content/types.ts';
import { validateData, type Validated } from '../errors/validate.ts';
import { draftingTime, isRequestIssue, type RequestIssue } from '../content/request.ts';
import { ChainLinkSchema } from './chain.ts';

/**
 * The approval record of one merged pull request (DESIGN.md §2 step 6): who proposed it, which
 * items it published, and how each stage of the SOP passed — approver, role, time, working
 * minutes against the time standard. Written once after the merge (`tayang catat`) as
 * `records/persetujuan/<nomor-pr>.json` and never changed afterwards; the item page, the printable
 * approval sheet and `tayang laporan` read it.
 */

const LoginSchema = z.string().min(1);

export const RecordApprovalSchema = z.strictObject({
  login: LoginSchema,
  /** The role the approver acted in (one of the stage's roles). */
  role: z.strictObject({ id: z.string(), name: z.string() }),
  submitted_at: TimestampSchema,
  /** Acted as stand-in (Plt./Plh.) with the letter that appoints them. */
  stand_in: z.strictObject({ until: z.string(), basis: z.string().optional() }).optional(),
});

export const RecordStageSchema = z.strictObject({
  id: z.string(),
  flow: z.string(),
  name: z.string(),
  flow_name: z.string(),
  roles: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  required: z.number().int().min(1),
  /** `approved`, or the state it was left in when the PR was merged without it. */
  state: z.enum(['approved', 'pending', 'changes_requested', 'waiting']),
  approvals: z.array(RecordApprovalSchema),
  started_at: TimestampSchema.nullable(),
  passed_at: TimestampSchema.nullable(),
  elapsed_minutes: z.number().int().min(0),
  standard_minutes: z.number().int().min(0).nullable(),
  standard_text: z.string(),
  overdue: z.boolean(),
});

/** How the PR changed an item: first published, changed, or taken down. */
export const ITEM_CHANGES = ['added', 'modified', 'removed'] as const;
export type ItemChange = (typeof ITEM_CHANGES)[number];

export const RecordItemSchema = z.strictObject({
  /** `content/berita/musrenbang-2026` */
  folder: z.string(),
  jenis: z.enum(CONTENT_TYPES),
  slug: z.string(),
  /** The title at the merge; absent when the item was removed. */
  title: z.string().optional(),
  change: z.enum(ITEM_CHANGES),
  /** The flows that govern this item's files: the stages that approved it. */
  flows: z.array(z.string()),
  /**
   * Findings of `tayang periksa` the item let through at the merge (`periksa.abaikan`), each with
   * the reason its approvers accepted. Absent when there were none.
   */
  waived: z
    .array(z.strictObject({ file: z.string(), line: z.number().int().min(1), rule: z.string(), severity: z.enum(['error', 'warning']), message: z.string(), reason: z.string() }))
    .optional(),
});

export const ApprovalRecordSchema = z.strictObject({
  pr: z.number().int().min(1),
  title: z.string(),
  url: z.string(),
  /** Who opened the PR. */
  author: LoginSchema,
  /** Everyone who wrote or committed to it (none of them may approve it). */
  authors: z.array(LoginSchema),
  opened_at: TimestampSchema,
  merged_at: TimestampSchema,
  merged_by: LoginSchema.nullable(),
  merge_commit: z.string().nullable(),
  /** The SOP in force: the base branch's config the approvals were judged by. */
  sop: z.strictObject({ nomor: z.string(), nama: z.string(), config_commit: z.string() }),
  time_zone: z.string(),
  /** The verdict at the moment of the merge; anything but `approved` means merged without it. */
  state: z.enum(['approved', 'pending', 'changes_requested']),
  items: z.array(RecordItemSchema).min(1),
  stages: z.array(RecordStageSchema),
  /**
   * Flows approved through the serta-merta fast lane at the merge (src/lib/approval/fast-lane.ts):
   * who approved, and when their stages' normal review is due. Absent when the lane was not used.
   */
  fast_lane: z
    .array(z.strictObject({ flow: z.string(), approver: LoginSchema, role: z.string(), at: TimestampSchema, review_due: TimestampSchema }))
    .optional(),
  /**
   * Drafting time of each "Permintaan publikasi" issue the PR names ("Menutup #N"): from the
   * issue's creation to the PR's opening in working time, against the flow's
   * `mutu_baku.penyusunan` (content/request.ts). Absent when the PR names no request.
   */
  drafting: z
    .array(
      z.strictObject({
        issue: z.number().int().min(1),
        url: z.string(),
        requested_at: TimestampSchema,
        drafting_minutes: z.number().int().min(0),
        standard_minutes: z.number().int().min(0).nullable(),
        standard_text: z.string(),
        overdue: z.boolean(),
      }),
    )
    .optional(),
  /**
   * Its place in the chain of records (chain.ts), added by the store when the record is written;
   * last, so the fields above read the same as in a record written before the chain.
   */
  chain: ChainLinkSchema.optional(),
});

export type ApprovalRecord = z.output<typeof ApprovalRecordSchema>;
export type RecordItem = z.output<typeof RecordItemSchema>;
export type RecordWaived = NonNullable<RecordItem['waived']>[number];
export type RecordStage = z.output<typeof RecordStageSchema>;
export type RecordApproval = z.output<typeof RecordApprovalSchema>;

/** What pulls.get adds once a PR is merged; only these fields are read. */
const MergedPullSchema = z.looseObject({
  number: z.number().int().min(1),
  title: z.string(),
  html_url: z.string(),
  merged_at: TimestampSchema,
  merged_by: z.looseObject({ login: LoginSchema }).nullable().optional(),
  merge_commit_sha: z.string().nullable().optional(),
  base: z.looseObject({ sha: z.string().min(1) }),
});

/** Item folders a PR's changed files belong to, with how each changed; other files are not items. */
export function changedItems(files: Snapshot['files']): Omit<RecordItem, 'title' | 'flows'>[] {
  const items = new Map<string, Omit<RecordItem, 'title' | 'flows'>>();
  const touch = (path: string, change: ItemChange | undefined) => {
    const [root, jenis, slug, ...rest] = path.split('/');
    if (root !== CONTENT_ROOT || !jenis || !isContentType(jenis) || !slug || rest.length === 0) return;
    const folder = `${CONTENT_ROOT}/${jenis}/${slug}`;
    const item = items.get(folder) ?? { folder, jenis, slug, change: 'modified' as ItemChange };
    // The item's own Markdown file tells whether the item appeared or went away.
    if (change && rest.join('/') === 'index.md') item.change = change;
    items.set(folder, item);
  };
  for (const file of files) {
    const moved = file.previous_filename !== undefined && file.previous_filename !== file.filename;
    touch(file.filename, file.status === 'added' || (file.status === 'renamed' && moved) ? 'added' : file.status === 'removed' ? 'removed' : undefined);
    if (moved) touch(file.previous_filename!, 'removed');
  }
  return [...items.values()].sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The PR as it stood when merged: reviews given afterwards (comments on a closed PR) are left out. */
export interface RecordInput {
  /** The base branch's config (never the PR's own). */
  config: Config;
  snapshot: Snapshot;
  /** Titles of the items as merged, by folder; read from the merged tree by the caller. */
  titles: ReadonlyMap<string, string>;
  /** What each item waived, by folder; read from the merged tree by the caller. */
  waived?: ReadonlyMap<string, readonly RecordWaived[]>;
  /** The request issues the PR names (issues.get), read by the caller; others it names are left out here. */
  requests?: readonly RequestIssue[];
  /** Names the snapshot in problems. */
  source: string;
}

/**
 * The record of a merged PR, judged as it stood at the merge (so running it again gives the same
 * record), or `null` when the PR published no content item. A PR merged without every approval is
 * still recorded, with its state: the register must show it, not hide it.
 */
export function recordMergedPull({ config, snapshot, titles, waived, requests = [], source }: RecordInput): Validated<ApprovalRecord | null> {
  const merged = validateData(MergedPullSchema, snapshot.pull, `${source} (pull)`);
  if (!merged.ok) {
    const unmerged = merged.problems.some((problem) => problem.field === 'merged_at');
    if (!unmerged) return merged;
    return { ok: false, problems: [{ file: source, field: 'pull.merged_at', message: 'PR ini belum digabung (merge), jadi belum ada yang tercatat sebagai terbit.', fix: 'jalankan `tayang catat` setelah PR digabung, misalnya di workflow terbit.' }] };
  }
  const pull = merged.value;
  const changed = changedItems(snapshot.files);
  if (changed.length === 0) return { ok: true, value: null };

  const verdict = evaluateApproval(config, snapshotAsAt(snapshot, pull.merged_at), new Date(pull.merged_at));
  const items = changed.map((item) => ({
    ...item,
    ...(item.change !== 'removed' && titles.has(item.folder) ? { title: titles.get(item.folder)! } : {}),
    flows: flowsOfFolder(verdict, item.folder),
    ...(item.change !== 'removed' && waived?.get(item.folder)?.length ? { waived: waived.get(item.folder)!.map(({ file, line, rule, severity, message, reason }) => ({ file, line, rule, severity, message, reason })) } : {}),
  }));
  const drafting = requests.filter(isRequestIssue).map((issue) => draftingTime(config, verdict.flows, issue, verdict.pull.created_at));
  return {
    ok: true,
    value: {
      pr: pull.number,
      title: pull.title,
      url: pull.html_url,
      author: verdict.pull.author,
      authors: verdict.authors,
      opened_at: verdict.pull.created_at,
      merged_at: pull.merged_at,
      merged_by: pull.merged_by?.login ?? null,
      merge_commit: pull.merge_commit_sha ?? null,
      sop: { nomor: config.sop.nomor, nama: config.sop.nama, config_commit: pull.base.sha },
      time_zone: verdict.time_zone,
      state: verdict.state,
      items,
      stages: verdict.stages.map((stage) => recordStage(config, snapshot.teams, stage)),
      ...(verdict.fast_lane ? { fast_lane: verdict.fast_lane } : {}),
      ...(drafting.length > 0 ? { drafting } : {}),
    },
  };
}

function flowsOfFolder(verdict: Verdict, folder: string): string[] {
  return Object.entries(verdict.files_by_flow)
    .filter(([, paths]) => paths.some((path) => path.startsWith(`${folder}/`)))
    .map(([flow]) => flow);
}

/** A stage of the verdict as records keep it (the follow-up record uses it too). */
export function recordStage(config: Config, teams: Snapshot['teams'], stage: StageVerdict): RecordStage {
  return {
    id: stage.id,
    flow: stage.flow,
    name: stage.name,
    flow_name: stage.flow_name,
    roles: stage.roles,
    required: stage.required,
    state: stage.state,
    approvals: stage.approvals.map((approval) => ({
      login: approval.login,
      role: roleOfApprover(config, teams, stage.roles, approval.login, approval.stand_in !== undefined),
      submitted_at: approval.submitted_at,
      ...(approval.stand_in ? { stand_in: approval.stand_in } : {}),
    })),
    started_at: stage.started_at,
    passed_at: stage.passed_at,
    elapsed_minutes: stage.elapsed_minutes,
    standard_minutes: stage.standard_minutes,
    standard_text: stage.standard_text,
    overdue: stage.overdue,
  };
}

/**
 * Which of the stage's roles an approver acted in: the role that lists them (as member, team
 * member or, for a stand-in, as `pengganti`). A stage with several roles (Gerokgak: Camat, Sekcam
 * or Kasubag) must say which one signed.
 */
function roleOfApprover(config: Config, teams: Snapshot['teams'], roles: StageVerdict['roles'], login: string, standIn: boolean): { id: string; name: string } {
  const same = (a: string) => a.toLowerCase() === login.toLowerCase();
  const teamMembers = (entry: string) => Object.entries(teams).find(([team]) => team.replace(/^@/, '').toLowerCase() === entry.slice(1).toLowerCase())?.[1] ?? [];
  const found = roles.find((role) => {
    const configRole = config.peran[role.id];
    if (!configRole) return false;
    if (standIn) return configRole.pengganti.some((entry) => same(entry.akun));
    return memberAccounts(configRole).some((entry) => (entry.startsWith('@') ? teamMembers(entry).some(same) : same(entry)));
  });
  return found ?? roles[0]!;
}
