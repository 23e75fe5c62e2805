import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { CONTENT_HTML_PLUGINS, CONTENT_REMARK_REHYPE } from './html.ts';

// The site's Markdown pipeline (astro.config.ts) up to the HTML, without Astro's own steps.
const render = async (markdown: string) =>
  String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype, CONTENT_REMARK_REHYPE).use(CONTENT_HTML_PLUGINS).use(rehypeStringify).process(markdown));

describe('the HTML the site publishes from an item', () => {
  it("gives headings prefixed ids, so content cannot take the page's own (the footer's, the approval history's), and in-page links follow them", async () => {
    const html = await render('## Footer kontak\n\n## Riwayat persetujuan\n\nLihat [kontak](#footer-kontak).\n');
    expect(html).toContain('<h2 id="user-content-footer-kontak">Footer kontak</h2>');
    expect(html).toContain('<h2 id="user-content-riwayat-persetujuan">');
    expect(html).toContain('<a href="#user-content-footer-kontak">kontak</a>');
    expect(await render('Naik <a href="#100%">100%</a>.\n')).toContain('href="#100%"');
  });

  it('links footnotes to their notes, with Indonesian labels', async () => {
    const html = await render('Teks[^1].\n\n[^1]: Catatan.\n');
    const href = /<a href="#([^"]+)" id="([^"]+)" data-footnote-ref/.exec(html);
    expect(href).not.toBeNull();
    expect(html).toContain(`<li id="${href![1]}">`);
    expect(html).toContain(`href="#${href![2]}"`);
    expect(html).toContain('Catatan kaki');
    expect(html).toContain('Kembali ke rujukan 1');
    expect(html).not.toMatch(/Footnotes|Back to reference/);
  });

  it('turns column alignment into classes and keeps no style attribute', async () => {
    const html = await render('| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n<p style="position:fixed">x</p>\n');
    expect(html).toContain('<th class="rata-tengah">a</th>');
    expect(html).toContain('<td class="rata-kanan">2</td>');
    expect(html).not.toMatch(/style=|align=/);
  });

  it('empties an unclosed iframe, drops SVG and MathML whole, and keeps an allowed video embed', async () => {
    expect(await render('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video">\n\nSisa naskah.\n')).toBe('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>');
    expect(await render('<svg><iframe><a href="https://contoh.test/">Teks</a></iframe></svg> <math><mi>x</mi></math>\n')).toBe('<p> </p>');
  });

  it('puts every table in a scroll region the keyboard reaches, named by its caption or its number', async () => {
    const html = await render('| Uraian | Anggaran (Rp) |\n| --- | ---: |\n| Belanja modal | 310.000.000 |\n\n<table><caption>Jadwal pelayanan</caption><tr><td>Senin</td></tr></table>\n\n<table><caption id="jadwal">Jadwal</caption><tr><td>Selasa</td></tr></table>\n');
    const regions = [...html.matchAll(/<div class="table-scroll" role="region" tabindex="0" ([^>]*)><table>/g)].map((match) => match[1]);
    expect(regions).toEqual(['aria-label="Tabel 1"', 'aria-labelledby="isi-tabel-2-judul"', 'aria-labelledby="user-content-jadwal"']);
    expect(html).toContain('<caption id="isi-tabel-2-judul">Jadwal pelayanan</caption>');
    // What content writes itself is still refused: no tabindex or role of its own.
    expect(await render('<div tabindex="0" role="region">x</div>\n')).toBe('<div>x</div>');
  });
});
