import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCheckDocument } from '../document.ts';
import type { Finding } from '../finding.ts';
import { checkLanguage } from './index.ts';

/**
 * The corpus: official texts written for these tests, correct ones (benar/) that must raise no
 * error and almost no warning, and faulty ones (salah/) with the mistakes government documents
 * really contain, each expected finding listed in salah/harapan.yml.
 */
const CORPUS = new URL('./corpus/', import.meta.url);

/** A corpus text as `tayang periksa` reads it: the body and, when there is one, the frontmatter. */
function checkFile(folder: string, name: string): { text: string; findings: Finding[] } {
  const text = readFileSync(new URL(`${folder}/${name}`, CORPUS), 'utf8');
  const doc = parseCheckDocument(`${folder}/${name}`, text);
  const frontmatter = doc.frontmatterLocated && { located: doc.frontmatterLocated, fileText: text };
  return { text, findings: checkLanguage(doc.tree, { file: doc.file, lineOffset: 0, frontmatter }, { extraWords: [], extraStandardWords: {}, disabledRules: [] }) };
}

function writtenAt(text: string, finding: Finding): string {
  return text.split('\n')[finding.line - 1]!.slice(finding.column - 1);
}

const correct = readdirSync(new URL('benar/', CORPUS)).filter((name) => name.endsWith('.md'));
const faulty = readdirSync(new URL('salah/', CORPUS)).filter((name) => name.endsWith('.md'));
const expectations = parse(readFileSync(new URL('salah/harapan.yml', CORPUS), 'utf8')) as Record<string, Array<[string, string]>>;

describe('corpus of correct official texts', () => {
  it('has at least 15 texts', () => expect(correct.length).toBeGreaterThanOrEqual(15));

  it.each(correct)('%s raises no error', (name) => {
    const { findings } = checkFile('benar', name);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('raises at most one warning per five texts', () => {
    const warnings = correct.flatMap((name) => checkFile('benar', name).findings);
    expect(warnings.length).toBeLessThanOrEqual(Math.floor(correct.length / 5));
  });
});

describe('corpus of faulty official texts', () => {
  it('has at least 15 texts, each with its expected findings', () => {
    expect(faulty.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(expectations).sort()).toEqual([...faulty].sort());
  });

  it.each(faulty)('%s: every expected finding, nothing else', (name) => {
    const { text, findings } = checkFile('salah', name);
    const found = findings.map((finding) => `${finding.rule} @ ${writtenAt(text, finding)}`);
    for (const [rule, word] of expectations[name]!) {
      expect(found.some((entry) => entry.startsWith(`${rule} @ ${word}`)), `${rule} "${word}" in ${name}`).toBe(true);
    }
    expect(findings).toHaveLength(expectations[name]!.length);
  });

  it('measures precision and recall over both corpora', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let expected = 0;
    for (const name of correct) falsePositives += checkFile('benar', name).findings.length;
    for (const name of faulty) {
      const { text, findings } = checkFile('salah', name);
      const wanted = expectations[name]!;
      expected += wanted.length;
      for (const finding of findings) {
        const matched = wanted.some(([rule, word]) => rule === finding.rule && writtenAt(text, finding).startsWith(word));
        if (matched) truePositives += 1;
        else falsePositives += 1;
      }
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / expected;
    console.log(`language corpus: ${truePositives} benar terdeteksi, ${falsePositives} alarm palsu, ${expected - truePositives} terlewat — presisi ${precision.toFixed(3)}, cakupan ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
