import { describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/problem.ts';
import { parseConfig } from './load.ts';
import { accountsActingOn, formatNip, memberAccounts, officialOf } from './officials.ts';

/** An office whose PPID is written out as a person, beside a plain login, a team and a stand-in. */
const CONFIG = `
kantor: { nama: Kecamatan Uji, induk: Pemerintah Kabupaten Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 1/2025, nama: SOP Uji, tanggal_efektif: 2025-01-02, disahkan_oleh: Camat Uji }
peran:
  ppid-pelaksana:
    nama: PPID Pelaksana
    anggota:
      - { akun: sri-ppid, nama: "Sri Handayani, S.Sos.", jabatan: Kepala Seksi Pelayanan Umum, nip: "19780512 200312 2 004" }
      - joko-staf
      - "@pemkab-uji/ppid"
    pengganti:
      - { akun: agus-plh, sampai: 2025-03-31, dasar: "Surat Plh. Nomor 800/45/2025", nama: "Agus Prasetyo, S.IP.", jabatan: Sekretaris Kecamatan }
  camat:
    nama: Camat Uji
    anggota: [{ akun: Hartono-Camat, nama: "Drs. Hartono, M.Si.", jabatan: Camat Uji }]
alur:
  - id: publikasi
    nama: Publikasi
    jenis: ["*"]
    tahap: [{ id: verifikasi, nama: Verifikasi PPID Pelaksana, peran: ppid-pelaksana }]
`;

const FIRST_MEMBER = '      - { akun: sri-ppid, nama: "Sri Handayani, S.Sos.", jabatan: Kepala Seksi Pelayanan Umum, nip: "19780512 200312 2 004" }';

function config(text = CONFIG) {
  const result = parseConfig(text);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.value;
}

function problems(member: string): string {
  const result = parseConfig(CONFIG.replace(FIRST_MEMBER, `      - ${member}`));
  expect(result.ok).toBe(false);
  return result.ok ? '' : formatProblems(result.problems);
}

describe('role members', () => {
  it('may be plain logins and teams or officials written out, and approvals see only the accounts', () => {
    const role = config().peran['ppid-pelaksana']!;
    expect(memberAccounts(role)).toEqual(['sri-ppid', 'joko-staf', '@pemkab-uji/ppid']);
    expect(role.anggota[0]).toEqual({ akun: 'sri-ppid', nama: 'Sri Handayani, S.Sos.', jabatan: 'Kepala Seksi Pelayanan Umum', nip: '197805122003122004' });
    expect(accountsActingOn(role, '2025-03-31')).toEqual(['sri-ppid', 'joko-staf', '@pemkab-uji/ppid', 'agus-plh']);
    expect(accountsActingOn(role, '2025-04-01')).toEqual(['sri-ppid', 'joko-staf', '@pemkab-uji/ppid']);
  });

  it('refuses an official without a name or position, naming the field', () => {
    expect(problems('{ akun: sri-ppid, jabatan: Kepala Seksi }')).toBe(
      'tayang.config.yml:8:9 — kolom `peran.ppid-pelaksana.anggota.0.nama`: nama pejabat wajib diisi bila anggota ditulis lengkap, misalnya nama: "Sri Handayani, S.Sos."',
    );
    expect(problems('{ akun: sri-ppid, nama: Sri }')).toMatch(/^tayang\.config\.yml:8:9 — kolom `peran\.ppid-pelaksana\.anggota\.0\.jabatan`: jabatan wajib diisi/);
  });

  it('refuses a NIP that is not 18 digits, unquoted, or impossible, saying how it is written', () => {
    expect(problems('{ akun: sri-ppid, nama: Sri, jabatan: Kasi, nip: "1978051220031220" }')).toBe(
      'tayang.config.yml:8:53 — kolom `peran.ppid-pelaksana.anggota.0.nip`: NIP PNS terdiri atas 18 angka, misalnya "19780512 200312 2 004"; "1978051220031220" berisi 16 angka.',
    );
    expect(problems('{ akun: sri-ppid, nama: Sri, jabatan: Kasi, nip: 197805122003122004 }')).toMatch(/kolom `peran\.ppid-pelaksana\.anggota\.0\.nip`: NIP ditulis di antara tanda kutip/);
    expect(problems('{ akun: sri-ppid, nama: Sri, jabatan: Kasi, nip: "19781312 200312 2 004" }')).toMatch(
      /kolom `peran\.ppid-pelaksana\.anggota\.0\.nip`: "197813122003122004" bukan NIP yang sah: 8 angka pertama adalah tanggal lahir/,
    );
    expect(problems('{ akun: sri-ppid, nama: Sri, jabatan: Kasi, nip: "19780512 200312 3 004" }')).toMatch(/angka ke-15 jenis kelamin \(1 atau 2\)/);
  });

  it('refuses a team or a mention as the account of an official', () => {
    expect(problems('{ akun: "@pemkab-uji/ppid", nama: Tim PPID, jabatan: PPID }')).toMatch(
      /kolom `peran\.ppid-pelaksana\.anggota\.0\.akun`: akun pejabat ditulis sebagai akun GitHub satu orang tanpa "@"/,
    );
  });

  it('refuses a stand-in with a name but no position', () => {
    const result = parseConfig(CONFIG.replace(', nama: "Agus Prasetyo, S.IP.", jabatan: Sekretaris Kecamatan', ', nama: "Agus Prasetyo, S.IP."'));
    expect(!result.ok && formatProblems(result.problems)).toMatch(/kolom `peran\.ppid-pelaksana\.pengganti\.0\.jabatan`: tulis nama dan jabatan pengganti bersama-sama/);
  });
});

describe('officialOf', () => {
  it('finds the member or stand-in written out for a login, whatever its case', () => {
    const office = config();
    expect(officialOf(office, 'SRI-PPID')).toEqual({ akun: 'sri-ppid', nama: 'Sri Handayani, S.Sos.', jabatan: 'Kepala Seksi Pelayanan Umum', nip: '197805122003122004' });
    expect(officialOf(office, 'agus-plh')).toEqual({ akun: 'agus-plh', nama: 'Agus Prasetyo, S.IP.', jabatan: 'Sekretaris Kecamatan' });
    expect(officialOf(office, 'hartono-camat')).toMatchObject({ nama: 'Drs. Hartono, M.Si.' });
  });

  it('knows nobody behind a plain login or a login the config no longer names', () => {
    expect(officialOf(config(), 'joko-staf')).toBeUndefined();
    expect(officialOf(config(), 'mantan-ppid')).toBeUndefined();
  });
});

describe('formatNip', () => {
  it('prints the NIP in its groups', () => {
    expect(formatNip('197805122003122004')).toBe('19780512 200312 2 004');
  });
});
