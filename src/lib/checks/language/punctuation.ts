import type { Hit, RuleContext } from './context.ts';
import { readLanguageData } from './data.ts';
import { PLACES } from './forms.ts';
import { OBJECT } from './prose.ts';
import { isCapitalised, joinedBySpace, matchCase } from './text.ts';

/**
 * Spacing slips (EYD V, Tanda Baca): space before , . ; ! ?, none after a comma or full stop, "3orang".
 * Doubled spaces are not reported: Markdown collapses them, so no reader ever sees them.
 */
export function checkSpacing(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { text } = ctx.block.block;
  const inAddress = (offset: number) => ctx.block.tokens.some((token) => token.inAddress && offset >= token.start - 1 && offset <= token.end);
  // A colon is left out: forms align "Hari/Tanggal : Senin" on purpose.
  for (const match of text.matchAll(/[^\s\uFFFC]([ \t]+)([,.;!?])(?=\s|$)/gu)) {
    const start = match.index + 1;
    if (text.slice(start + match[1]!.length).startsWith('...')) continue;
    hits.push({ rule: 'language/spacing', start, end: start + match[1]!.length + 1, message: `spasi sebelum tanda "${match[2]}" (EYD V, Tanda Baca: tanda baca rapat dengan kata sebelumnya).`, suggestion: `hapus spasi sebelum "${match[2]}"` });
  }
  for (const match of text.matchAll(/\p{L}(,)\p{L}/gu)) {
    const at = match.index + 1;
    // "Aryawan,S.STP." looks like an address to the word splitter; a degree after the comma is not.
    if (inAddress(at) && !/^\p{Lu}{1,2}\./u.test(text.slice(at + 1))) continue;
    hits.push({ rule: 'language/spacing', start: at, end: at + 1, message: 'tidak ada spasi sesudah koma (EYD V, Tanda Baca).', suggestion: 'tambahkan satu spasi sesudah koma' });
  }
  // "pulang.Lalu", "kesehatan.“Hanya", "Covid-19.Untuk": a full stop that ends a sentence is followed by a space.
  for (const match of text.matchAll(/(?:\p{Ll}{2}|\p{L}-\d+)(\.)["“]?\p{Lu}\p{Ll}{2}/gu)) {
    const at = match.index + match[0].indexOf('.');
    hits.push({ rule: 'language/spacing', start: at, end: at + 1, message: 'tidak ada spasi sesudah titik (EYD V, Tanda Baca).', suggestion: 'tambahkan satu spasi sesudah titik' });
  }
  // "( SID )": brackets are written close to what they enclose; "Minggu, (24/12)": no comma before one.
  for (const match of text.matchAll(/\([ \t]+(?=\S)|(?<=\S)[ \t]+\)|,[ \t]*\(/gu)) {
    const comma = match[0].startsWith(',');
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[0].length, message: comma ? 'tidak ada koma sebelum tanda kurung buka (EYD V, Tanda Kurung).' : 'tanda kurung ditulis rapat dengan yang diapitnya, tanpa spasi (EYD V, Tanda Kurung).', suggestion: comma ? 'hapus komanya' : 'hapus spasinya' });
  }
  // "Desa(Lembaran", "(LN)Tahun": a bracket is written apart from the words outside it.
  for (const match of text.matchAll(/\p{L}([(])\p{L}|[\p{L}\p{N}]([)])\p{L}/gu)) {
    const at = match.index + 1;
    if (inAddress(at)) continue;
    const opening = match[1] !== undefined;
    hits.push({ rule: 'language/spacing', start: at, end: at + 1, message: `tidak ada spasi ${opening ? 'sebelum kurung buka' : 'sesudah kurung tutup'} (EYD V, Tanda Kurung).`, suggestion: opening ? 'tambahkan spasi sebelum "("' : 'tambahkan spasi sesudah ")"' });
  }
  // "“ Dengan", "hadir ”": typographic quotes are written close to the words they enclose.
  for (const match of text.matchAll(/“[ \t]+(?=\p{L})|(?<=[\p{L}.,!?])[ \t]+”/gu)) {
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[0].length, message: `spasi ${match[0].startsWith('“') ? 'sesudah tanda petik buka' : 'sebelum tanda petik tutup'} (EYD V, Tanda Petik: ditulis rapat dengan kata yang diapit).`, suggestion: 'hapus spasinya' });
  }
  for (const token of ctx.block.tokens) {
    if (token.inAddress || token.italic) continue;
    // "Februari2021", "Tahun2020": a word and a number run together.
    const glued = /^(\p{L}{3,})(\d+)$/u.exec(token.text);
    if (glued && !/^\p{Lu}+$/u.test(glued[1]!) && (ctx.dictionary.accepts(glued[1]!) || ctx.dictionary.accepts(glued[1]!.toLowerCase()))) {
      hits.push({ rule: 'language/spacing', start: token.start, end: token.end, message: `kata "${glued[1]}" dan bilangan "${glued[2]}" menempel (EYD V: bilangan dan kata dipisah spasi).`, suggestion: `${glued[1]} ${glued[2]}` });
      continue;
    }
    // "PembentukanDaerah": two words run together, the capital of the second still showing.
    const joined = /^(\p{Lu}?\p{Ll}{3,})(\p{Lu}\p{Ll}{3,})(?=$|-)/u.exec(token.text);
    if (joined && !ctx.officeWords.has(token.lower) && ctx.dictionary.accepts(joined[1]!.toLowerCase()) && ctx.dictionary.accepts(joined[2]!.toLowerCase())) {
      hits.push({ rule: 'language/spacing', start: token.start, end: token.end, message: `"${joined[1]}" dan "${joined[2]}" menempel tanpa spasi (EYD V, Penulisan Kata).`, suggestion: `${joined[1]} ${token.text.slice(joined[1]!.length)}` });
    }
  }
  // "dan /atau", "partisipasi / gotong royong": a slash has no space on either side (EYD V, Garis Miring).
  for (const match of text.matchAll(/(?<=\p{L})([ \t]+\/[ \t]*|[ \t]*\/[ \t]+)(?=\p{L})/gu)) {
    if (ctx.block.block.kind !== 'paragraph') break;
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[0].length, message: 'garis miring ditulis tanpa spasi sebelum dan sesudahnya (EYD V, Garis Miring): "dan/atau".', suggestion: '/' });
  }
  // "… 2023." jelasnya", "… Agam”, kata": a quotation followed by who said it ends with a comma,
  // inside the closing quote (EYD V, Tanda Koma).
  for (const match of text.matchAll(/(\.|(?:["”]|’’),|(?<=\p{L})(?=["”]|’’))(?=(?:["”]|’’)?\s+(?:ujar|kata|jelas|ungkap|tambah|tegas|terang|tutur|pungkas|imbuh|lanjut|ucap|papar|sebut|pesan|harap)(?:nya)?\b)/gu)) {
    const full = match[1] === '.' || match[1] === '';
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[1]!.length, message: full ? 'petikan langsung yang diikuti keterangan pengucap diakhiri koma di dalam tanda petik, bukan titik atau tanpa tanda (EYD V, Tanda Koma): "…,” ujarnya".' : 'koma yang memisahkan petikan langsung dari keterangan pengucap ditulis sebelum tanda petik penutup (EYD V, Tanda Koma): "…,” kata".', suggestion: full ? ',' : ',”' });
  }
  // "Drs.H.Sentot": an abbreviated title is followed by a space.
  for (const match of text.matchAll(/\b(?:Drs|Dra|Dr|Ir|Prof|Hj|H)\.(?=\p{Lu})/gu)) {
    const at = match.index + match[0].length - 1;
    hits.push({ rule: 'language/spacing', start: at, end: at + 1, message: 'tidak ada spasi sesudah titik singkatan gelar (EYD V, Tanda Baca): "Drs. H. Sentot".', suggestion: 'tambahkan satu spasi sesudah titik' });
  }
  // "30-31 Maret", "08.00 – 08.30": a range of days or times takes a dash without spaces (EYD V, Tanda Pisah).
  for (const match of text.matchAll(/(?<![\d.\/-])(\d{1,2})-(\d{1,2})(?=\s+(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b)/gu)) {
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[0].length, message: `rentang tanggal "${match[0]}" ditulis dengan tanda pisah, bukan tanda hubung (EYD V, Tanda Pisah).`, suggestion: `${match[1]}–${match[2]}` });
  }
  for (const match of text.matchAll(/(\d{2}[.:]\d{2})([ \t]+[–—-][ \t]*|[ \t]*[–—-][ \t]+)(\d{2}[.:]\d{2})/gu)) {
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[0].length, message: `rentang waktu "${match[0]}" ditulis dengan tanda pisah tanpa spasi (EYD V, Tanda Pisah).`, suggestion: `${match[1]}–${match[3]}` });
  }
  // "mengatakan, bahwa": no comma between a verb and the clause "bahwa" brings (EYD V, Tanda Koma).
  for (const match of text.matchAll(/(?<=\b(?:me|ber)\p{Ll}+)(,)(?=\s+bahwa\b)/gu)) {
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + 1, message: 'tanpa koma antara kata kerja dan "bahwa" (EYD V, Tanda Koma): "mengatakan bahwa".', suggestion: 'hapus komanya' });
  }
  // "menyampaikan “Dalam …": a direct quotation is set off by a comma (EYD V, Tanda Koma).
  for (const match of text.matchAll(/\b(?:mengatakan|menyampaikan|menjelaskan|menegaskan|mengungkapkan|menuturkan|menyatakan|berpesan|berkata)(\s+)(?=[“"]\p{Lu})/gu)) {
    const at = match.index + match[0].length - match[1]!.length;
    hits.push({ rule: 'language/spacing', start: at, end: at + 1, message: 'petikan langsung dipisahkan dengan koma dari bagian kalimat sebelumnya (EYD V, Tanda Koma): "menyampaikan, “…”".', suggestion: 'tambahkan koma sebelum tanda petik' });
  }
  // "periode 2018-2024": a range of years takes a dash, not a hyphen (EYD V, Tanda Pisah).
  for (const match of text.matchAll(/(?<![\d.\/-])((?:19|20)\d{2})-((?:19|20)\d{2})(?![\d.\/-])/gu)) {
    if (Number(match[2]) <= Number(match[1])) continue;
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[0].length, message: `rentang tahun "${match[0]}" ditulis dengan tanda pisah, bukan tanda hubung (EYD V, Tanda Pisah).`, suggestion: `${match[1]}–${match[2]}` });
  }
  for (const match of text.matchAll(/(?<![\p{L}\p{N}.,/-])(\d+)(\p{Ll}{3,})\b/gu)) {
    if (!ctx.dictionary.has(match[2]!)) continue;
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[0].length, message: `bilangan "${match[1]}" menempel pada kata "${match[2]}" (EYD V: bilangan dan kata dipisah spasi).`, suggestion: `${match[1]} ${match[2]}` });
  }
  return hits;
}

