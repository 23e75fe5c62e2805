import { describe, expect, it } from 'vitest';
import { compareDateTimes, localToInstant, normalizeLocal, officeTime } from './time.ts';

describe('normalizeLocal', () => {
  it('keeps office time as the two short forms', () => {
    expect(normalizeLocal('2025-03-10')).toBe('2025-03-10');
    expect(normalizeLocal('2025-03-10T09:00:00')).toBe('2025-03-10 09:00');
    expect(normalizeLocal(' 2025-03-10 09:00 ')).toBe('2025-03-10 09:00');
  });

  it('keeps a moment written in ISO 8601 with its offset, in one form', () => {
    expect(normalizeLocal('2099-01-01T08:00:00+07:00')).toBe('2099-01-01T08:00+07:00');
    expect(normalizeLocal('2099-01-01T08:00:00.000Z')).toBe('2099-01-01T08:00+00:00');
    expect(normalizeLocal('2099-01-01T08:00+0800')).toBe('2099-01-01T08:00+08:00');
    expect(normalizeLocal('2099-01-01T08:00-03')).toBe('2099-01-01T08:00-03:00');
  });

  it('refuses what is no date, time or offset', () => {
    for (const text of ['2025-02-30', '2025-13-01T08:00+07:00', '2025-03-10T25:00+07:00', '2025-03-10T08:00+15:00', '2025-03-10+07:00', '10-03-2025', '2025-03-10T08:00 WIB']) {
      expect(normalizeLocal(text), text).toBeUndefined();
    }
  });
});

describe('office time', () => {
  it('reads a moment by its own offset, office time by the office zone', () => {
    expect(localToInstant('2099-01-01T08:00+07:00', 'Asia/Jayapura').toISOString()).toBe('2099-01-01T01:00:00.000Z');
    expect(localToInstant('2099-01-01 08:00', 'Asia/Jayapura').toISOString()).toBe('2098-12-31T23:00:00.000Z');
  });

  it('shows a moment as the office clock reads it', () => {
    expect(officeTime('2099-01-01T08:00+07:00', 'Asia/Jakarta')).toBe('2099-01-01 08:00');
    expect(officeTime('2099-01-01T08:00+08:00', 'Asia/Jakarta')).toBe('2099-01-01 07:00');
    expect(officeTime('2099-01-01T20:00+00:00', 'Asia/Makassar')).toBe('2099-01-02 04:00');
    expect(officeTime('2099-01-01 08:00', 'Asia/Makassar')).toBe('2099-01-01 08:00');
  });

  it('orders two office times by the clock and two moments by their instants', () => {
    expect(compareDateTimes('2025-04-01 08:00', '2025-04-01 09:00')).toBeLessThan(0);
    expect(compareDateTimes('2025-04-01', '2025-04-01 00:30')).toBeLessThan(0);
    expect(compareDateTimes('2025-04-01T09:00+08:00', '2025-04-01T08:30+07:00')).toBeLessThan(0);
  });
});
