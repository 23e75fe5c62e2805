// Real Astro builds of small sites that use Tayang's content collections (src/content.config.ts):
// broken content must stop the build with Indonesian messages naming file, line and field (not
// Astro's English errors with a stack trace), and scheduled items must stay out of the pages.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from '../checks/site.ts';
import { berita, buildSite, rebuildSite, type Site } from './build-site.ts';

const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==', 'base64');

const sites: Site[] = [];
afterAll(async () => {
  await Promise.all(sites.map((s) => rm(s.dir, { recursive: true, force: true })));
});

describe('rebuilding a site', () => {
  it('reads again only the items that changed, and every entry under another office zone', async () => {
    const jadwal = `---\nimport { getCollection } from 'astro:content';\nconst berita = await getCollection('berita');\n---\n<ul>{berita.map((b) => <li>{b.id} {b.data.terbit}</li>)}</ul>\n`;
    const first = await buildSite({
      'tayang.config.yml': CONFIG,
      'content/berita/sudah-iso/index.md': berita('terbit: 2025-03-10T09:00:00+08:00\n'),
      'content/berita/kerja-bakti/index.md': berita(''),
      'src/pages/jadwal.astro': jadwal,
    });
    sites.push(first);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('Pemeriksaan konten: 2 dari 2 item dibaca');
    expect(await readFile(join(first.dir, 'dist/jadwal/index.html'), 'utf8')).toContain('<li>sudah-iso 2025-03-10 08:00</li>');

    const unchanged = await rebuildSite(first, {});
    expect(unchanged.code, unchanged.output).toBe(0);
    expect(unchanged.output).toContain('Pemeriksaan konten: 0 dari 2 item dibaca');

    // A kept result is never a pass: the changed item is read and refused.
    const refused = await rebuildSite(first, { 'content/berita/kerja-bakti/index.md': berita('').replace('Isi berita.', 'Penerima: Sutarmi (NIK 3313014506800001).') });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('Pemeriksaan konten: 1 dari 2 item dibaca');
    expect(refused.output).toMatch(/content\/berita\/kerja-bakti\/index\.md:9:\d+: privacy\/nik: NIK/);

    // What Astro keeps of an unchanged entry was read in WIB: in WITA it is read again.
    const makassar = await rebuildSite(first, { 'content/berita/kerja-bakti/index.md': berita(''), 'tayang.config.yml': CONFIG.replace('  situs:', '  zona_waktu: Asia/Makassar\n  situs:') });
    expect(makassar.code, makassar.output).toBe(0);
    expect(makassar.output).toContain('Pemeriksaan konten: 2 dari 2 item dibaca');
    expect(await readFile(join(first.dir, 'dist/jadwal/index.html'), 'utf8')).toContain('<li>sudah-iso 2025-03-10 09:00</li>');
  }, 240_000);
});

describe('building a site with valid content', () => {
  let site: Site;
  beforeAll(async () => {
    site = await buildSite({
      'content/berita/terbit/index.md': berita('gambar:\n  src: foto.jpg\n  alt: Warga membersihkan saluran air\n'),
      'content/berita/terbit/foto.jpg': JPEG,
      'content/berita/nanti/index.md': berita('terbit: "2099-01-01 08:00"\n'),
      'tayang.config.yml': CONFIG.replace('disahkan_oleh: Camat Jenawi }', 'disahkan_oleh: Camat Jenawi, tinjauan_berikutnya: 2020-01-02 }'),
      // ISO 8601 with an offset, unquoted: 09:00 WITA is 08:00 in the office's WIB.
      'content/berita/nanti-iso/index.md': berita('terbit: 2099-01-01T08:00:00+07:00\n'),
      'content/berita/sudah-iso/index.md': berita('terbit: 2025-03-10T09:00:00+08:00\n'),
      'src/pages/jadwal.astro': `---\nimport { getCollection } from 'astro:content';\nconst berita = await getCollection('berita');\n---\n<ul>{berita.map((b) => <li>{b.id} {b.data.terbit}</li>)}</ul>\n`,
      // A type the office has no folder for yet.
      'src/pages/artikel.astro': `---\nimport { getCollection } from 'astro:content';\nconst artikel = await getCollection('artikel');\n---\n<p>{artikel.length} artikel</p>\n`,
    });
    sites.push(site);
  }, 120_000);

  it('succeeds and leaves items scheduled for later out of the pages', async () => {
    expect(site.code, site.output).toBe(0);
    const html = await readFile(join(site.dir, 'dist/index.html'), 'utf8');
    expect(html).toContain('terbit: Kerja Bakti');
    expect(html).not.toContain('nanti');
  });

  it('takes terbit in ISO 8601 with an offset as well as office time, and shows it in office time', async () => {
    const html = await readFile(join(site.dir, 'dist/jadwal/index.html'), 'utf8');
    expect(html).toContain('<li>sudah-iso 2025-03-10 08:00</li>');
    expect(html).not.toContain('nanti-iso');
    expect(site.output).not.toContain('bukan tanggal yang sah');
  });

  it('warns once that the SOP review date has passed and the year has no holidays', () => {
    expect(site.output.match(/Tanggal di konfigurasi kantor sudah usang/g)).toHaveLength(1);
    expect(site.output).toContain('tayang.config.yml:9 — kolom `sop.tinjauan_berikutnya`: tanggal tinjauan SOP (2020-01-02) sudah lewat');
    expect(site.output).toContain('kolom `jam_kerja.libur`: daftar hari libur tidak berisi satu pun tanggal tahun');
  });

  it("prints no English warning for the content types the office has no folder for yet", async () => {
    expect(site.output).not.toContain('does not exist');
    expect(await readFile(join(site.dir, 'dist/artikel/index.html'), 'utf8')).toContain('0 artikel');
  });
});

