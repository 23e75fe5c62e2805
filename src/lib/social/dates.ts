import { DateTime } from 'luxon';
import { normalizeLocal, yamlDateToLocal } from '../content/time.ts';

/** Indonesian names of the office time zones, as written after a time ("09.00 WIB"). */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** A frontmatter date (`2025-05-12`, `2025-05-12 09:00`, or a YAML Date) as wall-clock parts. */
function toLocal(value: unknown): DateTime | undefined {
  const text = value instanceof Date ? yamlDateToLocal(value) : typeof value === 'string' ? normalizeLocal(value) : undefined;
  if (!text) return undefined;
  const parsed = DateTime.fromFormat(text, text.length > 10 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd', { zone: 'UTC', locale: 'id' });
  return parsed.isValid ? parsed : undefined;
}

const hasTime = (value: unknown, local: DateTime): boolean =>
  typeof value === 'string' ? value.trim().length > 10 : local.hour !== 0 || local.minute !== 0;

/** "Senin, 12 Mei 2025" or "Senin, 12 Mei 2025 pukul 09.00 WIB"; undefined if not a date. */
export function formatLocalDate(value: unknown, zone: string): string | undefined {
  const local = toLocal(value);
  if (!local) return undefined;
  const day = local.toFormat('cccc, d LLLL yyyy');
  return hasTime(value, local) ? `${day} pukul ${local.toFormat('HH.mm')} ${ZONE_NAMES[zone] ?? zone}` : day;
}

/** An event's span: "Senin, 12 Mei 2025 pukul 09.00–12.00 WIB" when it ends the same day. */
export function formatLocalRange(start: unknown, end: unknown, zone: string): string | undefined {
  const from = toLocal(start);
  const to = toLocal(end);
  if (!from) return undefined;
  if (!to) return formatLocalDate(start, zone);
  const zoneName = ZONE_NAMES[zone] ?? zone;
  if (from.hasSame(to, 'day') && hasTime(start, from) && hasTime(end, to)) {
    return `${from.toFormat('cccc, d LLLL yyyy')} pukul ${from.toFormat('HH.mm')}–${to.toFormat('HH.mm')} ${zoneName}`;
  }
  return `${formatLocalDate(start, zone)} s.d. ${formatLocalDate(end, zone)}`;
}
