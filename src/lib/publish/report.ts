import { flowForPath } from '../approval/flows.ts';
import { accountsActingOn } from '../config/officials.ts';
import type { Config } from '../config/schema.ts';
import { localToday } from '../content/time.ts';
import { TARGETS, type ItemLedger, type Target } from './ledger.ts';
import { TARGET_NAMES } from './render.ts';

/**
 * The link report: after publishing, the page and every post's URL go back to the official
 * the SOP names (Bunder: "Admin Medsos ... melaporkan tautan" to the Ketua PPID), as one
 * comment on the merged PR and on the request issue, edited in place as links come in.
 */

export const LINK_REPORT_MARKER = 'tautan';

export interface ReportedItem {
  /** Item folder. */
  item: string;
  file: string;
  title: string;
  pageUrl: string;
  record?: ItemLedger;
  /** A video item's own YouTube address (`youtube:` in its frontmatter). */
  youtube?: string;
}

export interface Recipients {
  roleName: string;
  /** `@login` and `@org/team`. */
  mentions: string[];
}

/** The members (and today's stand-ins) of the role the governing flows name as `penerima_laporan`. */
export function reportRecipients(config: Config, files: readonly string[], now: Date): Recipients[] {
  const roles = new Set<string>();
  for (const file of files) {
    const role = flowForPath(config, file)?.penerima_laporan;
    if (role) roles.add(role);
  }
  const today = localToday(now, config.kantor.zona_waktu);
  return [...roles].map((id) => {
    const role = config.peran[id]!;
    const mentions = accountsActingOn(role, today).map((m) => (m.startsWith('@') ? m : `@${m}`));
    return { roleName: role.nama, mentions };
  });
}

/** Request issues a PR names: "Menutup #12", "Permintaan #12", or GitHub's own closing keywords. */
export function linkedIssues(body: string | null | undefined): number[] {
  const numbers = new Set<number>();
  for (const match of (body ?? '').matchAll(/\b(?:menutup|permintaan|close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)/gi)) numbers.add(Number(match[1]));
  return [...numbers];
}

/** The PR a merge commit came from: "Merge pull request #12 from …" or a squash's "Judul (#12)". */
export function pullNumberOfCommitMessage(message: string): number | undefined {
  const subject = message.split('\n')[0] ?? '';
  const match = /^Merge pull request #(\d+) /.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
  return match ? Number(match[1]) : undefined;
}

function describeEntry(target: Target, record: ItemLedger | undefined): string | undefined {
  const entry = record?.posts[target];
  if (!entry) return undefined;
  const name = TARGET_NAMES[target];
  switch (entry.state) {
    case 'posted':
      return `- ${name}: ${entry.url}${entry.by ? ` (dilaporkan oleh @${entry.by})` : ''}`;
    case 'manual':
      return `- ${name}: belum ada tautan. Kirim teks dari kit secara manual, lalu balas di PR ini: \`/tautan ${target} <alamat kiriman>\``;
    case 'failed':
      return `- ${name}: ${entry.attempts > 0 ? `gagal terkirim (percobaan ke-${entry.attempts}: ${entry.error.split('\n')[0]})` : `belum terkirim (${entry.error.split('\n')[0]})`}; dicoba lagi pada penerbitan berikutnya.`;
    case 'intent':
      return `- ${name}: sedang dikirim.`;
    case 'uncertain':
      return `- ${name}: **belum pasti terkirim** (${entry.error?.split('\n')[0] ?? 'penerbitan sebelumnya terhenti saat mengirim'}). Periksa akun ${name}: bila kiriman sudah tampil, balas \`/tautan ${target} <alamat kiriman>\`; bila belum, balas \`/tautan ${target} ulang\`.`;
  }
}

/** The comment body (Markdown, Indonesian). */
export function renderLinkReport(items: readonly ReportedItem[], recipients: readonly Recipients[]): string {
  const to = recipients.map((r) => `${r.mentions.join(' ')} (${r.roleName})`).join(', ');
  const sections = items.map((item) => {
    const lines = [`**${item.title}**`, `- Situs: ${item.pageUrl}`];
    if (item.youtube && !item.record?.posts.youtube) lines.push(`- YouTube: ${item.youtube}`);
    for (const target of TARGETS) {
      const line = describeEntry(target, item.record);
      if (line) lines.push(line);
    }
    return lines.join('\n');
  });
  return [
    '### Tautan publikasi',
    '',
    to ? `Laporan tautan untuk ${to}.` : 'Laporan tautan hasil publikasi.',
    '',
    sections.join('\n\n'),
    '',
    '<sub>Diperbarui otomatis oleh Tayang setiap kali ada tautan baru. Tautan kiriman manual: balas `/tautan <platform> <alamat>` di PR ini (platform: whatsapp, youtube, instagram, facebook, x).</sub>',
  ].join('\n');
}

export type LinkCommand = { target: Target; action: 'link'; url: string; item?: string } | { target: Target; action: 'resend'; item?: string };

/**
 * `/tautan <platform> <url>` (a manual post's link, or a post confirmed after an interrupted
 * run) and `/tautan <platform> ulang` (it was not posted: send it again). An optional last word
 * names the item's folder or slug when the PR has several items.
 */
export function parseLinkCommands(body: string): { commands: LinkCommand[]; errors: string[] } {
  const commands: LinkCommand[] = [];
  const errors: string[] = [];
  for (const line of body.split('\n')) {
    const match = /^\s*\/tautan\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*$/.exec(line);
    if (!match) {
      if (/^\s*\/tautan\b/.test(line)) errors.push(`\`${line.trim()}\`: tulis \`/tautan <platform> <alamat>\`, misalnya \`/tautan whatsapp https://whatsapp.com/channel/…\`.`);
      continue;
    }
    const [, platform, value, item] = match;
    const target = platform!.toLowerCase().replace('satu-data', 'satu_data') as Target;
    if (!(TARGETS as readonly string[]).includes(target)) {
      errors.push(`platform "${platform}" tidak dikenal; pilih ${TARGETS.join(', ')}.`);
      continue;
    }
    if (value!.toLowerCase() === 'ulang') commands.push({ target, action: 'resend', item });
    else if (/^https:\/\/\S+$/.test(value!)) commands.push({ target, action: 'link', url: value!, item });
    else errors.push(`"${value}" bukan alamat https:// yang lengkap.`);
  }
  return { commands, errors };
}
