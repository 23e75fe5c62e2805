import { basename, posix } from 'node:path';
import { ProblemsError } from '../errors/problem.ts';

/**
 * Releases for the folder, rsync and SFTP targets. A deploy never writes into the served site:
 * it builds a complete copy of the new site beside it and then switches a symlink to it in one
 * rename, which POSIX makes atomic, so a visitor gets the old site or the new one, never a home
 * page that links to a page not there yet. For `folder: /var/www/jenawi`:
 *
 *   /var/www/jenawi                           symlink → jenawi.rilis/20260314T103000Z (served)
 *   /var/www/jenawi.rilis/20260314T103000Z/   a complete release; the last `simpan_rilis` kept
 *   /var/www/jenawi.rilis/.20260315T080000Z.baru/   a release still being uploaded
 *
 * The web server keeps pointing at /var/www/jenawi. The link is relative, so it means the same
 * inside an SFTP chroot and to the web server outside it. A plain folder from before releases
 * becomes the oldest release at the first deploy (moved aside just before the link takes its name).
 */

/** `20260314T103000Z`: the deploy's time in UTC, which sorts like the releases' age. */
const RELEASE_ID = /^\d{8}T\d{6}Z(-\d+)?$/;
/** An upload not finished (yet): removed by the next deploy. */
const UNFINISHED = /^\.(\d{8}T\d{6}Z(-\d+)?)\.baru$/;

export type PathKind = 'link' | 'directory' | 'other' | undefined;

export interface SwitchLink {
  /** The link's target, relative to the folder that holds the link. */
  target: string;
  path: string;
  temporary: string;
  release?: { from: string; to: string };
  moveAside?: string;
}

/** What a deploy needs from the place the site lives: the local disk, a shell over SSH, or SFTP. */
export interface ReleaseHost {
  /** A path as the office would recognise it in a message: `deploy@web:/var/www/jenawi`. */
  describe(path: string): string;
  kind(path: string): Promise<PathKind>;
  readLink(path: string): Promise<string>;
  /** Names in a folder; none when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** Every file under a folder, as `/`-separated relative paths. */
  listFiles(dir: string): Promise<string[]>;
  /** Makes a folder and its parents; fine when it exists. */
  makeDirectory(path: string): Promise<void>;
  /**
   * Puts dist's files into a new folder. `previous` is the served site: a host that can, shares
   * its unchanged files (hard links) instead of storing them again.
   */
  upload(dist: string, files: readonly string[], dir: string, previous: string | undefined): Promise<void>;
  /**
   * Makes `path` a symlink to `target` in one atomic step: a new link at `temporary`, renamed over
   * `path`. Just before, `release.from` (the upload) takes its final name `release.to`, so that a
   * release is complete under its own name only when it is about to be served; and a plain folder
   * at `path` (a site from before releases) is renamed to `moveAside`. Steps done are undone when
   * a later one fails. Says whether the switch was atomic (a server without an atomic rename
   * removes the old link first).
   */
  switchLink(change: SwitchLink): Promise<{ atomic: boolean }>;
  /** Removes a file or a folder with everything in it; fine when it does not exist. */
  remove(path: string): Promise<void>;
}

export interface ReleaseOptions {
  /** `simpan_rilis`: how many releases stay, the served one included. */
  keep: number;
  now: Date;
}

export interface DeployReport {
  /** Where the site went, for the log. */
  where: string;
  release: string;
  /** The release served before this one, the one `--kembalikan` goes back to. */
  previous?: string;
  uploaded: number;
  /** Files the site served before that the new release no longer has (withdrawn pages). */
  deleted: number;
  /** Old releases removed because only `simpan_rilis` are kept. */
  removedReleases: string[];
  /** Things the office should know although the deploy succeeded. */
  warnings: string[];
}

export interface RollbackReport {
  where: string;
  /** The release served now. */
  release: string;
  /** The release that was served before the rollback. */
  replaced: string;
  warnings: string[];
}

/** `/var/www/jenawi/` and `/var/www/jenawi` are the same folder. */
function servedPath(folder: string): string {
  return folder.length > 1 ? folder.replace(/\/+$/, '') : folder;
}

