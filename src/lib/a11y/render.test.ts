import { describe, expect, it } from 'vitest';
import type { BuiltSiteReport } from './index.ts';
import { renderReport } from './render.ts';

const report: BuiltSiteReport = {
  files: 2,
  pages: ['/', '/berita/rapat/'],
  findings: [
    { file: 'content/berita/rapat/index.md', line: 4, column: 10, rule: 'a11y/axe/image-alt', severity: 'error', message: 'Gambar tanpa alt: 100% tidak terbaca,\nbaris dua.', suggestion: 'Isi alt.' },
    { file: 'dist/index.html', line: 1, column: 1, rule: 'a11y/axe/region', severity: 'warning', message: 'Isi di luar wilayah.' },
  ],
};

describe('rendering the accessibility report', () => {
  it('writes JSON with files, findings and the tested pages', () => {
    expect(JSON.parse(renderReport(report, 'json'))).toEqual(report);
  });

  it('writes one escaped GitHub annotation per finding', () => {
    expect(renderReport(report, 'github')).toBe(
      '::error file=content/berita/rapat/index.md,line=4,col=10,title=a11y/axe/image-alt::Gambar tanpa alt: 100%25 tidak terbaca,%0Abaris dua.%0ASaran: Isi alt.\n' +
        '::warning file=dist/index.html,line=1,col=1,title=a11y/axe/region::Isi di luar wilayah.\n',
    );
  });

  it('groups the text by file and ends with the totals in pages', () => {
    const text = renderReport(report, 'teks');
    expect(text).toContain('content/berita/rapat/index.md\n  4:10     galat      a11y/axe/image-alt\n');
    expect(text).toContain('    Saran: Isi alt.\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 halaman diperiksa (pa11y: axe dan HTML_CodeSniffer, WCAG 2.2 AA): 1 galat, 1 peringatan.');
  });

  it('says when no page needed checking', () => {
    expect(renderReport({ files: 0, pages: [], findings: [] }, 'teks')).toBe('Tidak ada halaman yang perlu diperiksa.\n');
  });
});
