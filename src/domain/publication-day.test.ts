import { describe, expect, it } from 'vitest';
import { formatPublicationDate } from './format-publication-date.ts';
import { publicationDay } from './publication-day.ts';

const TOKYO = 'Asia/Tokyo';

describe('publicationDay', () => {
  it('names the day in Japan that the portal prints, and keeps a declared date as precise as it is', () => {
    expect(publicationDay('2023-06-29T15:30:00.000Z', TOKYO)).toBe('2023-06-30');
    expect(formatPublicationDate('2023-06-29T15:30:00.000Z', 'ja', TOKYO)).toBe('2023年6月30日');
    expect(publicationDay('2023-06-29T14:59:59.000Z', TOKYO)).toBe('2023-06-29');
    expect(publicationDay('2025-08', TOKYO)).toBe('2025-08');
    expect(publicationDay('2025-08-29', TOKYO)).toBe('2025-08-29');
    expect(publicationDay('2025', TOKYO)).toBe('2025');
  });

  it('names the day where the organization is: 23:30 in London on 19 November is already the 20th in Tokyo', () => {
    expect(publicationDay('2025-11-19T23:30:00.000Z', 'Europe/London')).toBe('2025-11-19');
    expect(publicationDay('2025-11-19T23:30:00.000Z', TOKYO)).toBe('2025-11-20');
  });
});
