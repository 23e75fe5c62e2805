import type { Hit, RuleContext } from './context.ts';
import { OBJECT } from './prose.ts';

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
