import exifr from 'exifr';
import type { Html } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { readRuleData } from '../data.ts';
import type { CheckDocument } from '../document.ts';
import { resolveReference } from '../references.ts';
import type { CheckEnv, RuleFamily, RuleFinding, RuleInfo } from '../rule.ts';
import { makeLocator, nodeStart } from '../text-position.ts';
import { collectImages } from './a11y.ts';
import { checkItemFiles, type PersonalDataHit } from './privacy-dataset.ts';

/**
 * Personal data in what an office is about to publish. Everything in the file counts, the
 * frontmatter and code blocks included: it all ends up public (on the site or in the repository);
 * so does every cell of the CSVs and every cue of the captions an item publishes (privacy-dataset.ts).
 */
export const PRIVACY_RULES = [
  {
    id: 'privacy/nik',
    severity: 'error',
    title: 'Nomor Induk Kependudukan (NIK)',
    help: 'NIK adalah data pribadi yang tidak boleh dipublikasikan (UU 27/2022 tentang Pelindungan Data Pribadi; UU Administrasi Kependudukan Pasal 84). Hapus NIK, atau samarkan seperti praktik KPU: 4 angka pertama dan 2 angka terakhir tetap, 10 angka di tengah diganti bintang (3313**********01).',
  },
  {
    id: 'privacy/kk',
    severity: 'error',
    title: 'Nomor Kartu Keluarga (KK)',
    help: 'Nomor KK adalah data pribadi yang tidak boleh dipublikasikan (UU 27/2022 PDP; UU Administrasi Kependudukan Pasal 84). Hapus, atau samarkan: 3313**********01.',
  },
  {
    id: 'privacy/birth-date',
    severity: 'error',
    title: 'Tanggal lahir seseorang',
    help: 'Tanggal lahir yang dikaitkan dengan nama orang adalah data pribadi (UU 27/2022 PDP; UU Administrasi Kependudukan Pasal 84). Cukup sebut usia atau hapus tanggal lahirnya.',
  },
  {
    id: 'privacy/phone',
    severity: 'warning',
    title: 'Nomor telepon seluler pribadi',
    help: 'Nomor ponsel seseorang adalah data pribadi (UU 27/2022 PDP Pasal 4). Cantumkan nomor resmi kantor (yang tercatat di `kantor.kontak` pada tayang.config.yml) atau minta persetujuan tertulis pemilik nomor.',
  },
  {
    id: 'privacy/email',
    severity: 'warning',
    title: 'Alamat surel pribadi',
    help: 'Alamat surel di layanan pribadi (gmail, yahoo, dan sejenisnya) milik perorangan adalah data pribadi (UU 27/2022 PDP). Cantumkan alamat resmi kantor berakhiran .go.id.',
  },
  {
    id: 'privacy/bank-account',
    severity: 'warning',
    title: 'Nomor rekening bank',
    help: 'Nomor rekening perorangan adalah data pribadi (UU 27/2022 PDP). Bila itu rekening resmi instansi (misalnya untuk retribusi), pastikan benar rekening kas daerah/instansi; bila milik perorangan, hapus atau samarkan.',
  },
  {
    id: 'privacy/person-list',
    severity: 'error',
    title: 'Daftar nama orang beserta data pengenalnya',
    help: 'Berkas data (CSV) dengan kolom nama orang di samping kolom pengenal (NIK, nomor KK, NIP, nomor telepon, surel, tanggal lahir, alamat) menunjuk setiap orang di dalamnya; nama lengkap yang digabung dengan data lain untuk mengenali seseorang adalah data pribadi (UU 27/2022 PDP Pasal 4 ayat (3)). Terbitkan angka agregat tanpa nama; bila daftar bernama memang wajib diumumkan (misalnya penerima bantuan), pejabat yang menyetujui dapat mengecualikannya lewat `periksa.abaikan` beserta alasannya.',
  },
  {
    id: 'privacy/photo-location',
    severity: 'error',
    title: 'Foto menyimpan lokasi GPS',
    help: 'Foto dari ponsel sering menyimpan koordinat GPS tempat foto diambil (di metadata EXIF), misalnya rumah warga (UU 27/2022 PDP). Hapus metadata sebelum mengunggah: simpan ulang foto tanpa lokasi, atau matikan lokasi di kamera.',
  },
  {
    id: 'privacy/remote-image',
    severity: 'warning',
    title: 'Gambar dimuat dari situs lain',
    help: 'Gambar yang dimuat dari alamat situs lain membuat peramban setiap pembaca menghubungi server itu, yang dapat mencatat alamat IP dan waktu kunjungannya (UU 27/2022 PDP); gambar itu juga dapat berubah atau hilang tanpa sepengetahuan kantor. Unduh gambarnya (bila boleh dipakai), simpan di folder item, lalu rujuk nama berkasnya.',
  },
] as const satisfies readonly RuleInfo[];

