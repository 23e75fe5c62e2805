import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.ts';
import { flowForPath, governChangedPaths } from './flows.ts';

const result = parseConfig(`
kantor: { nama: Kantor Uji, induk: Pemkab Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 1/2025, nama: SOP Uji, tanggal_efektif: 2025-01-01, disahkan_oleh: Kepala }
peran: { kepala: { nama: Kepala, anggota: [kepala] } }
alur:
  - { id: kantor, nama: Berita kantor, berkas: ["content/berita/kegiatan-kantor-*/**"], tahap: [{ id: a, nama: A, peran: kepala }] }
  - { id: berita, nama: Berita, jenis: [berita], tahap: [{ id: a, nama: A, peran: kepala }] }
  - { id: lain, nama: Lainnya, jenis: ["*"], tahap: [{ id: a, nama: A, peran: kepala }] }
  - { id: sistem, nama: Sistem, berkas: [".github/**", "src/**"], tahap: [{ id: a, nama: A, peran: kepala }] }
`);
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const config = result.value;

describe('flows by changed path', () => {
  it('lets the first matching flow govern a file', () => {
    expect(flowForPath(config, 'content/berita/kegiatan-kantor-apel/index.md')?.id).toBe('kantor');
    expect(flowForPath(config, 'content/berita/musrenbang/index.md')?.id).toBe('berita');
    expect(flowForPath(config, 'content/berita/musrenbang/foto-1.jpg')?.id).toBe('berita');
  });

  it('matches "*" to every content type folder, and jenis to content files only', () => {
    expect(flowForPath(config, 'content/dokumen/perbup-12/index.md')?.id).toBe('lain');
    expect(flowForPath(config, 'src/content/berita/x.md')?.id).toBe('sistem');
    expect(flowForPath(config, 'content/README.md')).toBeUndefined();
    expect(flowForPath(config, 'content/halaman-lain/profil.md')).toBeUndefined();
  });

  it('accepts only known content types in `jenis`, naming the ones that exist', () => {
    const typo = parseConfig(`
kantor: { nama: Kantor Uji, induk: Pemkab Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 1/2025, nama: SOP Uji, tanggal_efektif: 2025-01-01, disahkan_oleh: Kepala }
peran: { kepala: { nama: Kepala, anggota: [kepala] } }
alur:
  - { id: berita, nama: Berita, jenis: [beritaa], tahap: [{ id: a, nama: A, peran: kepala }] }
`);
    expect(typo.ok).toBe(false);
    if (typo.ok) return;
    expect(typo.problems).toEqual([
      expect.objectContaining({
        line: 6,
        field: 'alur.0.jenis.0',
        message: 'jenis konten "beritaa" tidak dikenal. Jenis yang ada: berita, pengumuman, agenda, artikel, galeri, video, audio, dokumen, data, halaman; atau "*" untuk semua jenis.',
      }),
    ]);
  });

  it('matches dot folders with berkas globs', () => {
    expect(flowForPath(config, '.github/workflows/persetujuan.yml')?.id).toBe('sistem');
    expect(flowForPath(config, 'src/.env')?.id).toBe('sistem');
  });

  it('sorts changed paths by governing flow, in config order, and lists the ungoverned', () => {
    const governance = governChangedPaths(config, ['src/a.ts', 'content/berita/x/index.md', 'catatan.txt', 'src/a.ts']);
    expect([...governance.byFlow]).toEqual([
      ['berita', ['content/berita/x/index.md']],
      ['sistem', ['src/a.ts']],
    ]);
    expect(governance.ungoverned).toEqual(['catatan.txt']);
  });
});
