import { CsvError, parse, type Info } from 'csv-parse/sync';
import { csvDelimiter } from '../../site/table.ts';
import { readRuleData } from '../data.ts';
import { locateField, type CheckDocument } from '../document.ts';
import { asText, isInsideFolder, resolveReference } from '../references.ts';
import type { CheckEnv, RuleFinding } from '../rule.ts';

/** Personal data found in a text, at an offset into it (the scanner lives in privacy.ts). */
export interface PersonalDataHit {
  rule: string;
  index: number;
  message: string;
  suggestion: string;
}

const columns = readRuleData<{ person_name_words: string[]; not_person_words: string[]; count_words: string[]; identifier_words: Record<string, string> }>('personal-data-columns.yml');
const NAME_WORDS = new Set(columns.person_name_words);
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

/** Rows a message names before it only counts the rest. */
const ROWS_NAMED = 5;

interface CsvRow {
  /** Line of the CSV file where the row starts. */
  line: number;
  cells: string[];
}

/**
 * A `data` item's CSV cell by cell, the same personal data as in a text, each cell read after its
 * column header ("no kk: 3313…" is a KK number, "tanggal lahir: 1980-05-12" a birth date); and a
 * column of people's names beside a column that identifies them. One finding per rule and
 * column, at the item's `berkas` line, naming the CSV, the column and the rows (line numbers of
 * the CSV file). The page's table and the downloadable CSV are made from this same file.
 */
export async function checkDataset(doc: CheckDocument, env: CheckEnv, scan: (text: string) => PersonalDataHit[]): Promise<RuleFinding[]> {
  const name = doc.jenis === 'data' ? asText(doc.data.berkas) : undefined;
  const path = name === undefined ? undefined : resolveReference(doc, name);
  if (name === undefined || path === undefined || !isInsideFolder(doc, path) || !/\.csv$/i.test(path)) return [];
  const bytes = await env.readFile(path);
  // A CSV that is missing or cannot be read stops the build with its own message (schema, site/table.ts).
  const table = bytes === undefined ? undefined : readCsv(new TextDecoder().decode(bytes));
  if (table === undefined) return [];
  const where = locateField(doc, ['berkas']);
  const headerWords = table.headers.map(wordsOf);
  const columnName = (column: number) => (table.headers[column] ? `kolom \`${table.headers[column]}\`` : `kolom ke-${column + 1}`);

  const byColumn = new Map<string, { rule: string; column: number; lines: number[]; first: PersonalDataHit }>();
  for (const row of table.rows) {
    row.cells.forEach((cell, column) => {
      if (cell === '') return;
      for (const hit of scan(`${headerWords[column]?.join(' ') ?? ''}: ${cell}`)) {
        const key = `${hit.rule} ${column}`;
        const found = byColumn.get(key) ?? { rule: hit.rule, column, lines: [], first: hit };
        if (found.lines.at(-1) !== row.line) found.lines.push(row.line);
        byColumn.set(key, found);
      }
    });
  }
  const findings: RuleFinding[] = [...byColumn.values()].map(({ rule, column, lines, first }) => ({
    rule,
    ...where,
    message: `berkas \`${name}\`, ${columnName(column)}, ${describeLines(lines)} (nomor baris di berkas CSV): ${first.message}`,
    suggestion: first.suggestion,
  }));

  const identifiers = new Map<number, string>();
  headerWords.forEach((words, column) => {
    const label = words.some((word) => COUNT_WORDS.has(word)) ? undefined : words.map((word) => columns.identifier_words[word]).find((found) => found !== undefined);
    if (label !== undefined) identifiers.set(column, label);
  });
  for (const { rule, column } of byColumn.values()) if (IDENTIFYING_RULES[rule] && !identifiers.has(column)) identifiers.set(column, IDENTIFYING_RULES[rule]);
  const nameColumn = headerWords.findIndex((words) => words.some((word) => NAME_WORDS.has(word)) && !words.some((word) => NOT_PERSON_WORDS.has(word)));
  identifiers.delete(nameColumn);
  const named = nameColumn < 0 ? [] : table.rows.filter((row) => row.cells[nameColumn] && [...identifiers.keys()].some((column) => row.cells[column])).map((row) => row.line);
  if (named.length > 0) {
    const beside = [...identifiers].map(([column, label]) => `${columnName(column)} (${label})`);
    findings.push({
      rule: 'privacy/person-list',
      ...where,
      message: `berkas \`${name}\`: ${columnName(nameColumn)} berisi nama orang, berdampingan dengan ${joinWords(beside)}, jadi setiap baris menunjuk satu orang (${describeLines(named)}, nomor baris di berkas CSV); nama yang digabung dengan data lain untuk mengenali seseorang adalah data pribadi (UU 27/2022 PDP Pasal 4 ayat (3)).`,
      suggestion: 'terbitkan angka agregat tanpa nama (misalnya jumlah penerima per desa), atau hapus kolom pengenalnya.',
    });
  }
  return findings;
}

/** The CSV as the site reads it (src/lib/site/table.ts), with the file line of each row; undefined when it cannot be read. */
function readCsv(text: string): { headers: string[]; rows: CsvRow[] } | undefined {
  let records: { record: string[]; info: Info }[];
  try {
    // With `info`, each record comes with where it was read (csv-parse's typings leave it out).
    records = parse(text, { bom: true, delimiter: csvDelimiter(text), skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) return undefined;
    throw error;
  }
  const [header, ...body] = records;
  if (header === undefined) return undefined;
  // `lines` counts to the end of a record; a quoted cell may span lines.
  const rows = body.map(({ record, info }) => ({ line: info.lines - record.join('').split('\n').length + 1, cells: record }));
  return { headers: header.record, rows };
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
