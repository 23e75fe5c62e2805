import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tayang } from '../checks/site.ts';
import type { GithubServer } from '../support/github-server.ts';
import { useKpuGithub } from '../support/kpu-github.ts';

// Issue 12, item 4: `tayang baru --dari-issue N` starts the item from a "Permintaan publikasi"
// issue, and the drafting time runs from the issue's creation to the PR's opening, in working
// time, against the flow's mutu_baku.penyusunan.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = (await readFile(join(ROOT, 'test/github/fixtures/kpu.config.yml'), 'utf8')).replace('    jenis: [berita]\n', '    jenis: [berita, pengumuman]\n    mutu_baku: { penyusunan: 4 jam }\n');

/** The body GitHub writes for the issue form's answers (.github/ISSUE_TEMPLATE/permintaan-publikasi.yml). */
const FORM = `### Pemberi disposisi

Agung Prasetyo, Ketua KPU Kabupaten Administrasi Kepulauan Seribu

### Dasar penugasan

Lembar disposisi Nomor 000.8/45/2025

### Jenis konten

pengumuman

### Usulan judul

Jadwal Pemutakhiran Data Pemilih Berkelanjutan Maret 2025

### Apa yang perlu diterbitkan

Jadwal coklit di Pulau Untung Jawa dan Pulau Tidung, bagi warga yang pindah domisili.
Bahan: surat edaran KPU.

### Klasifikasi informasi (UU 14/2008)

berkala (diumumkan secara rutin)

### Paling lambat tayang

2025-03-12 08:00

### Kanal

- [X] Situs web kantor
- [ ] Instagram

### Penerima laporan tautan

_No response_

### Pernyataan

- [X] Permintaan ini tidak memuat data pribadi dan bukan informasi yang dikecualikan.`;

const kpu = useKpuGithub(CONFIG, 'tayang-dari-issue-', (dir) => writeFile(join(dir, 'tayang.config.yml'), CONFIG));

const env = () => ({ GITHUB_TOKEN: 'uji', GITHUB_REPOSITORY: 'kantor/situs', GITHUB_API_URL: kpu.server.url, GITHUB_EVENT_PATH: '' });
const request = (overrides: Partial<Parameters<GithubServer['addIssue']>[0]> = {}) =>
  kpu.server.addIssue({ number: 12, title: '[Permintaan] Jadwal pemutakhiran data pemilih', body: FORM, labels: ['permintaan-publikasi'], user: 'sekretariat', state: 'open', createdAt: '2025-03-07T14:00:00+07:00', ...overrides });

