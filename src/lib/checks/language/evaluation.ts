/**
 * How well the language checks do on real prose: the corpus in corpus/nyata/ holds short
 * quotations from Indonesian government sites, each with every real error marked by hand (kind,
 * the text as written, the correct form). A finding that starts inside a marked error finds it;
 * any other finding is a false alarm. Style findings (sentence and paragraph length) are counted
 * apart: they measure, they do not claim an error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseCheckDocument } from '../document.ts';
import type { Finding, Severity } from '../finding.ts';
import { checkLanguage } from './index.ts';

export const ERROR_KINDS = {
  'kapital-lebih': 'huruf kapital pada kata biasa',
  'kapital-kurang': 'huruf kecil yang seharusnya kapital',
  jabatan: 'jabatan dan judul peraturan',
  akronim: 'akronim',
  'salah-ketik': 'salah ketik',
  spasi: 'spasi',
  singkatan: 'singkatan, satuan, nomor',
  'ke-bilangan': '"ke" dengan bilangan',
  ulang: 'kata ulang dan kata ganda',
  bentuk: 'bentuk kata (imbuhan, apostrof)',
  'tidak-baku': 'kata tidak baku',
  'di-ke': 'di-/ke-',
  gabungan: 'gabungan kata',
  'tanda-baca': 'tanda baca',
  'kata-asing': 'kata asing',
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;

const STYLE_RULES: ReadonlySet<string> = new Set(['language/sentence-length', 'language/paragraph-length']);

const ErrorSchema = z.strictObject({
  jenis: z.enum(Object.keys(ERROR_KINDS) as [ErrorKind, ...ErrorKind[]]),
  tertulis: z.string().min(1),
  benar: z.string(),
  ke: z.number().int().min(1).optional(),
});
const SiteSchema = z.strictObject({
  alamat: z.string().url(),
  situs: z.string().min(1),
  kutipan: z
    .array(z.strictObject({ alamat: z.string().url().optional(), teks: z.string().min(1), galat: z.array(ErrorSchema) }))
    .min(1),
});

export interface MarkedError {
  kind: ErrorKind;
  written: string;
  correct: string;
  /** Character offsets of the written text in the excerpt. */
  start: number;
  end: number;
}

export interface Excerpt {
  /** `<file>#<n>`: which quotation of which site. */
  id: string;
  site: string;
  address: string;
  text: string;
  errors: MarkedError[];
}

export const REAL_CORPUS = new URL('./corpus/nyata/', import.meta.url);

/** The language findings on one excerpt, as `tayang periksa` reads a Markdown body with no office words. */
export function checkExcerpt(excerpt: Excerpt): Finding[] {
  const doc = parseCheckDocument(`nyata/${excerpt.id}.md`, excerpt.text);
  return checkLanguage(doc.tree, { file: doc.file, lineOffset: 0 }, { extraWords: [], extraStandardWords: {}, disabledRules: [] });
}

/** Reads every site file of the corpus; a marked error that is not in its excerpt is a broken corpus. */
export function readRealCorpus(dir: URL = REAL_CORPUS): Excerpt[] {
  const excerpts: Excerpt[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.yml')).sort()) {
    const site = SiteSchema.parse(parse(readFileSync(new URL(name, dir), 'utf8')));
    for (const [n, quotation] of site.kutipan.entries()) {
      const id = `${name}#${n + 1}`;
      const errors = quotation.galat.map((error): MarkedError => {
        let start = -1;
        for (let k = 0; k < (error.ke ?? 1); k += 1) start = quotation.teks.indexOf(error.tertulis, start + 1);
        if (start < 0) throw new Error(`${id}: "${error.tertulis}" tidak ada di kutipannya`);
        return { kind: error.jenis, written: error.tertulis, correct: error.benar, start, end: start + error.tertulis.length };
      });
      excerpts.push({ id, site: site.situs, address: quotation.alamat ?? site.alamat, text: quotation.teks, errors });
    }
  }
  return excerpts;
}

export interface Alarm {
  excerpt: string;
  rule: string;
  severity: Severity;
  /** The excerpt's text from the finding on (a few words). */
  at: string;
  message: string;
}

export interface CorpusScore {
  sites: number;
  words: number;
  errors: number;
  found: number;
  byKind: Record<string, { errors: number; found: number }>;
  /** Marked errors no finding starts in. */
  missed: Array<{ excerpt: string; kind: ErrorKind; written: string; correct: string }>;
  falseAlarms: { error: Alarm[]; warning: Alarm[] };
  styleFindings: number;
}

/** Words as a reader counts them: runs of letters and digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Scores the findings of each excerpt (positions are lines and columns of the excerpt's text). */
export function scoreCorpus(excerpts: readonly Excerpt[], findingsOf: (excerpt: Excerpt) => readonly Finding[]): CorpusScore {
  const score: CorpusScore = { sites: new Set(excerpts.map((excerpt) => excerpt.site)).size, words: 0, errors: 0, found: 0, byKind: {}, missed: [], falseAlarms: { error: [], warning: [] }, styleFindings: 0 };
  for (const excerpt of excerpts) {
    score.words += countWords(excerpt.text);
    const lineStarts = [0];
    for (const match of excerpt.text.matchAll(/\n/g)) lineStarts.push(match.index + 1);
    const found = new Set<MarkedError>();
    for (const finding of findingsOf(excerpt)) {
      if (STYLE_RULES.has(finding.rule)) {
        score.styleFindings += 1;
        continue;
      }
      const offset = lineStarts[finding.line - 1]! + finding.column - 1;
      // A spacing finding may point at the space or mark just before the words it joins.
      const marked = excerpt.errors.filter((error) => offset >= error.start - 1 && offset <= error.end);
      if (marked.length > 0) {
        for (const error of marked) found.add(error);
        continue;
      }
      const severity = finding.severity === 'error' ? 'error' : 'warning';
      score.falseAlarms[severity].push({ excerpt: excerpt.id, rule: finding.rule, severity, at: excerpt.text.slice(offset, offset + 40).split('\n')[0]!, message: finding.message });
    }
    for (const error of excerpt.errors) {
      const kind = (score.byKind[error.kind] ??= { errors: 0, found: 0 });
      kind.errors += 1;
      score.errors += 1;
      if (found.has(error)) {
        kind.found += 1;
        score.found += 1;
      } else {
        score.missed.push({ excerpt: excerpt.id, kind: error.kind, written: error.written, correct: error.correct });
      }
    }
  }
  return score;
}

/** Recall and false alarms per 1,000 words, rounded for reports and floors. */
export function summariseScore(score: CorpusScore): { recall: number; errorAlarmsPerThousand: number; warningAlarmsPerThousand: number } {
  const perThousand = (n: number) => Math.round((n / score.words) * 1000 * 100) / 100;
  return {
    recall: score.errors === 0 ? 1 : Math.round((score.found / score.errors) * 1000) / 1000,
    errorAlarmsPerThousand: perThousand(score.falseAlarms.error.length),
    warningAlarmsPerThousand: perThousand(score.falseAlarms.warning.length),
  };
}
