import type { Element } from 'hast';
import type { Heading, Image, Link, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { readRuleData } from '../data.ts';
import { locateField, type CheckDocument } from '../document.ts';
import { descendants, findWrittenElements } from '../../content/html.ts';
import { detectPdfTextLayer } from '../pdf-text.ts';
import { asRecord, asText, resolveReference } from '../references.ts';
import type { CheckEnv, RuleFamily, RuleFinding, RuleInfo } from '../rule.ts';
import { makeLocator, nodeStart } from '../text-position.ts';
import { looksIndonesian, parseWebVtt } from '../webvtt.ts';

/** Accessibility at the source: what a screen reader, a deaf visitor or a keyboard user needs. */
export const A11Y_RULES = [
  {
    id: 'a11y/image-alt',
    severity: 'error',
    title: 'Gambar tanpa teks alternatif',
    help: 'Setiap gambar perlu teks alternatif (`alt`) yang menjelaskan isinya, karena pembaca layar membacakan teks itu kepada tunanetra (WCAG 2.2 SK 1.1.1 Konten Nonteks; Perki 1/2021 Pasal 24). Tulis apa yang terlihat dan penting: siapa, sedang apa, di mana.',
  },
  {
    id: 'a11y/image-alt-quality',
    severity: 'error',
    title: 'Teks alternatif berupa nama berkas atau kata pengisi',
    help: 'Teks alternatif seperti "IMG_1234.jpg", "foto" atau "gambar" tidak menjelaskan apa pun (WCAG 2.2 SK 1.1.1). Ganti dengan kalimat pendek tentang isi gambar.',
  },
  {
    id: 'a11y/image-alt-caption',
    severity: 'warning',
    title: 'Teks alternatif sama dengan keterangan foto',
    help: 'Bila teks alternatif sama persis dengan keterangan yang sudah tampil di halaman, pembaca layar membacakannya dua kali tanpa menambah apa yang terlihat (WCAG 2.2 SK 1.1.1). Teks alternatif menjelaskan gambarnya; keterangan menjelaskan peristiwanya.',
  },
  {
    id: 'a11y/video-captions',
    severity: 'error',
    title: 'Video tanpa takarir WebVTT berbahasa Indonesia',
    help: 'Video perlu takarir (teks terjemahan suara) agar dapat diikuti warga tuli dan tunarungu (WCAG 2.2 SK 1.2.2 Takarir (Rekaman); Perki 1/2021 Pasal 24). Sertakan berkas `.vtt` yang diawali `WEBVTT`, dengan waktu yang benar dan teks bahasa Indonesia (tambahkan baris `Language: id` di kepala berkas).',
  },
  {
    id: 'a11y/audio-transcript',
    severity: 'error',
    title: 'Audio tanpa transkrip',
    help: 'Rekaman suara perlu transkrip tertulis agar dapat diikuti warga tuli dan tunarungu (WCAG 2.2 SK 1.2.1 Hanya Audio dan Hanya Video (Rekaman)). Isi kolom `transkrip`.',
  },
  {
    id: 'a11y/link-text',
    severity: 'warning',
    title: 'Teks tautan tidak menjelaskan tujuannya',
    help: 'Pengguna pembaca layar sering melompat dari tautan ke tautan tanpa mendengar kalimat di sekitarnya; "klik di sini" atau "selengkapnya" tidak berarti apa-apa bagi mereka (WCAG 2.2 SK 2.4.4 Tujuan Tautan). Jadikan tautan kata-kata yang menyebut tujuannya, misalnya [Pengumuman seleksi perangkat desa](...).',
  },
  {
    id: 'a11y/bare-url',
    severity: 'warning',
    title: 'Alamat web mentah sebagai teks tautan',
    help: 'Pembaca layar mengeja alamat web huruf demi huruf (WCAG 2.2 SK 2.4.4). Tulis tautan dengan teks yang bermakna: [Formulir permohonan informasi](https://...).',
  },
  {
    id: 'a11y/heading-h1',
    severity: 'error',
    title: 'Judul tingkat 1 (#) di dalam isi',
    help: 'Halaman sudah memakai `judul` sebagai judul utama (h1); judul lain di isi dimulai dari `##` agar susunan halaman jelas bagi pembaca layar (WCAG 2.2 SK 1.3.1 Informasi dan Hubungan).',
  },
  {
    id: 'a11y/heading-order',
    severity: 'warning',
    title: 'Tingkat judul melompat',
    help: 'Judul bagian turun satu tingkat demi satu tingkat (## lalu ###), tidak melompat dari ## ke ####; pembaca layar memakai tingkat judul untuk menjelajah halaman (WCAG 2.2 SK 1.3.1).',
  },
  {
    id: 'a11y/table-header',
    severity: 'error',
    title: 'Tabel tanpa baris judul',
    help: 'Tabel perlu baris judul kolom agar pembaca layar dapat menyebut judul kolom setiap sel (WCAG 2.2 SK 1.3.1). Isi baris pertama tabel Markdown dengan judul kolom; pada tabel HTML pakai `<th>`.',
  },
  {
    id: 'a11y/pdf-scan',
    severity: 'warning',
    title: 'PDF hasil pindaian tanpa lapisan teks',
    help: 'PDF yang hanya berisi gambar pindaian tidak dapat dibaca pembaca layar maupun dicari (WCAG 2.2 SK 1.1.1 dan 1.4.5 Gambar Teks). Unggah PDF yang dibuat langsung dari pengolah kata, atau jalankan OCR pada pindaian sebelum diunggah.',
  },
] as const satisfies readonly RuleInfo[];

const altData = readRuleData<{ placeholders: string[]; camera_name_patterns: string[] }>('alt-text.yml');
const PLACEHOLDERS = new Set(altData.placeholders.map((p) => p.toLowerCase()));
const CAMERA_NAMES = altData.camera_name_patterns.map((p) => new RegExp(p, 'i'));
const GENERIC_LINK_TEXT = new Set(readRuleData<{ generic: string[] }>('link-text.yml').generic.map((t) => t.toLowerCase()));
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|svg|heic|heif|tiff?|bmp)$/i;