function releasesFolder(folder: string): string {
  return `${servedPath(folder)}.rilis`;
}

/** The link's target, relative to the folder that holds both the link and the releases. */
function linkTarget(folder: string, id: string): string {
  return `${basename(servedPath(folder))}.rilis/${id}`;
}

function formatId(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A new release id at this time, unique among the names already there. */
export function newReleaseId(now: Date, taken: readonly string[]): string {
  const base = formatId(now);
  const names = new Set(taken.flatMap((name) => [name, UNFINISHED.exec(name)?.[1] ?? name]));
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Older first; `-10` after `-9` (deploys in the same second). */
export const compareReleases = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Complete releases, oldest first. */
export function sortReleases(names: readonly string[]): string[] {
  return names.filter((name) => RELEASE_ID.test(name)).sort(compareReleases);
}

/** The release before `current`: what a rollback serves. */
export function releaseBefore(releases: readonly string[], current: string): string | undefined {
  return sortReleases(releases).filter((id) => compareReleases(id, current) < 0).at(-1);
}

/** Runs one step; a failure becomes a problem naming the step, the place and what to do. */
export async function step<T>(file: string, what: string, fix: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ProblemsError) throw error;
    throw new ProblemsError([{ file, message: `${what} gagal: ${(error as Error).message}.`, fix }]);
  }
}

/** The served release: the link's last part, when `folder` is a link into its releases. */
async function servedRelease(host: ReleaseHost, folder: string): Promise<{ kind: PathKind; release?: string }> {
  const kind = await host.kind(folder);
  if (kind !== 'link') return { kind };
  const target = await host.readLink(folder);
  const release = posix.basename(target.replace(/\/+$/, ''));
  return { kind, release: RELEASE_ID.test(release) ? release : undefined };
}

export async function publishRelease(host: ReleaseHost, dist: string, files: readonly string[], folder: string, options: ReleaseOptions): Promise<DeployReport> {
  const served = servedPath(folder);
  const releases = releasesFolder(folder);
  const where = host.describe(served);
  const unchanged = 'situs yang tayang tidak berubah. Jalankan `tayang terbitkan` lagi setelah masalahnya diatasi; sisa unggahan yang gagal dihapus pada penerbitan berikutnya.';

  const current = await step(where, 'membaca situs yang sedang tayang', 'periksa bahwa folder tujuan benar dan pengguna deploy boleh membacanya.', () => servedRelease(host, served));
  if (current.kind === 'other') {
    throw new ProblemsError([{ file: where, message: 'tujuan ini berkas biasa, bukan folder situs.', fix: 'tulis folder situs di `publikasi.situs.folder`, atau pindahkan berkas itu.' }]);
  }
  await step(host.describe(releases), 'membuat folder rilis', `beri pengguna deploy hak tulis di ${host.describe(posix.dirname(served))}: rilis disimpan di sebelah folder situs (lihat docs/terbit.md).`, () =>
    host.makeDirectory(releases),
  );
  const listed = await step(host.describe(releases), 'membaca daftar rilis', unchanged, () => host.list(releases));
  // Unfinished uploads go, and so does every release newer than the served one: one a rollback
  // left, or one a deploy named but never switched to. Rolling back to it later would serve a
  // site withdrawn or never seen.
  const unserved = listed.filter((name) => UNFINISHED.test(name) || (current.release !== undefined && RELEASE_ID.test(name) && compareReleases(name, current.release) > 0));
  await step(host.describe(releases), 'menghapus unggahan yang tidak selesai dan rilis yang sudah ditarik', unchanged, async () => {
    for (const name of unserved) await host.remove(`${releases}/${name}`);
  });
  const names = listed.filter((name) => !unserved.includes(name));
  const moveAside = current.kind === 'directory' ? newReleaseId(new Date(options.now.getTime() - 1000), names) : undefined;
  const id = newReleaseId(options.now, moveAside ? [...names, moveAside] : names);
  const staging = `${releases}/.${id}.baru`;
  const servedNow = current.kind === 'directory' ? served : current.release !== undefined ? `${releases}/${current.release}` : undefined;
  const before = servedNow ? await step(where, 'membaca situs yang sedang tayang', unchanged, () => host.listFiles(servedNow)) : [];

  await step(host.describe(staging), `mengunggah rilis ${id}`, unchanged, () => host.upload(dist, files, staging, servedNow));

  const aside = moveAside ? `${releases}/${moveAside}` : undefined;
  const switched = await step(
    where,
    `mengganti situs yang tayang ke rilis ${id}`,
    aside
      ? `situs lama tetap di ${where}, kecuali bila penerbitan terhenti tepat saat memindahkannya: ia lalu ada di ${host.describe(aside)}, dan \`tayang terbitkan\` berikutnya memasang tautan situsnya. Jalankan \`tayang terbitkan\` lagi.`
      : unchanged,
    () => host.switchLink({ target: linkTarget(served, id), path: served, temporary: `${served}.tautan-baru`, release: { from: staging, to: `${releases}/${id}` }, moveAside: aside }),
  );

  const wanted = new Set(files);
  const report: DeployReport = {
    where,
    release: id,
    previous: moveAside ?? current.release,
    uploaded: files.length,
    deleted: before.filter((file) => !wanted.has(file)).length,
    removedReleases: [],
    warnings: switched.atomic ? [] : [nonAtomicWarning(where)],
  };

  // The new site is live; removing old releases is housekeeping, and its failure only warrants a warning.
  const kept = new Set(sortReleases([...names, ...(moveAside ? [moveAside] : []), id]).slice(-options.keep));
  for (const name of sortReleases(names).filter((name) => !kept.has(name))) {
    try {
      await host.remove(`${releases}/${name}`);
      report.removedReleases.push(name);
    } catch (error) {
      report.warnings.push(`rilis lama ${host.describe(`${releases}/${name}`)} tidak bisa dihapus (${(error as Error).message}); hapus sendiri bila ruang disk menipis. Situs yang tayang sudah rilis ${id}.`);
    }
  }
  return report;
}

