/**
 * `npm run bench [-- --items 100,1000,2000] [--only build|search|periksa|inputs|braille|weight] [--out DIR]`
 *
 * For each size: generates the corpus (bench/corpus.ts), builds it with Tayang and Hugo
 * (bench/build.ts), times the search index over the built site (bench/search.ts), runs
 * `tayang periksa` and times the checks per document (bench/periksa.ts), and times the braille
 * edition of every text item (bench/braille.ts). Then times the checks on a few huge single items
 * (bench/inputs.ts), and weighs every kind of page of the example office's site (bench/weight.ts).
 * Prints Markdown tables for bench/README.md and writes the numbers to DIR/results.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBraille, type BrailleTimes } from './braille.ts';
import { benchBuild, type BuildRow } from './build.ts';
import { writeCorpus } from './corpus.ts';
import { benchBigInputs, type InputTimes } from './inputs.ts';
import { benchDocuments, benchPeriksaCommand, type DocumentTimes, type PeriksaRun } from './periksa.ts';
import { benchSearch, type SearchRow } from './search.ts';
import { benchPageWeight, type WeightRow } from './weight.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100,1000' },
    only: { type: 'string' },
    out: { type: 'string', default: join(tmpdir(), 'tayang-bench') },
  },
});
const sizes = values.items.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--items: whole numbers separated by commas, not "${values.items}"`);
if (values.only !== undefined && !['build', 'search', 'periksa', 'inputs', 'braille', 'weight'].includes(values.only)) throw new Error(`--only: build, search, periksa, inputs, braille or weight, not "${values.only}"`);

const builds: BuildRow[] = [];
const searches: SearchRow[] = [];
const commands: PeriksaRun[] = [];
const documents: DocumentTimes[] = [];
const braille: BrailleTimes[] = [];
for (const items of values.only === 'inputs' || values.only === 'weight' ? [] : sizes) {
  const started = performance.now();
  const corpus = await writeCorpus({ items, out: join(values.out, `corpus-${items}`) });
  console.error(`corpus of ${items} items (${corpus.photos} pictures) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${join(values.out, `corpus-${items}`)}`);
  if (values.only === undefined || values.only === 'build') builds.push(...(await benchBuild(corpus, items)));
  if (values.only === undefined || values.only === 'search') searches.push(await benchSearch(corpus, items));
  if (values.only === undefined || values.only === 'periksa') {
    commands.push(...(await benchPeriksaCommand(corpus, items)));
    documents.push(await benchDocuments(corpus, items));
  }
  if (values.only === undefined || values.only === 'braille') braille.push(await benchBraille(corpus, items));
}
const inputs: InputTimes[] = values.only === undefined || values.only === 'inputs' ? await benchBigInputs() : [];
const weights: WeightRow[] = values.only === undefined || values.only === 'weight' ? await benchPageWeight(values.out) : [];

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

console.log(`${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPU (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}\n`);
if (builds.length > 0) {
  console.log(table(['items', 'tool', 'run', 'pages (HTML)', 'wall s', 'CPU s', 'peak RSS MB', 'output MB'], builds.map((r) => [r.items, r.tool, r.run, r.pages, r.seconds.toFixed(1), r.cpuSeconds.toFixed(1), r.peakRssMb, r.outputMb])));
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
      ['items', 'dictionary load ms', 'language ms/doc median', 'p95', 'mean', 'other rules ms/doc median', 'p95', 'mean'],
      documents.map((d) => [d.items, d.dictionaryLoadMs, d.language.median, d.language.p95, d.language.mean, d.otherRules.median, d.otherRules.p95, d.otherRules.mean]),
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
await mkdir(values.out, { recursive: true });
await writeFile(join(values.out, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), builds, searches, commands, documents, inputs, braille, weights }, null, 2)}\n`);
