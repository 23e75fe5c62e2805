/**
 * The search page's script (src/pages/cari.astro). Pagefind's API and index load only once a
 * query is searched, so a reader who only opens the page downloads none of it. Results are
 * built as DOM nodes; the excerpt's text never goes through innerHTML.
 */
import { queryOf, resultsMessage, splitExcerpt } from '../lib/site/search.ts';

/** The parts of Pagefind's JS API the page uses (https://pagefind.app/docs/api/). */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string; tanggal?: string }; filters: { jenis?: string[] } }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const PAGE_SIZE = 10;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const section = document.querySelector<HTMLElement>('[data-search-results]')!;
const list = section.querySelector<HTMLOListElement>('ol')!;
const more = section.querySelector<HTMLButtonElement>('.search-more')!;
const everything = document.querySelector<HTMLElement>('[data-search-all]')!;

let pagefind: Promise<Pagefind> | undefined;
// A URL the bundler leaves alone: the index is written after the site is bundled.
const loadPagefind = () => (pagefind ??= import(/* @vite-ignore */ `${import.meta.env.BASE_URL}pagefind/pagefind.js`) as Promise<Pagefind>);

let results: PagefindResult[] = [];
let search = 0;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

async function resultItem(result: PagefindResult): Promise<HTMLLIElement> {
  const data = await result.data();
  const item = element('li', 'search-result');
  const heading = element('h3');
  const link = element('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const facts = element('p', 'meta');
  facts.textContent = [data.filters.jenis?.[0], data.meta.tanggal].filter(Boolean).join(' · ');
  const excerpt = element('p');
  for (const part of splitExcerpt(data.excerpt)) {
    if (!part.marked) excerpt.append(part.text);
    else excerpt.append(Object.assign(element('mark'), { textContent: part.text }));
  }
  item.append(heading, facts, excerpt);
  return item;
}

/** Adds the next page of results; returns the first link added. */
async function showMore(): Promise<HTMLAnchorElement | undefined> {
  const next = results.slice(list.children.length, list.children.length + PAGE_SIZE);
  const items = await Promise.all(next.map(resultItem));
  list.append(...items);
  more.hidden = list.children.length >= results.length;
  return items[0]?.querySelector('a') ?? undefined;
}

async function run(query: string): Promise<void> {
  const current = ++search;
  input.value = query;
  list.replaceChildren();
  section.hidden = true;
  everything.hidden = false;
  if (query === '') {
    status.textContent = '';
    return;
  }
  // aria-busy until the results are in: assistive technology, and the accessibility audit
  // (src/lib/a11y/audit.ts), wait for the finished list.
  section.setAttribute('aria-busy', 'true');
  status.textContent = 'Mencari…';
  try {
    const found = (await (await loadPagefind()).search(query)).results;
    if (current !== search) return;
    results = found;
    await showMore();
    if (current !== search) return;
    section.hidden = results.length === 0;
    everything.hidden = results.length > 0;
    status.textContent = resultsMessage(results.length, query);
  } catch {
    if (current === search) status.textContent = 'Pencarian tidak dapat dimuat di peramban ini. Gunakan daftar semua informasi di bawah.';
  } finally {
    if (current === search) section.removeAttribute('aria-busy');
  }
}

form.addEventListener('submit', (event) => {
  // Searching here keeps the reader's place and focus in the box; the address still says the
  // query, so it can be shared, reloaded or gone back to.
  event.preventDefault();
  const query = input.value.trim();
  history.pushState(null, '', query === '' ? location.pathname : `?${new URLSearchParams({ q: query })}`);
  void run(query);
});

more.addEventListener('click', async () => {
  (await showMore())?.focus();
});

addEventListener('popstate', () => void run(queryOf(location.search)));

void run(queryOf(location.search));
