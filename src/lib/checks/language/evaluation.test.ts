import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding.ts';
import { checkExcerpt, readRealCorpus, scoreCorpus, summariseScore, type Excerpt } from './evaluation.ts';

/**
 * The real-prose corpus (corpus/nyata/: quotations from government sites, errors marked by hand)
 * and the floors the checks must keep on it. Raise a floor when the checks improve; never lower
 * one to let a change through. bench/bahasa.ts prints the same figures with words per second.
 */
const FLOORS = {
  sites: 32,
  words: 7_800,
  recall: 0.75,
  /** False alarms per 1,000 words. */
  errorAlarms: 0,
  warningAlarms: 1,
};

const corpus = readRealCorpus();

describe('the real-prose corpus', () => {
  it('quotes government sites, each quotation with its address', () => {
    expect(new Set(corpus.map((excerpt) => excerpt.site)).size).toBeGreaterThanOrEqual(FLOORS.sites);
    for (const excerpt of corpus) expect(new URL(excerpt.address).hostname, excerpt.id).toMatch(/\.(?:go|desa)\.id$/);
  });

  it('marks errors that are in their quotation', () => {
    expect(corpus.flatMap((excerpt) => excerpt.errors).length).toBeGreaterThan(100);
    for (const excerpt of corpus) for (const error of excerpt.errors) expect(excerpt.text.slice(error.start, error.end)).toBe(error.written);
  });
});

describe('the checks on real prose', () => {
  const score = scoreCorpus(corpus, checkExcerpt);
  const summary = summariseScore(score);

  it('keeps its floors', () => {
    expect(score.words).toBeGreaterThanOrEqual(FLOORS.words);
    expect(summary.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(score.falseAlarms.error).toEqual([]);
    expect(summary.errorAlarmsPerThousand).toBeLessThanOrEqual(FLOORS.errorAlarms);
    expect(summary.warningAlarmsPerThousand).toBeLessThanOrEqual(FLOORS.warningAlarms);
  });
});

describe('scoreCorpus', () => {
  const excerpt: Excerpt = {
    id: 'uji.yml#1',
    site: 'Uji',
    address: 'https://uji.go.id/',
    text: 'Warga dihimbau hadir.\nRapat di laksanakan besok.',
    errors: [
      { kind: 'tidak-baku', written: 'dihimbau', correct: 'diimbau', start: 6, end: 14 },
      { kind: 'di-ke', written: 'di laksanakan', correct: 'dilaksanakan', start: 28, end: 41 },
    ],
  };
  const finding = (line: number, column: number, rule: string, severity: Finding['severity'] = 'warning'): Finding => ({ file: 'x.md', line, column, rule, severity, message: '' });

  it('counts a finding that starts in a marked error as found, any other as a false alarm, style apart', () => {
    const score = scoreCorpus([excerpt], () => [finding(1, 7, 'language/standard-word', 'error'), finding(2, 1, 'language/spelling'), finding(1, 1, 'language/sentence-length')]);
    expect(score.found).toBe(1);
    expect(score.missed).toEqual([{ excerpt: 'uji.yml#1', kind: 'di-ke', written: 'di laksanakan', correct: 'dilaksanakan' }]);
    expect(score.falseAlarms.warning.map((alarm) => alarm.at)).toEqual(['Rapat di laksanakan besok.']);
    expect(score.falseAlarms.error).toEqual([]);
    expect(score.styleFindings).toBe(1);
    expect(summariseScore(score)).toEqual({ recall: 0.5, errorAlarmsPerThousand: 0, warningAlarmsPerThousand: 142.86 });
  });
});
