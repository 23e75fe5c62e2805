import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { loadDictionary } from './dictionary.ts';
import { checkLanguage, describeReadability, LANGUAGE_RULES, measureReadability, type LanguageOptions } from './index.ts';

const NO_OPTIONS: LanguageOptions = { extraWords: [], extraStandardWords: {}, disabledRules: [] };

function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

function check(markdown: string, options: Partial<LanguageOptions> = {}) {
  return checkLanguage(parse(markdown), { file: 'content/berita/a/index.md', lineOffset: 0 }, { ...NO_OPTIONS, ...options });
}

/** "rule: written text → suggestion" for each finding, using the finding's column. */
function describeFindings(markdown: string, options: Partial<LanguageOptions> = {}): string[] {
  const lines = markdown.split('\n');
  return check(markdown, options).map((finding) => {
    const at = lines[finding.line - 1]!.slice(finding.column - 1);
    return `${finding.rule}: ${at.split(/[\s,.;:!?]/)[0]} → ${finding.suggestion ?? ''}`;
  });
}

function rulesIn(markdown: string): string[] {
  return check(markdown).map((finding) => finding.rule);
}

describe('language/standard-word', () => {
  it.each([
    ['Warga wajib mengurus ijin keramaian.', 'ijin → izin'],
    ['Pengurusan perijinan dipercepat.', 'perijinan → perizinan'],
    ['Warga dihimbau tetap tenang.', 'dihimbau → diimbau'],
    ['Camat menghimbau warga.', 'menghimbau → mengimbau'],
    ['Daerah itu beresiko longsor.', 'beresiko → berisiko'],
    ['Silahkan mengisi formulir.', 'Silahkan → Silakan'],
    ['Salat pada hari Jum’at siang.', 'Jum’at → Jumat'],
    ['Merubah Pola Pikir Warga', 'Merubah → Mengubah'],
    ['Jangan merubah data.', 'merubah → mengubah'],
    ['Petugas menganalisa data.', 'menganalisa → menganalisis'],
    ['Kegiatan mempengaruhi hasil.', 'mempengaruhi → memengaruhi'],
    ['Data yg diminta sudah ada.', 'yg → yang'],
    ['Jadual rapat berubah.', 'Jadual → Jadwal'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/standard-word: ${expected}`);
  });

  it('is an error and cites KBBI', () => {
    const [finding] = check('Warga wajib mengurus ijin keramaian.');
    expect(finding).toMatchObject({ severity: 'error', line: 1, column: 22 });
    expect(finding!.message).toContain('KBBI');
  });

  it.each([
    'Warga wajib mengurus izin keramaian.',
    'Seekor rubah terlihat di hutan.',
    'Obat dibeli di Apotik Kimia Farma.',
    'Jalan menuju Desa Apotik ditutup.',
    'Petugas meneliti berkas dan mengumpulkan data.',
    'Puteri Ayu menyampaikan laporan.',
  ])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/standard-word');
  });

  it('allows colloquial words in quoted speech only', () => {
    expect(rulesIn('"Kami nggak menyangka," ujarnya.')).toEqual([]);
    expect(describeFindings('Warga nggak datang.')).toEqual(['language/standard-word: nggak → tidak']);
  });

  it('takes the office pairs', () => {
    expect(describeFindings('Warga datang ke kantor lurah.', { extraStandardWords: { lurah: 'lurah kalurahan' } })).toContain('language/standard-word: lurah → lurah kalurahan');
  });
});

describe('language/spelling: slips inside names and reduplications', () => {
  it.each([
    ['Warga Daerah Isimewa Yogyakarta hadir.', 'Isimewa → Istimewa'],
    ['Kepala Bidang Uruan Agama Islam hadir.', 'Uruan → Urusan'],
    ['Warga menyerahkan hasi-hasil panen.', 'hasi-hasil → hasil-hasil'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/spelling: ${expected}`);
  });

  it.each([
    ['Dua KUA Pelaksana Program Reviitalisasi hadir.', 'Reviitalisasi → Revitalisasi'],
    ['Warga Desa Tanjungsasri hadir.', 'Tanjungsasri → Tanjungsari'],
  ])('flags a letter too many in a long capitalised word: %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/spelling: ${expected}`);
  });

  it.each(['Warga membeli sayur-mayur dan kain warna-warni.', 'Rembug Stunting digelar.', 'Dusun Glondong dan Pelemsewu.', 'Warga Dusun Ngledok hadir.', 'Camat Jenawi Sutarno dan Bapak Edison hadir.', 'Sesuai Perki Nomor 1 Tahun 2021.', 'Warga hadir. (kontri/why)', 'Prinsip tata kelola (good governance) diterapkan.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/spelling');
  });
});

