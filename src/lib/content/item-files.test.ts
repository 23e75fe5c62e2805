import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { bodyFileLinks, fileLinksOfTree } from './item-files.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);

describe('bodyFileLinks', () => {
  it('finds links to files however they are written', () => {
    const body = 'Unduh [formulir](formulir.pdf), [jadwal][j], <a href="data.csv">data</a>.\n\n[j]: jadwal.pdf\n';
    expect(bodyFileLinks(body, 10).map(({ path, line }) => `${path}@${line}`)).toEqual(['formulir.pdf@10', 'jadwal.pdf@10', 'data.csv@10']);
  });

  it('finds none in a text without "[" or "<", as a full reading finds none', () => {
    // Markdown's own characters, file names and web addresses, but no "[" and no "<".
    const piece = fc.constantFrom('formulir.pdf', ' ', '\n', '\n\n', '(', ')', ']', '!', '*', '_', '`', '#', '>', '-', '|', ':', '&#91;', '&lt;', 'www.jenawi.go.id/a.pdf', 'https://x.go.id/b.pdf', 'ppid@jenawi.go.id', 'data.csv', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const body = pieces.join('');
        expect(bodyFileLinks(body, 1)).toEqual([]);
        expect(fileLinksOfTree(markdown.parse(body), 0)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
