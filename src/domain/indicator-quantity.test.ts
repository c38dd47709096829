import { describe, expect, it } from 'vitest';
import { decimalPlacesOf, indicatorQuantity } from './indicator-quantity.ts';
import { Indicator } from './indicator-schema.ts';

describe('an indicator’s declared decimal places', () => {
  it('prints every value with them, and each value as written when none are declared', () => {
    expect([7, 6.4, 1234.5].map((x) => indicatorQuantity({ decimals: 1 }, x))).toEqual(['7.0', '6.4', '1,234.5']);
    expect([7, 6.45, 1234.5].map((x) => indicatorQuantity({}, x))).toEqual(['7', '6.45', '1,234.5']);
    expect([0, 2, 6.45, 1e21].map(decimalPlacesOf)).toEqual([0, 0, 2, 0]);
  });

  it('refuses a figure finer than the declared places, naming where it is', () => {
    const parsed = Indicator.safeParse({
      key: 'birth-rate',
      name: '出生率',
      unit: '‰',
      decimals: 1,
      kind: 'level',
      target: { fy: 2027, value: 7 },
      values: [{ fy: 2024, actual: 6.45 }],
    });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['values.0.actual', "6.45 has more decimal places than the indicator's declared 1"],
    ]);
  });
});
