import type { KipClass } from '../content/schema.ts';
import { DOCUMENT_CATEGORIES, KIP_CLASSES } from '../content/schema.ts';

/**
 * The Daftar Informasi Publik (register of public information) that UU 14/2008 and Perki
 * 1/2021 require, built from the `dokumen` items: grouped by KIP classification, filterable by
 * category, with the register's fields.
 */

export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<DocumentCategory, string> = {
  peraturan: 'Peraturan',
  'surat-edaran': 'Surat Edaran',
  'laporan-keuangan': 'Laporan Keuangan',
  juknis: 'Petunjuk Teknis',
  juklak: 'Petunjuk Pelaksanaan',
  keputusan: 'Keputusan',
  lainnya: 'Lainnya',
};

/** Wording after UU 14/2008 Pasal 9, 10 and 11. */
export const CLASS_LABELS: Record<KipClass, { title: string; description: string }> = {
  berkala: {
    title: 'Informasi yang wajib disediakan dan diumumkan secara berkala',
    description: 'Diumumkan secara rutin dan diperbarui paling sedikit setiap 6 bulan (UU 14/2008 Pasal 9).',
  },
  'serta-merta': {
    title: 'Informasi yang wajib diumumkan secara serta-merta',
    description: 'Informasi yang dapat mengancam hajat hidup orang banyak dan ketertiban umum, diumumkan tanpa penundaan (UU 14/2008 Pasal 10).',
  },
  'setiap-saat': {
    title: 'Informasi yang wajib tersedia setiap saat',
    description: 'Tersedia setiap saat dan dapat diperoleh masyarakat kapan pun (UU 14/2008 Pasal 11).',
  },
};

// The register's own words for the forms (UU 14/2008 speaks of salinan): not the English codes of the frontmatter.
const FORM_LABELS: Record<string, string> = { softcopy: 'salinan elektronik', hardcopy: 'salinan cetak' };

/** The fields of one `dokumen` the register needs. */
export interface RegisterDocument {
  slug: string;
  judul: string;
  tanggal: string;
  ringkasan: string;
  kategori: DocumentCategory;
  klasifikasi: KipClass;
  nomor?: string;
  penguasa_informasi: string;
  penanggung_jawab: string;
  waktu_pembuatan?: string;
  tempat_pembuatan: string;
  bentuk_informasi: readonly string[];
  jangka_waktu_penyimpanan: string;
}

export interface RegisterSection {
  klasifikasi: KipClass;
  title: string;
  description: string;
  documents: RegisterDocument[];
}

/** "Salinan elektronik dan salinan cetak" */
export function formatForms(forms: readonly string[]): string {
  const words = forms.map((form) => FORM_LABELS[form] ?? form);
  const text = words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} dan ${words.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Sections per classification in the law's order, newest documents first, empty ones left out. */
export function registerSections(documents: readonly RegisterDocument[], kategori?: DocumentCategory): RegisterSection[] {
  const chosen = documents.filter((d) => kategori === undefined || d.kategori === kategori);
  return KIP_CLASSES.map((klasifikasi) => ({
    klasifikasi,
    ...CLASS_LABELS[klasifikasi],
    documents: chosen
      .filter((d) => d.klasifikasi === klasifikasi)
      .sort((a, b) => b.tanggal.localeCompare(a.tanggal) || a.judul.localeCompare(b.judul, 'id')),
  })).filter((section) => section.documents.length > 0);
}

/** Categories that have documents, in the schema's order, with their counts (for the filter). */
export function registerCategories(documents: readonly RegisterDocument[]): { kategori: DocumentCategory; label: string; count: number }[] {
  return DOCUMENT_CATEGORIES.map((kategori) => ({
    kategori,
    label: CATEGORY_LABELS[kategori],
    count: documents.filter((d) => d.kategori === kategori).length,
  })).filter((c) => c.count > 0);
}
