import type { Node as MdastNode, Parent, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { visit as visitYaml } from 'yaml';
import { findWrittenElements } from '../../content/html.ts';
import type { CheckDocument } from '../document.ts';
import type { RuleFinding } from '../rule.ts';
import { makeLocator } from '../text-position.ts';

/**
 * Characters that make the page say something other than what the officials approved, or
 * break the files made from it: reported where they are written, whether as the character
 * itself or as a code the author cannot see through (`&#x202E;` in Markdown or HTML, `\u202E`
 * in a quoted frontmatter value), since the page shows the decoded character either way.
 */

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
// ZERO WIDTH JOINER (U+200D) is left alone: emoji sequences need it.
const INVISIBLE = /[\u200B\u200C\u2060\u180E\uFEFF]/;
// C0 controls but tab, line feed and carriage return; DEL; C1. XML 1.0 forbids the C0 ones, so
// one in a title makes rss.xml unreadable for every subscriber.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

interface SuspectCharacter {
  rule: string;
  pattern: RegExp;
  message: (code: string) => string;
  suggestion: (code: string) => string;
}

const SUSPECT_CHARACTERS: readonly SuspectCharacter[] = [
  {
    rule: 'security/bidi-control',
    pattern: BIDI,
    message: (code) => `karakter pengendali arah teks ${code} membuat teks tampil berbeda dari isinya yang sebenarnya.`,
    suggestion: (code) => `hapus karakter itu (tidak terlihat di penyunting biasa; cari dengan kode ${code}).`,
  },
  {
    rule: 'security/invisible-char',
    pattern: INVISIBLE,
    message: (code) => `karakter tak terlihat ${code} memecah kata, sehingga pencarian dan pembaca layar keliru.`,
    suggestion: () => 'hapus karakter itu.',
  },
  {
    rule: 'security/control-char',
    pattern: CONTROL,
    message: (code) => `karakter kendali ${code} tidak terlihat, tetapi merusak berkas yang dibuat dari naskah: umpan RSS situs (rss.xml) menjadi tidak sah dan aplikasi pembaca berita menolak seluruh umpan.`,
    suggestion: (code) => `hapus karakter itu (tidak terlihat di penyunting biasa; cari dengan kode ${code}).`,
  },
];

const SUSPECT = new RegExp(SUSPECT_CHARACTERS.map((kind) => kind.pattern.source).join('|'), 'g');

/** A text as the page shows it, and the source it was decoded from. */
interface DecodedText {
  value: string;
  /** File offset where `source` starts. */
  start: number;
  source: string;
  codes: CodeSyntax;
}

/** How a source writes a character as a code. */
interface CodeSyntax {
  pattern: RegExp;
  decode: (code: RegExpMatchArray) => string;
}

/** Character references (`&#x202E;`, `&#8238;`): Markdown and HTML decode them. */
const HTML_CODES: CodeSyntax = {
  pattern: /&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));?/g,
  decode: ([, hex, decimal]) => fromCodePoint(hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal)),
};
/** Escapes of a double-quoted YAML value (`\u202E`, `\x0b`, `\N`); `\\` is matched so that it is skipped whole. */
const YAML_CODES: CodeSyntax = {
  pattern: /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\s\S]))/g,
  decode: ([, x, u, U, escape]) => (escape !== undefined ? (YAML_ESCAPES[escape] ?? escape) : fromCodePoint(Number.parseInt((x ?? u ?? U)!, 16))),
};
const YAML_ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', v: '\v', f: '\f', e: '\x1b', N: '\x85' };

