import { readLanguageData } from './data.ts';
import type { Hit, RuleContext } from './context.ts';
import { isPlainWord, matchPhrase } from './context.ts';
import { commonSlips, type Dictionary } from './dictionary.ts';
import { FUNCTION_WORDS } from './forms.ts';
import { loadNames } from './names.ts';
import { ABBREVIATED, hasCapitalInside, isCapitalised, joinedBySpace, matchCase, type AnalysedBlock, type Token } from './text.ts';

interface StandardWordsData {
  sumber: Record<string, string>;
  juga_bila_kapital: string[];
  kelompok: Array<{ nama: string; sumber: string; imbuhan: boolean; boleh_dalam_kutipan?: boolean; kata: Record<string, string> }>;
}
interface StandardWord {
  standard: string;
  source: string;
  affixes: boolean;
  allowedInQuotes: boolean;
}

const standardData = readLanguageData<StandardWordsData>('kata-baku.yml');
const STANDARD = new Map<string, StandardWord>();
for (const group of standardData.kelompok) {
  const source = standardData.sumber[group.sumber] ?? group.sumber;
  for (const [word, standard] of Object.entries(group.kata)) STANDARD.set(word, { standard, source, affixes: group.imbuhan, allowedInQuotes: group.boleh_dalam_kutipan === true });
}

const WRONG_EVEN_CAPITALISED = new Set(standardData.juga_bila_kapital);

/** Every standard form the list suggests: the spelling check accepts them even if Hunspell lacks one. */
const STANDARD_FORMS: ReadonlySet<string> = new Set([...STANDARD.values()].map((entry) => entry.standard.toLowerCase()));

const PREFIXES = ['', 'di', 'ke', 'ber', 'be', 'ter', 'per', 'pe', 'se', 'memper', 'diper', 'meng', 'mem', 'men', 'meny', 'me', 'peng', 'pem', 'pen', 'peny'];
const SUFFIXES = ['', 'kan', 'an', 'i', 'nya', 'lah', 'kah', 'pun', 'kannya', 'annya', 'inya', 'ku', 'mu'];
const CLITICS = ['', 'nya', 'lah', 'kah', 'pun'];

/** The standard form of a word, looking through affixes for the entries that allow it. */
function findStandardWord(
  written: string,
  office: ReadonlyMap<string, string>,
  isWord: (word: string) => boolean,
): { standard: string; source: string; core: string; allowedInQuotes: boolean } | undefined {
  // "Jum’at" with a typographic apostrophe is the same non-standard form as "Jum'at".
  const lower = written.replace(/’/gu, "'");
  const own = office.get(lower);
  if (own) return { standard: own, source: 'daftar kata baku kantor (periksa.kata_baku_tambahan)', core: lower, allowedInQuotes: false };
  for (const clitic of CLITICS) {
    if (!lower.endsWith(clitic)) continue;
    const core = lower.slice(0, lower.length - clitic.length);
    const entry = STANDARD.get(core);
    if (entry) return { standard: entry.standard + clitic, source: entry.source, core, allowedInQuotes: entry.allowedInQuotes };
  }
  for (const prefix of PREFIXES) {
    if (!lower.startsWith(prefix)) continue;
    for (const suffix of SUFFIXES) {
      if (prefix === '' && suffix === '') continue;
      if (!lower.endsWith(suffix) || lower.length - prefix.length - suffix.length < 4) continue;
      const core = lower.slice(prefix.length, lower.length - suffix.length);
      const entry = STANDARD.get(core);
      // A dictionary word is only a derived non-standard form when its root is a non-standard word
      // the dictionary itself contains (dihimbau ← himbau); "meneliti" is not men-elit-i.
      if (entry?.affixes && (!isWord(lower) || (core.length >= 5 && isWord(core)))) return { standard: attachPrefix(prefix, entry.standard.toLowerCase()) + suffix, source: entry.source, core, allowedInQuotes: entry.allowedInQuotes };
    }
  }
  return undefined;
}

/** me-/pe- take the nasal that fits the root's first sound (EYD V): meng+imbau, meny+sukseskan. */
function attachPrefix(prefix: string, root: string): string {
  const nasal = /^(me|pe)(ng|ny|m|n)?$/.exec(prefix);
  if (!nasal || prefix === 'memper' || prefix === 'diper') return prefix + root;
  const base = nasal[1]!;
  // Loan words starting with a consonant cluster keep it: mentransfer, memproduksi.
  if (/^[bcdfghjklmnpqrstvwxyz]{2}/.test(root) && !/^(ng|ny|kh|sy)/.test(root)) return base + nasalFor(root) + root;
  if (/^[aiueogh]/.test(root)) return `${base}ng${root}`;
  if (root.startsWith('k')) return `${base}ng${root.slice(1)}`;
  if (root.startsWith('p')) return `${base}m${root.slice(1)}`;
  if (/^[bfv]/.test(root)) return `${base}m${root}`;
  if (root.startsWith('t')) return `${base}n${root.slice(1)}`;
  if (/^[dcjz]/.test(root)) return `${base}n${root}`;
  if (root.startsWith('s')) return `${base}ny${root.slice(1)}`;
  return base + root;
}

function nasalFor(root: string): string {
  if (/^[kg]/.test(root)) return 'ng';
  if (/^[pb]/.test(root)) return 'm';
  if (/^[tdc]/.test(root)) return 'n';
  if (root.startsWith('s')) return 'n';
  return '';
}

/** A capital letter says nothing about a word at the start of a sentence; elsewhere it marks a name. */
function isOrdinaryWord(token: Token): boolean {
  return !hasCapitalInside(token.text) && (!isCapitalised(token.text) || token.sentenceStart);
}

export function checkStandardWords(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  for (const [i, token] of tokens.entries()) {
    if (!isPlainWord(token) || hasCapitalInside(token.text)) continue;
    const found = findStandardWord(token.lower, ctx.officeStandardWords, (word) => ctx.dictionary.has(word));
    if (!found || (found.allowedInQuotes && token.quoted)) continue;
    // "Puteri Ayu menyampaikan …": a capitalised word followed by another one starts a name.
    const next = tokens[i + 1];
    const startsName = isCapitalised(token.text) && block.kind !== 'heading' && next !== undefined && isCapitalised(next.text) && joinedBySpace(block.text, token, next);
    if ((!isOrdinaryWord(token) || startsName) && !WRONG_EVEN_CAPITALISED.has(found.core)) continue;
    hits.push({
      rule: 'language/standard-word',
      start: token.start,
      end: token.end,
      message: `"${token.text}" bukan bentuk baku; yang baku "${matchCase(token.text, found.standard)}" (${found.source}).`,
      suggestion: matchCase(token.text, found.standard),
    });
  }
  return hits;
}

