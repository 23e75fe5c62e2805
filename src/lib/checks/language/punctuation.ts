import type { Hit, RuleContext } from './context.ts';
import { readLanguageData } from './data.ts';
import { OBJECT } from './prose.ts';
import { isCapitalised, joinedBySpace } from './text.ts';

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
    if (inAddress(at)) continue;
    hits.push({ rule: 'language/spacing', start: at, end: at + 1, message: 'tidak ada spasi sesudah koma (EYD V, Tanda Baca).', suggestion: 'tambahkan satu spasi sesudah koma' });
  }
  for (const match of text.matchAll(/\p{Ll}{2}(\.)\p{Lu}\p{Ll}/gu)) {
    const at = match.index + 2;
    hits.push({ rule: 'language/spacing', start: at, end: at + 1, message: 'tidak ada spasi sesudah titik (EYD V, Tanda Baca).', suggestion: 'tambahkan satu spasi sesudah titik' });
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
  for (const match of text.matchAll(/(?<![\p{L}\p{N}.,/-])(\d+)(\p{Ll}{3,})\b/gu)) {
    if (!ctx.dictionary.has(match[2]!)) continue;
    hits.push({ rule: 'language/spacing', start: match.index, end: match.index + match[0].length, message: `bilangan "${match[1]}" menempel pada kata "${match[2]}" (EYD V: bilangan dan kata dipisah spasi).`, suggestion: `${match[1]} ${match[2]}` });
  }
  return hits;
}

/** Money, percent and numbers at the start of a sentence (EYD V, Penulisan Angka dan Bilangan). */
export function checkNumbers(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { text, kind, standalone } = ctx.block.block;
  for (const match of text.matchAll(/\bRp(\.\s*|\s+)(?=\d)/gu)) {
    hits.push({ rule: 'language/currency-number', start: match.index, end: match.index + match[0].length, message: `"${match[0].trim()}" — lambang rupiah ditulis tanpa titik dan tanpa spasi sebelum angka (EYD V).`, suggestion: 'Rp' });
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
const COUNTED = new Set([...readLanguageData<{ tempat: string[] }>('di-ke.yml').tempat, 'orang', 'warga', 'peserta', 'keluarga', 'rt', 'rw', 'tps', 'negara']);

const ABBREVIATIONS = readLanguageData<{ wajib_titik: Record<string, 'bilangan' | 'nama'>; satuan: Record<string, string> }>('singkatan.yml');

/** "No 14" → "No. 14", "Jl Merdeka" → "Jl. Merdeka", "8 Km" → "8 km" (EYD V, Singkatan dan Akronim). */
export function checkAbbreviations(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1]!;
    if (token.inAddress || !joinedBySpace(block.text, token, next)) continue;
    const before = ABBREVIATIONS.wajib_titik[token.text];
    if (before !== undefined && (before === 'bilangan' ? /^\d/u.test(next.text) : isCapitalised(next.text) && !/^\p{Lu}+$/u.test(next.text))) {
      hits.push({ rule: 'language/abbreviation', start: token.start, end: token.end, message: `singkatan "${token.text}" ditulis dengan titik: "${token.text}." (EYD V, Singkatan dan Akronim).`, suggestion: `${token.text}.` });
      continue;
    }
    const unit = ABBREVIATIONS.satuan[next.lower];
    if (unit !== undefined && /^\d+(?:[.,]\d+)*$/u.test(token.text) && next.text !== unit && !/^\p{L}/u.test(block.text.slice(next.end, next.end + 1))) {
      hits.push({ rule: 'language/abbreviation', start: next.start, end: next.end, message: `lambang satuan "${next.text}" ditulis "${unit}": huruf kecil, tanpa titik (Sistem Internasional; KBBI).`, suggestion: unit });
    }
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
