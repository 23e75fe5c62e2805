import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkServedPath } from './links.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tayang-tautan-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, text: string) {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

describe('checkServedPath', () => {
  it('lets a page copy a file of an item, and refuses one reached through a link or outside content/', async () => {
    await put('.env', 'TOKEN=rahasia\n');
    await put('content/pengumuman/libur/surat.pdf', '%PDF-1.4');
    await symlink('../../../.env', join(root, 'content/pengumuman/libur/formulir.pdf'));
    await symlink('surat.pdf', join(root, 'content/pengumuman/libur/salinan.pdf'));
    const content = join(root, 'content');
    expect(await checkServedPath(`${content}/pengumuman/libur/surat.pdf`, content)).toBeUndefined();
    for (const path of [`${content}/pengumuman/libur/formulir.pdf`, `${content}/pengumuman/libur/salinan.pdf`, `${content}/pengumuman/libur/../../../.env`]) {
      expect(await checkServedPath(path, content)).toEqual({ file: path, message: 'berkas ini berada di luar folder content/ atau dicapai lewat tautan simbolik, jadi tidak diterbitkan.', fix: 'salin berkasnya sendiri ke folder item (bukan tautan simbolik).' });
    }
  });
});
