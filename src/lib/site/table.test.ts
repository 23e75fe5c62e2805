import { describe, expect, it } from 'vitest';
import { parseDataTable as parseResult, type DataTable } from './table.ts';

const FILE = 'content/data/penduduk/penduduk.csv';

function parseDataTable(text: string, limit?: number): DataTable {
  const result = parseResult(text, FILE, limit);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.value;
}

describe('data table from CSV', () => {
  it('reads a header row and quoted cells', () => {
    const table = parseDataTable('Desa,Jumlah penduduk\n"Anggrasmanis, Dusun I",1.234\nBalong,987\n');
    expect(table.headers).toEqual(['Desa', 'Jumlah penduduk']);
    expect(table.rows).toEqual([
      ['Anggrasmanis, Dusun I', '1.234'],
      ['Balong', '987'],
    ]);
    expect(table.numeric).toEqual([false, true]);
  });

  it('reads semicolon files from Indonesian spreadsheets, with decimal commas', () => {
    const table = parseDataTable('\uFEFFDesa;Luas (km²)\r\nJenawi;12,5\r\nBalong;8,75\r\n');
    expect(table.headers).toEqual(['Desa', 'Luas (km²)']);
    expect(table.rows[0]).toEqual(['Jenawi', '12,5']);
    expect(table.numeric).toEqual([false, true]);
  });

  it('fills short rows so every row has a cell per column', () => {
    expect(parseDataTable('a,b,c\n1,2\n').rows).toEqual([['1', '2', '']]);
  });

  it('shows only the first rows of a long file and says how many there are', () => {
    const csv = `n\n${Array.from({ length: 30 }, (_, i) => i).join('\n')}\n`;
    const table = parseDataTable(csv, 10);
    expect(table.rows).toHaveLength(10);
    expect(table.totalRows).toBe(30);
  });

  it('reports an unclosed quote with the file instead of throwing', () => {
    const result = parseResult('Desa,Jumlah\n"Jenawi,12\nBalong,3\n', FILE);
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ file: FILE, message: 'tanda kutip (") di berkas CSV tidak berpasangan.' })],
    });
  });

  it('reports a stray quote with its line', () => {
    const result = parseResult('Desa,Jumlah\nJenawi,12\n"Balong"x,3\n', FILE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: FILE, line: 3 });
  });

  it('reports an empty file', () => {
    const result = parseResult('\n', FILE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toBe('berkas CSV kosong.');
  });
});