describe('language/spelling: affixes put together wrongly', () => {
  it.each([
    ['Kekompakkan warga terjaga.', 'Kekompakkan → Kekompakan'],
    ['Pengelompokkan data selesai.', 'Pengelompokkan → Pengelompokan'],
    ['Data dimasukan ke sistem.', 'dimasukan → dimasukkan'],
    ['Alasanya sederhana.', 'Alasanya → Alasannya'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/spelling: ${expected}`);
  });

  it.each(['Kesampingkan dulu urusan lain.', 'Warga diberikan bantuan yang dilaksanakan dan didukung desa.', 'Kekompakan dan pengelompokan terjaga.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/spelling');
  });
});

describe('language/spelling', () => {
  it('flags a typo with suggestions from the dictionary', () => {
    const [finding] = check('Kegiatan ini diikuti perangakt kalurahan.');
    expect(finding).toMatchObject({ rule: 'language/spelling', severity: 'warning', column: 22 });
    expect(finding!.suggestion).toContain('perangkat');
  });

  it.each([
    'Sugiyanto dari Kalurahan Bunder, Kapanewon Patuk, hadir bersama Sekcam dan Ketua PPID.',
    'Rapat membahas APBDes, Musrenbang, dan layanan BPJS Kesehatan.',
    'Berdasarkan Undang-Undang Nomor 14 Tahun 2008 dan Perki Nomor 1 Tahun 2021 Pasal 24 ayat (1) huruf a.',
    'Masing-masing kepala-kepala dusun menerima salinannya pukul 09.00 WIB pada tanggal 3.',
    'Kirim surel ke ppid@desa.id atau buka https://desa.id/layanan dan www.desa.id sekarang.',
    'Kegiatan ini difasilitasi dan disosialisasikan ulang kepada pemilih pemula.',
    'Kaupun tahu bahwa ia sudah datang; bukunyalah yang hilang.',
    'Warga menyanyikan *tembang macapat* bersama dan memasak `kode` tanpa masalah.',
    'Luas lahan 2 ha dengan ketinggian 300 mdpl, ditempuh 5 km.',
    'Surat ditandatangani dr. Ratna dan a.n. Camat.',
  ])('raises nothing on %s', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('catches a typo in a capitalised institution word, not in names', () => {
    expect(describeFindings('Warga Kebupaten Karanganyar dan Pemeritah Desa hadir.')).toEqual(['language/spelling: Kebupaten → Kabupaten', 'language/spelling: Pemeritah → Pemerintah']);
    expect(describeFindings('Kegitan berjalan lancar. Selanjunya warga pulang.')).toEqual(['language/spelling: Kegitan → Kegiatan', 'language/spelling: Selanjunya → Selanjutnya']);
    expect(check('Kabupaten Karanganyar, Kapanewon Patuk, dan Bu Kartini hadir bersama Pak Sekarno.')).toEqual([]);
  });

  it('accepts the office words', () => {
    expect(rulesIn('Warga mbecek ke rumah tetangga.')).toContain('language/spelling');
    expect(check('Warga mbecek ke rumah tetangga.', { extraWords: ['Mbecek'] })).toEqual([]);
    expect(check('Warga kenduren dan mbecek bersama.', { extraWords: ['kenduren mbecek'] })).toEqual([]);
  });

  it('can be switched off', () => {
    expect(check('Kegiatan ini diikuti perangakt kalurahan.', { disabledRules: ['language/spelling'] })).toEqual([]);
  });
});

describe('language/di-ke', () => {
  it.each([
    ['Acara di laksanakan besok.', 'di → dilaksanakan'],
    ['Usulan di realisasikan tahun depan.', 'di → direalisasikan'],
    ['Di serahkan kepada lurah.', 'Di → Diserahkan'],
    ['Warga berkumpul dirumah kepala dusun.', 'dirumah → di rumah'],
    ['Rapat dikantor kecamatan.', 'dikantor → di kantor'],
    ['Tidak tahu dimana letaknya.', 'dimana → di mana'],
    ['Masuk kedalam ruangan.', 'kedalam → ke dalam'],
    ['Mereka pergi kesana.', 'kesana → ke sana'],
    ['Kami tinggal disini.', 'disini → di sini'],
    ['Diatas meja ada berkas.', 'Diatas → Di atas'],
    ['Acara diakhir tahun.', 'diakhir → di akhir'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/di-ke: ${expected}`);
  });

  it.each([
    'Rapat di rumah kepala dusun, di kantor desa, dan di lantai 2.',
    'Warga keluar dari balai desa kemudian pergi kepada lurah.',
    'Acara diakhiri doa. Berkas diserahkan dan diikuti semua warga.',
    'Di mana pun, ke mana pun, dan di sini, kami siap.',
    'Kegiatan di bagian umum dan di sela-sela rapat.',
    'Kedua pihak dan ketua panitia hadir di Jakarta dan di Kapanewon Patuk.',
  ])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/di-ke');
  });
});

