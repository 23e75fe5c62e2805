import { instantToLocal, type LocalDateTime } from '../content/time.ts';

/**
 * Which items the home page and lists show, and in what order. Frontmatter dates are office
 * wall-clock strings (`2025-11-21` or `2025-11-21 09:00`), which sort correctly as text; `now`
 * is passed in (the build's clock) and turned into the same form.
 */

/** The office's wall-clock time now, in frontmatter form: `2025-11-21 09:00`. */
export function localNow(now: Date, zone: string): LocalDateTime {
  return instantToLocal(now, zone);
}

/** Newest first by `tanggal`; ties by title so builds are stable. */
export function byNewest<T extends { data: { tanggal: string; judul: string } }>(a: T, b: T): number {
  return b.data.tanggal.localeCompare(a.data.tanggal) || a.data.judul.localeCompare(b.data.judul, 'id');
}

/** Soonest first by `mulai`. */
export function bySoonest<T extends { data: { mulai: string; judul: string } }>(a: T, b: T): number {
  return a.data.mulai.localeCompare(b.data.mulai) || a.data.judul.localeCompare(b.data.judul, 'id');
}

/** A moment has passed; a bare date lasts until the end of that day. */
function hasPassed(local: LocalDateTime, now: LocalDateTime): boolean {
  return local.length === 10 ? local < now.slice(0, 10) : local < now;
}

/** An announcement holds through its `berlaku_sampai` day; without one it holds until removed. */
export function isAnnouncementActive(data: { berlaku_sampai?: string }, now: LocalDateTime): boolean {
  return data.berlaku_sampai === undefined || !hasPassed(data.berlaku_sampai, now);
}

/** An event is upcoming (or under way) until it ends: `selesai`, or `mulai` when no end is given. */
export function isEventUpcoming(data: { mulai: string; selesai?: string }, now: LocalDateTime): boolean {
  return !hasPassed(data.selesai ?? data.mulai, now);
}

/**
 * The agenda as readers use it: events still ahead (or under way), soonest first, then those
 * that are over, the latest first.
 */
export function splitEvents<T extends { data: { mulai: string; selesai?: string; judul: string } }>(events: readonly T[], now: LocalDateTime): { upcoming: T[]; past: T[] } {
  return {
    upcoming: events.filter((event) => isEventUpcoming(event.data, now)).sort(bySoonest),
    past: events.filter((event) => !isEventUpcoming(event.data, now)).sort((a, b) => bySoonest(b, a)),
  };
}

/** The office's own pages as the profile lists them: by `urutan`, those without one after, then by title. */
export function byPageOrder<T extends { data: { urutan?: number; judul: string } }>(a: T, b: T): number {
  return (a.data.urutan ?? Infinity) - (b.data.urutan ?? Infinity) || a.data.judul.localeCompare(b.data.judul, 'id');
}
