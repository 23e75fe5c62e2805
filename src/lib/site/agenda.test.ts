import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, mapSearchUrl, renderEventCalendar, type CalendarEvent } from './agenda.ts';

const EVENT: CalendarEvent = {
  uid: 'agenda-sosialisasi-longsor@jenawi.karanganyarkab.go.id',
  stamp: '2026-11-20',
  mulai: '2026-12-10 09:00',
  selesai: '2026-12-10 12:00',
  summary: 'Sosialisasi Kesiapsiagaan Bencana Tanah Longsor di Desa Lempong',
  location: 'Balai Desa Lempong, Kecamatan Jenawi',
  description: 'Warga diajak mengenali tanda-tanda longsor.\n\nPenyelenggara: Kecamatan Jenawi; BPBD',
  url: 'https://jenawi.karanganyarkab.go.id/agenda/sosialisasi-longsor/',
};
const JENAWI = { office: 'Kecamatan Jenawi', zone: 'Asia/Jakarta' } as const;

/** Content lines as a calendar program reads them: unfolded (RFC 5545 §3.1), split into name, parameters and value. */
function contentLines(text: string) {
  return text
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      const [name, ...params] = line.slice(0, colon).split(';');
      return { name: name!, params, value: line.slice(colon + 1) };
    });
}

/** The lines of the VEVENT, where DTSTART is the event's own (VTIMEZONE has one too). */
function eventLines(text: string) {
  const lines = contentLines(text);
  return lines.slice(lines.findIndex((line) => line.name === 'BEGIN' && line.value === 'VEVENT'));
}

function valueOf(text: string, name: string): string | undefined {
  return contentLines(text).find((line) => line.name === name)?.value;
}

function eventValue(text: string, name: string) {
  return eventLines(text).find((line) => line.name === name);
}

describe('the calendar file of an event', () => {
  const ics = renderEventCalendar(EVENT, JENAWI);

  it('is one VCALENDAR holding one VEVENT, components properly nested, with every property a calendar needs', () => {
    const lines = contentLines(ics);
    const stack: string[] = [];
    for (const line of lines) {
      if (line.name === 'BEGIN') stack.push(line.value);
      if (line.name === 'END') expect(stack.pop()).toBe(line.value);
    }
    expect(stack).toEqual([]);
    expect(lines[0]).toEqual({ name: 'BEGIN', params: [], value: 'VCALENDAR' });
    expect(lines.at(-1)).toEqual({ name: 'END', params: [], value: 'VCALENDAR' });
    expect(lines.filter((line) => line.name === 'BEGIN').map((line) => line.value)).toEqual(['VCALENDAR', 'VTIMEZONE', 'STANDARD', 'VEVENT']);
    expect(valueOf(ics, 'VERSION')).toBe('2.0');
    expect(valueOf(ics, 'PRODID')).toBe('-//Tayang//Kecamatan Jenawi//ID');
    expect(eventLines(ics).map((line) => line.name)).toEqual(['BEGIN', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'URL', 'END', 'END']);
    expect(valueOf(ics, 'UID')).toBe(EVENT.uid);
    expect(valueOf(ics, 'URL')).toBe(EVENT.url);
  });

  it('gives start and end in the office zone, described by a VTIMEZONE, and the stamp in UTC', () => {
    expect(eventValue(ics, 'DTSTART')).toEqual({ name: 'DTSTART', params: ['TZID=Asia/Jakarta'], value: '20261210T090000' });
    expect(eventValue(ics, 'DTEND')).toEqual({ name: 'DTEND', params: ['TZID=Asia/Jakarta'], value: '20261210T120000' });
    expect(valueOf(ics, 'TZID')).toBe('Asia/Jakarta');
    expect(valueOf(ics, 'TZOFFSETTO')).toBe('+0700');
    expect(valueOf(ics, 'TZNAME')).toBe('WIB');
    // 20 November 2026, 00:00 WIB
    expect(valueOf(ics, 'DTSTAMP')).toBe('20261119T170000Z');
  });

  it('uses the offset of the office zone (WITA in Buleleng)', () => {
    const bali = renderEventCalendar(EVENT, { office: 'Kecamatan Gerokgak', zone: 'Asia/Makassar' });
    expect(valueOf(bali, 'TZOFFSETFROM')).toBe('+0800');
    expect(valueOf(bali, 'TZNAME')).toBe('WITA');
    expect(valueOf(bali, 'DTSTAMP')).toBe('20261119T160000Z');
  });

  it('ends every line with CRLF and never with a bare line feed', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    expect(valueOf(ics, 'LOCATION')).toBe('Balai Desa Lempong\\, Kecamatan Jenawi');
    expect(valueOf(ics, 'DESCRIPTION')).toBe('Warga diajak mengenali tanda-tanda longsor.\\n\\nPenyelenggara: Kecamatan Jenawi\\; BPBD');
    expect(escapeText('C:\\data; a, b\r\nc')).toBe('C:\\\\data\\; a\\, b\\nc');
  });

  it('makes an event given by days an all-day event that ends the day after its last day, without a zone', () => {
    const days = renderEventCalendar({ ...EVENT, mulai: '2026-12-07', selesai: '2026-12-19' }, JENAWI);
    expect(eventValue(days, 'DTSTART')).toEqual({ name: 'DTSTART', params: ['VALUE=DATE'], value: '20261207' });
    expect(eventValue(days, 'DTEND')).toEqual({ name: 'DTEND', params: ['VALUE=DATE'], value: '20261220' });
    expect(valueOf(days, 'TZID')).toBeUndefined();
    expect(eventValue(renderEventCalendar({ ...EVENT, mulai: '2026-12-31', selesai: undefined }, JENAWI), 'DTEND')?.value).toBe('20270101');
  });

  it('leaves DTEND out for an event with a start time and no end', () => {
    const open = renderEventCalendar({ ...EVENT, selesai: undefined }, JENAWI);
    expect(eventValue(open, 'DTSTART')?.value).toBe('20261210T090000');
    expect(eventValue(open, 'DTEND')).toBeUndefined();
  });
});

