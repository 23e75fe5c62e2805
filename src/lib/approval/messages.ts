import type { Duration } from '../config/duration.ts';
import type { Office } from '../config/schema.ts';
import { formatDateTime } from '../site/dates.ts';
import type { FastLaneApproval, IgnoredApproval, StageVerdict, UnlinkedAuthorship, VerdictState } from './types.ts';

/**
 * The Indonesian sentences of a verdict: what the PR waits for, and why reviews that look like
 * approvals did not count. The engine decides; this module only words its decisions.
 */
export function composeMessages(parts: {
  state: VerdictState;
  draft: boolean;
  noFiles: boolean;
  ungoverned: readonly string[];
  stages: readonly StageVerdict[];
  uncounted: readonly string[];
  unlinked: readonly UnlinkedAuthorship[];
  unlisted: { commits: number; files: number };
  /** The PR carries the `serta-merta` label: what the fast lane found, and its approvals if it passed. */
  fastLane?: { notes: readonly string[]; approvals?: readonly FastLaneApproval[]; zone: Office['zona_waktu'] };
}): string[] {
  const messages: string[] = [];
  if (parts.draft) messages.push('PR ini masih draf, dan draf tidak pernah disetujui. Tandai "Ready for review" bila sudah siap diperiksa.');
  if (parts.noFiles) messages.push('PR ini tidak mengubah berkas apa pun, jadi tidak ada yang bisa disetujui.');
  for (const file of parts.ungoverned) {
    messages.push(
      `Berkas ${file} tidak diatur alur mana pun di tayang.config.yml, jadi PR ini tidak bisa disetujui. ` +
        'Keluarkan berkas itu dari PR, atau minta admin menambahkan polanya ke `berkas` (atau jenis kontennya ke `jenis`) sebuah alur.',
    );
  }
  for (const stage of parts.stages) messages.push(...describeStage(stage));
  if (parts.uncounted.length > 0) {
    messages.push(`Persetujuan ${listLogins(parts.uncounted)} tidak dihitung: bukan anggota peran tahap mana pun yang diperlukan PR ini.`);
  }
  messages.push(...describeUnlinked(parts.unlinked));
  if (parts.unlisted.commits > 0) {
    messages.push(
      `${parts.unlisted.commits} commit PR ini tidak ada dalam daftar commit, jadi Tayang tidak bisa memastikan penulisnya bukan pejabat yang menyetujui, dan PR ini tidak bisa disetujui. ` +
        `GitHub hanya menampilkan 250 commit pertama sebuah PR: pecah perubahan menjadi beberapa PR. Snapshot yang disimpan sendiri harus memuat semua halaman (\`gh api --paginate\`).`,
    );
  }
  if (parts.unlisted.files > 0) {
    messages.push(
      `${parts.unlisted.files} berkas yang diubah PR ini tidak ada dalam daftar berkas, jadi alurnya tidak bisa ditentukan, dan PR ini tidak bisa disetujui. ` +
        `GitHub hanya menampilkan 3000 berkas pertama sebuah PR: pecah perubahan menjadi beberapa PR. Snapshot yang disimpan sendiri harus memuat semua halaman (\`gh api --paginate\`).`,
    );
  }
  if (parts.fastLane) messages.push(...parts.fastLane.notes);
  if (parts.state === 'approved' && parts.fastLane?.approvals) {
    const zone = parts.fastLane.zone;
    for (const lane of parts.fastLane.approvals) {
      messages.push(
        `Disetujui lewat jalur serta-merta oleh ${lane.approver} (${lane.role}); tinjauan biasa wajib selesai paling lambat ${formatDateTime(new Date(lane.review_due), zone)}. ` +
          'PR ini boleh digabungkan (merge) dan ditayangkan sekarang; tahap-tahap di atas tetap menyetujui sesudahnya.',
      );
    }
  } else if (parts.state === 'approved') messages.push('Semua tahap sudah disetujui: PR ini boleh digabungkan (merge) dan ditayangkan.');
  return messages;
}

