import { Command, Help } from 'commander';
import { formatProblems, ProblemsError, type Problem } from '../src/lib/errors/problem.ts';

/** Exit codes shared by every command: 0 fine, 1 findings / not (yet) approved, 2 unusable input. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

const TITLES: Record<string, string> = {
  'Usage:': 'Penggunaan:',
  'Options:': 'Pilihan:',
  'Commands:': 'Perintah:',
  'Arguments:': 'Argumen:',
  'Global Options:': 'Pilihan umum:',
};

/** A command whose help, errors and defaults speak Indonesian. */
export function makeCommand(name?: string): Command {
  const command = new Command(name);
  command
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      styleUsage: translateUsage,
      styleSubcommandTerm: translateUsage,
      styleOptionDescription: translateExtraInfo,
      styleArgumentDescription: translateExtraInfo,
    } as Partial<Help>)
    .helpOption('-h, --help', 'tampilkan bantuan perintah ini')
    .helpCommand('help [perintah]', 'tampilkan bantuan sebuah perintah')
    .showHelpAfterError('(jalankan dengan --help untuk melihat cara pakainya)')
    .configureOutput({
      outputError: (text, write) => write(translateCommanderError(text)),
    })
    // A malformed command line is unusable input (exit 2); help and version are not errors.
    .exitOverride((error) => {
      process.exit(['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code) ? EXIT.ok : EXIT.unusable);
    });
  return command;
}

function translateUsage(usage: string): string {
  return usage.replace('[options]', '[pilihan]').replace('[command]', '[perintah]');
}

/** Commander appends "(default: x, choices: …)" in English to option descriptions. */
function translateExtraInfo(description: string): string {
  return description.replace(/\((default|choices|preset|env): /g, (_, word: string) => `(${EXTRA_INFO[word]}: `).replace(/, (default|choices|preset|env): /g, (_, word: string) => `, ${EXTRA_INFO[word]}: `);
}

const EXTRA_INFO: Record<string, string> = { default: 'bawaan', choices: 'pilihan', preset: 'nilai tanpa argumen', env: 'variabel lingkungan' };

/** Commander's own parse errors, in Indonesian. */
function translateCommanderError(text: string): string {
  return text
    .replace(/error: unknown option '(.+?)'/, "galat: pilihan '$1' tidak dikenal")
    .replace(/error: unknown command '(.+?)'/, "galat: perintah '$1' tidak dikenal")
    .replace(/error: missing required argument '(.+?)'/, "galat: argumen '$1' wajib diisi")
    .replace(/error: option '(.+?)' argument missing/, "galat: pilihan '$1' perlu nilai")
    .replace(/error: too many arguments.*/, 'galat: terlalu banyak argumen')
    .replace(/\(Did you mean (.+?)\?\)/, '(Maksud Anda $1?)');
}

/** Prints problems and ends the run with exit 2 (unusable input), never with a stack trace. */
export function exitWithProblems(problems: readonly Problem[]): never {
  process.stderr.write(`${formatProblems(problems)}\n`);
  process.exit(EXIT.unusable);
}

/** Runs a command's body; a ProblemsError becomes a clear message, anything else a short one. */
/**
 * The repository GitHub Actions names (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL) and a
 * client for it; stops with the Indonesian problems (exit 2) when they are missing.
 */
export async function openGithubRepository() {
  const { makeGithubClient, readRepositoryContext } = await import('../src/lib/github/client.ts');
  const context = readRepositoryContext(process.env);
  if (!context.ok) exitWithProblems(context.problems);
  const { token, baseUrl, owner, repo } = context.value;
  return { client: makeGithubClient({ token, baseUrl }), owner, repo };
}

export async function runAction(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof ProblemsError) exitWithProblems(error.problems);
    process.stderr.write(`galat tak terduga: ${(error as Error).message}\n`);
    if (process.env.TAYANG_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(EXIT.unusable);
  }
}

/**
 * `--sekarang`: an ISO 8601 time. Without an offset it is the office's wall clock, resolved once the
 * config (and so the office's time zone) is known; never the zone of the machine that runs it.
 */
export function parseNowOption(value: string | undefined, command: string): { at: Date } | { local: string } {
  if (value === undefined) return { at: new Date() };
  const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (match && !Number.isNaN(Date.parse(match[3] ? value : `${value}Z`))) return match[3] ? { at: new Date(value) } : { local: value };
  return exitWithProblems([{ file: command, field: '--sekarang', message: `"${value}" bukan waktu ISO 8601.`, fix: 'tulis misalnya 2025-03-10T09:00:00+07:00.' }]);
}

export async function officeTime(local: string, zone: string): Promise<Date> {
  const { DateTime } = await import('luxon');
  return DateTime.fromISO(local, { zone }).toJSDate();
}
