import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../src/lib/content/time.ts';
import { article, CONFIG, makeSite, tayang } from './site.ts';

type Report = { files: number; findings: { file: string; line: number; rule: string; severity: string }[] };
const own = (report: Report) => report.findings.filter((f) => !f.rule.startsWith('language/'));

describe('tayang periksa (command line)', () => {
  let root: string;
  beforeAll(async () => {
    ({ root } = await makeSite({
      'tayang.config.yml': CONFIG,
      'content/artikel/layanan/index.md': article('Layanan informasi publik'),
      'content/artikel/bantuan/index.md': article('Penerima bantuan', '\nPenerima: Sutarmi (NIK 3313014506800001).\n'),
      'docs/catatan.md': '# Catatan\n\nHubungi 0812-3456-7890.\n',
      'README.txt': 'bukan Markdown',
    }));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('checks every item under content/ without arguments and exits 1 when a finding is an error', async () => {
    const result = await tayang(root, ['periksa', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files).toBe(2);
    expect(own(report)).toMatchObject([{ file: 'content/artikel/bantuan/index.md', line: 10, rule: 'privacy/nik', severity: 'error' }]);
    expect(result.code).toBe(1);
  });

  it('checks any Markdown file given, and exits 0 when there are only warnings', async () => {
    // An absolute path still gives findings with the repository-relative path.
    const result = await tayang(root, ['periksa', `${root}/docs/catatan.md`, '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files).toBe(1);
    expect(report.findings[0]!.file).toBe('docs/catatan.md');
    expect(own(report).map((f) => f.rule)).toEqual(['privacy/phone']);
    expect(report.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(result.code).toBe(0);
  });

  it('prints the terminal format grouped by file', async () => {
    const result = await tayang(root, ['periksa', './content/artikel/bantuan/']);
    expect(result.stdout).toContain('content/artikel/bantuan/index.md\n');
    expect(result.stdout).toMatch(/10:\d+ +galat +privacy\/nik/);
    expect(result.stdout).toContain('berkas diperiksa');
  });

  it('writes the PR summary with findings merged from another JSON report, and SARIF', async () => {
    const { writeFile, readFile } = await import('node:fs/promises');
    const a11y = { files: 1, findings: [{ file: 'content/artikel/layanan/index.md', line: 1, column: 1, rule: 'a11y/axe/color-contrast', severity: 'error', message: 'kontras warna teks terlalu rendah.', suggestion: 'gelapkan warna teks.' }] };
    await writeFile(`${root}/a11y.json`, JSON.stringify(a11y));
    const result = await tayang(root, ['periksa', 'content/artikel/layanan', '--format', 'sarif', '--gabung', 'a11y.json', '--komentar', 'komentar.md', '--pratinjau', 'https://github.test/k/s/actions/runs/9/artifacts/1']);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('a11y/axe/color-contrast');
    expect(result.code).toBe(1);
    const comment = await readFile(`${root}/komentar.md`, 'utf8');
    expect(comment).toContain('| Aksesibilitas | 1 | 0 |');
    expect(comment).toContain('**Perbaikan:** gelapkan warna teks.');
    expect(comment).toContain('(https://github.test/k/s/actions/runs/9/artifacts/1)');
    expect(comment).toContain('Keterbacaan');
    await writeFile(`${root}/rusak.json`, '{"files": 1, "findings": [{"file": "a"}]}');
    const broken = await tayang(root, ['periksa', 'content/artikel/layanan', '--gabung', 'rusak.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('rusak.json');
  });

  it.each([
    [['periksa', 'tidak-ada.md'], 'tidak ada'],
    [['periksa', 'README.txt'], 'bukan berkas Markdown'],
    [['periksa', '--format', 'xml'], 'format "xml" tidak dikenal'],
  ])('exits 2 on unusable input: %j', async (args, words) => {
    const result = await tayang(root, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
  });

  it('exits 2 instead of "0 berkas diperiksa" when run without files where there is no content/ folder', async () => {
    const { root: elsewhere } = await makeSite({ 'catatan.md': 'Teks.\n' });
    const result = await tayang(elsewhere, ['periksa']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/: folder content/ tidak ada di');
    expect(result.stderr).toContain('jalankan perintah ini dari akar repositori kantor');
    expect((await tayang(elsewhere, ['periksa', 'catatan.md'])).code).toBe(0);
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('reports an item folder that is a symbolic link, which the build would refuse', async () => {
    const { mkdtemp, symlink, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const outside = await mkdtemp(`${tmpdir()}/tayang-luar-`);
    await writeFile(`${outside}/index.md`, article('Dari luar repositori'));
    const { root: linked } = await makeSite({ 'tayang.config.yml': CONFIG, 'content/artikel/layanan/index.md': article('Layanan informasi publik') });
    await symlink(outside, `${linked}/content/artikel/tautan`);
    const result = await tayang(linked, ['periksa', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    expect(own(report)).toMatchObject([{ file: 'content/artikel/tautan/index.md', rule: 'schema/file-reference', severity: 'error', message: expect.stringContaining('tautan simbolik') }]);
    expect(result.code).toBe(1);
    await rm(linked, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('reports a frontmatter error, a missing picture and a leftover placeholder in one run', async () => {
    const item = article('Layanan informasi publik', '\n[GANTI: paragraf penutup]\n\n![Loket layanan](loket.jpg)\n')
      .replace('penulis: Admin Website\n', 'penulis: Admin Website\ngambar:\n  src: sampul.jpg\n  alt: Kantor kecamatan\nwarna: merah\n');
    const { root: site } = await makeSite({ 'tayang.config.yml': CONFIG, 'content/artikel/layanan/index.md': item });
    const result = await tayang(site, ['periksa', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { findings: { line: number; rule: string; message: string }[] };
    expect(report.findings.filter((f) => !f.rule.startsWith('language/')).map((f) => [f.line, f.rule, f.message])).toEqual([
      [7, 'schema/file-reference', 'kolom `gambar.src`: berkas "sampul.jpg" tidak ada di folder item ini.'],
      [9, 'schema/frontmatter', 'kolom tidak dikenal: warna.'],
      [14, 'schema/frontmatter', expect.stringContaining('[GANTI: …]')],
      [16, 'schema/file-reference', 'berkas "loket.jpg" tidak ada di folder item ini.'],
    ]);
    expect(result.code).toBe(1);
    await rm(site, { recursive: true, force: true });
  });

  it('exits 2 with a clear message for --berubah outside a git repository', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const plain = await mkdtemp(`${tmpdir()}/tayang-tanpa-git-`);
    await writeFile(`${plain}/a.md`, 'Teks.\n');
    const result = await tayang(plain, ['periksa', '--berubah'], { GIT_CEILING_DIRECTORIES: tmpdir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('folder ini bukan repositori git');
    await rm(plain, { recursive: true, force: true });
  });

  it('exits 2 with the line of the problem when the office config is broken or names an unknown rule', async () => {
    const { root: broken } = await makeSite({ 'tayang.config.yml': `${CONFIG}  aturan:\n    privacy/nomor-hp: off\n`, 'a.md': 'Teks.\n' });
    const result = await tayang(broken, ['periksa', 'a.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tayang.config.yml:15');
    expect(result.stderr).toContain('aturan "privacy/nomor-hp" tidak dikenal');
    await rm(broken, { recursive: true, force: true });
  });
});

describe('tayang periksa --berubah', () => {
  const ITEMS = 1500;
  let site: Awaited<ReturnType<typeof makeSite>>;

  beforeAll(async () => {
    // A big site whose every item is broken: if --berubah read any of them, it would show.
    const files: Record<string, string> = { 'tayang.config.yml': CONFIG };
    for (let i = 0; i < ITEMS; i++) files[`content/berita/berita-${i}/index.md`] = '---\njudul: "rusak\n---\nNIK 3313014506800001\n';
    files['content/artikel/layanan/index.md'] = article('Layanan informasi publik');
    site = await makeSite(files);
    await site.git('checkout', '-q', '-b', 'usulan');
  }, 120_000);
  afterAll(() => rm(site.root, { recursive: true, force: true }));

  it('checks only the item a branch changes, whatever the size of the site', async () => {
    await site.write({ 'content/artikel/layanan/index.md': article('Layanan informasi publik', '\nHubungi 0812-3456-7890.\n') });
    await site.git('-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.test', 'commit', '-q', '-am', 'ubah');
    const result = await tayang(site.root, ['periksa', '--berubah', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files).toBe(1);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['content/artikel/layanan/index.md']));
    expect(own(report).map((f) => f.rule)).toEqual(['privacy/phone']);
  });

  it('also checks an item when only a file beside it changed, and a new item not yet committed', async () => {
    await site.write({ 'content/berita/berita-7/foto.jpg': 'x', 'content/artikel/baru/index.md': article('Item baru') });
    const result = await tayang(site.root, ['periksa', '--berubah=main', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files).toBe(3);
    expect([...new Set(report.findings.map((f) => f.file))].sort()).toContain('content/berita/berita-7/index.md');
    expect(result.code).toBe(1);
  });

  it('checks an item again when a file it names was deleted, and skips a deleted item', async () => {
    await site.git('checkout', '-q', '-f', 'main');
    await site.git('clean', '-qfd');
    await site.write({ 'content/artikel/bergambar/index.md': article('Bergambar').replace('---\n\n', 'gambar:\n  src: foto.jpg\n  alt: Petugas melayani warga di loket\n---\n\n'), 'content/artikel/bergambar/foto.jpg': 'x' });
    await site.git('-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.test', 'add', '-A');
    await site.git('-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.test', 'commit', '-q', '-m', 'bergambar');
    await site.git('checkout', '-q', '-b', 'hapus');
    await site.git('rm', '-q', 'content/artikel/bergambar/foto.jpg', 'content/artikel/layanan/index.md');
    await site.git('-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.test', 'commit', '-q', '-m', 'hapus');
    const result = await tayang(site.root, ['periksa', '--berubah', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files).toBe(1);
    expect(own(report)).toMatchObject([{ file: 'content/artikel/bergambar/index.md', rule: 'schema/file-reference' }]);
  });

  it('exits 2 when the reference does not exist', async () => {
    const result = await tayang(site.root, ['periksa', '--berubah=cabang-hilang']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cabang-hilang');
  });
});

describe('tayang periksa on an office whose config dates went stale', () => {
  let root: string;
  beforeAll(async () => {
    const stale = CONFIG.replace('disahkan_oleh: Camat Jenawi }', 'disahkan_oleh: Camat Jenawi, tinjauan_berikutnya: 2020-01-02 }') + 'jam_kerja:\n  libur: [2020-01-01]\n';
    ({ root } = await makeSite({ 'tayang.config.yml': stale, 'content/artikel/layanan/index.md': article('Layanan informasi publik') }));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('warns on stderr, naming the config lines, and leaves the findings and the exit code alone', async () => {
    const result = await tayang(root, ['periksa', '--format', 'json']);
    const year = localToday(new Date(), 'Asia/Jakarta').slice(0, 4);
    expect(result.stderr).toContain('Peringatan konfigurasi:');
    expect(result.stderr).toMatch(/tayang\.config\.yml:9 — kolom `sop\.tinjauan_berikutnya`: tanggal tinjauan SOP \(2020-01-02\) sudah lewat/);
    expect(result.stderr).toContain(`tayang.config.yml:15 — kolom \`jam_kerja.libur\`: daftar hari libur tidak berisi satu pun tanggal tahun ${year}`);
    expect((JSON.parse(result.stdout) as Report).files).toBe(1);
    expect(result.code).toBe(0);
  });

  it('says the same in the PR summary, naming the config lines', async () => {
    const result = await tayang(root, ['periksa', '--komentar', 'ringkasan.md']);
    expect(result.code).toBe(0);
    const summary = await readFile(join(root, 'ringkasan.md'), 'utf8');
    expect(summary).toContain('#### ⚠️ Konfigurasi kantor perlu diperbarui');
    expect(summary).toContain('- `tayang.config.yml` baris 9 · `sop.tinjauan_berikutnya`<br>tanggal tinjauan SOP (2020-01-02) sudah lewat');
    expect(summary).toContain('`jam_kerja.libur`<br>daftar hari libur tidak berisi satu pun tanggal tahun');
  });
});

describe('tayang periksa on a config whose menu names a page that does not exist', () => {
  let root: string;
  beforeAll(async () => {
    ({ root } = await makeSite({
      'tayang.config.yml': `${CONFIG}menu:\n  - beranda\n  - sejarah-kecamatann\n  - profil\n`,
      'content/halaman/sejarah-kecamatan/index.md': '---\njudul: Sejarah Kecamatan\ntanggal: 2026-01-02\nringkasan: Sejarah singkat Kecamatan Jenawi.\npenulis: Sekretariat\n---\n\nKecamatan Jenawi dibentuk pada tahun 1950.\n',
    }));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('exits 2 naming the menu line and the office pages that exist, before the build would stop on it', async () => {
    const result = await tayang(root, ['periksa']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tayang.config.yml:16 — kolom `menu.1`: "sejarah-kecamatann" bukan bagian situs maupun halaman kantor, jadi tidak bisa masuk menu.');
    expect(result.stderr).toContain('nama folder halaman di content/halaman/ (sejarah-kecamatan)');
  });
});

describe('tayang periksa on a config whose logo file is missing', () => {
  let root: string;
  beforeAll(async () => {
    ({ root } = await makeSite({ 'tayang.config.yml': CONFIG.replace('  situs: https://jenawi.karanganyarkab.go.id', '  situs: https://jenawi.karanganyarkab.go.id\n  logo: public/logo-jenawi.png') }));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('exits 2 naming the logo line, as the build stops on it', async () => {
    const result = await tayang(root, ['periksa']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tayang\.config\.yml:\d+ — kolom `kantor\.logo`: berkas logo "public\/logo-jenawi\.png" tidak ditemukan\./);
  });
});
