import { describe, expect, it } from 'vitest';
import { kpiProgress } from './kpi-progress.ts';
import { Indicator } from './plan-document.ts';
import { statusFormula } from './status-formula.ts';

const buildIndicator = (overrides: Partial<import('zod').input<typeof Indicator>>) =>
  Indicator.parse({ key: 'kpi', name: 'KPI', kind: 'level', ...overrides });

// 50 %, 90 % and 120 % of their targets, and one with no actual.
const indicators = [50, 90, 120, null].map((actual, i) =>
  buildIndicator({
    key: `k${i}`,
    target: { fy: 2026, value: 100 },
    values: actual === null ? [] : [{ fy: 2025, actual }],
  }),
);
const progress = kpiProgress(indicators, { asOfFy: 2025, basisOf: () => 'level' });
const HALF_UP = { mode: 'half-up', decimals: 1 } as const;
const PARTS_EN = 'actual 50 ÷ target 100 = 50.0%; actual 90 ÷ target 100 = 90.0%; actual 120 ÷ target 100 = 120.0%';

describe('statusFormula', () => {
  it('names the figure the rule took, in English too, and says each was counted within 0–100 %', () => {
    const en = (combine: Parameters<typeof statusFormula>[1]['combine'], percent: number) =>
      statusFormula(progress, { combine, rounding: HALF_UP }, percent, 1).en;
    const capped = ' (each indicator counted within 0–100%)';
    expect(en({ method: 'all', cap: true }, 50)).toBe(`lowest of all 50.0% (${PARTS_EN})${capped}`);
    expect(en({ method: 'any', cap: true }, 100)).toBe(`highest 100.0% (${PARTS_EN})${capped}`);
    expect(en({ method: 'n-achieved', n: 2, cap: true }, 90)).toBe(`2nd highest 90.0% (${PARTS_EN})${capped}`);
    // Uncapped, nothing is said about a range.
    expect(en({ method: 'mean', cap: false }, 86.7)).toBe(`mean 86.7% (${PARTS_EN})`);
    for (const [n, word] of [
      [1, '1st'],
      [3, '3rd'],
      [11, '11th'],
      [12, '12th'],
      [22, '22nd'],
    ] as const)
      expect(en({ method: 'n-achieved', n, cap: false }, 50).startsWith(`${word} highest `)).toBe(true);
  });

  it('says why there is no figure: fewer computed indicators than the rule needs, or none', () => {
    expect(
      statusFormula(progress, { combine: { method: 'n-achieved', n: 4, cap: true }, rounding: HALF_UP }, null, 1),
    ).toEqual({
      ja: '計算できた指標が3件で、判定に要る4件に足りません',
      en: '3 indicators computed, fewer than the 4 the rule needs',
    });
    const none = kpiProgress([indicators[3]!], { asOfFy: 2025, basisOf: () => 'level' });
    expect(
      statusFormula(none, { combine: { method: 'n-achieved', n: 2, cap: true }, rounding: HALF_UP }, null, 1).ja,
    ).toBe('計算できるKPIなし');
  });

  it('one capped indicator is judged at 100 %, and says so', () => {
    const one = kpiProgress([indicators[2]!], { asOfFy: 2025, basisOf: () => 'level' });
    expect(statusFormula(one, { combine: { method: 'mean', cap: true }, rounding: HALF_UP }, 100, 1)).toEqual({
      ja: '実績 120 ÷ 目標 100 = 120.0%（判定は100.0%として）',
      en: 'actual 120 ÷ target 100 = 120.0% (judged as 100.0%)',
    });
    expect(statusFormula(one, { combine: { method: 'mean', cap: false }, rounding: HALF_UP }, 120, 1).ja).toBe(
      '実績 120 ÷ 目標 100 = 120.0%',
    );
    // A truncating rule judges 89.99 % as 89.9 %, where the arithmetic prints 90.0 %.
    const near = kpiProgress(
      [buildIndicator({ target: { fy: 2026, value: 100 }, values: [{ fy: 2025, actual: 89.99 }] })],
      {
        asOfFy: 2025,
        basisOf: () => 'level',
      },
    );
    expect(
      statusFormula(
        near,
        { combine: { method: 'mean', cap: true }, rounding: { mode: 'truncate', decimals: 1 } },
        89.99,
        1,
      ).ja,
    ).toBe('実績 89.99 ÷ 目標 100 = 90.0%（判定は89.9%として）');
  });
});
