// The content collections (DESIGN.md §4): one item per folder, content/<jenis>/<slug>/index.md.
// Before Astro reads them, Tayang's own loader checks every item, so broken content stops the build
// with Indonesian messages naming file, line and field instead of Astro's English ones (personal data
// too, unless the item's approvers let it through with a reason); and items
// scheduled for later (`terbit`) are taken out of the store, so no page, listing or feed shows them.
// What Astro stores is Tayang's own reading of each file, never a second one (see itemLoader).
import { readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { CONFIG_FILE, loadConfigFile, parseConfig } from './lib/config/load.ts';
import { checkConfigInRepository } from './lib/config/repository-checks.ts';
import { BuildStoppedError, formatProblems, type Problem } from './lib/errors/problem.ts';
import { parseFrontmatter } from './lib/content/frontmatter.ts';
import { checkContentForBuild, sha256, type ContentCheck } from './lib/content/build-check.ts';
import { CHECK_CACHE_FILE } from './lib/content/check-cache.ts';
import { DEFAULT_ZONE, inOfficeTime, isPublished } from './lib/content/load.ts';
import { ITEM_SCHEMAS, makeItemSchemas } from './lib/content/schema.ts';
import { CONTENT_ROOT, CONTENT_TYPES, type ContentType } from './lib/content/types.ts';
import { readPreviewScope } from './lib/site/preview.ts';

/** `only`: the slugs of each type a PR's preview of its items builds (src/lib/site/preview.ts). */
type Precheck = ContentCheck & { configWarnings: Problem[]; zone: string; only?: Map<ContentType, string[]> };

/**
 * Astro loads the collections at once (Promise.all in its content layer): they share one
 * check while it runs. Nothing is kept after it settles, so the next sync (`astro dev` after an
 * edit) checks afresh and never reports a problem already fixed; what is kept between builds is
 * each unchanged folder's result (src/lib/content/build-check.ts).
 */
let inFlight: { root: string; check: Promise<Precheck> } | undefined;

function sharedPrecheck(config: LoaderContext['config']): Promise<Precheck> {
  if (inFlight?.root !== config.root.href) {
    const check = precheck(config).finally(() => {
      if (inFlight?.check === check) inFlight = undefined;
    });
    inFlight = { root: config.root.href, check };
  }
  return inFlight.check;
}

/** Checks the whole content folder as `tayang periksa` would refuse it. */
async function precheck({ root, cacheDir }: LoaderContext['config']): Promise<Precheck> {
  const rootDir = fileURLToPath(root);
  const configFile = join(rootDir, CONFIG_FILE);
  const configText = await readFile(configFile, 'utf8').catch(() => undefined);
  const config = configText === undefined ? await loadConfigFile(configFile) : parseConfig(configText, configFile);
  const scope = await readPreviewScope(rootDir);
  const only = scope.kind === 'items' ? new Map([...Map.groupBy(scope.items, (item) => item.jenis)].map(([jenis, items]) => [jenis, items.map((item) => item.slug)])) : undefined;
  // A preview of a PR's items reads only them, all changed since main's build: nothing to gain
  // from the kept results, and keeping only theirs would throw away main's.
  const checked = await checkContentForBuild(rootDir, {
    config: config.ok ? config.value : undefined,
    configText,
    ...(scope.kind === 'items'
      ? { onlyFolders: new Set(scope.items.map((item) => `${CONTENT_ROOT}/${item.jenis}/${item.slug}`)) }
      : { cacheFile: fileURLToPath(new URL(CHECK_CACHE_FILE, cacheDir)) }),
  });
  // A broken config is reported where the site loads it; the schedule then falls back to WIB.
  const zone = config.ok ? config.value.kantor.zona_waktu : DEFAULT_ZONE;
  const repository = config.ok && configText !== undefined ? await checkConfigInRepository(config.value, configText, CONFIG_FILE, rootDir, new Date()) : { problems: [], warnings: [] };
  return {
    ...checked,
    problems: [...checked.problems, ...repository.problems],
    configWarnings: repository.warnings,
    zone,
    ...(only && { only }),
  };
}

function itemLoader(jenis: ContentType): Loader {
  // index.md only: MDX would run an item's import/export/{…} as code in the build (security/mdx).
  // The id is the item's folder, never a `slug` from Astro's own reading of the frontmatter.
  const files = (pattern: string | string[]) => glob({ pattern, base: `./${CONTENT_ROOT}/${jenis}`, generateId: ({ entry }) => posix.dirname(entry) });
  return {
    name: 'tayang-konten',
    async load(context: LoaderContext) {
      const checked = await sharedPrecheck(context.config);
      const { problems, removedFromPage, waived, configWarnings, zone, typesWithItems } = checked;
      // Said once per build, by the first collection.
      if (jenis === CONTENT_TYPES[0]) {
        context.logger.info(checked.only === undefined ? `Pemeriksaan konten: ${checked.read} dari ${checked.folders} item dibaca; yang lain tidak berubah sejak pembangunan sebelumnya.` : `Pemeriksaan konten: ${checked.read} item yang diubah PR ini dibaca.`);
      }
      if (problems.length > 0) throw new ContentError(problems);
      if (jenis === CONTENT_TYPES[0] && configWarnings.length > 0) context.logger.warn(`Tanggal di konfigurasi kantor sudah usang:\n${formatProblems(configWarnings)}`);
      const here = (problem: Problem) => problem.file.startsWith(`${CONTENT_ROOT}/${jenis}/`);
      const removedHere = removedFromPage.filter(here);
      if (removedHere.length > 0) context.logger.warn(`HTML yang tidak aman dibuang dari halaman (perbaiki naskahnya):\n${formatProblems(removedHere)}`);
      const waivedHere = waived.filter(here);
      if (waivedHere.length > 0) context.logger.info(`Data pribadi yang terbit karena dikecualikan lewat periksa.abaikan:\n${formatProblems(waivedHere)}`);
      const only = checked.only?.get(jenis);
      if (!typesWithItems.has(jenis) || (checked.only !== undefined && only === undefined)) {
        leaveEmpty(context.store);
        return;
      }
      // What Astro keeps of an unchanged entry was read under this config and program: another
      // office zone or schema must read every entry again.
      const environment = `${zone}\0${checked.environment}`;
      if (context.meta.get(ENVIRONMENT_KEY) !== environment) {
        context.store.clear();
        context.meta.set(ENVIRONMENT_KEY, environment);
      }
      const parseData: LoaderContext['parseData'] = async (props) => context.parseData({ ...props, data: (await readCheckedData(context, jenis, props.filePath!, zone, checked.sources)) as typeof props.data });
      await files(only === undefined ? '*/index.md' : only.map((slug) => `${slug}/index.md`)).load({ ...context, parseData });
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
 * disagree, the site would publish data the checks never saw. Date-times written with an offset
 * arrive in office time, as the CLI reads them.
 */
async function readCheckedData(context: LoaderContext, jenis: ContentType, filePath: string, zone: string, sources: Precheck['sources']): Promise<Record<string, unknown>> {
  const file = relative(fileURLToPath(context.config.root), filePath);
  const text = await readFile(filePath, 'utf8');
  // Read already by the check, from the same text.
  const read = sources.get(filePath.replace(/\\/g, '/'));
  if (read !== undefined && read.sha256 === sha256(text)) return inOfficeTime(read.source as Record<string, unknown>, zone);
  const parsed = parseFrontmatter(ITEM_SCHEMAS[jenis], text, file);
  // Only when the file changed after the precheck (`astro dev`).
  if (!parsed.ok) throw new ContentError(parsed.problems);
  return inOfficeTime(parsed.source as Record<string, unknown>, zone);
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

const ENVIRONMENT_KEY = 'tayang-lingkungan';

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