function describeStage(stage: StageVerdict): string[] {
  const roles = stage.roles.map((role) => role.id).join(', ');
  const ignored = stage.ignored.length > 0 ? ` Diabaikan: ${stage.ignored.map(describeIgnored).join('; ')}.` : '';
  const teams = stage.unknown_teams.map(
    (team) => ` Anggota tim @${team} tidak diketahui (tidak ada di \`teams\` snapshot), jadi persetujuan mereka belum bisa dihitung.`,
  );
  switch (stage.state) {
    case 'approved':
      return [];
    case 'waiting':
      return stage.ignored.length > 0 ? [`${stage.name} (${roles}) belum gilirannya.${ignored}`] : [];
    case 'changes_requested': {
      const current =
        stage.changes_requested_by.length > 0
          ? [
              `${stage.name} (${roles}) mengembalikan draf kepada penulis. ` +
                stage.changes_requested_by.map((r) => (oneLine(r.body) ? `${r.login}: "${oneLine(r.body)}"` : `${r.login} (tanpa alasan tertulis)`)).join('; ') +
                '. Perbaiki lalu dorong commit baru; tahap ini kemudian memeriksa lagi.',
            ]
          : [];
      return [...current, ...(outdatedNote(stage) ? [`${stage.name} (${roles}):${outdatedNote(stage)}`] : [])];
    }
    case 'pending': {
      const overdue = stage.overdue
        ? ` Sudah melewati mutu baku ${stage.standard_text}: berjalan ${formatMinutes(stage.elapsed_minutes)} waktu kerja.`
        : '';
      return [
        `Menunggu ${lowerFirst(stage.name)} (${roles}): ${stage.approvers.length} dari ${stage.required} persetujuan.${ignored}${outdatedNote(stage)}${overdue}${teams.join('')}`,
      ];
    }
  }
}

/** An unlinked committer who is the same commit's unlinked author by name: one person, named once. */
export function repeatsAuthor(entry: UnlinkedAuthorship, all: readonly UnlinkedAuthorship[]): boolean {
  return entry.role === 'committer' && all.some((u) => u.role === 'author' && !u.account && u.sha === entry.sha && u.name === entry.name);
}

const BLOCKS = 'Tayang tidak bisa memastikan ia bukan pejabat yang menyetujui, dan PR ini belum bisa disetujui.';

/**
 * Authorship no account can be tied to, one sentence per person and commit: a commit's author who
 * also committed it (the usual case) is named once.
 */
function describeUnlinked(unlinked: readonly UnlinkedAuthorship[]): string[] {
  return unlinked.flatMap((entry): string[] => {
    const name = entry.name ? ` "${entry.name}"` : '';
    switch (entry.role) {
      case 'author': {
        if (entry.account) {
          return [
            `Commit ${entry.sha} tercatat ditulis oleh akun ${entry.account} milik GitHub, yang bukan orang: penulis sebenarnya tidak diketahui, jadi ${BLOCKS} ` +
              'Buat ulang commit itu atas nama penulisnya (`git commit --amend --author="Nama <surel>"`, atau `git rebase -i` untuk commit lama), lalu dorong ulang.',
          ];
        }
        const committed = unlinked.some((u) => repeatsAuthor(u, unlinked) && u.sha === entry.sha);
        return [
          `Commit ${entry.sha} (penulis${committed ? ' dan committer' : ''}${name}) tidak terhubung ke akun GitHub mana pun, jadi Tayang tidak bisa memastikan penulisnya bukan pejabat yang menyetujui, dan PR ini belum bisa disetujui. ` +
            'Penulis commit itu cukup menambahkan alamat surelnya di pengaturan akun GitHub (Settings → Emails): GitHub lalu menghubungkan commit-nya, dan penilaian berikutnya menghitungnya.',
        ];
      }
      case 'committer':
        if (repeatsAuthor(entry, unlinked)) return [];
        return [
          `Commit ${entry.sha} (committer${name}) tidak terhubung ke akun GitHub mana pun: yang membuat commit itu tidak diketahui, jadi ${BLOCKS} ` +
            'Committer itu cukup menambahkan alamat surelnya di pengaturan akun GitHub (Settings → Emails), atau buat ulang commit itu dengan surel Git yang terdaftar di akun GitHub (`git commit --amend`, atau `git rebase -i` untuk commit lama), lalu dorong ulang.',
        ];
      case 'co-author': {
        const why = entry.email
          ? `dengan surel ${entry.email}, yang bukan alamat noreply GitHub dan tidak dipakai commit mana pun di PR ini yang terhubung ke akun GitHub`
          : 'tanpa alamat surel';
        return [
          `Commit ${entry.sha} menyebut rekan penulis${name} (baris Co-authored-by) ${why}: akun GitHub-nya tidak diketahui, jadi ${BLOCKS} ` +
            `Tulis barisnya dengan alamat noreply GitHub orang itu (\`Co-authored-by: ${entry.name || 'Nama'} <ID+login@users.noreply.github.com>\`; alamatnya tertera di Settings → Emails akunnya), ` +
            'atau tulis ulang pesan commit itu (`git commit --amend`, atau `git rebase -i` untuk commit lama), lalu dorong ulang.',
        ];
      }
    }
  });
}

