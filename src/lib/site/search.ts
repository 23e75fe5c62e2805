/**
 * The search page's words and the pieces of a Pagefind result, as plain data: the page's script
 * (src/scripts/search.ts) turns them into DOM nodes, never into HTML.
 */

/** A run of an excerpt's text; `marked` where it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Pagefind's excerpt is the page's text with `<` and `>` escaped and the matched words wrapped in
 * `<mark>…</mark>`. Only those two tags are read as markup; everything else stays text, so the
 * text of a page can never become elements on the search page. Pagefind 1.x escapes nothing
 * else: an "&amp;" or "&#39;" in an excerpt is what the page says, and stays so.
 */
export function splitExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const [index, piece] of excerpt.split(/<\/?mark>/).entries()) {
    if (piece === '') continue;
    const text = piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const marked = index % 2 === 1;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  }
  return parts;
}

/** What the live region says once a search is done. */
export function resultsMessage(count: number, query: string): string {
  return count === 0
    ? `Tidak ada hasil untuk “${query}”. Coba kata lain, atau lihat daftar semua informasi di bawah.`
    : `${count} hasil untuk “${query}”`;
}

/** The query of the search page's address (`/cari/?q=posyandu`), trimmed; empty when none. */
export function queryOf(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim();
}
