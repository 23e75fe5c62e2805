/**
 * The language checks on real government prose (src/lib/checks/language/corpus/nyata/): recall of
 * the errors marked by hand, overall and per kind, false alarms per 1,000 words (errors and
 * warnings apart), and words per second of the language checks alone (Markdown parsed, dictionary
 * loaded before the clock starts). `node bench/bahasa.ts --rinci` lists every miss and false alarm.
 */
import { parseArgs } from 'node:util';
import { checkExcerpt, ERROR_KINDS, readRealCorpus, scoreCorpus, summariseScore, type CorpusScore } from '../src/lib/checks/language/evaluation.ts';

export interface RealProseRow {
  score: CorpusScore;
  recall: number;
  errorAlarmsPerThousand: number;
  warningAlarmsPerThousand: number;
  wordsPerSecond: number;
}

/** Rounds of the whole corpus timed: it takes well under a second, and the machine is shared. */
const ROUNDS = 5;

export function benchRealProse(): RealProseRow {
  const excerpts = readRealCorpus();
  const score = scoreCorpus(excerpts, checkExcerpt);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    for (const excerpt of excerpts) checkExcerpt(excerpt);
    times.push(performance.now() - started);
  }
  const fastest = Math.min(...times) / 1000;
  return { score, ...summariseScore(score), wordsPerSecond: Math.round(score.words / fastest) };
}

export function realProseTables(row: RealProseRow, table: (head: string[], rows: (string | number)[][]) => string): string {
  const { score } = row;
  const overall = table(
    ['sites', 'words', 'errors marked', 'found', 'recall', 'false errors /1000 words', 'false warnings /1000 words', 'style findings', 'words/s'],
    [[score.sites, score.words, score.errors, score.found, row.recall.toFixed(3), row.errorAlarmsPerThousand, row.warningAlarmsPerThousand, score.styleFindings, row.wordsPerSecond]],
  );
  const kinds = table(
    ['kind', 'errors', 'found', 'recall'],
    Object.entries(score.byKind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, { errors, found }]) => [`${kind} (${ERROR_KINDS[kind as keyof typeof ERROR_KINDS]})`, errors, found, (found / errors).toFixed(2)]),
  );
  return `${overall}\n\n${kinds}`;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { rinci: { type: 'boolean', default: false } } });
  const table = (head: string[], rows: (string | number)[][]) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const row = benchRealProse();
  console.log(realProseTables(row, table));
  if (values.rinci) {
    console.log('\nTerlewat:');
    for (const miss of row.score.missed) console.log(`  ${miss.excerpt} [${miss.kind}] "${miss.written}" → "${miss.correct}"`);
    console.log('\nAlarm palsu:');
    for (const alarm of [...row.score.falseAlarms.error, ...row.score.falseAlarms.warning]) console.log(`  ${alarm.excerpt} ${alarm.severity} ${alarm.rule} @ "${alarm.at}" — ${alarm.message}`);
  }
}
