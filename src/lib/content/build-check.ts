import { createHash } from 'node:crypto';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { PROGRAM_PATHS, digestEntries, readSourceEntries } from '../archive/source-stamp.ts';
import { hashFile } from '../archive/write.ts';
import { parseCheckDocument } from '../checks/document.ts';
import { makeFileEnv } from '../checks/env.ts';
import { findPersonalData } from '../checks/personal-data.ts';
import { findUnsafeContent } from '../checks/rules/security.ts';
import type { Config } from '../config/schema.ts';
import type { Problem } from '../errors/problem.ts';
import { CACHE_FORMAT, readCache, writeCache, type Cache } from './check-cache.ts';
import { listItemFolders, openItem, readOpenedItem, withinStack } from './load.ts';
import { CONTENT_ROOT, type ContentType } from './types.ts';

/**
 * What the site build checks before Astro reads the content (src/content.config.ts): every item
 * folder as `tayang periksa` would refuse it — the loader's problems, what sanitising cannot
 * repair, personal data — and the raw HTML the page loses. Each index.md is read once and parsed
 * once for the security and privacy rules together.
 *
 * The result of each folder is kept between builds (in Astro's cache folder), under a digest of
 * every file in the folder, the office config and the program's own files: an item whose digest
 * is unchanged is not read again, so a rebuild costs the items that changed. Nothing else enters
 * a folder's result — the checks read only the item's own folder and the config (the clock-bound
 * checks of the config are made afresh by the caller) — so a stale result cannot be used.
 */

/** One item folder's result: what the build reports of it, and its type when it can be published. */
export interface ItemCheck {
  jenis?: ContentType;
  /** Stop the build: the loader's problems, unrepairable content, personal data not waived. */
  problems: Problem[];
  /** Raw HTML sanitising removes from the page (the build goes on and says so). */
  removedFromPage: Problem[];
  /** Personal data the item's approvers let through (`periksa.abaikan`), with their reasons. */
  waived: Problem[];
}

export interface ContentCheck {
  problems: Problem[];
  removedFromPage: Problem[];
  waived: Problem[];
  typesWithItems: Set<ContentType>;
  /**
   * The frontmatter (as read before the schema) of each item read in this check, by its index.md
   * path, with the SHA-256 of the text it was read from: Astro's loader reads the same file next.
   */
  sources: Map<string, { sha256: string; source: unknown }>;
  /** The config's and the program's digest, under which every result was made. */
  environment: string;
  /** How many item folders were read; the others' results came from the previous build. */
  read: number;
  folders: number;
}

export interface ContentCheckOptions {
  config: Config | undefined;
  /** The config file's text, part of every folder's digest (the checks follow its `periksa`). */
  configText: string | undefined;
  /** Where results are kept between builds; none kept without it. */
  cacheFile?: string;
  /** Only these item folders (`content/<jenis>/<slug>`), as a PR's preview of its items builds. */
  onlyFolders?: ReadonlySet<string>;
}


/** Folders read at once: their files are read while another folder's text is parsed. */
const PARALLEL_FOLDERS = 8;


export async function checkContentForBuild(rootDir: string, options: ContentCheckOptions): Promise<ContentCheck> {
  const environment = await environmentDigest(rootDir, options.configText);
  const cached = options.cacheFile === undefined ? undefined : await readCache(options.cacheFile);
  const previous = cached?.environment === environment ? cached : undefined;
  const next: Cache = { format: CACHE_FORMAT, environment, files: {}, folders: {} };
  const listed = await listItemFolders(join(rootDir, CONTENT_ROOT));
  const { onlyFolders } = options;
  const folders = onlyFolders === undefined ? listed.folders : listed.folders.filter((folder) => onlyFolders.has(relative(rootDir, folder).replace(/\\/g, '/')));
  const env = makeFileEnv(options.config, rootDir);
  const sources = new Map<string, { sha256: string; source: unknown }>();
  let read = 0;
  const checks = await mapInParallel(folders, PARALLEL_FOLDERS, async (folder) => {
    const name = relative(rootDir, folder).replace(/\\/g, '/');
    const digest = await folderDigest(folder, rootDir, previous?.files ?? {}, next.files);
    const kept = previous?.folders[name];
    if (kept !== undefined && kept.digest === digest) {
      next.folders[name] = kept;
      return kept.check as ItemCheck;
    }
    read += 1;
    const check = await checkItemFolder(folder, rootDir, options.config, env, sources);
    next.folders[name] = { digest, check };
    return check;
  });
  if (options.cacheFile !== undefined) await writeCache(options.cacheFile, next);
  const relativeTo = (problem: Problem) => ({ ...problem, file: relative(rootDir, problem.file).replace(/\\/g, '/') });
  return {
    problems: [...listed.problems.map(relativeTo), ...checks.flatMap((check) => check.problems)],
    removedFromPage: checks.flatMap((check) => check.removedFromPage),
    waived: checks.flatMap((check) => check.waived),
    typesWithItems: new Set(checks.flatMap((check) => (check.jenis === undefined ? [] : [check.jenis]))),
    sources,
    environment,
    read,
    folders: folders.length,
  };
}

