import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExampleSite, ROOT, type BuiltSite } from '../site/example-site.ts';

// The example office's site, built once: an item with approval records shows its history and has
// a printable sheet (letterhead, stages, signature blocks; officials by name, never by login).
// Every item of the example has a record, so a new office sees the history working on every page.
// (pa11y covers these pages in test/site/site.test.ts, which audits every page of the sitemap.)

let site: BuiltSite;
const page = (path: string) => readFile(join(site.dist, path, 'index.html'), 'utf8');
const exists = (path: string) => stat(join(site.dist, path)).then(() => true, () => false);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  site = await buildExampleSite();
}, 300_000);
afterAll(async () => {
  await site?.remove();
});

describe('approval history on the item page', () => {
  it('shows each change that published or changed the item, with the official by name and position, and the time', async () => {
    const html = await page('berita/musrenbang-kecamatan-jenawi-2026');
    expect(html).toContain('<h2 id="riwayat-persetujuan">Riwayat persetujuan</h2>');
    const captions = [...html.matchAll(/<caption id="riwayat-pr-\d+-judul">([^<]+)<\/caption>/g)].map(([, caption]) => caption);
    expect(captions).toEqual([
      'Terbit pertama: diajukan oleh Dimas Ardiansyah, S.Kom. (Pranata Komputer Ahli Pertama) pada Rabu, 11 Februari 2026, 10.05 WIB, diterbitkan Rabu, 11 Februari 2026, 13.52 WIB',
      'Diubah: diajukan oleh Dimas Ardiansyah, S.Kom. (Pranata Komputer Ahli Pertama) pada Kamis, 12 Februari 2026, 08.30 WIB, diterbitkan Kamis, 12 Februari 2026, 09.20 WIB',
    ]);
    expect(html).toContain(
      '<th scope="row">Verifikasi PPID Pelaksana</th><td>Sri Handayani, S.Sos. (Kepala Subbagian Umum dan Kepegawaian), sebagai PPID Pelaksana</td><td><time datetime="2026-02-11T13:40:00+07:00">Rabu, 11 Februari 2026, 13.40 WIB</time></td><td>3 jam 35 menit</td><td>belum ditetapkan</td><td>Tidak diukur</td>',
    );
    expect(html).toContain('href="/berita/musrenbang-kecamatan-jenawi-2026/persetujuan/"');
  });

  it('is recorded for every published item of the example office, each with its sheet', async () => {
    const folders = await readdir(join(ROOT, 'content'), { recursive: true });
    // content/<jenis>/<slug>; an office page (halaman) is at /<slug>/.
    const items = folders.filter((path) => path.split('/').length === 2 && !path.includes('.')).map((path) => path.replace(/^halaman\//, ''));
    const published = (await Promise.all(items.map(async (path) => ((await exists(join(path, 'index.html'))) ? [path] : [])))).flat();
    // The Idulfitri announcement waits for its `terbit` (1 March 2027); every other item is on the site.
    expect(published.length).toBeGreaterThanOrEqual(items.length - 1);
    for (const path of published) {
      expect(text(await page(path)), path).not.toContain('belum tercatat');
      expect(await exists(join(path, 'persetujuan/index.html')), `${path}/persetujuan/`).toBe(true);
    }
  });

  it('shows a serta-merta item as published at once on the Camat\'s approval, the PPID\'s verification following after it, late', async () => {
    const html = await page('berita/camat-tinjau-longsor-trengguli');
    expect(html).toContain(
      '<caption id="riwayat-pr-80-judul">Terbit pertama: diajukan oleh Dimas Ardiansyah, S.Kom. (Pranata Komputer Ahli Pertama) pada Senin, 9 November 2026, 14.10 WIB, diterbitkan Senin, 9 November 2026, 14.34 WIB lewat jalur serta-merta</caption>',
    );
    expect(html).toContain('<th scope="row">Persetujuan serta-merta</th><td>Drs. Hartono, M.Si. (Camat Jenawi)</td>');
    // records/persetujuan/80-susulan.json: the PPID reviewed it the next day, 50 minutes past the deadline.
    expect(text(html)).toContain('Verifikasi PPID Pelaksana Sri Handayani, S.Sos. (Kepala Subbagian Umum dan Kepegawaian), sebagai PPID Pelaksana Selasa, 10 November 2026, 15.20 WIB 9 jam 40 menit belum ditetapkan Ditinjau sesudah terbit, terlambat');
    expect(text(html)).toContain('tahap biasa menyusul paling lambat Selasa, 10 November 2026, 14.30 WIB. Ditinjau susulan oleh Sri Handayani, S.Sos. (Kepala Subbagian Umum dan Kepegawaian), sebagai PPID Pelaksana, selesai Selasa, 10 November 2026, 15.20 WIB, sesudah batas waktunya.');
    expect(text(html)).not.toContain('menunggu tinjauan susulan');
  });
});

describe('printable approval sheet', () => {
  it('names the office, the item and the stand-in who approved it, with the technical references to check it against', async () => {
    const sheet = text(await page('dokumen/perbup-standar-pelayanan-kecamatan/persetujuan'));
    expect(sheet).toContain('Lembar Persetujuan Publikasi');
    expect(sheet).toContain(
      'Agus Prasetyo, S.IP., M.M. (Sekretaris Kecamatan Jenawi), sebagai PPID Pelaksana, pengganti sampai Senin, 31 Maret 2025 (Surat Plh. PPID Pelaksana Nomor 800/45/2025)',
    );
    expect(sheet).toContain('Diajukan oleh Dimas Ardiansyah, S.Kom. (Pranata Komputer Ahli Pertama) pada Senin, 10 Maret 2025, 09.12 WIB');
    expect(sheet).toContain('Dasar SOP 000.8/12/2025');
    expect(sheet).toContain('Catatan teknis: pengajuan di GitHub https://github.com/kecamatan-jenawi/situs/pull/3 , versi e69624d2457a, berkas catatan records/persetujuan/3.json.');
  });

  it('is headed by the office\'s letterhead: parent government, office, address and contacts', async () => {
    const html = await page('dokumen/perbup-standar-pelayanan-kecamatan/persetujuan');
    const letterhead = /<div class="letterhead"[^>]*>(.*?)<\/div><\/div>/s.exec(html)?.[1];
    expect(letterhead, 'the sheet has a letterhead').toBeDefined();
    expect(text(letterhead!).trim()).toBe(
      'Pemerintah Kabupaten Karanganyar Kecamatan Jenawi Jl. Raya Jenawi No. 1, Kecamatan Jenawi, Kabupaten Karanganyar, Jawa Tengah 57794 ' +
        'Telepon (0271) 499210, Pos-el kecamatan.jenawi@karanganyarkab.go.id, Laman jenawi.karanganyarkab.go.id',
    );
    // The office's logo (kantor.logo) heads it, named for those who cannot see it.
    expect(letterhead).toMatch(/<img[^>]+src="\/logo\.png"[^>]*alt="Logo Kecamatan Jenawi"|<img[^>]+alt="Logo Kecamatan Jenawi"[^>]*src="\/logo\.png"/);
    // Before the title, as on an office's letter.
    expect(html.indexOf('class="letterhead"')).toBeLessThan(html.indexOf('<h1>Lembar Persetujuan Publikasi</h1>'));
  });

  it('ends each change with a signature block per approval: stage, role, electronic approval and time, name, position and NIP', async () => {
    const html = await page('berita/musrenbang-kecamatan-jenawi-2026/persetujuan');
    const blocks = [...html.matchAll(/<li class="signature"[^>]*>(.*?)<\/li>/gs)].map(([, block]) => text(block!).trim());
    expect(blocks).toEqual([
      'Verifikasi PPID Pelaksana PPID Pelaksana Disetujui secara elektronik pada Rabu, 11 Februari 2026, 13.40 WIB Sri Handayani, S.Sos. Kepala Subbagian Umum dan Kepegawaian NIP 19780512 200312 2 004',
      'Verifikasi PPID Pelaksana PPID Pelaksana Disetujui secara elektronik pada Kamis, 12 Februari 2026, 09.15 WIB Sri Handayani, S.Sos. Kepala Subbagian Umum dan Kepegawaian NIP 19780512 200312 2 004',
    ]);
    expect(html).toContain('<time datetime="2026-02-11T13:40:00+07:00"');
  });

  it('is listed in the sitemap, so the accessibility suite audits it', async () => {
    const sitemap = await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/dokumen/perbup-standar-pelayanan-kecamatan/persetujuan/</loc>');
  });
});
