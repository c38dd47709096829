import { describe, expect, it } from 'vitest';
import { findLevel, levelIndex, nearestLevelForPercent, scoreOf, stepDistance } from './rating-scale.ts';
import { numericScale, ordinalScale, percentageScale, textScale } from './rating-scale-builders.ts';

const pct = percentageScale(10, { includeZero: false });
const text = textScale(['計画以上', '計画通り', '計画未満', '評価不能'], ['評価不能']);
const free = numericScale();

describe('rating scale helpers', () => {
  it('finds levels and scores', () => {
    expect(findLevel(pct, '70')).toEqual({ key: '70', label: '70%', score: 70, excluded: false });
    expect(findLevel(pct, '75')).toBe(undefined);
    expect(scoreOf(pct, '70')).toBe(70);
    expect(scoreOf(text, '評価不能')).toBe(null);
    expect(scoreOf(text, '計画通り')).toBe(2);
    expect(scoreOf(text, 'nope')).toBe(null);
  });

  it('reads a numeric scale key as the number', () => {
    expect(findLevel(free, '85.5')).toEqual({ key: '85.5', label: '85.5%', score: 85.5, excluded: false });
    expect(findLevel(free, '101')).toBe(undefined);
    expect(findLevel(free, '')).toBe(undefined);
    expect(scoreOf(free, 'abc')).toBe(null);
  });

  it('indexes lowest first and measures steps skipping excluded levels', () => {
    expect(levelIndex(text, '計画以上')).toBe(3);
    expect(levelIndex(text, '評価不能')).toBe(0);
    expect(levelIndex(text, 'x')).toBe(-1);
    expect(stepDistance(pct, '40', '70')).toBe(3);
    expect(stepDistance(text, '計画以上', '計画未満')).toBe(2);
    expect(stepDistance(text, '計画以上', '評価不能')).toBe(null);
    expect(stepDistance(free, '40', '75')).toBe(3.5);
  });

  it('finds the nearest level for a percentage, halves going up', () => {
    expect(nearestLevelForPercent(pct, 81.04)?.key).toBe('80');
    expect(nearestLevelForPercent(pct, 7.4)?.key).toBe('10');
    expect(nearestLevelForPercent(pct, 45)?.key).toBe('50');
    expect(nearestLevelForPercent(pct, 130)?.key).toBe('100');
    expect(nearestLevelForPercent(free, 48.5)?.key).toBe('49');
    expect(nearestLevelForPercent(free, -3)?.key).toBe('0');
    expect(
      nearestLevelForPercent(
        ordinalScale([
          { key: 'A', score: null },
          { key: 'B', score: null },
        ]),
        50,
      ),
    ).toBe(undefined);
  });
});