describe('language/compound: hyphens KBBI does not write', () => {
  it('writes asal usul and bergotong royong apart, without a hyphen', () => {
    expect(describeFindings('Warga bergotong-royong menelusuri asal-usul desa.')).toEqual(['language/compound: bergotong-royong → bergotong royong', 'language/compound: asal-usul → asal usul']);
  });
});

describe('language/compound', () => {
  it.each([
    ['Perjanjian kerjasama ditandatangani.', 'kerjasama → kerja sama'],
    ['Mereka bertanggungjawab penuh.', 'bertanggungjawab → bertanggung jawab'],
    ['Hasilnya ditindak lanjuti camat.', 'ditindak → ditindaklanjuti'],
    ['Jalan antar desa diperbaiki.', 'antar → antardesa'],
    ['Pelatihan pasca panen digelar.', 'pasca → pascapanen'],
    ['Pegawai non ASN ikut apel.', 'non → non-ASN'],
    ['Kepala Sub Bagian Umum hadir.', 'Sub → Subbagian'],
    ['Siapapun boleh datang.', 'Siapapun → Siapa pun'],
    ['Pak Walikota hadir.', 'Walikota → Wali Kota'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/compound: ${expected}`);
  });

  it.each([
    'Kerja sama antardesa dan layanan antar jemput berjalan baik.',
    'Usaha mikro, kecil, dan menengah tumbuh pascapanen.',
    'Dwi Lestari dan Tri Wahyuni hadir. Ikan tuna dijual murah.',
    'Tuhan Yang Maha Esa memberkati tata kelola desa.',
  ])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/compound');
  });
});

describe('language/reduplication and language/repeated-word', () => {
  it('asks for the hyphen in reduplications, also capitalised in citations', () => {
    expect(describeFindings('Masing masing desa mengirim wakil.')).toContain('language/reduplication: Masing → Masing-masing');
    expect(describeFindings('Sesuai Undang Undang Nomor 6 Tahun 2014.')).toContain('language/reduplication: Undang → Undang-Undang');
    expect(describeFindings('Warga bekerja bahu membahu.')).toContain('language/reduplication: bahu → bahu-membahu');
  });

  it('calls a doubled function word a typo', () => {
    expect(describeFindings('Data yang yang diminta.')).toEqual(['language/repeated-word: yang → yang']);
  });

  it('asks for a hyphen without spaces where a dash with spaces joins the halves', () => {
    expect(describeFindings('Warga tidak segan – segan membantu.')).toEqual(['language/reduplication: segan → segan-segan']);
    expect(describeFindings('Warga tidak segan - segan membantu.')).toEqual(['language/reduplication: segan → segan-segan']);
  });

  it('joins the halves of a reduplication with a suffix on the second', () => {
    expect(describeFindings('Iring - iringan warga berjalan.')).toEqual(['language/reduplication: Iring → Iring-iringan']);
  });

  it('writes the second half of an ordinary reduplication small', () => {
    expect(describeFindings('Para Kader-Kader posyandu hadir.')).toEqual(['language/capitalization: Kader-Kader → kader-kader']);
    expect(describeFindings('Kader-Kader posyandu hadir.')).toEqual(['language/capitalization: Kader-Kader → Kader-kader']);
  });

  it.each([
    'Masing-masing desa dan undang-undang.',
    'Hadir Sugiyanto, Sugiyanto Hadi, dan warga.',
    'Rapat, rapat lagi.',
    'Sesuai Undang-Undang Nomor 6 Tahun 2014 dan Undang-Undang Dasar.',
    'Undang-Undang ini mulai berlaku pada tanggal diundangkan.',
    'Tahun 2020 – 2021 berjalan baik.',
  ])('leaves %s alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});

describe('language/capitalization', () => {
  it.each([
    ['Rapat pada hari senin.', 'senin → Senin'],
    ['Tanggal 17 agustus 2025.', 'agustus → Agustus'],
    ['Pidato dalam bahasa indonesia.', 'indonesia → Indonesia'],
    ['Sambutan dari bapak Camat.', 'bapak → Bapak'],
    ['Warga Kecamatan gerokgak hadir.', 'gerokgak → Gerokgak'],
    ['tentunya warga hadir.', 'tentunya → Tentunya'],
    ['Sambutan camat Jenawi.', 'camat → Camat'],
    ['Menurut kepala desa Kemuning, warga hadir.', 'kepala → Kepala Desa'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/capitalization: ${expected}`);
  });

  it.each([
    'Rapat digelar satu minggu sekali pada hari Minggu, 17 Agustus 2025.',
    'Bapak dan ibu hadir di Kecamatan yang baru. Ibu kota provinsi jauh.',
    'Camat dan para kepala desa Kemuning hadir; lurah menyusul.',
    'Warga Desa terdampak banjir dibantu Kecamatan sepenuhnya.',
    'Kegiatan berlangsung sampai bulan ini.',
    // Letter formulas and form lines are not sentences.
    'di tempat',
    'hari/tanggal: Kamis, 12 Februari 2026\npukul: 09.00 WIB s.d. selesai',
  ])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/capitalization');
  });
});

