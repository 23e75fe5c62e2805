import { z } from 'zod';
import { describeStandard } from '../approval/messages.ts';
import { durationToMinutes } from '../config/duration.ts';
import type { Config } from '../config/schema.ts';
import { workingDayMinutes, workingMinutesBetween } from '../config/working-time.ts';
import type { Problem } from '../errors/problem.ts';
import type { Validated } from '../errors/validate.ts';
import { CONTENT_TYPES, isContentType, type ContentType } from './types.ts';

/**
 * A "Permintaan publikasi" issue (.github/ISSUE_TEMPLATE/permintaan-publikasi.yml): who asked for
 * what, and when. `tayang baru --dari-issue N` starts the item from it; the PR that publishes it
 * names it in its description ("Menutup #N", the one place the link is written, read by
 * `linkedIssues`), and `tayang catat` measures the drafting time from the issue's creation to
 * the PR's opening against the flow's `mutu_baku.penyusunan`.
 */

/** The label the issue form gives every request. */
export const REQUEST_LABEL = 'permintaan-publikasi';

/** The form's field labels as GitHub writes them into the issue body ("### Usulan judul"). */
const FIELDS = {
  pemberi: 'Pemberi disposisi',
  dasar: 'Dasar penugasan',
  jenis: 'Jenis konten',
  judul: 'Usulan judul',
  uraian: 'Apa yang perlu diterbitkan',
  klasifikasi: 'Klasifikasi informasi (UU 14/2008)',
  batas_waktu: 'Paling lambat tayang',
} as const;
const REQUIRED = ['pemberi', 'jenis', 'judul', 'uraian'] as const;

/** What issues.get returns, as far as it is read. */
export const RequestIssueSchema = z.looseObject({
  number: z.number().int().min(1),
  html_url: z.string(),
  state: z.string(),
  title: z.string(),
  body: z.string().nullable().optional(),
  created_at: z.string(),
  labels: z.array(z.union([z.string(), z.looseObject({ name: z.string().optional() })])),
  pull_request: z.unknown().optional(),
});
export type RequestIssue = z.infer<typeof RequestIssueSchema>;

export interface PublicationRequest {
  number: number;
  url: string;
  created_at: string;
  pemberi: string;
  jenis: ContentType;
  judul: string;
  uraian: string;
  dasar?: string;
  /** `berkala`, `serta-merta` or `setiap-saat`: the dropdown's first word. */
  klasifikasi?: string;
  batas_waktu?: string;
}

export function isRequestIssue(issue: RequestIssue): boolean {
  return issue.pull_request === undefined && issue.labels.some((label) => (typeof label === 'string' ? label : label.name) === REQUEST_LABEL);
}

/** The issue body's sections by heading; GitHub writes "_No response_" for a field left empty. */
function sections(body: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of body.split(/^### /m).slice(1)) {
    const [heading = '', ...rest] = part.split('\n');
    const value = rest.join('\n').trim();
    if (value !== '' && value !== '_No response_') found.set(heading.trim(), value);
  }
  return found;
}

/** The request in issue `N`, or why it cannot start an item (not a request, closed, fields missing). */
export function parseRequest(issue: RequestIssue): Validated<PublicationRequest> {
  const file = `issue #${issue.number}`;
  const problem = (message: string, fix: string, field?: string): Validated<PublicationRequest> => ({ ok: false, problems: [{ file, ...(field ? { field } : {}), message, fix }] });
  if (issue.pull_request !== undefined) return problem('ini pull request, bukan issue permintaan publikasi.', 'sebut nomor issue "Permintaan publikasi" yang diminta, bukan nomor PR.');
  if (!isRequestIssue(issue)) return problem(`issue ini bukan permintaan publikasi (tidak berlabel ${REQUEST_LABEL}).`, 'buat permintaan lewat formulir "Permintaan publikasi" (New issue), atau beri issue ini label itu bila isinya memang mengikuti formulir.');
  if (issue.state !== 'open') return problem('permintaan ini sudah ditutup: sudah diterbitkan atau dibatalkan.', 'buka kembali issue itu bila memang masih harus diterbitkan, atau pilih permintaan lain.');
  const fields = sections(issue.body ?? '');
  const value = (key: keyof typeof FIELDS) => fields.get(FIELDS[key]);
  const problems: Problem[] = REQUIRED.filter((key) => value(key) === undefined).map((key) => ({
    file,
    field: FIELDS[key],
    message: `isian "${FIELDS[key]}" kosong atau tidak ada.`,
    fix: 'sunting issue itu dan isi bagian tersebut (judul bagian "### ' + FIELDS[key] + '" harus tetap seperti di formulir).',
  }));
  const jenis = value('jenis');
  if (jenis !== undefined && !isContentType(jenis)) problems.push({ file, field: FIELDS.jenis, message: `jenis "${jenis}" tidak dikenal.`, fix: `pilih salah satu: ${CONTENT_TYPES.join(', ')}.` });
  if (problems.length > 0) return { ok: false, problems };
  const klasifikasi = value('klasifikasi')?.split(/\s/)[0];
  const dasar = value('dasar');
  const batas = value('batas_waktu');
  return {
    ok: true,
    value: {
      number: issue.number,
      url: issue.html_url,
      created_at: issue.created_at,
      pemberi: value('pemberi')!,
      jenis: jenis as ContentType,
      judul: value('judul')!,
      uraian: value('uraian')!,
      ...(dasar ? { dasar } : {}),
      ...(klasifikasi ? { klasifikasi } : {}),
      ...(batas ? { batas_waktu: batas } : {}),
    },
  };
}

/** Drafting time of one request: from the issue's creation to the PR's opening, in working time. */
export interface DraftingTime {
  issue: number;
  url: string;
  requested_at: string;
  drafting_minutes: number;
  standard_minutes: number | null;
  standard_text: string;
  overdue: boolean;
}

/** Against the `penyusunan` standard of the first of `flows` that sets one (tentatif otherwise). */
export function draftingTime(config: Config, flows: readonly string[], issue: Pick<RequestIssue, 'number' | 'html_url' | 'created_at'>, prOpenedAt: string): DraftingTime {
  const standard = flows.map((id) => config.alur.find((flow) => flow.id === id)?.mutu_baku.penyusunan).find((duration) => duration !== undefined) ?? 'tentatif';
  const minutes = workingMinutesBetween(config.jam_kerja, config.kantor.zona_waktu, new Date(issue.created_at), new Date(prOpenedAt));
  const standardMinutes = durationToMinutes(standard, workingDayMinutes(config.jam_kerja));
  return {
    issue: issue.number,
    url: issue.html_url,
    requested_at: issue.created_at,
    drafting_minutes: minutes,
    standard_minutes: standardMinutes,
    standard_text: describeStandard(standard),
    overdue: standardMinutes !== null && minutes > standardMinutes,
  };
}
