import { describe, expect, it } from 'vitest';
import { archiveBaseName, compareWithManifest, makeManifest, type ManifestFile } from './manifest.ts';

const config = {
  kantor: { nama: 'Kecamatan Gerokgak', induk: 'Pemerintah Kabupaten Buleleng', alamat: 'Jl. Singaraja–Gilimanuk', situs: 'https://gerokgak.bulelengkab.go.id', zona_waktu: 'Asia/Makassar' as const, kontak: {}, kanal: {}, umpan_balik: {} },
  sop: { nomor: '800/15/2021', nama: 'SOP Pengelolaan Website', tanggal_efektif: '2021-01-04', disahkan_oleh: 'Camat Gerokgak' },
};
const COMMIT = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const file = (path: string, sha = 'a'): ManifestFile => ({ path, size: 3, sha256: sha.repeat(64) });

describe('makeManifest', () => {
  it('dates the archive by its commit in the office time zone, and names it after the office', () => {
    // 16:30 UTC on 10 March is already 11 March in Bali (WITA, UTC+8).
    const manifest = makeManifest({ config, commit: COMMIT, committedAt: '2025-03-10T16:30:00Z', files: [file('records/a.json'), file('dist/index.html')] });
    expect(manifest.created_at).toBe('2025-03-11T00:30:00+08:00');
    expect(manifest.office).toEqual({ name: 'Kecamatan Gerokgak', parent: 'Pemerintah Kabupaten Buleleng', site: 'https://gerokgak.bulelengkab.go.id', time_zone: 'Asia/Makassar' });
    expect(manifest.sop.number).toBe('800/15/2021');
    expect(manifest.files.map((f) => f.path)).toEqual(['dist/index.html', 'records/a.json']);
    expect(archiveBaseName(manifest)).toBe('kecamatan-gerokgak-2025-03-11-1a2b3c4');
  });
});

describe('compareWithManifest', () => {
  const listed = [file('dist/index.html'), file('content/berita/a/index.md')];

  it('finds nothing when the archive holds exactly the listed files', () => {
    expect(compareWithManifest(listed, [...listed].reverse())).toEqual([]);
  });

  it('names a changed, a missing, an extra and a repeated file', () => {
    const found = [file('dist/index.html', 'b'), file('dist/sisipan.html'), file('dist/sisipan.html')];
    expect(compareWithManifest(listed, found)).toEqual([
      { kind: 'changed', path: 'dist/index.html', expected: { size: 3, sha256: 'a'.repeat(64) }, actual: { size: 3, sha256: 'b'.repeat(64) } },
      { kind: 'unexpected', path: 'dist/sisipan.html' },
      { kind: 'duplicate', path: 'dist/sisipan.html' },
      { kind: 'missing', path: 'content/berita/a/index.md' },
    ]);
  });
});
