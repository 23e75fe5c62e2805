/**
 * The pages' edge to Astro's collections and the item folders on disk. The collections hold
 * only published items (src/content.config.ts drops those whose `terbit` is still ahead).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { ImageMetadata } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { z } from 'zod';
import { isPictureField, referencedFiles } from '../lib/content/item-files.ts';
import { checkServedPath } from '../lib/content/links.ts';
import type { makeItemSchemas } from '../lib/content/schema.ts';
import { CONTENT_TYPES, type ContentType } from '../lib/content/types.ts';
import { TYPE_LABELS } from '../lib/site/labels.ts';
import { buildMenu, type NavItem } from '../lib/site/navigation.ts';
import { describeFile } from '../lib/site/files.ts';
import { byNewest } from '../lib/site/listing.ts';
import { BuildProblemsError, siteConfig } from '../lib/site/office.ts';
import type { RegisterDocument } from '../lib/site/register.ts';
import { itemPath } from '../lib/site/urls.ts';

/**
 * An entry with its frontmatter typed from the content schema, pictures as Astro image metadata.
 * Spelled out because the generated collection types lose the schema (each collection's schema
 * is picked from `makeItemSchemas` by a type parameter, so Astro infers `unknown`).
 */
type SiteSchemas = ReturnType<typeof makeItemSchemas<z.ZodType<ImageMetadata>>>;
type TypedEntry<T extends ContentType> = Omit<CollectionEntry<T>, 'data'> & { collection: T; data: z.output<SiteSchemas[T]> };
export type Entry<T extends ContentType = ContentType> = { [K in T]: TypedEntry<K> }[T];

/**
 * Astro's cache folder (its default): the content check's results and the recordings are kept
 * beside Astro's own, and CI keeps the folder between builds.
 */
export const ASTRO_CACHE_DIR = join(process.cwd(), 'node_modules', '.astro');

export async function publishedItems<T extends ContentType>(jenis: T): Promise<Entry<T>[]> {
  const entries = (await getCollection(jenis)) as unknown as Entry<T>[];
  return entries.sort(byNewest);
}

/** What locating an item needs: its type and the path of its Markdown file. */
type Located = Pick<Entry, 'collection' | 'filePath'>;

/** The item's folder name is its address: `content/berita/musrenbang-2026/index.md` → `musrenbang-2026`. */
export function slugOf(entry: Located): string {
  return posix.basename(posix.dirname(entry.filePath!));
}

export function pathOf(entry: Located): string {
  return itemPath(entry.collection, slugOf(entry));
}

/** Breadcrumbs from the home page down to the item's section: its type's list; an office page has none. */
export function sectionTrail(entry: Pick<Entry, 'collection'>): { label: string; path: string }[] {
  return entry.collection === 'halaman' ? [] : [{ label: TYPE_LABELS[entry.collection].title, path: `/${entry.collection}/` }];
}

/**
 * Files served beside an item's page (attachments, PDFs, CSV, media, captions, and files its
 * body links to), as `<item path><file>`; pictures go through the image pipeline instead.
 */
export function servedFiles(entry: Entry): string[] {
  return referencedFiles({ jenis: entry.collection, data: entry.data, body: entry.body })
    .filter((ref) => ref.field === undefined || !isPictureField(ref.field))
    .map((ref) => ref.path);
}

export function itemFileOnDisk(entry: Located, name: string): string {
  return posix.join(posix.dirname(entry.filePath!), name);
}

/** The bytes of a file beside an item; a link, or a path outside content/, stops the build. */
export async function readItemFile(entry: Located, name: string) {
  const path = itemFileOnDisk(entry, name);
  const problem = await checkServedPath(path);
  if (problem) throw new BuildProblemsError([problem]);
  return readFile(path);
}

/** `getStaticPaths` of the files served beside these items' pages. */
export function servedFilePaths(entries: Entry[]) {
  return entries.flatMap((entry) => servedFiles(entry).map((name) => ({ params: { slug: slugOf(entry), berkas: name }, props: { entry, name } })));
}

/** The endpoint of a file served beside its item's page. */
export const serveItemFile = async ({ props }: { props: Record<string, unknown> }) => {
  const { entry, name } = props as { entry: Entry; name: string };
  return new Response(await readItemFile(entry, name));
};

export interface ServedFile {
  /** Path below the site's base: `/pengumuman/seleksi/pengumuman.pdf`. */
  path: string;
  /** "PDF, 245 KB" */
  description: string;
}

export async function servedFile(entry: Located, name: string): Promise<ServedFile> {
  const { size } = await stat(itemFileOnDisk(entry, name));
  return { path: `${pathOf(entry)}${name}`, description: describeFile(name, size) };
}

/** The register's view of the published documents. */
export async function registerDocuments(): Promise<RegisterDocument[]> {
  return (await publishedItems('dokumen')).map((entry) => ({ slug: slugOf(entry), ...entry.data }));
}

let menu: Promise<NavItem[]> | undefined;

/** The main menu of every page, built once per build from the config and what is published. */
export function siteMenu(): Promise<NavItem[]> {
  menu ??= loadMenu();
  return menu;
}

async function loadMenu(): Promise<NavItem[]> {
  const config = await siteConfig();
  const published = new Map(await Promise.all(CONTENT_TYPES.map(async (jenis) => [jenis, await publishedItems(jenis)] as const)));
  return buildMenu(config.menu, {
    publishedTypes: new Set(CONTENT_TYPES.filter((jenis) => published.get(jenis)!.length > 0)),
    pages: new Map(published.get('halaman')!.map((entry) => [slugOf(entry), entry.data.judul])),
  });
}
