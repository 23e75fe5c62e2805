// The content collections (DESIGN.md §4): one item per folder, content/<jenis>/<slug>/index.md.
// Before Astro reads them, Tayang's own loader checks every item, so broken content stops the build
// with Indonesian messages naming file, line and field instead of Astro's English ones; and items
// scheduled for later (`terbit`) are taken out of the store, so no page, listing or feed shows them.
// What Astro stores is Tayang's own reading of each file, never a second one (see itemLoader).
import { readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { findUnsafeContent } from './lib/checks/rules/security.ts';
import { CONFIG_FILE, loadConfigFile } from './lib/config/load.ts';
import { BuildStoppedError, formatProblems, type Problem } from './lib/errors/problem.ts';
import { parseFrontmatter } from './lib/content/frontmatter.ts';
import { DEFAULT_ZONE, isPublished, loadItems } from './lib/content/load.ts';
import { ITEM_SCHEMAS, makeItemSchemas } from './lib/content/schema.ts';
import { CONTENT_ROOT, type ContentType } from './lib/content/types.ts';

type Precheck = { problems: Problem[]; removedFromPage: Problem[]; zone: string; typesWithItems: Set<ContentType> };

/**
 * Astro loads the collections at once (Promise.all in its content layer): they share one
 * check while it runs. Nothing is kept after it settles, so the next sync (`astro dev` after an
 * edit) checks afresh and never reports a problem already fixed.
 */
let inFlight: { root: string; check: Promise<Precheck> } | undefined;

function sharedPrecheck(root: URL): Promise<Precheck> {
  if (inFlight?.root !== root.href) {
    const check = precheck(root).finally(() => {
      if (inFlight?.check === check) inFlight = undefined;
    });
    inFlight = { root: root.href, check };
  }
  return inFlight.check;
}

/** Checks the whole content folder with Tayang's loader. */
async function precheck(root: URL): Promise<Precheck> {
  const rootDir = fileURLToPath(root);
  const config = await loadConfigFile(join(rootDir, CONFIG_FILE));
  const { items, problems } = await loadItems(join(rootDir, CONTENT_ROOT), { pictureLimit: config.ok ? config.value.periksa.batas_piksel_gambar : undefined });
  const relativeProblems = problems.map((p) => ({ ...p, file: relative(rootDir, p.file) }));
  // What `tayang periksa` would have refused: raw HTML is sanitised on the way to the page (and
  // said so in the log); what sanitising cannot repair stops the build.
  const removedFromPage: Problem[] = [];
  for (const item of items) {
    const file = relative(rootDir, item.file).replace(/\\/g, '/');
    const unsafe = findUnsafeContent(file, await readFile(item.file, 'utf8'), config.ok ? config.value.periksa : undefined);
    relativeProblems.push(...unsafe.blocking);
    removedFromPage.push(...unsafe.removedFromPage);
  }
  // A broken config is reported where the site loads it; the schedule then falls back to WIB.
  const zone = config.ok ? config.value.kantor.zona_waktu : DEFAULT_ZONE;
  return { problems: relativeProblems, removedFromPage, zone, typesWithItems: new Set(items.map((item) => item.jenis)) };
}

function itemLoader(jenis: ContentType): Loader {
  // index.md only: MDX would run an item's import/export/{…} as code in the build (security/mdx).
  // The id is the item's folder, never a `slug` from Astro's own reading of the frontmatter.
  const files = glob({ pattern: '*/index.md', base: `./${CONTENT_ROOT}/${jenis}`, generateId: ({ entry }) => posix.dirname(entry) });
  return {
    name: 'tayang-konten',
    async load(context: LoaderContext) {
      const { problems, removedFromPage, zone, typesWithItems } = await sharedPrecheck(context.config.root);
      if (problems.length > 0) throw new ContentError(problems);
      const removedHere = removedFromPage.filter((problem) => problem.file.startsWith(`${CONTENT_ROOT}/${jenis}/`));
      if (removedHere.length > 0) context.logger.warn(`HTML yang tidak aman dibuang dari halaman (perbaiki naskahnya):\n${formatProblems(removedHere)}`);
      if (!typesWithItems.has(jenis)) {
        leaveEmpty(context.store);
        return;
      }
      const parseData: LoaderContext['parseData'] = async (props) => context.parseData({ ...props, data: (await readCheckedData(context, jenis, props.filePath!)) as typeof props.data });
      await files.load({ ...context, parseData });
      const now = new Date();
      for (const [id, entry] of context.store.entries()) {
        if (!isPublished(entry as { data: { terbit?: string } }, now, zone)) context.store.delete(id);
      }
    },
  };
}

/**
 * One item's frontmatter as Tayang reads it, given to Astro's schema in place of Astro's own
 * reading. Astro reads frontmatter with js-yaml (YAML 1.1): `2026-08-17` becomes a Date and
 * `0b101` the number 5, which its schema then refuses in English; and wherever the two readers
 * disagree, the site would publish data the checks never saw.
 */
async function readCheckedData(context: LoaderContext, jenis: ContentType, filePath: string): Promise<Record<string, unknown>> {
  const file = relative(fileURLToPath(context.config.root), filePath);
  const parsed = parseFrontmatter(ITEM_SCHEMAS[jenis], await readFile(filePath, 'utf8'), file);
  // Only when the file changed after the precheck (`astro dev`).
  if (!parsed.ok) throw new ContentError(parsed.problems);
  return parsed.source as Record<string, unknown>;
}

/**
 * No items of this type yet (a new office, after removing the example content): an empty
 * collection. Astro's glob loader would warn in English that the folder does not exist, and
 * every getCollection() of a collection that was never written warns again; an entry set and
 * deleted leaves the collection existing and empty.
 */
function leaveEmpty(store: LoaderContext['store']): void {
  for (const id of store.keys()) store.delete(id);
  store.set({ id: 'kosong', data: {} });
  store.delete('kosong');
}

/** Stops the build: some content cannot be published as it is. */
class ContentError extends BuildStoppedError {
  constructor(problems: readonly Problem[]) {
    super(`Konten tidak bisa diterbitkan karena ${problems.length} masalah:`, problems);
  }
}

// Spelled out per type: through a generic helper, Astro's generated types lose each collection's
// fields (the schema type falls back to BaseSchema and `entry.data` becomes unknown).
export const collections = {
  berita: defineCollection({ loader: itemLoader('berita'), schema: ({ image }) => makeItemSchemas({ image }).berita }),
  pengumuman: defineCollection({ loader: itemLoader('pengumuman'), schema: ({ image }) => makeItemSchemas({ image }).pengumuman }),
  agenda: defineCollection({ loader: itemLoader('agenda'), schema: ({ image }) => makeItemSchemas({ image }).agenda }),
  artikel: defineCollection({ loader: itemLoader('artikel'), schema: ({ image }) => makeItemSchemas({ image }).artikel }),
  galeri: defineCollection({ loader: itemLoader('galeri'), schema: ({ image }) => makeItemSchemas({ image }).galeri }),
  video: defineCollection({ loader: itemLoader('video'), schema: ({ image }) => makeItemSchemas({ image }).video }),
  audio: defineCollection({ loader: itemLoader('audio'), schema: ({ image }) => makeItemSchemas({ image }).audio }),
  dokumen: defineCollection({ loader: itemLoader('dokumen'), schema: ({ image }) => makeItemSchemas({ image }).dokumen }),
  data: defineCollection({ loader: itemLoader('data'), schema: ({ image }) => makeItemSchemas({ image }).data }),
  halaman: defineCollection({ loader: itemLoader('halaman'), schema: ({ image }) => makeItemSchemas({ image }).halaman }),
} satisfies Record<ContentType, unknown>;
