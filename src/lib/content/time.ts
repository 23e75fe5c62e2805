import { DateTime } from 'luxon';
import type { Office } from '../config/schema.ts';

/**
 * Dates in frontmatter are the office's wall-clock time, written without a time zone:
 * `2025-03-10` or `2025-03-10 09:00`. The zone is the office's (`kantor.zona_waktu`), applied
 * only when a moment is needed (scheduling, feeds), so the same file means the same thing in
 * the CLI and in the Astro build.
 *
 * A moment may also be written in ISO 8601 with its offset (`2026-01-05T08:00:00+07:00`, what
 * calendars and other systems produce). The schema keeps it as `2026-01-05T08:00+07:00`; the
 * loaders turn it into office time (`officeTime`), so pages, listings and feeds only ever see
 * wall-clock values.
 */
export type LocalDateTime = string;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** The offset of a normalised moment: `2026-01-05T08:00+07:00`. */
const OFFSET = /T\d{2}:\d{2}([+-]\d{2}:\d{2})$/;

/**
 * Astro reads frontmatter with js-yaml, which turns `2025-03-10` and `2025-03-10 09:00:00`
 * into Dates taken as UTC; their UTC fields are exactly what the author wrote.
 */
export function yamlDateToLocal(date: Date): LocalDateTime {
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  return time === '00:00' && iso.slice(17, 19) === '00' ? day : `${day} ${time}`;
}

/**
 * Normalises `2025-03-10T09:00:00` to `2025-03-10 09:00` and `2025-03-10T09:00:00Z` to
 * `2025-03-10T09:00+00:00`; undefined if not a real date, time or offset.
 */
export function normalizeLocal(text: string): LocalDateTime | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, , offset] = match;
  const parsed = DateTime.fromObject(
    { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0) },
    { zone: 'UTC' },
  );
  if (!parsed.isValid) return undefined;
  if (h === undefined) return `${y}-${mo}-${d}`;
  if (offset === undefined) return `${y}-${mo}-${d} ${h}:${mi}`;
  const normalizedOffset = normalizeOffset(offset);
  return normalizedOffset === undefined ? undefined : `${y}-${mo}-${d}T${h}:${mi}${normalizedOffset}`;
}

/** `Z`, `+07`, `+0700` and `+07:00` as `+00:00`/`+07:00`; undefined beyond ±14:00 (none exists). */
function normalizeOffset(offset: string): string | undefined {
  if (offset.toUpperCase() === 'Z') return '+00:00';
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 14 || minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
  return `${offset[0]}${digits.slice(0, 2)}:${String(minutes).padStart(2, '0')}`;
}

/** Whether the value was written with its own offset rather than in office time. */
export function hasOffset(local: LocalDateTime): boolean {
  return OFFSET.test(local);
}

/**
 * The office zones keep one UTC offset all year (no daylight saving time) and have kept it since
 * 1 January 1988, when Pontianak moved from WITA to WIB. So the build computes wall clocks with
 * plain arithmetic from this table, which is far cheaper than luxon on every date of every page;
 * earlier moments, and any other zone, go to luxon, which knows the history.
 */
export const OFFICE_ZONES: Record<Office['zona_waktu'], { offsetMinutes: number; abbreviation: string }> = {
  'Asia/Jakarta': { offsetMinutes: 7 * 60, abbreviation: 'WIB' },
  'Asia/Pontianak': { offsetMinutes: 7 * 60, abbreviation: 'WIB' },
  'Asia/Makassar': { offsetMinutes: 8 * 60, abbreviation: 'WITA' },
  'Asia/Jayapura': { offsetMinutes: 9 * 60, abbreviation: 'WIT' },
};
/** 1988-01-01 00:00 WITA, Pontianak's last change; a local value from 1988 on is after it in every zone. */
const FIXED_SINCE = Date.UTC(1987, 11, 31, 16);
const FIXED_SINCE_LOCAL = '1988';
const MINUTE = 60_000;

function fixedOffset(zone: string): number | undefined {
  return (OFFICE_ZONES as Record<string, { offsetMinutes: number } | undefined>)[zone]?.offsetMinutes;
}

/** A moment as a clock in a zone shows it; `weekday` 0 is Sunday, `offset` in minutes east of UTC. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  offset: number;
}

export function wallClock(date: Date, zone: string): WallClock {
  const offset = fixedOffset(zone);
  if (offset === undefined || !(date.getTime() >= FIXED_SINCE)) {
    const clock = DateTime.fromJSDate(date, { zone });
    const { year, month, day, hour, minute, second, millisecond, offset: zoneOffset } = clock;
    return { year, month, day, hour, minute, second, millisecond, weekday: clock.weekday % 7, offset: zoneOffset };
  }
  const shifted = new Date(date.getTime() + offset * MINUTE);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offset,
  };
}

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `2025-11-21` */
export function clockDate(clock: WallClock): string {
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** The moment in frontmatter form as the zone's clock shows it: `2025-11-21 09:00`. */
export function instantToLocal(date: Date, zone: string): LocalDateTime {
  const clock = wallClock(date, zone);
  return `${clockDate(clock)} ${pad(clock.hour)}:${pad(clock.minute)}`;
}

const WRITTEN = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(?:([+-])(\d{2}):(\d{2}))?)?$/;

/** The moment a date-time means: its own offset, else the office's time zone (a bare date = 00:00). */
export function localToInstant(local: LocalDateTime, zone: string): Date {
  const match = local >= FIXED_SINCE_LOCAL ? WRITTEN.exec(local) : null;
  if (match) {
    const [, y, mo, d, separator, h = '0', mi = '0', sign, oh, om] = match;
    // Only the two forms the schema keeps: office time with a space, a moment with `T` and its offset.
    const offset =
      separator === 'T'
        ? sign === undefined || Number(om) > 59 ? undefined : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om))
        : sign === undefined ? fixedOffset(zone) : undefined;
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
    const check = new Date(wall);
    if (offset !== undefined && check.getUTCDate() === Number(d) && check.getUTCMonth() === Number(mo) - 1 && Number(h) < 24 && Number(mi) < 60) {
      return new Date(wall - offset * MINUTE);
    }
  }
  if (hasOffset(local)) return DateTime.fromISO(local, { setZone: true }).toJSDate();
  const parsed = DateTime.fromFormat(local, local.length > 10 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd', { zone });
  return parsed.toJSDate();
}

/** The value as the office's wall clock shows it: `2026-01-05T09:00+08:00` in WIB is `2026-01-05 08:00`. */
export function officeTime(local: LocalDateTime, zone: string): LocalDateTime {
  if (!hasOffset(local)) return local;
  return instantToLocal(localToInstant(local, zone), zone);
}

/** Orders two date-times written the same way: both office time, or both with an offset. */
export function compareDateTimes(a: LocalDateTime, b: LocalDateTime): number {
  if (!hasOffset(a) && !hasOffset(b)) return a.localeCompare(b);
  return localToInstant(a, 'UTC').getTime() - localToInstant(b, 'UTC').getTime();
}

/** Today's date in the office's time zone, `YYYY-MM-DD`. */
export function localToday(now: Date, zone: string): string {
  return clockDate(wallClock(now, zone));
}
