import type { Command } from 'commander';
import { EXIT, exitWithProblems, runAction } from '../cli.ts';

interface ReportOptions {
  berubah?: string | true;
  antrean?: boolean;
  pr?: string;
}

export function register(program: Command): void {
  const command = program
    .command('tautan')
    .description('Laporan tautan hasil publikasi: halaman situs dan setiap kiriman media sosial, untuk pejabat penerima laporan.');
  command
    .command('lapor')
    .description('Menulis (atau memperbarui) komentar laporan tautan di PR yang menerbitkan item dan di issue permintaannya.')
    .argument('[item...]', 'folder item, misalnya content/berita/musrenbang-2026')
    .option('--berubah [ref]', 'item yang berubah sejak REF')
    .option('--antrean', 'item yang kirimannya belum tuntas atau terjadwal dan sudah waktunya')
    .option('--pr <nomor>', 'nomor PR (bawaan: dicari dari pesan commit penggabungan item)')
    .action((items: string[], options: ReportOptions) => runAction(() => runReport(items, options)));
  command
    .command('catat')
    .description('Mencatat perintah `/tautan <platform> <alamat>` atau `/tautan <platform> ulang` dari komentar PR (event issue_comment).')
    .action(() => runAction(runRecord));
}

async function githubContext(pullNumber: number) {
  const { readActionsContext, makeGithubClient } = await import('../../src/lib/github/client.ts');
  const context = await readActionsContext(process.env, pullNumber);
  if (!context.ok) return exitWithProblems(context.problems);
  return { ...context.value, client: makeGithubClient({ token: context.value.token, baseUrl: context.value.baseUrl }) };
}

async function runReport(paths: string[], options: ReportOptions): Promise<number> {
  const { loadPublishContext } = await import('../../src/lib/publish/context.ts');
  const { pullOfItem, sendLinkReport } = await import('../../src/lib/publish/link-report.ts');
  const now = new Date();
  const context = await loadPublishContext(paths, options, now, process.env);
  const explicit = options.pr === undefined ? undefined : Number(options.pr);
  if (explicit !== undefined && !(Number.isInteger(explicit) && explicit > 0)) {
    exitWithProblems([{ file: 'tayang tautan lapor', field: '--pr', message: `"${options.pr}" bukan nomor PR.`, fix: 'tulis angka, misalnya --pr 12.' }]);
  }
  const pulls = new Set<number>();
  for (const item of context.items) {
    const number = explicit ?? (await pullOfItem(item.dir));
    if (number === undefined) process.stderr.write(`${item.dir}: PR penerbitnya tidak ditemukan dari riwayat Git; laporan tautan untuk item ini dilewati.\n`);
    else pulls.add(number);
  }
  for (const pullNumber of pulls) {
    const { client, owner, repo } = await githubContext(pullNumber);
    const results = await sendLinkReport(client, { owner, repo, pullNumber }, { config: context.config, ledger: context.ledger, base: context.base, now, root: '.' });
    for (const result of results) process.stdout.write(`Laporan tautan ${result.action === 'unchanged' ? 'tetap' : result.action === 'created' ? 'ditulis' : 'diperbarui'}: ${result.url}\n`);
  }
  return EXIT.ok;
}

async function runRecord(): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) exitWithProblems([{ file: 'lingkungan (variabel env)', field: 'GITHUB_EVENT_PATH', message: 'berkas event tidak ada.', fix: 'jalankan dari workflow dengan pemicu issue_comment.' }]);
  const event = JSON.parse(await readFile(path, 'utf8')) as import('../../src/lib/publish/link-report.ts').CommentEvent;
  if (!event?.issue?.number || typeof event?.comment?.body !== 'string') {
    exitWithProblems([{ file: path, message: 'event ini bukan komentar (issue_comment).', fix: 'jalankan `tayang tautan catat` hanya dari pemicu issue_comment.' }]);
  }
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { readLedger } = await import('../../src/lib/publish/ledger.ts');
  const { recordLinkCommands } = await import('../../src/lib/publish/link-report.ts');
  const config = await loadConfigFile();
  if (!config.ok) exitWithProblems(config.problems);
  const { client, owner, repo } = await githubContext(event.issue.number);
  const result = await recordLinkCommands(client, { owner, repo }, event, { config: config.value, ledger: await readLedger('.'), base: process.env.TAYANG_BASE || '/', now: new Date(), root: '.' });
  for (const folder of result.changed) process.stdout.write(`Tautan dicatat untuk ${folder}.\n`);
  if (result.errors.length > 0) {
    const body = `@${event.comment.user.login}, perintah /tautan belum bisa dicatat:\n\n${result.errors.map((e) => `- ${e}`).join('\n')}`;
    await client.rest.issues.createComment({ owner, repo, issue_number: event.issue.number, body });
    process.stderr.write(`${result.errors.join('\n')}\n`);
  }
  return EXIT.ok;
}
