import { describe, expect, it } from 'vitest';
import { formatFiscalYear } from './fiscal-year.ts';
import { parseFiscalYear } from './parse-fiscal-year.ts';

describe('parseFiscalYear', () => {
  it.each([
    ['R4', 2022],
    ['令和4年度', 2022],
    ['令和元年度', 2019],
    ['R1', 2019],
    ['H30', 2018],
    ['平成30年度', 2018],
    ['H31', 2019],
    ['S64', 1989],
    ['2022', 2022],
    ['2022年度', 2022],
    ['FY2022', 2022],
    ['fy2022', 2022],
    ['Ｒ４', 2022],
    ['令和４年度', 2022],
    [' r4 ', 2022],
    ['R4年度', 2022],
  ])('reads %s as %i', (input, fy) => {
    expect(parseFiscalYear(input)).toEqual({ ok: true, value: fy });
  });

  it('rejects an era year past the end of the era, suggesting the right one', () => {
    expect(parseFiscalYear('H32')).toEqual({
      ok: false,
      error: {
        code: 'era-year-out-of-range',
        message: '平成は31年までです。平成32年度は令和2年度（R2）のことですか',
        messageEn: '平成 ended in its year 31; H32 would be FY2020 (R2)',
      },
    });
  });

  it('names each kind of failure', () => {
    const code = (s: string) => {
      const r = parseFiscalYear(s);
      return r.ok ? r.value : r.error.code;
    };
    expect(code('R0')).toBe('year-zero');
    expect(code('X4')).toBe('unknown-era');
    expect(code('慶応4年度')).toBe('unknown-era');
    expect(code('')).toBe('empty');
    expect(code('R')).toBe('unrecognized-fiscal-year');
    expect(code('FY22')).toBe('fiscal-year-needs-four-digits');
    expect(code('1867')).toBe('fiscal-year-out-of-range');
    expect(code('R183')).toBe('fiscal-year-out-of-range');
  });

  it('reads a year as other plans name it: 2025/26 across two calendar years, 2025年 by the calendar', () => {
    const value = (input: string) => {
      const r = parseFiscalYear(input);
      return r.ok ? r.value : r.error.messageEn;
    };
    expect(['2025/26', '2025-26', '2025/2026', 'FY2025/26', '１９９９/００', '2025年'].map(value)).toEqual([
      2025, 2025, 2025, 2025, 1999, 2025,
    ]);
    expect(value('2025/27')).toBe('"2025/27" is not one fiscal year: the year starting in 2025 is 2025/26');
  });

  it('reads back what formatFiscalYear prints', () => {
    for (let fy = 1869; fy <= 2100; fy++) {
      for (const style of ['long', 'short'] as const) {
        expect(parseFiscalYear(formatFiscalYear(fy, { style }))).toEqual({ ok: true, value: fy });
      }
    }
  });
});
