import { isMap, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document, type Node } from 'yaml';

/** A YAML text parsed for its positions, so that a problem can name the line of a key. */
export interface LocatedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (a frontmatter starts after `---`). */
  lineOffset: number;
}

export function parseLocatedYaml(text: string, lineOffset = 0): LocatedYaml {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema keeps `2025-01-01` a string; schemas decide what a date is.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length === 0) reportAliasExpansion(doc, lineCounter);
  return { doc, lineCounter, lineOffset };
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
