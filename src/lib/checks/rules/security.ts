import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ChecksConfig } from '../../config/periksa.ts';
import type { Problem } from '../../errors/problem.ts';
import { locateField, type CheckDocument } from '../document.ts';
import { findingToProblem } from '../finding.ts';
import { isInsideFolder, resolveReference } from '../references.ts';
import { analyseContentHtml, CONTENT_HTML_SCHEMA, type RemovedHtml } from '../../content/html.ts';
import type { RuleFamily, RuleFinding, RuleInfo } from '../rule.ts';
import { makeLocator } from '../text-position.ts';
import { checkCharacters } from './characters.ts';

/** Content that could run code in a visitor's browser or hide what the text really says. */
export const SECURITY_RULES = [
  {
    id: 'security/script',
    severity: 'error',
    title: 'HTML yang dapat menjalankan skrip',
    help: 'Konten tidak boleh memuat `<script>`, atribut peristiwa seperti `onclick=`/`onerror=`, atau tautan `javascript:`: kode itu berjalan di peramban setiap pengunjung situs resmi (pencurian sesi, pengalihan ke situs palsu). Tulis konten dengan Markdown saja.',
  },
  {
    id: 'security/iframe',
    severity: 'error',
    title: 'Sematan (iframe) dari situs yang tidak diizinkan',
    help: 'Sematan `<iframe>` menampilkan halaman situs lain di dalam situs kantor; hanya YouTube (sebaiknya youtube-nocookie.com) yang diizinkan. Untuk sumber lain, tulis tautan biasa.',
  },
  {
    id: 'security/html',
    severity: 'error',
    title: 'HTML yang dibuang saat situs dibangun',
    help: 'Situs hanya menayangkan HTML dari daftar yang aman (judul, paragraf, daftar, tabel, tautan, gambar, `<details>`, `<abbr>`, `<figure>`, video YouTube). Tag atau atribut lain (misalnya `style=`, `<textarea>`, `<form>`) dibuang, sehingga halaman berbeda dari naskah yang disetujui, dan sebagian dapat menutupi atau menelan isi halaman. Tulis bagian itu dengan Markdown.',
  },
  {
    id: 'security/html-text',
    severity: 'warning',
    title: 'Teks yang tampak seperti tag HTML',
    help: 'Tulisan seperti `<img/src=…>` bukan tag HTML yang sah, jadi Markdown menampilkannya sebagai teks apa adanya, lengkap dengan tanda kurungnya. Hapus teks itu atau tulis bagian itu dengan Markdown.',
  },
  {
    id: 'security/mdx',
    severity: 'error',
    title: 'Naskah MDX (dapat menjalankan kode saat situs dibangun)',
    help: 'Berkas `.mdx` boleh memuat `import`, `export` dan ekspresi `{…}` yang dijalankan sebagai program saat situs dibangun, di mesin yang memegang token penerbitan. Naskah konten disetujui sebagai tulisan, bukan sebagai kode, jadi Tayang hanya menerima `index.md`. Ganti nama berkasnya menjadi `index.md` dan tulis isinya dengan Markdown biasa.',
  },
  {
    id: 'security/bidi-control',
    severity: 'error',
    title: 'Karakter pengendali arah teks (bidi)',
    help: 'Karakter U+202A–U+202E dan U+2066–U+2069 membalik urutan tampilan teks, sehingga yang terbaca berbeda dari yang tersimpan (serangan "Trojan Source", CVE-2021-42574). Hapus karakter itu; biasanya terbawa saat menyalin dari dokumen lain.',
  },
  {
    id: 'security/invisible-char',
    severity: 'warning',
    title: 'Karakter tak terlihat',
    help: 'Spasi lebar-nol (U+200B, U+200C, U+2060, U+FEFF di tengah teks) tidak terlihat, tetapi memecah kata: pencarian gagal dan pembaca layar tersendat. Hapus karakter itu; biasanya terbawa saat menyalin dari aplikasi lain.',
  },
  {
    id: 'security/control-char',
    severity: 'error',
    title: 'Karakter kendali',
    help: 'Karakter kendali (U+0000–U+001F selain tab dan ganti baris, U+007F, U+0080–U+009F) tidak terlihat dan tidak bermakna dalam tulisan, tetapi merusak berkas yang dibuat dari naskah: satu karakter itu di judul membuat umpan RSS situs tidak sah, sehingga aplikasi pembaca berita menolak seluruh umpan. Hapus karakter itu; biasanya terbawa saat menyalin dari aplikasi lain.',
  },
] as const satisfies readonly RuleInfo[];

