import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localToday, localToInstant, officeTime } from '../content/time.ts';
import {
  formatDate,
  formatDateTime,
  formatDateTimeRange,
  formatLocal,
  formatLocalRange,
  formatLocalShort,
  formatOffset,
  formatShortDate,
  machineDate,
  machineDateTime,
  machineLocal,
  zoneAbbreviation,
} from './dates.ts';
import { localNow } from './listing.ts';

const friday9amJakarta = new Date('2025-11-21T02:00:00Z');

describe('Indonesian dates', () => {
  it('writes day, date, month and time with a full stop and the zone name', () => {
    expect(formatDateTime(friday9amJakarta, 'Asia/Jakarta')).toBe('Jumat, 21 November 2025, 09.00 WIB');
  });

  it('shows the same instant in the office zone: WITA and WIT', () => {
    expect(formatDateTime(friday9amJakarta, 'Asia/Makassar')).toBe('Jumat, 21 November 2025, 10.00 WITA');
    expect(formatDateTime(friday9amJakarta, 'Asia/Jayapura')).toBe('Jumat, 21 November 2025, 11.00 WIT');
  });

  it('names Pontianak time WIB', () => {
    expect(formatDateTime(friday9amJakarta, 'Asia/Pontianak')).toBe('Jumat, 21 November 2025, 09.00 WIB');
  });

  it('moves to the next day when the office clock has passed midnight', () => {
    const lateEveningUtc = new Date('2025-11-21T20:30:00Z');
    expect(formatDate(lateEveningUtc, 'Asia/Jakarta')).toBe('Sabtu, 22 November 2025');
    expect(machineDate(lateEveningUtc, 'Asia/Jakarta')).toBe('2025-11-22');
  });

  it('abbreviates months for dense lists', () => {
    expect(formatShortDate(new Date('2025-08-17T01:00:00Z'), 'Asia/Jakarta')).toBe('17 Agu 2025');
  });

  it('writes a span on one day with one date', () => {
    const end = new Date('2025-11-21T05:00:00Z');
    expect(formatDateTimeRange(friday9amJakarta, end, 'Asia/Jakarta')).toBe('Jumat, 21 November 2025, 09.00–12.00 WIB');
  });

  it('writes a span over several days with both dates', () => {
    const end = new Date('2025-11-22T05:00:00Z');
    expect(formatDateTimeRange(friday9amJakarta, end, 'Asia/Jakarta')).toBe(
      'Jumat, 21 November 2025, 09.00 WIB s.d. Sabtu, 22 November 2025, 12.00 WIB',
    );
  });

  it('gives machines the instant with the office offset', () => {
    expect(machineDateTime(friday9amJakarta, 'Asia/Makassar')).toBe('2025-11-21T10:00:00+08:00');
  });
});

describe('frontmatter dates (office wall-clock time)', () => {
  it('shows the hour only when the author wrote one', () => {
    expect(formatLocal('2025-11-21', 'Asia/Makassar')).toBe('Jumat, 21 November 2025');
    expect(formatLocal('2025-11-21 09:00', 'Asia/Makassar')).toBe('Jumat, 21 November 2025, 09.00 WITA');
  });

  it('keeps the written hour in every zone: it is the office clock', () => {
    expect(formatLocal('2025-11-21 09:00', 'Asia/Jayapura')).toBe('Jumat, 21 November 2025, 09.00 WIT');
  });

  it('gives machines the day alone or the instant with the office offset', () => {
    expect(machineLocal('2025-11-21', 'Asia/Jakarta')).toBe('2025-11-21');
    expect(machineLocal('2025-11-21 09:00', 'Asia/Jakarta')).toBe('2025-11-21T09:00:00+07:00');
  });

  it('writes spans of hours and of days', () => {
    expect(formatLocalRange('2025-12-10 09:00', '2025-12-10 12:30', 'Asia/Jakarta')).toBe('Rabu, 10 Desember 2025, 09.00–12.30 WIB');
    expect(formatLocalRange('2025-12-10', '2025-12-12', 'Asia/Jakarta')).toBe('Rabu, 10 Desember 2025 s.d. Jumat, 12 Desember 2025');
    expect(formatLocalRange('2025-12-10 09:00', undefined, 'Asia/Jakarta')).toBe('Rabu, 10 Desember 2025, 09.00 WIB');
  });
});