interface InclusiveData {
  istilah: Array<{ frasa: string[]; ganti: string; sumber: string }>;
}
const INCLUSIVE = readLanguageData<InclusiveData>('istilah-inklusif.yml').istilah.flatMap((entry) =>
  entry.frasa.map((phrase) => ({ words: phrase.split(' '), replacement: entry.ganti, source: entry.sumber })),
);

export function checkInclusiveTerms(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens } = ctx.block;
  for (let i = 0; i < tokens.length; i += 1) {
    for (const term of INCLUSIVE) {
      // Acronyms match as written; other terms only in lower case: a capitalised old law title
      // ("tentang Penyandang Cacat") is a citation.
      const acronym = term.words.length === 1 && term.words[0] === term.words[0]!.toUpperCase();
      if (acronym ? tokens[i]!.text !== term.words[0] : !matchPhrase(ctx, i, term.words) || tokens[i]!.text !== tokens[i]!.lower) continue;
      const last = tokens[i + term.words.length - 1]!;
      hits.push({
        rule: 'language/inclusive-term',
        start: tokens[i]!.start,
        end: last.end,
        message: `"${term.words.join(' ')}" adalah istilah usang atau merendahkan; pakai "${term.replacement}" (${term.source}).`,
        suggestion: term.replacement,
      });
    }
  }
  return hits;
}

interface ForeignData {
  kata: Record<string, string>;
}
const FOREIGN = Object.entries(readLanguageData<ForeignData>('kata-asing.yml').kata)
  .map(([phrase, equivalent]) => ({ words: phrase.split(' '), equivalent }))
  .sort((a, b) => b.words.length - a.words.length);

export function checkForeignWords(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens } = ctx.block;
  for (let i = 0; i < tokens.length; i += 1) {
    for (const entry of FOREIGN) {
      if (!matchPhrase(ctx, i, entry.words)) continue;
      const phrase = tokens.slice(i, i + entry.words.length);
      // Italic is how EYD V marks a foreign word; a capitalised name mid-sentence (Zoom Meeting) is a name.
      if (phrase.some((token) => !isPlainWord(token) || !isOrdinaryWord(token))) continue;
      const written = ctx.block.block.text.slice(phrase[0]!.start, phrase.at(-1)!.end);
      hits.push({
        rule: 'language/foreign-word',
        start: phrase[0]!.start,
        end: phrase.at(-1)!.end,
        message: `"${written}" kata asing yang tidak ditulis miring (EYD V, Huruf Miring); padanannya: ${entry.equivalent}.`,
        suggestion: `${matchCase(written, entry.equivalent.split(',')[0]!.replace(/\s*\(.*\)$/, ''))} (atau tulis miring: *${written}*)`,
      });
      i += entry.words.length - 1;
      break;
    }
  }
  return hits;
}

interface CapitalData {
  nama_diri: Record<string, string>;
  bulan: Record<string, string>;
  hari_setelah_kata_hari: string[];
  wilayah: string[];
  sapaan: string[];
  jabatan: string[];
  rujukan_naskah: string[];
  nama_peraturan: string[];
  jabatan_tanpa_nama: string[];
  kata_tugas_judul: string[];
  akronim_kata: Record<string, string>;
  tempat_bernama: string[];
  selalu_kapital: string[];
}
const CAPITALS = readLanguageData<CapitalData>('huruf-kapital.yml');
const REGION_WORDS = new Set(CAPITALS.wilayah);
const ADDRESS_WORDS = new Set(CAPITALS.sapaan);
const POSITIONS = CAPITALS.jabatan.map((position) => position.split(' ')).sort((a, b) => b.length - a.length);

export function checkCapitalization(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  const hit = (token: Token, proper: string, why: string) =>
    hits.push({
      rule: 'language/capitalization',
      start: token.start,
      end: token.end,
      message: `"${token.text}" ditulis dengan huruf awal kapital: ${why} (EYD V, Huruf Kapital).`,
      suggestion: proper,
    });
  for (const start of lowerCaseSentenceStarts(ctx)) hit(start, matchCase('A', start.text), 'huruf pertama kalimat');
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!isPlainWord(token)) continue;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    const nextJoined = next !== undefined && joinedBySpace(block.text, token, next);
    const previousJoined = previous !== undefined && joinedBySpace(block.text, previous, token);
    if (token.text === token.lower) {
      const name = CAPITALS.nama_diri[token.lower];
      if (name) {
        hit(token, name, 'nama bahasa, bangsa, agama, hari, hari raya dan nama geografi');
        continue;
      }
      const month = CAPITALS.bulan[token.lower];
      if (month && ((previousJoined && /^\d{1,2}$/.test(previous.text)) || (nextJoined && /^\d{4}$/.test(next.text)))) {
        hit(token, month, 'nama bulan');
        continue;
      }
      if (CAPITALS.hari_setelah_kata_hari.includes(token.lower) && previousJoined && previous.lower === 'hari') {
        hit(token, matchCase('A', token.lower), 'nama hari');
        continue;
      }
      const position = POSITIONS.find((words) => matchPhrase(ctx, i, words));
      const named = position && tokens[i + position.length];
      if (position && named && joinedBySpace(block.text, tokens[i + position.length - 1]!, named) && isCapitalised(named.text) && !named.sentenceStart && !/^se-/iu.test(named.text) && previous?.lower !== 'para') {
        const written = position.map((word) => matchCase('A', word)).join(' ');
        hits.push({ rule: 'language/capitalization', start: token.start, end: tokens[i + position.length - 1]!.end, message: `"${position.join(' ')}" ditulis "${written}": nama jabatan yang diikuti nama orang, instansi atau tempat berhuruf awal kapital (EYD V, Huruf Kapital).`, suggestion: written });
        i += position.length - 1;
        continue;
      }
      if (ADDRESS_WORDS.has(token.lower) && nextJoined && isCapitalised(next.text) && !next.sentenceStart && next.text !== 'Kota' && previous?.lower !== 'para') {
        hit(token, matchCase('A', token.lower), 'sapaan yang diikuti nama atau jabatan');
      }
      continue;
    }
    // "Undang-undang Nomor 6 Tahun 2014": every part of a reduplicated word in a name is capitalised.
    if (token.text === 'Undang-undang' && nextJoined && /^(Nomor|No|Dasar|RI|Republik)$/u.test(next.text)) {
      hit(token, 'Undang-Undang', 'setiap unsur kata ulang dalam nama peraturan');
      continue;
    }
    // "Kecamatan jenawi": the name after a region word is lower-case and not an ordinary word.
    if (REGION_WORDS.has(token.text) && nextJoined && next.text === next.lower && /^\p{L}+$/u.test(next.text) && isPlainWord(next)) {
      const known = ctx.dictionary.accepts(next.lower) && !ctx.officeWords.has(next.lower);
      if (!known) hit(next, matchCase('A', next.text), `nama diri sesudah "${token.text}"`);
    }
  }
  return hits;
}

