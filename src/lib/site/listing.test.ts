import { describe, expect, it } from 'vitest';
import { byNewest, byPageOrder, bySoonest, isAnnouncementActive, isEventUpcoming, localNow, splitEvents } from './listing.ts';

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

  it('lists the office pages by urutan, then those without one by title', () => {
    const pages = [
      { data: { judul: 'Tata Cara Pengajuan Keberatan' } },
      { data: { judul: 'Struktur Organisasi', urutan: 2 } },
      { data: { judul: 'Maklumat Pelayanan' } },
      { data: { judul: 'Visi dan Misi', urutan: 1 } },
    ];
    expect(pages.sort(byPageOrder).map((p) => p.data.judul)).toEqual(['Visi dan Misi', 'Struktur Organisasi', 'Maklumat Pelayanan', 'Tata Cara Pengajuan Keberatan']);
  });

  it('lists events soonest first', () => {
    const items = [
      { data: { mulai: '2025-12-01 09:00', judul: 'Later' } },
      { data: { mulai: '2025-11-25', judul: 'Sooner' } },
    ];
    expect(items.sort(bySoonest).map((i) => i.data.judul)).toEqual(['Sooner', 'Later']);
  });
});

describe('the agenda page', () => {
  const now = '2026-12-02 10:00';
  const events = [
    { data: { judul: 'Musrenbang 2027', mulai: '2027-02-10 08:30', selesai: '2027-02-10 14:00' } },
    { data: { judul: 'Upacara HUT RI', mulai: '2026-08-17 07:30', selesai: '2026-08-17 09:00' } },
    { data: { judul: 'Pelatihan menjahit', mulai: '2026-11-30 08:00', selesai: '2026-12-19 15:00' } },
    { data: { judul: 'Sosialisasi longsor', mulai: '2026-12-10 09:00' } },
    { data: { judul: 'Rapat koordinasi', mulai: '2026-11-20' } },
  ];

  it('lists events ahead or under way soonest first, then those over, the latest first', () => {
    const { upcoming, past } = splitEvents(events, now);
    expect(upcoming.map((e) => e.data.judul)).toEqual(['Pelatihan menjahit', 'Sosialisasi longsor', 'Musrenbang 2027']);
    expect(past.map((e) => e.data.judul)).toEqual(['Rapat koordinasi', 'Upacara HUT RI']);
  });
});