describe('building a site with broken content', () => {
  let site: Site;
  beforeAll(async () => {
    site = await buildSite({
      'content/berita/yaml-rusak/index.md': '---\njudul: Kerja Bakti\njudul: Dua Kali\n---\n',
      'content/berita/tanpa-lokasi/index.md': berita('', ''),
      'content/berita/tanpa-foto/index.md': berita('gambar:\n  src: foto.jpg\n  alt: Warga membersihkan saluran air\n'),
      'content/berita/salah-jenis/index.md': berita('tag: gotong-royong\n'),
      'content/dokumen/rahasia/index.md': '---\njudul: Rahasia\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nkategori: lainnya\nberkas: a.pdf\nklasifikasi: dikecualikan\npenguasa_informasi: a\npenanggung_jawab: b\ntempat_pembuatan: c\nbentuk_informasi: [softcopy]\njangka_waktu_penyimpanan: 5 tahun\n---\n',
      // A form the text links to but nobody uploaded: the link would be a 404 on the office page.
      'content/halaman/formulir/index.md': '---\njudul: Formulir\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\n---\n\nUnduh [formulir (PDF)](formulir.pdf).\n',
      'content/data/proto/index.md': '---\njudul: Data\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\nberkas: d.csv\nprodusen: p\nfrekuensi: tahunan\nsatuan: jiwa\nperiode: 2025\nkolom:\n  __proto__: { label: X }\n---\n',
      'content/data/proto/d.csv': '__proto__,b\n1,2\n',
    });
    sites.push(site);
  }, 120_000);

  it('fails', () => {
    expect(site.code).not.toBe(0);
  });

  it('names file, line and field of every problem, in Indonesian', () => {
    expect(site.output).toContain('Konten tidak bisa diterbitkan karena 7 masalah:');
    expect(site.output).toContain('content/halaman/formulir/index.md:8: tautan di naskah: berkas "formulir.pdf" tidak ada di folder item ini.');
    expect(site.output).toContain('content/data/proto/index.md:12:3: nama `__proto__` di `kolom.__proto__` tidak diterima');
    expect(site.output).toContain('content/berita/yaml-rusak/index.md:3:1: penulisan YAML rusak: kolom `judul` ditulis dua kali; hapus salah satunya.');
    expect(site.output).toContain('content/berita/tanpa-lokasi/index.md:2:1 — kolom `lokasi`: wajib diisi, tetapi tidak ada.');
    expect(site.output).toContain('content/berita/tanpa-foto/index.md:8 — kolom `gambar.src`: berkas "foto.jpg" tidak ada di folder item ini.');
    expect(site.output).toContain('content/berita/salah-jenis/index.md:7:1 — kolom `tag`: harus daftar (setiap butir diawali "- "), bukan "gotong-royong".');
    expect(site.output).toMatch(/content\/dokumen\/rahasia\/index\.md:8:1 — kolom `klasifikasi`: informasi yang dikecualikan \(UU 14\/2008/);
  });

  it('prints no stack trace and none of Astro\'s English schema errors', () => {
    expect(site.output).not.toMatch(/Stack trace|at async|InvalidContentEntryData|does not match collection schema|ImageNotFound|UnknownFilesystemError|Cannot stringify/);
  });
});

describe('building a site with hostile content', () => {
  let site: Site;
  beforeAll(async () => {
    await rm('/tmp/tayang-mdx-ran', { force: true });
    site = await buildSite({
      'content/berita/skrip/index.md': `${berita('')}\n<img src="x" alt="Peta" onerror="alert(1)">\n\n[Formulir](&#x6A;avascript:alert(2))\n`,
      'content/berita/gambar-hilang/index.md': `${berita('')}\n![Peta dusun](peta.png)\n`,
      'content/berita/svg/index.md': berita('gambar:\n  src: peta.svg\n  alt: Peta dusun\n'),
      'content/berita/svg/peta.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="10" height="10"/></svg>',
      'content/artikel/mdx/index.mdx': `---\njudul: MDX\ntanggal: 2025-03-10\nringkasan: r\npenulis: p\n---\nimport { writeFileSync } from 'node:fs';\nexport const ran = writeFileSync('/tmp/tayang-mdx-ran', 'x');\n\nHalo.\n`,
    });
    sites.push(site);
  }, 120_000);

  it('stops the build for what sanitising cannot repair, naming each file and line, before any code in MDX runs', async () => {
    expect(site.code).not.toBe(0);
    expect(site.output).toContain('Konten tidak bisa diterbitkan karena 3 masalah:');
    expect(site.output).toContain('content/berita/svg/index.md:8:3 — kolom `gambar.src`: gambar SVG "peta.svg" tidak diterima');
    // Raw HTML is sanitised on its way to the page (test/security/content.test.ts): it does not stop the site.
    expect(site.output).not.toContain('content/berita/skrip/');
    expect(site.output).toContain('content/berita/gambar-hilang/index.md:11: berkas "peta.png" tidak ada di folder item ini.');
    expect(site.output).toContain('content/artikel/mdx/index.mdx:1: naskah MDX tidak diterima');
    expect(site.output).not.toMatch(/Stack trace|at async|ImageNotFound/);
    await expect(readFile('/tmp/tayang-mdx-ran')).rejects.toThrow();
  });
});

describe('building a site whose config names a menu page and a logo that do not exist', () => {
  let site: Site;
  beforeAll(async () => {
    site = await buildSite({
      'tayang.config.yml': `${CONFIG.replace('  situs: https://jenawi.karanganyarkab.go.id', '  situs: https://jenawi.karanganyarkab.go.id\n  logo: public/logo-jenawi.png')}menu: [beranda, berita, visi-misii]\n`,
      'content/berita/terbit/index.md': berita(''),
    });
    sites.push(site);
  }, 120_000);

  it('stops once, before any page, in Indonesian, naming the config lines', () => {
    expect(site.code, site.output).not.toBe(0);
    expect(site.output.match(/"visi-misii" bukan bagian situs maupun halaman kantor/g)).toHaveLength(1);
    expect(site.output).toContain('tayang.config.yml:15 — kolom `menu.2`');
    expect(site.output.match(/kolom `kantor\.logo`: berkas logo "public\/logo-jenawi\.png" tidak ditemukan/g)).toHaveLength(1);
    expect(site.output).not.toMatch(/Caught error rendering|ProblemsError/);
  });
});

describe('building an agenda whose start and end are written in different ways', () => {
  let site: Site;
  beforeAll(async () => {
    site = await buildSite({
      'content/agenda/rapat/index.md': '---\njudul: Rapat Koordinasi\ntanggal: 2099-03-01\nringkasan: Rapat koordinasi kecamatan.\npenulis: Sekretariat\nmulai: "2099-03-10 10:00"\nselesai: 2099-03-10T10:30:00+09:00\nlokasi: Pendapa\npenyelenggara: Kecamatan\n---\n\nIsi.\n',
    });
    sites.push(site);
  }, 120_000);

  it('stops with the same Indonesian problem tayang periksa gives, not Astro\'s English schema error', () => {
    expect(site.code, site.output).not.toBe(0);
    expect(site.output).toContain('content/agenda/rapat/index.md:7');
    expect(site.output).toContain('`mulai` dan `selesai` ditulis dengan cara berbeda');
    expect(site.output).not.toMatch(/InvalidContentEntryDataError|does not match collection schema/);
  });
});
