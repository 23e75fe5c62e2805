import { formatMinutes } from '../approval/messages.ts';
import { formatDateTime, formatLocal, machineDateTime, type TimeZone } from '../site/dates.ts';
import { CHANGE_WORDS } from './render.ts';
import type { ItemHistoryEntry } from './register.ts';
import type { RecordStage } from './record.ts';
import { RECORDS_DIR } from './store.ts';

/**
 * An item's approval history as its page and its printable approval sheet show it: every text
 * already in Indonesian and every time in the office's zone, so the Astro components only lay
 * it out.
 */

export interface TimeView {
  /** "Rabu, 11 Februari 2026, 13.40 WIB" */
  text: string;
  /** For `<time datetime>`: "2026-02-11T13:40:00+07:00" */
  machine: string;
}

export interface ApprovalView {
  login: string;
  role: string;
  /** "pengganti sampai Senin, 31 Maret 2025 (Surat Plh. …)"; absent for a regular member. */
  standIn?: string;
  at: TimeView;
}

export type StageOutcome = 'within' | 'overdue' | 'tentative' | 'not_passed';

export const OUTCOME_WORDS: Record<StageOutcome, string> = {
  within: 'Tepat waktu',
  overdue: 'Terlambat',
  tentative: 'Tanpa mutu baku (tentatif)',
  not_passed: 'Belum disetujui saat digabung',
};

export interface StageView {
  name: string;
  flowName: string;
  /** The stage's roles: "PPID Pelaksana", or "Camat / Sekcam" when any one may approve. */
  roles: string;
  approvals: ApprovalView[];
  started: TimeView | null;
  /** "2 jam 25 menit" of working time. */
  duration: string;
  /** "30 menit", "tentatif" */
  standard: string;
  outcome: StageOutcome;
}

export interface HistoryEntryView {
  pr: number;
  prTitle: string;
  prUrl: string;
  /** "terbit pertama", "diubah", "diturunkan" */
  change: string;
  author: string;
  opened: TimeView;
  merged: TimeView;
  mergedBy: string | null;
  mergeCommit: string | null;
  sop: { nomor: string; nama: string };
  /** Every stage had passed when the PR was merged. */
  complete: boolean;
  /** Where the record lives in the repository: `records/persetujuan/21.json`. */
  file: string;
  stages: StageView[];
}

function timeView(iso: string, zone: TimeZone): TimeView {
  const date = new Date(iso);
  return { text: formatDateTime(date, zone), machine: machineDateTime(date, zone) };
}

export function stageOutcome(stage: RecordStage): StageOutcome {
  if (stage.state !== 'approved') return 'not_passed';
  if (stage.standard_minutes === null) return 'tentative';
  return stage.overdue ? 'overdue' : 'within';
}

export function viewHistory(history: readonly ItemHistoryEntry[], zone: TimeZone): HistoryEntryView[] {
  return history.map(({ record, item, stages }) => ({
    pr: record.pr,
    prTitle: record.title,
    prUrl: record.url,
    change: CHANGE_WORDS[item.change],
    author: record.author,
    opened: timeView(record.opened_at, zone),
    merged: timeView(record.merged_at, zone),
    mergedBy: record.merged_by,
    mergeCommit: record.merge_commit,
    sop: { nomor: record.sop.nomor, nama: record.sop.nama },
    complete: stages.every((stage) => stage.state === 'approved'),
    file: `${RECORDS_DIR}/${record.pr}.json`,
    stages: stages.map((stage) => ({
      name: stage.name,
      flowName: stage.flow_name,
      roles: stage.roles.map((role) => role.name).join(' / '),
      approvals: stage.approvals.map((approval) => ({
        login: approval.login,
        role: approval.role.name,
        ...(approval.stand_in
          ? { standIn: `pengganti sampai ${formatLocal(approval.stand_in.until, zone)}${approval.stand_in.basis ? ` (${approval.stand_in.basis})` : ''}` }
          : {}),
        at: timeView(approval.submitted_at, zone),
      })),
      started: stage.started_at === null ? null : timeView(stage.started_at, zone),
      duration: formatMinutes(stage.elapsed_minutes),
      standard: stage.standard_text,
      outcome: stageOutcome(stage),
    })),
  }));
}
