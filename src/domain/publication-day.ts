/**
 * The 公表日 of an edition as a date string, as precise as it is known: a timestamp gives the calendar day it
 * fell on in the given time zone (Japan's by default, as the portal prints it), so that every channel names the
 * same day; a declared "2025-08" or "2025-08-29" stays as it is.
 * @example publicationDay('2023-06-29T15:30:00.000Z') // "2023-06-30"
 * @example publicationDay('2025-08') // "2025-08"
 */
export function publicationDay(value: string, timeZone: string): string {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}
