import { formatMinutes } from '../approval/messages.ts';
import type { Office } from '../config/schema.ts';
import { formatDateTime, formatLocal, machineDateTime, type TimeZone } from '../site/dates.ts';
import { logoPath } from '../site/office.ts';
import { withBase } from '../site/urls.ts';
import { approverLabel, personView, staffView, type PeopleConfig, type PersonView } from './people.ts';
import { CHANGE_WORDS } from './render.ts';
import type { ItemHistoryEntry } from './register.ts';
import type { FollowUpRecord } from './follow-up.ts';
import type { RecordApproval, RecordStage } from './record.ts';
import { RECORDS_DIR } from './store.ts';

/**
 * An item's approval history as its page and its printable approval sheet show it: every text
 * already in Indonesian, every time in the office's zone, and people by name and position (never
 * by login, see people.ts), so the Astro components only lay it out. The public words are the
 * office's, not Git's: a change is proposed (diajukan), approved and published (diterbitkan).
 */

export interface TimeView {
  /** "Rabu, 11 Februari 2026, 13.40 WIB" */
  text: string;
  /** For `<time datetime>`: "2026-02-11T13:40:00+07:00" */
  machine: string;
}

export interface ApprovalView {
  /** The official; without a name in the config, labelled with the role they acted in. */
  official: PersonView;
  /** The role they acted in: "PPID Pelaksana". */
  role: string;
  /** "pengganti sampai Senin, 31 Maret 2025 (Surat Plh. …)"; absent for a regular member. */
  standIn?: string;
  /** "Sri Handayani, S.Sos. (Kepala Seksi Pelayanan Umum), sebagai PPID Pelaksana, pengganti …" */
  who: string;
  at: TimeView;
}

export type StageOutcome = 'within' | 'overdue' | 'tentative' | 'not_passed' | 'fast_lane' | 'follows' | 'followed' | 'followed_late' | 'returned';

export const OUTCOME_WORDS: Record<StageOutcome, string> = {
  within: 'Tepat waktu',
  overdue: 'Terlambat',
  tentative: 'Tidak diukur',
  not_passed: 'Belum disetujui saat diterbitkan',
  fast_lane: 'Diterbitkan seketika (informasi serta-merta)',
  follows: 'Menyusul sesudah terbit (jalur serta-merta)',
  followed: 'Ditinjau sesudah terbit, tepat waktu',
  followed_late: 'Ditinjau sesudah terbit, terlambat',
  returned: 'Dikembalikan sesudah terbit',
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
  /** "30 menit"; "belum ditetapkan" where the SOP sets no time (tentatif). */
  standard: string;
  outcome: StageOutcome;
}

