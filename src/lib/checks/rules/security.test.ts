import { describe, expect, it } from 'vitest';
import { memoryEnv, ruleIds, runFamily } from '../testing.ts';
import { findUnsafeContent, securityRules } from './security.ts';

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
    ['a form that posts what citizens type elsewhere', '<form action="https://contoh.test/kirim"><input name="nik"></form>'],
    ['a style sheet that rewrites the page', '<style>main { display: none }</style>'],
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

describe('security: SVG pictures', () => {
  it('reports an SVG picture carrying script, at the line that names it, and accepts a plain one', async () => {
    const env = memoryEnv({
      'content/galeri/uji/peta.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
      'content/galeri/uji/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
      'content/galeri/uji/denah.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("//contoh.test")</script></svg>',
    });
    const text = '---\njudul: Uji\ngambar:\n  src: peta.svg\n  alt: Peta desa\nfoto:\n  - src: logo.svg\n    alt: Logo\n---\n\n![Denah balai](denah.svg)\n';
    const findings = await runFamily(securityRules, text, { file: 'content/galeri/uji/index.md', env });
    expect(findings.map((f) => `${f.rule} ${f.line}`)).toEqual(['security/script 4', 'security/script 11']);
    expect(findings[0]!.message).toContain('gambar SVG "peta.svg" berisi skrip');
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

describe('findUnsafeContent: security errors that stop the site build', () => {
  const text = '---\njudul: Uji\n---\n\n<iframe src="https://peta.contoh.test/embed"></iframe>\n\nKata\u200Bterpisah.\n';

  const noFiles = async () => undefined;

  it('returns the errors as problems with rule, line and fix, leaving warnings to periksa', async () => {
    expect(await findUnsafeContent('content/artikel/uji/index.md', text, noFiles)).toEqual([
      { file: 'content/artikel/uji/index.md', line: 5, column: 1, message: expect.stringMatching(/^security\/iframe: sematan `<iframe>` dari peta\.contoh\.test/), fix: expect.any(String) },
    ]);
  });

  it("follows the office's periksa.aturan", async () => {
    expect(await findUnsafeContent('content/artikel/uji/index.md', text, noFiles, { aturan: { 'security/iframe': 'warning' }, kata_tambahan: [], kata_baku_tambahan: {} })).toEqual([]);
  });
});
