/**
 * A publication date as precise as it is known, in the given time zone: a full timestamp gives the day it fell on
 * there, "2025-08" gives the month only, "2025" the year only (a day the source never stated is never printed).
 *
 * @example formatPublicationDate('2025-08', 'ja') // "2025年8月"
 * @example formatPublicationDate('2023-06-29T15:30:00.000Z', 'en', 'Asia/Tokyo') // "30 June 2023"
 */
export function formatPublicationDate(value: string, lang: 'ja' | 'en', timeZone: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (m) {
    const [, y, mo, d] = m;
    // A bare date names a calendar day, not an instant: format it in UTC so no zone shifts it.
    const date = new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1)));
    const parts: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
    if (mo) parts.month = 'long';
    if (d) parts.day = 'numeric';
    return new Intl.DateTimeFormat(LOCALES[lang], parts).format(date);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(
    date,
  );
}

const LOCALES = { ja: 'ja-JP', en: 'en-GB' } as const;