export interface ImageRef {
  alt: string | undefined;
  src: string | undefined;
  caption: string | undefined;
  line: number;
  column: number;
  where: string;
}

export const a11yRules: RuleFamily = {
  rules: A11Y_RULES,
  async check(doc, env) {
    const findings: RuleFinding[] = [];
    for (const image of collectImages(doc)) findings.push(...checkImage(image));
    findings.push(...checkLinks(doc), ...checkHeadings(doc), ...checkTables(doc), ...checkMediaTags(doc));
    findings.push(...(await checkVideo(doc, env)), ...checkAudio(doc), ...(await checkPdfs(doc, env)));
    return findings;
  },
};

/** Every image of a document: cover, gallery photos, Markdown images and `<img>` tags. */
export function collectImages(doc: CheckDocument): ImageRef[] {
  const images: ImageRef[] = [];
  const cover = asRecord(doc.data.gambar);
  if (cover) {
    images.push({ alt: asText(cover.alt), src: asText(cover.src), caption: asText(cover.keterangan), ...locateField(doc, ['gambar', 'alt']), where: '`gambar`' });
  }
  if (Array.isArray(doc.data.foto)) {
    doc.data.foto.forEach((photo, index) => {
      const record = asRecord(photo);
      if (!record) return;
      images.push({ alt: asText(record.alt), src: asText(record.src), caption: asText(record.keterangan), ...locateField(doc, ['foto', index, 'alt']), where: `\`foto\` ke-${index + 1}` });
    });
  }
  const captions = captionsBelowImages(doc);
  visit(doc.tree, 'image', (node: Image) => {
    images.push({ alt: node.alt?.trim() || undefined, src: node.url, caption: node.title?.trim() || captions.get(node), ...nodeStart(node), where: `gambar ${node.url}` });
  });
  const locate = makeLocator(doc.text);
  for (const { element, attributes, offset } of findWrittenElements(doc.tree, doc.text)) {
    if (element.tagName !== 'img') continue;
    // alt="" marks a decorative image on purpose; only a MISSING alt is an error in HTML.
    images.push({ alt: attributes.get('alt')?.trim(), src: attributes.get('src'), caption: undefined, ...locate(offset), where: '`<img>`' });
  }
  return images;
}

