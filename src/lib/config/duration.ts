/**
 * A time standard (mutu baku) as the SOPs write it: "30 menit", "5 jam", "2 hari", or
 * "tentatif" when the SOP sets no fixed time. Days are working days of the office.
 */
export type Duration = { minutes: number } | { workingDays: number } | 'tentatif';

const DURATION_PATTERN = /^\s*(\d+(?:[.,]\d+)?)\s*(menit|jam|hari)\s*$/i;

export function parseDuration(text: string): Duration | undefined {
  if (text.trim().toLowerCase() === 'tentatif') return 'tentatif';
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]!.replace(',', '.'));
  switch (match[2]!.toLowerCase()) {
    case 'menit':
      return { minutes: amount };
    case 'jam':
      return { minutes: amount * 60 };
    default:
      return { workingDays: amount };
  }
}

/** Minutes a standard allows, given the length of the office's working day; null = tentatif. */
export function durationToMinutes(duration: Duration, workingDayMinutes: number): number | null {
  if (duration === 'tentatif') return null;
  return 'minutes' in duration ? duration.minutes : duration.workingDays * workingDayMinutes;
}
