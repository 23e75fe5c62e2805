import { describe, expect, it } from 'vitest';
import { locateInSource, pageFindings } from './findings.ts';
import { loadRuleMessages, type PageIssue } from './messages.ts';

const messages = loadRuleMessages();
const source = ['---', 'judul: Rapat koordinasi', 'gambar:', '  src: ./foto-rapat.jpg', '  alt: ""', '---', '', 'Unduh [lampiran](./undangan-rapat.pdf).', ''].join('\n');

function issue(overrides: Partial<PageIssue>): PageIssue {
  return { runner: 'axe', code: 'image-alt', type: 'error', message: 'Images must have alternative text', context: '<img src="/_astro/foto-rapat.B1x9Qz_Z2l.webp">', selector: 'main > img', wcag: ['1.1.1'], ...overrides };
}

describe('locating an element in the item Markdown', () => {
  it('finds an image by its original file name', () => {
    expect(locateInSource(source, '<img src="/_astro/foto-rapat.B1x9Qz_Z2l.webp" width="800">')).toEqual({ line: 4, column: 10 });
  });

  it('finds a link by its target file', () => {
    expect(locateInSource(source, '<a href="/berita/rapat/undangan-rapat.pdf"></a>')).toEqual({ line: 8, column: 20 });
  });

  it('returns nothing for layout elements', () => {
    expect(locateInSource(source, '<a href="/profil/" class="menu">Profil kantor</a>')).toBeUndefined();
  });
});

describe('page findings', () => {
  it('maps an item page issue to its Markdown line with an Indonesian message', () => {
    const findings = pageFindings([{ path: '/berita/rapat/', file: 'content/berita/rapat/index.md', source, issues: [issue({})] }], messages);
    expect(findings).toEqual([
      {
        file: 'content/berita/rapat/index.md',
        line: 4,
        column: 10,
        rule: 'a11y/axe/image-alt',
        severity: 'error',
        message: expect.stringMatching(/^Teks alternatif gambar \(WCAG 1\.1\.1\): Gambar tidak punya teks alternatif .* Elemen: <img src="\/_astro\/foto-rapat\.B1x9Qz_Z2l\.webp"> \(halaman \/berita\/rapat\/, main > img\)\.$/),
        suggestion: expect.stringContaining('gambar.alt'),
      },
    ]);
  });

  it('says when an element on an item page is not in its Markdown (the layout)', () => {
    const [finding] = pageFindings(
      [{ path: '/berita/rapat/', file: 'content/berita/rapat/index.md', source, issues: [issue({ code: 'link-name', context: '<a href="/profil/" class="ikon"></a>', selector: 'header > a' })] }],
      messages,
    );
    expect(finding).toMatchObject({ line: 1, column: 1 });
    expect(finding.message).toMatch(/kemungkinan berasal dari tata letak situs \(src\/\), bukan dari tulisan penulis\.$/);
  });

  it('reports the same problem on the same element once, preferring the detailed message', () => {
    const contrast = { context: '<p class="pucat">Teks</p>', selector: 'main > p', wcag: ['1.4.3'] };
    const findings = pageFindings(
      [
        {
          path: '/',
          file: 'dist/index.html',
          issues: [
            issue({ ...contrast, code: 'color-contrast', message: 'Elements must meet minimum color contrast ratio thresholds' }),
            issue({ ...contrast, runner: 'htmlcs', code: 'WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail', message: 'Expected a contrast ratio of at least 4.5:1, but text in this element has a contrast ratio of 3.1:1.' }),
            issue({ ...contrast, selector: 'footer > p', code: 'color-contrast', message: '' }),
          ],
        },
      ],
      messages,
    );
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['a11y/htmlcs/1_4_3.G18.Fail', 1],
      ['a11y/axe/color-contrast', 1],
    ]);
    expect(findings[0].message).toContain('3.1:1');
  });

  it('keeps warnings as warnings and drops notices', () => {
    const findings = pageFindings(
      [{ path: '/', file: 'dist/index.html', issues: [issue({ code: 'region', type: 'warning' }), issue({ code: 'empty-heading', type: 'notice' })] }],
      messages,
    );
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['a11y/axe/region', 'warning']]);
  });

  it('reports a page that could not be tested as an error', () => {
    const [finding] = pageFindings([{ path: '/berita/', file: 'dist/berita/index.html', issues: [], failure: 'server menjawab HTTP 500' }], messages);
    expect(finding).toMatchObject({ rule: 'a11y/halaman-gagal', severity: 'error', file: 'dist/berita/index.html' });
    expect(finding.message).toContain('HTTP 500');
  });
});