describe('tayang baru --dari-issue', () => {
  it('starts the item from the request: type, title and classification, and what was asked as a comment', async () => {
    request();
    const result = await tayang(kpu.dir, ['baru', '--dari-issue', '12'], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const file = 'content/pengumuman/jadwal-pemutakhiran-data-pemilih-berkelanjutan-maret-2025/index.md';
    expect(result.stdout).toContain(`Dibuat: ${file} dari permintaan publikasi #12`);
    expect(result.stdout).toContain('Tulis "Menutup #12" di deskripsi pull request-nya');
    const text = await readFile(join(kpu.dir, file), 'utf8');
    expect(text).toMatch(/^---\njudul: "Jadwal Pemutakhiran Data Pemilih Berkelanjutan Maret 2025"\ntanggal: \d{4}-\d{2}-\d{2}\nklasifikasi: berkala\nringkasan: "\[GANTI:/);
    expect(text).toContain('---\n\n<!--\nPermintaan publikasi #12 (https://github.test/kantor/situs/issues/12); tulis "Menutup #12" di deskripsi pull request.\n');
    expect(text).toContain('- Pemberi disposisi: Agung Prasetyo, Ketua KPU Kabupaten Administrasi Kepulauan Seribu\n- Dasar penugasan: Lembar disposisi Nomor 000.8/45/2025\n- Paling lambat tayang: 2025-03-12 08:00\n- Yang perlu diterbitkan:\n  Jadwal coklit di Pulau Untung Jawa dan Pulau Tidung, bagi warga yang pindah domisili.\n  Bahan: surat edaran KPU.\n');
    // The rest is the template: its checklist and placeholders.
    expect(text).toContain('Daftar periksa pengumuman');
    expect(text).toContain('lampiran:');
  });

  it('refuses an issue that is not a request, a closed one and one with empty fields, saying why', async () => {
    request({ number: 20, labels: ['bug'] });
    request({ number: 21, state: 'closed' });
    request({ number: 22, body: FORM.replace('Jadwal Pemutakhiran Data Pemilih Berkelanjutan Maret 2025', '_No response_').replace('\npengumuman\n', '\nbrosur\n') });
    const notRequest = await tayang(kpu.dir, ['baru', '--dari-issue', '20'], env());
    expect(notRequest.code).toBe(2);
    expect(notRequest.stderr).toContain('issue #20: issue ini bukan permintaan publikasi (tidak berlabel permintaan-publikasi).');
    const closed = await tayang(kpu.dir, ['baru', '--dari-issue', '21'], env());
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain('permintaan ini sudah ditutup');
    const empty = await tayang(kpu.dir, ['baru', '--dari-issue', '22'], env());
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('isian "Usulan judul" kosong atau tidak ada.');
    expect(empty.stderr).toContain('jenis "brosur" tidak dikenal.');
    const missing = await tayang(kpu.dir, ['baru', '--dari-issue', '99'], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('issue #99 tidak ada di kantor/situs.');
    const both = await tayang(kpu.dir, ['baru', 'berita', 'Judul', '--dari-issue', '12'], env());
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('jenis dan judul diambil dari issue permintaan');
  });
});

describe('drafting time', () => {
  it('runs from the request to the PR in working time, across a weekend, against mutu_baku.penyusunan', async () => {
    // Requested Friday 7 March 14:00 WIB; the PR opens Monday 10 March 10:30 WIB. Working time
    // (07:30–16:00): 120 minutes on Friday, 180 on Monday = 300 minutes = 5 hours > 4 hours.
    request();
    const folder = 'content/pengumuman/jadwal';
    await mkdir(join(kpu.dir, folder), { recursive: true });
    await writeFile(join(kpu.dir, folder, 'index.md'), '---\njudul: Jadwal\n---\nIsi.\n');
    kpu.server.addPull({
      number: 30,
      author: 'penulis',
      body: 'Pengumuman jadwal pemutakhiran.\n\nMenutup #12',
      createdAt: '2025-03-10T10:30:00+07:00',
      baseSha: 'base1',
      commits: [{ sha: 'head30', author: 'penulis', date: '2025-03-10T10:25:00+07:00' }],
      files: [{ filename: `${folder}/index.md`, status: 'added' }],
      merged: { at: '2025-03-10T13:00:00+07:00', by: 'penulis', sha: 'merge30' },
    });
    kpu.server.submitReview(30, { user: 'kasubbag-a', state: 'APPROVED', submittedAt: '2025-03-10T11:00:00+07:00' });
    kpu.server.submitReview(30, { user: 'ketua-x', state: 'APPROVED', submittedAt: '2025-03-10T11:30:00+07:00' });
    expect((await tayang(kpu.dir, ['catat'], env())).code).toBe(0);
    const record = JSON.parse(await readFile(join(kpu.dir, 'records/persetujuan/30.json'), 'utf8'));
    expect(record.drafting).toEqual([
      { issue: 12, url: expect.stringMatching(/\/issues\/12$/), requested_at: '2025-03-07T14:00:00+07:00', drafting_minutes: 300, standard_minutes: 240, standard_text: '4 jam', overdue: true },
    ]);
    const text = await tayang(kpu.dir, ['laporan']);
    expect(text.stdout).toContain('  - Penyusunan: permintaan #12 dibuat Jumat, 7 Maret 2025, 14.00 WIB, PR dibuka Senin, 10 Maret 2025, 10.30 WIB — 5 jam waktu kerja, mutu baku 4 jam, TERLAMBAT');
    const json = JSON.parse((await tayang(kpu.dir, ['laporan', '--format', 'json'])).stdout) as { drafting: unknown[] };
    expect(json.drafting).toEqual([expect.objectContaining({ pr: 30, issue: 12, drafting_minutes: 300, overdue: true })]);
  });
});
