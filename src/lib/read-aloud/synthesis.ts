import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CONFIG_FILE } from '../config/load.ts';
import { BuildStoppedError } from '../errors/problem.ts';
import { espeakInput } from './espeak.ts';
import { formatDuration, RECORDING_SETTINGS, recordingDigest } from './recording.ts';

/**
 * The tools' edge of the recorded edition (recording.ts): eSpeak NG writes a WAV, LAME makes the
 * MP3, and both land in a cache folder kept between builds (CI keeps it with actions/cache), named
 * by the digest of the words, the settings and the tools' versions, so an unchanged item is never
 * synthesised again.
 */

const run = promisify(execFile);

export interface Recording {
  /** The MP3 in the cache. */
  file: string;
  bytes: number;
  seconds: number;
}

export interface Recorder {
  /** The tools' versions, which every recording depends on. */
  tools: string;
  /** The recording of `text` (recordingText), from the cache or made now (`label` names it in the build's log). */
  record(text: string, label: string): Promise<Recording>;
}

const INSTALL = 'pasang keduanya: `sudo apt-get install espeak-ng lame` (Debian/Ubuntu; alur kerja GitHub Actions situs ini sudah memasangnya bila `dengarkan.rekaman: true`), atau matikan rekaman dengan `dengarkan.rekaman: false`.';

async function versionOf(command: string): Promise<string | undefined> {
  try {
    return (await run(command, ['--version'])).stdout.split('\n')[0]!.trim();
  } catch {
    return undefined;
  }
}

/** Stops the build when a tool is missing: a site with the key on never goes out without its recordings. */
export async function openRecorder(cacheDir: string): Promise<Recorder> {
  const versions = { espeak: await versionOf('espeak-ng'), lame: await versionOf('lame') };
  const missing = [versions.espeak ? '' : 'espeak-ng', versions.lame ? '' : 'lame'].filter(Boolean);
  if (missing.length > 0) {
    throw new BuildStoppedError('Rekaman suara tidak bisa dibuat:', [
      { file: CONFIG_FILE, field: 'dengarkan.rekaman', message: `rekaman suara dinyalakan, tetapi ${missing.join(' dan ')} tidak terpasang di mesin ini.`, fix: INSTALL },
    ]);
  }
  const known = versions as { espeak: string; lame: string };
  await mkdir(cacheDir, { recursive: true });
  return {
    tools: `${known.espeak}\n${known.lame}`,
    async record(text, label) {
      const input = espeakInput(text);
      const base = join(cacheDir, recordingDigest(input, known));
      const cached = await readCached(base);
      if (cached) return cached;
      // Made inside the cache folder, so the finished file moves in whole (a rename on the same disk).
      const work = await mkdtemp(join(cacheDir, 'sedang-dibuat-'));
      try {
        const [txt, wav, mp3] = ['txt', 'wav', 'mp3'].map((ext) => join(work, `rekaman.${ext}`)) as [string, string, string];
        await writeFile(txt, input);
        await run('espeak-ng', [...RECORDING_SETTINGS.espeak, '-f', txt, '-w', wav]);
        await run('lame', [...RECORDING_SETTINGS.lame, wav, mp3]);
        const seconds = wavSeconds(await readFile(wav));
        await rename(mp3, `${base}.mp3`);
        // Written last: an MP3 without it (a build stopped halfway) is made again.
        await writeFile(`${base}.json`, JSON.stringify({ seconds }));
        console.log(`Rekaman suara dibuat: ${label} (${formatDuration(seconds)})`);
        return { file: `${base}.mp3`, bytes: (await stat(`${base}.mp3`)).size, seconds };
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  };
}

async function readCached(base: string): Promise<Recording | undefined> {
  try {
    const { seconds } = JSON.parse(await readFile(`${base}.json`, 'utf8')) as { seconds: number };
    return { file: `${base}.mp3`, bytes: (await stat(`${base}.mp3`)).size, seconds };
  } catch {
    return undefined;
  }
}

/** The length of a PCM WAV: its data chunk's bytes over the bytes a second (fmt chunk). */
function wavSeconds(wav: Buffer): number {
  let bytesPerSecond = 0;
  for (let offset = 12; offset + 8 <= wav.length; ) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') bytesPerSecond = wav.readUInt32LE(offset + 16);
    // eSpeak writing to a file fills in the sizes; a streamed WAV would say 0xFFFFFFFF, so take what is there.
    if (id === 'data' && bytesPerSecond > 0) return Math.min(size, wav.length - offset - 8) / bytesPerSecond;
    offset += 8 + size + (size % 2);
  }
  throw new Error('eSpeak NG wrote a WAV without its format or data chunk.');
}
