import { CsvError } from 'csv-parse/sync';
import { referencedFiles } from '../../content/load.ts';
import { decodeCsvText, readCsvRecords, type CsvRecord } from '../../site/table.ts';
import { readRuleData } from '../data.ts';
import { locateField, type CheckDocument } from '../document.ts';
import { isInsideFolder, resolveReference } from '../references.ts';
import type { CheckEnv, RuleFinding } from '../rule.ts';
import { parseWebVtt } from '../webvtt.ts';

/** Personal data found in a text, at an offset into it (the scanner lives in privacy.ts). */
export interface PersonalDataHit {
  rule: string;
  index: number;
  /** What was found, written one way (a number's digits), to tell one finding from another. */
  value: string;
  message: string;
  suggestion: string;
}

const columns = readRuleData<{ person_name_words: string[]; person_role_words: string[]; not_person_words: string[]; count_words: string[]; identifier_words: Record<string, string> }>('personal-data-columns.yml');
const NAME_WORDS = new Set(columns.person_name_words);
const ROLE_WORDS = new Set(columns.person_role_words.filter((role) => !role.includes(' ')));
const ROLE_PHRASES = columns.person_role_words.filter((role) => role.includes(' ')).map((role) => role.split(' '));
const NOT_PERSON_WORDS = new Set(columns.not_person_words);
const COUNT_WORDS = new Set(columns.count_words);

/** What a column whose cells hold these findings identifies, for the names-beside-identifiers rule. */
const IDENTIFYING_RULES: Readonly<Record<string, string>> = {
  'privacy/nik': 'NIK',
  'privacy/kk': 'nomor KK',
  'privacy/phone': 'nomor telepon',
  'privacy/email': 'alamat surel',
  'privacy/birth-date': 'tanggal lahir',
};

/** A cell of a home address: "Dusun Tlobo RT 02/RW 03", "Jl. Melati RT.5". */
const HOME_ADDRESS = /\bRT\.?\s*\d/i;

/** Rows a message names before it only counts the rest. */
const ROWS_NAMED = 5;

/**
 * Every CSV and captions file an item publishes (a `data` item's dataset, a `pengumuman`'s
 * attachments, a video's `takarir`), read for the same personal data as a text. Findings are at
 * the line of the field naming the file; the message names the file and its own lines.
 */
export async function checkItemFiles(doc: CheckDocument, env: CheckEnv, scan: (text: string) => PersonalDataHit[]): Promise<RuleFinding[]> {
  if (doc.jenis === undefined) return [];
  const findings: RuleFinding[] = [];
  for (const { field, line, path: name } of referencedFiles({ jenis: doc.jenis, data: doc.data, tree: doc.tree })) {
    const path = resolveReference(doc, name);
    if (path === undefined || !isInsideFolder(doc, path) || !/\.(csv|vtt)$/i.test(path)) continue;
    const bytes = await env.readFile(path);
    // A missing file, or a CSV that is not UTF-8, is refused with its own message (content/load.ts).
    const text = bytes === undefined ? undefined : /\.csv$/i.test(path) ? decodeCsvText(bytes) : Buffer.from(bytes).toString('utf8');
    if (text === undefined) continue;
    // A file named in the frontmatter is reported at its field; one linked from the text, at the link.
    const where = field ? locateField(doc, field) : { line, column: 1 };
    findings.push(...(/\.csv$/i.test(path) ? checkCsv(name.trim(), text, scan) : checkCaptions(name.trim(), text, scan)).map((finding) => ({ ...finding, ...where })));
  }
  return findings;
}

type FileFinding = Omit<RuleFinding, 'line' | 'column'>;

/**
 * A CSV cell by cell, the same personal data as in a text, each cell read after its column header
 * ("no kk: 3313…" is a KK number, "tanggal lahir: 1980-05-12" a birth date), the header row too;
 * and a column of people's names beside a column that identifies them. One finding per rule and
 * column, naming the CSV, the column and the rows (line numbers of the CSV file). The page's
 * table and the downloadable CSV are made from this same file.
 */