const REGULATION_WORDS = new Set(CAPITALS.nama_peraturan);
/** The function words EYD V writes small inside a title or name (di, ke, dari, dan, yang, untuk …). */
const TITLE_FUNCTION_WORDS = new Set(CAPITALS.kata_tugas_judul);
/** Kinds of building or place named after them ("Hotel Emeral", "Masjid Agung"). */
const PLACE_KINDS = new Set(CAPITALS.tempat_bernama);
const COUNTING_WORDS = new Set(['masing-masing', 'suatu', 'sebuah', 'setiap', 'tiap', 'tiap-tiap', 'seluruh', 'semua', 'beberapa', 'berbagai', 'banyak', 'tingkat', 'antar', 'sejumlah', 'para']);
const SPEECH_TAG = /^(?:Ujar|Kata|Jelas|Ungkap|Tambah|Tegas|Terang|Tutur|Pungkas|Imbuh|Lanjut|Ucap|Papar|Sebut)nya$/u;
/** Every position, longest first: those with a name after them and those checked without one. */
const ALL_POSITIONS = [...new Set([...CAPITALS.jabatan, ...CAPITALS.jabatan_tanpa_nama])].map((position) => position.split(' ')).sort((a, b) => b.length - a.length);
const FREQUENT_CAPITALISED = readLanguageData<{ lembaga: string[]; awal_kalimat: string[] }>('kata-lembaga.yml');
const SENTENCE_OPENERS = new Set(FREQUENT_CAPITALISED.awal_kalimat);
const INSTITUTION_WORDS = new Map(FREQUENT_CAPITALISED.lembaga.map((word) => [word.toLowerCase(), word]));
const POSITION_WORDS = new Set(ALL_POSITIONS.flat());
/** The word a position starts with (Kepala, Sekretaris, Camat): "Dinas" and "Desa" are not positions. */
const POSITION_HEADS = new Set(ALL_POSITIONS.map((words) => words[0]!));
const ABBREVIATED_POSITIONS = new Set(['sekcam', 'sekda', 'kapolsek', 'kapolres', 'danramil', 'dandim', 'kasi', 'kaur', 'kasubag']);
/** Capitalised by EYD V wherever they stand: names of God and of religious and state offices. */
const ALWAYS_CAPITALISED = new Set(CAPITALS.selalu_kapital);
/** Words that join the parts of a name or title: "Kementerian Pendidikan dan Kebudayaan", "… tentang Perizinan". */
const NAME_JOINERS = new Set(['dan', 'serta', 'tentang', 'untuk', 'atas', 'pada', 'dari', 'of', 'and', 'the', '&']);

/**
 * The word as a name would have it: capitalised, numbers and acronyms (Nomor 5 Tahun 2020, RT 05).
 * A sentence's capitalised first word counts, unless it is a function word or a usual opener
 * ("Para Warga", "Seluruh Peserta"): "Kementerian Pendidikan dan Kebudayaan" starts with a name.
 */
function continuesName(token: Token): boolean {
  if (/\p{N}/u.test(token.text) || hasCapitalInside(token.text)) return true;
  if (!isCapitalised(token.text)) return false;
  return !token.sentenceStart || !(FUNCTION_WORDS.has(token.lower) || SENTENCE_OPENERS.has(token.text));
}

/**
 * A line in Title Case that does not end like a sentence: a headline or title written as a
 * paragraph ("Dua KUA di Sumatera Barat, Pelaksana Program Revitalisasi"). Its capitals are the
 * title's, not mistakes in a sentence.
 */
function isTitleLine(ctx: RuleContext): boolean {
  const { tokens, block } = ctx.block;
  if (/[.!?:]["”’)]*\s*$/u.test(block.text) || tokens.length === 0) return false;
  return tokens.filter((token) => isCapitalised(token.text) || /\p{N}/u.test(token.text)).length >= tokens.length * 0.6;
}

/**
 * In a title (a heading, a Title Case line) every word is capitalised but the function words EYD V
 * keeps small: "Gotong Royong, Tradisi Yang Masih Terpelihara" → "yang".
 */
function titleFunctionWords(ctx: RuleContext): Hit[] {
  const { tokens, block } = ctx.block;
  const hits: Hit[] = [];
  for (let i = 1; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (!isPlainWord(token) || !/^\p{Lu}\p{Ll}+$/u.test(token.text) || !TITLE_FUNCTION_WORDS.has(token.lower) || !joinedBySpace(block.text, tokens[i - 1]!, token)) continue;
    if (inKnownName(ctx, i) || (token.lower === 'yang' && next !== undefined && /^Maha/u.test(next.text))) continue;
    hits.push({ rule: 'language/capitalization', start: token.start, end: token.end, message: `"${token.text}" kata tugas, ditulis kecil di dalam judul kecuali sebagai kata pertama (EYD V, Huruf Kapital).`, suggestion: token.lower });
  }
  return hits;
}

/** Whether token i lies in words, joined by spaces, that make a known name (2 to 4 words). */
function inKnownName(ctx: RuleContext, i: number): boolean {
  const { tokens, block } = ctx.block;
  const names = loadNames();
  for (let from = Math.max(0, i - 3); from <= i; from += 1) {
    for (let to = Math.max(i, from + 1); to <= Math.min(tokens.length - 1, from + 3); to += 1) {
      const run = tokens.slice(from, to + 1);
      if (run.every((token, k) => k === 0 || joinedBySpace(block.text, run[k - 1]!, token)) && names.isName(run.map((token) => token.lower).join(' '))) return true;
    }
  }
  return false;
}

/**
 * EYD V, Singkatan dan Akronim: an acronym made of syllables (not of initials) is written as a
 * word: with a capital only when it names something (Bappeda, Speling), in small letters when it
 * is a common noun (tupoksi, posyandu, pemilu). Two findings for one written in capitals:
 * - it is one the dictionary writes as a word (data/huruf-kapital.yml, akronim_kata: "TUPOKSI", "PEMILU");
 * - the text spells it out just before it and its letters are not the initials of that name:
 *   "Layanan Dokter Spesialis Keliling (SPELING)"; every other "SPELING" of the paragraph too.
 */
export function checkAcronymCase(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  const syllabic = new Set<string>();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!/^\p{Lu}{4,}$/u.test(token.text) || block.text[token.start - 1] !== '(' || block.text[token.end] !== ')') continue;
    let k = i - 1;
    const spelled: string[] = [];
    while (k >= 0 && spelled.length < 8 && (joinedBySpace(block.text, tokens[k]!, tokens[k + 1]!) || k === i - 1) && (isCapitalised(tokens[k]!.text) || TITLE_FUNCTION_WORDS.has(tokens[k]!.lower))) spelled.unshift(tokens[k--]!.text);
    const words = spelled.filter((word) => isCapitalised(word));
    if (words.length < 2) continue;
    // Syllables taken from the words (SPE-LING from Spesialis Keliling, POS-BAN-KUM): three letters
    // or more of the acronym in a row come from one word. Initials and a letter or two of a word
    // (BPBD, DPMPTSP, PATEN) make an acronym written in capitals.
    const upper = words.map((word) => word.toUpperCase());
    const takesSyllable = [...Array(token.text.length - 2).keys()].some((at) => upper.some((word) => word.includes(token.text.slice(at, at + 3))));
    if (!takesSyllable || !isSubsequence(token.text, upper.join(''))) continue;
    syllabic.add(token.text);
  }
  for (const token of tokens) {
    if (!/^\p{Lu}{4,}$/u.test(token.text) || !isPlainWord(token)) continue;
    const listed = CAPITALS.akronim_kata[token.lower];
    if (listed === undefined && !syllabic.has(token.text)) continue;
    const word = listed ?? matchCase('A', token.lower);
    hits.push({ rule: 'language/capitalization', start: token.start, end: token.end, message: `"${token.text}" akronim dari suku kata, ditulis sebagai kata: "${word}" (huruf awal kapital bila nama diri; EYD V, Singkatan dan Akronim).`, suggestion: word });
  }
  return hits;
}