export interface HistoryEntryView {
  /** Tells entries apart in element ids; not for reading. */
  pr: number;
  /** What the proposal was called when it was made (the PR title). */
  title: string;
  /** The technical record on GitHub (the PR), shown as such. */
  technicalUrl: string;
  /** "Terbit pertama", "Diubah", "Diturunkan" */
  heading: string;
  /** Who proposed it. */
  author: PersonView;
  opened: TimeView;
  /** When it was published (merged). */
  published: TimeView;
  publishedBy: PersonView | null;
  /** The repository version it became (merge commit), shortened: "d87248660829". */
  version: string | null;
  sop: { nomor: string; nama: string };
  /** Every stage had passed when it was published. */
  complete: boolean;
  /**
   * Published at once through the serta-merta lane: "… Camat Jenawi; tahap biasa menyusul paling
   * lambat Selasa, 3 November 2026, 10.45 WIB". Absent when the lane was not used.
   */
  fastLane?: string;
  /**
   * Where the serta-merta follow-up stands: `waiting` ("Diterbitkan segera, menunggu tinjauan
   * susulan"), or in, with when and by whom. Absent when the lane was not used.
   */
  followUp?: { state: 'waiting' | 'approved' | 'changes_requested'; text: string };
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

function approvalView(config: PeopleConfig, login: string, role: string, at: string, standIn?: RecordApproval['stand_in']): ApprovalView {
  const zone = config.kantor.zona_waktu;
  const official = personView(config, login, role);
  const standInText = standIn ? `pengganti sampai ${formatLocal(standIn.until, zone)}${standIn.basis ? ` (${standIn.basis})` : ''}` : undefined;
  return {
    official,
    role,
    ...(standInText ? { standIn: standInText } : {}),
    who: [approverLabel(official, role), ...(standInText ? [standInText] : [])].join(', '),
    at: timeView(at, zone),
  };
}

export function viewHistory(history: readonly ItemHistoryEntry[], config: PeopleConfig): HistoryEntryView[] {
  const zone = config.kantor.zona_waktu;
  return history.map(({ record, item, stages, followUp }) => {
    // The fast lane of a flow that governs this item: its approval is a row of its own, before the
    // stages that follow it after publication.
    const lanes = (record.fast_lane ?? []).filter((lane) => item.flows.includes(lane.flow));
    const laned = new Set(lanes.map((lane) => lane.flow));
    const laneRows: StageView[] = lanes.map((lane) => ({
      name: 'Persetujuan serta-merta',
      flowName: stages.find((stage) => stage.flow === lane.flow)?.flow_name ?? lane.flow,
      roles: lane.role,
      approvals: [approvalView(config, lane.approver, lane.role, lane.at)],
      started: timeView(record.opened_at, zone),
      duration: 'tidak diukur',
      standard: 'seketika',
      outcome: 'fast_lane',
    }));
    const due = lanes.map((lane) => formatDateTime(new Date(lane.review_due), zone));
    // Once the follow-up is in, the lane's stages are shown as it left them: who reviewed, when.
    const followed = new Map((followUp?.flows ?? []).filter((flow) => laned.has(flow.flow)).map((flow) => [flow.flow, flow]));
    const shown = stages.map((stage) => (followed.has(stage.flow) ? (followUp!.stages.find((entry) => entry.flow === stage.flow && entry.id === stage.id) ?? stage) : stage));
    const outcomeOf = (stage: RecordStage): StageOutcome => {
      const flow = followed.get(stage.flow);
      if (flow && stage.state === 'changes_requested') return 'returned';
      if (flow && stage.state === 'approved') return flow.late ? 'followed_late' : 'followed';
      return stage.state !== 'approved' && laned.has(stage.flow) ? 'follows' : stageOutcome(stage);
    };
    return {
      pr: record.pr,
      title: record.title,
      technicalUrl: record.url,
      heading: CHANGE_WORDS[item.change].replace(/^./, (first) => first.toUpperCase()),
      author: staffView(config, record.author),
      opened: timeView(record.opened_at, zone),
      published: timeView(record.merged_at, zone),
      publishedBy: record.merged_by === null ? null : staffView(config, record.merged_by),
      version: record.merge_commit?.slice(0, 12) ?? null,
      sop: { nomor: record.sop.nomor, nama: record.sop.nama },
      complete: stages.every((stage) => stage.state === 'approved'),
      ...(lanes.length > 0
        ? { fastLane: `${laneRows.map((row) => row.approvals[0]!.who).join('; ')}; tahap biasa menyusul paling lambat ${due.join('; ')}` }
        : {}),
      ...(lanes.length > 0 ? { followUp: followUpView(lanes.length === followed.size ? followUp : undefined, shown.filter((stage) => laned.has(stage.flow)), due, config) } : {}),
      file: `${RECORDS_DIR}/${record.pr}.json`,
      stages: [
        ...laneRows,
        ...shown.map((stage): StageView => ({
          name: stage.name,
          flowName: stage.flow_name,
          roles: stage.roles.map((role) => role.name).join(' / '),
          approvals: stage.approvals.map((approval) => approvalView(config, approval.login, approval.role.name, approval.submitted_at, approval.stand_in)),
          started: stage.started_at === null ? null : timeView(stage.started_at, zone),
          duration: formatMinutes(stage.elapsed_minutes),
          standard: stage.standard_minutes === null ? 'belum ditetapkan' : stage.standard_text,
          outcome: outcomeOf(stage),
        })),
      ],
    };
  });
}

function followUpView(followUp: FollowUpRecord | undefined, stages: readonly RecordStage[], due: readonly string[], config: PeopleConfig): NonNullable<HistoryEntryView['followUp']> {
  if (!followUp) return { state: 'waiting', text: `Diterbitkan segera, menunggu tinjauan susulan (paling lambat ${due.join('; ')}).` };
  const zone = config.kantor.zona_waktu;
  const returned = followUp.flows.some((flow) => flow.state === 'changes_requested');
  const who = stages.flatMap((stage) => stage.approvals.map((a) => approvalView(config, a.login, a.role.name, a.submitted_at, a.stand_in).who));
  const late = followUp.flows.some((flow) => flow.late) ? 'sesudah batas waktunya' : 'dalam batas waktunya';
  const when = formatDateTime(new Date(followUp.reviewed_at), zone);
  return returned
    ? { state: 'changes_requested', text: `Tinjauan susulan pada ${when} meminta perbaikan${who.length > 0 ? ` (sudah menyetujui: ${who.join('; ')})` : ''}; isinya ditinjau ulang.` }
    : { state: 'approved', text: `Ditinjau susulan oleh ${who.join('; ')}, selesai ${when}, ${late}.` };
}

/** The letterhead (kop surat) of the printed sheet: logo, parent government, office, address, contacts. */
export interface LetterheadView {
  logo?: { src: string; alt: string };
  parent: string;
  office: string;
  address: string;
  /** "Telepon (0271) 123456", "Pos-el …", "Laman jenawi.karanganyarkab.go.id" */
  contacts: string[];
}

/** `base` is the site's base path (import.meta.env.BASE_URL): the logo is a file of the site. */
export function viewLetterhead(office: Office, base: string): LetterheadView {
  return {
    ...(office.logo ? { logo: { src: withBase(base, logoPath(office.logo)), alt: `Logo ${office.nama}` } } : {}),
    parent: office.induk,
    office: office.nama,
    address: office.alamat,
    contacts: [
      ...(office.kontak.telepon ? [`Telepon ${office.kontak.telepon}`] : []),
      ...(office.kontak.email ? [`Pos-el ${office.kontak.email}`] : []),
      `Laman ${office.situs.replace(/^https?:\/\//, '').replace(/\/$/, '')}`,
    ],
  };
}
