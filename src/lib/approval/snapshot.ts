import { readFile } from 'node:fs/promises';
import type { Problem } from '../errors/problem.ts';
import { issueToProblem, type Validated } from '../errors/validate.ts';
import { SnapshotSchema, type Snapshot } from './types.ts';

/**
 * Reads a saved snapshot (JSON of GitHub's REST responses, see `SnapshotSchema`). A malformed one
 * is reported as problems naming the field, never half-used: an unreadable snapshot must not be
 * mistaken for an approved PR.
 */
export function parseSnapshot(text: string, file: string): Validated<Snapshot> {
  let data: unknown;
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const problem: Problem = {
      file,
      message: `bukan JSON yang sah (${(error as Error).message}).`,
      fix: 'simpan tanggapan GitHub apa adanya dalam satu objek JSON: {"pull": …, "reviews": […], "commits": […], "files": […], "teams": {…}}.',
    };
    return { ok: false, problems: [problem] };
  }
  // reportInput: the messages name the wrong value ("harus teks, bukan 42"), not "tidak ada".
  const result = SnapshotSchema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => issueToProblem(issue, file)) };
}

export async function loadSnapshotFile(file: string): Promise<Validated<Snapshot>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      problems: [{ file, message: missing ? 'berkas snapshot tidak ditemukan.' : `berkas snapshot tidak bisa dibaca (${(error as Error).message}).`, fix: 'periksa path yang diberikan ke --snapshot.' }],
    };
  }
  return parseSnapshot(text, file);
}