/** Requests for changes on an older commit: the fix waits for them, and they still hold the stage. */
function outdatedNote(stage: StageVerdict): string {
  const logins = stage.outdated_change_requests;
  if (logins.length === 0) return '';
  return (
    ` ${listLogins(logins)} meminta perbaikan pada commit lama; perbaikannya sudah didorong dan menunggu diperiksa lagi. ` +
    `Permintaan itu tetap menahan tahap ini sampai ${logins.length > 1 ? 'mereka' : 'ia'} memilih "Approve" (atau ulasannya dibatalkan dengan "Dismiss review").`
  );
}

function describeIgnored(ignored: IgnoredApproval): string {
  switch (ignored.reason) {
    case 'stale':
      return `persetujuan ${ignored.login} pada commit lama`;
    case 'author':
      return `persetujuan ${ignored.login}, karena ia ikut menulis PR ini`;
    case 'too_early':
      return `persetujuan ${ignored.login}, karena diberikan sebelum tahap "${ignored.stage}" selesai`;
    case 'counted_elsewhere':
      return ignored.flow
        ? `persetujuan ${ignored.login}, karena sudah dihitung untuk tahap "${ignored.stage}" pada alur "${ignored.flow}" (satu orang hanya untuk satu tahap; bila pejabat yang sama menyetujui kedua alur, ajukan perubahannya dalam PR terpisah)`
        : `persetujuan ${ignored.login}, karena sudah dihitung untuk tahap "${ignored.stage}" (satu orang hanya untuk satu tahap)`;
    case 'stand_in_expired':
      return `persetujuan ${ignored.login}, karena masa tugasnya sebagai pengganti berakhir ${ignored.until}`;
  }
}

/** The time standard as an official reads it: "30 menit", "1 jam", "2 hari kerja", "tentatif". */
export function describeStandard(duration: Duration): string {
  if (duration === 'tentatif') return 'tentatif';
  if ('workingDays' in duration) return `${duration.workingDays} hari kerja`;
  return duration.minutes >= 60 && duration.minutes % 60 === 0 ? `${duration.minutes / 60} jam` : `${duration.minutes} menit`;
}

/** Working minutes as "45 menit", "2 jam", "2 jam 5 menit". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} menit`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} jam${rest > 0 ? ` ${rest} menit` : ''}`;
}

function listLogins(logins: readonly string[]): string {
  return logins.length <= 1 ? logins.join('') : `${logins.slice(0, -1).join(', ')} dan ${logins.at(-1)}`;
}

/** "Verifikasi Kasubbag" → "verifikasi Kasubbag"; acronyms ("PPID …") stay as they are. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
