import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, readlink, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ssh2 from 'ssh2';
import { deployToFolder, deployWithSftp, hostKeyIsKnown, listFiles, rollbackFolder, rsyncArguments, sshShell } from '../../src/lib/publish/deploy.ts';
import { deployToS3, rollbackS3, uploadOrder } from '../../src/lib/publish/deploy-s3.ts';
import { newReleaseId, releaseBefore } from '../../src/lib/publish/releases.ts';
import { CONFIG_YAML } from './fixtures.ts';
import { CREDENTIALS, startFakeS3, type FakeS3 } from './s3-server.ts';
import { startFakeSftp } from './sftp-server.ts';

const NOW = new Date('2026-03-14T10:30:00Z');
const LATER = new Date('2026-03-15T08:00:00Z');

let dist: string;

beforeEach(async () => {
  dist = await mkdtemp(join(tmpdir(), 'tayang-dist-'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Beranda</title>',
    'berita/panen/index.html': '<!doctype html><title>Panen</title>',
    '_astro/gaya.css': 'body{}',
    'dokumen/lra/laporan keuangan.pdf': '%PDF-1.7',
    'sosial/berita/panen/1200x630.jpg': 'jpeg',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), text);
  }
});

describe('release ids', () => {
  it('name the deploy time in UTC, and stay unique within one second', () => {
    expect(newReleaseId(NOW, [])).toBe('20260314T103000Z');
    expect(newReleaseId(NOW, ['20260314T103000Z'])).toBe('20260314T103000Z-2');
    expect(newReleaseId(NOW, ['20260314T103000Z', '.20260314T103000Z-2.baru'])).toBe('20260314T103000Z-3');
  });

  it('go back to the newest complete release older than the served one', () => {
    const names = ['20260301T000000Z', '20260314T103000Z-10', '20260314T103000Z-9', '.20260313T000000Z.baru', 'catatan.txt'];
    expect(releaseBefore(names, '20260314T103000Z-10')).toBe('20260314T103000Z-9');
    expect(releaseBefore(names, '20260314T103000Z-9')).toBe('20260301T000000Z');
    expect(releaseBefore(names, '20260301T000000Z')).toBeUndefined();
  });
});

describe('deploy to a folder', () => {
  it('turns a plain folder into a link to a release, keeping the old site as the release before it', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'tayang-www-'));
    const folder = join(parent, 'jenawi');
    await mkdir(join(folder, 'berita/ditarik'), { recursive: true });
    await writeFile(join(folder, 'berita/ditarik/index.html'), 'berita yang ditarik');
    const report = await deployToFolder(dist, folder, { keep: 5, now: NOW });
    expect(report).toMatchObject({ release: '20260314T103000Z', previous: '20260314T102959Z', uploaded: 5, deleted: 1, removedReleases: [], warnings: [] });
    expect(await readlink(folder)).toBe('jenawi.rilis/20260314T103000Z');
    expect(await listFiles(folder)).toEqual(await listFiles(dist));
    expect(await readFile(join(folder, 'berita/panen/index.html'), 'utf8')).toContain('Panen');
    expect(await readFile(join(parent, 'jenawi.rilis/20260314T102959Z/berita/ditarik/index.html'), 'utf8')).toBe('berita yang ditarik');
  });

  it('shares unchanged files with the release before (hard links), and keeps only simpan_rilis releases', async () => {
    const folder = join(await mkdtemp(join(tmpdir(), 'tayang-www-')), 'jenawi');
    await deployToFolder(dist, folder, { keep: 2, now: NOW });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Beranda baru</title>');
    const second = await deployToFolder(dist, folder, { keep: 2, now: LATER });
    const pdf = (id: string) => stat(join(`${folder}.rilis`, id, 'dokumen/lra/laporan keuangan.pdf'));
    expect((await pdf('20260315T080000Z')).ino).toBe((await pdf('20260314T103000Z')).ino);
    expect((await stat(join(folder, 'index.html'))).ino).not.toBe((await stat(join(`${folder}.rilis/20260314T103000Z/index.html`))).ino);
    expect(second).toMatchObject({ previous: '20260314T103000Z', removedReleases: [] });
    const third = await deployToFolder(dist, folder, { keep: 2, now: new Date('2026-03-16T08:00:00Z') });
    expect(third.removedReleases).toEqual(['20260314T103000Z']);
  });

  it('rolls back to the release before, and after the next deploy not to the one rolled back from', async () => {
    const folder = join(await mkdtemp(join(tmpdir(), 'tayang-www-')), 'jenawi');
    await deployToFolder(dist, folder, { keep: 5, now: NOW });
    await writeFile(join(dist, 'index.html'), 'salah');
    await deployToFolder(dist, folder, { keep: 5, now: LATER });
    expect(await rollbackFolder(folder)).toEqual({ where: folder, release: '20260314T103000Z', replaced: '20260315T080000Z', warnings: [] });
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toContain('Beranda');
    await writeFile(join(dist, 'index.html'), 'diperbaiki');
    await deployToFolder(dist, folder, { keep: 5, now: new Date('2026-03-16T08:00:00Z') });
    expect((await rollbackFolder(folder)).release).toBe('20260314T103000Z');
    await expect(rollbackFolder(folder)).rejects.toThrow(/tidak ada rilis sebelum 20260314T103000Z/);
  });

  it('refuses a rollback where nothing was published, saying what to do', async () => {
    await expect(rollbackFolder(join(await mkdtemp(join(tmpdir(), 'tayang-www-')), 'jenawi'))).rejects.toThrow(/belum pernah diterbitkan[\s\S]*tayang terbitkan/);
  });
});

