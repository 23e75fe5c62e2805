import { describe, expect, it } from 'vitest';
import { checkColumns, parseDataTable as parseResult, viewDataTable, type DataTable } from './table.ts';

const FILE = 'content/data/penduduk/penduduk.csv';

function parseDataTable(text: string): DataTable {
  const result = parseResult(text, FILE);
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
    const table = viewDataTable(parseDataTable(csv), {}, 10);
    expect(table.rows).toHaveLength(10);
    expect(table.totalRows).toBe(30);
  });

  it('knows the line of every row, also after a cell that spans lines', () => {
    expect(parseDataTable('Desa,Catatan\nJenawi,"dua\nbaris"\nBalong,satu\n').lines).toEqual([3, 4]);
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

const PENDUDUK = 'desa,laki_laki,perempuan,kepala_keluarga,tahun,kode\nAnggrasmanis,1893,1921,1187,2026,3313\nBalong,1642,1675,1034,2026,3314\nGumeng,1428,1463,902,2026,3315\n';

describe('a dataset on its page, as `kolom` describes it', () => {
  const kolom = {
    desa: { label: 'Desa' },
    laki_laki: { label: 'Laki-laki', satuan: 'jiwa', total: true },
    perempuan: { label: 'Perempuan', satuan: 'jiwa', total: true },
    kepala_keluarga: { label: 'Kepala keluarga', satuan: 'KK' },
  };

  it('heads columns with their labels and units, and the CSV header where there is no label', () => {
    const view = viewDataTable(parseDataTable(PENDUDUK), kolom);
    expect(view.columns).toEqual([
      { header: 'Desa', numeric: false },
      { header: 'Laki-laki (jiwa)', numeric: true },
      { header: 'Perempuan (jiwa)', numeric: true },
      { header: 'Kepala keluarga (KK)', numeric: true },
      { header: 'tahun', numeric: true },
      { header: 'kode', numeric: true },
    ]);
  });

  it('writes amounts in Indonesian digits, and leaves numbers that are not amounts (a year, a code) as written', () => {
    const view = viewDataTable(parseDataTable(PENDUDUK), kolom);
    expect(view.rows[0]).toEqual(['Anggrasmanis', '1.893', '1.921', '1.187', '2026', '3313']);
  });

  it('reads decimals as each kind of file writes them and shows them with a decimal comma', () => {
    const luas = { luas: { satuan: 'km²' } };
    const comma = viewDataTable(parseDataTable('desa,luas\nJenawi,12.5\nBalong,"8,75"\nGumeng,1250.125\n'), luas);
    expect(comma.rows.map((row) => row[1])).toEqual(['12,5', '8,75', '1.250,125']);
    const semicolon = viewDataTable(parseDataTable('desa;luas\nJenawi;12,5\nBalong;1.250\nGumeng;-3\n'), luas);
    expect(semicolon.rows.map((row) => row[1])).toEqual(['12,5', '1.250', '-3']);
  });

  it('keeps a code with a leading zero as text', () => {
    const table = parseDataTable('desa,kode\nJenawi,0012\nBalong,0013\n');
    expect(table.numeric).toEqual([false, false]);
    expect(viewDataTable(table, { kode: { satuan: 'nomor' } }).rows[0]).toEqual(['Jenawi', '0012']);
  });

  it('adds up the columns that ask for it from every row of the file, not only the rows shown', () => {
    const view = viewDataTable(parseDataTable(PENDUDUK), kolom, 2);
    expect(view.rows).toHaveLength(2);
    expect(view.totals).toEqual(['Jumlah', '4.963', '5.059', '', '', '']);
    expect(viewDataTable(parseDataTable(PENDUDUK), { desa: { label: 'Desa' } }).totals).toBeUndefined();
  });

  it('adds decimals exactly and skips empty cells', () => {
    const view = viewDataTable(parseDataTable('desa,curah,hujan\nA,0.1,1.25\nB,0.2,\nC,,-2\n'), { curah: { total: true }, hujan: { total: true } });
    expect(view.totals).toEqual(['Jumlah', '0,3', '-0,75']);
  });

  it('shows and adds up amounts beyond 2^53 digit for digit', () => {
    const view = viewDataTable(parseDataTable('akun,nilai\nA,123456789012345678\nB,1.5\n'), { nilai: { satuan: 'rupiah', total: true } });
    expect(view.rows.map((row) => row[1])).toEqual(['123.456.789.012.345.678', '1,5']);
    expect(view.totals).toEqual(['Jumlah', '123.456.789.012.345.679,5']);
  });
});

describe('checking `kolom` against the CSV', () => {
  const table = parseDataTable(PENDUDUK);

  it('refuses a column the CSV does not have, naming the columns it has', () => {
    expect(checkColumns(table, { laki2: { label: 'Laki-laki' } }, 'penduduk.csv')).toEqual([
      {
        field: ['kolom', 'laki2'],
        message: 'berkas "penduduk.csv" tidak punya kolom "laki2".',
        fix: 'tulis nama kolom persis seperti di baris pertama berkas CSV: desa, laki_laki, perempuan, kepala_keluarga, tahun, kode.',
      },
    ]);
  });

  it('refuses a total of the row headers or of a column with text, naming the line', () => {
    expect(checkColumns(table, { desa: { total: true } }, 'penduduk.csv')[0]).toMatchObject({ field: ['kolom', 'desa', 'total'], message: expect.stringContaining('kolom pertama') });
    const withText = parseDataTable('desa,jumlah\nJenawi,12\nBalong,tidak ada\n');
    expect(checkColumns(withText, { jumlah: { total: true } }, 'penduduk.csv')).toEqual([
      {
        field: ['kolom', 'jumlah', 'total'],
        message: 'kolom "jumlah" tidak bisa dijumlahkan: di baris 3 berkas "penduduk.csv" isinya "tidak ada", bukan angka.',
        fix: 'hapus `total` dari kolom ini, atau perbaiki selnya menjadi angka tanpa satuan, misalnya 1893 atau 12.5.',
      },
    ]);
  });

  it('refuses a total of per cents, which would add up to more than a whole', () => {
    const cakupan = parseDataTable('desa,cakupan\nA,55.1%\nB,55%\n');
    expect(checkColumns(cakupan, { cakupan: { satuan: 'persen', total: true } }, 'cakupan.csv')).toEqual([
      expect.objectContaining({ field: ['kolom', 'cakupan', 'total'], message: 'kolom "cakupan" berisi persentase (di baris 2 berkas "cakupan.csv": "55.1%"); persentase baris-baris tidak bisa dijumlahkan, hasilnya bisa melebihi 100% dan menyesatkan.' }),
    ]);
    expect(checkColumns(cakupan, { cakupan: { satuan: 'persen' } }, 'cakupan.csv')).toEqual([]);
  });

  it('refuses, in a comma file, an amount column whose every dot looks like a thousands separator', () => {
    const grouped = parseDataTable('desa,penduduk,luas\nA,1.893,12.5\nB,2.500,8\nC,940,1.250\n');
    expect(checkColumns(grouped, { penduduk: { satuan: 'jiwa', total: true } }, 'penduduk.csv')).toEqual([
      {
        field: ['kolom', 'penduduk'],
        message: 'kolom "penduduk" di berkas "penduduk.csv" (berkas dengan pemisah koma, yang memakai titik sebagai tanda desimal) berisi angka seperti "1.893" di baris 2: setiap angka bertitiknya punya tepat tiga angka di belakang titik, jadi titik itu tampaknya pemisah ribuan, dan angkanya akan terbaca sebagai pecahan (1,893).',
        fix: 'tulis angka ribuan tanpa titik, misalnya 1893; atau simpan berkasnya sebagai CSV dengan pemisah titik koma (;), tempat titik memisahkan ribuan; bila memang pecahan, tulis dengan koma desimal di antara tanda kutip, misalnya "1,893".',
      },
    ]);
    // Decimals of other lengths beside it, a column that is no amount, a semicolon file: nothing to say.
    expect(checkColumns(grouped, { luas: { satuan: 'km²', total: true } }, 'penduduk.csv')).toEqual([]);
    expect(checkColumns(grouped, { penduduk: { label: 'Penduduk' } }, 'penduduk.csv')).toEqual([]);
    expect(checkColumns(parseDataTable('desa;penduduk\nA;1.893\n'), { penduduk: { satuan: 'jiwa' } }, 'penduduk.csv')).toEqual([]);
  });

  it('accepts what the CSV has', () => {
    expect(checkColumns(table, { laki_laki: { label: 'Laki-laki', satuan: 'jiwa', total: true } }, 'penduduk.csv')).toEqual([]);
  });
});
