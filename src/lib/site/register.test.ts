import { describe, expect, it } from 'vitest';
import { formatForms, registerCategories, registerSections, type RegisterDocument } from './register.ts';

function doc(overrides: Partial<RegisterDocument>): RegisterDocument {
  return {
    slug: 'x',
    judul: 'Dokumen',
    tanggal: '2025-01-10',
    ringkasan: 'Ringkasan.',
    kategori: 'peraturan',
    klasifikasi: 'berkala',
    penguasa_informasi: 'Sekretariat Kecamatan',
    penanggung_jawab: 'Sekretaris Camat',
    tempat_pembuatan: 'Jenawi',
    bentuk_informasi: ['softcopy'],
    jangka_waktu_penyimpanan: '5 tahun',
    ...overrides,
  };
}

const documents = [
  doc({ slug: 'perbup', judul: 'Perbup', kategori: 'peraturan', klasifikasi: 'setiap-saat', tanggal: '2025-02-01' }),
  doc({ slug: 'lkj-2024', judul: 'Laporan 2024', kategori: 'laporan-keuangan', klasifikasi: 'berkala', tanggal: '2025-01-15' }),
  doc({ slug: 'lkj-2023', judul: 'Laporan 2023', kategori: 'laporan-keuangan', klasifikasi: 'berkala', tanggal: '2024-01-15' }),
  doc({ slug: 'se-banjir', judul: 'SE Banjir', kategori: 'surat-edaran', klasifikasi: 'serta-merta' }),
];

describe('register of public information', () => {
  it('groups documents by classification in the order of the law', () => {
    expect(registerSections(documents).map((s) => s.klasifikasi)).toEqual(['berkala', 'serta-merta', 'setiap-saat']);
  });

  it('puts the newest document first within a classification', () => {
    expect(registerSections(documents)[0]?.documents.map((d) => d.slug)).toEqual(['lkj-2024', 'lkj-2023']);
  });

  it('filters by category and leaves out classifications with nothing in it', () => {
    const sections = registerSections(documents, 'peraturan');
    expect(sections).toHaveLength(1);
    expect(sections[0]?.title).toBe('Informasi yang wajib tersedia setiap saat');
    expect(sections[0]?.documents.map((d) => d.slug)).toEqual(['perbup']);
  });

  it('offers only categories that have documents, with counts, in a fixed order', () => {
    expect(registerCategories(documents)).toEqual([
      { kategori: 'peraturan', label: 'Peraturan', count: 1 },
      { kategori: 'surat-edaran', label: 'Surat Edaran', count: 1 },
      { kategori: 'laporan-keuangan', label: 'Laporan Keuangan', count: 2 },
    ]);
  });

  it('writes the forms of information as a register does', () => {
    expect(formatForms(['softcopy', 'hardcopy'])).toBe('Salinan elektronik dan salinan cetak');
    expect(formatForms(['hardcopy'])).toBe('Salinan cetak');
  });
});
