import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { memoryEnv, ruleIds, runFamily } from '../testing.ts';
import { isPlausibleNik, maskNumber, privacyRules } from './privacy.ts';

const check = (text: string, env = memoryEnv()) => runFamily(privacyRules, text, { env });

describe('privacy: NIK and KK', () => {
  it('reports a NIK with its line and column, citing the law and offering the KPU mask', async () => {
    const findings = await check('---\njudul: Bantuan\n---\nPenerima: Sutrisno (NIK 3313012505800003).\n');
    expect(findings).toMatchObject([{ rule: 'privacy/nik', line: 4, column: 25 }]);
    expect(findings[0]!.message).toContain('UU 27/2022');
    expect(findings[0]!.message).toContain('Pasal 84');
    expect(findings[0]!.suggestion).toContain('3313**********03');
  });

  it('recognises a woman’s NIK (day + 40) and a NIK written in groups', async () => {
    expect(ruleIds(await check('NIK 3313016505800003 dan 3313 0125 0580 0003.\n'))).toEqual(['privacy/nik', 'privacy/nik']);
  });

  it('calls it a KK number after "No. KK" or "Kartu Keluarga"', async () => {
    expect(ruleIds(await check('No. KK: 3313010101090012\n\nNomor Kartu Keluarga 3313010101090013\n'))).toEqual(['privacy/kk', 'privacy/kk']);
  });

  it('finds a NIK in the frontmatter too', async () => {
    expect(await check('---\nnarasumber: Bu Rini, NIK 3313014506800001\n---\n')).toMatchObject([{ rule: 'privacy/nik', line: 2 }]);
  });

  it.each([
    ['an already masked NIK', 'NIK 3313**********01'],
    ['a 16-digit number with an impossible province code', 'Kode transaksi 9913012505800003'],
    ['an impossible month', 'Nomor 3313012513800003'],
    ['a serial number of zero', 'Nomor 3313012505800000'],
    ['a longer number', 'Nomor 33130125058000031'],
    ['a legal citation', 'Undang-Undang Nomor 27 Tahun 2022 dan Peraturan Bupati Nomor 12 Tahun 2024'],
    ['a budget figure', 'Anggaran Rp1.250.000.000 dari APBDes 2025'],
    ['a civil servant number (NIP), spaced or not', 'Hartono, S.Sos., NIP 19780512 200501 1 003 (NIP 197805122005011003)'],
    ['office hours and a landline', 'Layanan pukul 08.00–15.00 WIB, telepon 0271-495123.'],
  ])('does not report %s', async (_, text) => {
    expect(await check(`${text}\n`)).toEqual([]);
  });

  it('checks the structure of the 16 digits', () => {
    expect(isPlausibleNik('3404071203910002')).toBe(true);
    expect(isPlausibleNik('3404075203910002')).toBe(true);
    expect(isPlausibleNik('3404073203910002')).toBe(false);
    expect(isPlausibleNik('3400071203910002')).toBe(false);
    expect(maskNumber('3404071203910002')).toBe('3404**********02');
  });
});