const nik = readRuleData<{ province_codes: number[]; kk_markers: string[]; mask: { keep_start: number; keep_end: number } }>('nik.yml');
const PROVINCES = new Set(nik.province_codes);
const KK_BEFORE = new RegExp(`(?:${nik.kk_markers.map(escapeRegExp).join('|')})\\b[^\\d\\n]{0,12}$`, 'i');
const PERSONAL_DOMAINS = new Set(readRuleData<{ domains: string[] }>('personal-email-domains.yml').domains);

// Four groups of four, or the number's own structure PP KK CC DDMMYY NNNN ("33.13.01.120580.0001").
const SIXTEEN_DIGITS = /(?<![\d*])(?:(\d{4})[ .-]?(\d{4})[ .-]?(\d{4})[ .-]?(\d{4})|(\d{2})[ .-](\d{2})[ .-](\d{2})[ .-](\d{6})[ .-](\d{4}))(?![\d*])/g;
// Soft hyphens and zero-width characters: the page shows nothing where they are.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const MOBILE = /(?<![\w+])(?:\+62|62|0)[ .-]?\(?8\d{1,2}\)?(?:[ .-]?\d){6,10}(?![\d])/g;
// Tried only where a run of address characters starts, and at most 64 of them (RFC 5321's limit
// for the part before "@"): tried from every letter, a long word without "@" was read to its end
// once per letter (100 s for a 300 KB word).
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@((?:[\w-]+\.)+[a-z]{2,})/gi;
const BANK = /\b(?:rekening|no\.?\s*rek\.?|norek|nomor\s+rek\.?)(?![a-z])[^\d\n]{0,30}((?:\d[ .-]?){8,18}\d)/gi;
const MONTHS = 'januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|sep|sept|okt|nov|des';
const DATE = `\\d{1,2}(?:\\s+(?:${MONTHS})\\.?\\s+|[-/.]\\d{1,2}[-/.])\\d{2,4}`;
// "lahir [di Karanganyar,] [pada] [tanggal] 12 Mei 1980": the date follows the word directly, so
// "Hari Lahir Pancasila, 1 Juni" does not count. "tanggal lahir:" / "TTL:" introduce a value.
const BIRTH = new RegExp(`\\b(?:lahir|kelahiran)\\s+(?:di\\s+\\p{Lu}[\\p{L}.' -]{0,30}?,?\\s+)?(?:pada\\s+)?(?:(?:tanggal|tgl\\.?)\\s+)?${DATE}|\\b(?:tempat,?\\s*)?(?:tanggal|tgl\\.?)\\s+lahir\\s*[:=]\\s*\\S|\\bTTL\\s*[:=]\\s*\\S`, 'giu');
const PHOTO = /\.(jpe?g|tiff?|heic|heif|png|webp)$/i;

export const privacyRules: RuleFamily = {
  rules: PRIVACY_RULES,
  async check(doc, env) {
    const scan = makePersonalDataScanner(env);
    return [...scanText(doc, scan), ...remoteImages(doc), ...(await checkPhotos(doc, env)), ...(await checkItemFiles(doc, env, (text) => scan(readerText(text))))];
  },
};

