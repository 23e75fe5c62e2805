import { describe, expect, it } from 'vitest';
import { byNewest, bySoonest, isAnnouncementActive, isEventUpcoming, localNow } from './listing.ts';

describe('office clock', () => {
  it('turns the build time into office wall-clock time', () => {
    expect(localNow(new Date('2025-11-21T17:30:00Z'), 'Asia/Jakarta')).toBe('2025-11-22 00:30');
    expect(localNow(new Date('2025-11-21T17:30:00Z'), 'Asia/Jayapura')).toBe('2025-11-22 02:30');
  });
});

describe('announcements', () => {
  const now = '2025-11-21 15:00';

  it('hold through the whole of their last day', () => {
    expect(isAnnouncementActive({ berlaku_sampai: '2025-11-21' }, now)).toBe(true);
    expect(isAnnouncementActive({ berlaku_sampai: '2025-11-20' }, now)).toBe(false);
  });

  it('hold without an end date', () => {
    expect(isAnnouncementActive({}, now)).toBe(true);
  });
});

describe('agenda', () => {
  const now = '2025-11-21 10:00';

  it('keeps an event under way until it ends', () => {
    expect(isEventUpcoming({ mulai: '2025-11-21 09:00', selesai: '2025-11-21 12:00' }, now)).toBe(true);
    expect(isEventUpcoming({ mulai: '2025-11-21 08:00', selesai: '2025-11-21 09:30' }, now)).toBe(false);
  });

  it('treats an event with only a start as over once it has started', () => {
    expect(isEventUpcoming({ mulai: '2025-11-21 09:00' }, now)).toBe(false);
    expect(isEventUpcoming({ mulai: '2025-11-21 13:00' }, now)).toBe(true);
  });

  it('keeps an all-day event for the whole day', () => {
    expect(isEventUpcoming({ mulai: '2025-11-21' }, now)).toBe(true);
    expect(isEventUpcoming({ mulai: '2025-11-19', selesai: '2025-11-20' }, now)).toBe(false);
  });
});

describe('order', () => {
  it('lists news newest first, including the hour when written', () => {
    const items = [
      { data: { tanggal: '2025-11-20', judul: 'B' } },
      { data: { tanggal: '2025-11-21 08:00', judul: 'C' } },
      { data: { tanggal: '2025-11-21', judul: 'A' } },
    ];
    expect(items.sort(byNewest).map((i) => i.data.judul)).toEqual(['C', 'A', 'B']);
  });

  it('lists events soonest first', () => {
    const items = [
      { data: { mulai: '2025-12-01 09:00', judul: 'Later' } },
      { data: { mulai: '2025-11-25', judul: 'Sooner' } },
    ];
    expect(items.sort(bySoonest).map((i) => i.data.judul)).toEqual(['Sooner', 'Later']);
  });
});
