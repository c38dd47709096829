import { z } from 'zod';

/** The zone an organization's dates are read in when it names none: every organization's zone before it could. */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/** Whether the runtime knows an IANA zone name ("Europe/London"); "GMT+9" style offsets are not zones of a place. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time zone: a day such as a publication date or a due date is the day in this zone, whatever the
 * server's own zone is.
 */
export const TimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, {
    message: 'not an IANA time zone name (e.g. "Asia/Tokyo", "Europe/London")',
    params: { ja: 'IANA のタイムゾーン名ではありません（例: "Asia/Tokyo"、"Europe/London"）' },
  });

/** The zone of an organization, Asia/Tokyo where it names none. */
export function timeZoneOf(org: { timeZone?: string | null | undefined }): string {
  return org.timeZone ?? DEFAULT_TIME_ZONE;
}
