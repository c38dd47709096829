import { describe, expect, it } from 'vitest';
import { formatPublicationDate } from './format-publication-date.ts';

describe('formatPublicationDate', () => {
  it('prints only what the date states', () => {
    expect(formatPublicationDate('2025-08', 'ja', 'Asia/Tokyo')).toBe('2025年8月');
    expect(formatPublicationDate('2025-08', 'en', 'Asia/Tokyo')).toBe('August 2025');
    expect(formatPublicationDate('2025', 'ja', 'Asia/Tokyo')).toBe('2025年');
    expect(formatPublicationDate('2025-08-29', 'ja', 'Asia/Tokyo')).toBe('2025年8月29日');
    expect(formatPublicationDate('2025-08-29', 'en', 'Pacific/Honolulu')).toBe('29 August 2025');
  });

  it('gives a timestamp the day it fell on in the time zone', () => {
    expect(formatPublicationDate('2023-06-29T15:30:00.000Z', 'ja', 'Asia/Tokyo')).toBe('2023年6月30日');
    expect(formatPublicationDate('2023-06-29T15:30:00.000Z', 'en', 'Europe/London')).toBe('29 June 2023');
  });
});