/**
 * Captions authors write under a picture: a paragraph holding only the image, followed by a
 * paragraph that is all emphasis (`![…](foto.jpg)` then `*Warga menanam …*`).
 */
function captionsBelowImages(doc: CheckDocument): Map<Image, string> {
  const captions = new Map<Image, string>();
  const blocks = doc.tree.children;
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.type !== 'paragraph' || next?.type !== 'paragraph') return;
    const content = block.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    const only = content.length === 1 && content[0]!.type === 'image' ? (content[0] as Image) : undefined;
    if (only && next.children.length === 1 && next.children[0]!.type === 'emphasis') captions.set(only, toString(next));
  });
  return captions;
}

function checkImage(image: ImageRef): RuleFinding[] {
  const at = { line: image.line, column: image.column };
  if (image.alt === undefined) {
    return [{ rule: 'a11y/image-alt', ...at, message: `${image.where} tidak punya teks alternatif (alt); tunanetra yang memakai pembaca layar tidak tahu isi gambar ini (WCAG 2.2 SK 1.1.1).`, suggestion: 'tambahkan alt yang menjelaskan isi gambar, misalnya "Camat menyerahkan bantuan bibit kepada kelompok tani di Balai Desa".' }];
  }
  if (image.alt === '') return [];
  const alt = image.alt;
  const base = image.src?.split('/').pop()?.toLowerCase();
  if (IMAGE_FILE.test(alt) || (base !== undefined && alt.toLowerCase() === base) || CAMERA_NAMES.some((p) => p.test(alt))) {
    return [{ rule: 'a11y/image-alt-quality', ...at, message: `teks alternatif ${image.where} adalah nama berkas ("${alt}"), bukan penjelasan isi gambar (WCAG 2.2 SK 1.1.1).`, suggestion: 'tulis apa yang terlihat pada gambar: siapa, sedang apa, di mana.' }];
  }
  if (PLACEHOLDERS.has(alt.toLowerCase().replace(/[\s\d.:_-]+$/, '').trim()) || PLACEHOLDERS.has(alt.toLowerCase())) {
    return [{ rule: 'a11y/image-alt-quality', ...at, message: `teks alternatif ${image.where} hanya "${alt}", kata pengisi yang tidak menjelaskan isi gambar (WCAG 2.2 SK 1.1.1).`, suggestion: 'tulis apa yang terlihat pada gambar: siapa, sedang apa, di mana.' }];
  }
  if (image.caption !== undefined && normalize(image.caption) === normalize(alt)) {
    return [{ rule: 'a11y/image-alt-caption', ...at, message: `teks alternatif ${image.where} sama dengan keterangannya, sehingga pembaca layar membacakan kalimat yang sama dua kali (WCAG 2.2 SK 1.1.1).`, suggestion: 'biarkan keterangan menjelaskan peristiwanya dan alt menjelaskan apa yang terlihat pada gambar.' }];
  }
  return [];
}

