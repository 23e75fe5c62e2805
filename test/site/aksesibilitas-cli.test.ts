import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// `tayang aksesibilitas` on a small hand-built site in a temporary Git repository: which pages
// --berubah picks, the JSON shape and the exit codes. The real example site is tested in
// site.test.ts.
const cli = fileURLToPath(new URL('../../scripts/tayang.ts', import.meta.url));

function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${title} — Kecamatan Jenawi</title></head>
<body><header><a href="#konten">Langsung ke konten utama</a><nav aria-label="Menu utama"><a href="/">Beranda</a> <a href="/berita/">Berita</a></nav></header>
<main id="konten" tabindex="-1"><h1>${title}</h1>${body}</main><footer><p>Kecamatan Jenawi</p></footer></body></html>`;
}

const files: Record<string, string> = {
  'content/berita/rapat-koordinasi/index.md': '---\njudul: Rapat koordinasi\ngambar:\n  src: ./foto-rapat.jpg\n  alt: Rapat di pendapa\n---\n\nRapat koordinasi digelar di pendapa.\n',
  'content/berita/panen-raya/index.md': '---\njudul: Panen raya\n---\n\nPanen raya padi.\n',
  'content/dokumen/perbup-5-2025/index.md': '---\njudul: Perbup 5/2025\n---\n',
  'docs/panduan.md': '# Panduan\n',
  'dist/index.html': page('Beranda', '<ul><li><a href="/berita/rapat-koordinasi/">Rapat koordinasi</a></li><li><a href="/berita/panen-raya/">Panen raya</a></li></ul>'),
  'dist/berita/index.html': page('Berita', '<ul><li><a href="/berita/rapat-koordinasi/">Rapat koordinasi</a></li><li><a href="/berita/panen-raya/">Panen raya</a></li></ul>'),
  'dist/berita/rapat-koordinasi/index.html': page('Rapat koordinasi', '<p>Rapat koordinasi digelar di pendapa.</p><img src="/_astro/foto-rapat.D8kQ2x_Z1.webp" width="10" height="10">' +
      // Two 12 px links side by side: too small a touch target under WCAG 2.2 (SC 2.5.8).
      '<p><a href="/berita/" style="display:inline-block;width:12px;height:12px;overflow:hidden">1</a><a href="/berita/" style="display:inline-block;width:12px;height:12px;overflow:hidden">2</a></p>'),
  'dist/berita/panen-raya/index.html': page('Panen raya', '<p>Panen raya padi.</p>'),
  'dist/dokumen/index.html': page('Dokumen', '<p><a href="/dokumen/perbup-5-2025/">Perbup 5/2025</a></p>'),
  'dist/dokumen/perbup-5-2025/index.html': page('Perbup 5/2025', '<p>Peraturan Bupati.</p>'),
  'dist/informasi-publik/index.html': page('Daftar Informasi Publik', '<p><a href="/dokumen/perbup-5-2025/">Perbup 5/2025</a></p>'),
  'dist/profil/index.html': page('Profil', '<p>Profil kantor.</p>'),
};

let repo: string;

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Admin', '-c', 'user.email=admin@jenawi.go.id', ...args], { cwd: repo, stdio: 'ignore' });
}

function tayang(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'aksesibilitas', ...args], { cwd: repo, env: { ...process.env, TAYANG_BASE: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

// main: the site; branch berita-rapat: one commit editing an item, then one editing the docs.
beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tayang-aksesibilitas-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(repo, file)), { recursive: true });
    await writeFile(join(repo, file), text);
  }
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'situs');
  git('checkout', '-q', '-b', 'berita-rapat');
  await writeFile(join(repo, 'content/berita/rapat-koordinasi/index.md'), `${files['content/berita/rapat-koordinasi/index.md']}Ditambah satu kalimat.\n`);
  git('commit', '-q', '-am', 'berita rapat');
  git('tag', 'item-diubah');
  await writeFile(join(repo, 'docs/panduan.md'), '# Panduan baru\n');
  git('commit', '-q', '-am', 'panduan');
}, 30_000);

const allowedKeys = ['file', 'line', 'column', 'rule', 'severity', 'message', 'suggestion'];

describe('tayang aksesibilitas', () => {
  it('with --berubah checks only the changed item page and the listings that show it', async () => {
    const { code, stdout } = await tayang('--berubah', '--format', 'json');
    const report = JSON.parse(stdout);
    expect(report.pages).toEqual(['/', '/berita/', '/berita/rapat-koordinasi/']);
    expect(report.files).toBe(3);
    expect(code).toBe(1);
  }, 60_000);

  it('reports findings in the JSON shape of periksa, on the item Markdown line, WCAG 2.2 rules included', async () => {
    const { stdout } = await tayang('--berubah=main', '--format', 'json');
    const report = JSON.parse(stdout);
    expect(Object.keys(report).sort()).toEqual(['files', 'findings', 'pages']);
    expect(report.findings).toContainEqual({
      file: 'content/berita/rapat-koordinasi/index.md',
      line: 4,
      column: 10,
      rule: 'a11y/axe/image-alt',
      severity: 'error',
      message: expect.stringContaining('Teks alternatif gambar (WCAG 1.1.1)'),
      suggestion: expect.stringContaining('alt'),
    });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'a11y/axe/target-size', message: expect.stringContaining('Ukuran target sentuh (WCAG 2.5.8)') }));
    for (const finding of report.findings) {
      expect(allowedKeys).toEqual(expect.arrayContaining(Object.keys(finding)));
      expect(finding).toMatchObject({ line: expect.any(Number), column: expect.any(Number), rule: expect.stringMatching(/^a11y\//) });
    }
  }, 60_000);

  it('checks nothing and passes when only files outside the site changed', async () => {
    const { code, stdout } = await tayang('--berubah=item-diubah', '--format', 'json');
    expect(JSON.parse(stdout)).toEqual({ files: 0, findings: [], pages: [] });
    expect(code).toBe(0);
  });

  it('stops with exit 2 and says to build first when dist is missing', async () => {
    const { code, stderr } = await tayang('--dist', 'belum-dibangun');
    expect(code).toBe(2);
    expect(stderr).toContain('Folder hasil build "belum-dibangun" belum ada.');
    expect(stderr).toContain('npm run build');
  });
});