async function checkItemFolder(folder: string, rootDir: string, config: Config | undefined, env: ReturnType<typeof makeFileEnv>, sources: ContentCheck['sources']): Promise<ItemCheck> {
  const relativeTo = (problem: Problem) => ({ ...problem, file: relative(rootDir, problem.file).replace(/\\/g, '/') });
  const opened = await openItem(folder);
  if ('problems' in opened) return { problems: opened.problems.map(relativeTo), removedFromPage: [], waived: [] };
  // One reading of the text for the loader and the rules: the loader's paths are the folder's as
  // given, the rules' repository-relative (what their findings and file reads use).
  const file = relative(rootDir, opened.file).replace(/\\/g, '/');
  const read = await withinStack(opened.file, async () => {
    const doc = parseCheckDocument(opened.file, opened.text);
    return { doc, problems: [] };
  });
  if (!('doc' in read)) return { problems: read.problems.map(relativeTo), removedFromPage: [], waived: [] };
  const loaded = await readOpenedItem(opened, { pictureLimit: config?.periksa.batas_piksel_gambar }, read.doc);
  if (loaded.item === undefined) return { problems: loaded.problems.map(relativeTo), removedFromPage: [], waived: [] };
  sources.set(opened.file, { sha256: sha256(opened.text), source: loaded.source });
  // What `tayang periksa` would have refused: raw HTML is sanitised on the way to the page (and
  // said so in the log); what sanitising cannot repair stops the build, and so does personal data,
  // but for what the item's approvers let through (`periksa.abaikan`), which the log names.
  const doc = { ...read.doc, file, dir: posix.dirname(file), jenis: opened.jenis };
  const unsafe = findUnsafeContent(doc, config?.periksa);
  const personal = await findPersonalData(doc, env, config?.periksa);
  return {
    jenis: opened.jenis,
    problems: [...unsafe.blocking, ...personal.blocking],
    removedFromPage: unsafe.removedFromPage,
    waived: personal.waived.map((finding) => ({ file, line: finding.line, column: finding.column, message: `${finding.rule} (dikecualikan: ${finding.reason}): ${finding.message}` })),
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The config's and the program's (PROGRAM_PATHS, as the site's source stamp counts it) digest. */
async function environmentDigest(rootDir: string, configText: string | undefined): Promise<string> {
  const program = digestEntries(await readSourceEntries(rootDir, PROGRAM_PATHS));
  return createHash('sha256').update(`${CACHE_FORMAT}\0${program}\0${configText ?? ''}`).digest('hex');
}

/**
 * Every entry of an item folder, at any depth, by name and kind, with each file's SHA-256 and
 * each link's target: what the checks can read of the folder. A file's hash is taken again only
 * when its size, modification or change time, or inode differ from the previous build's (a fresh
 * checkout changes them all, so CI hashes every file once).
 */
async function folderDigest(folder: string, rootDir: string, known: Cache['files'], seen: Cache['files']): Promise<string> {
  const digest = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const name = JSON.stringify(relative(folder, path));
      if (entry.isDirectory()) {
        digest.update(`folder ${name}\n`);
        await walk(path);
      } else if (entry.isSymbolicLink()) {
        digest.update(`link ${name} ${JSON.stringify(await readlink(path))}\n`);
      } else if (entry.isFile()) {
        const key = relative(rootDir, path).replace(/\\/g, '/');
        const stats = await lstat(path, { bigint: true });
        const stat = `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`;
        const hash = known[key]?.stat === stat ? known[key].sha256 : (await hashFile(path)).sha256;
        seen[key] = { stat, sha256: hash };
        digest.update(`file ${name} ${hash}\n`);
      } else {
        digest.update(`other ${name}\n`);
      }
    }
  };
  await walk(folder);
  return digest.digest('hex');
}



/** `work` over every item with at most `limit` at once; results in the items' order. */
async function mapInParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