const SCRIPT_TAGS = new Set(['script', 'object', 'embed', 'base', 'meta']);
// Not script, but as harmful on an official site: a form sends what citizens type (a NIK) to
// any address; a style sheet or frame can hide or replace what the page says.
const PAGE_ALTERING_TAGS: ReadonlyMap<string, string> = new Map([
  ['form', 'mengirim isian pengunjung (misalnya NIK) ke alamat mana pun'],
  ['style', 'mengubah tampilan seluruh halaman resmi, termasuk menyembunyikan isinya'],
  ['link', 'memuat gaya tampilan atau berkas dari situs lain ke halaman resmi'],
  ['frame', 'menampilkan halaman situs lain di dalam situs resmi'],
  ['frameset', 'menampilkan halaman situs lain di dalam situs resmi'],
]);
// `<img/src=…>`, `<svg/onload=…>`: a tag name right after `<`, then `/` or a character no real
// tag would have there, so Markdown did not take it as HTML.
const TAG_LIKE_TEXT = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?=[\s/>=`])/g;

export const securityRules: RuleFamily = {
  rules: SECURITY_RULES,
  check: (doc) => findSecurityIssues(doc),
};

function findSecurityIssues(doc: CheckDocument): RuleFinding[] {
  const html = checkHtml(doc);
  return [...html.removed, ...html.outsideItem, ...checkTagsShownAsText(doc), ...checkTagsInFields(doc), ...findUnrepairable(doc)];
}

function findUnrepairable(doc: CheckDocument): RuleFinding[] {
  return [...checkMdx(doc), ...checkCharacters(doc)];
}

export interface UnsafeContent {
  /** Errors the build cannot repair (bidi and control characters, MDX): they stop the build. */
  blocking: Problem[];
  /** HTML the sanitiser removes from the page: the build goes on and says what it removed. */
  removedFromPage: Problem[];
}

/**
 * The security errors of one content file as the site build sees them. A merged pull request
 * may have slipped past the checks (the office's `periksa.aturan` decides severities here as in
 * `tayang periksa`): raw HTML is sanitised on its way to the page, so it does not stop the site
 * from updating; what sanitising cannot repair does.
 */
export function findUnsafeContent(doc: CheckDocument, checks?: ChecksConfig): UnsafeContent {
  const isError = (finding: RuleFinding) => (checks?.aturan[finding.rule] ?? SECURITY_RULES.find((rule) => rule.id === finding.rule)?.severity) === 'error';
  const asProblem = (finding: RuleFinding) => findingToProblem(doc.file, finding);
  return {
    blocking: findUnrepairable(doc).filter(isError).map(asProblem),
    removedFromPage: checkHtml(doc).removed.filter(isError).map(asProblem),
  };
}

function checkMdx(doc: CheckDocument): RuleFinding[] {
  if (!/\.mdx$/i.test(doc.file)) return [];
  return [{ rule: 'security/mdx', line: 1, column: 1, message: 'naskah MDX tidak diterima: `import`, `export` dan `{…}` di dalamnya dijalankan sebagai program saat situs dibangun, di mesin yang memegang token penerbitan.', suggestion: 'ganti nama berkasnya menjadi index.md dan tulis isinya dengan Markdown biasa.' }];
}

/**
 * Raw HTML as the site publishes it: everything the sanitiser removes (src/lib/content/html.ts)
 * is reported where it is written, so what the officials approve is what the page shows. Also
 * Markdown links and pictures, whose addresses go through the same allowlist.
 */
function checkHtml(doc: CheckDocument): { removed: RuleFinding[]; outsideItem: RuleFinding[] } {
  const locate = makeLocator(doc.text);
  const { removed, addresses } = analyseContentHtml(doc.tree, doc.text);
  const outsideItem: RuleFinding[] = [];
  for (const address of addresses) {
    const path = resolveReference(doc, address.value);
    if (path === undefined || isInsideFolder(doc, path)) continue;
    outsideItem.push({ rule: 'security/html', ...locate(address.offset), message: `alamat \`${address.name}="${address.value}"\` pada \`<${address.tagName}>\` menunjuk berkas di luar folder naskah ini; berkas repositori di luar folder item tidak pernah ikut diterbitkan.`, suggestion: 'simpan berkasnya di folder naskah ini dan tulis gambar dengan Markdown: `![keterangan](nama-berkas.jpg)`.' });
  }
  return { removed: removed.map((r) => ({ ...locate(r.offset), ...describeRemoved(r) })), outsideItem };
}

