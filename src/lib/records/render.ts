import { formatMinutes } from '../approval/messages.ts';
import { formatDateTime, machineDateTime } from '../site/dates.ts';
import { toCsv } from './csv.ts';
import { approverLabel, personView, staffView, type PeopleConfig } from './people.ts';
import type { ApprovalRecord, ItemChange } from './record.ts';
import { laneUses, type LaneUse } from './follow-up.ts';
import { registerRows, summarizeCompliance, type ComplianceSummary, type LaneContext, type RegisterRow } from './register.ts';
import { CHAIN_HEAD_FILE, type ChainBreak, type ChainHead } from './chain.ts';
import { RECORDS_DIR } from './store.ts';

/**
 * `tayang laporan` in its three forms: CSV register, JSON, and text for the terminal or a memo.
 * The register names people by name and position (people.ts); only the JSON keeps the logins too.
 */

export const CHANGE_WORDS: Record<ItemChange, string> = {
  added: 'terbit pertama',
  modified: 'diubah',
  removed: 'diturunkan',
};

const yesNo = (value: boolean) => (value ? 'ya' : 'tidak');

export const REGISTER_COLUMNS = [
  'Item',
  'Jenis',
  'Judul',
  'Perubahan',
  'Pengaju',
  'PR',
  'Tautan PR',
  'Digabung',
  'Alur',
  'Tahap',
  'Peran',
  'Pejabat',
  'Jabatan',
  'NIP',
  'Sebagai pengganti',
  'Waktu persetujuan',
  'Durasi kerja (menit)',
  'Mutu baku (menit)',
  'Mutu baku',
  'Terlambat',
  'Lulus saat digabung',
  'Jalur serta-merta',
  'Batas tinjauan susulan',
  'Tinjauan susulan',
] as const;

const NO_LANE: LaneContext = { followUps: [], now: new Date(0) };

/** Where a follow-up stands, in the register's words. */
function followUpWords(state: LaneUse['state'], late: boolean): string {
  const words = { approved: 'ditinjau', changes_requested: 'dikembalikan', waiting: 'belum ditinjau' }[state];
  return late ? `${words}, ${state === 'waiting' ? 'LEWAT BATAS' : 'terlambat'}` : state === 'waiting' ? words : `${words}, tepat waktu`;
}

/** The register as CSV, times in the office's zone with their offset (2026-02-11T13:40:00+07:00). */
export function renderRegisterCsv(records: readonly ApprovalRecord[], config: PeopleConfig, lane: LaneContext = NO_LANE): string {
  const time = (iso: string | null) => (iso === null ? null : machineDateTime(new Date(iso), config.kantor.zona_waktu));
  const rows = registerRows(records, config, lane).map((row) => [
    row.item,
    row.jenis,
    row.title,
    CHANGE_WORDS[row.change],
    row.author_name,
    row.pr,
    row.pr_url,
    time(row.merged_at),
    row.flow,
    row.stage_name,
    row.role,
    row.approver_name,
    row.approver_position,
    row.approver_nip,
    yesNo(row.stand_in),
    time(row.approved_at),
    row.elapsed_minutes,
    row.standard_minutes,
    row.standard_text,
    yesNo(row.overdue),
    yesNo(row.passed),
    yesNo(row.fast_lane),
    time(row.review_due),
    row.follow_up === null ? null : followUpWords(row.follow_up, row.follow_up_late!),
  ]);
  return toCsv([REGISTER_COLUMNS, ...rows]);
}

export interface RegisterReport {
  rows: RegisterRow[];
  summary: ComplianceSummary;
  /** Every use of the serta-merta lane and where its follow-up stands. */
  fast_lane: LaneUse[];
  /** Drafting time of every request a PR named: from the issue's creation to the PR's opening. */
  drafting: (NonNullable<ApprovalRecord['drafting']>[number] & { pr: number })[];
}

export function renderRegisterJson(records: readonly ApprovalRecord[], config: PeopleConfig, lane: LaneContext = NO_LANE): RegisterReport {
  return { rows: registerRows(records, config, lane), summary: summarizeCompliance(records), fast_lane: laneUses(records, lane.followUps, lane.now), drafting: records.flatMap((record) => (record.drafting ?? []).map((entry) => ({ pr: record.pr, ...entry }))) };
}

