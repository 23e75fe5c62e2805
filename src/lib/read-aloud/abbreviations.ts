/**
 * The abbreviations of government prose and how they are said, for the speech normaliser
 * (normalize.ts). Indonesian tells two kinds apart (EYD V, 2022, "Singkatan dan Akronim"; KBBI
 * marks each entry): a *singkatan* is said letter by letter (KTP "ka te pe") or in full (Kab.
 * "kabupaten"), an *akronim* is said as a word (Puskesmas, NIK). A word in capitals that is not
 * listed here is spelled letter by letter (LETTER_NAMES), so only the exceptions need a line.
 */

export interface Abbreviation {
  /** As written, case and full stops included. */
  written: string;
  /** What is said. */
  spoken: string;
  /** Where the reading comes from. */
  source: string;
  /** Ends a list ("dll."), so its full stop before a capital is also the sentence's. */
  endsList?: true;
}

const EYD = 'EYD V (2022), singkatan umum';
const KBBI = 'KBBI, singkatan';
const REGULATION = 'penyebutan peraturan (UU 12/2011; Permendagri 80/2015 Pasal 1: Perda, Perkada)';
const ZONE = 'zona waktu (Keppres 41/1987); ucapan lazim: WIB dan WIT dieja, WITA dibaca sebagai kata';

/** Said in full. Matched as written, as a whole word. */
export const ABBREVIATIONS: readonly Abbreviation[] = [
  { written: 'dll.', endsList: true, spoken: 'dan lain-lain', source: EYD },
  { written: 'dsb.', endsList: true, spoken: 'dan sebagainya', source: EYD },
  { written: 'dst.', endsList: true, spoken: 'dan seterusnya', source: EYD },
  { written: 's.d.', spoken: 'sampai dengan', source: EYD },
  { written: 'a.n.', spoken: 'atas nama', source: EYD },
  { written: 'u.p.', spoken: 'untuk perhatian', source: EYD },
  { written: 'Yth.', spoken: 'yang terhormat', source: EYD },
  { written: 'hlm.', spoken: 'halaman', source: EYD },
  { written: 'tgl.', spoken: 'tanggal', source: KBBI },
  { written: 'No.', spoken: 'nomor', source: EYD },
  { written: 'Kab.', spoken: 'kabupaten', source: KBBI },
  { written: 'Kec.', spoken: 'kecamatan', source: KBBI },
  { written: 'Kel.', spoken: 'kelurahan', source: KBBI },
  { written: 'Ds.', spoken: 'desa', source: 'alamat surat dinas (Ds. = desa)' },
  { written: 'Jl.', spoken: 'jalan', source: KBBI },
  { written: 'Prov.', spoken: 'provinsi', source: KBBI },
  { written: 'Bpk.', spoken: 'bapak', source: KBBI },
  { written: 'Dr.', spoken: 'doktor', source: 'gelar akademik' },
  { written: 'Drs.', spoken: 'doktorandus', source: 'gelar akademik lama' },
  { written: 'Ir.', spoken: 'insinyur', source: 'gelar insinyur (UU 11/2014 tentang Keinsinyuran)' },
  { written: 'UU', spoken: 'undang-undang', source: REGULATION },
  { written: 'Perda', spoken: 'peraturan daerah', source: REGULATION },
  { written: 'Perkada', spoken: 'peraturan kepala daerah', source: REGULATION },
  { written: 'Perbup', spoken: 'peraturan bupati', source: REGULATION },
  { written: 'Perwali', spoken: 'peraturan wali kota', source: REGULATION },
  { written: 'Pergub', spoken: 'peraturan gubernur', source: REGULATION },
  { written: 'Perpres', spoken: 'peraturan presiden', source: REGULATION },
  { written: 'Permendagri', spoken: 'peraturan menteri dalam negeri', source: REGULATION },
  { written: 'Perki', spoken: 'peraturan komisi informasi', source: 'Komisi Informasi Pusat, penyebutan Perki' },
  { written: 'KTP-el', spoken: 'ka te pe el', source: 'Kemendagri, KTP elektronik' },
  { written: 'WIB', spoken: 'we i be', source: ZONE },
  { written: 'WITA', spoken: 'wita', source: ZONE },
  { written: 'WIT', spoken: 'we i te', source: ZONE },
];

/** Words in capitals said as words (akronim), not spelled; written here as they are said. */
export const ACRONYM_WORDS: readonly Abbreviation[] = [
  { written: 'NIK', spoken: 'nik', source: 'KBBI, akronim (nomor induk kependudukan)' },
  { written: 'NIP', spoken: 'nip', source: 'KBBI, akronim (nomor induk pegawai)' },
  { written: 'SIM', spoken: 'sim', source: 'KBBI, akronim (surat izin mengemudi)' },
  { written: 'HUT', spoken: 'hut', source: 'KBBI, akronim (hari ulang tahun)' },
  { written: 'POLRI', spoken: 'polri', source: 'KBBI, akronim' },
  { written: 'PUSKESMAS', spoken: 'puskesmas', source: 'KBBI, akronim' },
  { written: 'POSYANDU', spoken: 'posyandu', source: 'KBBI, akronim' },
  { written: 'BAPPEDA', spoken: 'bapeda', source: 'KBBI, akronim' },
  { written: 'PATEN', spoken: 'paten', source: 'Permendagri 4/2010, Pelayanan Administrasi Terpadu Kecamatan (PATEN)' },
  { written: 'SAMSAT', spoken: 'samsat', source: 'KBBI, akronim' },
  { written: 'LAPOR', spoken: 'lapor', source: 'layanan LAPOR! (SP4N), dibaca sebagai kata' },
  { written: 'COVID', spoken: 'kovid', source: 'KBBI, akronim (COVID-19)' },
];

/** The names of the letters, for spelling a singkatan (EYD V, huruf abjad). */
export const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a', B: 'be', C: 'ce', D: 'de', E: 'e', F: 'ef', G: 'ge', H: 'ha', I: 'i', J: 'je', K: 'ka', L: 'el', M: 'em',
  N: 'en', O: 'o', P: 'pe', Q: 'ki', R: 'er', S: 'es', T: 'te', U: 'u', V: 've', W: 'we', X: 'eks', Y: 'ye', Z: 'zet',
};