describe('privacy: birth dates, phones, e-mail, bank accounts', () => {
  it.each([
    'Sutrisno, lahir 12 Mei 1980, warga Dusun Tlobo.',
    'Ia lahir di Karanganyar, 3 Agustus 1975.',
    'lahir pada tanggal 17-08-1990 di Solo',
    'Tempat, tanggal lahir: Karanganyar, 1 Juni 1970',
    'TTL: Bantul, 2 Februari 1988',
  ])('reports a date of birth: %s', async (text) => {
    expect(ruleIds(await check(`${text}\n`))).toEqual(['privacy/birth-date']);
  });

  it.each([
    'Upacara Hari Lahir Pancasila, 1 Juni 2025, di halaman kantor kecamatan.',
    'Peserta membawa akta kelahiran dan fotokopi KTP.',
    'Program ini lahir dari musyawarah desa tahun 2023.',
  ])('does not report: %s', async (text) => {
    expect(await check(`${text}\n`)).toEqual([]);
  });

  it.each(['0812-3456-7890', '+62 812 3456 7890', '081234567890', '6285712345678', '0857.1234.5678'])('reports the mobile number %s', async (phone) => {
    expect(ruleIds(await check(`Hubungi Pak Darto di ${phone}.\n`))).toEqual(['privacy/phone']);
  });

  it('accepts the office’s own numbers from the config and landlines', async () => {
    const env = memoryEnv({}, { officePhones: ['(0271) 123456', '0812-0000-1111'] });
    expect(await check('Layanan: (0271) 123456, WhatsApp 0812 0000 1111, atau 0271-654321.\n', env)).toEqual([]);
  });

  it('reports a personal webmail address but not an official or configured one', async () => {
    const env = memoryEnv({}, { officeEmails: ['kecamatan.jenawi@gmail.com'] });
    const findings = await check('Kirim ke budi.santoso@gmail.com, ppid@karanganyarkab.go.id, atau kecamatan.jenawi@gmail.com.\n', env);
    expect(findings).toMatchObject([{ rule: 'privacy/email', column: 10 }]);
  });

  it('reports an address from the start of its local part, whatever comes before it', async () => {
    const findings = await check('Surel (a.n. Budi): +budi_s.2024@yahoo.com dan (siti@gmail.com).\n');
    expect(findings.map((f) => [f.rule, f.column])).toEqual([
      ['privacy/email', 20],
      ['privacy/email', 48],
    ]);
  });

  it('takes no part of a local part longer than 64 characters (RFC 5321) for an address', async () => {
    expect(await check(`Kode ${'a'.repeat(65)}@gmail.com.\n`)).toEqual([]);
  });

  // Tried from every letter of a word, the address pattern read the word to its end each time:
  // this word took 100 s. Finishing within the time limit is the assertion.
  it('reads a 300 KB word without "@" once', async () => {
    expect(await check(`${'a'.repeat(300_000)}\n`)).toEqual([]);
  }, 10_000);

  it('reports an account number near "rekening" and masks it', async () => {
    const findings = await check('Sumbangan ke rekening BRI 0123-01-012345-50-1 a.n. Sutarmi.\n');
    expect(findings).toMatchObject([{ rule: 'privacy/bank-account' }]);
    expect(findings[0]!.suggestion).toContain('012**********01');
  });

  it('does not take other numbers for account numbers', async () => {
    expect(await check('Rekening listrik naik 5 persen pada 2025. Pembayaran melalui loket.\n')).toEqual([]);
  });
});

describe('privacy: photo location', () => {
  const jpeg = (exif: Parameters<ReturnType<typeof sharp>['withExif']>[0]) => sharp({ create: { width: 8, height: 8, channels: 3, background: '#777' } }).jpeg().withExif(exif).toBuffer();

  it('reports a photo whose EXIF carries GPS coordinates', async () => {
    const photo = await jpeg({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 36/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '111/1 7/1 0/1' } });
    const env = memoryEnv({ 'content/artikel/uji/rumah.jpg': photo });
    const findings = await check('---\ngambar:\n  src: rumah.jpg\n  alt: Rumah warga yang direnovasi\n---\n', env);
    expect(findings).toMatchObject([{ rule: 'privacy/photo-location', message: expect.stringContaining('-7.6000') }]);
  });

  it('accepts a photo with EXIF but no location', async () => {
    const env = memoryEnv({ 'content/artikel/uji/a.jpg': await jpeg({ IFD0: { Make: 'Kamera' } }) });
    expect(await check('![Pasar desa pada pagi hari](a.jpg)\n', env)).toEqual([]);
  });
});

describe('privacy: pictures loaded from other sites', () => {
  it('warns on a Markdown image and an <img> whose address is another site', async () => {
    const findings = await check('Peta lokasi:\n\n![Peta Desa Trengguli](https://maps.example.com/peta.png)\n\n<img src="//cdn.example.net/piksel.gif" alt="">\n');
    expect(findings).toMatchObject([
      { rule: 'privacy/remote-image', line: 3, column: 1 },
      { rule: 'privacy/remote-image', line: 5 },
    ]);
    expect(findings[0]!.message).toContain('UU 27/2022 PDP');
  });

  it('does not warn on pictures kept beside the item, or on links to other sites', async () => {
    expect(await check('![Balai desa](balai-desa.jpg)\n\nLihat [peta](https://maps.example.com/peta).\n')).toEqual([]);
  });
});

