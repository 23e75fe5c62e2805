import type { Command } from 'commander';
import type { Snapshot } from '../../src/lib/approval/types.ts';
import type { RequestIssue } from '../../src/lib/content/request.ts';
import type { Config } from '../../src/lib/config/schema.ts';
import type { Problem } from '../../src/lib/errors/problem.ts';
import type { Validated } from '../../src/lib/errors/validate.ts';
import type { PullTarget } from '../../src/lib/github/approval.ts';
import type { GithubClient } from '../../src/lib/github/client.ts';
import type { WriteOutcome } from '../../src/lib/records/store.ts';
import { EXIT, exitWithProblems, openGithubRepository, runAction } from '../cli.ts';

interface RecordOptions {
  pr?: string;
  snapshot?: string;
  config: string;
}

export function register(program: Command): void {
  program
    .command('catat')
    .description(
      'Mencatat persetujuan PR yang sudah digabung (merge) ke records/persetujuan/<nomor-pr>.json: penulis, item yang terbit, dan setiap tahap SOP (pejabat, peran, waktu, lama kerja terhadap mutu baku). Catatan yang sudah ada tidak pernah ditimpa.\n' +
        'Tanpa --pr dan --snapshot: mencatat SETIAP PR yang digabung ke cabang utama sejak catatan terakhir (di GitHub), jadi run yang terlewat tidak menghilangkan catatan.\n' +
        'PR yang terbit lewat jalur serta-merta mendapat catatan kedua, records/persetujuan/<nomor-pr>-susulan.json, begitu tinjauan susulannya lengkap (setiap tahap biasa menyetujui, atau mengembalikan, sesudah merge), dengan tepat waktu atau terlambat terhadap batas tinjauan_susulan; ' +
        'tanpa --pr dan --snapshot, setiap PR serta-merta yang tinjauan susulannya belum tercatat dibaca lagi.\n' +
        'Keluar 0 bila tercatat (atau sudah tercatat), 1 bila catatan lama berbeda dan dipertahankan, 2 bila masukan tidak bisa dipakai.',
    )
    .option('--pr <nomor>', 'catat PR ini saja, dibaca dari GitHub (konfigurasi dari cabang dasarnya); butuh GITHUB_TOKEN dan GITHUB_REPOSITORY (GITHUB_API_URL untuk GitHub Enterprise Server)')
    .option('--snapshot <berkas>', 'JSON tanggapan REST GitHub dari PR yang sudah digabung: {"pull", "reviews", "commits", "files", "teams"}')
    .option('--config <berkas>', 'dengan --snapshot: konfigurasi kantor dari cabang dasar PR itu', 'tayang.config.yml')
    .action((options: RecordOptions) => runAction(() => runRecord(options)));
}

async function runRecord(options: RecordOptions): Promise<number> {
  if (options.pr === undefined && options.snapshot === undefined) return catchUp();
  const source = options.pr !== undefined ? await readOneFromGithub(options.pr) : await readFromFiles(options);
  if (!source.ok) exitWithProblems(source.problems);
  const outcome = await recordSource(source.value);
  if (!outcome.ok) exitWithProblems(outcome.problems);
  return outcome.value === 'kept' ? EXIT.findings : EXIT.ok;
}

type RecordOutcome = 'created' | 'unchanged' | 'kept' | 'no-items';