/** Pictures the reader's browser would fetch from another server (an address, not a file). */
function remoteImages(doc: CheckDocument): RuleFinding[] {
  return collectImages(doc).flatMap((image) =>
    image.src !== undefined && /^(?:https?:)?\/\//i.test(image.src.trim())
      ? [
          {
            rule: 'privacy/remote-image',
            line: image.line,
            column: image.column,
            message: `${image.where} dimuat dari situs lain (${image.src.trim()}): server itu dapat mencatat alamat IP dan waktu setiap pembaca (UU 27/2022 PDP), dan gambarnya dapat berubah atau hilang.`,
            suggestion: 'simpan gambarnya di folder item (bila boleh dipakai), lalu rujuk nama berkasnya.',
          },
        ]
      : [],
  );
}

/**
 * The file as written, then as the reader sees it: each line with invisible characters removed
 * and full-width digits made plain (NFKC), and each block of the body (paragraph, heading, table
 * cell; raw HTML with its tags, comments and character references undone) as the text of its
 * parts joined, so emphasis or an HTML comment inside a number does not hide it. What only a
 * reader's view shows is reported at the line where that line or block starts.
 */
function scanText(doc: CheckDocument, scan: (text: string) => PersonalDataHit[]): RuleFinding[] {
  const locate = makeLocator(doc.text);
  const found = scan(doc.text).map(({ index, ...hit }) => ({ ...hit, ...locate(index) }));
  const views: { text: string; line: number; column: number; endLine: number }[] = doc.text.split('\n').flatMap((text, i) => (readerText(text) === text ? [] : [{ text, line: i + 1, column: 1, endLine: i + 1 }]));
  visit(doc.tree, (node) => {
    const text = BLOCKS.has(node.type) ? toString(node, { includeHtml: false, includeImageAlt: false }) : node.type === 'html' ? htmlText((node as Html).value) : undefined;
    if (text !== undefined) views.push({ text, ...nodeStart(node), endLine: node.position?.end.line ?? 1 });
    return BLOCKS.has(node.type) ? SKIP : CONTINUE;
  });
  for (const view of views) {
    for (const { index: _, ...hit } of scan(readerText(view.text))) {
      if (!found.some((seen) => seen.rule === hit.rule && seen.value === hit.value && seen.line >= view.line && seen.line <= view.endLine)) found.push({ ...hit, line: view.line, column: view.column });
    }
  }
  return found.map(({ value: _, ...finding }) => finding);
}

/** A text as the reader sees it: no invisible characters, compatibility forms made plain (３ → 3). */
function readerText(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC');
}

/** The text raw HTML shows: no comments or tags, numeric character references and &shy; read. */
function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&shy;/gi, '\u00AD')
    .replace(/&#(?:x([\da-f]+)|(\d+));?/gi, (reference, hex: string | undefined, decimal: string | undefined) => {
      const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    });
}

