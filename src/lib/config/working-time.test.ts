import { describe, expect, it } from 'vitest';
import type { WorkingHours } from './schema.ts';
import { endOfDate, workingDayMinutes, workingMinutesBetween } from './working-time.ts';

const HOURS: WorkingHours = { hari: ['senin', 'selasa', 'rabu', 'kamis', 'jumat'], mulai: '07:30', selesai: '16:00', libur: ['2025-03-14'] };
const minutes = (start: string, end: string, zone = 'Asia/Jakarta') => workingMinutesBetween(HOURS, zone, new Date(start), new Date(end));

describe('working minutes', () => {
  it('counts the minutes between two times on one working day', () => {
    expect(minutes('2025-03-10T08:00:00+07:00', '2025-03-10T10:15:00+07:00')).toBe(135);
  });

  it('counts only office hours: nothing before opening or after closing', () => {
    expect(minutes('2025-03-10T06:00:00+07:00', '2025-03-10T08:00:00+07:00')).toBe(30);
    expect(minutes('2025-03-10T15:00:00+07:00', '2025-03-10T20:00:00+07:00')).toBe(60);
    expect(minutes('2025-03-10T17:00:00+07:00', '2025-03-11T07:00:00+07:00')).toBe(0);
  });

  it('skips the weekend and the holidays in `libur`', () => {
    // Thursday 15:30 → Monday 08:30, with Friday 14 March a holiday: 30 + 60 minutes.
    expect(minutes('2025-03-13T15:30:00+07:00', '2025-03-17T08:30:00+07:00')).toBe(90);
    // Without the holiday the whole Friday (8.5 hours) counts.
    expect(workingMinutesBetween({ ...HOURS, libur: [] }, 'Asia/Jakarta', new Date('2025-03-13T15:30:00+07:00'), new Date('2025-03-17T08:30:00+07:00'))).toBe(90 + 510);
  });

  it('reads hours and holidays on the office clock, not UTC', () => {
    // 23:00–24:00 UTC is 06:00–07:00 WIB (before opening) but 07:00–08:00 WITA (30 minutes open).
    const start = '2025-03-09T23:00:00Z';
    const end = '2025-03-10T00:00:00Z';
    expect(minutes(start, end, 'Asia/Jakarta')).toBe(0);
    expect(minutes(start, end, 'Asia/Makassar')).toBe(30);
    // Friday 14 March 00:30 WIB is still Thursday in UTC: the holiday must be read in WIB.
    expect(minutes('2025-03-13T17:30:00Z', '2025-03-14T09:00:00Z')).toBe(0);
  });

  it('is zero when the end is not after the start', () => {
    expect(minutes('2025-03-10T10:00:00+07:00', '2025-03-10T09:00:00+07:00')).toBe(0);
  });

  it('knows the length of a working day and the end of a date in the office zone', () => {
    expect(workingDayMinutes(HOURS)).toBe(510);
    expect(endOfDate('2025-03-31', 'Asia/Jakarta').toISOString()).toBe('2025-03-31T16:59:59.999Z');
    expect(endOfDate('2025-03-31', 'Asia/Jayapura').toISOString()).toBe('2025-03-31T14:59:59.999Z');
  });
});
