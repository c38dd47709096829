import { describe, expect, it } from 'vitest';
import { RatingScale } from './plan-document.ts';
import { numericScale, ordinalScale, percentageScale, textScale, trafficLightScale } from './rating-scale-builders.ts';

describe('scale builders', () => {
  it('build percentage steps', () => {
    expect(percentageScale(25).levels.map((l) => l.key)).toEqual(['0', '25', '50', '75', '100']);
    expect(percentageScale(10, { includeZero: false }).levels).toHaveLength(10);
  });

  it('store letters lowest first with scores from 1', () => {
    const s = ordinalScale([{ key: 'S', definition: '目標を大きく上回った' }, 'A', 'B', 'C']);
    expect(s.levels.map((l) => [l.key, l.score])).toEqual([
      ['C', 1],
      ['B', 2],
      ['A', 3],
      ['S', 4],
    ]);
    expect(s.levels[3]?.definition).toBe('目標を大きく上回った');
  });

  it('mark excluded text levels and give them no score', () => {
    const s = textScale(['計画以上', '計画通り', '計画未満', '評価不能'], ['評価不能']);
    expect(s.levels.map((l) => [l.key, l.score, l.excluded])).toEqual([
      ['評価不能', null, true],
      ['計画未満', 1, false],
      ['計画通り', 2, false],
      ['計画以上', 3, false],
    ]);
  });

  it('build traffic lights with English labels', () => {
    expect(trafficLightScale().levels.map((l) => [l.key, l.labelEn, l.color])).toEqual([
      ['red', 'Red (off track)', 'error'],
      ['amber', 'Amber (at risk)', 'warning'],
      ['green', 'Green (on track)', 'success'],
    ]);
  });

  it('produce scales the schema accepts', () => {
    for (const s of [
      percentageScale(10),
      ordinalScale(['A', 'B']),
      textScale(['x', 'y']),
      trafficLightScale(),
      numericScale(),
    ]) {
      expect(RatingScale.safeParse(s).success).toBe(true);
    }
  });
});
