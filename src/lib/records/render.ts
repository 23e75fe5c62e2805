import { formatMinutes } from '../approval/messages.ts';
import { formatDateTime, machineDateTime } from '../site/dates.ts';
import { toCsv } from './csv.ts';
import { approverLabel, personView, staffView, type PeopleConfig } from './people.ts';
import type { ApprovalRecord, ItemChange } from './record.ts';
import { registerRows, summarizeCompliance, type ComplianceSummary, type RegisterRow } from './register.ts';

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
] as const;

/** The register as CSV, times in the office's zone with their offset (2026-02-11T13:40:00+07:00). */
export function renderRegisterCsv(records: readonly ApprovalRecord[], config: PeopleConfig): string {
  const time = (iso: string | null) => (iso === null ? null : machineDateTime(new Date(iso), config.kantor.zona_waktu));
  const rows = registerRows(records, config).map((row) => [
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
  ]);
  return toCsv([REGISTER_COLUMNS, ...rows]);
}

export interface RegisterReport {
  rows: RegisterRow[];
  summary: ComplianceSummary;
}

export function renderRegisterJson(records: readonly ApprovalRecord[], config: PeopleConfig): RegisterReport {
  return { rows: registerRows(records, config), summary: summarizeCompliance(records) };
}

/** The register by PR, then the compliance summary, in plain Indonesian. */
export function renderRegisterText(records: readonly ApprovalRecord[], config: PeopleConfig): string {
  if (records.length === 0) return 'Belum ada catatan persetujuan di records/persetujuan/. Catatan dibuat oleh `tayang catat --pr N` setelah PR digabung.';
  const at = (iso: string) => formatDateTime(new Date(iso), config.kantor.zona_waktu);
  const lines = ['Register persetujuan publikasi', ''];
  for (const record of records) {
    lines.push(`PR #${record.pr} "${record.title}" oleh ${staffView(config, record.author).label}, digabung ${at(record.merged_at)}${record.state === 'approved' ? '' : ' — DIGABUNG TANPA PERSETUJUAN LENGKAP'}`);
    for (const item of record.items) lines.push(`  ${item.folder}${item.title ? ` "${item.title}"` : ''} (${CHANGE_WORDS[item.change]})`);
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
  return lines.join('\n');
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
