import { DateTime } from 'luxon';

/**
 * Dates in frontmatter are the office's wall-clock time, written without a time zone:
 * `2025-03-10` or `2025-03-10 09:00`. The zone is the office's (`kantor.zona_waktu`), applied
 * only when a moment is needed (scheduling, feeds), so the same file means the same thing in
 * the CLI and in the Astro build.
 */
export type LocalDateTime = string;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

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

/** Normalises `2025-03-10T09:00:00` to `2025-03-10 09:00`; undefined if not a real date. */
export function normalizeLocal(text: string): LocalDateTime | undefined {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match;
  const parsed = DateTime.fromObject(
    { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0) },
    { zone: 'UTC' },
  );
  if (!parsed.isValid) return undefined;
  return h === undefined ? `${y}-${mo}-${d}` : `${y}-${mo}-${d} ${h}:${mi}`;
}

/** The moment a local date-time means in the office's time zone (a bare date = 00:00). */
export function localToInstant(local: LocalDateTime, zone: string): Date {
  const parsed = DateTime.fromFormat(local, local.length > 10 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd', { zone });
  return parsed.toJSDate();
}

/** Today's date in the office's time zone, `YYYY-MM-DD`. */
export function localToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toFormat('yyyy-MM-dd');
}
