import { CsvError, parse } from 'csv-parse/sync';
import type { Validated } from '../errors/validate.ts';

/**
 * A `data` item's CSV as a table the page can render with a caption and header cells. Offices
 * export from spreadsheets with an Indonesian locale, which writes `;` between cells (the comma
 * is the decimal mark), so the delimiter is read from the header row.
 */

export interface DataTable {
  headers: string[];
  rows: string[][];
  /** Columns whose every filled cell is a number, to right-align them. */
  numeric: boolean[];
  /** Rows in the file; `rows` may hold fewer (see `limit`). */
  totalRows: number;
}

/** 1.234 / 1234 / 12,5 / -3 / 45% */
const NUMBER = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?$|^[-+]?\d+(\.\d+)?%?$/;

/** `file` names the CSV in problems; a broken file is reported, never thrown. */
export function parseDataTable(text: string, file: string, limit = Infinity): Validated<DataTable> {
  const delimiter = csvDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
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
        message: quote ? 'tanda kutip (") di berkas CSV tidak berpasangan.' : `berkas CSV tidak bisa dibaca (${error.message}).`,
        fix: 'simpan ulang dari aplikasi lembar kerja sebagai CSV, atau tutup tanda kutip pada sel yang berisi koma.',
      }],
    };
  }
  const [headers = [], ...body] = records;
  if (headers.length === 0) {
    return { ok: false, problems: [{ file, message: 'berkas CSV kosong.', fix: 'baris pertama berisi judul kolom, baris berikutnya berisi data.' }] };
  }
  const width = headers.length;
  const rows = body.slice(0, limit).map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  const numeric = headers.map((_, i) => {
    const filled = rows.map((row) => row[i]!).filter((cell) => cell !== '');
    return filled.length > 0 && filled.every((cell) => NUMBER.test(cell));
  });
  return { ok: true, value: { headers, rows, numeric, totalRows: body.length } };
}

/** `;` when the header row has more of them than commas (an Indonesian-locale export), else `,`. */
export function csvDelimiter(text: string): ';' | ',' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
