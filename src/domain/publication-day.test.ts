import { describe, expect, it } from 'vitest';
import { formatPublicationDate } from './format-publication-date.ts';
import { publicationDay } from './publication-day.ts';

describe('publicationDay', () => {
  it('names the day in Japan that the portal prints, and keeps a declared date as precise as it is', () => {
    expect(publicationDay('2023-06-29T15:30:00.000Z')).toBe('2023-06-30');
    expect(formatPublicationDate('2023-06-29T15:30:00.000Z', 'ja')).toBe('2023年6月30日');
    expect(publicationDay('2023-06-29T14:59:59.000Z')).toBe('2023-06-29');
    expect(publicationDay('2025-08')).toBe('2025-08');
    expect(publicationDay('2025-08-29')).toBe('2025-08-29');
    expect(publicationDay('2025')).toBe('2025');
  });
});
