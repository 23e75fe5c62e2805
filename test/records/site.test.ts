import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExampleSite, type BuiltSite } from '../site/example-site.ts';

// The example office's site, built once: an item with approval records shows its history and has
// a printable sheet; an item without one says so and has no sheet. (pa11y covers these pages in
// test/site/site.test.ts, which audits every page of the sitemap.)

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
  it('shows each PR that published or changed the item, with the official and the time', async () => {
    const html = await page('berita/musrenbang-kecamatan-jenawi-2026');
    expect(html).toContain('<h2 id="riwayat-persetujuan">Riwayat persetujuan</h2>');
    const captions = [...html.matchAll(/<caption id="riwayat-pr-\d+-judul">([^<]+)<\/caption>/g)].map(([, caption]) => caption);
    expect(captions).toEqual([
      'PR #21: terbit pertama, diajukan oleh dimas-jenawi, digabung Rabu, 11 Februari 2026, 13.52 WIB',
      'PR #24: diubah, diajukan oleh dimas-jenawi, digabung Kamis, 12 Februari 2026, 09.20 WIB',
    ]);
    expect(html).toContain('<th scope="row">Verifikasi PPID Pelaksana</th><td>sri-ppid-jenawi, PPID Pelaksana</td><td><time datetime="2026-02-11T13:40:00+07:00">Rabu, 11 Februari 2026, 13.40 WIB</time></td>');
    expect(html).toContain('href="/berita/musrenbang-kecamatan-jenawi-2026/persetujuan/"');
  });

  it('says the history is not recorded yet for an item without a record, and makes no sheet for it', async () => {
    const html = await page('berita/camat-tinjau-longsor-trengguli');
    expect(text(html)).toContain('Riwayat persetujuan berita ini belum tercatat.');
    expect(await exists('berita/camat-tinjau-longsor-trengguli/persetujuan/index.html')).toBe(false);
  });
});

describe('printable approval sheet', () => {
  it('names the office, the item and the stand-in who approved it, with references to check it against', async () => {
    const sheet = text(await page('dokumen/perbup-standar-pelayanan-kecamatan/persetujuan'));
    expect(sheet).toContain('Lembar Persetujuan Publikasi');
    expect(sheet).toContain('Kecamatan Jenawi Pemerintah Kabupaten Karanganyar');
    expect(sheet).toContain('agus-sekcam-jenawi, PPID Pelaksana, pengganti sampai Senin, 31 Maret 2025 (Surat Plh. PPID Pelaksana Nomor 800/45/2025)');
    expect(sheet).toContain('Dasar SOP 000.8/12/2025');
    expect(sheet).toContain('catatan records/persetujuan/3.json');
  });

  it('is listed in the sitemap, so the accessibility suite audits it', async () => {
    const sitemap = await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/dokumen/perbup-standar-pelayanan-kecamatan/persetujuan/</loc>');
  });
});
