import type { Element, Root } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { rehypeSiteLinks } from './site-links.ts';

function linksOf(markdown: string, base: string): unknown[] {
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSiteLinks(base));
  const tree = processor.runSync(processor.parse(markdown)) as Root;
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