/**
 * The dates are computed from fixed offsets and written-out names (luxon costs too much on every
 * date of every page); luxon with the `id` locale and the IANA zones is the oracle they must match
 * byte for byte, for any moment from 1970 to 2100 in every office zone.
 */
describe('dates match luxon (id locale, IANA zones)', () => {
  const zones = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;
  const zone = fc.constantFrom(...zones);
  const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59.999Z'), noInvalidDate: true });
  const local = fc
    .tuple(instant, fc.boolean())
    .map(([date, withTime]) => (withTime ? `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)}` : date.toISOString().slice(0, 10)));
  const luxon = (date: Date, z: string) => DateTime.fromJSDate(date, { zone: z }).setLocale('id');
  const runs = { numRuns: 2000 };

  it('formats moments', () => {
    fc.assert(
      fc.property(instant, instant, zone, (date, other, z) => {
        const at = luxon(date, z);
        expect(formatDate(date, z)).toBe(at.toFormat('cccc, d LLLL yyyy'));
        expect(formatShortDate(date, z)).toBe(at.toFormat('d LLL yyyy'));
        expect(formatDateTime(date, z)).toBe(`${at.toFormat('cccc, d LLLL yyyy')}, ${at.toFormat('HH.mm')} ${zoneAbbreviation(z)}`);
        expect(machineDateTime(date, z)).toBe(at.toISO({ suppressMilliseconds: true }));
        expect(machineDate(date, z)).toBe(at.toISODate());
        const sameDay = new Date(date.getTime() + (other.getTime() % 86_400_000));
        for (const end of [other, sameDay]) {
          const to = luxon(end, z);
          const expected = at.hasSame(to, 'day')
            ? `${at.toFormat('cccc, d LLLL yyyy')}, ${at.toFormat('HH.mm')}–${to.toFormat('HH.mm')} ${zoneAbbreviation(z)}`
            : `${formatDateTime(date, z)} s.d. ${formatDateTime(end, z)}`;
          expect(formatDateTimeRange(date, end, z)).toBe(expected);
        }
      }),
      runs,
    );
  });

  it('reads frontmatter dates in the office zone', () => {
    fc.assert(
      fc.property(local, zone, (value, z) => {
        const expected = DateTime.fromFormat(value, value.length > 10 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd', { zone: z }).toJSDate();
        expect(localToInstant(value, z).toISOString()).toBe(expected.toISOString());
        expect(formatLocalShort(value, z)).toBe(luxon(expected, z).toFormat('d LLL yyyy'));
      }),
      runs,
    );
  });

  it('reads moments with their own offset and shows them on the office clock', () => {
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 }).map(formatOffset);
    fc.assert(
      fc.property(instant, offset, zone, (date, written, z) => {
        const value = `${date.toISOString().slice(0, 16)}${written}`;
        const expected = DateTime.fromISO(value, { setZone: true });
        expect(localToInstant(value, z).toISOString()).toBe(expected.toJSDate().toISOString());
        expect(officeTime(value, z)).toBe(expected.setZone(z).toFormat('yyyy-MM-dd HH:mm'));
      }),
      runs,
    );
  });

  it('gives today and now on the office clock', () => {
    fc.assert(
      fc.property(instant, zone, (date, z) => {
        expect(localToday(date, z)).toBe(DateTime.fromJSDate(date, { zone: z }).toFormat('yyyy-MM-dd'));
        expect(localNow(date, z)).toBe(DateTime.fromJSDate(date, { zone: z }).toFormat('yyyy-MM-dd HH:mm'));
      }),
      runs,
    );
  });
});
