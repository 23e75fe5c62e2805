import { describe, expect, it } from 'vitest';
import { ruleIds, runFamily } from '../testing.ts';
import { findUnsafeContent, securityRules } from './security.ts';
import { parseCheckDocument } from '../document.ts';

const check = (text: string) => runFamily(securityRules, text);

describe('security: HTML that runs script', () => {
  it.each([
    ['a script tag', '<script src="https://contoh.test/a.js"></script>'],
    ['an event handler', '<img src="a.png" alt="Peta desa" onerror="alert(1)">'],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)">Formulir</a>'],
    ['a javascript: link in Markdown', '[Formulir](javascript:alert(1))'],
    ['a javascript: URL hidden with whitespace and case', '<a href=" Java\tScript:alert(1)">x</a>'],
    ['a data:text/html link', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['an object tag', '<object data="x.swf"></object>'],
    ['a javascript: URL spelled with character references', '<a href="&#x6A;avascript&colon;alert(1)">Formulir</a>'],
    ['an allowed iframe whose srcdoc replaces it', '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" srcdoc="<script>alert(1)</script>"></iframe>'],
  ])('reports %s', async (_, html) => {
    const findings = await check(`Paragraf.\n\n${html}\n`);
    expect(ruleIds(findings)).toContain('security/script');
    expect(findings[0]!.line).toBe(3);
  });

  it('reports an iframe from a host outside the allow-list, and accepts YouTube', async () => {
    const findings = await check('<iframe src="https://peta.contoh.test/embed"></iframe>\n\n<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video Musrenbang"></iframe>\n\n<iframe src="https://www.youtube.com/embed/abc" title="x"></iframe>\n');
    expect(findings).toMatchObject([{ rule: 'security/iframe', line: 1 }]);
  });

  it('does not report HTML shown as code, or words like "onclick" in prose', async () => {
    expect(await check('Contoh yang dilarang: `<script>`.\n\n```html\n<script>alert(1)</script>\n```\n\nAtribut onclick= tidak boleh dipakai.\n')).toEqual([]);
  });
});

describe('security: HTML the site removes, found with the parser and allowlist the site uses', () => {
  it.each([
    ['a slash between tag and attributes (shown as text)', '<svg><a/href="javascript:alert(1)">x</a></svg>', 'security/html-text'],
    ['an SVG animation that sets a javascript: address', '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', 'security/script'],
    ['an unquoted value with an equals sign', '<img src=x=1 alt="" onerror=alert(1)>', 'security/script'],
    ['a full-page overlay drawn with style=', '<div style="position:fixed;inset:0"><a href="https://contoh.test/">Masuk</a></div>', 'security/html'],
    ['an unclosed textarea that swallows the rest of the page', '<textarea>', 'security/html'],
    ['plaintext that swallows the rest of the page', 'Teks <plaintext>', 'security/html'],
    ['a form that posts what citizens type elsewhere', '<form action="https://contoh.test/kirim"><input name="nik"></form>', 'security/html'],
    ['a style sheet that rewrites the page', '<style>main { display: none }</style>', 'security/html'],
    ['a link element pulling in another site', '<link rel="stylesheet" href="https://contoh.test/a.css">', 'security/html'],
    ['a tabindex that takes over the keyboard', '<a href="https://contoh.test/" tabindex="1">x</a>', 'security/html'],
    ['an unclosed iframe that swallows the rest', '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video">\n\nSisa naskah.', 'security/html'],
    ['an unclosed comment that swallows the rest', '<!--\n\nSisa naskah.', 'security/html'],
    ['ruby text hidden in <rp>', '<ruby>gratis<rp> biaya Rp500.000</rp></ruby>', 'security/html'],
    ['dir= that reverses digits', '<span dir="rtl">123 456 789</span>', 'security/html'],
    ['a cell height that pushes the footer away', '<table><tr><th>a</th></tr><tr><td height="30000">b</td></tr></table>', 'security/html'],
    ['a picture source with a data: address', '<picture><source srcset="data:image/svg+xml;base64,PHN2Zy8+"><img src="x.png" alt="x"></picture>', 'security/html'],
  ])('reports %s on its line', async (_, html, rule) => {
    const findings = await check(`Paragraf.\n\n${html}\n`);
    expect(findings.map((f) => `${f.rule} ${f.line}`)).toContain(`${rule} 3`);
  });

  it('accepts what offices write: tables with alignment, details, abbreviations, figures, YouTube, footnotes, in-page links', async () => {
    const text = [
      '| Uraian | Jumlah |', '|:--|--:|', '| Belanja | 1.000 |', '',
      '<details><summary>Rincian</summary>Isi rincian.</details>', '',
      '<abbr title="Pejabat Pengelola Informasi dan Dokumentasi">PPID</abbr> bertugas.', '',
      '<figure><img src="https://contoh.go.id/a.png" alt="Peta"><figcaption>Peta desa</figcaption></figure>', '',
      '<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Video rapat" width="560" height="315" allowfullscreen></iframe>', '',
      'Teks dengan catatan[^1] dan <a href="#bagian" id="atas">tautan</a>.', '', '[^1]: Catatan.', '',
    ].join('\n');
    expect(await check(text)).toEqual([]);
  });

  it('warns about text that looks like a tag but shows as text, and not about escaped or coded tags', async () => {
    const findings = await check('Awal <img/src="x"/onerror=alert(1)> akhir.\n\nTulis &lt;img&gt; atau `<img>`; nilai a<5.\n');
    expect(findings.map((f) => `${f.rule} ${f.line}:${f.column}`)).toEqual(['security/html-text 1:6']);
  });
});

describe('security: MDX', () => {
  it('reports an .mdx file, whose import/export/{…} would run as code in the build', async () => {
    const text = "---\njudul: Uji\n---\nimport { writeFileSync } from 'node:fs';\n\nHalo {process.env.HOME}.\n";
    expect(await check(text).then(ruleIds)).toEqual([]);
    const findings = await runFamily(securityRules, text, { file: 'content/artikel/uji/index.mdx' });
    expect(findings).toMatchObject([{ rule: 'security/mdx', line: 1, column: 1 }]);
  });
});

describe('findUnsafeContent: what the site build does with security errors', () => {
  const text = '---\njudul: Uji\n---\n\n<iframe src="https://peta.contoh.test/embed"></iframe>\n\nKata\u200Bterpisah.\n\nAnggaran\u202E 0005\n';

  it('stops only for what sanitising cannot repair, and names the HTML it removes, leaving warnings to periksa', async () => {
    expect(findUnsafeContent(parseCheckDocument('content/artikel/uji/index.md', text))).toEqual({
      blocking: [{ file: 'content/artikel/uji/index.md', line: 9, column: 9, message: expect.stringMatching(/^security\/bidi-control: /), fix: expect.any(String) }],
      removedFromPage: [{ file: 'content/artikel/uji/index.md', line: 5, column: 1, message: expect.stringMatching(/^security\/iframe: sematan `<iframe>` dari peta\.contoh\.test/), fix: expect.any(String) }],
    });
  });

  it("follows the office's periksa.aturan", async () => {
    const aturan = { 'security/iframe': 'warning', 'security/bidi-control': 'warning' } as const;
    expect(findUnsafeContent(parseCheckDocument('content/artikel/uji/index.md', text), { aturan, kata_tambahan: [], kata_baku_tambahan: {}, batas_piksel_gambar: 40_000_000 })).toEqual({ blocking: [], removedFromPage: [] });
  });
});
