import { describe, expect, it } from 'vitest';
import { quantityWarnings } from './quantity-warnings.ts';

const codes = (props: Parameters<typeof quantityWarnings>[0]) => quantityWarnings(props).map((w) => w.code);

describe('quantityWarnings', () => {
  it('warns of a percentage outside 0–100', () => {
    expect(codes({ value: -5, unit: '%' })).toEqual(['percent-range']);
    expect(codes({ value: 150, unit: '％' })).toEqual(['percent-range']);
    expect(codes({ value: 100, unit: '%' })).toEqual([]);
    expect(codes({ value: 0, unit: '%' })).toEqual([]);
    expect(codes({ value: 150, unit: '件' })).toEqual([]);
  });

  it('warns of a tenfold jump from the latest earlier year, either way, naming that year and value', () => {
    expect(quantityWarnings({ value: 3500, unit: '件', previous: { fy: 2022, value: 350 } })).toEqual([
      {
        code: 'jump',
        message: '令和4年度の350から10倍以上変わっています。桁や単位を確認してください',
        messageEn: 'More than 10 times different from 350 in FY2022; please check the digits and the unit',
      },
    ]);
    expect(codes({ value: 35, unit: '件', previous: { fy: 2022, value: 350 } })).toEqual(['jump']);
    expect(codes({ value: 3499, unit: '件', previous: { fy: 2022, value: 350 } })).toEqual([]);
    expect(codes({ value: 36, unit: '件', previous: { fy: 2022, value: 350 } })).toEqual([]);
    expect(codes({ value: 1500, unit: '%', previous: { fy: 2022, value: 80 } })).toEqual(['percent-range', 'jump']);
  });

  it('says nothing without a value or a non-zero year to compare with', () => {
    expect(codes({ value: null, unit: '%' })).toEqual([]);
    expect(codes({ value: 50, unit: '件', previous: { fy: 2022, value: 0 } })).toEqual([]);
    expect(codes({ value: 0, unit: '件', previous: { fy: 2022, value: 12 } })).toEqual([]);
  });
});
