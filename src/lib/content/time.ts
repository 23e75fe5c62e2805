import { DateTime } from 'luxon';

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

/** The moment a date-time means: its own offset, else the office's time zone (a bare date = 00:00). */
export function localToInstant(local: LocalDateTime, zone: string): Date {
  if (hasOffset(local)) return DateTime.fromISO(local, { setZone: true }).toJSDate();
  const parsed = DateTime.fromFormat(local, local.length > 10 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd', { zone });
  return parsed.toJSDate();
}

/** The value as the office's wall clock shows it: `2026-01-05T09:00+08:00` in WIB is `2026-01-05 08:00`. */
export function officeTime(local: LocalDateTime, zone: string): LocalDateTime {
  if (!hasOffset(local)) return local;
  return DateTime.fromJSDate(localToInstant(local, zone), { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** Orders two date-times written the same way: both office time, or both with an offset. */
export function compareDateTimes(a: LocalDateTime, b: LocalDateTime): number {
  if (!hasOffset(a) && !hasOffset(b)) return a.localeCompare(b);
  return localToInstant(a, 'UTC').getTime() - localToInstant(b, 'UTC').getTime();
}

/** Today's date in the office's time zone, `YYYY-MM-DD`. */
export function localToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toFormat('yyyy-MM-dd');
}
