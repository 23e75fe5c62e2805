import type { Severity } from '../finding.ts';

/** A language rule as data: its id (used in periksa.aturan), default severity, and what authors read about it. */
export interface LanguageRule {
  id: string;
  severity: Severity;
  /** Indonesian, one line. */
  title: string;
  /** Indonesian: the source of the rule and how to fix a finding (also in docs/aturan-bahasa.md). */
  help: string;
}

// Errors only where the rule is certain (a listed non-standard form, a dictionary-backed di-/ke-
// decision, a listed compound); everything that depends on judgement or on an incomplete
// dictionary is a warning, so a PR is never blocked by a name the dictionary does not know.
export const LANGUAGE_RULES: LanguageRule[] = [
  {
    id: 'language/spelling',
    severity: 'warning',
    title: 'Ejaan: kata tidak dikenal kamus',
    help: 'Kata ditulis huruf kecil yang tidak ada di kamus Hunspell id_ID (berdasarkan KBBI) maupun daftar kata kantor, atau kata berhuruf kapital yang selisih satu huruf dari kata lembaga yang lazim (Kebupaten). Perbaiki salah ketiknya; bila kata itu benar (nama, istilah setempat), tambahkan ke periksa.kata_tambahan di tayang.config.yml atau tulis miring bila kata asing/daerah.',
  },
  {
    id: 'language/standard-word',
    severity: 'error',
    title: 'Kata tidak baku',
    help: 'Bentuk tidak baku menurut KBBI VI (ijin → izin, resiko → risiko, himbau → imbau), peluluhan yang salah menurut EYD V (merubah → mengubah), ragam cakapan atau singkatan tidak baku (yg → yang). Ganti dengan bentuk bakunya.',
  },
  {
    id: 'language/di-ke',
    severity: 'error',
    title: 'di-/ke- sebagai awalan atau kata depan',
    help: 'EYD V: di- dan ke- sebagai awalan ditulis serangkai (diserahkan, kedua); di dan ke sebagai kata depan ditulis terpisah (di rumah, ke kantor, di mana, ke sana).',
  },
  {
    id: 'language/compound',
    severity: 'error',
    title: 'Gabungan kata dan bentuk terikat',
    help: 'EYD V: gabungan kata ditulis terpisah (kerja sama, tanggung jawab) kecuali sudah padu (olahraga, segitiga) atau berimbuhan awal dan akhir (ditindaklanjuti); bentuk terikat ditulis serangkai (antardesa, pascapanen, nonaktif), dengan tanda hubung sebelum huruf kapital (non-ASN); partikel pun ditulis terpisah (apa pun).',
  },
  {
    id: 'language/reduplication',
    severity: 'error',
    title: 'Kata ulang tanpa tanda hubung',
    help: 'EYD V: bentuk ulang ditulis dengan tanda hubung: masing-masing, undang-undang, Undang-Undang, bahu-membahu.',
  },
  {
    id: 'language/repeated-word',
    severity: 'error',
    title: 'Kata tertulis dua kali',
    help: 'Kata tugas yang tertulis dua kali berturut-turut ("yang yang", "dan dan") adalah salah ketik; hapus salah satunya.',
  },
  {
    id: 'language/capitalization',
    severity: 'warning',
    title: 'Huruf kapital',
    help: 'EYD V: nama bahasa, bangsa, agama, hari, bulan, hari raya dan nama geografi/wilayah berhuruf awal kapital (bahasa Indonesia, hari Senin, 17 Agustus, Kecamatan Gerokgak); juga sapaan dan jabatan di depan nama (Bapak Camat, Camat Jenawi), setiap unsur nama peraturan (Undang-Undang Nomor 6 Tahun 2014) dan huruf pertama kalimat.',
  },
  {
    id: 'language/spacing',
    severity: 'warning',
    title: 'Spasi dan tanda baca',
    help: 'EYD V, Tanda Baca: tidak ada spasi sebelum koma, titik, titik koma, tanda tanya dan tanda seru; satu spasi sesudah koma dan titik; bilangan dan kata dipisah spasi (3 orang).',
  },
  {
    id: 'language/abbreviation',
    severity: 'warning',
    title: 'Singkatan dan lambang satuan',
    help: 'EYD V, Singkatan dan Akronim: singkatan umum bertitik (No. 14, Jl. Merdeka, Kec. Jenawi); lambang satuan ditulis kecil tanpa titik (8 km, 2 kg, 5 ha).',
  },
  {
    id: 'language/foreign-word',
    severity: 'warning',
    title: 'Kata asing tidak dimiringkan',
    help: 'EYD V, Huruf Miring: kata asing ditulis miring (*online*); lebih baik pakai padanannya (daring) sesuai UU 24/2009 dan Perpres 63/2019.',
  },
  {
    id: 'language/currency-number',
    severity: 'warning',
    title: 'Penulisan uang, persen dan bilangan',
    help: 'EYD V, Penulisan Angka dan Bilangan: Rp ditulis tanpa titik dan tanpa spasi (Rp5.000 atau Rp5.000,00, bukan Rp. 5.000,-); persen rapat dengan angka (10%); bilangan di awal kalimat ditulis dengan huruf; ke- sebelum angka dengan tanda hubung (ke-2).',
  },
  {
    id: 'language/sentence-length',
    severity: 'warning',
    title: 'Kalimat terlalu panjang',
    help: 'Kalimat lebih dari 35 kata sulit diikuti, terutama di layar ponsel dan dengan pembaca layar. Nama lengkap berhuruf kapital (judul peraturan, nama lembaga) dihitung satu, dan setiap butir rincian di baris sendiri dihitung sebagai kalimat sendiri. Pecah menjadi dua kalimat atau lebih, atau jadikan rincian (daftar).',
  },
  {
    id: 'language/paragraph-length',
    severity: 'warning',
    title: 'Paragraf terlalu panjang',
    help: 'Paragraf lebih dari 120 kata memenuhi layar ponsel tanpa jeda. Satu paragraf, satu gagasan: pecah menjadi beberapa paragraf.',
  },
  {
    id: 'language/inclusive-term',
    severity: 'warning',
    title: 'Istilah usang atau merendahkan',
    help: 'Pakai istilah yang dipakai peraturan sekarang: penyandang disabilitas (UU 8/2016), orang dengan gangguan jiwa (UU 18/2014), pekerja rumah tangga.',
  },
];

export const LIMITS = {
  /** Words in a sentence before language/sentence-length warns. */
  sentenceWords: 35,
  /** Words in a paragraph before language/paragraph-length warns. */
  paragraphWords: 120,
  /** Unknown words per document that get nspell suggestions (suggesting is slow). */
  suggestedWords: 25,
} as const;
