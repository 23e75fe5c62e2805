import { parseConfig } from '../../src/lib/config/load.ts';
import type { Config } from '../../src/lib/config/schema.ts';
import type { Item } from '../../src/lib/content/load.ts';
import type { ContentType } from '../../src/lib/content/types.ts';

/** Bunder-like office: two stages, the Ketua PPID receives the link report. */
export const CONFIG_YAML = `
kantor:
  nama: Kalurahan Bunder
  induk: Kapanewon Patuk, Kabupaten Gunungkidul
  alamat: Bunder, Patuk
  situs: https://bunder.example.go.id
  kanal:
    satu_data: https://data.example.go.id
sop: { nomor: "1/2024", nama: SOP Publikasi, tanggal_efektif: 2024-01-02, disahkan_oleh: Lurah Bunder }
peran:
  seksi: { nama: Seksi Pengolahan Data, anggota: [sari] }
  ketua-ppid: { nama: Ketua PPID, anggota: [pak-lurah, "@bunder/ppid"] }
alur:
  - id: publikasi
    nama: Publikasi
    jenis: ["*"]
    penerima_laporan: ketua-ppid
    tahap:
      - { id: seksi, nama: Seksi, peran: seksi }
      - { id: ketua, nama: Ketua PPID, peran: ketua-ppid }
publikasi:
  tagar: [KalurahanBunder]
  satu_data: { organisasi: kalurahan-bunder }
`;

export function makeConfig(): Config {
  const parsed = parseConfig(CONFIG_YAML);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** An item as the loader returns it (validated frontmatter with its defaults). */
export function makeItem(jenis: ContentType, slug: string, data: Record<string, unknown>, body = ''): Item {
  return {
    jenis,
    slug,
    dir: `content/${jenis}/${slug}`,
    file: `content/${jenis}/${slug}/index.md`,
    data: { judul: 'Judul', ringkasan: 'Ringkasan.', tag: [], ...data },
    body,
    bodyLine: 10,
  } as unknown as Item;
}
