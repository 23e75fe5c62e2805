import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDateTimeRange,
  formatLocal,
  formatLocalRange,
  formatShortDate,
  machineDate,
  machineDateTime,
  machineLocal,
} from './dates.ts';

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
