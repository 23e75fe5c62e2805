/**
 * Hashtags in CamelCase ("Musrenbang 2025" → "#Musrenbang2025"): screen readers read the
 * words of a CamelCase hashtag instead of one long word. Duplicates (any case) are dropped,
 * the first spelling wins.
 */
export function makeHashtags(sources: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const source of sources) {
    const words = source.replace(/^#+/, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const tag = words.map((w) => (/^\p{Ll}/u.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');
    if (tag === '' || /^\p{N}+$/u.test(tag) || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(`#${tag}`);
  }
  return tags;
}