/** Writes the record of one merged PR (never replacing one), and says so in one line. */
async function recordSource(source: Source): Promise<Validated<RecordOutcome>> {
  const { changedItems, recordMergedPull } = await import('../../src/lib/records/record.ts');
  const { readItemTitles, recordFile, writeRecord } = await import('../../src/lib/records/store.ts');
  const { readWaivedFindings } = await import('../../src/lib/checks/personal-data.ts');
  const folders = changedItems(source.snapshot.files).map((item) => item.folder);
  const titles = await readItemTitles('.', folders);
  const waived = await readWaivedFindings('.', folders, source.config);
  const result = recordMergedPull({ ...source, titles, waived });
  if (!result.ok) return result;
  const record = result.value;
  const number = (source.snapshot.pull as { number?: number }).number;
  if (record === null) {
    process.stdout.write(`PR${number ? ` #${number}` : ' ini'} tidak mengubah item konten mana pun: tidak ada persetujuan terbit yang dicatat.\n`);
    return { ok: true, value: 'no-items' };
  }
  const file = recordFile('.', record.pr).replace(/^\.\//, '');
  const outcome = await writeRecord('.', record);
  const approval = record.state === 'approved' ? 'disetujui lengkap' : 'DIGABUNG TANPA PERSETUJUAN LENGKAP';
  const waivedCount = record.items.reduce((sum, item) => sum + (item.waived?.length ?? 0), 0);
  const items = `${record.items.length} item${waivedCount > 0 ? `, ${waivedCount} temuan dikecualikan lewat periksa.abaikan` : ''}`;
  switch (outcome) {
    case 'created':
      process.stdout.write(`Tercatat: ${file} (PR #${record.pr}, ${items}, ${approval}).\n`);
      break;
    case 'unchanged':
      process.stdout.write(`Sudah tercatat: ${file} (tidak berubah).\n`);
      break;
    case 'kept':
      process.stderr.write(
        `peringatan: ${file} sudah ada dan isinya berbeda dengan penilaian sekarang. Catatan yang ditulis saat merge dipertahankan; ` +
          'catatan persetujuan tidak pernah ditimpa. Bandingkan dengan `git log -p -- ' + file + '` bila perlu diperiksa.\n',
      );
  }
  const followUp = await recordFollowUpOf(source, record.pr);
  if (!followUp.ok) return followUp;
  return { ok: true, value: followUp.value === 'kept' ? 'kept' : outcome };
}

/**
 * The follow-up review of a PR published through the serta-merta lane, judged against the record
 * kept on disk (its `review_due`): written once it is in, reported as still open otherwise.
 */
async function recordFollowUpOf(source: Source, pr: number): Promise<Validated<WriteOutcome | 'none'>> {
  const { readFile } = await import('node:fs/promises');
  const { recordFollowUp } = await import('../../src/lib/records/follow-up.ts');
  const { ApprovalRecordSchema } = await import('../../src/lib/records/record.ts');
  const { followUpFile, recordFile, writeFollowUp } = await import('../../src/lib/records/store.ts');
  const { validateJson } = await import('../../src/lib/errors/validate.ts');
  const { formatDateTime } = await import('../../src/lib/site/dates.ts');
  const path = recordFile('.', pr);
  const stored = validateJson(ApprovalRecordSchema, await readFile(path, 'utf8'), path.replace(/^\.\//, ''));
  if (!stored.ok) return stored;
  const lanes = stored.value.fast_lane ?? [];
  if (lanes.length === 0) return { ok: true, value: 'none' };
  const followUp = recordFollowUp(source.config, source.snapshot, stored.value);
  const zone = source.config.kantor.zona_waktu;
  if (followUp === null) {
    const due = lanes.map((lane) => formatDateTime(new Date(lane.review_due), zone)).join('; ');
    process.stdout.write(`PR #${pr} terbit lewat jalur serta-merta: tinjauan susulan belum lengkap (batas ${due}).\n`);
    return { ok: true, value: 'none' };
  }
  const file = followUpFile('.', pr).replace(/^\.\//, '');
  const outcome = await writeFollowUp('.', followUp);
  const verdict = followUp.flows
    .map((flow) => (flow.state === 'changes_requested' ? 'DIKEMBALIKAN' : 'disetujui') + (flow.late ? ', TERLAMBAT' : ', tepat waktu'))
    .join('; ');
  if (outcome === 'created') process.stdout.write(`Tinjauan susulan tercatat: ${file} (PR #${pr}, ${verdict}, ${formatDateTime(new Date(followUp.reviewed_at), zone)}).\n`);
  else if (outcome === 'unchanged') process.stdout.write(`Tinjauan susulan sudah tercatat: ${file} (tidak berubah).\n`);
  else process.stderr.write(`peringatan: ${file} sudah ada dan isinya berbeda dengan penilaian sekarang; catatan yang sudah ditulis dipertahankan.\n`);
  return { ok: true, value: outcome };
}


/**
 * How far back a catch-up looks before the newest recorded merge: a PR merged just before it
 * whose record a dropped run never wrote is still found.
 */
const CATCH_UP_MARGIN_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Every merged PR since the last recorded one, oldest merge first (already recorded ones are
 * skipped), then every serta-merta PR whose follow-up review is not recorded yet: a review given
 * after the merge while no run was listening is found here.
 */
async function catchUp(): Promise<number> {
  const { client, owner, repo } = await openGithubRepository();
  const { readFollowUps, readRecords } = await import('../../src/lib/records/store.ts');
  const { readDefaultBranch } = await import('../../src/lib/github/client.ts');
  const [records, followUps] = await Promise.all([readRecords('.'), readFollowUps('.')]);
  if (!records.ok || !followUps.ok) exitWithProblems([...(records.ok ? [] : records.problems), ...(followUps.ok ? [] : followUps.problems)]);
  const followedUp = new Set(followUps.value.map((followUp) => followUp.pr));
  const awaiting = records.value.filter((record) => record.fast_lane && !followedUp.has(record.pr)).map((record) => ({ number: record.pr, merged_at: record.merged_at }));
  const recorded = new Set(records.value.map((record) => record.pr));
  const newest = Math.max(0, ...records.value.map((record) => Date.parse(record.merged_at)));
  const cutoff = newest === 0 ? 0 : newest - CATCH_UP_MARGIN_MS;
  const base = await readDefaultBranch(client, { owner, repo });
  const merged: { number: number; merged_at: string }[] = [];
  // Newest update first: a merged PR's updated_at is never before its merge, so once one was last
  // updated before the cutoff, every PR after it was merged before the cutoff too.
  for await (const { data: page } of client.paginate.iterator(client.rest.pulls.list, { owner, repo, state: 'closed', base, sort: 'updated', direction: 'desc', per_page: 100 })) {
    for (const pull of page) if (pull.merged_at && Date.parse(pull.merged_at) >= cutoff && !recorded.has(pull.number)) merged.push({ number: pull.number, merged_at: pull.merged_at });
    if (page.length > 0 && Date.parse(page.at(-1)!.updated_at) < cutoff) break;
  }
  merged.sort((a, b) => Date.parse(a.merged_at) - Date.parse(b.merged_at) || a.number - b.number);
  if (merged.length === 0) process.stdout.write('Tidak ada PR yang digabung sejak catatan terakhir yang belum tercatat.\n');
  if (merged.length === 0 && awaiting.length === 0) return EXIT.ok;
  // One PR that cannot be recorded (say, a broken config at its base) is reported and does not
  // hold back the records of the others; the run still ends with exit 2 so the admin sees it.
  let kept = false;
  const problems: Problem[] = [];
  for (const pull of [...merged, ...awaiting]) {
    const source = await readFromGithub(client, { owner, repo, pullNumber: pull.number });
    const outcome = source.ok ? await recordSource(source.value) : source;
    if (!outcome.ok) problems.push(...outcome.problems);
    else kept = outcome.value === 'kept' || kept;
  }
  if (problems.length > 0) exitWithProblems(problems);
  return kept ? EXIT.findings : EXIT.ok;
}

interface Source {
  config: Config;
  snapshot: Snapshot;
  /** The "Permintaan publikasi" issues the PR names (issues.get), for its drafting time. */
  requests: RequestIssue[];
  source: string;
}

async function readFromFiles(options: RecordOptions): Promise<Validated<Source>> {
  if (!options.snapshot) {
    exitWithProblems([{ file: 'tayang catat', message: 'tidak ada PR yang dicatat.', fix: 'berikan --pr NOMOR (di GitHub Actions) atau --snapshot BERKAS dengan --config BERKAS.' }]);
  }
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { loadSnapshotFile } = await import('../../src/lib/approval/snapshot.ts');
  const [config, snapshot] = await Promise.all([loadConfigFile(options.config), loadSnapshotFile(options.snapshot)]);
  if (!config.ok || !snapshot.ok) return { ok: false, problems: [...(config.ok ? [] : config.problems), ...(snapshot.ok ? [] : snapshot.problems)] };
  // A recorded PR may carry the request issues it names, as issues.get returned them: {"issues": [...]}.
  const { RequestIssueSchema } = await import('../../src/lib/content/request.ts');
  const { z } = await import('zod');
  const { validateData } = await import('../../src/lib/errors/validate.ts');
  const issues = validateData(z.array(RequestIssueSchema).default([]), (snapshot.value as { issues?: unknown }).issues, `${options.snapshot} (issues)`);
  if (!issues.ok) return issues;
  return { ok: true, value: { config: config.value, snapshot: snapshot.value, requests: issues.value, source: options.snapshot } };
}

async function readOneFromGithub(pr: string): Promise<Validated<Source>> {
  if (!/^[1-9]\d*$/.test(pr)) exitWithProblems([{ file: 'tayang catat', field: '--pr', message: `"${pr}" bukan nomor PR.`, fix: 'tulis nomornya saja, misalnya --pr 12.' }]);
  const { client, owner, repo } = await openGithubRepository();
  return readFromGithub(client, { owner, repo, pullNumber: Number(pr) });
}

/** The same reading as `tayang persetujuan --pr`: every page of the PR, the BASE branch's config, its teams. */
async function readFromGithub(client: GithubClient, target: PullTarget): Promise<Validated<Source>> {
  const { fetchPullSnapshot, fetchTeams, readBaseConfig, teamsNamedIn } = await import('../../src/lib/github/approval.ts');
  const { SnapshotSchema } = await import('../../src/lib/approval/types.ts');
  const { validateData } = await import('../../src/lib/errors/validate.ts');
  const read = await fetchPullSnapshot(client, target);
  const config = await readBaseConfig(client, target, read.base);
  if (!config.ok) return config;
  const warnings: string[] = [];
  read.snapshot.teams = await fetchTeams(client, teamsNamedIn(config.value), warnings);
  for (const warning of warnings) process.stderr.write(`peringatan: ${warning}\n`);
  const source = `GitHub API (PR #${target.pullNumber})`;
  const snapshot = validateData(SnapshotSchema, read.snapshot, source);
  if (!snapshot.ok) return snapshot;
  return { ok: true, value: { config: config.value, snapshot: snapshot.value, requests: await readRequests(client, target, snapshot.value), source } };
}

/** The issues the PR's description names ("Menutup #12"); one that cannot be read is left out with a warning. */
async function readRequests(client: GithubClient, { owner, repo, pullNumber }: PullTarget, snapshot: Snapshot): Promise<RequestIssue[]> {
  const { linkedIssues } = await import('../../src/lib/publish/report.ts');
  const { RequestIssueSchema } = await import('../../src/lib/content/request.ts');
  const requests: RequestIssue[] = [];
  for (const number of linkedIssues((snapshot.pull as { body?: string | null }).body)) {
    try {
      const { data } = await client.rest.issues.get({ owner, repo, issue_number: number });
      const issue = RequestIssueSchema.safeParse(data);
      if (issue.success) requests.push(issue.data);
    } catch (error) {
      process.stderr.write(`peringatan: issue #${number} yang disebut PR #${pullNumber} tidak terbaca (${(error as Error).message}); lama penyusunannya tidak dicatat.\n`);
    }
  }
  return requests;
}
