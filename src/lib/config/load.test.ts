import { describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/problem.ts';
import { parseConfig } from './load.ts';

const VALID = `
kantor:
  nama: Kecamatan Jenawi
  induk: Pemerintah Kabupaten Karanganyar
  alamat: Jl. Raya Jenawi No. 1, Jenawi, Karanganyar
  situs: https://jenawi.example.go.id
sop:
  nomor: 800/12/2025
  nama: SOP Pelayanan Informasi Publik melalui Website dan Media Sosial
  tanggal_efektif: 2025-01-02
  disahkan_oleh: Camat Jenawi
peran:
  ppid-pelaksana:
    nama: PPID Pelaksana
    anggota: [sri-ppid]
    pengganti:
      - { akun: joko-plh, sampai: 2025-03-31, dasar: "Surat Plh. Nomor 800/45/2025" }
alur:
  - id: publikasi
    nama: Publikasi informasi publik
    jenis: ["*"]
    tahap:
      - { id: verifikasi, nama: Verifikasi PPID Pelaksana, peran: ppid-pelaksana, mutu_baku: tentatif }
`;

describe('tayang.config.yml', () => {
  it('accepts a complete config and fills in the defaults', () => {
    const result = parseConfig(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.kantor.zona_waktu).toBe('Asia/Jakarta');
    expect(result.value.jam_kerja.hari).toEqual(['senin', 'selasa', 'rabu', 'kamis', 'jumat']);
    expect(result.value.alur[0]!.tahap[0]!.peran).toEqual(['ppid-pelaksana']);
    expect(result.value.alur[0]!.tahap[0]!.mutu_baku).toBe('tentatif');
    expect(result.value.peran['ppid-pelaksana']!.pengganti[0]!.sampai).toBe('2025-03-31');
  });

  it('names the line and key of an unknown role and lists the roles that exist', () => {
    const result = parseConfig(VALID.replace('peran: ppid-pelaksana,', 'peran: ppid,'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatProblems(result.problems)).toMatchInlineSnapshot(
      `"tayang.config.yml:23:60 — kolom \`alur.0.tahap.0.peran\`: peran "ppid" tidak ada di bagian \`peran\`. Peran yang ada: ppid-pelaksana."`,
    );
  });

  it('names the line and key of an escalation role that does not exist', () => {
    const result = parseConfig(VALID.replace('mutu_baku: tentatif }', 'mutu_baku: 2 jam, eskalasi: camat }'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatProblems(result.problems)).toMatchInlineSnapshot(`"tayang.config.yml:23:101 — kolom \`alur.0.tahap.0.eskalasi\`: peran eskalasi "camat" tidak ada di bagian \`peran\`. Tulis id salah satu peran yang ada (ppid-pelaksana), atau hapus \`eskalasi\` agar keterlambatan dilaporkan kepada peran tahap terakhir alur ini."`);
  });

  it('explains a malformed time standard with the forms it accepts', () => {
    const result = parseConfig(VALID.replace('mutu_baku: tentatif', 'mutu_baku: sejam'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      line: 23,
      field: 'alur.0.tahap.0.mutu_baku',
      message: expect.stringContaining('Tulis seperti "30 menit", "5 jam", "2 hari", atau "tentatif"'),
    });
  });

  it('reports a missing required key at its parent, with what to add', () => {
    const result = parseConfig(VALID.replace('  situs: https://jenawi.example.go.id\n', ''));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ field: 'kantor.situs', line: 2, message: 'wajib diisi, tetapi tidak ada.' }),
    ]);
  });

  it('points at a misspelt key', () => {
    const result = parseConfig(VALID.replace('  alamat:', '  almat:'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(
      expect.objectContaining({ line: 5, message: 'kolom tidak dikenal: almat.', fix: 'periksa ejaan nama kolom, atau hapus kolom itu.' }),
    );
  });

  it('reports broken YAML with its line instead of throwing', () => {
    const result = parseConfig('kantor:\n  nama: "Kecamatan Jenawi\n  induk: x\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toMatch(/^penulisan YAML rusak/);
    expect(result.problems[0]!.line).toBeGreaterThan(0);
  });

  it('refuses a YAML tag such as !!js/function, naming it and its line', () => {
    const result = parseConfig(VALID.replace('  nama: Kecamatan Jenawi', '  nama: !!js/function "function () { return 1 }"'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ file: 'tayang.config.yml', line: 3, column: 9, message: expect.stringMatching(/^tanda `!!js\/function` \(tag YAML\) tidak diterima/) })]);
  });

  it('takes a picture pixel limit of 40 megapixels unless the office sets one, at most sharp\'s own', () => {
    const defaults = parseConfig(VALID);
    expect(defaults.ok && defaults.value.periksa.batas_piksel_gambar).toBe(40_000_000);
    const own = parseConfig(`${VALID}periksa:\n  batas_piksel_gambar: 24000000\n`);
    expect(own.ok && own.value.periksa.batas_piksel_gambar).toBe(24_000_000);
    const tooLarge = parseConfig(`${VALID}periksa:\n  batas_piksel_gambar: 500000000\n`);
    expect(!tooLarge.ok && tooLarge.problems).toEqual([expect.objectContaining({ field: 'periksa.batas_piksel_gambar', line: 25, message: 'paling besar 268402689 (16383 × 16383 piksel): gambar yang lebih besar tidak dapat diolah pustaka gambar situs (sharp).' })]);
  });
});

