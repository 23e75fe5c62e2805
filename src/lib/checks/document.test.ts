import { describe, expect, it } from 'vitest';
import { locateField, parseCheckDocument } from './document.ts';

describe('parseCheckDocument', () => {
  it('gives body nodes the lines and columns of the file', () => {
    const doc = parseCheckDocument('content/berita/a/index.md', '---\njudul: A\nlokasi: Balai Desa\n---\n\n## Bagian\n\nTeks *miring*.\n');
    expect(doc.jenis).toBe('berita');
    expect(doc.dir).toBe('content/berita/a');
    expect(doc.bodyLine).toBe(5);
    expect(doc.data).toEqual({ judul: 'A', lokasi: 'Balai Desa' });
    const [heading, paragraph] = doc.tree.children;
    expect(heading!.position!.start).toMatchObject({ line: 6, column: 1 });
    expect(paragraph!.position!.start).toMatchObject({ line: 8, column: 1 });
    // Offsets point into the whole file too.
    expect(doc.text.slice(paragraph!.position!.start.offset)).toMatch(/^Teks/);
  });

  it('locates frontmatter keys, and falls back to the parent of a missing key', () => {
    const doc = parseCheckDocument('x.md', '---\njudul: A\ngambar:\n  src: a.jpg\n---\n');
    expect(locateField(doc, ['gambar', 'src'])).toEqual({ line: 4, column: 3 });
    expect(locateField(doc, ['gambar', 'alt'])).toEqual({ line: 3, column: 1 });
  });

  it('reads a file without frontmatter, with a byte-order mark, or with broken YAML', () => {
    expect(parseCheckDocument('README.md', '# Judul\n').tree.children[0]!.position!.start.line).toBe(1);
    const bom = parseCheckDocument('a.md', '\uFEFF---\njudul: A\n---\nTeks\n');
    expect(bom.data).toEqual({ judul: 'A' });
    expect(bom.tree.children[0]!.position!.start.line).toBe(4);
    const broken = parseCheckDocument('a.md', '---\njudul: "A\n---\nTeks\n');
    expect(broken.data).toEqual({});
    expect(broken.tree.children[0]!.position!.start.line).toBe(4);
  });

  it('does not take a thematic break later in the file for frontmatter', () => {
    const doc = parseCheckDocument('a.md', 'Teks\n\n---\n\nLagi\n');
    expect(doc.data).toEqual({});
    expect(doc.bodyLine).toBe(1);
  });
});
