import { describe, expect, it } from 'vitest';
import { memoryEnv, ruleIds, runFamily } from '../testing.ts';
import { a11yRules } from './a11y.ts';

const check = (text: string, file?: string, files?: Record<string, string | Uint8Array>) => runFamily(a11yRules, text, { file, env: memoryEnv(files) });

describe('a11y: alternative text of images', () => {
  it('reports a cover image without alt on the line of `gambar`', async () => {
    const findings = await check('---\njudul: Uji\ngambar:\n  src: ./sampul.jpg\n---\nIsi.\n');
    expect(findings).toMatchObject([{ rule: 'a11y/image-alt', line: 3 }]);
    expect(findings[0]!.message).toContain('WCAG 2.2 SK 1.1.1');
  });

  it('reports a Markdown image without alt at its own line and column', async () => {
    const findings = await check('---\njudul: Uji\n---\n\nParagraf.\n\nLihat ![](./foto.jpg)\n');
    expect(findings).toMatchObject([{ rule: 'a11y/image-alt', line: 7, column: 7 }]);
  });

  it('reports an <img> without alt, but accepts alt="" for a decorative image', async () => {
    expect(ruleIds(await check('<img src="a.png">\n'))).toEqual(['a11y/image-alt']);
    expect(await check('<img src="garis.png" alt="">\n')).toEqual([]);
  });

  it.each(['IMG_1234', 'IMG_1234.jpg', 'DSC01234', 'sampul.jpg', 'WhatsApp Image 2025-01-02 at 10.11.12', 'foto', 'Gambar', 'gambar 3', 'image', 'dokumentasi'])(
    'reports alt text "%s" as a file name or placeholder',
    async (alt) => {
      const findings = await check(`---\ngambar:\n  src: ./sampul.jpg\n  alt: "${alt}"\n---\n`);
      expect(ruleIds(findings)).toEqual(['a11y/image-alt-quality']);
      expect(findings[0]!.line).toBe(4);
    },
  );

  it('accepts alt text that describes the picture, even when it mentions a photo', async () => {
    const text = '---\ngambar:\n  src: ./sampul.jpg\n  alt: Camat Jenawi menyerahkan bibit durian kepada Kelompok Tani Ngudi Makmur di Balai Desa Anggrasmanis\n---\n![Foto bersama peserta Musrenbang di pendapa kecamatan](./b.jpg)\n';
    expect(await check(text)).toEqual([]);
  });

  it('warns when a gallery photo repeats its caption as alt text', async () => {
    const text = '---\nfoto:\n  - src: a.jpg\n    alt: Warga bergotong royong membersihkan saluran irigasi.\n    keterangan: Warga bergotong royong membersihkan saluran irigasi\n  - src: b.jpg\n    alt: Dua warga mengangkat lumpur dari saluran dengan ember\n    keterangan: Kerja bakti Minggu pagi\n---\n';
    expect(await check(text, 'content/galeri/kerja-bakti/index.md')).toMatchObject([{ rule: 'a11y/image-alt-caption', line: 4 }]);
  });

  it('takes an emphasised paragraph right under a picture for its caption', async () => {
    const same = '![Warga menanam pohon di tepi jalan desa](a.jpg)\n\n*Warga menanam pohon di tepi jalan desa.*\n';
    expect(ruleIds(await check(same))).toEqual(['a11y/image-alt-caption']);
    const different = '![Tiga warga menanam bibit mahoni di tepi jalan](a.jpg)\n\n*Gerakan menanam seribu pohon, Minggu (9/3).*\n';
    expect(await check(different)).toEqual([]);
  });
});

