import type { Element, Root } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeSiteLinks } from './site-links.ts';

function linksOf(markdown: string, base: string, path?: string): unknown[] {
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSiteLinks(base));
  const file = new VFile({ value: markdown, path });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const hrefs: unknown[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'a') hrefs.push(node.properties.href);
  });
  return hrefs;
}

describe("links to the site's own pages in content", () => {
  const text = '[register](/informasi-publik/) [bagian](/keberatan-informasi/#alasan) [lain](//contoh.go.id/a) [web](https://lapor.go.id) [berkas](lampiran.pdf)';

  it('get the base path of a site under one', () => {
    expect(linksOf(text, '/kantor/')).toEqual(['/kantor/informasi-publik/', '/kantor/keberatan-informasi/#alasan', '//contoh.go.id/a', 'https://lapor.go.id', 'lampiran.pdf']);
  });

  it('stay as written on a site at the root of its domain', () => {
    expect(linksOf(text, '/')).toEqual(['/informasi-publik/', '/keberatan-informasi/#alasan', '//contoh.go.id/a', 'https://lapor.go.id', 'lampiran.pdf']);
  });
});

describe('links to files beside the item', () => {
  const text = '[formulir](formulir.pdf) [halaman 2](./formulir.pdf#page=2) [arsip](arsip.zip) [halaman lain](../visi-misi/)';

  it('point where the item publishes them, under the base path, for a news item and an office page', () => {
    expect(linksOf(text, '/kantor/', '/repo/content/berita/banjir/index.md')).toEqual(['/kantor/berita/banjir/formulir.pdf', '/kantor/berita/banjir/formulir.pdf#page=2', 'arsip.zip', '../visi-misi/']);
    expect(linksOf(text, '/', '/repo/content/halaman/formulir-permohonan/index.md')[0]).toBe('/formulir-permohonan/formulir.pdf');
  });

  it('stay as written in Markdown that is not an item', () => {
    expect(linksOf(text, '/kantor/', '/repo/docs/panduan.md')).toEqual(['formulir.pdf', './formulir.pdf#page=2', 'arsip.zip', '../visi-misi/']);
  });
});
