import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(REPO, 'node_modules/.bin/node');
const TAYANG = join(REPO, 'scripts/tayang.ts');

/** A throwaway office repository: files written, committed with git on `main`. */
export async function makeSite(files: Record<string, string | Uint8Array>): Promise<{ root: string; git: (...args: string[]) => Promise<string>; write: (files: Record<string, string | Uint8Array>) => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'tayang-periksa-'));
  const git = async (...args: string[]) => (await exec('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;
  const write = async (more: Record<string, string | Uint8Array>) => {
    for (const [path, content] of Object.entries(more)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
  };
  await write(files);
  await git('init', '-q', '-b', 'main');
  await git('-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.test', 'add', '-A');
  await git('-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.test', 'commit', '-q', '-m', 'awal');
  return { root, git, write };
}

/** Runs `tayang <args>` in `cwd`; never throws on a non-zero exit. */
export async function tayang(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(NODE, [TAYANG, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export const CONFIG = `kantor:
  nama: Kecamatan Jenawi
  induk: Pemerintah Kabupaten Karanganyar
  alamat: Jl. Raya Jenawi No. 1
  situs: https://jenawi.karanganyarkab.go.id
  kontak:
    telepon: "(0271) 123456"
    email: kecamatan.jenawi@gmail.com
sop: { nomor: "800/1/2025", nama: SOP Publikasi, tanggal_efektif: 2025-01-01, disahkan_oleh: Camat Jenawi }
peran: { ppid: { nama: PPID Pelaksana, anggota: [ppid-jenawi] } }
alur: [{ id: publikasi, nama: Publikasi, jenis: ["*"], tahap: [{ id: verifikasi, nama: Verifikasi PPID, peran: ppid }] }]
periksa:
  kata_tambahan: [Jenawi, Anggrasmanis, Sutarmi]
`;

/** A valid `artikel` in plain, correct Indonesian; `extra` is appended to the body. */
export function article(title: string, extra = ''): string {
  return `---
judul: ${title}
tanggal: 2025-03-03
ringkasan: Kantor kecamatan membuka layanan informasi publik setiap hari kerja.
penulis: Admin Website
---

Kantor kecamatan membuka layanan informasi publik setiap hari kerja.
${extra}`;
}