describe('language/spacing', () => {
  it.each([
    ['Warga hadir , lalu pulang.', 'spasi sebelum'],
    ['Warga hadir,lalu pulang.', 'sesudah koma'],
    ['Hadir 3orang warga.', 'menempel'],
    ['Warga pulang.Lalu rapat.', 'sesudah titik'],
  ])('flags %s', (text, message) => {
    const findings = check(text).filter((finding) => finding.rule === 'language/spacing');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain(message);
  });

  it.each(['Harga Rp5.000,00 dan 2,5 kg, pukul 09.00 WIB, S.H., M.H.', 'Luas 5km dan 4G tersedia... lalu selesai.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/spacing');
  });
});

describe('language/capitalization: ordinary words, function words and regions', () => {
  it.each([
    ['Warga merayakan hari libur Nasional dengan gembira.', 'Nasional → nasional'],
    ['Para Warga datang ke balai desa.', 'Warga → warga'],
    ['Acara dihadiri Muntoko Dengan sekretaris desa.', 'Dengan → dengan'],
    ['Kementerian Pendidikan Dan Kebudayaan hadir.', 'Dan → dan'],
    ['Warga kabupaten Mojokerto hadir.', 'kabupaten → Kabupaten'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/capitalization: ${expected}`);
  });

  it.each([
    'Kementerian Pendidikan dan Kebudayaan hadir.',
    'Dinas Pekerjaan Umum dan Penataan Ruang hadir.',
    'Sesuai Peraturan Bupati Nomor 5 Tahun 2020 tentang Perizinan, warga hadir.',
    'Kepada Tuhan Yang Maha Esa kita berdoa.',
    'Peraturan Menteri Dalam Negeri Nomor 20 Tahun 2018 berlaku.',
    'Warga kabupaten dan kota hadir.',
    'Rapat di balai desa Gumeng, Menjing, dan Seloromo.',
    'Tema: Bersama Membangun Desa.',
    'Silakan Anda datang pada hari Minggu (16/3/2025).',
    'Surat ditandatangani dr. Ratna dan Bapak Budi.',
    'Rincian tercantum dalam Lampiran yang tidak terpisahkan.',
    'Hadir Babinsa dan Bappeda.',
    'Isi formulir model C.Hasil dengan benar.',
    'Pengumuman dikirim ke kecamatan.jenawi@karanganyarkab.go.id. Petugas membantu.',
    'Desa Sumber Bersama menerima bantuan.',
  ])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/capitalization');
  });

  it.each([
    ['Rapat di masing-masing Padukuhan berjalan.', 'Padukuhan → padukuhan'],
    ['Koordinasi dengan Dinas terkait perlu.', 'Dinas → dinas'],
    ['BPBD menempati Kantor di Jl. Sugiman 27 Wates.', 'Kantor → kantor'],
    ['Gotong Royong, Tradisi Yang Masih Terpelihara', 'Yang → yang'],
    ['Apel dimulai Pukul 08.00 WIB.', 'Pukul → pukul'],
  ])('flags %s too', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/capitalization: ${expected}`);
  });

  it('writes a position without a name small, at a sentence\'s start but for its first letter', () => {
    expect(describeFindings('Wali Nagari adalah pemimpin pemerintahan nagari.')).toContain('language/capitalization: Wali → Wali nagari');
    expect(describeFindings('Hadir Bupati dan warga.')).toContain('language/capitalization: Bupati → bupati');
  });

  it.each([
    'Pemilihan Gubernur dan Wakil Gubernur, Bupati dan Wakil Bupati, dan Walikota dan Wakil Walikota Tahun 2024 digelar.',
    '- **Sekretaris Camat** membantu camat dalam urusan umum.',
  ])('leaves positions in a name or a label alone: %s', (text) => {
    expect(check(text).filter((finding) => finding.message.includes('nama jabatan'))).toEqual([]);
  });

  it.each([
    ['Rapat di hotel Emeral kemarin.', 'hotel → Hotel'],
    ['Hadir anggota komisi I kemarin.', 'komisi → Komisi'],
    ['Hadir warga se-kecamatan Tambora.', 'se-kecamatan → se-Kecamatan'],
  ])('capitalises the kind before a name: %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/capitalization: ${expected}`);
  });

  it.each(['Rapat di hotel Bintang kemarin.', 'Rapat di masjid itu.', 'Tahap II dimulai.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/capitalization');
  });

  it.each([
    ['Acara dihadiri Muntoko Bersama sekretaris desa.', 'Bersama → bersama'],
    ['Wabah di Wilayah Kecamatan Gerokgak.', 'Wilayah → wilayah'],
    ['Sedangkan Tim penilai hadir.', 'Tim → tim'],
  ])('writes ordinary words beside names small: %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/capitalization: ${expected}`);
  });

  it('leaves a name ending in an ordinary word alone', () => {
    expect(rulesIn('Kelompok Maju Bersama menerima bantuan.')).not.toContain('language/capitalization');
  });

  it('writes who said a quotation small after it', () => {
    expect(check('“Kami siap,” Tambahnya.').map((finding) => finding.suggestion)).toEqual(['tambahnya']);
  });

  it.each([
    'Warga Desa terdampak banjir dibantu Kecamatan sepenuhnya.',
    'Hadir ketua dan anggota KPU Kota Kendari, Jumwal Shaleh, Arwah, La Ode Hermanto, dan Hans A. Rompas. Arwah menjelaskan tahapan.',
    'Desa itu meliputi Jenawi, Lempong, Seloromo, Sidomukti, dan Trengguli.',
    'Dipimpin Kepala Bidang Pelayanan AHU, Gunawan, rapat dimulai.',
    'Warga Aceh dan Padang hadir.',
    'Hadir Sdr. Handika dan warga.',
  ])('leaves names %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/capitalization');
  });

  it('leaves the words of a table cell and of a point\'s number alone', () => {
    expect(rulesIn('| Hari/Tanggal | Tempat |\n| --- | --- |\n| Senin | Balai |')).not.toContain('language/capitalization');
    expect(rulesIn('Pasal 2\n\n(2) Pengaduan sebagaimana dimaksud diterima petugas.')).not.toContain('language/capitalization');
  });
});