/** Finds NIK and KK numbers, mobile numbers, personal e-mail, bank accounts and birth dates in a text. */
function makePersonalDataScanner(env: CheckEnv): (text: string) => PersonalDataHit[] {
  const officePhones = new Set(env.officePhones.flatMap((phone) => phone.split(/[,;/]| atau /).map(normalizePhone)));
  const officeEmails = new Set(env.officeEmails.map((email) => email.toLowerCase()));
  return (text) => {
    const hits: PersonalDataHit[] = [];
    for (const match of text.matchAll(SIXTEEN_DIGITS)) {
      const digits = match.slice(1).join('');
      const isKk = KK_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index));
      if (!isPlausibleNik(digits, isKk)) continue;
      const masked = maskNumber(digits);
      hits.push({
        rule: isKk ? 'privacy/kk' : 'privacy/nik',
        index: match.index,
        value: digits,
        message: `${isKk ? 'nomor Kartu Keluarga' : 'NIK'} ${masked.slice(0, 4)}… tidak boleh dipublikasikan: data pribadi kependudukan (UU 27/2022 PDP; UU Administrasi Kependudukan Pasal 84).`,
        suggestion: `hapus nomor itu, atau samarkan seperti praktik KPU: ${masked}.`,
      });
    }
    for (const match of text.matchAll(MOBILE)) {
      const digits = normalizePhone(match[0]);
      if (digits.length < 10 || digits.length > 13 || officePhones.has(digits)) continue;
      hits.push({
        rule: 'privacy/phone',
        index: match.index,
        value: digits,
        message: `nomor ponsel ${match[0].trim()} adalah data pribadi pemiliknya (UU 27/2022 PDP Pasal 4); nomor ini bukan nomor resmi kantor di tayang.config.yml.`,
        suggestion: 'cantumkan nomor layanan resmi kantor, atau pastikan pemilik nomor setuju secara tertulis (lalu tambahkan nomor itu ke kantor.kontak.telepon bila memang nomor layanan).',
      });
    }
    for (const match of text.matchAll(EMAIL)) {
      if (!PERSONAL_DOMAINS.has(match[1]!.toLowerCase()) || officeEmails.has(match[0].toLowerCase())) continue;
      hits.push({
        rule: 'privacy/email',
        index: match.index,
        value: match[0].toLowerCase(),
        message: `alamat surel pribadi ${match[0]} adalah data pribadi pemiliknya (UU 27/2022 PDP).`,
        suggestion: 'cantumkan alamat surel resmi kantor berakhiran .go.id.',
      });
    }
    for (const match of text.matchAll(BANK)) {
      const digits = match[1]!.replace(/\D/g, '');
      hits.push({
        rule: 'privacy/bank-account',
        index: match.index + match[0].indexOf(match[1]!),
        value: digits,
        message: 'nomor rekening bank perorangan adalah data pribadi (UU 27/2022 PDP); hanya rekening resmi instansi yang boleh dicantumkan.',
        suggestion: `bila bukan rekening resmi instansi, hapus atau samarkan: ${digits.slice(0, 3)}${'*'.repeat(Math.max(0, digits.length - 5))}${digits.slice(-2)}.`,
      });
    }
    for (const match of text.matchAll(BIRTH)) {
      hits.push({
        rule: 'privacy/birth-date',
        index: match.index,
        value: match[0].replace(/\s+/g, ' ').toLowerCase(),
        message: `tanggal lahir seseorang ("${match[0].trim()}") adalah data pribadi yang tidak boleh dipublikasikan (UU 27/2022 PDP; UU Administrasi Kependudukan Pasal 84).`,
        suggestion: 'hapus tanggal lahirnya; bila perlu, sebut usianya saja (misalnya "berusia 45 tahun").',
      });
    }
    return hits;
  };
}

/** PP KK CC DDMMYY NNNN with real codes, a real date (+40 on the day for women) and serial ≠ 0. */
export function isPlausibleNik(digits: string, isKk = false): boolean {
  if (!/^\d{16}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  const regency = Number(digits.slice(2, 4));
  const district = Number(digits.slice(4, 6));
  let day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const serial = Number(digits.slice(12, 16));
  if (!PROVINCES.has(province) || regency === 0 || district === 0 || serial === 0) return false;
  if (!isKk && day > 40) day -= 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** The KPU form: first 4 and last 2 digits kept, the 10 in between starred. */
export function maskNumber(digits: string): string {
  const { keep_start: start, keep_end: end } = nik.mask;
  return `${digits.slice(0, start)}${'*'.repeat(digits.length - start - end)}${digits.slice(-end)}`;
}

function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
}

async function checkPhotos(doc: CheckDocument, env: CheckEnv): Promise<RuleFinding[]> {
  const findings: RuleFinding[] = [];
  for (const image of collectImages(doc)) {
    const path = image.src && PHOTO.test(image.src) ? resolveReference(doc, image.src) : undefined;
    const bytes = path === undefined ? undefined : await env.readFile(path);
    if (bytes === undefined) continue;
    const gps = await exifr.gps(Buffer.from(bytes)).catch(() => undefined);
    if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)) {
      findings.push({
        rule: 'privacy/photo-location',
        line: image.line,
        column: image.column,
        message: `foto ${image.src} menyimpan lokasi GPS (${gps.latitude.toFixed(4)}, ${gps.longitude.toFixed(4)}) di metadatanya; siapa pun yang mengunduhnya tahu tempat foto diambil (UU 27/2022 PDP).`,
        suggestion: 'hapus metadata lokasi sebelum mengunggah (misalnya simpan ulang foto tanpa EXIF), dan matikan penanda lokasi di kamera ponsel.',
      });
    }
  }
  return findings;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
