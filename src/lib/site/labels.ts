import type { DATA_FREQUENCIES } from '../content/schema.ts';
import type { ContentType } from '../content/types.ts';

/** How the site names each kind of content: menu label, list page heading and its lead. */
export interface TypeLabel {
  /** Heading of the list page and menu label. */
  title: string;
  /** One item, lower case, for sentences ("berita ini"). */
  noun: string;
  lead: string;
}

export const TYPE_LABELS: Record<ContentType, TypeLabel> = {
  berita: { title: 'Berita', noun: 'berita', lead: 'Kabar kegiatan dan pelayanan terbaru.' },
  pengumuman: { title: 'Pengumuman', noun: 'pengumuman', lead: 'Pengumuman resmi untuk masyarakat, dengan masa berlaku dan lampirannya.' },
  agenda: { title: 'Agenda', noun: 'agenda', lead: 'Jadwal kegiatan: waktu, tempat dan penyelenggara.' },
  artikel: { title: 'Artikel', noun: 'artikel', lead: 'Tulisan, panduan dan penjelasan untuk masyarakat.' },
  galeri: { title: 'Galeri', noun: 'galeri', lead: 'Dokumentasi foto kegiatan.' },
  video: { title: 'Video', noun: 'video', lead: 'Video dengan teks terjemahan (takarir) dan transkrip.' },
  audio: { title: 'Audio', noun: 'audio', lead: 'Rekaman suara dengan transkrip lengkap.' },
  dokumen: { title: 'Dokumen', noun: 'dokumen', lead: 'Peraturan, surat edaran, laporan dan dokumen publik lainnya untuk diunduh.' },
  data: { title: 'Data', noun: 'data', lead: 'Data terbuka dalam bentuk tabel, dapat diunduh sebagai CSV.' },
  halaman: { title: 'Halaman kantor', noun: 'halaman', lead: 'Visi dan misi, struktur organisasi, maklumat dan standar pelayanan, serta tata cara layanan informasi.' },
};

/** Update frequency of a dataset (Satu Data metadata), as a reader says it. */
export const FREQUENCY_LABELS: Record<(typeof DATA_FREQUENCIES)[number], string> = {
  harian: 'Harian',
  mingguan: 'Mingguan',
  bulanan: 'Bulanan',
  triwulanan: 'Triwulanan (tiga bulanan)',
  semesteran: 'Semesteran (enam bulanan)',
  tahunan: 'Tahunan',
  sekali: 'Sekali terbit',
};