describe('deploy over rsync', () => {
  const target = { tujuan: 'rsync' as const, server: 'deploy@web.jenawi.go.id', folder: '/var/www/jenawi', port: 2222, simpan_rilis: 5 };

  it('uploads into a new release over SSH on the configured port, hard-linking what the served release has', () => {
    expect(rsyncArguments('dist', sshShell(target), '/var/www/jenawi.rilis/.20260314T103000Z.baru', '/var/www/jenawi.rilis/20260301T000000Z')).toEqual([
      '--archive',
      '--compress',
      '--checksum',
      '--link-dest=../20260301T000000Z',
      '-e',
      'ssh -p 2222 -o BatchMode=yes',
      'dist/',
      'deploy@web.jenawi.go.id:/var/www/jenawi.rilis/.20260314T103000Z.baru/',
    ]);
    expect(rsyncArguments('dist', sshShell(target), 'www.rilis/.20260314T103000Z.baru', 'www')).toContain('--link-dest=../../www');
    expect(rsyncArguments('dist', sshShell(target), 'www.rilis/.20260314T103000Z.baru', undefined).some((arg) => arg.startsWith('--link-dest'))).toBe(false);
  });
});

describe('deploy to S3-compatible storage', () => {
  let s3: FakeS3;
  const target = { tujuan: 's3' as const, endpoint: '', bucket: 'situs-jenawi', wilayah: 'id-jkt-1', awalan: 'www/', simpan_rilis: 5 };
  beforeEach(async () => {
    s3 = await startFakeS3('situs-jenawi', 'id-jkt-1');
    target.endpoint = s3.url;
  });
  afterEach(() => s3.close());

  it('PUTs every file under the prefix with a valid SigV4 signature and its content type, keeps a copy of the release, and deletes what is no longer built', async () => {
    s3.objects.set('www/berita/ditarik/index.html', { body: Buffer.from('lama'), type: 'text/html' });
    s3.objects.set('arsip/2024.zip', { body: Buffer.from('bukan milik situs'), type: 'application/zip' });
    s3.failNextPut = 1;
    const sleeps: number[] = [];
    const report = await deployToS3(dist, target, CREDENTIALS, { keep: 5, now: NOW }, { attempts: 3, baseDelayMs: 500, maxDelayMs: 10_000, sleep: async (ms) => void sleeps.push(ms) });
    expect(report).toMatchObject({ release: '20260314T103000Z', uploaded: 5, deleted: 1 });
    expect(report.previous).toBeUndefined();
    // 5 copies, the manifest, the served-release record, 5 files; one retried after 503.
    expect(s3.log.filter((l) => l.startsWith('PUT'))).toHaveLength(13);
    expect(sleeps).toEqual([500]);
    expect([...s3.objects.keys()].filter((key) => !key.startsWith('www.rilis/objek/')).sort()).toEqual([
      'arsip/2024.zip',
      'www.rilis/20260314T103000Z.json',
      'www.rilis/sedang-tayang.json',
      'www/_astro/gaya.css',
      'www/berita/panen/index.html',
      'www/dokumen/lra/laporan keuangan.pdf',
      'www/index.html',
      'www/sosial/berita/panen/1200x630.jpg',
    ]);
    expect(s3.objects.get('www/index.html')!.type).toBe('text/html; charset=utf-8');
    expect(s3.objects.get('www/dokumen/lra/laporan keuangan.pdf')!.type).toBe('application/pdf');
    expect(s3.objects.get('www/_astro/gaya.css')!.body.toString()).toBe('body{}');
    expect(JSON.parse(s3.objects.get('www.rilis/sedang-tayang.json')!.body.toString())).toEqual({ release: '20260314T103000Z' });
  });

  it('gives up on a request the provider never answers and sends it again, so a hung provider does not stall the deploy', async () => {
    let hung = 0;
    s3.hang = (request) => request === 'PUT www/index.html' && hung++ === 0;
    const report = await deployToS3(dist, target, CREDENTIALS, { keep: 5, now: NOW }, { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} }, { apiMs: 300, uploadMs: 300 });
    expect(report.uploaded).toBe(5);
    expect(s3.log.filter((l) => l === 'PUT /situs-jenawi/www/index.html')).toHaveLength(2);
    expect(s3.objects.get('www/index.html')).toBeDefined();
  });

  it('puts files that are not pages live first, then new pages, then the pages that existed', () => {
    const files = ['index.html', 'berita/baru/index.html', '_astro/gaya.B.css', 'sitemap-0.xml', 'unduhan/peta.pdf', 'logo.svg'];
    expect(uploadOrder(files, new Set(['index.html', 'logo.svg', 'sitemap-0.xml']))).toEqual(['_astro/gaya.B.css', 'unduhan/peta.pdf', 'logo.svg', 'berita/baru/index.html', 'index.html', 'sitemap-0.xml']);
  });

  it('rolls back to the release before from the copies kept in the bucket', async () => {
    await deployToS3(dist, target, CREDENTIALS, { keep: 5, now: NOW });
    const first = new Map([...s3.objects].filter(([key]) => key.startsWith('www/')).map(([key, object]) => [key, object.body.toString()]));
    await writeFile(join(dist, 'index.html'), 'salah');
    await writeFile(join(dist, 'berita/baru.html'), 'baru');
    await deployToS3(dist, target, CREDENTIALS, { keep: 5, now: LATER });
    expect(await rollbackS3(target, CREDENTIALS)).toEqual({ where: `${s3.url}/situs-jenawi/www/`, release: '20260314T103000Z', replaced: '20260315T080000Z', warnings: [] });
    expect(new Map([...s3.objects].filter(([key]) => key.startsWith('www/')).map(([key, object]) => [key, object.body.toString()]))).toEqual(first);
    expect(s3.objects.get('www/index.html')!.type).toBe('text/html; charset=utf-8');
    await expect(rollbackS3(target, CREDENTIALS)).rejects.toThrow(/tidak ada rilis sebelum 20260314T103000Z/);
  });

  it('stops with the server’s answer when the keys are wrong', async () => {
    await expect(deployToS3(dist, { ...target, awalan: '' }, { ...CREDENTIALS, secretAccessKey: 'salah' }, { keep: 5, now: NOW })).rejects.toThrow(/HTTP 403.*signature does not match/);
  });
});