export function checkCharacters(doc: CheckDocument): RuleFinding[] {
  const locate = makeLocator(doc.text);
  const findings: RuleFinding[] = [];
  for (const match of doc.text.matchAll(SUSPECT)) {
    // A byte-order mark opening the file is how some editors save UTF-8, not part of the text.
    if (match.index === 0 && match[0] === '\uFEFF') continue;
    findings.push(describeCharacter(match[0], locate(match.index)));
  }
  // One code can reach the page twice (an inline HTML tag's text is both Markdown and HTML).
  const reported = new Set<string>();
  for (const text of decodedTexts(doc)) {
    for (const { char, offset, written } of findWrittenAsCode(text)) {
      const key = `${char}@${offset}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push(describeCharacter(char, locate(offset), written));
    }
  }
  return findings;
}

function describeCharacter(char: string, at: { line: number; column: number }, written?: string | null): RuleFinding {
  const kind = SUSPECT_CHARACTERS.find((candidate) => candidate.pattern.test(char))!;
  const code = codePoint(char);
  if (written === undefined) return { rule: kind.rule, ...at, message: kind.message(code), suggestion: kind.suggestion(code) };
  const how = written === null ? 'sebagai kode karakter bernama (misalnya `&ZeroWidthSpace;`)' : `sebagai kode \`${written}\``;
  return {
    rule: kind.rule,
    ...at,
    message: `${kind.message(code)} Karakter itu ditulis ${how}, jadi tidak tampak di naskah, tetapi tetap ada di halaman.`,
    suggestion: written === null ? `hapus kode karakter itu (${code}).` : `hapus \`${written}\`.`,
  };
}

/**
 * The suspect characters of a decoded text that its source does not show as themselves, each at
 * the code that wrote it (`written`), or at the start of the source when it was a named
 * reference (`written: null`). Characters written as themselves are the raw scan's.
 */
function findWrittenAsCode(text: DecodedText): { char: string; offset: number; written: string | null }[] {
  const unexplained = new Map<string, number>();
  for (const [char] of text.value.matchAll(SUSPECT)) unexplained.set(char, (unexplained.get(char) ?? 0) + 1);
  if (unexplained.size === 0) return [];
  for (const [char] of text.source.matchAll(SUSPECT)) if (unexplained.has(char)) unexplained.set(char, unexplained.get(char)! - 1);
  const found: { char: string; offset: number; written: string | null }[] = [];
  for (const code of text.source.matchAll(text.codes.pattern)) {
    const char = text.codes.decode(code);
    const left = unexplained.get(char) ?? 0;
    if (left <= 0) continue;
    unexplained.set(char, left - 1);
    found.push({ char, offset: text.start + code.index, written: code[0] });
  }
  for (const [char, left] of unexplained) if (left > 0) found.push({ char, offset: text.start, written: null });
  return found;
}

/**
 * Every text of the document that the page shows decoded: Markdown text, link and picture
 * addresses, titles and alt texts, raw HTML's text and attribute values, frontmatter values.
 * In Markdown and HTML only a character reference (`&…;`) decodes to another character, so a
 * file without `&` is not parsed as HTML a second time.
 */
function decodedTexts(doc: CheckDocument): DecodedText[] {
  const texts: DecodedText[] = [];
  const add = (value: string, start: number, end: number, codes: CodeSyntax) => texts.push({ value, start, source: doc.text.slice(start, end), codes });
  if (doc.text.includes('&')) {
    visit(doc.tree, (node: MdastNode) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      if (node.type === 'text') add((node as Text).value, start, end, HTML_CODES);
      const { url, title, alt } = node as { url?: unknown; title?: unknown; alt?: unknown };
      const own = [url, title, alt].filter((value) => typeof value === 'string');
      // A link's address and title follow its text: `[text](url "title")`.
      const lastChild = (node as Partial<Parent>).children?.at(-1);
      if (own.length > 0) add(own.join(' '), lastChild?.position?.end.offset ?? start, end, HTML_CODES);
    });
    for (const { element, attributes, offset } of findWrittenElements(doc.tree, doc.text)) {
      // Attribute values are in the start tag: up to the first child, or the whole element.
      add([...attributes.values()].join(' '), offset, element.children[0]?.position?.start.offset ?? element.position!.end.offset!, HTML_CODES);
      for (const child of element.children) {
        if (child.type === 'text' && child.position?.start.offset !== undefined) add(child.value, child.position.start.offset, child.position.end.offset!, HTML_CODES);
      }
    }
  }
  const frontmatter = doc.frontmatterLocated;
  if (frontmatter) {
    // The YAML text starts on the line after the opening `---`.
    const yamlStart = lineStart(doc.text, frontmatter.lineOffset);
    visitYaml(frontmatter.doc, {
      Scalar(_, node) {
        if (typeof node.value === 'string' && node.range) add(node.value, yamlStart + node.range[0], yamlStart + node.range[1], YAML_CODES);
      },
    });
  }
  return texts;
}

/** Offset of the first character after `lines` lines of `text`. */
function lineStart(text: string, lines: number): number {
  let offset = 0;
  for (let line = 0; line < lines; line++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

function fromCodePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '';
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