/** `https://www.Contoh.go.id/` and `www.contoh.go.id` are the same address for this purpose. */
function withoutScheme(url: string): string {
  return url.trim().replace(/^(https?:)?\/\//i, '').replace(/\/$/, '').toLowerCase();
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function checkLinks(doc: CheckDocument): RuleFinding[] {
  const findings: RuleFinding[] = [];
  visit(doc.tree, 'link', (node: Link) => {
    const text = toString(node).trim();
    if (text === '') return;
    if (/^https?:\/\//i.test(node.url) && withoutScheme(text) === withoutScheme(node.url)) {
      findings.push({ rule: 'a11y/bare-url', ...nodeStart(node), message: `tautan ditulis sebagai alamat web mentah (${text}); pembaca layar mengejanya huruf demi huruf (WCAG 2.2 SK 2.4.4).`, suggestion: 'tulis tautan dengan teks yang menyebut tujuannya, misalnya [Situs PPID Kabupaten](https://...).' });
      return;
    }
    if (GENERIC_LINK_TEXT.has(text.toLowerCase().replace(/[.,:;!?…»›>\s]+$/, '').trim())) {
      findings.push({ rule: 'a11y/link-text', ...nodeStart(node), message: `teks tautan "${text}" tidak menyebut tujuannya; pengguna pembaca layar yang melompat antartautan tidak tahu ke mana tautan ini (WCAG 2.2 SK 2.4.4).`, suggestion: 'jadikan tautan kata-kata yang menyebut tujuannya, misalnya "unduh [Pengumuman Hasil Seleksi (PDF)](...)".' });
    }
  });
  return findings;
}

function checkHeadings(doc: CheckDocument): RuleFinding[] {
  const findings: RuleFinding[] = [];
  // An item's page title (judul) is the h1, so its body starts below it. Other Markdown (a
  // README, a guide) may have its own h1.
  const titled = doc.jenis !== undefined || asText(doc.data.judul) !== undefined;
  let previous = titled ? 1 : 0;
  visit(doc.tree, 'heading', (node: Heading) => {
    if (node.depth === 1 && titled) {
      findings.push({ rule: 'a11y/heading-h1', ...nodeStart(node), message: 'judul tingkat 1 (`#`) di dalam isi; halaman sudah punya judul utama dari kolom `judul`, jadi ada dua judul utama (WCAG 2.2 SK 1.3.1).', suggestion: 'pakai `##` untuk judul bagian.' });
    } else if (node.depth > previous + 1) {
      findings.push({ rule: 'a11y/heading-order', ...nodeStart(node), message: `judul melompat dari tingkat ${previous} ke tingkat ${node.depth} (${'#'.repeat(node.depth)}); pembaca layar memakai tingkat judul untuk memahami susunan halaman (WCAG 2.2 SK 1.3.1).`, suggestion: `pakai ${'#'.repeat(previous + 1)} untuk judul ini.` });
    }
    previous = node.depth;
  });
  return findings;
}

function checkTables(doc: CheckDocument): RuleFinding[] {
  const findings: RuleFinding[] = [];
  visit(doc.tree, 'table', (node: Table) => {
    const header = node.children[0];
    if (header && header.children.every((cell) => toString(cell).trim() === '')) {
      findings.push({ rule: 'a11y/table-header', ...nodeStart(node), message: 'baris judul tabel kosong; pembaca layar tidak dapat menyebut judul kolom setiap sel (WCAG 2.2 SK 1.3.1).', suggestion: 'isi baris pertama tabel dengan judul setiap kolom.' });
    }
  });
  const locate = makeLocator(doc.text);
  for (const { element, offset } of findWrittenElements(doc.tree, doc.text)) {
    if (element.tagName !== 'table' || descendants(element).some((cell) => cell.tagName === 'th')) continue;
    findings.push({ rule: 'a11y/table-header', ...locate(offset), message: 'tabel HTML tanpa sel judul `<th>`; pembaca layar tidak dapat menyebut judul kolom setiap sel (WCAG 2.2 SK 1.3.1).', suggestion: 'tulis baris pertama dengan `<th scope="col">…</th>`, atau pakai tabel Markdown.' });
  }
  return findings;
}

/** `<video>` pasted as HTML must carry its captions track. */
function checkMediaTags(doc: CheckDocument): RuleFinding[] {
  const locate = makeLocator(doc.text);
  const isCaptions = (track: Element) => track.tagName === 'track' && ['captions', 'subtitles'].includes(String(track.properties.kind).toLowerCase());
  return findWrittenElements(doc.tree, doc.text)
    .filter(({ element }) => element.tagName === 'video' && !descendants(element).some(isCaptions))
    .map(({ offset }) => ({ rule: 'a11y/video-captions', ...locate(offset), message: '`<video>` tanpa `<track kind="captions">`; warga tuli tidak dapat mengikuti isi suaranya (WCAG 2.2 SK 1.2.2).', suggestion: 'tambahkan `<track kind="captions" srclang="id" src="takarir.vtt" default>` di dalam `<video>`.' }));
}

async function checkVideo(doc: CheckDocument, env: CheckEnv): Promise<RuleFinding[]> {
  if (doc.jenis !== 'video') return [];
  const captions = asText(doc.data.takarir);
  if (captions === undefined) {
    return [{ rule: 'a11y/video-captions', ...locateField(doc, ['takarir']), message: 'video ini tidak punya takarir (kolom `takarir`); warga tuli dan tunarungu tidak dapat mengikuti isi suaranya (WCAG 2.2 SK 1.2.2; Perki 1/2021 Pasal 24).', suggestion: 'buat berkas takarir.vtt berbahasa Indonesia di folder video ini dan tulis `takarir: ./takarir.vtt`.' }];
  }
  const path = resolveReference(doc, captions);
  // A missing file is reported by schema/file-reference; here we judge a file that exists.
  const bytes = path === undefined ? undefined : await env.readFile(path);
  if (bytes === undefined) return [];
  const at = locateField(doc, ['takarir']);
  const report = parseWebVtt(Buffer.from(bytes).toString('utf8'));
  if (report.errors.length > 0) {
    return [{ rule: 'a11y/video-captions', ...at, message: `berkas takarir ${captions} bukan WebVTT yang sah, sehingga pemutar tidak menampilkannya (WCAG 2.2 SK 1.2.2): ${report.errors.slice(0, 3).join(' ')}`, suggestion: 'perbaiki berkas .vtt: baris pertama "WEBVTT", baris kosong, lalu setiap takarir berupa baris waktu "00:00:01.000 --> 00:00:04.000" diikuti teksnya.' }];
  }
  const declared = report.language?.toLowerCase();
  if (declared !== undefined ? !/^(id|ind)(-|$)/.test(declared) : !looksIndonesian(report.text)) {
    return [{ rule: 'a11y/video-captions', ...at, message: `takarir ${captions} ${declared !== undefined ? `berbahasa "${report.language}"` : 'tampaknya tidak berbahasa Indonesia'}; warga yang menonton situs kantor pemerintah perlu takarir bahasa Indonesia (WCAG 2.2 SK 1.2.2; UU 24/2009 Pasal 38).`, suggestion: 'sediakan takarir bahasa Indonesia dan tulis `Language: id` di baris kedua berkas .vtt.' }];
  }
  return [];
}

function checkAudio(doc: CheckDocument): RuleFinding[] {
  if (doc.jenis !== 'audio' || asText(doc.data.transkrip) !== undefined) return [];
  return [{ rule: 'a11y/audio-transcript', ...locateField(doc, ['transkrip']), message: 'rekaman audio ini tidak punya transkrip (kolom `transkrip`); warga tuli dan tunarungu tidak dapat mengikuti isinya (WCAG 2.2 SK 1.2.1).', suggestion: 'tulis transkrip lengkap percakapan di kolom `transkrip` atau di berkas teks di folder ini.' }];
}

/** PDFs the item attaches: `berkas` (dokumen), `lampiran[].berkas` (pengumuman), links in the body. */
async function checkPdfs(doc: CheckDocument, env: CheckEnv): Promise<RuleFinding[]> {
  const references: { ref: string; line: number; column: number }[] = [];
  const file = asText(doc.data.berkas);
  if (file) references.push({ ref: file, ...locateField(doc, ['berkas']) });
  if (Array.isArray(doc.data.lampiran)) {
    doc.data.lampiran.forEach((attachment, index) => {
      const ref = asText(asRecord(attachment)?.berkas);
      if (ref) references.push({ ref, ...locateField(doc, ['lampiran', index, 'berkas']) });
    });
  }
  visit(doc.tree, 'link', (node: Link) => {
    references.push({ ref: node.url, ...nodeStart(node) });
  });
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const { ref, line, column } of references) {
    if (!/\.pdf$/i.test(ref.split(/[?#]/)[0]!)) continue;
    const path = resolveReference(doc, ref);
    if (path === undefined || seen.has(path)) continue;
    seen.add(path);
    const bytes = await env.readFile(path);
    if (bytes === undefined) continue;
    const layer = detectPdfTextLayer(bytes);
    if (layer === 'scan' || layer === 'empty') {
      findings.push({ rule: 'a11y/pdf-scan', line, column, message: `${ref} ${layer === 'scan' ? 'adalah hasil pindaian tanpa lapisan teks' : 'tidak berisi teks'}; pembaca layar tidak dapat membacanya dan isinya tidak dapat dicari (WCAG 2.2 SK 1.1.1, 1.4.5).`, suggestion: 'unggah PDF yang disimpan langsung dari pengolah kata, atau jalankan OCR (pengenalan teks) pada pindaian.' });
    }
  }
  return findings;
}
