import { formatMinutes, lowerFirst } from '../approval/messages.ts';
import type { Config } from '../config/schema.ts';
import { formatDate, formatDateTime, type TimeZone } from '../site/dates.ts';
import type { BerkalaNotice, SopReviewNotice, StageNotice } from './plan.ts';

/**
 * The words of `tayang pengingat`: courteous Indonesian letters to officials, each naming the
 * item, the stage, its time standard, how long it has waited and what to do. The markers come
 * first, on lines of their own, so the adapter can find them again.
 */

/** The label every reminder issue carries, by which the next run finds them. */
export const REMINDER_LABEL = 'pengingat';

type Office = Pick<Config, 'kantor' | 'sop'>;

function mention(accounts: readonly string[]): string {
  return accounts.map((account) => `@${account}`).join(', ');
}

function sopName(sop: Config['sop']): string {
  return `${sop.nama} (${sop.nomor})`;
}

export function renderStageNotice(notice: StageNotice, office: Office): string {
  const zone: TimeZone = office.kantor.zona_waktu;
  const pr = `PR #${notice.pr} "${notice.title}"`;
  const waited = `${formatMinutes(notice.elapsed_minutes)} waktu kerja`;
  const since = formatDateTime(new Date(notice.waiting_since), zone);
  const roles = notice.roles.join(' / ');
  const officials = notice.officials.length > 0 ? mention(notice.officials) : `pejabat ${roles}`;
  const escalationRoles = notice.escalation.roles.join(' / ');
  const howToApprove =
    'buka tab **Files changed**, periksa perubahannya, lalu pilih **Review changes** → **Approve** bila layak tayang, atau **Request changes** dengan catatan perbaikannya bila belum.';
  if (notice.kind === 'pengingat') {
    return [
      ...notice.markers,
      `Yth. ${officials} (${roles}),`,
      '',
      `Dengan hormat, kami mengingatkan bahwa ${pr} menunggu tahap **${notice.stage_name}** sejak ${since}. Sudah **${waited}**, melewati mutu baku tahap ini (**${notice.standard_text}**) menurut ${sopName(office.sop)}.`,
      '',
      `Mohon kesediaan Bapak/Ibu meninjaunya: ${howToApprove}`,
      '',
      `Bila Bapak/Ibu berhalangan, mohon serahkan kepada pengganti (Plt./Plh.) yang tercantum di tayang.config.yml. Bila tahap ini belum selesai setelah dua kali mutu baku, Tayang memberi tahu ${escalationRoles}.`,
      '',
      'Terima kasih.',
      '',
      '<sub>Pengingat otomatis Tayang, dikirim sekali untuk masa tunggu tahap ini.</sub>',
    ].join('\n');
  }
  const escalated = notice.escalation.accounts.length > 0 ? mention(notice.escalation.accounts) : `pejabat ${escalationRoles}`;
  const reminded = notice.with_reminder
    ? `Kami juga mengingatkan ${officials} (${roles}) melalui pesan ini.`
    : `Pengingat kepada ${notice.officials.length > 0 ? notice.officials.join(', ') : `pejabat ${roles}`} (${roles}) sudah dikirim di PR ini ketika mutu baku terlewati.`;
  return [
    ...notice.markers,
    `Yth. ${escalated} (${escalationRoles}),`,
    '',
    `Dengan hormat, kami laporkan bahwa ${pr} sudah menunggu tahap **${notice.stage_name}** (${roles}) sejak ${since}, selama **${waited}**: lebih dari dua kali mutu baku tahap ini (**${notice.standard_text}**) menurut ${sopName(office.sop)}. ${reminded}`,
    '',
    `Mohon arahan Bapak/Ibu agar tahap ${lowerFirst(notice.stage_name)} dapat diselesaikan: menghubungi pejabatnya, atau, bila pejabatnya berhalangan, menetapkan pengganti (Plt./Plh.) dan mencantumkannya di \`pengganti\` peran itu di tayang.config.yml.`,
    '',
    'Terima kasih.',
    '',
    '<sub>Eskalasi otomatis Tayang, dikirim sekali untuk masa tunggu tahap ini.</sub>',
  ].join('\n');
}

export function renderSopReviewIssue(notice: SopReviewNotice, office: Office): { title: string; body: string } {
  const due = formatDate(new Date(`${notice.due}T12:00:00Z`), office.kantor.zona_waktu);
  return {
    title: `Tinjauan SOP sudah jatuh tempo (${notice.due})`,
    body: [
      ...notice.markers,
      `Dengan hormat, tanggal tinjauan ${sopName(office.sop)} yang disahkan ${office.sop.disahkan_oleh} jatuh pada ${due} dan sudah lewat. Situs kini menampilkan SOP ini sebagai "terlambat ditinjau".`,
      '',
      'Mohon SOP ditinjau bersama pejabat yang mengesahkannya:',
      '',
      '1. Periksa apakah tahap, peran, pejabat dan mutu baku di tayang.config.yml masih sesuai dengan pelaksanaan.',
      '2. Bila isinya berubah, perbarui `sop.nomor` dan `sop.tanggal_efektif` sesuai SOP yang baru disahkan.',
      '3. Tulis tanggal tinjauan berikutnya di `sop.tinjauan_berikutnya`, lalu ajukan perubahannya sebagai PR.',
      '',
      'Issue ini dapat ditutup setelah PR itu digabungkan. Tayang mengirim satu issue untuk setiap tanggal tinjauan.',
    ].join('\n'),
  };
}

export function renderBerkalaIssue(notice: BerkalaNotice, office: Office): { title: string; body: string } {
  const zone = office.kantor.zona_waktu;
  const date = (day: string) => formatDate(new Date(`${day}T12:00:00Z`), zone);
  const count = notice.items.length;
  return {
    title: count === 1 ? `Informasi berkala perlu diperbarui: ${notice.items[0]!.judul}` : `${count} informasi berkala perlu diperbarui`,
    body: [
      ...notice.markers,
      `Dengan hormat, informasi berkala wajib diperbarui paling lambat setiap enam bulan (UU 14/2008 tentang Keterbukaan Informasi Publik, Pasal 9 ayat 4). ${count === 1 ? 'Item berikut' : 'Item-item berikut'} bertanggal lebih dari enam bulan yang lalu:`,
      '',
      ...notice.items.map((item) => `- **${item.judul}** (\`${item.folder}/index.md\`): bertanggal ${date(item.tanggal.slice(0, 10))}, semestinya diperbarui paling lambat ${date(item.refresh_by)}.`),
      '',
      'Mohon perbarui isinya (misalnya laporan atau data periode terbaru) dan ubah `tanggal` di frontmatter-nya menjadi tanggal pembaruan, lalu ajukan sebagai PR seperti biasa. Bila informasinya memang tidak berubah, peninjauannya tetap dicatat: ubah `tanggal` setelah pejabat memeriksanya.',
      '',
      `Issue ini dapat ditutup setelah semua item di atas diperbarui. Tayang menyebut setiap item sekali untuk setiap tanggalnya.`,
    ].join('\n'),
  };
}
