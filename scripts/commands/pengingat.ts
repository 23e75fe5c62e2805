import type { Command } from 'commander';
import type { Problem } from '../../src/lib/errors/problem.ts';
import type { ReminderRun, SentNotice } from '../../src/lib/github/reminders.ts';
import { mentionedAccounts } from '../../src/lib/reminders/plan.ts';
import { EXIT, exitWithProblems, officeTime, openGithubRepository, parseNowOption, runAction } from '../cli.ts';

interface ReminderOptions {
  config: string;
  sekarang?: string;
  kering?: boolean;
  format: string;
}

const FORMATS = ['teks', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function register(program: Command): void {
  program
    .command('pengingat')
    .description(
      'Mengirim pengingat menurut mutu baku SOP, masing-masing sekali: komentar kepada pejabat tahap yang sudah melewati mutu bakunya (waktu kerja kantor), ' +
        'eskalasi kepada peran `eskalasi` setelah dua kali mutu baku, issue tinjauan SOP bila sop.tinjauan_berikutnya sudah lewat, dan issue untuk informasi berkala yang bertanggal lebih dari enam bulan.\n' +
        'Yang sudah dikirim dikenali dari penanda tersembunyi di komentar dan issue GitHub, jadi menjalankannya berulang kali (misalnya tiap jam) tidak mengirim apa pun dua kali.\n' +
        'Butuh GITHUB_TOKEN dan GITHUB_REPOSITORY (GITHUB_API_URL untuk GitHub Enterprise Server). Keluar 0 bila selesai, 2 bila masukan tidak bisa dipakai.',
    )
    .option('--config <berkas>', 'konfigurasi kantor dari cabang utama', 'tayang.config.yml')
    .option('--kering', 'tampilkan yang akan dikirim tanpa mengirim apa pun')
    .option('--sekarang <waktu>', 'waktu pemeriksaan, ISO 8601 (bawaan: saat ini; tanpa zona: waktu kantor)')
    .option('--format <format>', 'teks atau json', 'teks')
    .action((options: ReminderOptions) => runAction(() => runReminderCommand(options)));
}

async function runReminderCommand(options: ReminderOptions): Promise<number> {
  const format = parseFormat(options.format);
  const clock = parseNowOption(options.sekarang, 'pengingat');
  const { loadConfigFile } = await import('../../src/lib/config/load.ts');
  const { loadItems } = await import('../../src/lib/content/load.ts');
  const { runReminders } = await import('../../src/lib/github/reminders.ts');
  const config = await loadConfigFile(options.config);
  if (!config.ok) exitWithProblems(config.problems);
  const zone = config.value.kantor.zona_waktu;
  const now = 'local' in clock ? await officeTime(clock.local, zone) : clock.at;
  const { client, owner, repo } = await openGithubRepository();
  // Published items only: a scheduled one is not yet information the public holds.
  const { items } = await loadItems(undefined, { now, zone, pictureLimit: config.value.periksa.batas_piksel_gambar });
  const periodic = items.filter((item) => item.data.klasifikasi === 'berkala').map((item) => ({ folder: item.dir, judul: item.data.judul, tanggal: item.data.tanggal }));
  const run = await runReminders(client, { owner, repo }, { config: config.value, periodic, now, dryRun: options.kering === true });
  for (const warning of run.warnings) process.stderr.write(`peringatan: ${warning}\n`);
  process.stdout.write(format === 'json' ? `${JSON.stringify(renderJson(run, now, options.kering === true), null, 2)}\n` : renderText(run, options.kering === true));
  return EXIT.ok;
}

/** `--format json`: one entry per comment or issue, sent (with its `url`) or, dry, planned. */
function renderJson(run: ReminderRun, now: Date, dryRun: boolean): object {
  return {
    evaluated_at: now.toISOString(),
    dry_run: dryRun,
    pulls: run.pulls,
    notices: run.notices.map((sent) => {
      const url = sent.url ? { url: sent.url } : {};
      if ('notice' in sent) {
        const n = sent.notice;
        return {
          kind: n.kind,
          pr: n.pr,
          flow: n.flow,
          stage: n.stage,
          waiting_since: n.waiting_since,
          elapsed_minutes: n.elapsed_minutes,
          standard_minutes: n.standard_minutes,
          mentions: mentionedAccounts(n),
          includes_reminder: n.with_reminder,
          ...url,
        };
      }
      return { kind: sent.kind, title: sent.title, ...(sent.items ? { items: sent.items.map((item) => item.folder) } : {}), ...url };
    }),
    warnings: run.warnings,
  };
}

function renderText(run: ReminderRun, dryRun: boolean): string {
  const verb = dryRun ? 'akan dikirim' : 'dikirim';
  const lines = run.notices.map((sent) => `- ${describe(sent)} — ${verb}${sent.url ? `: ${sent.url}` : ''}`);
  const head = run.notices.length === 0 ? `Tidak ada pengingat yang perlu dikirim (${run.pulls} PR terbuka diperiksa).` : `${run.notices.length} pengingat ${verb} (${run.pulls} PR terbuka diperiksa)${dryRun ? ' — uji kering, tidak ada yang dikirim' : ''}:`;
  return `${[head, ...lines].join('\n')}\n`;
}

function describe(sent: SentNotice): string {
  if ('notice' in sent) {
    const n = sent.notice;
    return `${n.kind === 'eskalasi' ? 'Eskalasi' : 'Pengingat'} PR #${n.pr}, tahap ${n.stage_name}, kepada ${mentionedAccounts(n).map((a) => `@${a}`).join(', ') || n.roles.join(' / ')}`;
  }
  return `Issue "${sent.title}"`;
}

function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  return exitWithProblems([optionProblem('--format', `format "${value}" tidak dikenal.`, 'pilih teks atau json.')]);
}

function optionProblem(option: string, message: string, fix: string): Problem {
  return { file: 'tayang pengingat', field: option, message, fix };
}
