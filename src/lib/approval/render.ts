import { formatShortDate, formatTime } from '../site/dates.ts';
import { formatMinutes, lowerFirst, repeatsAuthor } from './messages.ts';
import { awaitsRecheck, isReturnedToAuthor, stagesAwaitingReview, type StageState, type StageVerdict, type Verdict, type VerdictState } from './types.ts';

/**
 * One verdict, three forms: the JSON of the contract (DESIGN.md §4), the CLI text, and the PR
 * comment with the stage table. The GitHub adapter also takes the one-line status description.
 */

/** Marks Tayang's approval comment so the GitHub adapter finds and updates it in place. */
export const APPROVAL_COMMENT_MARKER = '<!-- tayang:persetujuan -->';

export function renderVerdictJson(verdict: Verdict): object {
  return {
    state: verdict.state,
    flows: verdict.flows,
    stages: verdict.stages.map((stage) => ({
      id: stage.id,
      flow: stage.flow,
      state: stage.state,
      approvers: stage.approvers,
      elapsed_minutes: stage.elapsed_minutes,
      standard_minutes: stage.standard_minutes,
      overdue: stage.overdue,
    })),
    messages: verdict.messages,
    // Outside the §4 keys, and only when used: which flows passed through the serta-merta lane.
    ...(verdict.fast_lane ? { fast_lane: verdict.fast_lane.map(({ flow, approver, at, review_due }) => ({ flow, approver, at, review_due })) } : {}),
  };
}

const VERDICT_WORDS: Record<VerdictState, string> = {
  approved: 'DISETUJUI',
  pending: 'BELUM DISETUJUI',
  changes_requested: 'DIKEMBALIKAN KE PENULIS',
};

const STAGE_WORDS: Record<StageState, string> = {
  approved: 'disetujui',
  pending: 'menunggu persetujuan',
  changes_requested: 'perlu perbaikan',
  waiting: 'menunggu tahap sebelumnya',
};

export function renderVerdictText(verdict: Verdict): string {
  const title = verdict.pull.number === null ? 'PR' : `PR #${verdict.pull.number}`;
  const lines = [`Persetujuan ${title}: ${VERDICT_WORDS[verdict.state]}${verdict.fast_lane ? ' (JALUR SERTA-MERTA)' : ''}${verdict.pull.draft ? ' (draf)' : ''}`];
  if (verdict.flows.length > 0) lines.push(`Alur: ${verdict.flows.join(', ')}`);
  for (const stage of verdict.stages) {
    const approvers = stage.approvers.length > 0 ? `, oleh ${stage.approvers.join(', ')}` : '';
    const time = stage.started_at === null ? '' : ` — ${formatMinutes(stage.elapsed_minutes)} waktu kerja, mutu baku ${stage.standard_text}${stage.overdue ? ', TERLAMBAT' : ''}`;
    lines.push(`  [${stage.flow}] ${stage.name} (${roleNames(stage)}): ${STAGE_WORDS[stage.state]}${approvers}${time}`);
  }
  if (verdict.messages.length > 0) lines.push('', ...verdict.messages.map((message) => `- ${message}`));
  return lines.join('\n');
}