type Described = Pick<RuleFinding, 'rule' | 'message' | 'suggestion'>;

function describeRemoved(removed: RemovedHtml): Described {
  if (removed.kind === 'attribute') return describeRemovedAttribute(removed.tagName, removed.name, removed.value);
  if (removed.kind === 'swallowed') {
    const what = removed.tagName === 'iframe' ? 'sematan `<iframe>` tanpa `</iframe>`' : 'komentar HTML `<!--` tanpa `-->`';
    return { rule: 'security/html', message: `${what}: seluruh naskah sesudahnya tertelan dan tidak tampil di halaman.`, suggestion: removed.tagName === 'iframe' ? 'tutup sematannya dengan `</iframe>` tepat sesudah tag pembukanya.' : 'tutup komentarnya dengan `-->`, atau hapus `<!--`.' };
  }
  const { tagName, attributes } = removed;
  const runsScript = SCRIPT_TAGS.has(tagName) || [...attributes].some(([name, value]) => isScriptAttribute(name, value));
  if (runsScript) {
    return { rule: 'security/script', message: `tag \`<${tagName}>\` dapat menjalankan kode di peramban setiap pengunjung situs; situs membuangnya.`, suggestion: 'hapus tag itu; tulis konten dengan Markdown.' };
  }
  const harm = PAGE_ALTERING_TAGS.get(tagName);
  if (harm !== undefined) {
    return { rule: 'security/html', message: `tag \`<${tagName}>\` tidak diizinkan di konten: tag ini dapat ${harm}. Situs membuangnya.`, suggestion: 'hapus tag itu; tulis konten dengan Markdown, dan untuk formulir tulis tautan ke layanan resmi.' };
  }
  const withContent = CONTENT_HTML_SCHEMA.strip?.includes(tagName) === true;
  return {
    rule: 'security/html',
    message: `tag \`<${tagName}>\` tidak termasuk HTML yang diizinkan; situs membuangnya${withContent ? ' beserta seluruh isinya' : ' (teks di dalamnya tetap tampil)'}, jadi halaman tidak sama dengan naskah yang disetujui.`,
    suggestion: 'tulis bagian itu dengan Markdown (judul, daftar, tabel, tautan, gambar) atau tag yang diizinkan seperti `<details>`, `<abbr>`, `<figure>`.',
  };
}

