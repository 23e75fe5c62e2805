import { describe, expect, it } from 'vitest';
import { parseCheckDocument } from '../document.ts';
import { checkLanguage, type LanguageOptions } from './index.ts';

const NO_OPTIONS: LanguageOptions = { extraWords: [], extraStandardWords: {}, disabledRules: [] };

function check(markdown: string) {
  const doc = parseCheckDocument('content/berita/uji/index.md', markdown);
  return checkLanguage(doc.tree, { file: doc.file, lineOffset: 0, frontmatter: doc.frontmatterLocated && { located: doc.frontmatterLocated, fileText: doc.text } }, NO_OPTIONS);
}

/** "rule line:column word" for each finding, the word read at the finding's position in the file. */
function describeFindings(markdown: string): string[] {
  const lines = markdown.split('\n');
  return check(markdown).map((finding) => `${finding.rule} ${finding.line}:${finding.column} ${lines[finding.line - 1]!.slice(finding.column - 1).split(/[\s,.;:!?"]/)[0]}`);
}

describe('language rules on the frontmatter', () => {
  it('leaves broken YAML to schema/frontmatter instead of reading the keys an unclosed quote swallowed', () => {
    expect(describeFindings('---\njudul: "Warga Antre Izin\ngambar:\n  src: a.jpg\n  alt: Warga di loket.\ntag: []\n---\n\nIsi berita.\n')).toEqual([]);
  });

  it('checks the headline, summary, alt texts, captions and attachment titles at the line and column of the word', () => {
    const markdown = [
      '---',
      'judul: Warga Antre Ijin Keramaian',
      'tanggal: 2026-03-02',
      'ringkasan: Warga dihimbau mengurus izin sebelum acara.',
      'gambar:',
      '  src: a.jpg',
      '  alt: Petugas melayani warga dirumah kepala dusun.',
      'foto:',
      '  - src: b.jpg',
      '    alt: Warga mengantre di loket.',
      '    keterangan: Loket di buka pukul 08.00 WIB.',
      'lampiran:',
      '  - berkas: c.pdf',
      '    judul: Formulir Perijinan',
      '---',
      '',
      'Isi berita.',
      '',
    ].join('\n');
    expect(describeFindings(markdown)).toEqual([
      'language/standard-word 2:20 Ijin',
      'language/standard-word 4:18 dihimbau',
      'language/di-ke 7:31 dirumah',
      'language/di-ke 11:23 di',
      'language/standard-word 14:21 Perijinan',
    ]);
  });

  it('places words of quoted, folded and block values where the author wrote them', () => {
    const markdown = [
      '---',
      'judul: "Rapat \\"Koordinasi\\" Bahas Resiko Banjir"',
      'ringkasan: >-',
      '  Camat meminta warga',
      '  merubah kebiasaan membuang sampah.',
      'transkrip: |',
      '  Pencerita: Selamat pagi.',
      '',
      '  Pencerita: Warga dihimbau datang ke kantor kecamatan.',
      '---',
      '',
    ].join('\n');
    expect(describeFindings(markdown)).toEqual(['language/standard-word 2:36 Resiko', 'language/standard-word 5:3 merubah', 'language/standard-word 9:20 dihimbau']);
  });

  it('reads a headline in Title Case without capitalisation or name noise', () => {
    const titles = [
      'Camat Jenawi Tinjau Longsor yang Menutup Jalan di Desa Trengguli',
      // "Kareni" is one letter off the sentence opener "Karena": a name, since it does not open the headline.
      'Bidan Kareni Layani Imunisasi di Posyandu Mawar',
      'KPU Kabupaten Karanganyar Tetapkan DPT Pemilihan Bupati 2024',
      'Pemdes Balong Salurkan BLT Dana Desa Tahap III kepada 86 KPM',
    ];
    for (const title of titles) expect(check(`---\njudul: ${title}\n---\n\nIsi berita.\n`), title).toEqual([]);
  });

  it('still reads a typo in an institution word of a headline', () => {
    expect(describeFindings('---\njudul: Pemeritah Desa Balong Salurkan Bantuan\n---\n')).toEqual(['language/spelling 2:8 Pemeritah']);
  });

  it('leaves names, non-text values and a broken frontmatter alone', () => {
    expect(check('---\njudul: 2026\nnarasumber: [Sutarmi Ijin, Kepala Dusun]\nlokasi: Dusun Sumber\n---\n')).toEqual([]);
    expect(check('---\njudul: "tidak ditutup\n---\n')).toEqual([]);
  });
});
