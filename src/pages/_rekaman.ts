/**
 * The pages' edge to the recorded edition of "Dengarkan" (src/lib/read-aloud/recording.ts): when
 * `dengarkan.rekaman` is on, each text item's MP3, made once per build (or taken from the cache)
 * and shared by the item's page (which shows its length and size) and its endpoint.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { isTextType } from '../lib/content/types.ts';
import { formatDuration, RECORDING_FILE, recordingText } from '../lib/read-aloud/recording.ts';
import { openRecorder, type Recorder, type Recording } from '../lib/read-aloud/synthesis.ts';
import { formatFileSize } from '../lib/site/files.ts';
import { siteConfig } from '../lib/site/office.ts';
import { ASTRO_CACHE_DIR, pathOf, type Entry } from './_content.ts';

const CACHE_DIR = join(ASTRO_CACHE_DIR, 'tayang-rekaman');

let recorder: Promise<Recorder> | undefined;
const recordings = new Map<string, Promise<Recording>>();

function openedRecorder(): Promise<Recorder> {
  recorder ??= openRecorder(CACHE_DIR);
  return recorder;
}

/**
 * What an item's recording depends on beyond the item and the program: the tools' versions when
 * the office makes recordings, for the cache keys of the pages that show them.
 */
export async function recordingTools(): Promise<string | undefined> {
  return (await siteConfig()).dengarkan.rekaman ? (await openedRecorder()).tools : undefined;
}

async function recordingOf(entry: Entry): Promise<Recording | undefined> {
  if (!isTextType(entry.collection) || !(await siteConfig()).dengarkan.rekaman) return undefined;
  const key = `${entry.collection}/${entry.id}`;
  if (!recordings.has(key)) {
    const text = recordingText({ judul: entry.data.judul, ringkasan: entry.data.ringkasan, body: entry.body ?? '' });
    recordings.set(key, openedRecorder().then((made) => made.record(text, `${pathOf(entry)}${RECORDING_FILE}`)));
  }
  return recordings.get(key);
}

export const serveRecording: APIRoute = async ({ props }) => {
  const recording = (await recordingOf((props as { entry: Entry }).entry))!;
  return new Response(await readFile(recording.file), { headers: { 'Content-Type': 'audio/mpeg' } });
};

export interface RecordingLink {
  /** Path below the site's base: `/berita/musrenbang-2026/dengarkan.mp3`. */
  path: string;
  /** "1 menit 20 detik" */
  duration: string;
  /** "310 KB" */
  size: string;
}

/** The item's recording for its page, or undefined when the office makes none or the type has none. */
export async function recordingLink(entry: Entry): Promise<RecordingLink | undefined> {
  const recording = await recordingOf(entry);
  if (!recording) return undefined;
  return { path: `${pathOf(entry)}${RECORDING_FILE}`, duration: formatDuration(recording.seconds), size: formatFileSize(recording.bytes) };
}
