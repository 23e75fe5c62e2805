import { CsvError, parse } from 'csv-parse/sync';
import type { Validated } from '../errors/validate.ts';

/**
 * A `data` item's CSV as a table the page can render with a caption and header cells. Offices
 * export from spreadsheets with an Indonesian locale, which writes `;` between cells (the comma
 * is the decimal mark), so the delimiter is read from the header row.
 */

export interface DataTable {
  headers: string[];
  /** Every row of the file, a cell per column. */
  rows: string[][];
  /** The file line of each row (where it ends, for a cell spanning lines). */
  lines: number[];
  /** Columns whose every filled cell is a number, to right-align them. */
  numeric: boolean[];
  /** A semicolon file from an Indonesian spreadsheet: `,` is its decimal mark and `.` groups thousands. */
  decimalComma: boolean;
}

/** A CSV record as read, every cell of it (a row may hold more cells than the header names). */
export interface CsvRecord {
  cells: string[];
  /** File lines where the record starts and ends (a quoted cell may span lines). */
  line: number;
  endLine: number;
}

/**
 * The records of a CSV, read the one way the page, the open-data file's checks and the privacy
 * checks all read it: delimiter from the header row, cells trimmed, empty lines skipped. Throws
 * csv-parse's CsvError for a broken file.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  // With `info`, each record comes with where it was read (csv-parse's typings leave it out).
  const records = parse(text, { bom: true, delimiter: csvDelimiter(text), skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  // `lines` counts to the end of a record.
  return records.map(({ record, info }) => ({ cells: record, line: info.lines - record.join('').split('\n').length + 1, endLine: info.lines }));
}

/** `file` names the CSV in problems; a broken file is reported, never thrown. */
export function parseDataTable(text: string, file: string): Validated<DataTable> {
  let records: CsvRecord[];
  try {
    records = readCsvRecords(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // An unclosed quote is only noticed at the end of the file, so its line would mislead.
    const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
    const quote = unclosed || error.code === 'CSV_INVALID_CLOSING_QUOTE';
    return {
      ok: false,
      problems: [{
        file,
        line: unclosed ? undefined : (error as CsvError & { lines?: number }).lines,
        // Not the library's English text, which may also quote the file's bytes.
        message: quote ? 'tanda kutip (") di berkas CSV tidak berpasangan.' : 'berkas CSV tidak bisa dibaca: susunan sel atau tanda kutipnya rusak.',
        fix: 'simpan ulang dari aplikasi lembar kerja sebagai CSV, atau tutup tanda kutip pada sel yang berisi koma.',
      }],
    };
  }
  const [header, ...body] = records;
  const headers = header?.cells ?? [];
  if (headers.length === 0) {
    return { ok: false, problems: [{ file, message: 'berkas CSV kosong.', fix: 'baris pertama berisi judul kolom, baris berikutnya berisi data.' }] };
  }
  const decimalComma = csvDelimiter(text) === ';';
  const rows = body.map(({ cells }) => Array.from({ length: headers.length }, (_, i) => cells[i] ?? ''));
  const numeric = headers.map((_, i) => {
    const filled = rows.map((row) => row[i]!).filter((cell) => cell !== '');
    return filled.length > 0 && filled.every((cell) => readNumber(cell, decimalComma) !== undefined);
  });
  return { ok: true, value: { headers, rows, lines: body.map(({ endLine }) => endLine), numeric, decimalComma } };
}

/** What to say about a CSV that is not UTF-8 text (Excel's "Unicode text" is UTF-16, its plain "CSV" the Windows code page). */
export const NOT_UTF8_CSV = {
  message: 'berkas CSV ini bukan teks UTF-8 (misalnya hasil ekspor "Teks Unicode" Excel, yang berformat UTF-16, atau berisi data biner), jadi isinya tidak bisa diperiksa dan akan tampil rusak bagi pembaca.',
  fix: 'simpan ulang sebagai CSV UTF-8: di Excel pilih Simpan Sebagai → "CSV UTF-8 (Dibatasi koma)", di LibreOffice Calc pilih Simpan Sebagai → "Teks CSV" dengan set karakter "Unicode (UTF-8)".',
} as const;

/**
 * A CSV file's text, or undefined when it is not UTF-8 text: a UTF-16 file (with or without its
 * byte-order mark) has NUL bytes or bytes UTF-8 refuses. A UTF-8 byte-order mark is dropped.
 */
export function decodeCsvText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** `;` when the header row has more of them than commas (an Indonesian-locale export), else `,`. */
function csvDelimiter(text: string): ';' | ',' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * A cell's number, exactly as written: its digits as a whole number (`12,5` → 125n) and how many
 * of them are decimals, so a 19-digit amount is neither shown nor added up rounded.
 */
interface CellNumber {
  units: bigint;
  decimals: number;
  percent: boolean;
}

// Indonesian: 1.893 / 1893 / 12,5 / -3 / 45%. International (a comma file's unquoted cells): 1893 / 12.5.
const INDONESIAN_NUMBER = /^([-+]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(%?)$/;
const INTERNATIONAL_NUMBER = /^([-+]?)(\d+)(?:\.(\d+))?(%?)$/;
// A leading zero makes a code (kode desa 0012), not an amount.
const CODE = /^[-+]?0\d/;

/**
 * A cell as a number, or undefined when it is not one. In a semicolon file a dot groups
 * thousands; in a comma file a dot is the decimal mark, as open data portals write it, and a
 * quoted "12,5" keeps its decimal comma.
 */
function readNumber(cell: string, decimalComma: boolean): CellNumber | undefined {
  if (CODE.test(cell)) return undefined;
  const match = (decimalComma || cell.includes(',') ? INDONESIAN_NUMBER : INTERNATIONAL_NUMBER).exec(cell);
  if (!match) return undefined;
  const [, sign, whole, fraction = '', percent] = match;
  return { units: BigInt(`${sign === '-' ? '-' : ''}${whole!.replaceAll('.', '')}${fraction}`), decimals: fraction.length, percent: percent === '%' };
}

const GROUPED = new Intl.NumberFormat('id-ID');

/** Indonesian digits: 1.893, 12,5 (the decimals as written). */
function formatNumber({ units, decimals, percent }: CellNumber): string {
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = GROUPED.format(BigInt(digits.slice(0, digits.length - decimals)));
  const text = `${units < 0n ? '-' : ''}${whole}${decimals > 0 ? `,${digits.slice(-decimals)}` : ''}`;
  return percent ? `${text}%` : text;
}

/** How a `data` item describes one CSV column (`kolom.<nama>` in its frontmatter). */
export interface ColumnSettings {
  /** Header shown instead of the CSV's own. */
  label?: string;
  /** Unit, shown in the header; its numbers are an amount, written the Indonesian way. */
  satuan?: string;
  /** Adds the column up in a totals row. */
  total?: boolean;
}

export type ColumnsSettings = Readonly<Record<string, ColumnSettings>>;

/** A problem with `kolom`: `field` is its path in the frontmatter, e.g. `['kolom', 'laki2']`. */
export interface ColumnProblem {
  field: string[];
  message: string;
  fix: string;
}

/**
 * What in `kolom` the CSV cannot honour: a column it does not have (the columns it has are
 * listed), or a total of the row headers or of text.
 */
export function checkColumns(table: DataTable, columns: ColumnsSettings, csvName: string): ColumnProblem[] {
  const problems: ColumnProblem[] = [];
  for (const [name, settings] of Object.entries(columns)) {
    const index = table.headers.indexOf(name);
    if (index === -1) {
      problems.push({
        field: ['kolom', name],
        message: `berkas "${csvName}" tidak punya kolom "${name}".`,
        fix: `tulis nama kolom persis seperti di baris pertama berkas CSV: ${table.headers.join(', ')}.`,
      });
      continue;
    }
    const grouped = table.decimalComma ? undefined : findThousandsDots(table, index);
    if (grouped !== undefined && (settings.satuan !== undefined || settings.total)) {
      problems.push({
        field: ['kolom', name],
        message: `kolom "${name}" di berkas "${csvName}" (berkas dengan pemisah koma, yang memakai titik sebagai tanda desimal) berisi angka seperti "${table.rows[grouped]![index]}" di baris ${table.lines[grouped]}: setiap angka bertitiknya punya tepat tiga angka di belakang titik, jadi titik itu tampaknya pemisah ribuan, dan angkanya akan terbaca sebagai pecahan (${table.rows[grouped]![index]!.replace('.', ',')}).`,
        fix: 'tulis angka ribuan tanpa titik, misalnya 1893; atau simpan berkasnya sebagai CSV dengan pemisah titik koma (;), tempat titik memisahkan ribuan; bila memang pecahan, tulis dengan koma desimal di antara tanda kutip, misalnya "1,893".',
      });
    }
    if (!settings.total) continue;
    if (index === 0) {
      problems.push({
        field: ['kolom', name, 'total'],
        message: `kolom "${name}" adalah kolom pertama, yang menjadi judul setiap baris (baris jumlah memakainya untuk kata "Jumlah"), jadi tidak bisa dijumlahkan.`,
        fix: 'hapus `total` dari kolom ini; jumlahkan kolom angka di sebelahnya.',
      });
      continue;
    }
    const row = table.rows.findIndex((cells) => cells[index] !== '' && readNumber(cells[index]!, table.decimalComma) === undefined);
    if (row !== -1) {
      problems.push({
        field: ['kolom', name, 'total'],
        message: `kolom "${name}" tidak bisa dijumlahkan: di baris ${table.lines[row]} berkas "${csvName}" isinya "${table.rows[row]![index]}", bukan angka.`,
        fix: `hapus \`total\` dari kolom ini, atau perbaiki selnya menjadi angka tanpa satuan, misalnya ${table.decimalComma ? '1.893 atau 12,5' : '1893 atau 12.5'}.`,
      });
      continue;
    }
    const percent = table.rows.findIndex((cells) => cells[index] !== '' && readNumber(cells[index]!, table.decimalComma)!.percent);
    if (percent !== -1) {
      problems.push({
        field: ['kolom', name, 'total'],
        message: `kolom "${name}" berisi persentase (di baris ${table.lines[percent]} berkas "${csvName}": "${table.rows[percent]![index]}"); persentase baris-baris tidak bisa dijumlahkan, hasilnya bisa melebihi 100% dan menyesatkan.`,
        fix: 'hapus `total` dari kolom ini; bila perlu angka keseluruhan, tambahkan baris berisi persentasenya yang dihitung dari jumlah sebenarnya, atau jumlahkan kolom bilangan asalnya.',
      });
    }
  }
  return problems;
}

// 1.893 in a comma file, where the dot is the decimal mark: a thousands separator by its looks.
const THOUSANDS_LOOK = /^[-+]?\d{1,3}\.\d{3}%?$/;

/**
 * The row of the first number in a comma file's column whose dot looks like a thousands separator
 * (1.893, 2.500), when every number written with a dot in it looks so; else undefined.
 */
function findThousandsDots(table: DataTable, index: number): number | undefined {
  if (!table.numeric[index]) return undefined;
  const dotted = table.rows.flatMap((cells, row) => (/^[^,]*\.\d+%?$/.test(cells[index]!) ? [row] : []));
  return dotted.length > 0 && dotted.every((row) => THOUSANDS_LOOK.test(table.rows[row]![index]!)) ? dotted[0] : undefined;
}

export interface TableColumn {
  /** The label (or the CSV's header) and the unit. */
  header: string;
  numeric: boolean;
}

/** A dataset as its page shows it. */
export interface TableView {
  columns: TableColumn[];
  rows: string[][];
  /** The totals row (empty cells where a column is not added up), over every row of the file. */
  totals?: string[];
  /** Rows in the file; `rows` may hold fewer (see `limit`). */
  totalRows: number;
}

/** Word in the first cell of the totals row. */
export const TOTALS_LABEL = 'Jumlah';

/**
 * The table with its columns' labels and units, amounts in Indonesian digits (1.893; 12,5), and
 * the totals the columns ask for, computed from the file (never typed by the author). Only the
 * first `limit` rows are kept. `columns` has passed `checkColumns`.
 */
export function viewDataTable(table: DataTable, columns: ColumnsSettings, limit = Infinity): TableView {
  const settings = table.headers.map((name) => (Object.hasOwn(columns, name) ? columns[name]! : {}));
  // An amount has a unit or a total; other numbers (a year, a region code) stay as written.
  const amount = settings.map((column, i) => table.numeric[i]! && (column.satuan !== undefined || column.total === true));
  const show = (cell: string, i: number) => (amount[i] && cell !== '' ? formatNumber(readNumber(cell, table.decimalComma)!) : cell);
  const view: TableView = {
    columns: table.headers.map((name, i) => ({ header: settings[i]!.satuan ? `${settings[i]!.label ?? name} (${settings[i]!.satuan})` : (settings[i]!.label ?? name), numeric: table.numeric[i]! })),
    rows: table.rows.slice(0, limit).map((row) => row.map(show)),
    totalRows: table.rows.length,
  };
  if (settings.some((column) => column.total)) {
    view.totals = settings.map((column, i) => (i === 0 ? TOTALS_LABEL : column.total ? formatNumber(sum(table.rows.map((row) => row[i]!).filter((cell) => cell !== '').map((cell) => readNumber(cell, table.decimalComma)!))) : ''));
  }
  return view;
}

/** Exact, to the most decimals the column was written with. */
function sum(numbers: CellNumber[]): CellNumber {
  const decimals = Math.max(0, ...numbers.map((n) => n.decimals));
  const units = numbers.reduce((total, n) => total + n.units * 10n ** BigInt(decimals - n.decimals), 0n);
  return { units, decimals, percent: false };
}