function describeRemovedAttribute(tagName: string, name: string, value: string): Described {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (name === 'srcdoc') {
    // srcdoc wins over src (an allowed YouTube address) and its page shares the site's origin.
    return { rule: 'security/script', message: `atribut \`srcdoc\` pada \`<${tagName}>\` memuat halaman HTML buatan sendiri, termasuk skripnya, di dalam situs resmi.`, suggestion: 'hapus atribut `srcdoc`; sematkan video dengan `src` dari youtube-nocookie.com saja.' };
  }
  if (/^on/.test(name)) {
    return { rule: 'security/script', message: `atribut \`${name}\` pada \`<${tagName}>\` menjalankan kode di peramban pengunjung.`, suggestion: `hapus atribut \`${name}\`.` };
  }
  if (isScriptUrl(value)) {
    return { rule: 'security/script', message: `alamat \`${name}="${shown}"\` menjalankan kode di peramban pengunjung.`, suggestion: 'ganti dengan alamat web biasa (https://…).' };
  }
  if (tagName === 'iframe' && name === 'src') {
    return { rule: 'security/iframe', message: `sematan \`<iframe>\` dari ${hostOf(value) ?? 'sumber yang tidak jelas'} tidak diizinkan: halaman situs lain akan berjalan di dalam situs resmi kantor. Situs membuang alamatnya.`, suggestion: 'sematkan video dari youtube-nocookie.com dengan alamat https://www.youtube-nocookie.com/embed/…, atau tulis tautan biasa ke sumber itu.' };
  }
  if (name === 'style') {
    return { rule: 'security/html', message: `atribut \`style\` pada \`<${tagName}>\` dapat menutupi atau menyembunyikan isi halaman resmi; situs membuangnya.`, suggestion: 'hapus atribut `style`; tampilan situs diatur oleh situs itu sendiri.' };
  }
  if (['href', 'src', 'cite', 'longdesc'].includes(name)) {
    return { rule: 'security/html', message: `alamat \`${name}="${shown}"\` tidak diterima (hanya alamat web https://, http://, mailto: atau berkas di folder naskah); situs membuangnya.`, suggestion: 'tulis alamat web lengkap (https://…) atau nama berkas di folder naskah ini.' };
  }
  return { rule: 'security/html', message: `atribut \`${name}\` pada \`<${tagName}>\` tidak diizinkan; situs membuangnya.`, suggestion: `hapus atribut \`${name}\`.` };
}

/** Frontmatter is text on the page (titles, summaries, captions): a tag written there shows as written. */
function checkTagsInFields(doc: CheckDocument): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const visitValue = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const tag = new RegExp(TAG_LIKE_TEXT.source).exec(value);
      if (tag !== null) findings.push({ rule: 'security/html-text', ...locateField(doc, path), message: `kolom \`${path.join('.')}\` memuat \`${tag[0]}…\`: isian ini tampil sebagai teks biasa, jadi tag HTML di dalamnya terbaca apa adanya.`, suggestion: 'hapus tag itu dari isian; tulis teks biasa.' });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visitValue(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visitValue(item, [...path, key]);
    }
  };
  visitValue(doc.data, []);
  return findings;
}

function isScriptAttribute(name: string, value: string): boolean {
  return /^on/.test(name) || name === 'srcdoc' || isScriptUrl(value);
}

/**
 * Text that looks like an HTML tag but is not one (`<img/src=x>`, a tag with a backtick) shows
 * on the page as written, characters and all: not harmful, but not what the author meant.
 */
function checkTagsShownAsText(doc: CheckDocument): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const locate = makeLocator(doc.text);
  visit(doc.tree, 'text', (node: Text) => {
    const base = node.position?.start.offset;
    if (base === undefined) return;
    // The text node's value has entities decoded; search the written source of the node.
    const source = doc.text.slice(base, node.position!.end.offset);
    for (const match of source.matchAll(TAG_LIKE_TEXT)) {
      findings.push({ rule: 'security/html-text', ...locate(base + match.index), message: `\`${match[0]}…\` tampak seperti tag HTML, tetapi penulisannya tidak sah, jadi tampil di halaman sebagai teks apa adanya.`, suggestion: 'hapus teks itu, atau tulis bagian itu dengan Markdown.' });
    }
  });
  return findings;
}

/** `javascript:`, `vbscript:` and `data:text/html` URLs, however they are spaced or cased. */
function isScriptUrl(url: string): boolean {
  // Browsers decode character references in attribute values ("&#x6A;avascript:") and ignore
  // control characters and whitespace inside the scheme ("java\tscript:").
  const compact = decodeCharacterReferences(url).replace(/[\u0000-\u0020]+/g, '').toLowerCase();
  return /^(javascript|vbscript):/.test(compact) || /^data:text\/html/.test(compact);
}

/** Numeric character references and the named ones a scheme can be spelled with (`&colon;`, `&Tab;`). */
function decodeCharacterReferences(text: string): string {
  const named: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', nbsp: ' ', amp: '&' };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (reference, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return named[name.toLowerCase()] ?? reference;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}

function hostOf(src: string): string | undefined {
  try {
    return new URL(src.startsWith('//') ? `https:${src}` : src).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
