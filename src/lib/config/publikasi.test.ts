import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './load.ts';

const BASE = `kantor: { nama: Kecamatan Jenawi, induk: Pemkab Karanganyar, alamat: Jenawi, situs: "https://jenawi.example.go.id" }
sop: { nomor: "1/2025", nama: SOP, tanggal_efektif: 2025-01-02, disahkan_oleh: Camat }
peran: { ppid: { nama: PPID, anggota: [budi] } }
alur: [{ id: publikasi, nama: Publikasi, jenis: ["*"], tahap: [{ id: v, nama: Verifikasi, peran: ppid }] }]
`;

describe('publikasi section', () => {
  it('defaults to GitHub Pages and every platform', () => {
    const parsed = parseConfig(BASE);
    expect(parsed.ok && parsed.value.publikasi).toEqual({ situs: { tujuan: 'pages' }, platform: ['instagram', 'facebook', 'x', 'youtube', 'whatsapp'], tagar: [] });
  });

  it('posts for PPID Kalurahan Bunder only on the channels its SOP names (no X, no WhatsApp)', () => {
    const parsed = parseConfig(readFileSync(new URL('../../../presets/ppid-kalurahan-bunder.yml', import.meta.url), 'utf8'), 'ppid-kalurahan-bunder.yml');
    expect(parsed.ok && parsed.value.publikasi.platform).toEqual(['instagram', 'facebook', 'youtube']);
  });

  it('reads an S3-compatible target in Indonesia with its defaults', () => {
    const parsed = parseConfig(`${BASE}publikasi:\n  situs: { tujuan: s3, endpoint: "https://s3.penyedia.co.id", bucket: situs-jenawi }\n`);
    expect(parsed.ok && parsed.value.publikasi.situs).toEqual({ tujuan: 's3', endpoint: 'https://s3.penyedia.co.id', bucket: 'situs-jenawi', wilayah: 'us-east-1', awalan: '', simpan_rilis: 5 });
  });

  it('keeps 5 releases unless told, and at least 2 so that a rollback has one to go back to', () => {
    const parsed = parseConfig(`${BASE}publikasi:\n  situs: { tujuan: folder, folder: /var/www/jenawi, simpan_rilis: 10 }\n`);
    expect(parsed.ok && parsed.value.publikasi.situs).toEqual({ tujuan: 'folder', folder: '/var/www/jenawi', simpan_rilis: 10 });
    const one = parseConfig(`${BASE}publikasi:\n  situs: { tujuan: rsync, server: deploy@web.jenawi.go.id, folder: /var/www/jenawi, simpan_rilis: 1 }\n`);
    expect(one.ok).toBe(false);
    if (one.ok) return;
    expect(one.problems[0]).toMatchObject({ field: 'publikasi.situs.simpan_rilis', message: expect.stringContaining('paling sedikit 2') });
    const text = parseConfig(`${BASE}publikasi:\n  situs: { tujuan: sftp, server: situs@hosting.penyedia.co.id, folder: /home/situs/public_html, simpan_rilis: lima }\n`);
    expect(!text.ok && text.problems[0]).toMatchObject({ field: 'publikasi.situs.simpan_rilis', message: expect.stringContaining('sebagai angka') });
  });

  it('names the line and the allowed targets when the target is unknown', () => {
    const parsed = parseConfig(`${BASE}publikasi:\n  situs:\n    tujuan: ftp\n`);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ line: 7, field: 'publikasi.situs.tujuan', message: expect.stringContaining('pages, folder, rsync, sftp, s3') });
  });

  it('names the role whose members hear of a held publication, which must exist', () => {
    const parsed = parseConfig(`${BASE}publikasi: { admin: ppid }\n`);
    expect(parsed.ok && parsed.value.publikasi.admin).toBe('ppid');
    const unknown = parseConfig(`${BASE}publikasi:\n  admin: admin-website\n`);
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.problems[0]).toMatchObject({ line: 6, field: 'publikasi.admin', message: expect.stringContaining('peran "admin-website" tidak ada di bagian `peran`. Peran yang ada: ppid.') });
  });

  it('explains a malformed server address', () => {
    const parsed = parseConfig(`${BASE}publikasi:\n  situs: { tujuan: sftp, server: "situs di hosting", folder: /home/situs }\n`);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ field: 'publikasi.situs.server', message: expect.stringContaining('pengguna@nama-server') });
  });
});
