import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readRuleData } from '../data.ts';
import { locateField } from '../document.ts';
import { asText } from '../references.ts';
import type { RuleFamily, RuleFinding, RuleInfo } from '../rule.ts';
import { nodeStart } from '../text-position.ts';

export const NEWS_RULES = [
  {
    id: 'news/5w1h',
    severity: 'warning',
    title: 'Berita tanpa unsur 5W+1H di teras berita',
    help: 'Teras berita (paragraf pembuka) menjawab apa, siapa, kapan, di mana, mengapa dan bagaimana, sehingga pembaca paham inti berita tanpa membaca semuanya (SOP Kapanewon Bantul 2024: narasi singkat 5W+1H). `lokasi` dan `narasumber` di frontmatter dihitung sebagai "di mana" dan "siapa"; `tanggal` tidak, karena itu tanggal tayang, bukan waktu kejadian.',
  },
] as const satisfies readonly RuleInfo[];

type Element = 'what' | 'who' | 'when' | 'where' | 'why' | 'how';
const NAMES: Record<Element, string> = { what: 'apa', who: 'siapa', when: 'kapan', where: 'di mana', why: 'mengapa', how: 'bagaimana' };
const HINTS: Record<Element, string> = {
  what: 'tulis paragraf pembuka yang menyebut peristiwanya',
  who: 'sebut siapa yang terlibat (nama dan jabatan) atau isi `narasumber`',
  when: 'sebut hari dan tanggal kejadian, misalnya "Senin (12/5/2025)"',
  where: 'sebut tempatnya ("di Balai Desa Anggrasmanis") atau isi `lokasi`',
  why: 'sebut tujuan atau alasannya ("untuk …", "dalam rangka …", "karena …")',
  how: 'sebut caranya ("dengan …", "melalui …", "secara …")',
};

/** A group of markers: words and phrases, or pairs of a linking word and an event (setelah … hujan). */
type MarkerGroup = string[] | { penghubung: string[]; peristiwa: string[] };
const markers = readRuleData<Record<Exclude<Element, 'what'>, Record<string, MarkerGroup>>>('news-markers.yml');
const WORDS = Object.fromEntries(Object.entries(markers).map(([element, groups]) => [element, markerPattern(Object.values(groups))])) as Record<Exclude<Element, 'what'>, RegExp>;

function markerPattern(groups: MarkerGroup[]): RegExp {
  const alternatives = groups.map((group) => {
    if (Array.isArray(group)) return anyOf(group);
    // The event may come a few words after the linking word: "setelah wilayah itu diguyur hujan".
    return `${anyOf(group.penghubung)}(?:\\s+[\\p{L}-]+){0,3}?\\s+${anyOf(group.peristiwa)}`;
  });
  return new RegExp(`(?<![\\p{L}-])(?:${alternatives.join('|')})(?![\\p{L}-])`, 'iu');
}

function anyOf(words: readonly string[]): string {
  return `(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})`;
}

// A date like 12/5/2025 or "12 Mei 2025", or "(12/5)" as news agencies write it.
const DATE = /\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b|\b\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}\b/u;
// "di Balai …", "di Desa …": "di" followed by a capitalised word.
const PLACE = /(?<![\p{L}])di\s+\p{Lu}/u;
// Two capitalised words in a row, or an acronym of 2+ capitals, not at the sentence start.
const NAME = /(?<=[\p{Ll},;]\s)(?:\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+|\p{Lu}{2,})/u;

export const newsRules: RuleFamily = {
  rules: NEWS_RULES,
  check(doc) {
    if (doc.jenis !== 'berita') return [];
    // The lead: the first two paragraphs with words (a photo alone in a paragraph is not a lead).
    const lead = doc.tree.children.filter((node): node is Paragraph => node.type === 'paragraph' && /\p{L}{3,}/u.test(proseOf(node))).slice(0, 2);
    const missing = findMissingElements(lead.map(proseOf).join('\n'), { lokasi: asText(doc.data.lokasi), narasumber: hasValue(doc.data.narasumber) });
    if (missing.length === 0) return [];
    const at = lead[0] ? nodeStart(lead[0]) : locateField(doc, ['judul']);
    const finding: RuleFinding = {
      rule: 'news/5w1h',
      ...at,
      message: `teras berita belum menjawab: ${missing.map((m) => NAMES[m]).join(', ')}. Pembaca perlu 5W+1H di paragraf pembuka untuk memahami inti berita.`,
      suggestion: `${missing.map((m) => HINTS[m]).join('; ')}.`,
    };
    return [finding];
  },
};

/** The 5W+1H elements a lead does not show; `lokasi` and `narasumber` count for where and who. */
export function findMissingElements(lead: string, frontmatter: { lokasi?: string; narasumber?: boolean }): Element[] {
  if (lead.trim() === '') return ['what', 'who', 'when', 'where', 'why', 'how'];
  const present: Record<Element, boolean> = {
    what: true,
    who: frontmatter.narasumber === true || WORDS.who.test(lead) || NAME.test(lead),
    when: WORDS.when.test(lead) || DATE.test(lead),
    where: frontmatter.lokasi !== undefined || WORDS.where.test(lead) || PLACE.test(lead),
    why: WORDS.why.test(lead),
    how: WORDS.how.test(lead),
  };
  return (Object.keys(present) as Element[]).filter((element) => !present[element]);
}

/** The words of a paragraph, without the alt text of its images. */
function proseOf(paragraph: Paragraph): string {
  return paragraph.children.filter((child) => child.type !== 'image' && child.type !== 'imageReference').map((child) => toString(child)).join('');
}

function hasValue(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : asText(value) !== undefined;
}
