import { describe, expect, it } from 'vitest';
import { ChecksConfigSchema } from '../config/periksa.ts';
import { findPersonalData } from './personal-data.ts';
import { memoryEnv } from './testing.ts';
import { parseCheckDocument } from './document.ts';

const FILE = 'content/berita/bantuan/index.md';
const item = (extra = '') => `---\njudul: Bantuan\n${extra}---\n\nPenerima: Sutarmi (NIK 3313014506800001), hubungi 0812-3456-7890.\n`;

describe('findPersonalData (what the build refuses)', () => {
  it('stops for privacy errors, naming file, line, rule and the way to a waiver; warnings pass', async () => {
    const { blocking, waived } = await findPersonalData(parseCheckDocument(FILE, item()), memoryEnv());
    expect(blocking).toEqual([
      {
        file: FILE,
        line: 5,
        column: 24,
        message: 'privacy/nik: NIK 3313… tidak boleh dipublikasikan: data pribadi kependudukan (UU 27/2022 PDP; UU Administrasi Kependudukan Pasal 84).',
        fix: 'hapus nomor itu, atau samarkan seperti praktik KPU: 3313**********01. Bila data ini memang wajib terbit, pejabat yang menyetujui dapat mengecualikannya di frontmatter item dengan alasannya: `periksa: { abaikan: [{ aturan: privacy/nik, alasan: "…" }] }` (docs/menulis-konten.md).',
      },
    ]);
    expect(waived).toEqual([]);
  });

  it('follows the office’s severities', async () => {
    const checks = ChecksConfigSchema.parse({ aturan: { 'privacy/nik': 'warning', 'privacy/phone': 'error' } });
    expect((await findPersonalData(parseCheckDocument(FILE, item()), memoryEnv(), checks)).blocking.map((problem) => problem.message.split(':')[0])).toEqual(['privacy/phone']);
  });

  it('lets through what the item waives, with the reason', async () => {
    const { blocking, waived } = await findPersonalData(parseCheckDocument(FILE, item('periksa:\n  abaikan:\n    - { aturan: privacy/nik, alasan: Penerima wajib diumumkan. }\n')), memoryEnv());
    expect(blocking).toEqual([]);
    expect(waived).toMatchObject([{ file: FILE, line: 8, rule: 'privacy/nik', severity: 'error', reason: 'Penerima wajib diumumkan.' }]);
  });
});
