import { describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/problem.ts';
import { parseConfig } from './load.ts';

const BASE = `kantor: { nama: Kecamatan Jenawi, induk: Pemkab Karanganyar, alamat: Jenawi, situs: "https://jenawi.example.go.id" }
sop: { nomor: "1/2025", nama: SOP, tanggal_efektif: 2025-01-02, disahkan_oleh: Camat }
peran: { ppid: { nama: PPID, anggota: [budi] } }
alur: [{ id: publikasi, nama: Publikasi, jenis: ["*"], tahap: [{ id: v, nama: Verifikasi, peran: ppid }] }]
`;
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIVbqtt2RqF1lV2Xbo8b3GG5kERv2V7YiLtSBdbBEl2y arsip kecamatan-jenawi';
const OLD_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFke95HuX4l+CmX7at3PPEzhfhJGfmUBe2oskYkNJekK arsip lama';

describe('arsip section', () => {
  it('has no key unless the office names one', () => {
    const parsed = parseConfig(BASE);
    expect(parsed.ok && parsed.value.arsip).toEqual({ kunci_publik: [] });
  });

  it('takes one key, or a list while an old key still vouches for older archives', () => {
    const one = parseConfig(`${BASE}arsip:\n  kunci_publik: ${KEY}\n`);
    expect(one.ok && one.value.arsip.kunci_publik).toEqual([KEY]);
    const two = parseConfig(`${BASE}arsip:\n  kunci_publik:\n    - ${KEY}\n    - ${OLD_KEY}\n`);
    expect(two.ok && two.value.arsip.kunci_publik).toEqual([KEY, OLD_KEY]);
  });

  it('names the line of a key that is not an Ed25519 public key, and says what to paste', () => {
    const parsed = parseConfig(`${BASE}arsip:\n  kunci_publik:\n    - ${KEY}\n    - ssh-rsa AAAAB3NzaC1yc2E kantor\n`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(formatProblems(parsed.problems)).toContain('tayang.config.yml:8');
      expect(formatProblems(parsed.problems)).toContain('kunci jenis ssh-rsa tidak didukung; arsip ditandatangani dengan kunci ssh-ed25519. Salin isi berkas kunci-arsip.pub apa adanya, dalam satu baris.');
    }
  });
});
