import { readFile } from 'node:fs/promises';
import { validateJson, type Validated } from '../errors/validate.ts';
import { SnapshotSchema, type Snapshot, type SnapshotInput } from './types.ts';

/**
 * Reads a saved snapshot (JSON of GitHub's REST responses, see `SnapshotSchema`). A malformed one
 * is reported as problems naming the field, never half-used: an unreadable snapshot must not be
 * mistaken for an approved PR.
 */
export function parseSnapshot(text: string, file: string): Validated<Snapshot> {
  return validateJson(
    SnapshotSchema,
    text,
    file,
    'Snapshot berisi tanggapan GitHub apa adanya dalam satu objek JSON: {"pull": …, "reviews": […], "commits": […], "files": […], "teams": {…}}.',
  );
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

/**
 * The PR as it stood at `at` (its merge): reviews submitted later did not exist yet, so approvals
 * given after a merge never count for it. Same second counts as before.
 */
export function snapshotAsAt<S extends Snapshot | SnapshotInput>(snapshot: S, at: string): S {
  const limit = Date.parse(at);
  return { ...snapshot, reviews: snapshot.reviews.filter((review) => !review.submitted_at || Date.parse(review.submitted_at) <= limit) };
}