/** The register by PR, then the compliance summary, in plain Indonesian. */
export function renderRegisterText(records: readonly ApprovalRecord[], config: PeopleConfig, lane: LaneContext = NO_LANE): string {
  if (records.length === 0) return 'Belum ada catatan persetujuan di records/persetujuan/. Catatan dibuat oleh `tayang catat --pr N` setelah PR digabung.';
  const at = (iso: string) => formatDateTime(new Date(iso), config.kantor.zona_waktu);
  const lines = ['Register persetujuan publikasi', ''];
  for (const record of records) {
    lines.push(`PR #${record.pr} "${record.title}" oleh ${staffView(config, record.author).label}, digabung ${at(record.merged_at)}${record.state === 'approved' ? '' : ' — DIGABUNG TANPA PERSETUJUAN LENGKAP'}`);
    for (const item of record.items) lines.push(`  ${item.folder}${item.title ? ` "${item.title}"` : ''} (${CHANGE_WORDS[item.change]})`);
    for (const request of record.drafting ?? []) {
      lines.push(`  - Penyusunan: permintaan #${request.issue} dibuat ${at(request.requested_at)}, PR dibuka ${at(record.opened_at)} — ${formatMinutes(request.drafting_minutes)} waktu kerja, mutu baku ${request.standard_text}${request.overdue ? ', TERLAMBAT' : ''}`);
    }
    for (const lane of record.fast_lane ?? []) {
      lines.push(`  - Jalur serta-merta: ${approverLabel(personView(config, lane.approver, lane.role), lane.role)}, ${at(lane.at)}; tinjauan biasa menyusul paling lambat ${at(lane.review_due)}`);
    }
    for (const stage of record.stages) {
      const who = stage.approvals.map((a) => `${approverLabel(personView(config, a.login, a.role.name), a.role.name)}${a.stand_in ? ', pengganti' : ''}, ${at(a.submitted_at)}`).join('; ');
      const time = `${formatMinutes(stage.elapsed_minutes)} waktu kerja, mutu baku ${stage.standard_text}${stage.overdue ? ', TERLAMBAT' : ''}`;
      lines.push(`  - ${stage.name}: ${stage.state === 'approved' ? who : 'belum disetujui saat digabung'} — ${time}`);
    }
    lines.push('');
  }
  lines.push(...renderSummaryText(summarizeCompliance(records)));
  const uses = laneUses(records, lane.followUps, lane.now);
  if (uses.length > 0) lines.push('', ...renderLaneText(uses, lane, config));
  return lines.join('\n');
}

