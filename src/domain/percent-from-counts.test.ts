import { describe, expect, it } from 'vitest';
import { percentFromCounts, roundingRule } from './percent-from-counts.ts';

describe('percentFromCounts', () => {
  it('computes the share from the counts and states the rounding rule', () => {
    expect(percentFromCounts(10, 16)).toEqual({
      exact: 62.5,
      value: 62.5,
      formatted: '62.5%',
      formula: {
        ja: '10件 ÷ 16件 = 62.5%（小数第2位を四捨五入）',
        en: '10 ÷ 16 = 62.5% (rounded half up to 1 decimal place)',
      },
      rule: { ja: '小数第2位を四捨五入', en: 'rounded half up to 1 decimal place' },
    });
  });

  it('rounds half up at the stated place', () => {
    // 1 ÷ 8 = 12.5 %: 13 % with no decimals (a banker's rounding would print 12 %).
    expect([percentFromCounts(1, 8, 0).formatted, percentFromCounts(1, 3, 2).formatted]).toEqual(['13%', '33.33%']);
    expect(percentFromCounts(2, 3, 1).value).toBe(66.7);
    expect(roundingRule(0).ja).toBe('小数第1位を四捨五入');
  });

  it('gives no figure for nothing counted and refuses impossible counts', () => {
    expect(percentFromCounts(0, 0)).toMatchObject({ exact: null, value: null, formatted: '—' });
    expect(() => percentFromCounts(3, 2)).toThrow('0 ≤ part ≤ whole');
    expect(() => percentFromCounts(1.5, 2)).toThrow(RangeError);
  });
});
