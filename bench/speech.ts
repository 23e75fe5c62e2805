/**
 * What a pre-rendered audio edition of the text items would cost and sound like, made with
 * eSpeak NG's Indonesian voice (`id`), the synthesiser a CI runner can install from Debian: CPU
 * seconds per 1,000 words to synthesise and to encode, and the size per minute of speech as Opus
 * and as MP3. The text is what "Dengarkan" reads (title, summary, then the body's paragraphs,
 * headings, list items and table cells, in the same chunks). Then eSpeak NG's reading of the
 * numbers, dates and abbreviations government texts are full of, as its phoneme transcript (IPA),
 * for the judgement in bench/README.md.
 *
 *   apt-get install -y espeak-ng opus-tools lame time
 *   node bench/speech.ts [--out DIR]
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { parseCheckDocument } from '../src/lib/checks/document.ts';
import { TEXT_TYPES } from '../src/lib/content/types.ts';
import { speechChunks } from '../src/lib/read-aloud/text.ts';
import { REPO_ROOT } from './corpus.ts';
import { measure } from './measure.ts';

/** Speech-grade settings: Opus at 24 kbit/s (its speech mode), MP3 at 32 kbit/s mono for old players. */
const OPUS = ['--bitrate', '24', '--quiet'];
const MP3 = ['-b', '32', '-m', 'm', '--quiet'];

/** What eSpeak NG makes of the forms these offices write, with what a listener expects to hear. */
const PROBES: [written: string, expected: string][] = [
  ['Rp1.250.000', 'satu juta dua ratus lima puluh ribu rupiah'],
  ['2 Juni 2026', 'dua Juni dua ribu dua puluh enam'],
  ['28/09/2026', 'dua puluh delapan September dua ribu dua puluh enam'],
  ['pukul 07.30 WIB', 'pukul tujuh tiga puluh, we-i-be'],
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
  // Indonesian writes /ə/ and /e/ alike; prefixes like ter-, pen-, per- have /ə/.
  ['keterbukaan', 'kətərbukaan'],
  ['kependudukan', 'kəpəndudukan'],
  ['serta-merta', 'sərta mərta'],
  ['beras', 'bəras'],
  ['sore', 'sore'],
];

/** Text of a block of the body, without Markdown: what the page shows of it. */
function textOf(node: RootContent): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return '';
  return 'children' in node ? node.children.map((child) => textOf(child as RootContent)).join('') : '';
}

/** Paragraphs, headings and table cells, one a line, as the browser's innerText gives them. */
function bodyLines(tree: Root): string[] {
  const lines: string[] = [];
  const walk = (node: RootContent) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') lines.push(textOf(node));
    else if ('children' in node) node.children.forEach((child) => walk(child as RootContent));
  };
  tree.children.forEach(walk);
  return lines;
}

interface ItemCost {
  words: number;
  audioSeconds: number;
  synthCpu: number;
  opusCpu: number;
  mp3Cpu: number;
  opusBytes: number;
  mp3Bytes: number;
}

async function costOf(text: string, dir: string, env: NodeJS.ProcessEnv): Promise<ItemCost> {
  const [txt, wav, opus, mp3] = ['txt', 'wav', 'opus', 'mp3'].map((ext) => join(dir, `item.${ext}`)) as [string, string, string, string];
  await writeFile(txt, text);
  const run = async (command: string, args: string[]) => {
    const result = await measure(command, args, { cwd: dir, env });
    if (result.exitCode !== 0) throw new Error(`${command} ${args.join(' ')}:\n${result.stderr}`);
    return result.cpuSeconds;
  };
  const synthCpu = await run('espeak-ng', ['-v', 'id', '-f', txt, '-w', wav]);
  const opusCpu = await run('opusenc', [...OPUS, wav, opus]);
  const mp3Cpu = await run('lame', [...MP3, wav, mp3]);
  // eSpeak NG writes 16-bit mono PCM; the sample rate is in the header (22050 Hz).
  const header = await readFile(wav);
  const rate = header.readUInt32LE(24);
  const audioSeconds = ((await stat(wav)).size - 44) / (rate * 2);
  return {
    words: text.split(/\s+/).filter(Boolean).length,
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
      // A chunk without a full stop (a heading) would run into the next one in eSpeak.
      const text = speechChunks([judul, ringkasan, bodyLines(document.tree).join('\n')]).map((chunk) => (/[.!?…:;]$/.test(chunk) ? chunk : `${chunk}.`)).join('\n');
      const dir = join(out, jenis, slug);
      await mkdir(dir, { recursive: true });
      const cost = await costOf(text, dir, process.env);
      for (const key of Object.keys(total) as (keyof ItemCost)[]) total[key] += cost[key];
      items++;
    }
  }

  const perThousandWords = (cpu: number) => ((cpu / total.words) * 1000).toFixed(2);
  const perMinute = (bytes: number) => (bytes / 1024 / (total.audioSeconds / 60)).toFixed(0);
  console.log(`${version('espeak-ng', ['--version'])}; ${version('opusenc', ['--version'])}; ${version('lame', ['--version'])}\n`);
  console.log('| items | words | audio min | words/min | synth CPU s / 1000 words | Opus 24k encode CPU s / 1000 words | MP3 32k encode CPU s / 1000 words | Opus KB/min | MP3 KB/min |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| ${items} | ${total.words} | ${(total.audioSeconds / 60).toFixed(1)} | ${(total.words / (total.audioSeconds / 60)).toFixed(0)} | ${perThousandWords(total.synthCpu)} | ${perThousandWords(total.opusCpu)} | ${perThousandWords(total.mp3Cpu)} | ${perMinute(total.opusBytes)} | ${perMinute(total.mp3Bytes)} |`,
  );
  console.log('\n| written | eSpeak NG `id` says (IPA) | a listener expects |');
  console.log('| --- | --- | --- |');
  for (const [written, expected] of PROBES) {
    const ipa = execFileSync('espeak-ng', ['-v', 'id', '-q', '--ipa', written], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
    console.log(`| ${written} | ${ipa} | ${expected} |`);
  }
  console.log(`\nThe audio files are in ${out} (one folder per item) to listen to.`);
}

await main();
