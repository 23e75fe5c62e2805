import { makeSnapshot } from '../../../test/approval/github-fixtures.ts';
import { SnapshotSchema, type SnapshotInput } from '../approval/types.ts';
import { parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { recordMergedPull, type ApprovalRecord } from './record.ts';

/**
 * A two-stage office (the KPU pattern: Kasubbag, then Ketua Divisi, with time standards), a
 * stand-in and a stage any of two roles may approve, for the records tests. The Kepala Kantor may
 * publish at once (serta-merta lane), the normal stages following within one working day; drafting
 * has a standard of 5 hours. The Kasubbag and the
 * stand-in are written out as people; the Ketua Divisi is a plain login.
 */
const CONFIG_TEXT = `
kantor: { nama: Kantor Uji, induk: Pemerintah Kabupaten Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 7/SOP/2025, nama: SOP Publikasi Uji, tanggal_efektif: 2025-01-01, disahkan_oleh: Kepala Kantor }
jam_kerja: { hari: [senin, selasa, rabu, kamis, jumat], mulai: "08:00", selesai: "16:00" }
peran:
  kasubbag:
    nama: Kasubbag Teknis
    anggota: [{ akun: kasubbag-a, nama: "Dewi Lestari, S.H.", jabatan: Kepala Subbagian Teknis, nip: "19850317 201001 2 015" }]
    pengganti: [{ akun: plh-kasubbag, sampai: 2025-03-31, dasar: "Surat Plh. Nomor 12/2025", nama: Hendra Gunawan, jabatan: Sekretaris }]
  ketua-divisi: { nama: Ketua Divisi, anggota: [ketua-divisi] }
  sekretaris: { nama: Sekretaris, anggota: ["@kantor/sekretariat"] }
  kepala: { nama: Kepala Kantor, anggota: [kepala] }
alur:
  - id: publikasi
    nama: Publikasi
    jenis: ["*"]
    mutu_baku: { penyusunan: 5 jam }
    serta_merta: { peran: kepala, tinjauan_susulan: 1 hari }
    tahap:
      - { id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag, mutu_baku: 1 jam }
      - { id: pemeriksaan, nama: Pemeriksaan Pimpinan, peran: [ketua-divisi, sekretaris], mutu_baku: 30 menit }
  - id: sistem
    nama: Perubahan sistem
    berkas: ["src/**"]
    tahap: [{ id: kepala, nama: Persetujuan Kepala, peran: kepala }]
`;

export function testConfig(): Config {
  const parsed = parseConfig(CONFIG_TEXT, 'uji.config.yml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** A merged PR: `makeSnapshot` plus the fields pulls.get adds after the merge. */
export function mergedSnapshot(options: Parameters<typeof makeSnapshot>[0] & { merged: string; number?: number; labels?: string[] }): SnapshotInput {
  const snapshot = makeSnapshot(options);
  if (options.labels) Object.assign(snapshot.pull as object, { labels: options.labels.map((name, id) => ({ id, name, color: 'd93f0b' })) });
  const number = options.number ?? 7;
  Object.assign(snapshot.pull as object, {
    number,
    html_url: `https://github.com/kantor/situs/pull/${number}`,
    state: 'closed',
    merged: true,
    merged_at: options.merged,
    closed_at: options.merged,
    merged_by: { login: 'admin-web' },
    merge_commit_sha: 'merge000000000000000000000000000000000000',
  });
  return snapshot;
}

export const NEWS = 'content/berita/rapat-pleno/index.md';

/** The record of news PR `number`, merged at `merged` without reviews, as `tayang catat` makes it. */
export function sampleRecord(number: number, merged: string): ApprovalRecord {
  const snapshot = mergedSnapshot({ number, author: 'penulis', opened: '2025-03-10T08:00:00+07:00', merged, files: [NEWS] });
  const result = recordMergedPull({ config: testConfig(), snapshot: SnapshotSchema.parse(snapshot), titles: new Map(), source: 'uji' });
  if (!result.ok || !result.value) throw new Error('no record');
  return result.value;
}