/**
 * A paragraph of running text whose last sentence has no end mark, though sentences before it
 * have one: "… dan Satpol PP. Kegiatan berlangsung hingga siang" (EYD V, Tanda Titik).
 */
export function checkFinalFullStop(ctx: RuleContext): Hit[] {
  const { block, tokens } = ctx.block;
  if (block.kind !== 'paragraph' || !block.standalone || tokens.length < 8) return [];
  const text = block.text.trimEnd();
  if (/[.!?:;…"”’')\]]$/u.test(text) || !/\p{Ll}{2,}[.!?]["”’)]?\s+\p{Lu}/u.test(text)) return [];
  const last = tokens.at(-1)!;
  if (last.end !== text.length) return [];
  return [{ rule: 'language/spacing', start: last.start, end: last.end, message: 'kalimat terakhir paragraf ini tidak diakhiri tanda titik (EYD V, Tanda Titik).', suggestion: `${last.text}.` }];
}

/** Money, percent and numbers at the start of a sentence (EYD V, Penulisan Angka dan Bilangan). */
export function checkNumbers(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { text, kind, standalone } = ctx.block.block;
  for (const match of text.matchAll(/\bRp(\.\s*|\s+)(?=\d)/gu)) {
    hits.push({ rule: 'language/currency-number', start: match.index, end: match.index + match[0].length, message: `"${match[0].trim()}" — lambang rupiah ditulis tanpa titik dan tanpa spasi sebelum angka (EYD V).`, suggestion: 'Rp' });
  }
  // "1015 kasus" → "1.015 kasus": thousands are grouped with full stops (EYD V, Tanda Titik).
  // Years, numbers of regulations, codes, telephone numbers and the like are not amounts.
  for (const match of text.matchAll(/(?<![\p{L}\p{N}.,:/-])(\d{4,9})(?=\s+\p{Ll}{3,})/gu)) {
    const value = Number(match[1]);
    const before = text.slice(Math.max(0, match.index - 12), match.index).toLowerCase();
    if ((value >= 1900 && value <= 2100) || match[1]!.startsWith('0') || /(?:tahun|nomor|no\.?|pasal|kode|rt|rw|lantai|nip|nik|npwp|ke-|sk|telepon|telp\.?|tel\.?|hp|wa|whatsapp|faks|fax|\))\s*$/u.test(before)) continue;
    const grouped = match[1]!.replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
    hits.push({ rule: 'language/currency-number', start: match.index, end: match.index + match[1]!.length, message: `bilangan "${match[1]}" ditulis dengan titik pemisah ribuan: "${grouped}" (EYD V, Tanda Titik).`, suggestion: grouped });
  }
  for (const match of text.matchAll(/(\d),-/gu)) {
    hits.push({ rule: 'language/currency-number', start: match.index + 1, end: match.index + 3, message: '",-" bukan penulisan baku jumlah uang (EYD V): tulis ",00" atau tanpa desimal.', suggestion: ',00' });
  }
  for (const match of text.matchAll(/(\d)([ \t]+)%/gu)) {
    hits.push({ rule: 'language/currency-number', start: match.index + 1, end: match.index + 1 + match[2]!.length + 1, message: 'tanda persen ditulis rapat dengan angkanya (EYD V).', suggestion: '%' });
  }
  // Only running prose: headings, table cells and list items are not sentences in that sense.
  if (kind === 'paragraph' && standalone) {
    const { tokens, sentences } = ctx.block;
    for (const sentence of sentences) {
      const first = tokens[sentence.first]!;
      const before = text.slice(sentence.start, first.start);
      // Only after a full stop that ends a word ("… kemarin. 15 peserta …"), not after "Stbl. 1948".
      const previous = tokens[sentence.first - 1];
      if (previous && !(/^\p{Ll}{3,}$/u.test(previous.text) && /^[.!?]["”’)]?\s+$/u.test(text.slice(previous.end, first.start)))) continue;
      // "(1) Setiap badan publik …" numbers a clause of a regulation; it is not the sentence's first word.
      if (!/^\p{N}+$/u.test(first.text) || before.includes(OBJECT) || /Rp$|\($/.test(before) || text[first.end] === ')') continue;
      hits.push({ rule: 'language/currency-number', start: first.start, end: first.end, message: `kalimat diawali angka "${first.text}"; bilangan di awal kalimat ditulis dengan huruf, atau susun ulang kalimatnya (EYD V, Penulisan Angka dan Bilangan).`, suggestion: 'tulis bilangannya dengan huruf atau pindahkan ke tengah kalimat' });
    }
  }
  return hits;
}

/** Where "ke" + a number is a preposition before a count: "ke 10 desa", "ke 3 orang". */
const COUNTED = new Set([...PLACES, 'orang', 'warga', 'peserta', 'keluarga', 'rt', 'rw', 'tps', 'negara']);

const ABBREVIATIONS = readLanguageData<{
  wajib_titik: Record<string, 'bilangan' | 'nama'>;
  satuan: Record<string, string>;
  gelar_sesudah_nama: Record<string, string>;
  gelar_sebelum_nama: Record<string, string>;
}>('singkatan.yml');

/** Each degree as written with its inner full stops but not the last (S.STP, M.Kes). */
const DEGREES_WITHOUT_LAST_STOP = new Set(Object.values(ABBREVIATIONS.gelar_sesudah_nama).map((degree) => degree.slice(0, -1)));

/** "No 14" → "No. 14", "Jl Merdeka" → "Jl. Merdeka", "8 Km" → "8 km" (EYD V, Singkatan dan Akronim). */
export function checkAbbreviations(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1]!;
    // "h. Syafrudin", "hj. Armida": the title of one who made the hajj is capitalised before a name.
    if ((token.text === 'h' || token.text === 'hj') && /^\.\s+$/u.test(block.text.slice(token.end, next.start)) && /^\p{Lu}\p{Ll}+$/u.test(next.text) && !ctx.dictionary.accepts(next.lower)) {
      hits.push({ rule: 'language/abbreviation', start: token.start, end: token.end, message: `gelar "${token.text}." ditulis "${matchCase('A', token.text)}." (EYD V, Huruf Kapital: gelar keagamaan yang diikuti nama orang).`, suggestion: `${matchCase('A', token.text)}.` });
      continue;
    }
    // "No, 5": a comma where the abbreviation's full stop belongs.
    if (token.text === 'No' && /^,\s*$/u.test(block.text.slice(token.end, next.start)) && /^\d/u.test(next.text)) {
      hits.push({ rule: 'language/abbreviation', start: token.start, end: token.end + 1, message: 'singkatan "No" ditulis dengan titik, bukan koma: "No." (EYD V, Singkatan dan Akronim).', suggestion: 'No.' });
      continue;
    }
    if (token.inAddress || !joinedBySpace(block.text, token, next)) continue;
    const before = ABBREVIATIONS.wajib_titik[token.text];
    if (before !== undefined && (before === 'bilangan' ? /^\d/u.test(next.text) : isCapitalised(next.text) && !/^\p{Lu}+$/u.test(next.text))) {
      hits.push({ rule: 'language/abbreviation', start: token.start, end: token.end, message: `singkatan "${token.text}" ditulis dengan titik: "${token.text}." (EYD V, Singkatan dan Akronim).`, suggestion: `${token.text}.` });
      continue;
    }
    // "Ketua KPU M Zarkoni": an initial before a name takes its full stop.
    if (/^\p{Lu}$/u.test(token.text) && token.text !== 'A' && /^\p{Lu}\p{Ll}+$/u.test(next.text) && !ctx.dictionary.accepts(next.lower) && block.text[token.end] === ' ' && i > 0 && /^\p{Lu}/u.test(tokens[i - 1]!.text) && ABBREVIATIONS.gelar_sebelum_nama[token.text] === undefined) {
      hits.push({ rule: 'language/abbreviation', start: token.start, end: token.end, message: `inisial nama "${token.text}" ditulis dengan titik: "${token.text}." (EYD V, Singkatan dan Akronim).`, suggestion: `${token.text}.` });
      continue;
    }
    // "Dr H Marzuki": a title before a name takes its full stop.
    const title = ABBREVIATIONS.gelar_sebelum_nama[token.text];
    if (title !== undefined && isCapitalised(next.text) && !/^\p{Lu}{2,}$/u.test(next.text) && (i === 0 || !/^\p{Lu}{2,}$/u.test(tokens[i - 1]!.text))) {
      hits.push({ rule: 'language/abbreviation', start: token.start, end: token.end, message: `gelar "${token.text}" ditulis dengan titik: "${title}" (EYD V, Singkatan dan Akronim).`, suggestion: title });
      continue;
    }
    const unit = ABBREVIATIONS.satuan[next.lower];
    if (unit !== undefined && /^\d+(?:[.,]\d+)*$/u.test(token.text) && next.text !== unit && !/^\p{L}/u.test(block.text.slice(next.end, next.end + 1))) {
      hits.push({ rule: 'language/abbreviation', start: next.start, end: next.end, message: `lambang satuan "${next.text}" ditulis "${unit}": huruf kecil, tanpa titik (Sistem Internasional; KBBI).`, suggestion: unit });
    }
  }
  // "Darsiwan, M.Kes dari", "Putra, S.STP": a degree written with its inner full stops but not the last.
  for (const match of block.text.matchAll(/(?<=,\s?)(\p{Lu}\.\p{Lu}?\p{L}{1,4})(?![.\p{L}])/gu)) {
    if (!DEGREES_WITHOUT_LAST_STOP.has(match[1]!)) continue;
    hits.push({ rule: 'language/abbreviation', start: match.index, end: match.index + match[1]!.length, message: `gelar "${match[1]}" diakhiri titik: "${match[1]}." (EYD V, Singkatan dan Akronim).`, suggestion: `${match[1]}.` });
  }
  // "Darsiwan, SKM, MM": degrees after a name, each abbreviation with its full stops.
  for (const match of block.text.matchAll(/(?<=\p{L},\s?|\p{L}\.,\s?)(\p{Lu}\p{L}{0,4})(?=[.,\s)]|$)/gu)) {
    const degree = ABBREVIATIONS.gelar_sesudah_nama[match[1]!];
    if (degree === undefined) continue;
    hits.push({ rule: 'language/abbreviation', start: match.index, end: match.index + match[1]!.length, message: `gelar "${match[1]}" ditulis dengan titik: "${degree}" (EYD V, Singkatan dan Akronim).`, suggestion: degree });
  }
  return hits;
}

