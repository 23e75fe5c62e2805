import { DateTime } from 'luxon';
import type { WorkingHours } from './schema.ts';

/** Luxon weekday (1 = Monday … 7 = Sunday) of each day name `jam_kerja.hari` uses. */
const WEEKDAY = { senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, sabtu: 6, minggu: 7 } as const;

/** Length of one working day in minutes ("N hari" in a time standard is N of these). */
export function workingDayMinutes(hours: WorkingHours): number {
  return clockMinutes(hours.selesai) - clockMinutes(hours.mulai);
}

/**
 * Working minutes between two instants: only the office's working days (`hari`, minus `libur`)
 * between `mulai` and `selesai`, on the office's wall clock (`zone`). Time standards in the SOPs
 * are working time: a draft handed in on Friday afternoon is not late on Monday morning.
 */
export function workingMinutesBetween(hours: WorkingHours, zone: string, start: Date, end: Date): number {
  if (end <= start) return 0;
  const days = new Set<number>(hours.hari.map((day) => WEEKDAY[day]));
  const holidays = new Set(hours.libur);
  const open = clockMinutes(hours.mulai);
  const close = clockMinutes(hours.selesai);
  const from = DateTime.fromJSDate(start, { zone });
  const until = DateTime.fromJSDate(end, { zone });
  let total = 0;
  for (let day = from.startOf('day'); day < until; day = day.plus({ days: 1 })) {
    if (!days.has(day.weekday) || holidays.has(day.toISODate()!)) continue;
    const windowStart = Math.max(day.plus({ minutes: open }).toMillis(), from.toMillis());
    const windowEnd = Math.min(day.plus({ minutes: close }).toMillis(), until.toMillis());
    if (windowEnd > windowStart) total += windowEnd - windowStart;
  }
  return Math.floor(total / 60_000);
}

/** Longest stretch searched by `addWorkingMinutes`: ten years without a working day gives up. */
const MAX_DAYS_SEARCHED = 3660;

/**
 * The instant `minutes` working minutes after `start`, the inverse of `workingMinutesBetween`:
 * when a follow-up that must happen "within 1 hari" of working time is due.
 */
export function addWorkingMinutes(hours: WorkingHours, zone: string, start: Date, minutes: number): Date {
  const days = new Set<number>(hours.hari.map((day) => WEEKDAY[day]));
  const holidays = new Set(hours.libur);
  const from = DateTime.fromJSDate(start, { zone });
  let remaining = minutes * 60_000;
  let day = from.startOf('day');
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plus({ days: 1 })) {
    if (!days.has(day.weekday) || holidays.has(day.toISODate()!)) continue;
    const windowStart = Math.max(day.plus({ minutes: clockMinutes(hours.mulai) }).toMillis(), from.toMillis());
    const windowEnd = day.plus({ minutes: clockMinutes(hours.selesai) }).toMillis();
    if (windowEnd <= windowStart) continue;
    if (remaining <= windowEnd - windowStart) return new Date(windowStart + remaining);
    remaining -= windowEnd - windowStart;
  }
  return day.toJSDate();
}

/** The instant a calendar date (`2025-03-31`) ends in the office's time zone. */
export function endOfDate(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).endOf('day').toJSDate();
}

function clockMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}
