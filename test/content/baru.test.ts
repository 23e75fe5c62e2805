import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const TAYANG = fileURLToPath(new URL('../../scripts/tayang.ts', import.meta.url));
// The project's pinned Node (24), whatever Node started vitest.
const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const run = promisify(execFile);

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'tayang-baru-cli-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function tayang(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [TAYANG, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('tayang baru', () => {
  it('explains itself in Indonesian', async () => {
    const { code, stdout } = await tayang('baru', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Penggunaan: tayang baru [pilihan] <jenis> "<judul>"');
    expect(stdout.replace(/\s+/g, ' ')).toContain('Jenis: berita, pengumuman, agenda, artikel, galeri, video, audio, dokumen, data, halaman.');
    expect(stdout).not.toMatch(/default|Usage|Options/);
  });

  it('creates content/<jenis>/<slug>/index.md with today\'s date and says what to do next', async () => {
    const { code, stdout } = await tayang('baru', 'pengumuman', 'Jadwal Pelayanan KTP-el Selama Libur Lebaran');
    expect(code).toBe(0);
    expect(stdout).toContain('Dibuat: content/pengumuman/jadwal-pelayanan-ktp-el-selama-libur-lebaran/index.md');
    const text = await readFile(join(cwd, 'content/pengumuman/jadwal-pelayanan-ktp-el-selama-libur-lebaran/index.md'), 'utf8');
    expect(text).toMatch(/^---\njudul: "Jadwal Pelayanan KTP-el Selama Libur Lebaran"\ntanggal: \d{4}-\d{2}-\d{2}\n/);
  });

  it('refuses an unknown type, an empty title and an existing folder with exit 2', async () => {
    const unknown = await tayang('baru', 'siaran', 'Judul');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('jenis "siaran" tidak dikenal.');
    expect(unknown.stderr).toContain('berita, pengumuman, agenda, artikel, galeri, video, audio, dokumen, data');

    expect((await tayang('baru', 'berita', '')).stderr).toContain('judul tidak boleh kosong.');

    expect((await tayang('baru', 'berita', 'Kerja Bakti')).code).toBe(0);
    const again = await tayang('baru', 'berita', 'Kerja Bakti');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('folder item ini sudah ada; isinya tidak diubah.');
  });
});
