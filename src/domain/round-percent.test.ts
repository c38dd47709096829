import { describe, expect, it } from 'vitest';
import { formatDecimal, formatPercent, formatQuantity, roundHalfUp, sharesOfDistribution } from './round-percent.ts';

describe('roundHalfUp', () => {
  it('rounds the decimal the number stands for, not its binary neighbour', () => {
    expect(roundHalfUp(40.45, 1)).toBe(40.5);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(0.1 * 3 * 100, 0)).toBe(30);
    expect(roundHalfUp(1618 / 40, 1)).toBe(40.5);
  });
  it('rounds halves away from zero and never prints -0', () => {
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(formatDecimal(-0.04, 1)).toBe('0.0');
  });
  it('handles exponent notation', () => {
    expect(formatDecimal(1e-7, 3)).toBe('0.000');
    expect(formatDecimal(5e-4, 3)).toBe('0.001');
    expect(formatDecimal(1e21, 0, { grouping: true })).toBe('1,000,000,000,000,000,000,000');
  });
});

describe('formatPercent', () => {
  it('keeps trailing zeros', () => {
    expect(formatPercent(81.04, 1)).toBe('81.0%');
    expect(formatPercent(600 / 81, 1)).toBe('7.4%');
    expect(formatPercent(100, 1, 'en')).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(null, 1, 'en')).toBe('n/a');
  });
});

describe('formatQuantity', () => {
  it('groups thousands and keeps real decimals only', () => {
    expect(formatQuantity(390846)).toBe('390,846');
    expect(formatQuantity(87.5)).toBe('87.5');
    expect(formatQuantity(0.1 + 0.2)).toBe('0.3');
  });
});

describe('sharesOfDistribution', () => {
  it('adds up to exactly 100.0', () => {
    expect(sharesOfDistribution([1, 1, 1], 1)).toEqual([33.4, 33.3, 33.3]);
    // Declared per-item rounding may not add up to 100: 2 of 3 is 66.666…
    expect(sharesOfDistribution([1, 2], 1, 'half-up')).toEqual([33.3, 66.7]);
    expect(sharesOfDistribution([1, 2], 1, 'truncate')).toEqual([33.3, 66.6]);
    expect(sharesOfDistribution([1, 1, 1], 0, 'half-up')).toEqual([33, 33, 33]);
    expect(sharesOfDistribution([1, 7], 1, 'half-up')).toEqual([12.5, 87.5]);
    const shares = sharesOfDistribution([7, 3, 9, 6, 4, 4, 2, 0, 0, 0, 5], 1);
    expect(shares).toEqual([17.5, 7.5, 22.5, 15, 10, 10, 5, 0, 0, 0, 12.5]);
    const odd = sharesOfDistribution([2, 5, 6], 1);
    expect(odd).toEqual([15.4, 38.5, 46.1]);
    expect(odd.reduce((a, b) => a + Math.round(b * 10), 0)).toBe(1000);
  });
  it('gives zeros for no items', () => {
    expect(sharesOfDistribution([0, 0], 1)).toEqual([0, 0]);
  });
});
