// Personal data never reaches the public (issue 10, item 1): a real Astro build and `tayang
// periksa` over a NIK in a news text and a dataset listing names with their NIKs; then the way an
// item's approvers let such data through (`periksa.abaikan`), which the build allows, the PR
// summary shows and the approval record keeps.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergedSnapshot } from '../../src/lib/records/testing.ts';
import { CONFIG, tayang } from '../checks/site.ts';
import { buildExampleSiteWith, type BuiltCopy } from '../site/example-site.ts';
import { berita, buildSite, expectBuildRefused, expectPeriksaRefused, type Refusal, type Site } from './build-site.ts';

const DATASET = 'content/data/penerima-blt';
/** A valid `data` item; its `berkas` is on line 7. */
const dataItem = (extra = '') => `---
judul: Penerima BLT Dana Desa Anggrasmanis 2026
tanggal: 2026-03-02
ringkasan: Daftar keluarga penerima bantuan langsung tunai Dana Desa Anggrasmanis tahun 2026.
penulis: Tim Admin Website
tag: [bantuan]
berkas: penerima.csv
produsen: Pemerintah Desa Anggrasmanis
frekuensi: tahunan
satuan: keluarga
periode: 2026
${extra}---

Daftar keluarga penerima bantuan langsung tunai Dana Desa hasil musyawarah desa khusus.
`;
const RECIPIENTS = 'nama,nik,dusun\nSutarmi,3313014506800001,Tlobo\nSutrisno,3313012505800003,Ngledok\n';

const REFUSED: Refusal[] = [
  { file: 'content/berita/bantuan/index.md', line: 11, words: 'NIK 3313… tidak boleh dipublikasikan' },
  { file: `${DATASET}/index.md`, line: 7, words: 'berkas `penerima.csv`, kolom `nik`, baris 2 dan 3 (nomor baris di berkas CSV): NIK 3313… tidak boleh dipublikasikan' },
  { file: `${DATASET}/index.md`, line: 7, words: 'berkas `penerima.csv`: kolom `nama` berisi nama orang, berdampingan dengan kolom `nik` (NIK)' },
];

const ANNOUNCEMENT = 'content/pengumuman/penerima-blt';
/** A `pengumuman` publishing a CSV attachment; its `berkas` is on line 7. */
const ANNOUNCEMENT_ITEM = `---
judul: Daftar Penerima BLT Dana Desa Balong 2026
tanggal: 2026-03-02
ringkasan: Daftar penerima bantuan langsung tunai Dana Desa Balong tahun 2026.
penulis: Tim Admin Website
lampiran:
  - berkas: daftar-penerima.csv
    judul: Daftar penerima
---

Daftar penerima terlampir.
`;
const ATTACHMENT_REFUSED: Refusal[] = [
  { file: `${ANNOUNCEMENT}/index.md`, line: 7, words: 'berkas `daftar-penerima.csv`, kolom `nik`, baris 2 (nomor baris di berkas CSV): NIK 3313… tidak boleh dipublikasikan' },
  { file: `${ANNOUNCEMENT}/index.md`, line: 7, words: 'berkas `daftar-penerima.csv`: kolom `nama` berisi nama orang' },
];
/** A dataset saved as Excel's "Unicode text" (UTF-16): refused as a file, before any cell is read. */
const UTF16_DATASET = 'content/data/penerima-unicode';
const ENCODING_REFUSED: Refusal[] = [{ file: `${UTF16_DATASET}/index.md`, line: 7, words: 'penerima.csv: berkas CSV ini bukan teks UTF-8' }];