describe('language/spacing: brackets, quotes, words run together', () => {
  it.each([
    ['Dimuat dalam Lembaran Desa(Lembaran Nomor 3).', 'language/spacing: (Lembaran → tambahkan spasi sebelum "("'],
    ['Dimuat (Nomor 3)dan berlaku.', 'language/spacing: )dan → tambahkan spasi sesudah ")"'],
    ['Ia berkata, “ Dengan tekad kuat kita bisa.”', 'language/spacing: “ → hapus spasinya'],
    ['Rapat pada Februari2021 berjalan lancar.', 'language/spacing: Februari2021 → Februari 2021'],
    ['Sejarah PembentukanDaerah di Jawa.', 'language/spacing: PembentukanDaerah → Pembentukan Daerah'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(expected);
  });

  it.each(['Hasil (sementara) diumumkan.', 'Ia berkata, “Dengan tekad kuat kita bisa.”', 'Aplikasi SiKesRa dan APBDes 2026, COVID19.', 'Dana BumDes dan RT05 cair.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/spacing');
  });
});

describe('language/spacing: slashes, quotations, ranges, the last full stop', () => {
  it.each([
    ['Data dan /atau berkas diterima.', 'language/spacing:  → /'],
    ['Periode 2018-2024 berakhir.', 'language/spacing: 2018-2024 → 2018–2024'],
    ['Warga hadir di balai desa pagi itu. Kegiatan berlangsung hingga siang hari dengan lancar', 'language/spacing: lancar → lancar.'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(expected);
  });

  it.each([
    ['Hadir Aryawan,S.STP. dan warga.', 'tambahkan satu spasi sesudah koma'],
    ['Kami jaga kesehatan.“Hanya itu yang bisa.”', 'tambahkan satu spasi sesudah titik'],
    ['Hadir saat Covid-19.Untuk itu warga siap.', 'tambahkan satu spasi sesudah titik'],
    ['Sistem Informasi Desa ( SID ) dibuka.', 'hapus spasinya'],
    ['Kirab digelar Minggu, (24/12) pagi.', 'hapus komanya'],
  ])('flags %s', (text, suggestion) => {
    expect(check(text).map((finding) => finding.suggestion)).toContain(suggestion);
  });

  it.each([
    ['Ia mengatakan, bahwa warga siap.', 'hapus komanya'],
    ['Ketua menyampaikan “Dalam pemilu kita jujur.”', 'tambahkan koma sebelum tanda petik'],
  ])('sets off what is said with commas only where EYD V does: %s', (text, suggestion) => {
    expect(check(text).map((finding) => finding.suggestion)).toContain(suggestion);
  });

  it('ends a quotation followed by who said it with a comma inside the quotes', () => {
    expect(check('“Ini awal” tambahnya.').map((finding) => finding.suggestion)).toEqual([',']);
    expect(check('“Itu baik’’ harap Camat Gerokgak.').map((finding) => finding.suggestion)).toEqual([',']);
    expect(check('"Kami siap tahun 2023." jelasnya.').map((finding) => finding.suggestion)).toEqual([',']);
    expect(check('“Kami warga Agam”, kata Edison.').map((finding) => finding.suggestion)).toEqual([',”']);
  });

  it.each(['Data dan/atau berkas diterima.', '“Kami warga Agam,” kata Edison.', 'Periode 2018–2024 berakhir.', 'Kode 2024-2020 tidak berlaku.', 'Jadwal Pelayanan Kecamatan Jenawi Selama Libur'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/spacing');
  });
});

describe('language/capitalization: acronyms of syllables', () => {
  it.each([
    ['Program Layanan Dokter Spesialis Keliling (SPELING) dimulai. SPELING melayani warga.', ['SPELING) → Speling', 'SPELING → Speling']],
    ['Sesuai TUPOKSI masing-masing.', ['TUPOKSI → tupoksi']],
    ['Badan Perencanaan Pembangunan Daerah (BAPPEDA) hadir.', ['BAPPEDA) → Bappeda']],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text).filter((line) => line.startsWith('language/capitalization'))).toEqual(expected.map((entry) => `language/capitalization: ${entry}`));
  });

  it.each(['Badan Penanggulangan Bencana Daerah (BPBD) hadir.', 'Pelayanan Administrasi Terpadu Kecamatan (PATEN) dibuka.', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) hadir.', 'PPID dan LAPOR! melayani warga.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/capitalization');
  });
});

