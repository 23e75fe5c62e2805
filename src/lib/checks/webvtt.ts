/**
 * Just enough of the WebVTT format (https://www.w3.org/TR/webvtt1/) to tell whether a captions
 * file will play: the `WEBVTT` signature, header lines, and cues with well-formed timings.
 */
export interface WebVttReport {
  /** Indonesian descriptions of what is broken, with the line; empty when the file is valid. */
  errors: string[];
  /** The `Language:` header value, when there is one. */
  language?: string;
  cues: number;
  /** The cue text, for telling which language it is in. */
  text: string;
  /** Each cue's text as the player shows it (no tags), with the file line where it starts. */
  cueTexts: { line: number; text: string }[];
}

const TAG = /<[^>]*>/g;
const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

export function parseWebVtt(source: string): WebVttReport {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors: string[] = [];
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    return { errors: ['baris pertama harus "WEBVTT".'], cues: 0, text: '', cueTexts: [] };
  }
  let i = 1;
  let language: string | undefined;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const header = /^Language:\s*(\S+)/i.exec(lines[i]!);
    if (header) language = header[1];
  }
  let cues = 0;
  const text: string[] = [];
  const cueTexts: WebVttReport['cueTexts'] = [];
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const block: { line: number; text: string }[] = [];
    for (; i < lines.length && lines[i]!.trim() !== ''; i++) block.push({ line: i + 1, text: lines[i]! });
    const head = block[0]!.text;
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(head)) continue;
    const timingIndex = head.includes('-->') ? 0 : 1;
    const timing = block[timingIndex];
    if (!timing || !timing.text.includes('-->')) {
      errors.push(`baris ${block[0]!.line}: blok tanpa waktu "00:00:01.000 --> 00:00:04.000".`);
      continue;
    }
    const [startText = '', rest = ''] = timing.text.split('-->');
    const start = toSeconds(startText.trim());
    const end = toSeconds(rest.trim().split(/\s+/)[0] ?? '');
    if (start === undefined || end === undefined) {
      errors.push(`baris ${timing.line}: waktu "${timing.text.trim()}" tidak sah; tulis seperti 00:01:02.500 --> 00:01:05.000.`);
      continue;
    }
    if (end <= start) errors.push(`baris ${timing.line}: waktu selesai harus sesudah waktu mulai.`);
    const cueText = block.slice(timingIndex + 1).map((l) => l.text);
    if (cueText.length === 0) errors.push(`baris ${timing.line}: takarir ini tidak berisi teks.`);
    cues++;
    text.push(...cueText);
    if (cueText.length > 0) cueTexts.push({ line: timing.line + 1, text: cueText.join('\n').replace(TAG, '') });
  }
  if (cues === 0 && errors.length === 0) errors.push('berkas tidak berisi satu takarir pun.');
  return { errors, language, cues, text: text.join('\n').replace(TAG, ''), cueTexts };
}

function toSeconds(stamp: string): number | undefined {
  const match = TIMESTAMP.exec(stamp);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number(match[4]) / 1000;
}

// The most frequent function words of each language; a caption text is judged by which set it
// uses more. Cheap, and enough to catch an English auto-caption file left in place.
const INDONESIAN = new Set(['yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'untuk', 'dengan', 'pada', 'adalah', 'akan', 'tidak', 'kami', 'kita', 'ada', 'dalam', 'juga', 'oleh', 'atau', 'sudah', 'para', 'bapak', 'ibu', 'warga', 'saya', 'bisa', 'karena', 'agar', 'kepada']);
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'is', 'in', 'that', 'for', 'with', 'on', 'are', 'was', 'this', 'it', 'be', 'we', 'you', 'have', 'not', 'will', 'from', 'by', 'at', 'they', 'our']);

/** Whether a text reads as Indonesian: more Indonesian than English function words, and some. */
export function looksIndonesian(text: string): boolean {
  let id = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (INDONESIAN.has(word)) id++;
    else if (ENGLISH.has(word)) en++;
  }
  return id > 0 && id >= en;
}
