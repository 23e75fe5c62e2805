import { describe, expect, it } from 'vitest';
import { pageLinks, pageUrl } from './pagination.ts';

function render(current: number, last: number): string {
  return pageLinks(current, last)
    .map((link) => (link.kind === 'gap' ? '…' : link.current ? `[${link.number}]` : String(link.number)))
    .join(' ');
}

describe('pager', () => {
  it('shows every page of a short list', () => {
    expect(render(2, 3)).toBe('1 [2] 3');
  });

  it('keeps first, last and neighbours of the current page, with gaps', () => {
    expect(render(6, 12)).toBe('1 … 5 [6] 7 … 12');
  });

  it('does not put a gap where only one page is missing between neighbours', () => {
    expect(render(3, 12)).toBe('1 2 [3] 4 … 12');
  });

  it('has a single current page for a one-page list', () => {
    expect(render(1, 1)).toBe('[1]');
  });

  it('builds page URLs the way paginate() routes them', () => {
    expect(pageUrl('/berita/', 1)).toBe('/berita/');
    expect(pageUrl('/kantor/berita', 3)).toBe('/kantor/berita/3/');
  });
});
