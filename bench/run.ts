/**
 * `npm run bench [-- --items 100,1000,2000] [--only build,pr,search,periksa,inputs,braille,weight,bahasa] [--rounds 3] [--out DIR]`
 *
 * For each size: generates the corpora (bench/corpus.ts), builds the `news` one with Tayang, a
 * plain Astro project and Hugo side by side (bench/build.ts), times a pull request's path on it
 * (bench/pr.ts), times the search index over the built site (bench/search.ts), runs
 * `tayang periksa` and times the checks per document (bench/periksa.ts), and times the braille
 * edition of every text item (bench/braille.ts). Then times the checks on a few huge single items
 * (bench/inputs.ts), weighs every kind of page of the example office's site (bench/weight.ts), and
 * scores the language checks on real government prose (bench/bahasa.ts).
 * Prints Markdown tables for bench/README.md and writes the numbers to DIR/results.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchRealProse, realProseTables } from './bahasa.ts';
import { benchBraille, type BrailleTimes } from './braille.ts';
import { astroVersion, benchBuild, PLAIN_ASTRO, TAYANG, type BuildRow } from './build.ts';
import { writeCorpus, type Corpus, type Mix } from './corpus.ts';
import { benchBigInputs, type InputTimes } from './inputs.ts';
import { benchDocuments, benchPeriksaCommand, type DocumentTimes, type PeriksaRun } from './periksa.ts';
import { benchPullRequest, type PullRequestRow } from './pr.ts';
import { benchSearch, type SearchRow } from './search.ts';
import { benchPageWeight, type WeightRow } from './weight.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100,1000' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    out: { type: 'string', default: join(tmpdir(), 'tayang-bench') },
  },
});
const sizes = values.items.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--items: whole numbers separated by commas, not "${values.items}"`);
const ONLY = ['build', 'pr', 'search', 'periksa', 'inputs', 'braille', 'weight', 'bahasa'];
const only = values.only?.split(',');
if (only?.some((part) => !ONLY.includes(part))) throw new Error(`--only: some of ${ONLY.join(', ')} separated by commas, not "${values.only}"`);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: a whole number, not "${values.rounds}"`);
const wanted = (part: string) => only === undefined || only.includes(part);

const builds: BuildRow[] = [];
const searches: SearchRow[] = [];
const commands: PeriksaRun[] = [];
const documents: DocumentTimes[] = [];
const braille: BrailleTimes[] = [];
const pullRequests: PullRequestRow[] = [];

async function corpusOf(items: number, mix: Mix): Promise<Corpus> {
  const started = performance.now();
  const out = join(values.out, `${mix === 'news' ? 'side' : 'corpus'}-${items}`);
  const corpus = await writeCorpus({ items, out, mix });
  console.error(`${mix} corpus of ${items} items (${corpus.photos} pictures) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${out}`);
  return corpus;
}

for (const items of ['build', 'pr', 'search', 'periksa', 'braille'].some(wanted) ? sizes : []) {
  if (wanted('build') || wanted('pr')) {
    const side = await corpusOf(items, 'news');
    if (wanted('build')) builds.push(...(await benchBuild(side, items, rounds)));
    if (wanted('pr')) pullRequests.push(await benchPullRequest(side, items));
  }
  if (wanted('search') || wanted('periksa') || wanted('braille')) {
    const corpus = await corpusOf(items, 'office');
    if (wanted('search')) searches.push(await benchSearch(corpus, items));
    if (wanted('periksa')) {
      commands.push(...(await benchPeriksaCommand(corpus, items)));
      documents.push(await benchDocuments(corpus, items));
    }
    if (wanted('braille')) braille.push(await benchBraille(corpus, items));
  }
}
const inputs: InputTimes[] = wanted('inputs') ? await benchBigInputs() : [];
const weights: WeightRow[] = wanted('weight') ? await benchPageWeight(values.out) : [];
const realProse = wanted('bahasa') ? benchRealProse() : undefined;

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

console.log(`${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPU (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}\n`);
if (builds.length > 0) {
  console.log(`Astro ${astroVersion()}, median of ${rounds} interleaved rounds\n`);
  console.log(table(['items', 'tool', 'run', 'pages (HTML)', 'wall s', 'CPU s', 'peak RSS MB', 'output MB'], builds.map((r) => [r.items, r.tool, r.run, r.pages, r.seconds.toFixed(1), r.cpuSeconds.toFixed(1), r.peakRssMb, r.outputMb])));
  console.log();
  const find = (items: number, tool: string, run: string) => builds.find((r) => r.items === items && r.tool === tool && r.run === run);
  const ratioRows: (string | number)[][] = [];
  for (const items of sizes) {
    for (const run of ['cold', 'rebuild']) {
      const [tayang, plain] = [find(items, TAYANG, run), find(items, PLAIN_ASTRO, run)];
      if (tayang && plain) ratioRows.push([items, run, (tayang.seconds / plain.seconds).toFixed(2), (tayang.cpuSeconds / plain.cpuSeconds).toFixed(2), tayang.peakRssMb - plain.peakRssMb]);
    }
  }
  console.log(table(['items', 'run', 'Tayang / Astro wall', 'Tayang / Astro CPU', 'Tayang − Astro peak RSS MB'], ratioRows));
  console.log();
  // Marginal cost: the slope between consecutive sizes, so the fixed start-up cost drops out.
  const marginalRows: (string | number)[][] = [];
  const ordered = [...sizes].sort((a, b) => a - b);
  for (const [from, to] of ordered.slice(1).map((to, i) => [ordered[i]!, to] as const)) {
    for (const tool of [...new Set(builds.map((r) => r.tool))]) {
      for (const run of ['cold', 'rebuild']) {
        const [a, b] = [find(from, tool, run), find(to, tool, run)];
        if (a && b) marginalRows.push([`${from} → ${to}`, tool, run, (((b.seconds - a.seconds) / (to - from)) * 1000).toFixed(2), (((b.cpuSeconds - a.cpuSeconds) / (to - from)) * 1000).toFixed(2)]);
      }
    }
  }
  const pictureRows = builds.filter((r) => r.pictures && r.pictures.renditions > 0).map((r) => [r.items, r.tool, r.run, r.pictures!.renditions, r.pictures!.encoded, r.pictures!.seconds.toFixed(1), r.pictures!.seconds > 0 ? Math.round(r.pictures!.renditions / r.pictures!.seconds) : "–"]);
  if (pictureRows.length > 0) {
    console.log(table(['items', 'tool', 'run', 'renditions', 'encoded', 'picture step s', 'renditions/s'], pictureRows));
    console.log();
  }
  if (marginalRows.length > 0) {
    console.log(table(['items', 'tool', 'run', 'wall ms/item', 'CPU ms/item'], marginalRows));
    console.log();
  }
}
if (pullRequests.length > 0) {
  console.log(
    table(
      ['items', 'periksa --berubah s', 'build s', 'aksesibilitas --berubah s', 'total s', 'pages made / copied', 'pictures encoded', 'build peak RSS MB'],
      pullRequests.map((r) => [r.items, r.periksaSeconds.toFixed(1), r.buildSeconds.toFixed(1), r.aksesibilitasSeconds.toFixed(1), r.totalSeconds.toFixed(1), `${r.pagesMade} / ${r.pagesCopied}`, r.encodes, r.buildPeakRssMb]),
    ),
  );
  console.log();
}
if (searches.length > 0) {
  console.log(table(['items', 'pages indexed', 'wall s', 'CPU s', 'CPU ms/page', 'peak RSS MB', 'index MB', 'first search KB'], searches.map((r) => [r.items, r.pages, r.seconds.toFixed(1), r.cpuSeconds.toFixed(1), r.cpuMsPerPage, r.peakRssMb, r.indexMb, r.firstSearchKb])));
  console.log();
}
if (commands.length > 0) {
  console.log(table(['items', 'command', 'files checked', 'findings', 'wall s', 'CPU s', 'peak RSS MB'], commands.map((r) => [r.items, r.mode, r.files, r.findings, r.seconds.toFixed(1), r.cpuSeconds.toFixed(1), r.peakRssMb])));
  console.log();
  console.log(
    table(
      ['items', 'dictionary load ms', 'language ms/doc median', 'p95', 'mean', 'other rules ms/doc median', 'p95', 'mean', 'words/s (all checks)'],
      documents.map((d) => [d.items, d.dictionaryLoadMs, d.language.median, d.language.p95, d.language.mean, d.otherRules.median, d.otherRules.p95, d.otherRules.mean, d.wordsPerSecond]),
    ),
  );
}
if (inputs.length > 0) {
  console.log();
  console.log(table(['input', 'KB', 'findings', 'parse ms', 'language ms', 'other rules ms'], inputs.map((r) => [r.input, r.kb, r.findings, r.parseMs, r.languageMs, r.otherRulesMs])));
}
if (braille.length > 0) {
  console.log();
  console.log(table(['items', 'text items', 'total ms', 'ms/item median', 'p95', 'mean', 'output KB'], braille.map((b) => [b.items, b.textItems, b.totalMs, b.perItem.median, b.perItem.p95, b.perItem.mean, b.outputKb])));
}
if (weights.length > 0) {
  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  console.log();
  console.log(
    table(
      ['page kind', 'pages', 'heaviest page', 'HTML KB raw / gzip', 'CSS KB raw / gzip', 'JS KB raw / gzip', 'total KB raw / gzip', '≤ 60 KB'],
      weights.map((r) => [r.kind, r.pages, `\`${r.page}\``, `${kb(r.html.raw)} / ${kb(r.html.gzip)}`, `${kb(r.css.raw)} / ${kb(r.css.gzip)}`, `${kb(r.js.raw)} / ${kb(r.js.gzip)}`, `${kb(r.total.raw)} / ${kb(r.total.gzip)}`, r.withinBudget === undefined ? '' : r.withinBudget ? 'yes' : '**no**']),
    ),
  );
}
if (realProse) {
  console.log();
  console.log(realProseTables(realProse, table));
}
await mkdir(values.out, { recursive: true });
const bahasa = realProse && { ...realProse, score: { ...realProse.score, missed: realProse.score.missed.length, falseAlarms: { error: realProse.score.falseAlarms.error.length, warning: realProse.score.falseAlarms.warning.length } } };
await writeFile(join(values.out, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), builds, pullRequests, searches, commands, documents, inputs, braille, weights, bahasa }, null, 2)}\n`);
