import { createHash } from 'node:crypto';
import { bodyParagraphs } from '../braille/item-text.ts';
import { normalizeSpeech } from './normalize.ts';

/**
 * The recorded edition of "Dengarkan" (`dengarkan.rekaman` in tayang.config.yml): every text
 * item said by eSpeak NG's Indonesian voice and served as an MP3 beside its page, for browsers
 * without an Indonesian voice (desktop Linux). It says what the button says, the title, the
 * summary and the body (the body's paragraphs from its Markdown tree, as the braille edition
 * reads them), after the speech normaliser. This file is the plain part; the tools run in
 * synthesis.ts.
 */

/** Beside the page: `/<jenis>/<slug>/dengarkan.mp3` (not an attachment type, so never an item's own file). */
export const RECORDING_FILE = 'dengarkan.mp3';

/**
 * eSpeak NG's Indonesian voice at its own pace; MP3 at 32 kbit/s mono (speech at eSpeak's 22 kHz,
 * played by every browser; Opus is a fifth smaller but takes 4.5 times as long to encode, bench/README.md).
 */
export const RECORDING_SETTINGS = { espeak: ['-v', 'id'], lame: ['-b', '32', '-m', 'm', '--quiet'] } as const;

/** The words of the recording, one paragraph a line, each ending in a stop so eSpeak pauses after a heading too. */
export function recordingText(item: { judul: string; ringkasan: string; body: string }): string {
  return [item.judul, item.ringkasan, ...bodyParagraphs(item.body)]
    .map(normalizeSpeech)
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => (/[.!?…:;]["'”’)\]]*$/u.test(paragraph) ? paragraph : `${paragraph}.`))
    .join('\n');
}

/** The cache's name for a recording: it changes when eSpeak's input (espeak.ts), the settings or a tool's version do. */
export function recordingDigest(text: string, versions: { espeak: string; lame: string }): string {
  return createHash('sha256').update(JSON.stringify({ text, settings: RECORDING_SETTINGS, versions })).digest('hex');
}

/** "1 menit 20 detik", "45 detik". */
export function formatDuration(seconds: number): string {
  const total = Math.max(1, Math.round(seconds));
  const [minutes, rest] = [Math.floor(total / 60), total % 60];
  return [minutes > 0 ? `${minutes} menit` : '', rest > 0 ? `${rest} detik` : ''].filter(Boolean).join(' ');
}
