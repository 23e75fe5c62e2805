import { changedItemDirs } from '../checks/selection.ts';
import type { Config } from '../config/schema.ts';
import { readItem } from '../content/load.ts';
import type { GithubClient } from '../github/client.ts';
import { upsertComment, type CommentResult } from '../github/comments.ts';
import { itemUrl } from '../social/kit.ts';
import { writeItemLedger, type ItemLedger, type Ledger } from './ledger.ts';
import { LINK_REPORT_MARKER, linkedIssues, parseLinkCommands, renderLinkReport, reportRecipients, type LinkCommand, type ReportedItem } from './report.ts';

export interface PullRef {
  owner: string;
  repo: string;
  pullNumber: number;
}

export interface ReportContext {
  config: Config;
  ledger: Ledger;
  /** Astro's base path. */
  base: string;
  now: Date;
  /** Repository root, where item folders are read. */
  root: string;
}

/** The item folders a PR changed (still present: a deleted item has no links). */
async function itemsOfPull(client: GithubClient, ref: PullRef): Promise<string[]> {
  const files = await client.paginate(client.rest.pulls.listFiles, { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: 100 });
  return changedItemDirs(files.filter((file) => file.status !== 'removed').map((file) => file.filename));
}

async function reportedItems(folders: readonly string[], context: ReportContext): Promise<ReportedItem[]> {
  const items: ReportedItem[] = [];
  for (const folder of folders) {
    const { item } = await readItem(`${context.root}/${folder}`.replace(/^\.\//, ''));
    if (!item) continue;
    items.push({
      item: folder,
      file: `${folder}/${item.file.split('/').at(-1)}`,
      title: item.data.judul,
      pageUrl: itemUrl(context.config.kantor.situs, context.base, item),
      record: context.ledger.get(folder),
      youtube: item.jenis === 'video' && item.data.youtube ? `https://www.youtube.com/watch?v=${item.data.youtube}` : undefined,
    });
  }
  return items;
}

/**
 * One link-report comment on the PR and on each request issue it names ("Menutup #N",
 * "Permintaan #N"), edited in place on every later run.
 */
export async function sendLinkReport(client: GithubClient, ref: PullRef, context: ReportContext): Promise<CommentResult[]> {
  const { data: pull } = await client.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber });
  const items = await reportedItems(await itemsOfPull(client, ref), context);
  if (items.length === 0) return [];
  const body = renderLinkReport(items, reportRecipients(context.config, items.map((i) => i.file), context.now));
  const results: CommentResult[] = [];
  for (const issueNumber of [ref.pullNumber, ...linkedIssues(pull.body)]) {
    results.push(await upsertComment(client, { owner: ref.owner, repo: ref.repo, issueNumber, marker: LINK_REPORT_MARKER, body }));
  }
  return results;
}

/** Who may report links: people with write access (GitHub's author_association). */
const TRUSTED = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export interface CommentEvent {
  issue: { number: number; pull_request?: unknown };
  comment: { body: string; user: { login: string }; author_association: string };
}

/** Applies one command to an item's record; returns why it cannot, in Indonesian. */
export function applyLinkCommand(record: ItemLedger, command: LinkCommand, by: string, now: Date): string | undefined {
  const entry = record.posts[command.target];
  if (command.action === 'link') {
    record.posts[command.target] = { state: 'posted', hash: entry?.hash ?? '', url: command.url, at: now.toISOString(), by };
    return undefined;
  }
  if (entry?.state === 'uncertain' || entry?.state === 'failed') {
    // Recorded as owed, not deleted: the hourly run (--antrean) picks up only what the ledger owes.
    record.posts[command.target] = { state: 'failed', hash: entry.hash, error: `belum tampil di platform menurut @${by}; dikirim lagi`, at: now.toISOString(), attempts: entry.attempts };
    return undefined;
  }
  return entry?.state === 'posted'
    ? `kiriman ${command.target} untuk ${record.item} sudah tercatat terkirim (${entry.url}); tidak dikirim ulang.`
    : `kiriman ${command.target} untuk ${record.item} tidak sedang menunggu pemeriksaan, jadi "ulang" tidak berlaku.`;
}

/**
 * Handles `/tautan …` in a PR comment: records the links (or the resend) in the ledger, then
 * refreshes the link report. Returns the problems to answer the commenter with.
 */
export async function recordLinkCommands(client: GithubClient, repo: Omit<PullRef, 'pullNumber'>, event: CommentEvent, context: ReportContext): Promise<{ changed: string[]; errors: string[] }> {
  const { commands, errors } = parseLinkCommands(event.comment.body);
  if (commands.length === 0 && errors.length === 0) return { changed: [], errors: [] };
  if (!event.issue.pull_request) return { changed: [], errors: ['perintah /tautan ditulis di PR yang menerbitkan itemnya, bukan di issue.'] };
  if (!TRUSTED.has(event.comment.author_association)) return { changed: [], errors: [`@${event.comment.user.login} belum punya akses tulis ke repositori ini, jadi tautannya tidak dicatat.`] };
  const ref = { ...repo, pullNumber: event.issue.number };
  const folders = await itemsOfPull(client, ref);
  const changed = new Set<string>();
  for (const command of commands) {
    const matches = command.item ? folders.filter((f) => f === command.item || f.endsWith(`/${command.item}`)) : folders;
    if (matches.length !== 1) {
      errors.push(
        matches.length === 0
          ? `item "${command.item ?? ''}" tidak ada di PR ini. Item di PR ini: ${folders.join(', ') || '(tidak ada)'}.`
          : `PR ini berisi beberapa item; sebutkan itemnya di akhir perintah, misalnya \`/tautan ${command.target} <alamat> ${folders[0]!.split('/').at(-1)}\`.`,
      );
      continue;
    }
    const folder = matches[0]!;
    let record = context.ledger.get(folder);
    if (!record) context.ledger.set(folder, (record = { item: folder, posts: {} }));
    const refused = applyLinkCommand(record, command, event.comment.user.login, context.now);
    if (refused) errors.push(refused);
    else changed.add(folder);
  }
  for (const folder of changed) await writeItemLedger(context.root, context.ledger.get(folder)!);
  if (changed.size > 0) await sendLinkReport(client, ref, context);
  return { changed: [...changed], errors };
}

/**
 * The PR an item was published by: the newest first-parent commit on main that touched its
 * folder is the merge (or squash) commit, whose message names the PR. Used by the hourly run,
 * where no PR is in the event.
 */
export async function pullOfItem(folder: string, cwd = '.'): Promise<number | undefined> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { pullNumberOfCommitMessage } = await import('./report.ts');
  let log: string;
  try {
    ({ stdout: log } = await promisify(execFile)('git', ['log', '--first-parent', '-n', '20', '--format=%B%x00', '--', folder], { cwd }));
  } catch {
    return undefined;
  }
  for (const message of log.split('\0')) {
    const number = pullNumberOfCommitMessage(message.trim());
    if (number !== undefined) return number;
  }
  return undefined;
}