/** The commit status description (GitHub allows 140 characters): what the PR waits for. */
export function renderStatusDescription(verdict: Verdict): string {
  const open = stagesAwaitingReview(verdict);
  const text =
    verdict.state === 'approved'
      ? verdict.fast_lane
        ? 'Disetujui lewat jalur serta-merta'
        : 'Disetujui sesuai SOP'
      : verdict.pull.draft
        ? 'Masih draf: belum bisa disetujui'
        : isReturnedToAuthor(verdict)
          ? `Dikembalikan ke penulis: ${verdict.stages.filter((s) => s.state === 'changes_requested' && !awaitsRecheck(s)).map((s) => lowerFirst(s.name)).join(', ')}`
          : verdict.ungoverned_files.length > 0
            ? `Ada ${verdict.ungoverned_files.length} berkas yang tidak diatur alur SOP`
            : open.length > 0
              ? `Menunggu ${open.map((s) => lowerFirst(s.name)).join(', ')}`
              : verdict.unlinked_commits.length > 0
                ? `Ada ${new Set(verdict.unlinked_commits.map((u) => u.sha)).size} commit yang ${unlinkedWho(verdict)} tidak terhubung ke akun GitHub`
                : verdict.unlisted.commits > 0 || verdict.unlisted.files > 0
                  ? 'PR terlalu besar: GitHub tidak menampilkan semua commit atau berkasnya'
                  : 'Belum bisa disetujui';
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

/** Whose account is missing: co-authors are writers too. */
function unlinkedWho(verdict: Verdict): string {
  const committers = verdict.unlinked_commits.some((u) => u.role === 'committer' && !repeatsAuthor(u, verdict.unlinked_commits));
  const writers = verdict.unlinked_commits.some((u) => u.role !== 'committer');
  return writers && committers ? 'penulis atau committer-nya' : writers ? 'penulisnya' : 'committer-nya';
}

/** The PR comment: stage table, what happens next, and the reasons behind it. */
export function renderVerdictComment(verdict: Verdict, extra: { contentCheck?: string } = {}): string {
  const zone = verdict.time_zone;
  const rows = verdict.stages.map((stage) => {
    const approvers = stage.approvals.map((a) => `${a.login}${a.stand_in ? ' (pengganti)' : ''}, ${formatShortDate(new Date(a.submitted_at), zone)} ${formatTime(new Date(a.submitted_at), zone)}`);
    return [
      verdict.flows.length > 1 ? `${stage.name} (${stage.flow_name})` : stage.name,
      roleNames(stage),
      `${STAGE_ICONS[stage.state]} ${STAGE_WORDS[stage.state]}`,
      approvers.join('; ') || '—',
      stage.started_at === null ? '—' : formatMinutes(stage.elapsed_minutes),
      stage.standard_text,
      stage.standard_minutes === null || stage.started_at === null ? '—' : stage.overdue ? '**ya**' : 'tidak',
    ];
  });
  const table = [
    '| Tahap | Peran | Status | Disetujui oleh | Waktu | Mutu baku | Terlambat? |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.map(escapeCell).join(' | ')} |`),
  ];
  return [
    APPROVAL_COMMENT_MARKER,
    `### Persetujuan SOP: ${VERDICT_WORDS[verdict.state].toLowerCase()}${verdict.fast_lane ? ' lewat jalur serta-merta' : ''}`,
    '',
    ...(rows.length > 0 ? [...table, ''] : []),
    `**Langkah berikutnya:** ${nextStep(verdict)}`,
    '',
    ...(extra.contentCheck ? [`**Pemeriksaan naskah:** ${extra.contentCheck}`, ''] : []),
    ...verdict.messages.map((message) => `- ${message}`),
    '',
    `<sub>Waktu dihitung dalam waktu kerja kantor (jam kerja, tanpa hari libur), zona ${zone}; dihitung ${formatShortDate(new Date(verdict.evaluated_at), zone)} ${formatTime(new Date(verdict.evaluated_at), zone)} untuk commit ${verdict.pull.head_sha.slice(0, 7)}.</sub>`,
  ].join('\n');
}

const STAGE_ICONS: Record<StageState, string> = {
  approved: '✅',
  pending: '⏳',
  changes_requested: '↩️',
  waiting: '⏸️',
};

function nextStep(verdict: Verdict): string {
  if (verdict.pull.draft) return 'penulis menandai PR ini "Ready for review" bila drafnya sudah siap diperiksa.';
  if (verdict.state === 'approved' && verdict.fast_lane) {
    return 'PR boleh digabungkan (merge) sekarang lewat jalur serta-merta; tahap-tahap biasa tetap menyetujui PR ini (juga sesudah digabung) sebelum batas tinjauan susulan.';
  }
  if (verdict.state === 'approved') return 'PR boleh digabungkan (merge); setelah digabung, situs dan kiriman media sosialnya diterbitkan.';
  if (verdict.state === 'changes_requested') return 'penulis memperbaiki draf sesuai alasan di bawah, lalu mendorong commit baru; tahap yang mengembalikan memeriksa lagi.';
  if (verdict.ungoverned_files.length > 0) return 'keluarkan berkas yang tidak diatur alur mana pun dari PR, atau minta admin mengaturnya di tayang.config.yml.';
  const pending = verdict.stages.filter((stage) => stage.state === 'pending');
  if (pending.length === 0) return 'tidak ada tahap yang bisa diperiksa.';
  return pending
    .map((stage) => {
      const who = stage.reviewers.length > 0 ? ` (${stage.reviewers.join(', ')})` : ' (belum ada akun yang bisa menyetujui: periksa anggota peran di tayang.config.yml)';
      return `${stage.name}: ${roleNames(stage)}${who} memeriksa draf, lalu memilih **Approve** untuk menyetujui atau **Request changes** dengan alasannya untuk mengembalikan.`;
    })
    .join(' ');
}

function roleNames(stage: StageVerdict): string {
  return stage.roles.map((role) => role.name).join(' / ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