describe('deploy over SFTP', () => {
  it('uploads a release over an authenticated, host-verified SSH connection and switches the site to it', async () => {
    const serverRoot = await mkdtemp(join(tmpdir(), 'tayang-sftp-'));
    await mkdir(join(serverRoot, 'home/situs/public_html/berita/ditarik'), { recursive: true });
    await writeFile(join(serverRoot, 'home/situs/public_html/berita/ditarik/index.html'), 'lama');
    const clientKeys = ssh2.utils.generateKeyPairSync('ed25519');
    const sftp = await startFakeSftp(serverRoot, clientKeys.public, 'situs');
    try {
      const target = { tujuan: 'sftp' as const, server: 'situs@127.0.0.1', folder: '/home/situs/public_html', port: sftp.port, simpan_rilis: 5 };
      const knownHosts = `[127.0.0.1]:${sftp.port} ${sftp.hostKeyType} ${sftp.hostKey}\n`;
      const report = await deployWithSftp(dist, target, { privateKey: clientKeys.private, knownHosts }, { keep: 5, now: NOW });
      expect(report).toMatchObject({ release: '20260314T103000Z', previous: '20260314T102959Z', uploaded: 5, deleted: 1, warnings: [] });
      const folder = join(serverRoot, 'home/situs/public_html');
      expect((await lstat(folder)).isSymbolicLink()).toBe(true);
      expect(await readlink(folder)).toBe('public_html.rilis/20260314T103000Z');
      expect(await listFiles(folder)).toEqual(await listFiles(dist));
      expect(await readFile(join(folder, 'dokumen/lra/laporan keuangan.pdf'), 'utf8')).toBe('%PDF-1.7');
      expect(sftp.log).toContain('SYMLINK /home/situs/public_html.tautan-baru -> public_html.rilis/20260314T103000Z');
      expect(sftp.log).toContain('RENAME /home/situs/public_html -> /home/situs/public_html.rilis/20260314T102959Z');
      expect(sftp.log).toContain('POSIX-RENAME /home/situs/public_html.tautan-baru -> /home/situs/public_html');

      // A server whose host key is not the known one gets nothing.
      const before = sftp.log.length;
      const other = ssh2.utils.generateKeyPairSync('ed25519');
      const otherKey = ssh2.utils.parseKey(other.public) as ssh2.ParsedKey;
      await expect(
        deployWithSftp(dist, target, { privateKey: clientKeys.private, knownHosts: `[127.0.0.1]:${sftp.port} ${otherKey.type} ${otherKey.getPublicSSH().toString('base64')}` }, { keep: 5, now: LATER }),
      ).rejects.toThrow(/SFTP/);
      expect(sftp.log.slice(before).filter((entry) => !entry.startsWith('ERROR'))).toEqual([]);
    } finally {
      await sftp.close();
    }
  });

  it('matches plain and hashed known_hosts names', () => {
    const key = Buffer.from('kunci-server');
    const salt = Buffer.from('garam-acak-20byte!!!');
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('web.jenawi.go.id').digest('base64')}`;
    expect(hostKeyIsKnown(`web.jenawi.go.id ssh-ed25519 ${key.toString('base64')}`, 'web.jenawi.go.id', 22, key)).toBe(true);
    expect(hostKeyIsKnown(`${hashed} ssh-ed25519 ${key.toString('base64')}`, 'web.jenawi.go.id', 22, key)).toBe(true);
    expect(hostKeyIsKnown(`web.jenawi.go.id ssh-ed25519 ${key.toString('base64')}`, 'web.jenawi.go.id', 2222, key)).toBe(false);
    expect(hostKeyIsKnown(`web.lain.go.id ssh-ed25519 ${key.toString('base64')}`, 'web.jenawi.go.id', 22, key)).toBe(false);
  });
});

describe('tayang terbitkan from the command line', () => {
  const TAYANG = fileURLToPath(new URL('../../scripts/tayang.ts', import.meta.url));
  const tayang = (repo: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [TAYANG, ...args], { cwd: repo }, (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });

  it('deploys releases to a folder and goes back one with --kembalikan', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'tayang-repo-'));
    const folder = join(repo, 'www/jenawi');
    await writeFile(join(repo, 'tayang.config.yml'), `${CONFIG_YAML}  situs: { tujuan: folder, folder: ${folder}, simpan_rilis: 3 }\n`);
    const first = await tayang(repo, ['terbitkan', '--dist', dist]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Situs terunggah ke .*www\/jenawi sebagai rilis \d{8}T\d{6}Z: 5 berkas, 0 berkas lama tidak tayang lagi\.\n$/);
    await writeFile(join(dist, 'index.html'), 'salah');
    const second = await tayang(repo, ['terbitkan', '--dist', dist]);
    expect(second.stdout).toContain('bisa dikembalikan dengan `tayang terbitkan --kembalikan`');
    const back = await tayang(repo, ['terbitkan', '--kembalikan']);
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/dikembalikan ke rilis .*\n.*batalkan \(revert\) perubahan yang salah lewat PR yang disetujui/);
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toContain('Beranda');
    const help = await tayang(repo, ['terbitkan', '--help']);
    expect(help.stdout).toContain('--kembalikan');
    expect(help.stdout).toContain('kembalikan situs ke rilis sebelum yang sedang tayang');
  });
});
