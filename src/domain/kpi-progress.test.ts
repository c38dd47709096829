import { describe, expect, it } from 'vitest';
import { kpiProgress } from './kpi-progress.ts';
import { Indicator } from './plan-document.ts';

const byKind = () => 'by-kind' as const;

const level = (key: string, target: number, actual: number | null) =>
  Indicator.parse({
    key,
    name: key,
    kind: 'level',
    target: { fy: 2024, value: target },
    values: [{ fy: 2022, actual }],
  });

describe('kpiProgress', () => {
  it('passes one indicator through with its formula', () => {
    const p = kpiProgress([level('a', 10000, 8104)], { asOfFy: 2022, basisOf: byKind });
    expect([p.percent, p.formula.ja]).toEqual([81.04, '8,104 ÷ 10,000 = 81.0%']);
  });

  it('caps each indicator at 100 % before averaging and skips text ones', () => {
    const text = Indicator.parse({ key: 't', name: 't', kind: 'text' });
    const p = kpiProgress([level('a', 10, 15), level('b', 10, 4), text], { asOfFy: 2022, basisOf: byKind });
    expect(p.percent).toBe(70);
    expect(p.formula.ja).toBe('平均 70.0%（15 ÷ 10 = 150.0%、4 ÷ 10 = 40.0%）');
    expect(p.indicators.map((i) => i.key)).toEqual(['a', 'b']);
  });

  it('takes the lowest when asked and lists what it could not compute', () => {
    const p = kpiProgress([level('a', 10, 8), level('b', 10, 4), level('c', 10, null)], {
      asOfFy: 2022,
      combine: 'min',
      basisOf: byKind,
    });
    expect([p.percent, p.uncomputed, p.formula.en]).toEqual([
      40,
      ['c'],
      'lowest 40.0% (8 ÷ 10 = 80.0%; 4 ÷ 10 = 40.0%)',
    ]);
  });

  it('gives null when nothing was computed', () => {
    const p = kpiProgress([level('c', 10, null)], { asOfFy: 2022, basisOf: byKind });
    expect([p.percent, p.formula.ja]).toEqual([null, '計算できるKPIなし']);
  });
});
