import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSourceStamp } from '../../src/lib/archive/source-stamp.ts';
import { writeArchive } from '../../src/lib/archive/write.ts';
import { loadConfigFile } from '../../src/lib/config/load.ts';

// `tayang arsip` run as the monthly workflow runs it: inside a Git repository of Kecamatan
// Gerokgak (whose SOP ends with "backs up the site data"), with a built site in dist/.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const NAME = 'kecamatan-gerokgak-2025-03-11-';
// Longer than a ustar header holds and not ASCII: written with a pax record, which tar must read.
const LONG_PAGE = `dist/galeri/${'pawai-budaya-desa-adat-'.repeat(6)}/penari-cilik-ñ.html`;

let repo: string;
let commit: string;

function run(args: string[], cwd = repo): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(NODE, [join(ROOT, 'scripts/tayang.ts'), 'arsip', ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

function git(args: string[], cwd = repo): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Operator Web', GIT_AUTHOR_EMAIL: 'web@gerokgak.test', GIT_COMMITTER_NAME: 'Operator Web', GIT_COMMITTER_EMAIL: 'web@gerokgak.test', GIT_AUTHOR_DATE: '2025-03-10T16:30:00Z', GIT_COMMITTER_DATE: '2025-03-10T16:30:00Z' };
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
}

async function put(path: string, content: string | Buffer, root = repo): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The uncompressed tar's entries as `tar` itself lists them (GNU or bsdtar, whichever is there). */
function listWithTar(archive: string): string[] {
  return execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tayang-arsip-'));
  git(['init', '--quiet', '--initial-branch=main']);
  await copyFile(join(ROOT, 'presets/kecamatan-gerokgak.yml'), join(repo, 'tayang.config.yml'));
  await put('content/berita/bersih-pantai-pemuteran/index.md', '---\njudul: Bersih Pantai Pemuteran\n---\nWarga membersihkan pantai.\n');
  await put('content/berita/bersih-pantai-pemuteran/foto.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]));
  await put('records/persetujuan/12.json', '{"pr": 12}\n');
  await put('.gitignore', 'dist/\narsip/\n');
  git(['add', 'tayang.config.yml', 'content/berita/bersih-pantai-pemuteran/index.md', 'content/berita/bersih-pantai-pemuteran/foto.jpg', 'records', '.gitignore']);
  git(['commit', '--quiet', '-m', 'Berita bersih pantai']);
  commit = git(['rev-parse', 'HEAD']).trim();
  await put('dist/index.html', '<!doctype html><title>Kecamatan Gerokgak</title>\n');
  await put('dist/berita/bersih-pantai-pemuteran/index.html', '<!doctype html><title>Bersih Pantai Pemuteran</title>\n');
  await put('dist/_astro/foto.Bx1.webp', Buffer.from([1, 2, 3, 4, 5]));
  await put(LONG_PAGE, '<!doctype html><title>Pawai Budaya</title>\n');
  // What `astro build` writes last: the sources it was built from.
  await writeSourceStamp(repo, join(repo, 'dist'));
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('tayang arsip', () => {
  it('writes one dated .tar.gz with the site, sources, records and config of the commit, and a .sha256 beside it', async () => {
    const result = await run([]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const name = `${NAME}${commit.slice(0, 7)}`;
    expect(result.stdout).toContain(`Arsip dibuat: arsip/${name}.tar.gz`);
    expect((await readdir(join(repo, 'arsip'))).sort()).toEqual([`${name}.tar.gz`, `${name}.tar.gz.sha256`]);

    const archive = await readFile(join(repo, 'arsip', `${name}.tar.gz`));
    expect(await readFile(join(repo, 'arsip', `${name}.tar.gz.sha256`), 'utf8')).toBe(`${sha256(archive)}  ${name}.tar.gz\n`);
    expect(listWithTar(join(repo, 'arsip', `${name}.tar.gz`))).toEqual([
      `${name}/MANIFEST.json`,
      `${name}/content/berita/bersih-pantai-pemuteran/foto.jpg`,
      `${name}/content/berita/bersih-pantai-pemuteran/index.md`,
      `${name}/dist/_astro/foto.Bx1.webp`,
      `${name}/dist/berita/bersih-pantai-pemuteran/index.html`,
      `${name}/${LONG_PAGE}`,
      `${name}/dist/index.html`,
      `${name}/dist/tayang-sumber.json`,
      `${name}/records/persetujuan/12.json`,
      `${name}/tayang.config.yml`,
    ]);
  });

  it('lists the office, SOP, commit, office-time date and every file with its size and SHA-256 in MANIFEST.json', async () => {
    const name = `${NAME}${commit.slice(0, 7)}`;
    const extracted = await mkdtemp(join(tmpdir(), 'tayang-arsip-buka-'));
    execFileSync('tar', ['-xzf', join(repo, 'arsip', `${name}.tar.gz`), '-C', extracted]);
    const manifest = JSON.parse(await readFile(join(extracted, name, 'MANIFEST.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'tayang-arsip/1',
      office: { name: 'Kecamatan Gerokgak', time_zone: 'Asia/Makassar' },
      sop: { number: '060/15/SOP/2021' },
      commit,
      created_at: '2025-03-11T00:30:00+08:00',
    });
    expect(manifest.files).toHaveLength(9);
    for (const file of manifest.files as { path: string; size: number; sha256: string }[]) {
      const data = await readFile(join(extracted, name, file.path));
      expect({ path: file.path, size: data.length, sha256: sha256(data) }).toEqual(file);
    }
    await rm(extracted, { recursive: true, force: true });
  });

  it('gives the same bytes when the same commit and build are archived again', async () => {
    const first = await run(['--keluar', 'arsip-1', '--format', 'json']);
    const second = await run(['--keluar', 'arsip-2', '--format', 'json']);
    const [a, b] = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
    expect(a.sha256).toBe(b.sha256);
    expect(a).toMatchObject({ commit, created_at: '2025-03-11T00:30:00+08:00', files: 9 });
    expect(await readFile(join(repo, a.archive))).toEqual(await readFile(join(repo, b.archive)));
  });
});

describe('tayang arsip --periksa', () => {
  const archivePath = () => join(repo, 'arsip', `${NAME}${commit.slice(0, 7)}.tar.gz`);

  async function copyArchive(label: string): Promise<string> {
    const copy = join(repo, `salinan-${label}.tar.gz`);
    await copyFile(archivePath(), copy);
    await copyFile(`${archivePath()}.sha256`, `${copy}.sha256`);
    return copy;
  }

  it('exits 0 for an intact archive', async () => {
    const result = await run(['--periksa', archivePath()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Arsip utuh');
    expect(result.stdout).toContain('Semua 9 berkas cocok ukuran dan SHA-256-nya.');
  });

  it('exits 1 when one byte of the archive file is changed', async () => {
    const copy = await copyArchive('satu-bita');
    const bytes = await readFile(copy);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    await writeFile(copy, bytes);
    const result = await run(['--periksa', copy, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ intact: false, checksum: 'mismatch' });
  });

  it('exits 1 when only the gzip checksum at the end is damaged and no .sha256 is there to compare', async () => {
    const copy = await copyArchive('crc');
    await rm(`${copy}.sha256`);
    const bytes = await readFile(copy);
    bytes[bytes.length - 8] ^= 0x01;
    await writeFile(copy, bytes);
    const result = await run(['--periksa', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('arsip rusak, tidak bisa dibaca sampai habis (data terkompresinya rusak atau bukan berkas gzip).');
  });

  it('exits 1 naming the file when one byte inside it changed, even with a recomputed .sha256', async () => {
    const copy = await copyArchive('isi');
    const tar = gunzipSync(await readFile(copy));
    const at = tar.indexOf('Bersih Pantai Pemuteran</title>');
    tar[at] = 'b'.charCodeAt(0);
    const tampered = gzipSync(tar);
    await writeFile(copy, tampered);
    await writeFile(`${copy}.sha256`, `${sha256(tampered)}  salinan-isi.tar.gz\n`);
    const result = await run(['--periksa', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Arsip TIDAK utuh');
    expect(result.stdout).toContain('dist/berita/bersih-pantai-pemuteran/index.html: isinya berubah (SHA-256 berbeda, ukuran sama 54 bita).');
  });

  it('still checks the contents when no .sha256 lies beside the archive', async () => {
    const copy = await copyArchive('tanpa-sha');
    await rm(`${copy}.sha256`);
    const result = await run(['--periksa', copy, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ intact: true, checksum: 'absent', files: 9, discrepancies: [] });
  });

  it('exits 1 for an archive whose site was built from other sources than it holds (one made without the build check)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tayang-arsip-campur-'));
    try {
      // The site built while a draft was present, archived beside the commit's sources.
      await put('dist/index.html', '<!doctype html><title>Kecamatan Gerokgak</title>\n', folder);
      await put('content/berita/draf/index.md', '---\njudul: Draf\n---\n', folder);
      await copyFile(join(repo, 'tayang.config.yml'), join(folder, 'tayang.config.yml'));
      await writeSourceStamp(folder, join(folder, 'dist'));
      const config = await loadConfigFile(join(folder, 'tayang.config.yml'));
      if (!config.ok) throw new Error('config');
      const files = ['dist/index.html', 'dist/tayang-sumber.json', 'tayang.config.yml'].map((path) => ({ path, disk: join(folder, path) }));
      const written = await writeArchive(config.value, { commit, committedAt: '2025-03-10T16:30:00Z', files }, join(folder, 'keluar'));
      const result = await run(['--periksa', written.archive]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('Arsip TIDAK utuh');
      expect(result.stdout).toContain('dist/tayang-sumber.json: situs di arsip ini dibangun dari naskah, catatan atau konfigurasi yang berbeda dari yang diarsipkan di sampingnya.');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('exits 2 with an Indonesian message when the archive file does not exist', async () => {
    const result = await run(['--periksa', 'arsip/tidak-ada.tar.gz']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('arsip/tidak-ada.tar.gz: berkas arsip tidak ditemukan.');
  });
});

describe('tayang arsip with unusable input', () => {
  it('exits 2 when there is no built site', async () => {
    const result = await run(['--dist', 'belum-dibangun']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('belum-dibangun: folder hasil build situs tidak ditemukan.');
    expect(result.stderr).toContain('Perbaikan: bangun situsnya dulu (npm run build)');
  });

  it('exits 2 when the folder is not a built site', async () => {
    await put('bukan-situs/catatan.txt', 'x');
    const result = await run(['--dist', 'bukan-situs']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bukan-situs: folder ini tidak berisi index.html');
  });

  it('exits 2 when the sources differ from the commit', async () => {
    await appendFile(join(repo, 'content/berita/bersih-pantai-pemuteran/index.md'), 'Tambahan yang belum di-commit.\n');
    try {
      const result = await run(['--keluar', 'arsip-kotor']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('content/berita/bersih-pantai-pemuteran/index.md: 1 berkas berbeda dari commit');
    } finally {
      git(['checkout', '--', 'content/berita/bersih-pantai-pemuteran/index.md']);
    }
  });

  it('exits 2 with an uncommitted item present, whose page the site built from the folder holds', async () => {
    await put('content/berita/draf-rapat/index.md', '---\njudul: Draf Rapat\n---\nBelum disetujui.\n');
    await put('dist/berita/draf-rapat/index.html', '<!doctype html><title>Draf Rapat</title>\n');
    await writeSourceStamp(repo, join(repo, 'dist'));
    try {
      const result = await run(['--keluar', 'arsip-draf']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`content/berita/draf-rapat/index.md: 1 berkas tidak ada di commit ${commit.slice(0, 7)} (content/berita/draf-rapat/index.md)`);
      expect(await readdir(repo)).not.toContain('arsip-draf');
    } finally {
      await rm(join(repo, 'content/berita/draf-rapat'), { recursive: true });
      await rm(join(repo, 'dist/berita/draf-rapat'), { recursive: true });
    }
    // The draft is gone, but the site was built with it: still refused until it is rebuilt.
    try {
      const result = await run(['--keluar', 'arsip-draf']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`dist: situs di folder ini dibangun dari naskah, catatan atau konfigurasi yang berbeda dari commit ${commit.slice(0, 7)} (5 berkas sumber saat dibangun, 4 di commit)`);
      expect(result.stderr).toContain('Perbaikan: bangun ulang situsnya dari checkout yang bersih (npm run build)');
    } finally {
      await writeSourceStamp(repo, join(repo, 'dist'));
    }
    expect((await run(['--keluar', 'arsip-draf'])).code).toBe(0);
  });

  it('exits 2 for a site built with a program or public files other than the commit\'s', async () => {
    await put('public/robots.txt', 'User-agent: *\n');
    await writeSourceStamp(repo, join(repo, 'dist'));
    try {
      const untracked = await run(['--keluar', 'arsip-program']);
      expect(untracked.code).toBe(2);
      expect(untracked.stderr).toContain('public/robots.txt: 1 berkas tidak ada di commit');
      // Committed after the build: the site was still built from the folder as it was.
      git(['add', 'public/robots.txt']);
      git(['commit', '--quiet', '-m', 'robots.txt']);
      await put('public/robots.txt', 'User-agent: *\nDisallow: /\n');
      git(['commit', '--quiet', '-am', 'robots.txt diubah']);
      const stale = await run(['--keluar', 'arsip-program']);
      expect(stale.code).toBe(2);
      expect(stale.stderr).toContain('dist: situs di folder ini dibangun dengan program situs (src/, public/, astro.config.ts, paket) yang berbeda dari commit');
    } finally {
      git(['reset', '--quiet', '--hard', commit]);
      await writeSourceStamp(repo, join(repo, 'dist'));
    }
    expect((await run(['--keluar', 'arsip-program'])).code).toBe(0);
  });

  it('exits 2 for a site that does not say what it was built from', async () => {
    const stamp = await readFile(join(repo, 'dist/tayang-sumber.json'));
    await rm(join(repo, 'dist/tayang-sumber.json'));
    try {
      const result = await run(['--keluar', 'arsip-tanpa-cap']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('dist/tayang-sumber.json: hasil build ini tidak menyebut naskah yang dipakai membangunnya');
    } finally {
      await writeFile(join(repo, 'dist/tayang-sumber.json'), stamp);
    }
  });

  it('exits 2 when tayang.config.yml is not committed', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'tayang-arsip-baru-'));
    git(['init', '--quiet'], fresh);
    await put('content/berita/a/index.md', '---\njudul: A\n---\nIsi.\n', fresh);
    git(['add', 'content'], fresh);
    git(['commit', '--quiet', '-m', 'Konten pertama'], fresh);
    await copyFile(join(ROOT, 'presets/kecamatan-gerokgak.yml'), join(fresh, 'tayang.config.yml'));
    await put('dist/index.html', '<!doctype html>', fresh);
    const result = await run([], fresh);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tayang.config.yml: berkas ini belum di-commit');
    await rm(fresh, { recursive: true, force: true });
  });

  it('exits 2 outside a Git repository', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'tayang-arsip-bukan-git-'));
    await copyFile(join(ROOT, 'presets/kecamatan-gerokgak.yml'), join(plain, 'tayang.config.yml'));
    await put('dist/index.html', '<!doctype html>', plain);
    const result = await run([], plain);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('commit yang diarsipkan tidak bisa dibaca dari Git');
    await rm(plain, { recursive: true, force: true });
  });
});
