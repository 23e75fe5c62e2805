import { describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/problem.ts';
import { parseConfig } from './load.ts';

const BASE = `kantor: { nama: Kecamatan Jenawi, induk: Pemkab Karanganyar, alamat: Jenawi, situs: "https://jenawi.example.go.id" }
sop: { nomor: "1/2025", nama: SOP, tanggal_efektif: 2025-01-02, disahkan_oleh: Camat }
peran: { ppid: { nama: PPID, anggota: [budi] } }
alur: [{ id: publikasi, nama: Publikasi, jenis: ["*"], tahap: [{ id: v, nama: Verifikasi, peran: ppid }] }]
`;

describe('dengarkan section', () => {
  it('makes no recording unless the office turns it on', () => {
    const parsed = parseConfig(BASE);
    expect(parsed.ok && parsed.value.dengarkan).toEqual({ rekaman: false });
    const on = parseConfig(`${BASE}dengarkan:\n  rekaman: true\n`);
    expect(on.ok && on.value.dengarkan).toEqual({ rekaman: true });
  });

  it('refuses anything but true or false, naming the line', () => {
    const parsed = parseConfig(`${BASE}dengarkan:\n  rekaman: ya\n`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const text = formatProblems(parsed.problems);
      expect(text).toContain('tayang.config.yml:6');
      expect(text).toContain('dengarkan.rekaman ditulis true (buat rekaman suara setiap naskah) atau false (tidak dibuat, bawaan).');
    }
  });
});