/** Every use of the serta-merta lane, who reviewed it afterwards and when, then the overdue ones. */
function renderLaneText(uses: readonly LaneUse[], lane: LaneContext, config: PeopleConfig): string[] {
  const at = (iso: string) => formatDateTime(new Date(iso), config.kantor.zona_waktu);
  const lines = ['Jalur serta-merta', `  ${uses.length} kali dipakai; ${uses.filter((use) => use.state !== 'waiting').length} sudah ditinjau susulan, ${uses.filter((use) => use.late).length} terlambat atau lewat batas.`];
  for (const use of uses) {
    const reviewers = lane.followUps
      .find((followUp) => followUp.pr === use.pr)
      ?.stages.filter((stage) => stage.flow === use.flow)
      .flatMap((stage) => stage.approvals.map((a) => approverLabel(personView(config, a.login, a.role.name), a.role.name)));
    const when = use.reviewed_at ? ` (${at(use.reviewed_at)}${reviewers?.length ? `, oleh ${reviewers.join('; ')}` : ''})` : '';
    lines.push(`  - PR #${use.pr} "${use.title}": diterbitkan atas persetujuan ${approverLabel(personView(config, use.approver, use.role), use.role)}, ${at(use.at)}; batas tinjauan susulan ${at(use.review_due)}: ${followUpWords(use.state, use.late)}${when}.`);
  }
  const overdue = uses.filter((use) => use.state === 'waiting' && use.late);
  if (overdue.length > 0) {
    lines.push(`  Tinjauan susulan lewat batas (per ${at(lane.now.toISOString())}): ${overdue.map((use) => `PR #${use.pr} (batas ${at(use.review_due)})`).join(', ')}.`);
  }
  return lines;
}

export function renderSummaryText(summary: ComplianceSummary): string[] {
  const { stages } = summary;
  const percent = summary.within_standard_percent === null ? '' : ` (${String(summary.within_standard_percent).replace('.', ',')}%)`;
  const lines = [
    'Kepatuhan SOP',
    `  ${summary.pulls} PR digabung, ${summary.items} item; ${stages.count} tahap persetujuan dijalani.`,
    stages.measured > 0
      ? `  Dengan mutu baku: ${stages.within_standard} dari ${stages.measured} tepat waktu${percent}, ${stages.overdue} terlambat.`
      : '  Tidak ada tahap yang sudah lulus dengan mutu baku berupa waktu; tepat waktu atau tidak belum bisa diukur.',
    `  Tanpa mutu baku (tentatif): ${stages.tentative}. Belum lulus saat digabung: ${stages.not_passed}.`,
  ];
  if (summary.merged_without_approval.length > 0) {
    lines.push(`  Digabung tanpa persetujuan lengkap: ${summary.merged_without_approval.map((pr) => `PR #${pr}`).join(', ')}.`);
  }
  for (const stage of summary.by_stage) {
    const average = stage.average_minutes === null ? '' : `, rata-rata ${formatMinutes(stage.average_minutes)}`;
    lines.push(`  - ${stage.name} (${stage.flow}): ${stage.count} kali, ${stage.within_standard} tepat waktu, ${stage.overdue} terlambat, ${stage.tentative} tentatif${average}.`);
  }
  return lines;
}

/** What `tayang laporan --periksa` found in the chain of records (chain.ts). */
export interface ChainReport {
  records: number;
  head: ChainHead | null;
  breaks: readonly ChainBreak[];
}

const HEAD_PATH = `${RECORDS_DIR}/${CHAIN_HEAD_FILE}`;
const recordPath = (file: string) => (file === CHAIN_HEAD_FILE ? `ujung rantai (${HEAD_PATH})` : `${RECORDS_DIR}/${file}`);

export const CHAIN_FIX =
  'catatan hanya ditulis `tayang catat` dan tidak pernah diubah sesudahnya. Lihat siapa mengubahnya dengan `git log -p -- records/persetujuan/`, ' +
  'kembalikan berkas yang disebut dari commit App Tayang yang menulisnya, atau bandingkan dengan arsip bulanan yang bertanda tangan (`tayang pulihkan`). Penjelasan: docs/catatan.md.';

/** One break, naming the record it is about. */
export function describeChainBreak(b: ChainBreak): string {
  switch (b.kind) {
    case 'unchained':
      return `${recordPath(b.file)}: tidak tersambung ke rantai catatan (kolom chain tidak ada atau tidak terbaca): ditulis sebelum rantai dipakai, ditambahkan tanpa tayang catat, atau kolomnya dihapus.`;
    case 'edited':
      return `${recordPath(b.file)}: catatan urutan ${b.sequence} berubah sesudah dicatat: SHA-256 isinya tidak sama dengan yang disimpan ${recordPath(b.recorded_in)}.`;
    case 'reordered':
      return `${recordPath(b.file)}: urutan catatan diubah: catatan ini ada di urutan ${b.sequence}, padahal ${recordPath(b.recorded_in)} mencatat ${b.expected} di urutan itu.`;
    case 'missing':
      return b.file && b.recorded_in
        ? `${recordPath(b.file)}: catatan urutan ${b.sequence} hilang: ${recordPath(b.recorded_in)} mencatatnya sebagai catatan sebelumnya, tetapi berkasnya tidak ada.`
        : `${RECORDS_DIR}: catatan urutan ${b.sequence} hilang: tidak ada berkas dengan urutan itu.`;
    case 'inserted':
      return b.after_head
        ? `${recordPath(b.file)}: catatan ini disisipkan: urutannya (${b.sequence}) sesudah catatan terakhir yang disebut ujung rantai (${HEAD_PATH}).`
        : `${recordPath(b.file)}: catatan ini disisipkan: urutan ${b.sequence} milik catatan lain yang tersambung ke rantai.`;
    case 'head':
      return b.problem === 'absent'
        ? `${HEAD_PATH}: ujung rantai tidak ada, jadi catatan terakhir tidak bisa diperiksa.`
        : `${HEAD_PATH}: ujung rantai tidak terbaca (harus satu baris "<urutan> <berkas>.json <sha256>").`;
  }
}

export function renderChainText(report: ChainReport): string {
  if (report.breaks.length === 0) {
    if (!report.head) return `Belum ada catatan persetujuan di ${RECORDS_DIR}/; rantainya masih kosong.`;
    return [
      `Rantai catatan utuh: ${report.records} catatan di ${RECORDS_DIR}/, urutan 1–${report.head.sequence}; catatan terakhir ${report.head.file} (SHA-256 ${report.head.sha256}).`,
      '  Rantai ini menunjukkan setiap catatan yang diubah, dihapus, disisipkan atau ditukar urutannya, kecuali bila pengubahnya menghitung ulang semua catatan sesudahnya.',
      '  Itu ketahuan dengan membandingkan ujung rantai ini dengan commit App Tayang yang menulisnya dan arsip bulanan yang bertanda tangan (docs/catatan.md).',
    ].join('\n');
  }
  return [`Rantai catatan TIDAK utuh (${RECORDS_DIR}/, ${report.records} catatan): ${report.breaks.length} masalah.`, ...report.breaks.map((b) => `  - ${describeChainBreak(b)}`), `  Perbaikan: ${CHAIN_FIX}`].join('\n');
}

export function renderChainJson(report: ChainReport) {
  return {
    intact: report.breaks.length === 0,
    records: report.records,
    head: report.head,
    breaks: report.breaks.map((b) => ({ ...b, message: describeChainBreak(b) })),
  };
}
