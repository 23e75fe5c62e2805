import { describe, expect, it } from 'vitest';
import { ChecksConfigSchema } from '../config/periksa.ts';
import { parseConfig } from '../config/load.ts';
import { parseCheckDocument } from './document.ts';
import { checkDocument, checkFiles, listRules, resolveSettings, type LanguageModule } from './run.ts';
import { memoryEnv, ruleIds } from './testing.ts';
import { LANGUAGE_RULES } from './language/rules.ts';

const rules = listRules();
const doc = () => parseCheckDocument('docs/contoh.md', 'Hubungi 0812-3456-7890.\n\n[klik di sini](https://a.go.id)\n');

describe('office settings (periksa:)', () => {
  it('changes a rule’s severity and switches rules off', async () => {
    const config = ChecksConfigSchema.parse({ aturan: { 'privacy/phone': 'error', 'a11y/link-text': 'off' } });
    const settings = resolveSettings(config, rules);
    expect(settings.ok).toBe(true);
    if (!settings.ok) return;
    const { findings } = await checkDocument(doc(), memoryEnv(), settings.value);
    expect(findings).toMatchObject([{ rule: 'privacy/phone', severity: 'error' }]);
    expect(settings.value.language.disabledRules).toEqual(['a11y/link-text']);
  });

  it('reports an unknown rule id with the list of rules, at its line in the config', () => {
    const config = ChecksConfigSchema.parse({ aturan: { 'privacy/nikk': 'off' } });
    const settings = resolveSettings(config, rules, 'tayang.config.yml', () => 12);
    expect(settings.ok).toBe(false);
    if (settings.ok) return;
    expect(settings.problems).toMatchObject([{ file: 'tayang.config.yml', line: 12, field: 'periksa.aturan.privacy/nikk' }]);
    expect(settings.problems[0]!.fix).toContain('privacy/nik');
  });

  it.each([
    ['privacy/nikk', ['privacy/nik']],
    ['a11y/link-txt', ['a11y/link-text']],
    // Offices think in Indonesian: the name is matched against the rules' Indonesian titles.
    ['language/ejaan', ['language/spelling']],
    ['language/kata-baku', ['language/standard-word']],
    ['language/kapital', ['language/capitalization']],
  ])('names the rules most likely meant by "%s"', (id, expected) => {
    const all = listRules({ LANGUAGE_RULES } as unknown as LanguageModule);
    const settings = resolveSettings(ChecksConfigSchema.parse({ aturan: { [id]: 'off' } }), all);
    expect(settings.ok).toBe(false);
    if (settings.ok) return;
    const meant = [...settings.problems[0]!.fix!.matchAll(/([a-z0-9]+\/[a-z0-9/-]+) \(/g)].map((match) => match[1]);
    expect(meant).toEqual(expected);
    expect(settings.problems[0]!.fix).toMatch(/^mungkin maksudnya: /);
  });

  it('falls back to the rules of the same group when nothing is close', () => {
    const settings = resolveSettings(ChecksConfigSchema.parse({ aturan: { 'news/lengkap': 'off' } }), rules);
    expect(!settings.ok && settings.problems[0]!.fix).toContain('news/5w1h (Berita tanpa unsur 5W+1H di teras berita)');
  });

  it('rejects a badly written setting in tayang.config.yml with an Indonesian message', () => {
    const base = 'kantor: { nama: K, induk: P, alamat: A, situs: "https://k.go.id" }\nsop: { nomor: "1", nama: S, tanggal_efektif: 2025-01-01, disahkan_oleh: Camat }\nperan: { ppid: { nama: PPID } }\nalur: [{ id: a, nama: A, jenis: ["*"], tahap: [{ id: v, nama: V, peran: ppid }] }]\n';
    const bad = parseConfig(`${base}periksa:\n  aturan:\n    privacy/nik: mati\n  kata_tambahan: Jenawi\n`);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => [p.field, p.line])).toEqual([
      ['periksa.aturan.privacy/nik', 7],
      ['periksa.kata_tambahan', 8],
    ]);
    expect(bad.problems[0]!.fix).toContain('error, warning, off');
    const group = parseConfig(`${base}periksa:\n  aturan:\n    bahasa/ejaan: off\n`);
    expect(!group.ok && group.problems).toMatchObject([{ field: 'periksa.aturan.bahasa/ejaan', line: 7 }]);
    expect(!group.ok && group.problems[0]!.message).toContain('language (bahasa)');
    const good = parseConfig(`${base}periksa:\n  kata_baku_tambahan: { ijin: izin }\n`);
    expect(good.ok && good.value.periksa).toEqual({ aturan: {}, kata_tambahan: [], kata_baku_tambahan: { ijin: 'izin' }, batas_piksel_gambar: 40_000_000 });
  });
});

