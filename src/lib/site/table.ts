import { parse } from 'csv-parse/sync';

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

export function parseDataTable(text: string, limit = Infinity): DataTable {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  const records: string[][] = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  const [headers = [], ...body] = records;
  const width = headers.length;
  const rows = body.slice(0, limit).map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  const numeric = headers.map((_, i) => {
    const filled = rows.map((row) => row[i]!).filter((cell) => cell !== '');
    return filled.length > 0 && filled.every((cell) => NUMBER.test(cell));
  });
  return { headers, rows, numeric, totalRows: body.length };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
