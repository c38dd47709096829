import { describe, expect, it } from 'vitest';
import { isTimeZone, TimeZone, timeZoneOf } from './time-zone.ts';

describe('time zones', () => {
  it('accepts IANA zone names and refuses offsets, typos and other text', () => {
    expect(['Asia/Tokyo', 'Europe/London', 'America/Argentina/Buenos_Aires', 'UTC'].map(isTimeZone)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['Europe/Lundon', 'GMT+9', '+09:00', '', 'Asia/Tokyo; drop'].map(isTimeZone)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(TimeZone.safeParse('Europe/Lundon').error?.issues[0]?.message).toBe(
      'not an IANA time zone name (e.g. "Asia/Tokyo", "Europe/London")',
    );
  });

  it('reads an organization without a zone in Asia/Tokyo', () => {
    expect([timeZoneOf({}), timeZoneOf({ timeZone: null }), timeZoneOf({ timeZone: 'Europe/London' })]).toEqual([
      'Asia/Tokyo',
      'Asia/Tokyo',
      'Europe/London',
    ]);
  });
});