describe('language rules through their contract', () => {
  const fake: LanguageModule = {
    LANGUAGE_RULES: [{ id: 'language/kata-baku', severity: 'error', title: 'Kata tidak baku', help: 'Tulis kata baku menurut KBBI.' }],
    checkLanguage: (tree, ctx, options) => [
      { file: ctx.file, line: tree.children[0]!.position!.start.line + ctx.lineOffset, column: 1, rule: 'language/kata-baku', severity: 'error', message: `kata-kata: ${options.extraWords.join(',')}` },
    ],
    measureReadability: () => ({ words: 2 }),
    describeReadability: (figure: { words: number }) => `Keterbacaan (panduan): ${figure.words} kata.`,
  };

  it('passes the office word lists, lets the office lower the severity, and keeps the readability figure', async () => {
    const config = ChecksConfigSchema.parse({ aturan: { 'language/kata-baku': 'warning' }, kata_tambahan: ['Jenawi'] });
    const all = listRules(fake);
    expect(all.map((r) => r.id)).toContain('language/kata-baku');
    const settings = resolveSettings(config, all);
    if (!settings.ok) throw new Error('settings');
    const text = '---\njudul: A\n---\n\nIjin keramaian.\n';
    const result = await checkDocument(parseCheckDocument('docs/a.md', text), memoryEnv(), settings.value, fake);
    expect(result.findings).toEqual([{ file: 'docs/a.md', line: 5, column: 1, rule: 'language/kata-baku', severity: 'warning', message: 'kata-kata: Jenawi' }]);
    expect(result.readability).toBe('Keterbacaan (panduan): 2 kata.');
  });

  it('takes more findings than a function call takes arguments (a long text of repeated words)', async () => {
    const many: LanguageModule = { ...fake, checkLanguage: (_tree, ctx) => Array.from({ length: 300_000 }, (_, i) => ({ file: ctx.file, line: 5, column: i + 1, rule: 'language/kata-baku', severity: 'error' as const, message: 'x' })) };
    const settings = resolveSettings(undefined, listRules(many));
    if (!settings.ok) throw new Error('settings');
    const run = await checkFiles(['a.md'], memoryEnv({ 'a.md': 'Ijin.\n' }), settings.value, many);
    expect(run.ok && run.value.findings).toHaveLength(300_000);
  });
});

