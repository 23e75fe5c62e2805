import type { Html, Link, Definition } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ChecksConfig } from '../../config/periksa.ts';
import type { Problem } from '../../errors/problem.ts';
import { readRuleData } from '../data.ts';
import { locateField, parseCheckDocument, type CheckDocument } from '../document.ts';
import { asRecord, asText, isInsideFolder, resolveReference } from '../references.ts';
import { findHtmlTags } from '../html.ts';
import type { RuleFamily, RuleFinding, RuleInfo } from '../rule.ts';
import { makeLocator, nodeStart } from '../text-position.ts';

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
] as const satisfies readonly RuleInfo[];

const IFRAME_HOSTS = new Set(readRuleData<{ hosts: string[] }>('iframe-hosts.yml').hosts);
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
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'];
const SVG_ACTIVE_CONTENT = /<script\b|\son[a-z]+\s*=|javascript:|<foreignObject\b/i;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
// ZERO WIDTH JOINER (U+200D) is left alone: emoji sequences need it.
const INVISIBLE = /[\u200B\u200C\u2060\u180E]|(?<!^)\uFEFF/g;

/** Reads a repository-relative file; undefined when it does not exist. */
type ReadFile = (path: string) => Promise<Uint8Array | undefined>;

export const securityRules: RuleFamily = {
  rules: SECURITY_RULES,
  check: (doc, env) => findSecurityIssues(doc, env.readFile),
};

async function findSecurityIssues(doc: CheckDocument, readFile: ReadFile): Promise<RuleFinding[]> {
  return [...checkMdx(doc), ...checkHtml(doc), ...checkLinks(doc), ...checkCharacters(doc), ...(await checkSvgImages(doc, readFile))];
}

/**
 * SVG pictures the item shows. The site publishes them as they are, on the office's own
 * address: inside <img> their scripts do not run, but opened directly (a visitor following the
 * picture's link) they run with the official site's origin.
 */
async function checkSvgImages(doc: CheckDocument, readFile: ReadFile): Promise<RuleFinding[]> {
  const references: { ref: string; at: { line: number; column: number } }[] = [];
  const picture = asText(asRecord(doc.data.gambar)?.src);
  if (picture) references.push({ ref: picture, at: locateField(doc, ['gambar', 'src']) });
  if (Array.isArray(doc.data.foto)) {
    doc.data.foto.forEach((photo, index) => {
      const src = asText(asRecord(photo)?.src);
      if (src) references.push({ ref: src, at: locateField(doc, ['foto', index, 'src']) });
    });
  }
  visit(doc.tree, 'image', (node) => {
    references.push({ ref: node.url, at: nodeStart(node) });
  });
  const findings: RuleFinding[] = [];
  for (const { ref, at } of references) {
    const path = resolveReference(doc, ref);
    if (path === undefined || !/\.svgz?$/i.test(path) || !isInsideFolder(doc, path)) continue;
    const bytes = await readFile(path);
    if (bytes === undefined || !SVG_ACTIVE_CONTENT.test(new TextDecoder().decode(bytes))) continue;
    findings.push({ rule: 'security/script', ...at, message: `gambar SVG "${ref}" berisi skrip (\`<script>\`, atribut \`on…=\`, \`javascript:\` atau \`<foreignObject>\`), yang berjalan di alamat situs resmi bila berkasnya dibuka langsung.`, suggestion: 'simpan ulang gambarnya sebagai PNG atau JPG, atau bersihkan SVG-nya dari skrip.' });
  }
  return findings;
}

/**
 * The security errors of one content file, as problems that stop the site build. Raw HTML in
 * Markdown reaches the pages as it is, so what a merged pull request slipped past the checks
 * (the approval status does not wait for them) must not reach visitors. The office's
 * `periksa.aturan` decides the severity here as in `tayang periksa`.
 */
export async function findUnsafeContent(file: string, text: string, readFile: ReadFile, checks?: ChecksConfig): Promise<Problem[]> {
  const blocking = new Set<string>(SECURITY_RULES.filter((rule) => (checks?.aturan[rule.id] ?? rule.severity) === 'error').map((rule) => rule.id));
  return (await findSecurityIssues(parseCheckDocument(file, text), readFile))
    .filter((finding) => blocking.has(finding.rule))
    .map((finding) => ({ file, line: finding.line, column: finding.column, message: `${finding.rule}: ${finding.message}`, ...(finding.suggestion === undefined ? {} : { fix: finding.suggestion }) }));
}

