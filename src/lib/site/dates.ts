import { DateTime } from 'luxon';
import type { Office } from '../config/schema.ts';
import { localToInstant, type LocalDateTime } from '../content/time.ts';

/**
 * Dates as Indonesian readers expect them: "Jumat, 21 November 2025, 09.00 WIB" — day and month
 * names from CLDR's `id` locale, hours with a full stop (PUEBI), and the office's own time zone
 * (Indonesia has three: WIB, WITA, WIT).
 */

export type TimeZone = Office['zona_waktu'];

/** Asia/Pontianak (West Kalimantan) is UTC+7 like Jakarta, so also WIB. */
const ZONE_ABBREVIATIONS: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

function inZone(date: Date, zone: TimeZone): DateTime {
  return DateTime.fromJSDate(date, { zone }).setLocale('id');
}

export function zoneAbbreviation(zone: TimeZone): string {
  return ZONE_ABBREVIATIONS[zone];
}

/** "Jumat, 21 November 2025" */
export function formatDate(date: Date, zone: TimeZone): string {
  return inZone(date, zone).toFormat('cccc, d LLLL yyyy');
}

/** "21 Nov 2025", for dense lists. */
export function formatShortDate(date: Date, zone: TimeZone): string {
  return inZone(date, zone).toFormat('d LLL yyyy');
}

/** "09.00 WIB" */
export function formatTime(date: Date, zone: TimeZone): string {
  return `${inZone(date, zone).toFormat('HH.mm')} ${zoneAbbreviation(zone)}`;
}

/** "Jumat, 21 November 2025, 09.00 WIB" */
export function formatDateTime(date: Date, zone: TimeZone): string {
  return `${formatDate(date, zone)}, ${formatTime(date, zone)}`;
}

/**
 * An event's span: "Jumat, 21 November 2025, 09.00–12.00 WIB" on one day, otherwise
 * "Jumat, 21 November 2025, 09.00 WIB s.d. Sabtu, 22 November 2025, 12.00 WIB".
 */
export function formatDateTimeRange(start: Date, end: Date | undefined, zone: TimeZone): string {
  if (!end) return formatDateTime(start, zone);
  const from = inZone(start, zone);
  const to = inZone(end, zone);
  if (from.hasSame(to, 'day')) {
    return `${formatDate(start, zone)}, ${from.toFormat('HH.mm')}–${to.toFormat('HH.mm')} ${zoneAbbreviation(zone)}`;
  }
  return `${formatDateTime(start, zone)} s.d. ${formatDateTime(end, zone)}`;
}

/** Value for `<time datetime>`: the instant with the office's UTC offset. */
export function machineDateTime(date: Date, zone: TimeZone): string {
  return inZone(date, zone).toISO({ suppressMilliseconds: true }) ?? date.toISOString();
}

/** Value for `<time datetime>` when only the calendar day matters. */
export function machineDate(date: Date, zone: TimeZone): string {
  return inZone(date, zone).toISODate() ?? date.toISOString().slice(0, 10);
}

/** Frontmatter dates are wall-clock time (`2025-11-21` or `2025-11-21 09:00`); a bare date has no hour. */
export function hasTime(local: LocalDateTime): boolean {
  return local.length > 10;
}

/** "Jumat, 21 November 2025" or, when an hour was written, "Jumat, 21 November 2025, 09.00 WIB". */
export function formatLocal(local: LocalDateTime, zone: TimeZone): string {
  const instant = localToInstant(local, zone);
  return hasTime(local) ? formatDateTime(instant, zone) : formatDate(instant, zone);
}

/** "21 Nov 2025" */
export function formatLocalShort(local: LocalDateTime, zone: TimeZone): string {
  return formatShortDate(localToInstant(local, zone), zone);
}

/** An event's span from frontmatter dates; bare dates give a span of days. */
export function formatLocalRange(start: LocalDateTime, end: LocalDateTime | undefined, zone: TimeZone): string {
  if (!hasTime(start) || (end !== undefined && !hasTime(end))) {
    if (end === undefined || end.slice(0, 10) === start.slice(0, 10)) return formatDate(localToInstant(start, zone), zone);
    return `${formatDate(localToInstant(start, zone), zone)} s.d. ${formatDate(localToInstant(end, zone), zone)}`;
  }
  return formatDateTimeRange(localToInstant(start, zone), end === undefined ? undefined : localToInstant(end, zone), zone);
}

/** `<time datetime>` for a frontmatter date: the day alone, or the instant with its offset. */
export function machineLocal(local: LocalDateTime, zone: TimeZone): string {
  const instant = localToInstant(local, zone);
  return hasTime(local) ? machineDateTime(instant, zone) : machineDate(instant, zone);
}
