import { describe, expect, it } from 'vitest';
import { indicatorProgress } from './indicator-progress.ts';
import { Indicator } from './plan-document.ts';

// Fictional indicators; every figure below is computed by hand in the comment beside it.
const build = (o: Partial<import('zod').input<typeof Indicator>>) =>
  Indicator.parse({ key: 'k', name: 'K', kind: 'level', ...o });
const at = (ind: Indicator, basis: Parameters<typeof indicatorProgress>[1]['basis'], asOfFy = 2024, path?: never) =>
  indicatorProgress(ind, { asOfFy, basis, path, decimals: 1, planStartFy: 2022 });

// 健診受診率: baseline 20 % (FY2021), target 23 % (FY2026), 21 % in FY2024.
const checkups = build({
  baseline: { fy: 2021, value: 20 },
  target: { fy: 2026, value: 23 },
  values: [{ fy: 2024, actual: 21 }],
});

describe('progress by a declared basis', () => {
  it('level: 21 ÷ 23 = 91.3 %', () => {
    const p = at(checkups, 'level');
    expect([p.status, p.basis, p.percent, p.formula.ja]).toEqual([
      'computed',
      'level',
      (21 * 100) / 23,
      '実績 21 ÷ 目標 23 = 91.3%',
    ]);
  });

  it('baseline-distance: (21 − 20) ÷ (23 − 20) = 33.3 %, and for lower is better too', () => {
    const p = at(checkups, 'baseline-distance');
    expect([p.percent, p.formula.ja]).toEqual([100 / 3, '(21 − 20) ÷ (23 − 20) = 33.3%']);
    // 待機児童数 25 → target 5; 15 now: (15 − 25) ÷ (5 − 25) = 50 %.
    const waiting = build({
      direction: 'lower',
      baseline: { fy: 2022, value: 25 },
      target: { fy: 2026, value: 5 },
      values: [{ fy: 2024, actual: 15 }],
    });
    expect(at(waiting, 'baseline-distance').percent).toBe(50);
    expect(
      at(build({ target: { fy: 2026, value: 5 }, values: [{ fy: 2024, actual: 1 }] }), 'baseline-distance').status,
    ).toBe('no-baseline');
  });

  it('cumulative: 12 + 18 = 30 of 120 = 25 %, a gap leaves it unknown', () => {
    const ind = build({
      kind: 'cumulative',
      target: { fy: 2026, fromFy: 2022, value: 120 },
      values: [
        { fy: 2022, actual: 12 },
        { fy: 2023, actual: 18 },
      ],
    });
    const p = at(ind, 'cumulative', 2023);
    expect([p.actualUsed, p.percent, p.formula.ja]).toEqual([30, 25, '実績 30 ÷ 目標（累計） 120 = 25.0%']);
    const gap = build({
      ...ind,
      values: [
        { fy: 2022, actual: 12 },
        { fy: 2024, actual: 5 },
      ],
    });
    expect([at(gap, 'cumulative').status, at(gap, 'cumulative').missingFys]).toEqual(['missing-actual', [2023]]);
  });

  it('expected-path: the year’s actual ÷ its 期待値, from the path or the yearly target', () => {
    // Target 500 in FY2026; path 20/40/60/80/100 % for FY2022–2026: FY2024 expects 300; 270 ÷ 300 = 90 %.
    const ind = build({ target: { fy: 2026, value: 500 }, values: [{ fy: 2024, actual: 270 }] });
    const path = [2022, 2023, 2024, 2025, 2026].map((fy, i) => ({ fy, percent: 20 * (i + 1) }));
    const p = indicatorProgress(ind, { asOfFy: 2024, basis: 'expected-path', path, decimals: 1 });
    expect([p.percent, p.targetUsed, p.formula.ja]).toEqual([90, 300, '実績 270 ÷ 期待値 300 = 90.0%']);
    // Without a path the year's own target is the 期待値: 37.8 ÷ 42.0.
    const own = build({ target: { fy: 2026, value: 50 }, values: [{ fy: 2024, target: 42, actual: 37.8 }] });
    expect(at(own, 'expected-path').formula.ja).toBe('実績 37.8 ÷ 期待値 42 = 90.0%');
    // Last year's actual is not this year's: no figure rather than a stale one.
    expect(at(own, 'expected-path', 2025).status).toBe('missing-actual');
  });

  it('growth-rate: compound growth 20 → 21 over 3 years against 20 → 23 over 5 (Open SDG)', () => {
    const p = at(checkups, 'growth-rate');
    const actual = (21 / 20) ** (1 / 3) - 1; // 1.6396 % a year
    const required = (23 / 20) ** (1 / 5) - 1; // 2.8346 % a year
    expect(p.percent).toBeCloseTo((actual * 100) / required, 10);
    expect(p.formula.ja).toBe('年平均伸び率 実績 1.64% ÷ 必要 2.83% = 57.8%');
  });

  it('milestone, context and an unknown direction', () => {
    expect(at(build({ kind: 'milestone', values: [{ fy: 2024, actual: 1 }] }), 'milestone').percent).toBe(100);
    const ctx = at(checkups, 'context');
    expect([ctx.status, ctx.percent, ctx.formula.ja]).toEqual(['context', null, '目標を置かない参考指標（推移のみ）']);
    const unknown = at(build({ ...checkups, direction: 'unknown' }), 'level');
    expect([unknown.status, unknown.percent, unknown.actualUsed]).toEqual(['no-direction', null, 21]);
  });

  it('target 0 and range targets', () => {
    const zero = build({ direction: 'lower', target: { fy: 2026, value: 0 }, values: [{ fy: 2024, actual: 0 }] });
    expect(at(zero, 'level').formula.ja).toBe('実績 0、目標 0 → 到達 100.0%');
    const notYet = build({ ...zero, values: [{ fy: 2024, actual: 3 }] });
    expect([at(notYet, 'level').percent, at(notYet, 'level').formula.ja]).toEqual([0, '実績 3、目標 0 → 未到達 0.0%']);
    // 病床利用率 target 75–85 %.
    const range = (actual: number) =>
      at(
        build({ target: { fy: 2026, value: null, range: { min: 75, max: 85 } }, values: [{ fy: 2024, actual }] }),
        'level',
      );
    expect(range(80).formula.ja).toBe('80 は目標範囲 75～85 の内 → 100%');
    expect(range(60).percent).toBe(80); // 60 ÷ 75
    expect(range(100).percent).toBe(85); // 85 ÷ 100, above the range
    // Above the range of a higher-is-better indicator: named as such, never as a lower-is-better one.
    expect(range(100).formula).toEqual({
      ja: '目標範囲の上限 85 ÷ 実績 100 = 85.0%（目標範囲の上限を超過）',
      en: 'range maximum 85 ÷ actual 100 = 85.0% (above the target range)',
    });
  });
});