function isSubsequence(letters: string, text: string): boolean {
  let at = 0;
  for (const letter of letters) {
    at = text.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * "Peraturan Daerah nomor 11 tahun 2010" → "Nomor 11 Tahun 2010": the number and year of a named
 * regulation are part of its name (EYD V, Huruf Kapital).
 */
export function checkRegulationNames(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  for (let i = 1; i + 1 < tokens.length; i += 1) {
    const token = tokens[i]!;
    if ((token.text !== 'nomor' && token.text !== 'tahun') || !isPlainWord(token)) continue;
    const number = tokens[i + 1]!;
    if (!joinedBySpace(block.text, token, number) || !/^\d/u.test(number.text)) continue;
    // Back over the name to its first word: capitalised words, numbers, and "nomor"/"tahun" themselves.
    let k = i - 1;
    while (k >= 0 && joinedBySpace(block.text, tokens[k]!, tokens[k + 1]!) && (continuesName(tokens[k]!) || tokens[k]!.lower === 'nomor' || /^\d/u.test(tokens[k]!.text)) && !REGULATION_WORDS.has(tokens[k]!.lower)) k -= 1;
    const head = tokens[k];
    if (head === undefined || !REGULATION_WORDS.has(head.lower) || (!isCapitalised(head.text) && !/^\p{Lu}+$/u.test(head.text))) continue;
    if (token.text === 'tahun' && !/^\d{4}$/u.test(number.text)) continue;
    const proper = matchCase('A', token.text);
    hits.push({ rule: 'language/capitalization', start: token.start, end: token.end, message: `"${token.text}" ditulis "${proper}": nomor dan tahun adalah bagian nama peraturan (EYD V, Huruf Kapital).`, suggestion: proper });
  }
  return hits;
}

/**
 * "membantu Kepala Daerah", "dari Wali Nagari": a position is capitalised only when a person's,
 * office's or place's name follows it, or as a form of address (Bapak Camat) (EYD V, Huruf Kapital).
 */
export function checkPositionsWithoutName(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  if (block.kind !== 'paragraph' || ctx.legalText) return hits;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!isPlainWord(token) || token.quoted || !/^\p{Lu}\p{Ll}+$/u.test(token.text)) continue;
    const position = ALL_POSITIONS.find((words) => matchPhrase(ctx, i, words));
    if (!position) continue;
    const parts = tokens.slice(i, i + position.length);
    const last = parts.at(-1)!;
    i += position.length - 1;
    // At a sentence's start only the first word's capital is the sentence's: "Wali Nagari adalah" → "Wali nagari".
    const opening = token.sentenceStart || /[.:]\s*$/u.test(block.text.slice(Math.max(0, token.start - 3), token.start));
    // Only in running text: a list item's first words are often a label ("**Sekretaris Camat** membantu …").
    if (parts.some((part) => !/^\p{Lu}\p{Ll}+$/u.test(part.text)) || (opening && (position.length === 1 || !block.standalone))) continue;
    // Abbreviated positions (Sekcam, Sekda, Kapolsek) are written as names of their office.
    if (position.length === 1 && ABBREVIATED_POSITIONS.has(position[0]!)) continue;
    const previous = tokens[i - position.length];
    if (previous && joinedBySpace(block.text, previous, token) && (ADDRESS_WORDS.has(previous.lower) || ['pak', 'bu', 'sdr', 'yth'].includes(previous.lower) || continuesName(previous))) continue;
    const next = tokens[i + 1];
    if (next && joinedBySpace(block.text, last, next) && (continuesName(next) || next.sentenceStart)) continue;
    // Positions joined by "dan"/"serta" are one name when a name stands before or after them all:
    // "Pemilihan Gubernur dan Wakil Gubernur serta Bupati", "Bupati dan wakil Bupati Ketapang";
    // "Gubernur dan Wakil Gubernur ikut berbaur" is not.
    // "Walikota" (written as one word, language/compound says so) is still a position in the chain.
    const inChain = (k: number) => tokens[k] !== undefined && (POSITION_WORDS.has(tokens[k]!.lower) || ['dan', 'serta', 'walikota'].includes(tokens[k]!.lower));
    const linked = (a: Token, b: Token) => /^,?\s+$/u.test(block.text.slice(a.end, b.start));
    let left = i - position.length + 1;
    while (left > 0 && inChain(left - 1) && linked(tokens[left - 1]!, tokens[left]!)) left -= 1;
    let right = i;
    while (inChain(right + 1) && linked(tokens[right]!, tokens[right + 1]!)) right += 1;
    const chained = left < i - position.length + 1 || right > i;
    const beforeChain = tokens[left - 1];
    const afterChain = tokens[right + 1];
    if (chained && ((beforeChain && joinedBySpace(block.text, beforeChain, tokens[left]!) && continuesName(beforeChain)) || (afterChain && joinedBySpace(block.text, tokens[right]!, afterChain) && continuesName(afterChain)))) continue;
    // "Wali Nagari Kampung Batu Dalam, …": a name after a comma belongs to it too.
    if (next && /^,\s*$/u.test(block.text.slice(last.end, next.start)) && continuesName(next) && !ctx.dictionary.has(next.lower)) continue;
    const written = block.text.slice(token.start, last.end);
    const proper = opening ? token.text + written.slice(token.text.length).toLowerCase() : written.toLowerCase();
    hits.push({ rule: 'language/capitalization', start: token.start, end: last.end, message: `"${written}" ditulis "${proper}": nama jabatan berhuruf awal kapital hanya bila diikuti nama orang, instansi atau tempat, atau sebagai sapaan (EYD V, Huruf Kapital).`, suggestion: proper });
  }
  return hits;
}

