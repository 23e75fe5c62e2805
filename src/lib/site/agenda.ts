import { localToInstant, pad, wallClock, type LocalDateTime } from '../content/time.ts';
import { formatOffset, hasTime, zoneAbbreviation, type TimeZone } from './dates.ts';

/**
 * What an event page offers beyond its text: a calendar file (iCalendar, RFC 5545) that phones
 * and calendar programs import, and a map search for its place.
 */

/** One agenda item as its calendar file says it. */
export interface CalendarEvent {
  /** Stays the same when the item is edited, so a calendar updates the event instead of adding one. */
  uid: string;
  /** When the information was written (the item's `tanggal`); a fixed value keeps builds identical. */
  stamp: LocalDateTime;
  mulai: LocalDateTime;
  selesai?: LocalDateTime;
  summary: string;
  location: string;
  description: string;
  /** The event's page. */
  url: string;
}

export interface CalendarSource {
  /** The office's name, for PRODID. */
  office: string;
  zone: TimeZone;
}

const CRLF = '\r\n';
/** RFC 5545 §3.1: lines longer than 75 octets are folded. */
const MAX_LINE_OCTETS = 75;

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A content line folded into lines of at most 75 octets (UTF-8), each continuation starting with
 * one space (RFC 5545 §3.1); a character is never split across lines.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** `20261207T080000`: office wall-clock time, read with the event's TZID. */
function localStamp(local: LocalDateTime, zone: TimeZone): string {
  const clock = wallClock(localToInstant(local, zone), zone);
  return `${dayStamp(local, zone)}T${pad(clock.hour)}${pad(clock.minute)}${pad(clock.second)}`;
}

/** `20261207`: a calendar day. */
function dayStamp(local: LocalDateTime, zone: TimeZone, plusDays = 0): string {
  const clock = wallClock(localToInstant(local, zone), zone);
  // Calendar days, so Date's own rollover moves the month and year.
  const day = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + plusDays));
  return `${pad(day.getUTCFullYear(), 4)}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}`;
}

/** `20261115T170000Z`: a moment in UTC. */
function utcStamp(local: LocalDateTime, zone: TimeZone): string {
  return `${localToInstant(local, zone).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * The zone the times are read in. Indonesia's zones keep one offset all year (no daylight saving
 * time), so one STANDARD rule describes each.
 */
function timeZoneLines(zone: TimeZone, at: LocalDateTime): string[] {
  const offset = formatOffset(wallClock(localToInstant(at, zone), zone).offset, false);
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, `TZNAME:${zoneAbbreviation(zone)}`, 'END:STANDARD', 'END:VTIMEZONE'];
}

/**
 * The calendar file of one event. An event given by days (a bare date in `mulai` or `selesai`)
 * is an all-day event whose DTEND is the day after its last day (RFC 5545 §3.6.1); one with hours
 * is in the office's zone. An event with a start time and no end has no DTEND.
 */
export function renderEventCalendar(event: CalendarEvent, source: CalendarSource): string {
  const { zone } = source;
  const allDay = !hasTime(event.mulai) || (event.selesai !== undefined && !hasTime(event.selesai));
  const times = allDay
    ? [`DTSTART;VALUE=DATE:${dayStamp(event.mulai, zone)}`, `DTEND;VALUE=DATE:${dayStamp(event.selesai ?? event.mulai, zone, 1)}`]
    : [`DTSTART;TZID=${zone}:${localStamp(event.mulai, zone)}`, ...(event.selesai ? [`DTEND;TZID=${zone}:${localStamp(event.selesai, zone)}`] : [])];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Tayang//${escapeText(source.office)}//ID`,
    'CALSCALE:GREGORIAN',
    ...(allDay ? [] : timeZoneLines(zone, event.mulai)),
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.stamp, zone)}`,
    ...times,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Address of an event's calendar file beside its page: `/agenda/musrenbang-2027.ics`. */
export function calendarPath(slug: string): string {
  return `/agenda/${slug}.ics`;
}

/** An OpenStreetMap search for the place as written (the agenda has no coordinates). */
export function mapSearchUrl(place: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(place)}`;
}