describe('personal data in a merged item', () => {
  let site: Site;
  beforeAll(async () => {
    // One build for both: builds are slow.
    site = await buildSite({
      'tayang.config.yml': CONFIG,
      'content/berita/bantuan/index.md': `${berita('')}\nPenerima: Sutarmi (NIK 3313014506800001).\n`,
      [`${DATASET}/index.md`]: dataItem(),
      [`${DATASET}/penerima.csv`]: RECIPIENTS,
      [`${ANNOUNCEMENT}/index.md`]: ANNOUNCEMENT_ITEM,
      [`${ANNOUNCEMENT}/daftar-penerima.csv`]: 'nama,nik,desa\nBudi Santoso,3313011205800001,Balong\n',
      [`${UTF16_DATASET}/index.md`]: dataItem(),
      [`${UTF16_DATASET}/penerima.csv`]: Buffer.from(`\uFEFF${RECIPIENTS.replaceAll(',', '\t')}`, 'utf16le'),
    });
  }, 300_000);
  afterAll(() => rm(site.dir, { recursive: true, force: true }));

  it('stops the build, naming the file and line of a NIK in a text and the CSV, column and rows of a dataset or an attachment, and a CSV that is not UTF-8; nothing is written', () => {
    expectBuildRefused(site, [...REFUSED, ...ATTACHMENT_REFUSED, ...ENCODING_REFUSED], /Stack trace|\n\s+at |Error:/);
  });

  it('is a privacy finding of `tayang periksa` at the same places, and the CSV that is not UTF-8 a file finding', async () => {
    await expectPeriksaRefused(site, [...REFUSED, ...ATTACHMENT_REFUSED], /^privacy\//);
    await expectPeriksaRefused(site, ENCODING_REFUSED);
  });
});

describe('personal data an item waives with a reason', () => {
  const REASON_LIST = 'Daftar penerima hasil musyawarah desa khusus wajib diumumkan di desa.';
  const REASON_NIK = 'NIK diumumkan agar warga dapat memeriksa penerima; disetujui Camat.';
  let copy: BuiltCopy;
  beforeAll(async () => {
    // The example office's own site and content, with the item merged into it.
    copy = await buildExampleSiteWith({
      [`${DATASET}/index.md`]: dataItem(`periksa:\n  abaikan:\n    - aturan: privacy/person-list\n      alasan: ${REASON_LIST}\n    - aturan: privacy/nik\n      alasan: ${REASON_NIK}\n`),
      [`${DATASET}/penerima.csv`]: RECIPIENTS,
    });
  }, 300_000);
  afterAll(() => copy.remove());

  it('is published, and the build log says so with the reason', async () => {
    expect(copy.output).toContain('Data pribadi yang terbit karena dikecualikan lewat periksa.abaikan:');
    expect(copy.output).toContain(`${DATASET}/index.md:7:1: privacy/nik (dikecualikan: ${REASON_NIK}): berkas \`penerima.csv\``);
    expect(await readFile(join(copy.dist, 'data/penerima-blt/index.html'), 'utf8')).toContain('3313014506800001');
  });

  it('is reported by `tayang periksa` as waived, not as an error, and the PR summary shows the approvers each reason', async () => {
    const result = await tayang(copy.dir, ['periksa', DATASET, '--format', 'json', '--komentar', 'komentar.md']);
    const report = JSON.parse(result.stdout) as { findings: { rule: string; severity: string }[]; waived: { file: string; line: number; rule: string; reason: string }[] };
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.waived.map(({ file, line, rule, reason }) => [file, line, rule, reason])).toEqual([
      [`${DATASET}/index.md`, 7, 'privacy/nik', REASON_NIK],
      [`${DATASET}/index.md`, 7, 'privacy/person-list', REASON_LIST],
    ]);
    const comment = await readFile(join(copy.dir, 'komentar.md'), 'utf8');
    expect(comment).toContain('#### ⚠️ Pengecualian yang ikut disetujui');
    expect(comment).toContain(`\`${DATASET}/index.md\` baris 7 · \`privacy/person-list\`<br>berkas \`penerima.csv\`: kolom \`nama\` berisi nama orang`);
    expect(comment).toContain(`**Alasan:** ${REASON_LIST}`);
  });

  it('is kept with the item in the approval record written at the merge', async () => {
    const snapshot = mergedSnapshot({
      number: 31,
      author: 'dimas-jenawi',
      opened: '2026-03-02T09:00:00+07:00',
      merged: '2026-03-02T10:00:00+07:00',
      files: [`${DATASET}/index.md`, `${DATASET}/penerima.csv`],
      reviews: [{ login: 'sri-ppid-jenawi', state: 'APPROVED', at: '2026-03-02T09:40:00+07:00' }],
    });
    await writeFile(join(copy.dir, 'pr-31.json'), JSON.stringify(snapshot));
    const result = await tayang(copy.dir, ['catat', '--snapshot', 'pr-31.json', '--config', 'tayang.config.yml']);
    expect(result.stdout).toContain('Tercatat: records/persetujuan/31.json (PR #31, 1 item, 2 temuan dikecualikan lewat periksa.abaikan');
    const record = JSON.parse(await readFile(join(copy.dir, 'records/persetujuan/31.json'), 'utf8')) as { items: { folder: string; waived?: { rule: string; line: number; reason: string; message: string }[] }[] };
    expect(record.items).toMatchObject([
      {
        folder: DATASET,
        waived: [
          { rule: 'privacy/nik', line: 7, reason: REASON_NIK, message: expect.stringContaining('kolom `nik`, baris 2 dan 3') },
          { rule: 'privacy/person-list', line: 7, reason: REASON_LIST },
        ],
      },
    ]);
  });
});
