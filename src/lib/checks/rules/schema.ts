import { fileLinksOfTree } from '../../content/item-files.ts';
import { parseItemDocument } from '../../content/load.ts';
import { describeUnsafePath } from '../../content/schema.ts';
import type { Problem } from '../../errors/problem.ts';
import type { CheckDocument } from '../document.ts';
import type { RuleFamily, RuleFinding, RuleInfo } from '../rule.ts';
import { findUnknownWaivedRules } from '../waivers.ts';

/**
 * The content schema, through the content loader itself (src/lib/content/load.ts), so that
 * `tayang periksa` and the build say the same words about the same mistake.
 */
export const SCHEMA_RULES = [
  {
    id: 'schema/frontmatter',
    severity: 'error',
    title: 'Frontmatter tidak sesuai skema konten',
    help: 'Data item di antara dua baris `---` harus lengkap dan benar menurut jenisnya (lihat docs/menulis-konten.md); situs tidak dapat dibangun bila ada yang salah. Pesan menyebut kolom dan cara memperbaikinya.',
  },
  {
    id: 'schema/file-reference',
    severity: 'error',
    title: 'Berkas yang dirujuk tidak ada, di luar folder item, atau bukan gambar yang bisa diterbitkan',
    help: 'Gambar, lampiran, takarir dan berkas lain yang disebut di frontmatter, juga gambar di isi (`![…](peta.jpg)`) dan berkas yang ditautkan dari isi (`[formulir (PDF)](formulir.pdf)`, berformat .pdf, .docx, .xlsx, .odt, .ods, .csv, .jpg atau .png), harus ada di folder item itu sendiri (bukan `../`, bukan tautan simbolik), karena satu item dipindahkan dan diterbitkan sebagai satu folder. Gambar harus benar-benar JPG, PNG, WebP, AVIF atau GIF, utuh, dan tidak lebih besar dari `periksa.batas_piksel_gambar` (bawaan 40 megapiksel); SVG tidak diterima, juga di `<img>`, karena dapat memuat skrip yang berjalan di alamat situs resmi.',
  },
  {
    id: 'schema/exempt',
    severity: 'error',
    title: 'Informasi yang dikecualikan',
    help: 'Informasi berklasifikasi `dikecualikan` (UU 14/2008 tentang Keterbukaan Informasi Publik, Pasal 17) tidak boleh diterbitkan dan tidak boleh ada di repositori situs. Hapus itemnya.',
  },
] as const satisfies readonly RuleInfo[];

const FILE_FIELDS = new Set(['gambar.src', 'berkas', 'takarir']);

export const schemaRules: RuleFamily = {
  rules: SCHEMA_RULES,
  async check(doc, env) {
    // An index.mdx is refused by security/mdx; its schema is not read.
    if (doc.jenis === undefined || !/\/index\.md$/.test(doc.file)) return [];
    // In one round: the files named by fields the schema accepted are checked even when others are wrong.
    const parsed = parseItemDocument(doc, doc.jenis);
    const schema = parsed.problems.map((problem) => toFinding(problem, classify(doc, problem)));
    const files = (await env.readItemFileProblems(doc.file)).map((problem) => toFinding(problem, 'schema/file-reference'));
    // Links to files the site does not publish: dead links, reported here only (the build goes on).
    const deadLinks = parsed.files ? fileLinksOfTree(parsed.files.tree, 0).flatMap((link) => (link.kind === 'refused' ? [toFinding({ file: doc.file, line: link.line, message: link.message, fix: link.fix }, 'schema/file-reference')] : [])) : [];
    return [...schema, ...findUnknownWaivedRules(doc), ...files, ...deadLinks];
  },
};

function classify(doc: CheckDocument, problem: Problem): string {
  const field = problem.field ?? '';
  if (field === 'klasifikasi' && doc.data.klasifikasi === 'dikecualikan') return 'schema/exempt';
  const isFileField = FILE_FIELDS.has(field) || /^(foto\.\d+\.src|lampiran\.\d+\.berkas)$/.test(field);
  const value = valueAt(doc.data, field.split('.'));
  if (isFileField && typeof value === 'string' && describeUnsafePath(value) !== undefined) return 'schema/file-reference';
  return 'schema/frontmatter';
}

function valueAt(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

function toFinding(problem: Problem, rule: string): RuleFinding {
  return {
    rule,
    line: problem.line ?? 1,
    column: problem.column ?? 1,
    message: problem.field ? `kolom \`${problem.field}\`: ${problem.message}` : problem.message,
    suggestion: problem.fix,
  };
}