describe('privacy: datasets, cell by cell', () => {
  const ITEM = 'content/data/penerima-blt/index.md';
  const CSV = 'content/data/penerima-blt/penerima.csv';
  const DATA_ITEM = '---\njudul: Penerima BLT Dana Desa 2026\nberkas: penerima.csv\nsatuan: orang\n---\nDaftar penerima.\n';
  const checkCsv = (csv: string, env: Parameters<typeof memoryEnv>[1] = {}) => runFamily(privacyRules, DATA_ITEM, { file: ITEM, env: memoryEnv({ [CSV]: csv }, env) });

  it('names the CSV, the column and the rows of every NIK, at the line of `berkas`, and the names they belong to', async () => {
    const csv = 'nama,nik,desa\nSutarmi,3313014506800001,Anggrasmanis\nSutrisno,3313012505800003,Balong\n\nPaijo,3313012505800000,Balong\n';
    const findings = await checkCsv(csv);
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['privacy/nik', 3, 1],
      ['privacy/person-list', 3, 1],
    ]);
    expect(findings[0]!.message).toBe('berkas `penerima.csv`, kolom `nik`, baris 2 dan 3 (nomor baris di berkas CSV): NIK 3313… tidak boleh dipublikasikan: data pribadi kependudukan (UU 27/2022 PDP; UU Administrasi Kependudukan Pasal 84).');
    expect(findings[0]!.suggestion).toContain('3313**********01');
    // Paijo's number has no valid structure (serial 0000), but his name is still beside a NIK column.
    expect(findings[1]!.message).toContain('kolom `nama` berisi nama orang, berdampingan dengan kolom `nik` (NIK), jadi setiap baris menunjuk satu orang (baris 2, 3, dan 5,');
    expect(findings[1]!.message).toContain('UU 27/2022 PDP Pasal 4 ayat (3)');
  });

  it('reads each cell after its header: KK numbers, birth dates, mobile numbers, personal e-mail, accounts', async () => {
    const csv = 'No_KK;Tgl. Lahir;No HP;Surel;No Rekening\n3313010101090012;12-05-1980;0812-3456-7890;budi.santoso@gmail.com;0123-01-012345-50-1\n';
    const findings = await checkCsv(csv);
    expect(findings.map((f) => f.rule)).toEqual(['privacy/kk', 'privacy/birth-date', 'privacy/phone', 'privacy/email', 'privacy/bank-account']);
    expect(findings[0]!.message).toMatch(/^berkas `penerima\.csv`, kolom `No_KK`, baris 2 \(nomor baris di berkas CSV\): nomor Kartu Keluarga/);
    expect(findings[2]!.message).toContain('kolom `No HP`');
  });

  it('counts the rest of a long column instead of naming every row, and gives the first line of a row spanning lines', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `Warga ${i + 1},33130125058000${String(i + 1).padStart(2, '0')}`);
    const findings = await checkCsv(`nama_lengkap,nik\n"Warga\nBaru",3313012505800021\n${rows.join('\n')}\n`);
    expect(findings[0]!.message).toContain('kolom `nik`, baris 2, 4, 5, 6, 7, dan 4 baris lainnya (nomor baris di berkas CSV)');
  });

  it('accepts the office’s own numbers, aggregate tables and places named beside counts', async () => {
    const csv = 'nama_desa,jumlah_kk,laki_laki,perempuan,kontak\nAnggrasmanis,1187,1893,1921,(0271) 123456\nBalong,1034,1642,1675,0812-0000-1111\n';
    expect(await checkCsv(csv, { officePhones: ['0812-0000-1111'] })).toEqual([]);
  });

  it('reports a names list beside identifier columns by their headers, masked numbers too', async () => {
    const findings = await checkCsv('Nama Pemilih,NIK,Alamat\nSutarmi,3313**********01,Dusun Tlobo RT 02\n');
    expect(findings).toMatchObject([{ rule: 'privacy/person-list', message: expect.stringContaining('berdampingan dengan kolom `NIK` (NIK) dan kolom `Alamat` (alamat), jadi setiap baris menunjuk satu orang (baris 2,') }]);
  });

  it('reads only the CSV of a data item, inside its folder', async () => {
    const nik = 'nama,nik\nSutarmi,3313014506800001\n';
    expect(await runFamily(privacyRules, DATA_ITEM.replace('penerima.csv', '../lain/penerima.csv'), { file: ITEM, env: memoryEnv({ 'content/data/lain/penerima.csv': nik }) })).toEqual([]);
    expect(await runFamily(privacyRules, DATA_ITEM, { file: 'content/artikel/penerima-blt/index.md', env: memoryEnv({ 'content/artikel/penerima-blt/penerima.csv': nik }) })).toEqual([]);
  });
});

