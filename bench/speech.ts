/**
 * What the recorded edition of the text items (`dengarkan.rekaman`, src/lib/read-aloud/recording.ts)
 * costs and sounds like: eSpeak NG's Indonesian voice (`id`), the synthesiser a CI runner can
 * install from Debian, over what the site gives it (title, summary, body, after the speech
 * normaliser, with eSpeak's phonemes for the words it misreads, src/lib/read-aloud/espeak.ts). CPU
 * seconds per 1,000 written words to synthesise and to encode, and the size per minute of speech
 * as MP3 with the site's settings and, for comparison, as Opus. Then what the normaliser makes of
 * the forms government texts are full of, and eSpeak NG's phoneme transcript (IPA) of that, for
 * the judgement in bench/README.md.
 *
 *   apt-get install -y espeak-ng opus-tools lame time
 *   node bench/speech.ts [--out DIR]
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bodyParagraphs } from '../src/lib/braille/item-text.ts';
import { parseCheckDocument } from '../src/lib/checks/document.ts';
import { TEXT_TYPES } from '../src/lib/content/types.ts';
import { espeakInput } from '../src/lib/read-aloud/espeak.ts';
import { normalizeSpeech } from '../src/lib/read-aloud/normalize.ts';
import { RECORDING_SETTINGS, recordingText } from '../src/lib/read-aloud/recording.ts';
import { REPO_ROOT } from './corpus.ts';
import { measure } from './measure.ts';

/** Opus at 24 kbit/s (its speech mode), for comparison with the site's MP3 (RECORDING_SETTINGS). */
const OPUS = ['--bitrate', '24', '--quiet'];

/** Forms these offices write, with what a listener expects to hear. */
const PROBES: [written: string, expected: string][] = [
  ['Rp1.250.000', 'satu juta dua ratus lima puluh ribu rupiah'],
  ['2 Juni 2026', 'dua Juni dua ribu dua puluh enam'],
  ['28/09/2026', 'dua puluh delapan September dua ribu dua puluh enam'],
  ['pukul 07.30 WIB', 'pukul tujuh lewat tiga puluh menit, we-i-be'],
  ['1.893 jiwa', 'seribu delapan ratus sembilan puluh tiga jiwa'],
  ['2,5 persen', 'dua koma lima persen'],
  ['Pasal 10 ayat (2)', 'pasal sepuluh ayat dua'],
  ['UU No. 14 Tahun 2008', 'undang-undang nomor empat belas tahun dua ribu delapan'],
  ['Kab. Karanganyar', 'kabupaten Karanganyar'],
  ['Kec. Jenawi', 'kecamatan Jenawi'],
  ['PPID', 'pe-pe-i-de'],
  ['KTP-el', 'ka-te-pe el'],
  ['RT 03/RW 05', 'er-te tiga er-we lima'],
  ['Dr. Sri Handayani, S.Sos.', 'doktor Sri Handayani, es-sos'],
  // Indonesian writes /ə/ and /e/ alike; prefixes like ter-, pen-, per- have /ə/. No normaliser helps here.
  ['keterbukaan', 'kətərbukaan'],
  ['kependudukan', 'kəpəndudukan'],
  ['serta-merta', 'sərta mərta'],
  ['beras', 'bəras'],
  ['sore', 'sore'],
];

interface ItemCost {
  words: number;
  audioSeconds: number;
  synthCpu: number;
  opusCpu: number;
  mp3Cpu: number;
  opusBytes: number;
  mp3Bytes: number;
}

