import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_JPEG } from '../../../../test/support/pictures.ts';
import { parseItem, readItemFileProblems } from '../../content/load.ts';
import { memoryEnv, ruleIds, runFamily } from '../testing.ts';
import { schemaRules } from './schema.ts';

const COMMON = 'judul: Pengumuman Libur\ntanggal: 2025-03-28\nringkasan: Layanan kantor tutup selama cuti bersama.\npenulis: Admin Website\n';

describe('schema rules', () => {
  it('reports frontmatter problems with the same words and lines as the content loader', async () => {
    const text = `---\n${COMMON}lokasi: 12\nwarna: merah\n---\nIsi.\n`;
    const file = 'content/berita/libur/index.md';
    const findings = await runFamily(schemaRules, text, { file });
    const loader = parseItem(text, file, 'berita').problems;
    expect(loader.length).toBeGreaterThan(0);
    expect(findings).toHaveLength(loader.length);
    for (const [i, problem] of loader.entries()) {
      expect(findings[i]).toMatchObject({ rule: 'schema/frontmatter', line: problem.line, suggestion: problem.fix });
      expect(findings[i]!.message).toContain(problem.message);
    }
  });

  it('refuses `klasifikasi: dikecualikan` as its own rule, citing UU 14/2008', async () => {
    const text = `---\n${COMMON}kategori: peraturan\nberkas: perdes.pdf\nklasifikasi: dikecualikan\npenguasa_informasi: Sekretariat\npenanggung_jawab: Sekcam\ntempat_pembuatan: Jenawi\nbentuk_informasi: [softcopy]\njangka_waktu_penyimpanan: 5 tahun\n---\n`;
    const findings = await runFamily(schemaRules, text, { file: 'content/dokumen/perdes/index.md' });
    expect(findings).toMatchObject([{ rule: 'schema/exempt', line: 8 }]);
    expect(findings[0]!.message).toContain('UU 14/2008');
  });

  it('reports a file path that leaves the item folder as a file-reference problem', async () => {
    const text = `---\n${COMMON}gambar:\n  src: ../lain/foto.jpg\n  alt: Kantor kecamatan\n---\n`;
    expect(ruleIds(await runFamily(schemaRules, text, { file: 'content/artikel/libur/index.md' }))).toEqual(['schema/file-reference']);
  });

  it('reports a link in the text to a file the site does not publish, at its line, with the types it does', async () => {
    const text = `---\n${COMMON}---\n\nUnduh [arsip](arsip.zip) atau <a href="catatan.txt">catatan</a>; [profil](../profil/) dan [perdes](../../dokumen/perdes/perdes.pdf) tetap.\n`;
    const findings = await runFamily(schemaRules, text, { file: 'content/pengumuman/libur/index.md' });
    expect(findings.map(({ rule, line, message }) => ({ rule, line, message }))).toEqual([
      { rule: 'schema/file-reference', line: 8, message: 'tautan ke berkas "arsip.zip": berkas .zip tidak diterbitkan di situs, jadi tautannya tidak bisa dibuka.' },
      { rule: 'schema/file-reference', line: 8, message: 'tautan ke berkas "catatan.txt": berkas .txt tidak diterbitkan di situs, jadi tautannya tidak bisa dibuka.' },
    ]);
    expect(findings[0]!.suggestion).toBe('simpan berkasnya sebagai .pdf, .docx, .xlsx, .odt, .ods, .csv, .jpg, .jpeg, .png di folder item ini dan tautkan nama itu; untuk halaman situs, tulis alamatnya dari akar situs, misalnya /informasi-publik/.');
  });

  it('does not apply to Markdown outside content/', async () => {
    expect(await runFamily(schemaRules, '# Panduan\n', { file: 'docs/panduan.md' })).toEqual([]);
  });

  describe('files on disk', () => {
    let root: string;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'tayang-schema-'));
      await mkdir(join(root, 'content/artikel/libur'), { recursive: true });
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it('reports a referenced file that does not exist, at the line of its field', async () => {
      const text = `---\n${COMMON}gambar:\n  src: sampul.jpg\n  alt: Kantor kecamatan\n---\nIsi.\n`;
      const file = 'content/artikel/libur/index.md';
      await writeFile(join(root, file), text);
      const env = { ...memoryEnv(), readItemFileProblems: (f: string) => readItemFileProblems(join(root, f)) };
      expect(await runFamily(schemaRules, text, { file, env })).toMatchObject([{ rule: 'schema/file-reference', line: 7 }]);
      await writeFile(join(root, 'content/artikel/libur/sampul.jpg'), TINY_JPEG);
      expect(await runFamily(schemaRules, text, { file, env })).toEqual([]);
    });
  });
});