describe('privacy: attachments and captions an item publishes', () => {
  const ITEM = 'content/pengumuman/penerima-blt/index.md';
  const ANNOUNCEMENT = '---\njudul: Penerima BLT\nlampiran:\n  - berkas: surat.pdf\n    judul: Surat\n  - berkas: daftar-penerima.csv\n    judul: Daftar penerima\n---\nDaftar penerima terlampir.\n';

  it('reads every CSV attachment cell by cell, as a dataset, at the line of its `berkas`', async () => {
    const env = memoryEnv({ 'content/pengumuman/penerima-blt/daftar-penerima.csv': 'nama,nik,desa\nBudi Santoso,3313011205800001,Balong\n' });
    const findings = await runFamily(privacyRules, ANNOUNCEMENT, { file: ITEM, env });
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['privacy/nik', 6],
      ['privacy/person-list', 6],
    ]);
    expect(findings[0]!.message).toMatch(/^berkas `daftar-penerima\.csv`, kolom `nik`, baris 2 \(nomor baris di berkas CSV\): NIK 3313…/);
  });

  it('reads a CSV the text links to, which the site publishes too, at the line of the link', async () => {
    const page = '---\njudul: Formulir\n---\nUnduh [daftar penerima](daftar-penerima.csv).\n';
    const env = memoryEnv({ 'content/halaman/bantuan/daftar-penerima.csv': 'nama,nik,desa\nBudi Santoso,3313011205800001,Balong\n' });
    const findings = await runFamily(privacyRules, page, { file: 'content/halaman/bantuan/index.md', env });
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['privacy/nik', 4],
      ['privacy/person-list', 4],
    ]);
  });

  it('reads a NIK written in a CSV header', async () => {
    const env = memoryEnv({ 'content/pengumuman/penerima-blt/daftar-penerima.csv': 'desa,3313011205800001\nBalong,12\n' });
    const findings = await runFamily(privacyRules, ANNOUNCEMENT, { file: ITEM, env });
    expect(findings).toMatchObject([{ rule: 'privacy/nik', line: 6, message: expect.stringContaining('kolom `3313011205800001`, baris 1 (nomor baris di berkas CSV)') }]);
  });

  it('leaves a CSV that is not UTF-8 to the file check (content/load.ts), which refuses it', async () => {
    const utf16 = Buffer.from('\uFEFFnama,nik\nBudi,3313011205800001\n', 'utf16le');
    expect(await runFamily(privacyRules, ANNOUNCEMENT, { file: ITEM, env: memoryEnv({ 'content/pengumuman/penerima-blt/daftar-penerima.csv': utf16 }) })).toEqual([]);
  });

  it('reads the captions of a video cue by cue, naming the lines of the .vtt at the line of `takarir`', async () => {
    const vtt = 'WEBVTT\nLanguage: id\n\n00:00:01.000 --> 00:00:04.000\nSelamat pagi warga.\n\n00:00:05.000 --> 00:00:09.000\n<v Camat>Pak Budi, NIK 3313011205800001,\nsilakan hubungi 0812-3456-7890.\n';
    const findings = await runFamily(privacyRules, '---\njudul: Video\ntakarir: takarir.vtt\n---\nIsi.\n', { file: 'content/video/jalan/index.md', env: memoryEnv({ 'content/video/jalan/takarir.vtt': vtt }) });
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['privacy/nik', 3],
      ['privacy/phone', 3],
    ]);
    expect(findings[0]!.message).toMatch(/^takarir `takarir\.vtt`, baris 8 \(nomor baris di berkas takarir\): NIK 3313…/);
  });
});

