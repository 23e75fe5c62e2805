/**
 * Start tags in a raw HTML fragment of Markdown, with their attributes. Not a full HTML parser:
 * enough to find `<img>` without alt, `<script>`, `on…=` handlers and iframes in what authors
 * paste, where a miss would mean unchecked content and a false alarm costs one look.
 */
export interface HtmlTag {
  name: string;
  /** Lowercased attribute names; `true` for attributes without a value. */
  attributes: Map<string, string | true>;
  /** Offset of `<` in the fragment. */
  offset: number;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function findHtmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const match of html.matchAll(TAG)) {
    const attributes = new Map<string, string | true>();
    for (const attribute of match[2]!.matchAll(ATTRIBUTE)) {
      attributes.set(attribute[1]!.toLowerCase(), attribute[2] ?? attribute[3] ?? attribute[4] ?? true);
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes, offset: match.index });
  }
  return tags;
}

/**
 * Elements of a Markdown document's raw HTML, by name: the opening offset (in the file) and the
 * HTML up to the closing tag. The parts of one element may sit in several mdast `html` nodes
 * (inline HTML in a paragraph is one node per tag), so they are joined in document order.
 */
export function findHtmlElements(htmlNodes: readonly { value: string; offset: number }[], name: string): { offset: number; html: string }[] {
  const open = new RegExp(`<${name}\\b`, 'gi');
  const close = new RegExp(`</${name}\\s*>`, 'i');
  const elements: { offset: number; html: string }[] = [];
  let current: { offset: number; html: string } | undefined;
  for (const node of htmlNodes) {
    let rest = node.value;
    let base = node.offset;
    while (rest !== '') {
      if (current) {
        const end = close.exec(rest);
        if (!end) {
          current.html += rest;
          break;
        }
        current.html += rest.slice(0, end.index + end[0].length);
        elements.push(current);
        current = undefined;
        base += end.index + end[0].length;
        rest = rest.slice(end.index + end[0].length);
        continue;
      }
      open.lastIndex = 0;
      const start = open.exec(rest);
      if (!start) break;
      current = { offset: base + start.index, html: '' };
      base += start.index;
      rest = rest.slice(start.index);
      // Skip past the opening `<name` so the loop looks for the closing tag next.
      current.html += rest.slice(0, start[0].length);
      base += start[0].length;
      rest = rest.slice(start[0].length);
    }
  }
  if (current) elements.push(current);
  return elements;
}