describe('a11y: links', () => {
  it.each(['klik di sini', 'Klik disini', 'selengkapnya', 'Baca selengkapnya…', 'link', 'di sini'])('reports link text "%s"', async (text) => {
    expect(ruleIds(await check(`Unduh formulirnya [${text}](https://ppid.karanganyarkab.go.id/formulir).\n`))).toEqual(['a11y/link-text']);
  });

  it('reports a bare URL, written plainly or as an autolink', async () => {
    expect(ruleIds(await check('Informasi di https://jenawi.karanganyarkab.go.id/layanan dan <https://lapor.go.id>.\n'))).toEqual(['a11y/bare-url', 'a11y/bare-url']);
  });

  it('accepts links whose text names the destination, and e-mail links', async () => {
    expect(await check('Baca [Pengumuman Seleksi Perangkat Desa 2025](https://jenawi.go.id/p) atau kirim surel ke ppid@jenawi.go.id. Kata "selengkapnya" di kalimat biasa tidak apa-apa.\n')).toEqual([]);
  });
});

describe('a11y: headings and tables', () => {
  it('reports an h1 in the body and a skipped level', async () => {
    const findings = await check('# Judul lagi\n\n## Bagian\n\n#### Terlalu dalam\n\n### Ini boleh\n');
    expect(findings).toMatchObject([
      { rule: 'a11y/heading-h1', line: 1 },
      { rule: 'a11y/heading-order', line: 5 },
    ]);
  });

  it('lets Markdown outside content/ without a `judul` have its own h1', async () => {
    expect(await check('# Panduan\n\n## Bagian\n', 'docs/panduan.md')).toEqual([]);
  });

  it('accepts headings that go down one level at a time and back up', async () => {
    expect(await check('## Latar belakang\n\n### Dasar hukum\n\n## Pelaksanaan\n')).toEqual([]);
  });

  it('reports a Markdown table whose header row is empty and an HTML table without <th>', async () => {
    const findings = await check('|  |  |\n|--|--|\n| Desa | Jiwa |\n\n<table><tr><td>Desa</td><td>Jiwa</td></tr></table>\n');
    expect(ruleIds(findings)).toEqual(['a11y/table-header', 'a11y/table-header']);
  });

  it('reads pasted HTML as a browser does: a <th> or <track> inside a comment does not count', async () => {
    const findings = await check('<table><!-- <th>Desa</th> --><tr><td>Desa</td></tr></table>\n\n<video src="a.mp4"><!-- <track kind="captions" src="a.vtt"> --></video>\n');
    expect(findings.map((f) => `${f.rule} ${f.line}`)).toEqual(['a11y/table-header 1', 'a11y/video-captions 3']);
  });

  it('accepts tables with a header row', async () => {
    expect(await check('| Desa | Jumlah jiwa |\n|---|---:|\n| Anggrasmanis | 4.210 |\n\n<table><tr><th>Desa</th></tr><tr><td>Menjing</td></tr></table>\n')).toEqual([]);
  });
});

const VTT_ID = 'WEBVTT\nLanguage: id\n\n00:00:00.000 --> 00:00:03.500\nSelamat pagi, warga Kecamatan Jenawi.\n\n00:00:03.500 --> 00:00:07.000\nHari ini kami meninjau jalan desa yang rusak.\n';
const video = (takarir?: string) => `---\njudul: Video\n${takarir ? `takarir: ${takarir}\n` : ''}---\nIsi.\n`;

