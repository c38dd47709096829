import { describe, expect, it } from 'vitest';
import {
  fiscalYearOf,
  fiscalYearRange,
  formatCalendarYear,
  formatFiscalYear,
  formatFiscalYearSpan,
  japaneseEraOf,
} from './fiscal-year.ts';

describe('fiscalYearOf', () => {
  it('puts January–March in the previous fiscal year', () => {
    expect(fiscalYearOf('2023-03-31')).toBe(2022);
    expect(fiscalYearOf('2023-04-01')).toBe(2023);
    expect(fiscalYearOf('2022-04')).toBe(2022);
  });

  it('honours another start month', () => {
    expect(fiscalYearOf('2023-03-31', 1)).toBe(2023);
    expect(fiscalYearOf('2023-09-30', 10)).toBe(2022);
    expect(fiscalYearOf('2023-10-01', 10)).toBe(2023);
  });

  it('reads a Date as the calendar day in Japan', () => {
    // 2023-03-31T15:00Z is already 1 April in Tokyo.
    expect(fiscalYearOf(new Date('2023-03-31T14:59:59Z'))).toBe(2022);
    expect(fiscalYearOf(new Date('2023-03-31T15:00:00Z'))).toBe(2023);
  });

  it('throws on a malformed date string', () => {
    expect(() => fiscalYearOf('R5/4/1')).toThrow('not an ISO date: "R5/4/1"');
    expect(() => fiscalYearOf('2023-13-01')).toThrow(RangeError);
  });
});

describe('fiscalYearRange', () => {
  it('spans April to March', () => {
    expect(fiscalYearRange(2022)).toEqual({ start: '2022-04-01', end: '2023-03-31' });
  });
  it('handles a calendar fiscal year and a leap February', () => {
    expect(fiscalYearRange(2023, 1)).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(fiscalYearRange(2023, 3)).toEqual({ start: '2023-03-01', end: '2024-02-29' });
  });
});

describe('formatFiscalYear', () => {
  it('prints 和暦 in each style', () => {
    expect(formatFiscalYear(2022)).toBe('令和4年度');
    expect(formatFiscalYear(2022, { style: 'short' })).toBe('R4');
    expect(formatFiscalYear(2022, { style: 'both' })).toBe('令和4年度（2022年度）');
    expect(formatFiscalYear(2018, { style: 'short' })).toBe('H30');
  });

  it('prints 元 for the first year of an era, named by the era covering most of the year', () => {
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2019, { style: 'short' })).toBe('R1');
    expect(formatFiscalYear(1988)).toBe('昭和63年度');
    expect(formatFiscalYear(1989)).toBe('平成元年度');
    expect(formatFiscalYear(1926)).toBe('大正15年度');
  });

  it('prints English', () => {
    expect(formatFiscalYear(2022, { lang: 'en' })).toBe('FY2022');
    expect(formatFiscalYear(2022, { lang: 'en', style: 'both' })).toBe('FY2022 (R4)');
  });

  it('prints a span', () => {
    expect(formatFiscalYearSpan(2022, 2024)).toBe('令和4年度～令和6年度');
    expect(formatFiscalYearSpan(2022, 2024, { lang: 'en' })).toBe('FY2022–FY2024');
    expect(formatFiscalYearSpan(2022, 2022, { style: 'short' })).toBe('R4');
  });
});

describe('japaneseEraOf', () => {
  it('switches era on 1 May 2019', () => {
    expect(japaneseEraOf(new Date('2019-04-30T00:00:00Z'))).toEqual({ era: '平成', initial: 'H', year: 31 });
    expect(japaneseEraOf(new Date('2019-05-01T00:00:00Z'))).toEqual({ era: '令和', initial: 'R', year: 1 });
  });
});

describe('formatCalendarYear', () => {
  it('prints 年 and CY', () => {
    expect(formatCalendarYear(2022)).toBe('2022年');
    expect(formatCalendarYear(2019, { style: 'both' })).toBe('2019年（令和元年）');
    expect(formatCalendarYear(2022, { lang: 'en' })).toBe('CY2022');
  });
});
