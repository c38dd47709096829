import { describe, expect, it } from 'vitest';
import { periodTravel } from './period-travel.ts';

type Dir = 'higher' | 'lower' | 'unknown';
const ind = (direction: Dir, values: readonly unknown[]) =>
  ({ direction, yearBasis: 'fiscal', values }) as unknown as Parameters<typeof periodTravel>[0];

describe('direction of travel of part-year values, as the plan declares it', () => {
  const calls = ind('higher', [
    { fy: 2024, period: 'Q4', actual: 90 },
    { fy: 2025, period: 'Q1', actual: 120 },
    { fy: 2025, period: 'Q2', actual: 150 },
    { fy: 2024, period: 'Q2', actual: 160 },
    { fy: 2025, period: 'H1', actual: 270 },
  ]);

  it('against the previous period: the quarter before, across the year end', () => {
    const q2 = periodTravel(calls, 2025, 'Q2', { against: 'previous-period' }, 4);
    expect([q2.comparedWith, q2.change, q2.assessment, q2.text.ja]).toEqual([
      { fy: 2025, period: 'Q1', actual: 120 },
      'up',
      'better',
      '前期比 ↑ 改善（令和7年度 第1四半期（4～6月） 120 → 150）',
    ]);
    expect(periodTravel(calls, 2025, 'Q1', { against: 'previous-period' }, 4).text.en).toBe(
      'vs previous period ↑ better (FY2024 Q4 (Jan–Mar) 90 → 120)',
    );
    // H1 follows the previous year's H2, which has no value: no arrow, never a 0.
    const h1 = periodTravel(calls, 2025, 'H1', { against: 'previous-period' }, 4);
    expect([h1.comparedWith, h1.change, h1.arrow, h1.text.ja]).toEqual([null, 'unknown', '', '前期比 比べる値なし']);
  });

  it('against the same period last year, direction-aware, and without a verdict for an unknown direction', () => {
    expect(periodTravel(calls, 2025, 'Q2', { against: 'same-period-last-year' }, 4).text.ja).toBe(
      '前年同期比 ↓ 悪化（令和6年度 第2四半期（7～9月） 160 → 150）',
    );
    const waits = ind('lower', calls.values);
    expect(periodTravel(waits, 2025, 'Q2', { against: 'same-period-last-year' }, 4).assessment).toBe('better');
    const unknown = periodTravel(ind('unknown', calls.values), 2025, 'Q2', { against: 'same-period-last-year' }, 4);
    expect([unknown.assessment, unknown.text.ja]).toEqual([
      null,
      '前年同期比 ↓ 減少（令和6年度 第2四半期（7～9月） 160 → 150）',
    ]);
    const same = ind('higher', [
      { fy: 2025, period: 'M01', actual: 5 },
      { fy: 2025, period: 'M02', actual: 5 },
    ]);
    expect(periodTravel(same, 2025, 'M02', { against: 'previous-period' }, 4).text.ja).toBe(
      '前期比 → 横ばい（令和7年度 4月 5 → 5）',
    );
  });
});