/**
 * EYD V, Huruf Kapital: an ordinary word inside a sentence is written small. Two findings:
 * - "hari libur Nasional", "dan Warga": a capitalised dictionary word that stands alone, with no
 *   capitalised word, number or acronym beside it, so it cannot be part of a name or title, and
 *   that is neither a place name, a position or form of address (rule of their own), nor a
 *   word capitalised everywhere (Tuhan);
 * - "Kementerian Pendidikan Dan Kebudayaan", "Muntoko Dengan sekretaris": a function word (dan,
 *   yang, dengan, di, ke …) is small even inside a name or title, except as its first word and in
 *   "Yang Maha Esa".
 * Also "kabupaten Mojokerto": the word for a kind of region before its name is part of the name
 * (not before a list of names, "balai desa Gumeng, Menjing, dan Seloromo", nor for a road, which
 * is often described rather than named: "jalan Ngaglik–Kasiman").
 */
export function checkCommonWordCapitals(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const { tokens, block } = ctx.block;
  if (block.kind === 'heading' || isTitleLine(ctx)) return titleFunctionWords(ctx);
  const flag = (token: Token, suggestion: string, message: string) => hits.push({ rule: 'language/capitalization', start: token.start, end: token.end, message, suggestion });
  const names = loadNames();
  // "Padang, Humas – Kepala Bidang …": a news item's dateline names a place and a source.
  const dateline = /^[^.\n]{0,60}?[\s)][–—-]\s/u.exec(block.text)?.[0].length ?? 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!isPlainWord(token) || token.quoted || token.start <= dateline) continue;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    const previousJoined = previous !== undefined && joinedBySpace(block.text, previous, token) ? previous : undefined;
    const nextJoined = next !== undefined && joinedBySpace(block.text, token, next) ? next : undefined;
    if (token.text === token.lower) {
      // "se-kecamatan Tambora": the region word after se- too.
      const seWritten = /^se-/u.test(token.lower) ? 'se-' : '';
      const region = matchCase('A', token.lower.slice(seWritten.length));
      const named = nextJoined !== undefined && /^\p{Lu}\p{Ll}+$/u.test(nextJoined.text) && !nextJoined.sentenceStart;
      // "komisi I", "hotel Emeral": an institution or a named building before its number or name.
      if (named && PLACE_KINDS.has(token.lower) && !ctx.dictionary.accepts(nextJoined.lower)) {
        flag(token, matchCase('A', token.text), `"${token.text}" ditulis "${matchCase('A', token.text)}": bagian nama diri tempat atau lembaga sebelum namanya (EYD V, Huruf Kapital).`);
        continue;
      }
      if (nextJoined && /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$/u.test(nextJoined.text) && INSTITUTION_WORDS.has(token.lower)) {
        flag(token, matchCase('A', token.text), `"${token.text}" ditulis "${matchCase('A', token.text)}": nama lembaga dengan nomornya adalah nama diri (EYD V, Huruf Kapital).`);
        continue;
      }
      if (REGION_WORDS.has(region) && region !== 'Jalan' && region !== 'Jl' && nextJoined && isCapitalised(nextJoined.text) && !nextJoined.sentenceStart && !hasCapitalInside(nextJoined.text) && (names.isNameWord(nextJoined.lower) || !ctx.dictionary.has(nextJoined.lower)) && !['para', 'se', 'antar', 'tiap', 'setiap', 'seluruh'].includes(previous?.lower ?? '') && !POSITION_WORDS.has(previous?.lower ?? '') && !/^,\s*\p{Lu}/u.test(block.text.slice(nextJoined.end, nextJoined.end + 3))) {
        flag(token, `${seWritten}${region}`, `"${token.text}" ditulis "${seWritten}${region}": nama wilayah sebelum namanya adalah bagian nama diri (EYD V, Huruf Kapital).`);
      }
      continue;
    }
    // "…,” Tambahnya": who said it, after the quotation, is small.
    if (SPEECH_TAG.test(token.text) && /["”]\s+$/u.test(block.text.slice(Math.max(0, token.start - 3), token.start))) {
      flag(token, token.lower, `"${token.text}" ditulis kecil: keterangan pengucap sesudah petikan langsung bukan awal kalimat (EYD V, Huruf Kapital).`);
      continue;
    }
    // Only a word after a space: "C.Hasil" is a form's name, "Hari/Tanggal" a column; not after a
    // colon (a label or theme: "Tema: Bersama Membangun") or a point's number ("(2) Pengaduan").
    const before = block.text.slice(Math.max(0, token.start - 8), token.start);
    // After a full stop it may open a sentence the splitter kept going ("… H. Mohon", "….go.id. Petugas").
    if (token.sentenceStart || !/^\p{Lu}\p{Ll}+$/u.test(token.text) || !/(?:^|\s)$/u.test(before) || /[:.!?]["”’)]?\s*$|(?:^|\n)\s*\(?[\p{L}\p{N}]{1,3}[.)]\s+$/u.test(before)) continue;
    // "Yang Maha Esa", "Menteri Dalam Negeri", "Kampung Batu Dalam": not a function word there.
    const inName = inKnownName(ctx, i) || (token.lower === 'yang' && nextJoined !== undefined && isCapitalised(nextJoined.text));
    // "di Wilayah Kecamatan Gerokgak": the area is not part of the region's name.
    if (['wilayah', 'kawasan', 'lingkungan'].includes(token.lower) && nextJoined && REGION_WORDS.has(nextJoined.text)) {
      flag(token, token.lower, `"${token.text}" ditulis kecil: bukan bagian nama wilayah sesudahnya (EYD V, Huruf Kapital).`);
      continue;
    }
    // "Muntoko Bersama sekretaris": a verb or preposition made with ber-, me-, di-, se- or ter-,
    // right after a person's name (a capitalised word the dictionary does not know) and before a
    // small word, is not part of the name.
    if (previousJoined && /^\p{Lu}\p{Ll}+$/u.test(previousJoined.text) && !ctx.dictionary.accepts(previousJoined.lower) && !names.isNameWord(previousJoined.lower) && nextJoined && /^\p{Ll}/u.test(nextJoined.text) && /^(?:ber|me|di|se|ter)\p{Ll}{3,}$/u.test(token.lower) && ctx.dictionary.has(token.lower) && !ctx.documentNames.has(token.lower)) {
      flag(token, token.lower, `"${token.text}" kata biasa sesudah nama, ditulis kecil: "${token.lower}" (EYD V, Huruf Kapital).`);
      continue;
    }
    if (TITLE_FUNCTION_WORDS.has(token.lower) && previousJoined && !inName) {
      flag(token, token.lower, `"${token.text}" kata tugas, ditulis kecil di tengah kalimat, juga di dalam nama atau judul (EYD V, Huruf Kapital).`);
      continue;
    }
    // "Pukul 08.00": the word before a time of day is small wherever it stands.
    if ((token.lower === 'pukul' || token.lower === 'jam') && nextJoined && /^\d{1,2}(?:[.:]\d{2})?$/u.test(nextJoined.text) && /^[.:]?\d*/u.test(block.text.slice(nextJoined.end))) {
      flag(token, token.lower, `"${token.text}" kata biasa di tengah kalimat, ditulis kecil: "${token.lower}" (EYD V, Huruf Kapital).`);
      continue;
    }
    // "Sdr. Handika", "Kab. Agam": an abbreviation, not a word written in full.
    if (block.text[token.end] === '.' && ABBREVIATED.has(token.lower)) continue;
    // "masing-masing Padukuhan", "suatu Kalurahan": after a word that counts, the kind of region,
    // not a name ("Kecamatan" alone may name the office itself: "dibantu Kecamatan").
    if (REGION_WORDS.has(token.text) && !ctx.legalText && previousJoined && COUNTING_WORDS.has(previousJoined.lower) && !(nextJoined && (continuesName(nextJoined) || nextJoined.sentenceStart))) {
      flag(token, token.lower, `"${token.text}" ditulis kecil: nama jenis wilayah tanpa nama diri sesudahnya bukan nama (EYD V, Huruf Kapital).`);
      continue;
    }
    if (ctx.legalText || block.kind === 'tableCell' || token.text.length < 3 || !ctx.dictionary.has(token.lower) || ctx.dictionary.isGovernmentWord(token.lower) || ALWAYS_CAPITALISED.has(token.lower)) continue;
    if (REGION_WORDS.has(token.text) || POSITION_HEADS.has(token.lower) || ADDRESS_WORDS.has(token.lower) || CAPITALS.nama_diri[token.lower] || CAPITALS.bulan[token.lower] || CAPITALS.hari_setelah_kata_hari.includes(token.lower) || CAPITALS.rujukan_naskah.includes(token.lower)) continue;
    // A person's name after a form of address or a position (Bapak Budi, Camat Indah).
    if (previousJoined && (ADDRESS_WORDS.has(previousJoined.lower) || POSITION_WORDS.has(previousJoined.lower))) continue;
    // A province, regency or district is a name (Aceh, Padang); a village may bear an ordinary
    // word's name (Kantor, Arahan), so it counts only where a place is meant.
    if (names.isLargePlace(token.lower) || (names.isName(token.lower) && ['di', 'ke', 'dari', 'menuju'].includes(previousJoined?.lower ?? '')) || ctx.officeWords.has(token.lower) || ctx.documentNames.has(token.lower)) continue;
    const joinsName =
      (previousJoined && NAME_JOINERS.has(previousJoined.lower) && tokens[i - 2] !== undefined && continuesName(tokens[i - 2]!)) ||
      (nextJoined && NAME_JOINERS.has(nextJoined.lower) && tokens[i + 2] !== undefined && joinedBySpace(block.text, nextJoined, tokens[i + 2]!) && continuesName(tokens[i + 2]!));
    if ((previousJoined && continuesName(previousJoined)) || joinsName || (nextJoined && continuesName(nextJoined))) continue;
    if (previousJoined?.lower === 'tentang') continue;
    flag(token, token.lower, `"${token.text}" kata biasa di tengah kalimat, ditulis kecil: "${token.lower}" (EYD V, Huruf Kapital). Bila ini bagian nama diri, tambahkan namanya ke periksa.kata_tambahan.`);
  }
  return hits;
}


/**
 * "Kebupaten" → "Kabupaten", "Kegitan" → "Kegiatan": one letter off (changed, missing, extra or
 * swapped) a frequent institution word, or a frequent sentence opener at the start of a sentence.
 */
function nearFrequentWord(token: Token, opensSentence: boolean): string | undefined {
  if (token.text.length < 6) return undefined;
  const candidates = opensSentence ? [...FREQUENT_CAPITALISED.lembaga, ...FREQUENT_CAPITALISED.awal_kalimat] : FREQUENT_CAPITALISED.lembaga;
  return candidates.find((known) => known !== token.text && Math.abs(known.length - token.text.length) <= 1 && isOneEditApart(known, token.text));
}

function isOneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function checkSpelling(ctx: RuleContext, suggestionBudget: { left: number }): Hit[] {
  const hits: Hit[] = [];
  const names = loadNames();
  // In a Title Case heading or headline every word is capitalised, and only the first opens the sentence.
  const heading = ctx.block.block.kind === 'heading';
  const openers = new Set(ctx.block.sentences.map((sentence) => sentence.first));
  for (const [index, token] of ctx.block.tokens.entries()) {
    if (!isPlainWord(token) || token.text.length < 2) continue;
    const opensSentence = heading ? openers.has(index) : token.sentenceStart;
    const near = isCapitalised(token.text) && !hasCapitalInside(token.text) && !names.isNameWord(token.lower) ? nearFrequentWord(token, opensSentence) : undefined;
    if (near && !ctx.dictionary.has(token.lower) && !ctx.officeWords.has(token.lower) && !ctx.taken(token.start, token.end)) {
      hits.push({ rule: 'language/spelling', start: token.start, end: token.end, message: `"${token.text}" tampaknya salah ketik "${near}" (Hunspell id_ID, berdasarkan KBBI). Bila ini nama, tambahkan ke periksa.kata_tambahan.`, suggestion: near });
      continue;
    }
    const affixed = token.text === token.lower || token.sentenceStart ? misAffixed(ctx, token.lower) : undefined;
    if (affixed && !ctx.taken(token.start, token.end)) {
      hits.push({ rule: 'language/spelling', start: token.start, end: token.end, message: `"${token.text}" salah imbuhan; yang benar "${matchCase(token.text, affixed)}" (EYD V, Penulisan Kata: ke-…-an, pe-…-an, di-…-kan, -nya).`, suggestion: matchCase(token.text, affixed) });
      continue;
    }
    // "hasi-hasil": a letter dropped or doubled in one half of a reduplication. Not a change of
    // sound, which reduplications make on purpose (warna-warni, sayur-mayur, corat-coret).
    const halves = /^(\p{Ll}+)-(\p{Ll}+)$/u.exec(token.text);
    if (halves && halves[1] !== halves[2] && !ctx.dictionary.has(token.text) && !ctx.taken(token.start, token.end)) {
      const [, first, second] = halves as unknown as [string, string, string];
      const whole = ctx.dictionary.has(second) && !ctx.dictionary.has(first) && oneLetterApart(first, second) ? second : ctx.dictionary.has(first) && !ctx.dictionary.has(second) && oneLetterApart(first, second) ? first : undefined;
      if (whole !== undefined) {
        hits.push({ rule: 'language/spelling', start: token.start, end: token.end, message: `"${token.text}" tampaknya kata ulang "${whole}-${whole}" yang salah ketik (Hunspell id_ID, berdasarkan KBBI).`, suggestion: `${whole}-${whole}` });
        continue;
      }
    }
    const inName = isCapitalised(token.text) && !hasCapitalInside(token.text) ? slipInName(ctx, index) : undefined;
    if (inName && !ctx.taken(token.start, token.end)) {
      hits.push({ rule: 'language/spelling', start: token.start, end: token.end, message: `"${token.text}" tampaknya salah ketik "${inName}" (Hunspell id_ID, berdasarkan KBBI): bukan kata kamus dan bukan nama wilayah (idn-area-data). Bila ini nama, tambahkan ke periksa.kata_tambahan.`, suggestion: inName });
      continue;
    }
    // Capitalised words are names, acronyms (PPID, APBDes) or sentence starts; digits are numbers,
    // codes and ordinals (ke-3); apostrophes are transliterations (Qur'an). None is a spelling question.
    if (/[\p{Lu}\p{N}'’]/u.test(token.text)) continue;
    if (ctx.taken(token.start, token.end)) continue;
    // "dr. Ratna", "a.n. Camat": abbreviations with a full stop.
    if (ctx.block.block.text[token.end] === '.' && ABBREVIATED.has(token.lower)) continue;
    if (inReporterInitials(ctx, token) || inForeignGloss(ctx, token)) continue;
    // Listed non-standard words are known words: reported by language/standard-word or allowed there (quotes).
    if (ctx.officeWords.has(token.lower) || STANDARD_FORMS.has(token.lower) || STANDARD.has(token.lower) || ctx.dictionary.accepts(token.text)) continue;
    let suggestions: string[] = [];
    if (suggestionBudget.left > 0) {
      suggestionBudget.left -= 1;
      suggestions = ctx.dictionary.suggest(token.text);
    }
    hits.push({
      rule: 'language/spelling',
      start: token.start,
      end: token.end,
      message: `"${token.text}" tidak ada di kamus (Hunspell id_ID, berdasarkan KBBI) maupun daftar kata kantor: salah ketik? Bila benar (nama, istilah setempat), tambahkan ke periksa.kata_tambahan; bila kata asing/daerah, tulis miring.`,
      ...(suggestions.length > 0 ? { suggestion: suggestions.join(', ') } : {}),
    });
  }
  return hits;
}

/**
 * Capitalised dictionary words the document itself uses as names, so the capital is not judged
 * anywhere in it: a member of a list of names ("Jumwal Shaleh, Arwah, La Ode Hermanto, dan …"),
 * or beside a capitalised word the dictionary does not know ("Muhammad Arwah").
 */
export function learnDocumentNames(blocks: readonly AnalysedBlock[], dictionary: Dictionary): Set<string> {
  const learnt = new Set<string>();
  const unknownName = (token: Token | undefined) => token !== undefined && /^\p{Lu}\p{Ll}+$/u.test(token.text) && !dictionary.accepts(token.lower);
  for (const { tokens, block } of blocks) {
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      // A word made with ber-, me-, di-, se-, ter- after a name is not a name: "Muntoko Bersama sekretaris".
      if (!/^\p{Lu}\p{Ll}+$/u.test(token.text) || !dictionary.has(token.lower) || /^(?:ber|me|di|se|ter)\p{Ll}{3,}$/u.test(token.lower)) continue;
      const previous = tokens[i - 1];
      const next = tokens[i + 1];
      const besideUnknown = (previous && joinedBySpace(block.text, previous, token) && unknownName(previous) && !previous.sentenceStart) || (next && joinedBySpace(block.text, token, next) && unknownName(next));
      // In a list: "…, Arwah, …" with a name on each side.
      const capitalisedName = (other: Token | undefined) => other !== undefined && isCapitalised(other.text) && !other.sentenceStart;
      const afterComma = /,\s*$/u.test(block.text.slice(Math.max(0, token.start - 3), token.start)) && capitalisedName(previous);
      const beforeComma = /^,/u.test(block.text.slice(token.end)) && capitalisedName(next);
      const beforeAnd = next !== undefined && ['dan', 'serta', 'atau'].includes(next.lower) && capitalisedName(tokens[i + 2]);
      // …or set off by commas after a title ending in an acronym: "Kepala Bidang Pelayanan AHU, Gunawan, …".
      const appositive = /,\s*$/u.test(block.text.slice(Math.max(0, token.start - 3), token.start)) && /^,/u.test(block.text.slice(token.end)) && previous !== undefined && /^\p{Lu}{2,}$/u.test(previous.text);
      const listed = appositive || (afterComma && (beforeComma || beforeAnd) && (unknownName(previous) || unknownName(next) || unknownName(tokens[i + 2])));
      if (besideUnknown || listed) learnt.add(token.lower);
    }
  }
  return learnt;
}

/**
 * Affixes put together the way Indonesian never does, which Hunspell's rules still let through:
 * ke-…-kan and pe(N)-…-kan for the nouns ke-…-an and pe(N)-…-an of a root ending in k
 * ("kekompakkan" → "kekompakan", "pengelompokkan" → "pengelompokan"), di-…-an for di-…-kan
 * ("dimasukan" → "dimasukkan"), and -nya after a final n written once ("alasanya" → "alasannya").
 * Only when the written form is not a dictionary word and the fixed one is.
 */
function misAffixed(ctx: RuleContext, word: string): string | undefined {
  if (ctx.officeWords.has(word) || word.length < 8) return undefined;
  // Structurally wrong even where Hunspell's affix rules accept them.
  if (/^(?:ke|pe)\p{Ll}{3,}kkan$/u.test(word) && ctx.dictionary.accepts(`${word.slice(0, -3)}an`)) return `${word.slice(0, -3)}an`;
  // "dimasukan": the root is "masuk", so di-…-kan keeps its k ("masu" is no root).
  const passive = /^(di|ter)(\p{Ll}+k)an$/u.exec(word);
  if (passive && ctx.dictionary.has(passive[2]!) && !ctx.dictionary.has(passive[2]!.slice(0, -1)) && ctx.dictionary.has(`${word.slice(0, -2)}kan`)) return `${word.slice(0, -2)}kan`;
  if (!ctx.dictionary.has(word) && /[aiueo]nya$/u.test(word) && ctx.dictionary.has(word.slice(0, -3) + 'n')) return `${word.slice(0, -3)}nnya`;
  return undefined;
}

/** One letter more or less, nothing else: "hasi" and "hasil". */
function oneLetterApart(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i += 1) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/**
 * "Daerah Isimewa Yogyakarta", "Bidang Uruan Agama": a capitalised word that is neither a word
 * nor a known name, standing beside an institution word, and
 * one slip away from a dictionary word (a letter doubled, dropped, added, changed or swapped).
 */
function slipInName(ctx: RuleContext, index: number): string | undefined {
  const { tokens, block } = ctx.block;
  const token = tokens[index]!;
  const names = loadNames();
  if (!/^\p{Lu}\p{Ll}{4,}$/u.test(token.text) || ctx.dictionary.accepts(token.lower) || names.isNameWord(token.lower) || ctx.officeWords.has(token.lower) || ctx.dictionary.isGovernmentWord(token.lower)) return undefined;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  const beside = [previous && joinedBySpace(block.text, previous, token) ? previous : undefined, next && joinedBySpace(block.text, token, next) ? next : undefined].filter((other) => other !== undefined);
  // Beside an institution word (Daerah, Bidang, Dinas): a place or a person stands beside a region
  // word or another name, and is often one letter from some word (Nagari Gaduang, Hj. Armida).
  const knownBeside = beside.some((other) => FREQUENT_CAPITALISED.lembaga.includes(other.text) && !REGION_WORDS.has(other.text));
  // A letter typed twice or one too many in a long word is a slip wherever it stands: "Reviitalisasi",
  // "Tanjungsasri".
  // (Another dropped letter makes a dictionary word of many names: Stunting, Glondong.)
  if (!knownBeside && token.text.length >= 8) {
    for (let i = 1; i < token.lower.length; i += 1) {
      const shorter = token.lower.slice(0, i) + token.lower.slice(i + 1);
      const doubled = token.lower[i] === token.lower[i - 1];
      if ((doubled && shorter.length >= 7 && ctx.dictionary.has(shorter)) || (shorter.length >= 8 && names.isNameWord(shorter))) return names.nameWord(shorter) ?? matchCase(token.text, shorter);
    }
  }
  if (!knownBeside) return undefined;
  // A word frequent in names of institutions first (Uruan → Urusan, not Urunan), then any
  // dictionary word for a longer one; never another name: a hamlet or a person is often one
  // letter from another place's name, and a short acronym (Perki) from some word.
  const slips = commonSlips(token.lower).filter((candidate) => !candidate.includes(' '));
  const institution = slips.map((candidate) => INSTITUTION_WORDS.get(candidate)).find((word) => word !== undefined);
  if (institution !== undefined) return institution;
  const fixed = token.text.length >= 6 ? slips.find((candidate) => candidate.length >= 6 && ctx.dictionary.has(candidate)) : undefined;
  return fixed === undefined ? undefined : matchCase(token.text, fixed);
}

/** The brackets around a token, as offsets of "(" and ")", when it stands inside a pair. */
function enclosingBrackets(text: string, token: Token): { open: number; close: number } | undefined {
  const open = text.lastIndexOf('(', token.start);
  const close = text.indexOf(')', token.end);
  return open < 0 || close < 0 || text.slice(open, token.start).includes(')') ? undefined : { open, close };
}

/** "(ph/har)", "(kontri/why)": the initials of a news item's reporter and editor. */
function inReporterInitials(ctx: RuleContext, token: Token): boolean {
  const { text } = ctx.block.block;
  const brackets = enclosingBrackets(text, token);
  return brackets !== undefined && /^\((?:\p{Ll}{1,8}\/)+\p{Ll}{1,8}\)$/u.test(text.slice(brackets.open, brackets.close + 1));
}

/**
 * "tata kelola yang baik (good governance)": a term glossed in brackets in another language,
 * every word of it unknown to the dictionary. It should be italic (language/foreign-word says so
 * where it knows the term); it is not a misspelling.
 */
function inForeignGloss(ctx: RuleContext, token: Token): boolean {
  const brackets = enclosingBrackets(ctx.block.block.text, token);
  if (brackets === undefined) return false;
  const words = ctx.block.tokens.filter((other) => other.start > brackets.open && other.end <= brackets.close);
  return words.length >= 2 && words.every((word) => /^\p{Ll}+$/u.test(word.text) && !ctx.dictionary.accepts(word.text));
}

/**
 * Sentences that start with a small letter: the first word of a paragraph that ends like a
 * sentence, or a word after a full stop that ends a word (not an abbreviation: "dll. dan" is fine). List items and table cells
 * often start small on purpose, so only paragraphs of running text are looked at.
 */
function lowerCaseSentenceStarts(ctx: RuleContext): Token[] {
  const { tokens, block } = ctx.block;
  if (!block.standalone) return [];
  const found: Token[] = [];
  const first = tokens[0];
  // A paragraph that does not end like a sentence is a form line or a letter formula
  // ("di tempat", "hari/tanggal: Kamis"), not a sentence that needs a capital.
  const endsLikeSentence = /[.!?]["”’)\]]*\s*$/u.test(block.text);
  if (first && endsLikeSentence && block.text.slice(0, first.start).trim() === '' && isSmallWord(ctx, first)) found.push(first);
  for (let i = 1; i < tokens.length; i += 1) {
    const previous = tokens[i - 1]!;
    const token = tokens[i]!;
    if (!/^\.\s+$/u.test(block.text.slice(previous.end, token.start)) || !/^\p{Ll}{3,}$/u.test(previous.text) || ABBREVIATED.has(previous.lower)) continue;
    if (isSmallWord(ctx, token)) found.push(token);
  }
  return found;
}

function isSmallWord(ctx: RuleContext, token: Token): boolean {
  // "a. menawarkan …", "b) mengumumkan …": letters numbering the points of a regulation.
  if (token.text.length < 2 || /^[.)]/u.test(ctx.block.block.text.slice(token.end))) return false;
  return isPlainWord(token) && /^\p{Ll}+$/u.test(token.text) && ctx.dictionary.accepts(token.text);
}