describe('folding long lines', () => {
  const octets = (text: string) => new TextEncoder().encode(text).length;

  it('keeps every line within 75 octets, continuations starting with a space, and unfolds to the original', () => {
    const line = `SUMMARY:${'Musyawarah Perencanaan Pembangunan Kecamatan Jenawi '.repeat(4)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const [index, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(octets(physical[0]!)).toBe(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('counts octets, not characters, and never splits a character', () => {
    const line = `DESCRIPTION:${'Pukul 08.00–15.00 WIB 📅 '.repeat(6)}`;
    const physical = foldLine(line).split('\r\n');
    for (const part of physical) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/\uFFFD/);
      // A lone surrogate would mean half an emoji on each line.
      expect(part.isWellFormed()).toBe(true);
    }
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves a short line as it is', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });
});

describe('the map link of an event', () => {
  it('searches OpenStreetMap for the place as written', () => {
    expect(mapSearchUrl('Balai Desa Lempong, Kecamatan Jenawi')).toBe('https://www.openstreetmap.org/search?query=Balai%20Desa%20Lempong%2C%20Kecamatan%20Jenawi');
  });
});

/** The stamps are computed from fixed offsets; luxon with the IANA zones is the oracle, 1970–2100. */
describe('calendar stamps match luxon', () => {
  const zone = fc.constantFrom('Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura' as const);
  const local = fc
    .tuple(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:00Z'), noInvalidDate: true }), fc.boolean())
    .map(([date, withTime]) => (withTime ? `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)}` : date.toISOString().slice(0, 10)));
  const read = (value: string, z: string) => DateTime.fromFormat(value, value.length > 10 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd', { zone: z });

  it('writes DTSTAMP, DTSTART, DTEND and the zone offset as luxon does', () => {
    fc.assert(
      fc.property(local, local, local, zone, (stamp, mulai, selesai, z) => {
        const lines = contentLines(renderEventCalendar({ ...EVENT, stamp, mulai, selesai }, { office: 'Kantor', zone: z }));
        const value = (name: string) => lines.filter((line) => line.name === name).map((line) => line.value);
        const allDay = mulai.length === 10 || selesai.length === 10;
        expect(value('DTSTAMP')).toEqual([read(stamp, z).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")]);
        if (allDay) {
          expect(value('DTSTART')).toEqual([read(mulai, z).toFormat('yyyyMMdd')]);
          expect(value('DTEND')).toEqual([read(selesai, z).plus({ days: 1 }).toFormat('yyyyMMdd')]);
        } else {
          expect(value('DTSTART')).toEqual(['19700101T000000', read(mulai, z).toFormat("yyyyMMdd'T'HHmmss")]);
          expect(value('DTEND')).toEqual([read(selesai, z).toFormat("yyyyMMdd'T'HHmmss")]);
          expect(value('TZOFFSETTO')).toEqual([read(mulai, z).toFormat('ZZZ')]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
