import type { Office } from '../config/schema.ts';
import { clockDate, localToInstant, OFFICE_ZONES, pad, wallClock, type LocalDateTime, type WallClock } from '../content/time.ts';

/**
 * Dates as Indonesian readers expect them: "Jumat, 21 November 2025, 09.00 WIB" — day and month
 * names as CLDR's `id` locale has them (written out here, checked against luxon's `id` output by
 * dates.test.ts), hours with a full stop (PUEBI), and the office's own time zone (Indonesia has
 * three: WIB, WITA, WIT).
 */

export type TimeZone = Office['zona_waktu'];

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** Asia/Pontianak (West Kalimantan) is UTC+7 like Jakarta, so also WIB. */
export function zoneAbbreviation(zone: TimeZone): string {
  return OFFICE_ZONES[zone].abbreviation;
}

function dayOf(clock: WallClock): string {
  return `${DAYS[clock.weekday]}, ${clock.day} ${MONTHS[clock.month - 1]} ${pad(clock.year, 4)}`;
}

function hourOf(clock: WallClock): string {
  return `${pad(clock.hour)}.${pad(clock.minute)}`;
}

/** "Jumat, 21 November 2025" */
export function formatDate(date: Date, zone: TimeZone): string {
  return dayOf(wallClock(date, zone));
}

/** "21 Nov 2025", for dense lists. */
export function formatShortDate(date: Date, zone: TimeZone): string {
  const clock = wallClock(date, zone);
  return `${clock.day} ${SHORT_MONTHS[clock.month - 1]} ${pad(clock.year, 4)}`;
}

/** "09.00 WIB" */
export function formatTime(date: Date, zone: TimeZone): string {
  return `${hourOf(wallClock(date, zone))} ${zoneAbbreviation(zone)}`;
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
  const from = wallClock(start, zone);
  const to = wallClock(end, zone);
  if (clockDate(from) === clockDate(to)) return `${dayOf(from)}, ${hourOf(from)}–${hourOf(to)} ${zoneAbbreviation(zone)}`;
  return `${formatDateTime(start, zone)} s.d. ${formatDateTime(end, zone)}`;
}

/** `+07:00`, or `+0700` without the colon (iCalendar). */
export function formatOffset(minutes: number, colon = true): string {
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(size / 60))}${colon ? ':' : ''}${pad(size % 60)}`;
}

/** Value for `<time datetime>`: the instant with the office's UTC offset. */
export function machineDateTime(date: Date, zone: TimeZone): string {
  const clock = wallClock(date, zone);
  const millisecond = clock.millisecond === 0 ? '' : `.${pad(clock.millisecond, 3)}`;
  return `${clockDate(clock)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${millisecond}${formatOffset(clock.offset)}`;
}

/** Value for `<time datetime>` when only the calendar day matters. */
export function machineDate(date: Date, zone: TimeZone): string {
  return clockDate(wallClock(date, zone));
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