function checkMdx(doc: CheckDocument): RuleFinding[] {
  if (!/\.mdx$/i.test(doc.file)) return [];
  return [{ rule: 'security/mdx', line: 1, column: 1, message: 'naskah MDX tidak diterima: `import`, `export` dan `{…}` di dalamnya dijalankan sebagai program saat situs dibangun, di mesin yang memegang token penerbitan.', suggestion: 'ganti nama berkasnya menjadi index.md dan tulis isinya dengan Markdown biasa.' }];
}

function checkHtml(doc: CheckDocument): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const locate = makeLocator(doc.text);
  visit(doc.tree, 'html', (node: Html) => {
    const base = node.position?.start.offset ?? 0;
    for (const tag of findHtmlTags(node.value)) {
      const at = locate(base + tag.offset);
      if (SCRIPT_TAGS.has(tag.name)) {
        findings.push({ rule: 'security/script', ...at, message: `tag \`<${tag.name}>\` dapat menjalankan kode di peramban setiap pengunjung situs.`, suggestion: 'hapus tag itu; tulis konten dengan Markdown.' });
        continue;
      }
      const harm = PAGE_ALTERING_TAGS.get(tag.name);
      if (harm !== undefined) {
        findings.push({ rule: 'security/script', ...at, message: `tag \`<${tag.name}>\` tidak diizinkan di konten: tag ini dapat ${harm}.`, suggestion: 'hapus tag itu; tulis konten dengan Markdown, dan untuk formulir tulis tautan ke layanan resmi.' });
        continue;
      }
      for (const [name, value] of tag.attributes) {
        if (name === 'srcdoc') {
          // srcdoc wins over src (an allowed YouTube address) and its page shares the site's origin.
          findings.push({ rule: 'security/script', ...at, message: `atribut \`srcdoc\` pada \`<${tag.name}>\` memuat halaman HTML buatan sendiri, termasuk skripnya, di dalam situs resmi.`, suggestion: 'hapus atribut `srcdoc`; sematkan video dengan `src` dari youtube-nocookie.com saja.' });
        } else if (/^on[a-z]+$/.test(name)) {
          findings.push({ rule: 'security/script', ...at, message: `atribut \`${name}\` pada \`<${tag.name}>\` menjalankan kode di peramban pengunjung.`, suggestion: `hapus atribut \`${name}\`.` });
        } else if (URL_ATTRIBUTES.includes(name) && typeof value === 'string' && isScriptUrl(value)) {
          findings.push({ rule: 'security/script', ...at, message: `alamat \`${name}="${value.slice(0, 40)}"\` menjalankan kode di peramban pengunjung.`, suggestion: 'ganti dengan alamat web biasa (https://…).' });
        }
      }
      if (tag.name === 'iframe') {
        const src = tag.attributes.get('src');
        const host = typeof src === 'string' ? hostOf(src) : undefined;
        if (host === undefined || !IFRAME_HOSTS.has(host)) {
          findings.push({ rule: 'security/iframe', ...at, message: `sematan \`<iframe>\` dari ${host ?? 'sumber yang tidak jelas'} tidak diizinkan: halaman situs lain akan berjalan di dalam situs resmi kantor.`, suggestion: 'sematkan video dari youtube-nocookie.com, atau tulis tautan biasa ke sumber itu.' });
        }
      }
    }
  });
  return findings;
}

function checkLinks(doc: CheckDocument): RuleFinding[] {
  const findings: RuleFinding[] = [];
  visit(doc.tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const url = (node as Link | Definition).url;
    if (isScriptUrl(url)) {
      findings.push({ rule: 'security/script', ...nodeStart(node), message: `tautan \`${url.slice(0, 40)}\` menjalankan kode di peramban pengunjung, bukan membuka halaman.`, suggestion: 'ganti dengan alamat web biasa (https://…).' });
    }
  });
  return findings;
}

function checkCharacters(doc: CheckDocument): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const locate = makeLocator(doc.text);
  for (const match of doc.text.matchAll(BIDI)) {
    findings.push({ rule: 'security/bidi-control', ...locate(match.index), message: `karakter pengendali arah teks ${codePoint(match[0])} membuat teks tampil berbeda dari isinya yang sebenarnya.`, suggestion: 'hapus karakter itu (tidak terlihat di penyunting biasa; cari dengan kode U+' + match[0].codePointAt(0)!.toString(16).toUpperCase() + ').' });
  }
  for (const match of doc.text.matchAll(INVISIBLE)) {
    findings.push({ rule: 'security/invisible-char', ...locate(match.index), message: `karakter tak terlihat ${codePoint(match[0])} memecah kata, sehingga pencarian dan pembaca layar keliru.`, suggestion: 'hapus karakter itu.' });
  }
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

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