describe('privacy: names lists by their headers', () => {
  const ITEM = 'content/data/daftar/index.md';
  const checkCsv = (csv: string) => runFamily(privacyRules, '---\njudul: Daftar\nberkas: daftar.csv\n---\n', { file: ITEM, env: memoryEnv({ 'content/data/daftar/daftar.csv': csv }) });

  it.each([
    ['no,nama kepala rumah tangga,alamat,desa\n1,Sutrisno,Jl. Melati 4,Balong\n', 'kolom `nama kepala rumah tangga`'],
    ['penerima,alamat,desa\nSutarmi,Jl. Mawar 2,Balong\n', 'kolom `penerima`'],
    ['nama pemilik usaha,no hp,desa\nSutarmi,0812-3456-7890,Balong\n', 'kolom `nama pemilik usaha`'],
    ['nama,dusun,desa\nSutarmi,Dusun Tlobo RT 02/RW 03,Balong\n', 'kolom `dusun` (alamat)'],
    ['peserta,rt/rw\nSutarmi,02/03\n', 'kolom `rt/rw` (alamat)'],
  ])('reports names beside addresses or phones: %s', async (csv, words) => {
    const findings = await checkCsv(csv);
    expect(findings.filter((f) => f.rule === 'privacy/person-list')).toMatchObject([{ message: expect.stringContaining(words) }]);
  });

  it.each([
    ['officials with their positions', 'nama,jabatan,pangkat\nHartono,Sekretaris Camat,Penata Tk. I\n'],
    ['villages with their offices', 'nama desa,alamat,telepon\nBalong,Jl. Raya Balong 1,(0271) 123456\n'],
    ['businesses by name', 'nama usaha,alamat,jenis\nToko Makmur,Jl. Pasar 3,kelontong\n'],
    ['counts of recipients', 'desa,jumlah penerima,alamat kantor\nBalong,120,Jl. Raya Balong 1\n'],
    ['villages of recipients', 'nama desa penerima,alamat balai desa\nBalong,Jl. Raya Balong 1\n'],
  ])('does not report %s', async (_, csv) => {
    expect(await checkCsv(csv)).toEqual([]);
  });
});

describe('privacy: numbers as the reader sees them', () => {
  it.each([
    ['a character reference', '&#51;313011205800001'],
    ['an HTML comment inside it', '3313<!-- -->011205800001'],
    ['emphasis splitting it', '3313*0112*05800001'],
    ['a soft hyphen', '33130112\u00AD05800001'],
    ['a soft hyphen as a reference', '33130112&shy;05800001'],
    ['a zero-width space', '33130112\u200B05800001'],
    ['full-width digits', '３３１３０１１２０５８００００１'],
    ['the groups of its structure, with dots', '33.13.01.120580.0001'],
    ['the groups of its structure, with spaces', '33 13 01 520685 0002'],
    ['raw HTML with references', '<p>NIK: &#x33;313011205800001</p>'],
  ])('reports a NIK hidden by %s, at the line of its block', async (_, nik) => {
    expect(await check(`---\njudul: Bantuan\n---\nPengantar.\n\nPenerima: Budi (NIK ${nik}).\n`)).toMatchObject([{ rule: 'privacy/nik', line: 6 }]);
  });

  it('reports a KK number written with a character reference, and a NIK split across a table row’s emphasis', async () => {
    expect(ruleIds(await check('No. KK 3313&#x30;10101090012\n'))).toEqual(['privacy/kk']);
    expect(await check('| Nama | NIK |\n| --- | --- |\n| Budi | 3313**0112**05800001 |\n')).toMatchObject([{ rule: 'privacy/nik', line: 3 }]);
  });

  it('reports a plain NIK once, where it is written', async () => {
    expect(await check('Penerima: *Budi* (NIK 3313011205800001).\n')).toMatchObject([{ rule: 'privacy/nik', line: 1, column: 23 }]);
  });

  it('reads CSV cells as the reader sees them', async () => {
    const env = memoryEnv({ 'content/data/daftar/daftar.csv': 'desa,nomor\nBalong,33.13.01.120580.0001\nJenawi,３３１３０１１２０５８００００２\n' });
    const findings = await runFamily(privacyRules, '---\njudul: Daftar\nberkas: daftar.csv\n---\n', { file: 'content/data/daftar/index.md', env });
    expect(findings).toMatchObject([{ rule: 'privacy/nik', message: expect.stringContaining('kolom `nomor`, baris 2 dan 3') }]);
  });

  it.each([
    ['a budget', 'Pagu anggaran Rp 1.250.000.000 dan Rp 33.130.112.058.000.'],
    ['office phones and hours', 'Telepon (0271) 495123 atau 0271-495-123, pukul 08.00–15.00.'],
    ['dates and regulations', 'Perbup Nomor 12 Tahun 2024 tanggal 12.05.2024; Permendagri 72/2019 kode 33.13.01.2001.'],
    ['a region code with a village code', 'Kode wilayah 33.13.01.2001 (Desa Balong).'],
    ['an emphasised year beside a number', '**2025** 1.893 jiwa'],
  ])('does not report %s', async (_, text) => {
    expect(await check(`${text}\n`)).toEqual([]);
  });
});