describe('messages a schema sets itself', () => {
  it("keeps the schema's own Indonesian text for a malformed date", () => {
    const result = parseConfig(VALID.replace('tanggal_efektif: 2025-01-02', 'tanggal_efektif: 2 Januari 2025'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      field: 'sop.tanggal_efektif',
      message: 'tanggal harus ditulis TTTT-BB-HH, misalnya 2025-03-31.',
    });
  });

  it('says a list opened with [ was not closed, instead of blaming the indentation', () => {
    const result = parseConfig(VALID.replace('anggota: [sri-ppid]', 'anggota: [sri-ppid'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ line: 16, message: 'penulisan YAML rusak: daftar yang dibuka dengan "[" sebelum baris ini belum ditutup dengan "]".' });
  });

  it('refuses a day that is not in the calendar (YAML leaves 2026-12-32 as text)', () => {
    const result = parseConfig(`${VALID}jam_kerja:\n  libur:\n    - 2026-12-25\n    - 2026-12-32\n`.replace('sampai: 2025-03-31', 'sampai: 2025-02-30'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toMatchObject([
      { field: 'jam_kerja.libur.1', line: 27, message: '"2026-12-32" bukan tanggal yang ada di kalender; periksa bulan dan harinya.' },
      { field: 'peran.ppid-pelaksana.pengganti.0.sampai', line: 17, message: '"2025-02-30" bukan tanggal yang ada di kalender; periksa bulan dan harinya.' },
    ]);
  });

  it('refuses a logo outside public/, by "..", absolute or not a picture, naming the key', () => {
    for (const logo of ['public/../content/berita/banjir/longsor.jpg', '/public/logo.png', 'assets/logo.png', 'public//logo.png', 'public\\\\logo.png']) {
      const result = parseConfig(VALID.replace('  situs: https://jenawi.example.go.id', `  situs: https://jenawi.example.go.id\n  logo: "${logo}"`));
      expect(result.ok, logo).toBe(false);
      if (result.ok) continue;
      expect(result.problems, logo).toMatchObject([{ field: 'kantor.logo', line: 7, message: expect.stringContaining('harus berkas di dalam folder public/') }]);
    }
    const svg = parseConfig(VALID.replace('  situs: https://jenawi.example.go.id', '  situs: https://jenawi.example.go.id\n  logo: public/lambang.svg'));
    expect(svg.ok || svg.problems).toMatchObject([{ field: 'kantor.logo', message: expect.stringContaining('harus berformat PNG, WebP atau JPG (SVG dapat memuat skrip)') }]);
    expect(parseConfig(VALID.replace('  situs: https://jenawi.example.go.id', '  situs: https://jenawi.example.go.id\n  logo: public/img/logo-jenawi.png')).ok).toBe(true);
  });

  it('refuses a menu entry given twice or with a blank label, naming menu.N', () => {
    const result = parseConfig(`${VALID}menu:\n  - berita\n  - { id: profil, label: "   " }\n  - berita\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatProblems(result.problems)).toMatchInlineSnapshot(`
      "tayang.config.yml:26:19 — kolom \`menu.1.label\`: label menu tidak boleh kosong atau hanya spasi: tautan tanpa nama tidak bisa dibacakan pembaca layar. Tulis labelnya, misalnya "Permohonan Informasi", atau hapus \`label\` agar memakai nama bagian atau judul halamannya.
      tayang.config.yml:27:5 — kolom \`menu.2\`: "berita" sudah ada di menu (menu.0); setiap bagian atau halaman cukup sekali di menu. Hapus salah satunya."
    `);
  });
});
