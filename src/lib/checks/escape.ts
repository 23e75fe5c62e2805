/**
 * Author text inside a GitHub comment or issue must not become HTML, mentions or links by accident.
 * A module of its own, free of the checks' rule data, so the site's build can use it too.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/@(?=\w)/g, '@\u200B');
}