function nonAtomicWarning(where: string): string {
  return `server ini tidak mendukung penggantian nama yang atomik (posix-rename@openssh.com): tautan lama dihapus lalu yang baru dipasang, jadi sesaat ${where} tidak ada.`;
}

/**
 * Serves the release before the one served now. The release left stays until the next deploy
 * removes it (it is newer than the one served then), so that a rollback after that deploy returns
 * to the release served before it, not to the one withdrawn.
 */
export async function rollbackRelease(host: ReleaseHost, folder: string): Promise<RollbackReport> {
  const served = servedPath(folder);
  const releases = releasesFolder(folder);
  const where = host.describe(served);
  const current = await step(where, 'membaca situs yang sedang tayang', 'periksa bahwa folder tujuan benar dan pengguna deploy boleh membacanya.', () => servedRelease(host, served));
  if (current.release === undefined) {
    throw new ProblemsError([
      {
        file: where,
        message: current.kind === undefined ? 'situs belum pernah diterbitkan ke sini.' : `ini bukan tautan ke salah satu rilis di ${host.describe(releases)}, jadi tidak ada rilis untuk dikembalikan.`,
        fix: 'terbitkan dulu dengan `tayang terbitkan`; sejak itu setiap penerbitan menyimpan rilisnya.',
      },
    ]);
  }
  const replaced = current.release;
  const previous = releaseBefore(await host.list(releases), replaced);
  if (previous === undefined) {
    throw new ProblemsError([{ file: host.describe(releases), message: `tidak ada rilis sebelum ${replaced} yang tersimpan.`, fix: 'batalkan (revert) perubahannya lewat PR yang disetujui, lalu terbitkan lagi.' }]);
  }
  const switched = await step(where, `mengembalikan situs ke rilis ${previous}`, `situs yang tayang tidak berubah (masih rilis ${replaced}); jalankan \`tayang terbitkan --kembalikan\` lagi.`, () =>
    host.switchLink({ target: linkTarget(served, previous), path: served, temporary: `${served}.tautan-baru` }),
  );
  return { where, release: previous, replaced, warnings: switched.atomic ? [] : [nonAtomicWarning(where)] };
}
