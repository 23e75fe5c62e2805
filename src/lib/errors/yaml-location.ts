import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document, type ErrorCode, type Node } from 'yaml';

/** A YAML text parsed for its positions, so that a problem can name the line of a key. */
export interface LocatedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (a frontmatter starts after `---`). */
  lineOffset: number;
}

export function parseLocatedYaml(text: string, lineOffset = 0): LocatedYaml {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema keeps `2025-01-01` a string; schemas decide what a date is. Named
  // explicitly so that a `%YAML 1.1` line cannot switch to the 1.1 schema (merge keys, `yes`).
  // No known tags (!!binary, !!set, !!timestamp …) and no custom ones: see reportNotPlainData.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, schema: 'core', customTags: [], resolveKnownTags: false, merge: false });
  if (doc.errors.length === 0) reportNotPlainData(doc, text, lineCounter);
  if (doc.errors.length === 0) reportAliasExpansion(doc, lineCounter);
  return { doc, lineCounter, lineOffset };
}

/** YAML that parses but is more than plain data: refused with its own message and fix. */
export class NotPlainDataError extends YAMLParseError {
  readonly fix: string;
  constructor(offset: number, end: number, code: ErrorCode, message: string, fix: string, lineCounter: LineCounter) {
    super([offset, end], code, message);
    const { line, col } = lineCounter.linePos(offset);
    this.linePos = [{ line, col }];
    this.fix = fix;
  }
}

/**
 * Tags (`!!js/function`, `!!binary`, `!foo`) and merge keys (`<<`) are refused. Astro reads
 * frontmatter again with js-yaml, which throws on tags it does not know (an English stack trace
 * that stops the site) and turns the ones it knows into Buffers, Sets and Dates, and which
 * merges `<<` where this parser keeps it as a key: the data the checks passed would not be the
 * data the site publishes. The core tags (`!!str`, `!!int` …) are plain data and stay.
 */
function reportNotPlainData(doc: Document, text: string, lineCounter: LineCounter): void {
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = text.slice(warning.pos[0], warning.pos[1]);
    doc.errors.push(
      new NotPlainDataError(
        warning.pos[0],
        warning.pos[1],
        'TAG_RESOLVE_FAILED',
        `tanda \`${tag}\` (tag YAML) tidak diterima: isian hanya boleh data biasa (teks, angka, tanggal, daftar); jenis data khusus dibaca berbeda oleh program yang berbeda.`,
        `hapus \`${tag}\` dan tulis isinya sebagai teks biasa; teks yang diawali tanda seru diapit tanda kutip, misalnya "!penting".`,
        lineCounter,
      ),
    );
  }
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && OBJECT_MACHINERY_KEYS.has(pair.key.value)) {
        const [start, end] = pair.key.range ?? [0, 0];
        const key = pair.key.value;
        const field = [...fieldOf(ancestors), key].join('.');
        doc.errors.push(
          new NotPlainDataError(
            start,
            end,
            'UNEXPECTED_TOKEN',
            `nama \`${key}\` di \`${field}\` tidak diterima: JavaScript memakai nama ini untuk mesin objeknya sendiri, sehingga isiannya terbaca lain dari yang ditulis dan situs tidak bisa dibangun.`,
            `ganti nama \`${key}\` dengan nama lain${field.startsWith('kolom.') ? '; bila itu judul kolom di berkas CSV, ganti juga judul kolom di baris pertama berkasnya, misalnya menjadi "proto"' : ''}.`,
            lineCounter,
          ),
        );
        return;
      }
      if (!isScalar(pair.key) || pair.key.value !== '<<' || pair.key.type !== 'PLAIN') return;
      const offset = pair.key.range?.[0] ?? 0;
      doc.errors.push(
        new NotPlainDataError(
          offset,
          offset + 2,
          'UNEXPECTED_TOKEN',
          'kunci gabungan `<<` (merge key YAML) tidak diterima: sebagian pembaca YAML menggabungkan isinya ke kolom di sekitarnya, sebagian membacanya sebagai kolom bernama "<<", sehingga datanya bisa terbaca berbeda.',
          'tulis setiap kolom langsung di tempatnya, tanpa `<<`.',
          lineCounter,
        ),
      );
    },
  });
}

/**
 * Keys that name JavaScript's own object machinery: read into an object they set its prototype
 * (`__proto__`) or shadow what every object has, and Astro's data store refuses to save them
 * ("Cannot stringify objects with __proto__ keys"), in English, after the checks passed.
 */
const OBJECT_MACHINERY_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The field path of a pair's parent, from the visitor's ancestors: `sosial.teks`, `kolom`, `foto.0`. */
function fieldOf(ancestors: readonly unknown[]): (string | number)[] {
  const field: (string | number)[] = [];
  ancestors.forEach((node, index) => {
    if (isPair(node) && isScalar(node.key)) field.push(String(node.key.value));
    else if (isSeq(node)) field.push(node.items.indexOf(ancestors[index + 1] as never));
  });
  return field;
}

/**
 * A few lines of nested aliases (`*a`) can expand to millions of values ("billion laughs");
 * yaml's toJS() then throws, which every reader would meet as a crash. Recorded as the parse
 * error yaml itself gives for too deep a nesting (RESOURCE_EXHAUSTION), at the first alias, so
 * it is reported like any broken YAML, with its line.
 */
function reportAliasExpansion(doc: Document, lineCounter: LineCounter): void {
  try {
    doc.toJS();
  } catch (error) {
    let offset = 0;
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const problem = new YAMLParseError([offset, offset + 1], 'RESOURCE_EXHAUSTION', (error as Error).message);
    const { line, col } = lineCounter.linePos(offset);
    problem.linePos = [{ line, col }];
    doc.errors.push(problem);
  }
}

/**
 * Line and column (1-based) of the deepest node on `path` that exists: a missing key points at
 * its parent, which is where the author has to add it.
 */
export function locatePath(located: LocatedYaml, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  let node: unknown = located.doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyOf(item.key) === String(key));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = located.lineCounter.linePos(offset);
  return { line: line + located.lineOffset, column: col };
}

function keyOf(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return key === undefined || key === null ? undefined : String(key);
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