describe('language/abbreviation', () => {
  it.each([
    ['Hadir Bapak Darsiwan, SKM, MM dan warga.', ['SKM → S.K.M.', 'MM → M.M.']],
    ['Wali Kota Dr H Marzuki hadir.', ['Dr → Dr.', 'H → H.']],
    ['Hadir h. Syafrudin dan dr. Ratna.', ['h → H.']],
    ['Kantor di Jalan Kawijo No, 5 Pengasih.', ['No → No.']],
    ['Hadir Darsiwan, M.Kes dari dinas.', ['M → M.Kes.']],
  ])('asks for the full stops of degrees and titles: %s', (text, expected) => {
    expect(describeFindings(text).filter((line) => line.startsWith('language/abbreviation'))).toEqual(expected.map((entry) => `language/abbreviation: ${entry}`));
  });

  it.each([
    ['Sesuai Perda No 5 Tahun 2017.', 'No → No.'],
    ['Kantor di Jl Merdeka nomor 1.', 'Jl → Jl.'],
    ['Jaraknya 8 Km dari kantor.', 'Km → km'],
    ['Lahan 5 Ha ditanami padi.', 'Ha → ha'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/abbreviation: ${expected}`);
  });

  it.each(['Sesuai Perda No. 5 Tahun 2017.', 'Kantor di Jl. Merdeka.', 'Jaraknya 8 km.', 'No HP tidak dicantumkan.', 'Pada tahun 1445 H warga hadir.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/abbreviation');
  });
});

describe('language/foreign-word', () => {
  it('flags foreign words outside italics with their Indonesian equivalent', () => {
    expect(describeFindings('Rapat online membahas follow up kegiatan.')).toEqual([
      'language/foreign-word: online → daring (atau tulis miring: *online*)',
      'language/foreign-word: follow → tindak lanjut (atau tulis miring: *follow up*)',
    ]);
  });

  it('leaves italic foreign words, names and addresses alone', () => {
    expect(check('Rapat *online* lewat Zoom Meeting di [laman kami](https://desa.id/online).')).toEqual([]);
  });
});

describe('language/currency-number', () => {
  it.each([
    ['Biaya Rp. 5.000 per lembar.', 'Rp. '],
    ['Biaya Rp 5.000 per lembar.', 'Rp '],
    ['Biaya Rp5.000,- per lembar.', ',-'],
    ['Naik 10 % dari tahun lalu.', ' %'],
    ['15 peserta hadir.', '15'],
  ])('flags %s', (text, written) => {
    const [finding] = check(text).filter((found) => found.rule === 'language/currency-number');
    expect(text.slice(finding!.column - 1)).toMatch(new RegExp(`^${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it.each(['Biaya Rp5.000 atau Rp5.000,00 naik 10%.', 'Lima belas peserta hadir. Hadir 15 peserta.', '(1) Setiap badan publik wajib.', '- 2024 adalah tahun pemilu'])(
    'leaves %s alone',
    (text) => {
      expect(rulesIn(text)).not.toContain('language/currency-number');
    },
  );
});

describe('language/currency-number: thousands', () => {
  it('groups thousands with full stops', () => {
    expect(describeFindings('Tercatat 1015 kasus baru.')).toContain('language/currency-number: 1015 → 1.015');
  });

  it.each(['Pada tahun 2024 warga hadir.', 'Telepon (0271) 499210 pada jam kerja.', 'Tercatat 1.015 kasus baru.', 'Sesuai Nomor 1450 tentang pelayanan.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/currency-number');
  });
});

describe('language/currency-number: ke- before a number', () => {
  it.each([
    ['Rapat ke 2 digelar hari ini.', 'ke → ke-2'],
    ['Ini yang ke 10 kalinya.', 'ke → ke-10'],
    ['Peringatan HUT RI ke 78.', 'ke → ke-78'],
    ['Peringatan HUT ke - 71 meriah.', 'ke → ke-71'],
  ])('flags %s', (text, expected) => {
    expect(describeFindings(text)).toContain(`language/currency-number: ${expected}`);
  });

  it.each(['Tim menuju ke 10 desa.', 'Bantuan disalurkan ke 3 orang.', 'Rapat ke-2 digelar.'])('leaves %s alone', (text) => {
    expect(rulesIn(text)).not.toContain('language/currency-number');
  });
});

describe('language/inclusive-term', () => {
  it('suggests the term the law uses now', () => {
    const [finding] = check('Bantuan untuk penyandang cacat di desa.');
    expect(finding).toMatchObject({ rule: 'language/inclusive-term', suggestion: 'penyandang disabilitas' });
    expect(finding!.message).toContain('UU 8/2016');
  });

  it('matches acronyms as written', () => {
    expect(describeFindings('Razia WTS digelar.')).toEqual(['language/inclusive-term: WTS → pekerja seks (atau sebut perbuatannya sesuai peraturan)']);
  });

  it('leaves a cited old law title and current terms alone', () => {
    expect(check('Undang-Undang Nomor 4 Tahun 1997 tentang Penyandang Cacat sudah dicabut; tunanetra dan penyandang disabilitas dilayani.')).toEqual([]);
  });
});

describe('plain language', () => {
  const WORDS = ['warga', 'datang', 'ke', 'balai', 'desa', 'untuk', 'rapat'];
  const words = (count: number) => Array.from({ length: count }, (_, index) => WORDS[index % WORDS.length]).join(' ').replace('w', 'W');
  const long = `${words(40)}.`;

  it('warns about a sentence above 35 words, not at 35', () => {
    expect(rulesIn(long)).toEqual(['language/sentence-length']);
    expect(rulesIn(`${words(35)}.`)).toEqual([]);
  });

  it('counts a name or a cited regulation written in capitals as one unit of a sentence', () => {
    const citation =
      'Berdasarkan Keputusan Komisi Pemilihan Umum Nomor 1050 Tahun 2024 tentang Pedoman Teknis Pembentukan Badan Penyelenggara Pemilihan Umum dalam Penyelenggaraan Pemilihan Gubernur dan Wakil Gubernur, Bupati dan Wakil Bupati, serta Wali Kota dan Wakil Wali Kota, KPU Kabupaten Administrasi Kepulauan Seribu membuka pendaftaran calon Petugas Pemutakhiran Data Pemilih.';
    expect(rulesIn(citation)).toEqual([]);
    // The same length in ordinary words is still a long sentence.
    expect(rulesIn(citation.replace(/\p{Lu}\p{Ll}*/gu, (word) => word.toLowerCase()).replace(/^b/, 'B'))).toContain('language/sentence-length');
  });

  it('reads each point of an enumeration as its own sentence', () => {
    const point = 'bahwa rancangan anggaran pendapatan dan belanja desa telah dibahas dan disepakati bersama dalam musyawarah desa oleh seluruh perangkat desa';
    expect(rulesIn(`Menimbang:\na. ${point};\nb. ${point};\nc. ${point}.`)).toEqual([]);
    expect(rulesIn(`Menimbang: ${point}, ${point}, ${point}.`)).toEqual(['language/sentence-length']);
  });

  it('warns about a paragraph above 120 words', () => {
    const sentence = `${words(12)}. `;
    expect(rulesIn(sentence.repeat(11))).toEqual(['language/paragraph-length']);
    expect(rulesIn(sentence.repeat(10))).toEqual([]);
  });

  it('describes readability in Indonesian, decimals with a comma', () => {
    const figure = measureReadability(parse('Warga datang ke balai desa. Mereka pulang.'));
    expect(describeReadability(figure)).toBe('Keterbacaan (panduan, bukan nilai baku): 3,5 kata per kalimat, 2 suku kata per kata, 0 kalimat lebih dari 35 kata — tergolong mudah.');
  });

  it('measures readability per document', () => {
    expect(measureReadability(parse('Warga datang ke balai. Mereka pulang.\n\n```\nkode\n```'))).toEqual({
      words: 6,
      sentences: 2,
      paragraphs: 1,
      averageWordsPerSentence: 3,
      averageSyllablesPerWord: 2,
      longSentences: 0,
      level: 'mudah',
    });
  });
});

describe('checkLanguage', () => {
  it('checks prose only and reports file lines', () => {
    const markdown = ['# Judul', '', '```', 'ijin dirumah', '```', '', '<div>ijin</div>', '', 'Paragraf tentang `ijin` dan ijin.'].join('\n');
    const findings = checkLanguage(parse(markdown), { file: 'x.md', lineOffset: 5 }, NO_OPTIONS);
    expect(findings).toEqual([expect.objectContaining({ file: 'x.md', line: 14, column: 29, rule: 'language/standard-word' })]);
  });

  it('keeps columns right after an emoji', () => {
    expect(check('Selamat 🎉 atas ijin usaha.')).toEqual([expect.objectContaining({ rule: 'language/standard-word', column: 17 })]);
  });

  it('reports continuation lines of list items at their own line', () => {
    const findings = check('- Kegiatan pertama\n  berisi ijin usaha.');
    expect(findings).toEqual([expect.objectContaining({ line: 2, column: 10 })]);
  });

  it('reports a word a more specific rule already reported only once', () => {
    expect(rulesIn('Kantor desa buka dirumah warga.')).toEqual(['language/di-ke']);
  });

  // Every pair is a finding, and each word used to be compared with every finding before it
  // (a minute for this paragraph, seconds without). Finishing within the time limit is the assertion.
  it('checks a paragraph of 400 000 repeated words, each pair a finding, in one pass', () => {
    const findings = check(`${'a '.repeat(400_000)}\n`);
    expect(findings.filter((finding) => finding.rule === 'language/reduplication')).toHaveLength(200_000);
    // Room for a loaded CI machine (seconds here), still short of the minute the old scan took.
  }, 45_000);

  it('loads the dictionary once per process', () => {
    expect(loadDictionary()).toBe(loadDictionary());
  });

  it('lists every rule it can report', () => {
    const ids = LANGUAGE_RULES.map((rule) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(['language/spelling', 'language/standard-word', 'language/di-ke', 'language/compound', 'language/reduplication', 'language/capitalization', 'language/spacing', 'language/foreign-word', 'language/currency-number', 'language/sentence-length', 'language/paragraph-length', 'language/inclusive-term', 'language/repeated-word', 'language/abbreviation']));
  });
});