function checkCsv(name: string, text: string, scan: (text: string) => PersonalDataHit[]): FileFinding[] {
  const table = readCsv(text);
  // A CSV that cannot be read stops the build with its own message (site/table.ts).
  if (table === undefined) return [];
  const headerWords = table.headers.map(wordsOf);
  const columnName = (column: number) => (table.headers[column] ? `kolom \`${table.headers[column]}\`` : `kolom ke-${column + 1}`);

  const byColumn = new Map<string, { rule: string; column: number; lines: number[]; first: PersonalDataHit }>();
  const note = (hit: PersonalDataHit, column: number, line: number) => {
    const key = `${hit.rule} ${column}`;
    const found = byColumn.get(key) ?? { rule: hit.rule, column, lines: [], first: hit };
    if (found.lines.at(-1) !== line) found.lines.push(line);
    byColumn.set(key, found);
  };
  // What a header itself holds is reported once, at line 1, not again with each cell read after it.
  const inHeader = table.headers.map((header, column) => {
    const hits = scan(header);
    for (const hit of hits) note(hit, column, 1);
    return new Set(hits.map((hit) => hit.rule));
  });
  for (const row of table.rows) {
    row.cells.forEach((cell, column) => {
      if (cell === '') return;
      for (const hit of scan(`${headerWords[column]?.join(' ') ?? ''}: ${cell}`)) if (!inHeader[column]?.has(hit.rule)) note(hit, column, row.line);
    });
  }
  const findings: FileFinding[] = [...byColumn.values()].map(({ rule, column, lines, first }) => ({
    rule,
    message: `berkas \`${name}\`, ${columnName(column)}, ${describeLines(lines)} (nomor baris di berkas CSV): ${first.message}`,
    suggestion: first.suggestion,
  }));

  const identifiers = new Map<number, string>();
  headerWords.forEach((words, column) => {
    const label = words.some((word) => COUNT_WORDS.has(word)) ? undefined : words.map((word) => columns.identifier_words[word]).find((found) => found !== undefined);
    if (label !== undefined) identifiers.set(column, label);
    else if (table.rows.some((row) => HOME_ADDRESS.test(row.cells[column] ?? ''))) identifiers.set(column, 'alamat');
  });
  for (const { rule, column } of byColumn.values()) if (IDENTIFYING_RULES[rule] && !identifiers.has(column)) identifiers.set(column, IDENTIFYING_RULES[rule]);
  const nameColumn = headerWords.findIndex(isPersonNameHeader);
  identifiers.delete(nameColumn);
  const named = nameColumn < 0 ? [] : table.rows.filter((row) => row.cells[nameColumn] && [...identifiers.keys()].some((column) => row.cells[column])).map((row) => row.line);
  if (named.length > 0) {
    const beside = [...identifiers].map(([column, label]) => `${columnName(column)} (${label})`);
    findings.push({
      rule: 'privacy/person-list',
      message: `berkas \`${name}\`: ${columnName(nameColumn)} berisi nama orang, berdampingan dengan ${joinWords(beside)}, jadi setiap baris menunjuk satu orang (${describeLines(named)}, nomor baris di berkas CSV); nama yang digabung dengan data lain untuk mengenali seseorang adalah data pribadi (UU 27/2022 PDP Pasal 4 ayat (3)).`,
      suggestion: 'terbitkan angka agregat tanpa nama (misalnya jumlah penerima per desa), atau hapus kolom pengenalnya.',
    });
  }
  return findings;
}

/** The captions of a video cue by cue: one finding per rule, naming the lines of the .vtt file. */
function checkCaptions(name: string, text: string, scan: (text: string) => PersonalDataHit[]): FileFinding[] {
  const byRule = new Map<string, { lines: number[]; first: PersonalDataHit }>();
  for (const cue of parseWebVtt(text).cueTexts) {
    for (const hit of scan(cue.text)) {
      const found = byRule.get(hit.rule) ?? { lines: [], first: hit };
      if (found.lines.at(-1) !== cue.line) found.lines.push(cue.line);
      byRule.set(hit.rule, found);
    }
  }
  return [...byRule].map(([rule, { lines, first }]) => ({
    rule,
    message: `takarir \`${name}\`, ${describeLines(lines)} (nomor baris di berkas takarir): ${first.message}`,
    suggestion: first.suggestion,
  }));
}

/**
 * Whether a header names people: its first word that tells decides — a person's role
 * ("penerima", "pemilik", "kepala keluarga") or a place, office or thing ("desa", "usaha"); a
 * header that only says "nama" (or "nama lengkap") names people. Counts never do.
 */
function isPersonNameHeader(words: readonly string[]): boolean {
  if (words.some((word) => COUNT_WORDS.has(word))) return false;
  for (let i = 0; i < words.length; i++) {
    if (ROLE_WORDS.has(words[i]!) || ROLE_PHRASES.some((phrase) => phrase.every((word, j) => words[i + j] === word))) return true;
    if (NOT_PERSON_WORDS.has(words[i]!)) return false;
  }
  return words.some((word) => NAME_WORDS.has(word));
}

/** The CSV as the site reads it (src/lib/site/table.ts), with the file line of each row; undefined when it cannot be read. */
function readCsv(text: string): { headers: string[]; rows: CsvRecord[] } | undefined {
  let records: CsvRecord[];
  try {
    records = readCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvError) return undefined;
    throw error;
  }
  const [header, ...rows] = records;
  return header === undefined ? undefined : { headers: header.cells, rows };
}

function wordsOf(header: string): string[] {
  return header.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** "baris 2", "baris 2 dan 3", "baris 2, 3, dan 4", "baris 2, 3, 4, 5, 6, dan 12 baris lainnya". */
function describeLines(lines: readonly number[]): string {
  const shown = lines.slice(0, ROWS_NAMED).map(String);
  const rest = lines.length - shown.length;
  return `baris ${joinWords(rest > 0 ? [...shown, `${rest} baris lainnya`] : shown)}`;
}

/** An Indonesian list: "a", "a dan b", "a, b, dan c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 2) return words.join(' dan ');
  return `${words.slice(0, -1).join(', ')}, dan ${words.at(-1)}`;
}