async function costOf(text: string, words: number, dir: string, env: NodeJS.ProcessEnv): Promise<ItemCost> {
  const [txt, wav, opus, mp3] = ['txt', 'wav', 'opus', 'mp3'].map((ext) => join(dir, `item.${ext}`)) as [string, string, string, string];
  await writeFile(txt, text);
  const run = async (command: string, args: string[]) => {
    const result = await measure(command, args, { cwd: dir, env });
    if (result.exitCode !== 0) throw new Error(`${command} ${args.join(' ')}:\n${result.stderr}`);
    return result.cpuSeconds;
  };
  const synthCpu = await run('espeak-ng', [...RECORDING_SETTINGS.espeak, '-f', txt, '-w', wav]);
  const opusCpu = await run('opusenc', [...OPUS, wav, opus]);
  const mp3Cpu = await run('lame', [...RECORDING_SETTINGS.lame, wav, mp3]);
  // eSpeak NG writes 16-bit mono PCM; the sample rate is in the header (22050 Hz).
  const header = await readFile(wav);
  const rate = header.readUInt32LE(24);
  const audioSeconds = ((await stat(wav)).size - 44) / (rate * 2);
  return {
    words,
    audioSeconds,
    synthCpu,
    opusCpu,
    mp3Cpu,
    opusBytes: (await stat(opus)).size,
    mp3Bytes: (await stat(mp3)).size,
  };
}

function version(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0]!.trim();
}

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1]! : join(tmpdir(), 'tayang-bench-suara');
  for (const tool of ['espeak-ng', 'opusenc', 'lame', '/usr/bin/time']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} tidak ada: apt-get install -y espeak-ng opus-tools lame time`);
    }
  }
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  const total: ItemCost = { words: 0, audioSeconds: 0, synthCpu: 0, opusCpu: 0, mp3Cpu: 0, opusBytes: 0, mp3Bytes: 0 };
  let items = 0;
  for (const jenis of TEXT_TYPES) {
    for (const slug of (await readdir(join(REPO_ROOT, 'content', jenis))).sort()) {
      const file = `content/${jenis}/${slug}/index.md`;
      const document = parseCheckDocument(file, await readFile(join(REPO_ROOT, file), 'utf8'));
      const { judul, ringkasan } = document.data as { judul: string; ringkasan: string };
      const body = document.text.split('\n').slice(document.bodyLine - 1).join('\n');
      // Cost per word the office wrote; the recording says more (figures become words).
      const written = [judul, ringkasan, ...bodyParagraphs(body)].join(' ').split(/\s+/).filter(Boolean).length;
      const dir = join(out, jenis, slug);
      await mkdir(dir, { recursive: true });
      const cost = await costOf(espeakInput(recordingText({ judul, ringkasan, body })), written, dir, process.env);
      for (const key of Object.keys(total) as (keyof ItemCost)[]) total[key] += cost[key];
      items++;
    }
  }

  const perThousandWords = (cpu: number) => ((cpu / total.words) * 1000).toFixed(2);
  const perMinute = (bytes: number) => (bytes / 1024 / (total.audioSeconds / 60)).toFixed(0);
  console.log(`${version('espeak-ng', ['--version'])}; ${version('opusenc', ['--version'])}; ${version('lame', ['--version'])}\n`);
  console.log('| items | written words | audio min | written words/min | synth CPU s / 1000 words | Opus 24k encode CPU s / 1000 words | MP3 32k encode CPU s / 1000 words | Opus KB/min | MP3 KB/min |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| ${items} | ${total.words} | ${(total.audioSeconds / 60).toFixed(1)} | ${(total.words / (total.audioSeconds / 60)).toFixed(0)} | ${perThousandWords(total.synthCpu)} | ${perThousandWords(total.opusCpu)} | ${perThousandWords(total.mp3Cpu)} | ${perMinute(total.opusBytes)} | ${perMinute(total.mp3Bytes)} |`,
  );
  console.log('\n| written | the normaliser says | eSpeak NG `id` says that as (IPA) | a listener expects |');
  console.log('| --- | --- | --- | --- |');
  for (const [written, expected] of PROBES) {
    const spoken = normalizeSpeech(written);
    const ipa = execFileSync('espeak-ng', [...RECORDING_SETTINGS.espeak, '-q', '--ipa', espeakInput(spoken)], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
    console.log(`| ${written} | ${spoken} | ${ipa} | ${expected} |`);
  }
  console.log(`\nThe audio files are in ${out} (one folder per item) to listen to.`);
}

await main();
