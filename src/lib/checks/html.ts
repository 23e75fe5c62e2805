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
