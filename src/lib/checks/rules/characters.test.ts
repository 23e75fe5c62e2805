import { describe, expect, it } from 'vitest';
import { ruleIds, runFamily } from '../testing.ts';
import { findUnsafeContent, securityRules } from './security.ts';
import { parseCheckDocument } from '../document.ts';

const check = (text: string) => runFamily(securityRules, text);
/** `rule@line:column` of each finding, in the order of the file. */
const at = (findings: { rule: string; line: number; column: number }[]) => [...findings].sort((a, b) => a.line - b.line || a.column - b.column).map((f) => `${f.rule}@${f.line}:${f.column}`);

describe('security: invisible and bidirectional characters', () => {
  it('reports bidi controls as errors at their position', async () => {
    const findings = await check('Anggaran\u202E 0005 \u202C tahun ini.\n');
    expect(findings).toMatchObject([
      { rule: 'security/bidi-control', line: 1, column: 9 },
      { rule: 'security/bidi-control', line: 1, column: 16 },
    ]);
  });

  it('reports zero-width spaces, and a byte-order mark in the middle of the file', async () => {
    expect(ruleIds(await check('Kecamatan\u200BJenawi\n\nTeks\uFEFF.\n'))).toEqual(['security/invisible-char', 'security/invisible-char']);
  });

  it('accepts a byte-order mark at the start and emoji sequences joined with U+200D', async () => {
    expect(await check('\uFEFFSelamat! 👨\u200D👩\u200D👧 Keluarga sehat.\n')).toEqual([]);
  });
});

describe('security: characters written as codes, which the page shows decoded', () => {
  it('reports character references in the body at the reference, and names it', async () => {
    const findings = await check('Pembayaran retribusi:\n\nTransfer ke rekening &#x202E;987 654 321&#x202C; (BRI).\n');
    expect(at(findings)).toEqual(['security/bidi-control@3:22', 'security/bidi-control@3:41']);
    expect(findings[0]).toMatchObject({ message: expect.stringContaining('`&#x202E;`'), suggestion: 'hapus `&#x202E;`.' });
  });

  it('reports a zero-width space written as a decimal or named reference', async () => {
    expect(at(await check('Kecamatan&#8203;Jenawi dan Desa&ZeroWidthSpace;Bunder.\n'))).toEqual(['security/invisible-char@1:1', 'security/invisible-char@1:10']);
  });

  it('reports escapes in a quoted frontmatter value at the escape', async () => {
    const findings = await check('---\njudul: "Rekening \\u202E123 456\\u202C BRI"\ngaleri:\n  - keterangan: "Foto\\u200Bbersama"\n---\n\nIsi.\n');
    expect(at(findings)).toEqual(['security/bidi-control@2:18', 'security/bidi-control@2:31', 'security/invisible-char@4:22']);
  });

  it('reports references in link addresses and titles, alt texts and raw HTML attributes and text', async () => {
    const text = [
      '[Unduh](https://contoh.go.id/&#x202E;fdp.exe "Formulir &#x202E;A")',
      '',
      '![Peta &#x202E;desa](peta.png)',
      '',
      '<abbr title="Badan &#x202E;Pusat Statistik">BPS</abbr>',
      '',
      '<div>',
      'Rekening &#x202E;123',
      '</div>',
      '',
    ].join('\n');
    expect(at(await check(text))).toEqual(['security/bidi-control@1:30', 'security/bidi-control@1:56', 'security/bidi-control@3:8', 'security/bidi-control@5:20', 'security/bidi-control@8:10']);
  });

  it('reports a reference inside inline HTML once, though both Markdown and HTML decode it', async () => {
    expect(at(await check('Nomor <b>&#x202E;123</b> baru.\n'))).toEqual(['security/bidi-control@1:10']);
  });

  it('does not report a character written as itself a second time, nor codes the page does not decode', async () => {
    const text = '---\njudul: "Anggaran \u202E0005"\n---\n\nAnggaran\u202E 0005 dan `&#x202E;` dan\n\n```\n&#x202E;\n```\n';
    expect(at(await check(text))).toEqual(['security/bidi-control@2:18', 'security/bidi-control@5:9']);
  });

  it('stops the site build for a reference as for the character itself', () => {
    const text = '---\njudul: "Rekening \\u202E123 456 BRI"\n---\n\nTransfer ke &#x202E;987.\n';
    expect(findUnsafeContent(parseCheckDocument('content/artikel/uji/index.md', text)).blocking).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringMatching(/^security\/bidi-control: /) }),
      expect.objectContaining({ line: 2, message: expect.stringMatching(/^security\/bidi-control: /) }),
    ]);
  });
});

describe('security: control characters', () => {
  it('reports C0 controls other than tab and line breaks, DEL and C1 controls, written or as codes', async () => {
    const text = '---\njudul: "Rapat koordinasi\\x0b kecamatan"\nringkasan: "Baris\\N berikut"\n---\n\nRapat\u000C kecamatan\u007F dan\u0085.\r\n\nTab\tboleh.\n\n<p title="a&#x1B;b">c</p>\n';
    expect(at(await check(text))).toEqual([
      'security/control-char@2:25',
      'security/control-char@3:18',
      'security/control-char@6:6',
      'security/control-char@6:17',
      'security/control-char@6:22',
      'security/control-char@10:12',
    ]);
  });

  it('stops the site build: a control character in a title makes the RSS feed unreadable', () => {
    const { blocking } = findUnsafeContent(parseCheckDocument('content/berita/uji/index.md', '---\njudul: "Rapat koordinasi\\x0b kecamatan"\n---\n\nIsi.\n'));
    expect(blocking).toEqual([expect.objectContaining({ line: 2, column: 25, message: expect.stringMatching(/^security\/control-char: .*RSS/) })]);
  });
});