describe('checkFiles', () => {
  it('sorts findings by file and line, and reports an unreadable file as a problem', async () => {
    const settings = resolveSettings(undefined, rules);
    if (!settings.ok) throw new Error('settings');
    const env = memoryEnv({ 'b.md': 'Ke 0812-3456-7890.\n', 'a.md': '[link](https://x.go.id)\n\nKe 0812-3456-7890.\n' });
    const run = await checkFiles(['b.md', 'a.md'], env, settings.value);
    expect(run.ok && run.value.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['a.md:1', 'a.md:3', 'b.md:1']);
    const missing = await checkFiles(['hilang.md'], env, settings.value);
    expect(missing.ok).toBe(false);
  });

  it('reports a text nested thousands deep as a problem of that file, not a crash', async () => {
    const settings = resolveSettings(undefined, rules);
    if (!settings.ok) throw new Error('settings');
    const run = await checkFiles(['a.md', 'b.md'], memoryEnv({ 'a.md': `${'>'.repeat(50000)} teks\n`, 'b.md': `Daftar:\n\n${'- '.repeat(5000)}teks\n` }), settings.value);
    expect(run).toEqual({ ok: false, problems: ['a.md', 'b.md'].map((file) => expect.objectContaining({ file, message: expect.stringContaining('bersarang terlalu dalam') })) });
  });

  it('refuses a Markdown file over 256 KB before reading it, saying its size and how to split it', async () => {
    const settings = resolveSettings(undefined, rules);
    if (!settings.ok) throw new Error('settings');
    const paragraph = 'Warga Desa Anggrasmanis bergotong royong membersihkan saluran air. ';
    const huge = paragraph.repeat(Math.ceil(600_000 / paragraph.length));
    const started = Date.now();
    const run = await checkFiles(['besar.md', 'cukup.md'], memoryEnv({ 'besar.md': huge, 'cukup.md': huge.slice(0, 256 * 1024) }), settings.value);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run).toEqual({
      ok: false,
      problems: [
        {
          file: 'besar.md',
          message: 'naskah ini berukuran 586 KB, melebihi batas 256 KB untuk satu item; naskah sebesar ini membuat pemeriksaan dan pembangunan situs macet.',
          fix: 'pecah naskahnya menjadi beberapa item, dan simpan data atau tabel yang panjang sebagai lampiran CSV atau PDF di folder item.',
        },
      ],
    });
  });

  it('reports a binary file named .md as one problem instead of checking its bytes as prose', async () => {
    const settings = resolveSettings(undefined, rules);
    if (!settings.ok) throw new Error('settings');
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    const withNul = new TextEncoder().encode('---\njudul: Uji\n---\n\u0000\u0000Isi.\n');
    for (const bytes of [jpeg, withNul]) {
      const run = await checkFiles(['content/berita/foto/index.md'], memoryEnv({ 'content/berita/foto/index.md': bytes }), settings.value);
      expect(run).toEqual({ ok: false, problems: [expect.objectContaining({ file: 'content/berita/foto/index.md', message: 'berkas ini bukan teks Markdown (berisi data biner atau bukan UTF-8), jadi tidak bisa dibaca.' })] });
    }
  });
});

describe('exceptions an item grants itself (periksa.abaikan)', () => {
  const FILE = 'content/artikel/penerima/index.md';
  const item = (abaikan: string) =>
    `---\njudul: Penerima Bantuan\ntanggal: 2026-03-02\nringkasan: Daftar penerima bantuan.\npenulis: Admin Website\nperiksa:\n  abaikan:\n${abaikan}---\n\nPenerima: Sutarmi (NIK 3313014506800001), hubungi 0812-3456-7890.\n`;
  const run = async (text: string) => {
    const settings = resolveSettings(undefined, rules);
    if (!settings.ok) throw new Error('settings');
    return checkDocument(parseCheckDocument(FILE, text), memoryEnv(), settings.value);
  };

  it('moves the findings of a waived privacy rule to `waived`, with the reason, and keeps the others', async () => {
    const result = await run(item('    - aturan: privacy/nik\n      alasan: Penerima wajib diumumkan menurut musyawarah desa khusus.\n'));
    expect(ruleIds(result.findings)).toEqual(['privacy/phone']);
    expect(result.waived).toMatchObject([{ file: FILE, line: 12, rule: 'privacy/nik', severity: 'error', reason: 'Penerima wajib diumumkan menurut musyawarah desa khusus.' }]);
  });

  it('waives nothing without a reason, and never a rule outside privacy/…', async () => {
    const result = await run(item('    - aturan: privacy/nik\n    - aturan: security/script\n      alasan: Skrip penghitung pengunjung.\n'));
    expect(result.waived).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['schema/frontmatter', 8, 'kolom `periksa.abaikan.0.alasan`: wajib diisi, tetapi tidak ada.'],
      ['schema/frontmatter', 9, expect.stringContaining('hanya aturan data pribadi (privacy/…)')],
      ['privacy/nik', 13, expect.any(String)],
      ['privacy/phone', 13, expect.any(String)],
    ]);
  });

  it('names the rule most likely meant by an unknown privacy rule, which waives nothing', async () => {
    const result = await run(item('    - aturan: privacy/nikk\n      alasan: Penerima wajib diumumkan.\n'));
    expect(result.waived).toEqual([]);
    expect(result.findings[0]).toMatchObject({ rule: 'schema/frontmatter', line: 8, message: 'kolom `periksa.abaikan.0.aturan`: aturan "privacy/nikk" tidak dikenal, jadi pengecualian ini tidak berlaku.', suggestion: expect.stringContaining('mungkin maksudnya: privacy/nik (') });
  });
});
