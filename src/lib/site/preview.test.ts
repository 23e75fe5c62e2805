import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { describePreviewScope, previewScopeOf, readPreviewScope } from './preview.ts';

describe('previewScopeOf', () => {
  it('previews only the items a PR changes, photos and captions counted with their item', () => {
    expect(previewScopeOf(['content/berita/rapat/index.md', 'content/berita/rapat/foto.jpg', 'content/agenda/musrenbang/index.md'])).toEqual({
      kind: 'items',
      items: [
        { jenis: 'agenda', slug: 'musrenbang' },
        { jenis: 'berita', slug: 'rapat' },
      ],
    });
  });

  it('leaves out what the site is not built from (docs, README, tests, workflows)', () => {
    expect(previewScopeOf(['README.md', 'docs/panduan.md', '.github/workflows/periksa.yml', 'test/site/site.test.ts', 'content/berita/rapat/index.md'])).toEqual({
      kind: 'items',
      items: [{ jenis: 'berita', slug: 'rapat' }],
    });
  });

  it.each([
    ['src/layouts/BaseLayout.astro'],
    ['public/logo.png'],
    ['tayang.config.yml'],
    ['records/persetujuan/12.json'],
    ['astro.config.ts'],
    ['package-lock.json'],
    // Not inside an item folder: the check refuses it, and only a whole build says so.
    ['content/berita/lepas.md'],
    ['content/tidak-ada-jenis/x/index.md'],
  ])('builds the whole site when the PR also changes %s', (file) => {
    expect(previewScopeOf(['content/berita/rapat/index.md', file])).toEqual({ kind: 'whole-preview', because: file });
    expect(describePreviewScope(previewScopeOf([file]))).toContain(`mengubah ${file}`);
  });

  it('builds the whole site for a PR that changes no item', () => {
    const scope = previewScopeOf(['docs/panduan.md']);
    expect(scope).toEqual({ kind: 'whole-preview', because: '' });
    expect(describePreviewScope(scope)).toBe('Pratinjau PR: seluruh situs dibangun, karena PR ini tidak mengubah item apa pun.');
  });

  it('names the items in the build log', () => {
    expect(describePreviewScope(previewScopeOf(['content/berita/rapat/index.md']))).toBe(
      'Pratinjau PR: hanya 1 item yang diubah PR ini yang dibangun (berita/rapat); beranda dan daftar hanya memuat item itu. Situs lengkap dibangun saat PR digabung.',
    );
    expect(describePreviewScope({ kind: 'site' })).toBeUndefined();
  });
});

describe('readPreviewScope', () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

  async function pullRequest(): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'tayang-pratinjau-'));
    roots.push(root);
    const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=uji', '-c', 'user.email=uji@example.go.id', ...args], { cwd: root });
    const write = async (path: string, text: string) => {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    };
    await git('init', '--quiet', '--initial-branch=main');
    await write('content/berita/rapat/index.md', '---\njudul: Rapat\n---\n');
    await write('tayang.config.yml', 'kantor: {}\n');
    await git('add', '--all');
    await git('commit', '--quiet', '-m', 'awal');
    await git('checkout', '--quiet', '-b', 'pr');
    await write('content/berita/rapat/index.md', '---\njudul: Rapat desa\n---\n');
    await write('content/pengumuman/baru/index.md', '---\njudul: Baru\n---\n');
    await git('add', '--all');
    await git('commit', '--quiet', '-m', 'ubah');
    return root;
  }

  it('cuts a preview down to the PR’s items, against the base the workflow names', async () => {
    const root = await pullRequest();
    expect(await readPreviewScope(root, { TAYANG_PRATINJAU: '1', TAYANG_PRATINJAU_BERUBAH: 'main' })).toEqual({
      kind: 'items',
      items: [
        { jenis: 'berita', slug: 'rapat' },
        { jenis: 'pengumuman', slug: 'baru' },
      ],
    });
  });

  it('never cuts down a build that is not a preview', async () => {
    const root = await pullRequest();
    expect(await readPreviewScope(root, { TAYANG_PRATINJAU_BERUBAH: 'main' })).toEqual({ kind: 'site' });
    expect(await readPreviewScope(root, { TAYANG_PRATINJAU: '1' })).toEqual({ kind: 'site' });
    expect(await readPreviewScope(root, {})).toEqual({ kind: 'site' });
  });

  it('builds the whole preview, and says why, when the base cannot be found', async () => {
    const root = await pullRequest();
    const scope = await readPreviewScope(root, { TAYANG_PRATINJAU: '1', TAYANG_PRATINJAU_BERUBAH: 'origin/tidak-ada' });
    expect(scope.kind).toBe('unknown');
    expect(describePreviewScope(scope)).toContain('titik pembanding "origin/tidak-ada" tidak ditemukan');
  });
});
