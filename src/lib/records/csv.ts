/**
 * CSV as RFC 4180 writes it: fields separated by commas, lines by CRLF, a field quoted when it
 * holds a comma, quote or line break, quotes doubled. A field that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) gets a leading apostrophe: titles and
 * logins come from authors, and the register is opened in Excel or LibreOffice
 * (https://owasp.org/www-community/attacks/CSV_Injection).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