describe('a11y: video captions and audio transcripts', () => {
  it('accepts a valid Indonesian WebVTT file', async () => {
    expect(await check(video('./takarir.vtt'), 'content/video/jalan/index.md', { 'content/video/jalan/takarir.vtt': VTT_ID })).toEqual([]);
  });

  it('accepts Indonesian captions without a Language header when the text is Indonesian', async () => {
    const vtt = VTT_ID.replace('Language: id\n', '');
    expect(await check(video('takarir.vtt'), 'content/video/jalan/index.md', { 'content/video/jalan/takarir.vtt': vtt })).toEqual([]);
  });

  it('reports a video without captions', async () => {
    expect(await check(video(), 'content/video/jalan/index.md')).toMatchObject([{ rule: 'a11y/video-captions', message: expect.stringContaining('1.2.2') }]);
  });

  it.each([
    ['no signature', 'Selamat pagi\n\n00:00:00.000 --> 00:00:03.000\nHalo\n', 'WEBVTT'],
    ['a broken timing', 'WEBVTT\n\n00:00:00,000 --> 00:00:03,000\nHalo warga\n', 'tidak sah'],
    ['an end before the start', 'WEBVTT\n\n00:00:05.000 --> 00:00:03.000\nHalo warga\n', 'sesudah'],
    ['no cues', 'WEBVTT\n\nNOTE kosong\n', 'satu takarir'],
  ])('reports a captions file with %s', async (_, vtt, words) => {
    const findings = await check(video('takarir.vtt'), 'content/video/jalan/index.md', { 'content/video/jalan/takarir.vtt': vtt });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain(words);
  });

  it('reports English captions, declared or not', async () => {
    const english = 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nGood morning and welcome to the village.\n\n00:00:03.000 --> 00:00:06.000\nThis is the road that we will fix.\n';
    const declared = VTT_ID.replace('Language: id', 'Language: en');
    for (const vtt of [english, declared]) {
      expect(ruleIds(await check(video('takarir.vtt'), 'content/video/jalan/index.md', { 'content/video/jalan/takarir.vtt': vtt }))).toEqual(['a11y/video-captions']);
    }
  });

  it('reports an HTML <video> without a captions track, and accepts one with it', async () => {
    expect(ruleIds(await check('<video src="a.mp4" controls></video>\n'))).toEqual(['a11y/video-captions']);
    expect(await check('<video src="a.mp4" controls><track kind="captions" srclang="id" src="a.vtt"></video>\n')).toEqual([]);
  });

  it('reports audio without a transcript, and accepts it with one', async () => {
    expect(ruleIds(await check('---\njudul: Siaran\n---\n', 'content/audio/siaran/index.md'))).toEqual(['a11y/audio-transcript']);
    expect(await check('---\njudul: Siaran\ntranskrip: "Penyiar: Selamat pagi..."\n---\n', 'content/audio/siaran/index.md')).toEqual([]);
  });
});

/** A minimal PDF: `content` is the page's content stream, `resources` its resource dictionary. */
function pdf(resources: string, content: string): string {
  return `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Resources ${resources} /Contents 4 0 R >> endobj\n4 0 obj << /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
}
const TEXT_PDF = pdf('<< /Font << /F1 5 0 R >> >>', 'BT /F1 12 Tf 72 720 Td (Pengumuman) Tj ET') + '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n';
const SCAN_PDF = pdf('<< /XObject << /Im1 5 0 R >> >>', 'q 612 0 0 792 0 0 cm /Im1 Do Q') + '5 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\xff\nendstream\nendobj\n';

describe('a11y: scanned PDF attachments', () => {
  const doc = '---\njudul: Perdes\nberkas: perdes.pdf\n---\nIsi.\n';
  it('warns about a PDF that is only a scanned image', async () => {
    const findings = await check(doc, 'content/dokumen/perdes/index.md', { 'content/dokumen/perdes/perdes.pdf': SCAN_PDF });
    expect(findings).toMatchObject([{ rule: 'a11y/pdf-scan', line: 3 }]);
  });

  it('accepts a PDF with a text layer', async () => {
    expect(await check(doc, 'content/dokumen/perdes/index.md', { 'content/dokumen/perdes/perdes.pdf': TEXT_PDF })).toEqual([]);
  });

  it('also checks PDFs linked from the body and from lampiran', async () => {
    const text = '---\nlampiran:\n  - berkas: a.pdf\n---\nUnduh [jadwal pelayanan (PDF)](b.pdf).\n';
    const findings = await check(text, 'content/pengumuman/p/index.md', { 'content/pengumuman/p/a.pdf': SCAN_PDF, 'content/pengumuman/p/b.pdf': SCAN_PDF });
    expect(findings).toMatchObject([{ rule: 'a11y/pdf-scan', line: 3 }, { rule: 'a11y/pdf-scan', line: 5 }]);
  });
});
