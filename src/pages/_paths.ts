/**
 * `getStaticPaths` of the item routes — the item pages, their approval sheets, braille files and
 * recordings — each path with its cache key (src/lib/site/page-cache.ts): Astro's incremental
 * build (astro.config.ts) then makes again only the pages whose item, approval history, menu,
 * config or program changed, and copies the others from the previous build.
 */
import { join, posix } from 'node:path';
import { CHECK_CACHE_FILE, readCheckedDigests, type CheckedDigests } from '../lib/content/check-cache.ts';
import type { LocalDateTime } from '../lib/content/time.ts';
import { SECTION_TYPES, TEXT_TYPES, type ContentType } from '../lib/content/types.ts';
import type { NavItem } from '../lib/site/navigation.ts';
import { localNow } from '../lib/site/listing.ts';
import { siteConfig } from '../lib/site/office.ts';
import { itemPageKey } from '../lib/site/page-cache.ts';
import { ASTRO_CACHE_DIR, publishedItems, siteMenu, slugOf, type Entry } from './_content.ts';
import { approvalHistoryOf, itemsWithSheets } from './_records.ts';
import { recordingTools } from './_rekaman.ts';

interface SharedParts {
  /** Written by this build's content check, before any page. */
  checked: CheckedDigests | undefined;
  menu: NavItem[];
  tools: string | undefined;
}

let shared: Promise<SharedParts> | undefined;

/** What every item page shows from beyond its item, read once per build. */
function sharedParts(): Promise<SharedParts> {
  shared ??= Promise.all([readCheckedDigests(join(ASTRO_CACHE_DIR, CHECK_CACHE_FILE)), siteMenu(), recordingTools()]).then(([checked, menu, tools]) => ({ checked, menu, tools }));
  return shared;
}

async function cacheKeyOf(entry: Entry, byClock: Record<string, unknown> = {}): Promise<string | undefined> {
  const { checked, menu, tools } = await sharedParts();
  // The entry's digest is of the text Astro stored, the folder's of what the check read.
  return itemPageKey(checked, posix.dirname(entry.filePath!), { entry: entry.digest, menu, tools, history: await approvalHistoryOf(entry), byClock });
}

/**
 * `getStaticPaths` of a type's item pages. Whatever the page shows by the build's clock (an
 * event being over) comes from `byClock`, into the page's props and its key, so the page is
 * made again when that changes; a page must not read the clock itself.
 */
export async function itemPaths<T extends ContentType, P extends Record<string, unknown>>(jenis: T, byClock?: (entry: Entry<T>, now: LocalDateTime) => P) {
  const now = localNow(new Date(), (await siteConfig()).kantor.zona_waktu);
  return Promise.all(
    (await publishedItems(jenis)).map(async (entry) => {
      const shown = byClock?.(entry, now);
      return { params: { slug: slugOf(entry) }, props: { entry, ...shown }, cacheKey: await cacheKeyOf(entry as Entry, shown) };
    }),
  );
}

type Section = 'sections' | 'halaman';

function paramsOf(section: Section, entry: Entry) {
  return { ...(section === 'sections' && { jenis: entry.collection }), slug: slugOf(entry) };
}

/**
 * `getStaticPaths` of a file beside every published text item (its braille edition, its
 * recording) in a section (`/<jenis>/<slug>/`), or beside the office pages (`/<slug>/`).
 */
export async function textItemPaths(section: Section) {
  const types = TEXT_TYPES.filter((jenis) => (section === 'halaman') === (jenis === 'halaman'));
  const entries = (await Promise.all(types.map((jenis) => publishedItems(jenis)))).flat();
  return Promise.all(entries.map(async (entry) => ({ params: paramsOf(section, entry), props: { entry }, cacheKey: await cacheKeyOf(entry) })));
}

/** `getStaticPaths` of the recordings in a section or of the office pages: none while the key is off. */
export async function recordingPaths(section: Section) {
  return (await siteConfig()).dengarkan.rekaman ? textItemPaths(section) : [];
}

/** `getStaticPaths` of the approval sheets: only items with at least one record have one. */
export async function sheetPaths(section: Section) {
  const sheets = await itemsWithSheets(section === 'halaman' ? ['halaman'] : SECTION_TYPES);
  return Promise.all(sheets.map(async ({ entry, history }) => ({ params: paramsOf(section, entry), props: { entry, history }, cacheKey: await cacheKeyOf(entry) })));
}
