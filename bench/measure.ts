/**
 * Runs a command under GNU time and reads back wall time and peak memory. Only the benchmarks
 * measure time; tests never do.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  /** Wall-clock seconds: what a person or a CI job waits. */
  seconds: number;
  /** User + system CPU seconds of the command and its children: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** Peak resident memory of the largest process in the run (GNU time's %M), in MB. */
  peakRssMb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The project's node_modules/.bin first on PATH, as npm scripts do: its pinned Node 24 runs. */
export function projectEnv(repoRoot: string): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };
}

export async function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measurement> {
  const scratch = await mkdtemp(join(tmpdir(), 'tayang-bench-time-'));
  const report = join(scratch, 'time.txt');
  const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', report, command, ...args], { cwd: options.cwd, env: options.env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  // With a failing command GNU time writes "Command exited with non-zero status N" first.
  const lines = (await readFile(report, 'utf8')).trim().split('\n');
  const [seconds, rssKb, user, system] = lines.at(-1)!.split(' ').map(Number);
  await rm(scratch, { recursive: true, force: true });
  return { seconds: seconds!, cpuSeconds: Math.round((user! + system!) * 100) / 100, peakRssMb: Math.round(rssKb! / 1024), exitCode, stdout, stderr };
}

/** Bytes of every file under a folder. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** HTML files under a folder: the pages a static build wrote. */
export async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}
