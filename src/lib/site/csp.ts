/**
 * The Content-Security-Policy of every page, as a `<meta http-equiv>` (static hosts cannot be
 * relied on for headers). The site's few scripts (search, "Dengarkan") are files of the site and
 * nothing runs inline (astro.config.ts keeps Astro from inlining one), so whatever slips into
 * content cannot run: scripts only from the site itself, no plugins, no `<base>` rewrite, forms
 * only to the site, frames only from the hosts the checks allow.
 * Styles come only from the site's own stylesheets (`build.inlineStylesheets: 'never'`) and no
 * style attribute applies (table alignments are classes, src/lib/content/html.ts), so a
 * `style=` that slipped into content still cannot draw an overlay over the page.
 * The search (Pagefind, src/scripts/search.ts) is script files of the site plus WebAssembly, which
 * needs `'wasm-unsafe-eval'` (compiling WebAssembly only; eval() and inline script stay blocked);
 * its worker is a file of the site too. Recorded audio is media-src 'self', and the browser's
 * speech API is not governed by CSP.
 * https://www.w3.org/TR/CSP3/#meta-element — frame-ancestors and report-uri do not work in meta.
 */

/** `frameHosts`: the hosts `security/iframe` allows (src/lib/checks/data/iframe-hosts.yml). */
export function contentSecurityPolicy(frameHosts: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "style-src-attr 'none'",
    // No data: pictures: the site has none, and content could draw any picture with one.
    "img-src 'self'",
    "media-src 'self'",
    `frame-src ${frameHosts.map((host) => `https://${host}`).join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Links to other sites carry the origin only, never the page address. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