/**
 * "ke 1", "yang ke 10": ke- before a number written in digits takes a hyphen (EYD V, Tanda Hubung:
 * ke-2, abad ke-21). Not when "ke" is a preposition before a count of places or people ("ke 10
 * desa", "ke 3 orang"), unless it follows "yang".
 */
export function checkOrdinals(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  // "ke- 1", "ke - 71": the hyphen is there, the spaces are not (EYD V, Tanda Hubung).
  for (const match of block.text.matchAll(/\b(ke)(?:[ \t]+-[ \t]*|-[ \t]+)(\d+)\b/giu)) {
    hits.push({ rule: 'language/currency-number', start: match.index, end: match.index + match[0].length, message: `"${match[0]}": ke- dan angkanya dirangkai tanda hubung tanpa spasi, "${match[1]}-${match[2]}" (EYD V, Tanda Hubung).`, suggestion: `${match[1]}-${match[2]}` });
  }
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const ke = tokens[i]!;
    const number = tokens[i + 1]!;
    if (ke.lower !== 'ke' || ke.inAddress || !/^\d+$/u.test(number.text) || !joinedBySpace(block.text, ke, number)) continue;
    const after = tokens[i + 2];
    const counted = after !== undefined && joinedBySpace(block.text, number, after) && COUNTED.has(after.lower);
    if (counted && tokens[i - 1]?.lower !== 'yang') continue;
    hits.push({ rule: 'language/currency-number', start: ke.start, end: number.end, message: `"${ke.text} ${number.text}": ke- sebelum angka ditulis dengan tanda hubung, "${ke.text}-${number.text}" (EYD V, Tanda Hubung).`, suggestion: `${ke.text}-${number.text}` });
  }
  return hits;
}
