import { describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/problem.ts';
import { parseConfig } from './load.ts';

const BASE = `kantor: { nama: Kecamatan Jenawi, induk: Pemkab Karanganyar, alamat: Jenawi, situs: "https://jenawi.example.go.id" }
sop: { nomor: "1/2025", nama: SOP, tanggal_efektif: 2025-01-02, disahkan_oleh: Camat }
peran: { ppid: { nama: PPID, anggota: [budi] } }
alur: [{ id: publikasi, nama: Publikasi, jenis: ["*"], tahap: [{ id: v, nama: Verifikasi, peran: ppid }] }]
`;

describe('braille section', () => {
  it('is 40 cells by 25 lines unless the office writes its paper', () => {
    const parsed = parseConfig(BASE);
    expect(parsed.ok && parsed.value.braille).toEqual({ sel_per_baris: 40, baris_per_halaman: 25 });
    const a4 = parseConfig(`${BASE}braille:\n  baris_per_halaman: 28\n`);
    expect(a4.ok && a4.value.braille).toEqual({ sel_per_baris: 40, baris_per_halaman: 28 });
  });

  it('refuses a page no embosser has, naming the line and the usual size', () => {
    const parsed = parseConfig(`${BASE}braille:\n  sel_per_baris: 400\n  baris_per_halaman: 2.5\n`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const text = formatProblems(parsed.problems);
      expect(text).toContain('tayang.config.yml:6');
      expect(text).toContain('sel_per_baris (sel braille per baris) paling banyak 50; kertas braille biasa memuat 40 sel. Periksa ukuran kertas pencetak braille kantor.');
      expect(text).toContain('tayang.config.yml:7');
      expect(text).toContain('baris_per_halaman (baris braille per halaman) harus bilangan bulat, misalnya 25 atau 28 baris.');
    }
  });
});
