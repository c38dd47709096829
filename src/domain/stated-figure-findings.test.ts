import { describe, expect, it } from 'vitest';
import { buildAbcdPlan } from './abcd-test-plan.ts';
import { lintPlan } from './plan-lint.ts';
import { statedFigureFindings } from './stated-figure-findings.ts';

// 16 projects: A ×2, B ×8, C ×6 → "B or above" is 10 of 16 = 62.5 %; mean (2·4 + 8·3 + 6·2) ÷ 16 = 2.75.
const levels = [...'AABBBBBBBBCCCCCC'];
const plan = (statedFigures: unknown[]) =>
  buildAbcdPlan(
    levels.map((level, i) => ({ code: `1-1-${i + 1}`, title: `事業${i + 1}`, assessments: [{ fy: 2024, level }] })),
    { statedFigures },
  );

describe('statedFigureFindings (lint source-rounding)', () => {
  it('flags a stated share that differs from the one computed from the counts', () => {
    const findings = statedFigureFindings(
      plan([{ fy: 2024, method: 'share-at-or-above', level: 'B', value: 62.6, source: '評価報告書p.3' }]),
    );
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'source-rounding',
        nodeCode: null,
        message: '令和6年度の「B」以上の割合は評価報告書p.3で62.6%ですが、評価から計算すると62.5%（10件 ÷ 16件）です',
        messageEn:
          'FY2024: the share at or above "B" is printed as 62.6% in the source but computes to 62.5% (10 ÷ 16)',
        data: { fy: 2024, method: 'share-at-or-above', stated: 62.6, computed: 62.5, source: '評価報告書p.3' },
      },
    ]);
  });

  it('compares at the precision the source printed, so correct rounding passes', () => {
    const ok = plan([
      { fy: 2024, method: 'share-at-or-above', level: 'B', value: 63 },
      { fy: 2024, method: 'share-at-or-above', level: 'B', value: 62.5 },
      { fy: 2024, method: 'mean', value: 2.75 },
      { fy: 2024, method: 'mean', value: 2.8 },
      { fy: 2024, method: 'share-of-level', level: 'A', value: 12.5 },
      { fy: 2024, scope: '1-1', method: 'share-of-level', level: 'C', value: 37.5 },
    ]);
    expect(statedFigureFindings(ok)).toEqual([]);
  });

  it('flags a wrong mean and a wrong share of one level, scoped to a node', () => {
    const bad = plan([
      { fy: 2024, method: 'mean', value: 2.7 },
      { fy: 2024, scope: '1-1', method: 'share-of-level', level: 'C', value: 37.6 },
    ]);
    expect(statedFigureFindings(bad).map((f) => [f.nodeCode, f.message])).toEqual([
      [null, '令和6年度の平均は原本で2.7ですが、評価から計算すると2.8（16件の平均）です'],
      ['1-1', '令和6年度の1-1の「C」の割合は原本で37.6%ですが、評価から計算すると37.5%（6件 ÷ 16件）です'],
    ]);
  });

  it('checks a stated share with the plan’s declared share rounding, as the portal prints it', () => {
    // A, B, C once each: largest remainder prints 33.4 / 33.3 / 33.3, half-up per item 33.3 each (sum 99.9).
    const three = (shareRounding?: string) =>
      buildAbcdPlan(
        [...'ABC'].map((level, i) => ({
          code: `1-1-${i + 1}`,
          title: `事業${i + 1}`,
          assessments: [{ fy: 2024, level }],
        })),
        {
          rollup: { method: 'distribution', ...(shareRounding && { shareRounding }) },
          statedFigures: [{ fy: 2024, method: 'share-of-level', level: 'A', value: 33.3 }],
        },
      );
    expect(statedFigureFindings(three()).map((f) => f.data.computed)).toEqual([33.4]);
    expect(statedFigureFindings(three('half-up'))).toEqual([]);
    expect(statedFigureFindings(three('truncate'))).toEqual([]);
  });

  it('checks a stated share of a level against the levels that count in shares only', () => {
    const withUnrated = (value: number) => {
      const base = plan([]);
      const [achievement, improvement] = base.ratingScales;
      const unrated = { key: 'none', label: '未評価', score: null, excluded: true, countsInShares: false };
      return buildAbcdPlan(
        [...levels, 'none', 'none'].map((level, i) => ({
          code: `1-1-${i + 1}`,
          title: `事業${i + 1}`,
          assessments: [{ fy: 2024, level }],
        })),
        {
          ratingScales: [{ ...achievement, levels: [unrated, ...(achievement?.levels ?? [])] }, improvement],
          statedFigures: [{ fy: 2024, method: 'share-of-level', level: 'A', value }],
        },
      );
    };
    // 2 A of the 16 rated = 12.5 %; the 2 未評価 are not in the denominator (2 of 18 would be 11.1 %).
    expect(statedFigureFindings(withUnrated(12.5))).toEqual([]);
    expect(statedFigureFindings(withUnrated(11.1)).map((f) => [f.data.computed, f.messageEn])).toEqual([
      [12.5, 'FY2024: the share of "A" is printed as 11.1% in the source but computes to 12.5% (2 ÷ 16)'],
    ]);
  });

  it('checks a figure published as counts: its printed share against its own counts, its counts against the items', () => {
    // The items: 2 A of 16 = 12.5 %; B or above 10 of 16 = 62.5 %.
    const figures = plan([
      { fy: 2024, method: 'share-of-level', level: 'A', count: 2, of: 16, value: 12.5 },
      { fy: 2024, method: 'share-at-or-above', level: 'B', count: 10, of: 16 },
      { fy: 2024, method: 'share-of-level', level: 'A', count: 3, of: 16, value: 18.8, source: '報告書' },
      { fy: 2024, method: 'share-at-or-above', level: 'B', count: 10, of: 16, value: 62.6 },
      { fy: 2024, method: 'share-of-level', level: 'A', count: 41, of: 73, period: 'Q3' },
    ]);
    // 3 ÷ 16 = 18.75 → 18.8 (largest remainder allows 18.7 or 18.8); 10 ÷ 16 = 62.5 exactly, so 62.6 is wrong;
    // the Q3 figure has no quarterly ratings to be checked against and is consistent in itself.
    expect(statedFigureFindings(figures).map((f) => f.message)).toEqual([
      '令和6年度の「A」の件数は報告書で16件中3件ですが、評価では16件中2件です',
      '令和6年度の「A」の割合は原本で18.8%ですが、評価から計算すると12.5%（2件 ÷ 16件）です'.replace('原本', '報告書'),
      '令和6年度の「B」以上の割合は原本で62.6%ですが、原本の件数（16件中10件）からは62.5%です',
      '令和6年度の「B」以上の割合は原本で62.6%ですが、評価から計算すると62.5%（10件 ÷ 16件）です',
    ]);
  });

  it('checks a printed share against its counts by the plan’s share rounding', () => {
    // 41 ÷ 73 = 56.164… %: half-up and truncate print 56.2 and 56.1; largest remainder may print either.
    const one = (value: number, shareRounding?: string) =>
      buildAbcdPlan([], {
        rollup: { method: 'distribution', ...(shareRounding && { shareRounding }) },
        statedFigures: [{ fy: 2024, method: 'share-of-level', level: 'A', count: 41, of: 73, value }],
      });
    expect(statedFigureFindings(one(56.2))).toEqual([]);
    expect(statedFigureFindings(one(56.1))).toEqual([]);
    expect(statedFigureFindings(one(56.1, 'half-up')).map((f) => f.messageEn)).toEqual([
      'FY2024: the share on "A" is printed as 56.1% in the source but its own counts (41 of 73) give 56.2%',
    ]);
    expect(statedFigureFindings(one(56.2, 'truncate')).map((f) => f.data.computed)).toEqual([['56.1']]);
    expect(statedFigureFindings(one(56, 'half-up'))).toEqual([]);
  });

  it('refuses a stated figure without a value or counts, counts on a mean, and a count over its total', () => {
    const bad = (figure: Record<string, unknown>) => {
      try {
        plan([{ fy: 2024, ...figure }]);
        return [];
      } catch (e) {
        return (e as { issues: { path: (string | number)[]; message: string }[] }).issues.map((i) =>
          [i.path.join('.'), i.message].join(': '),
        );
      }
    };
    expect(bad({ method: 'share-of-level', level: 'A', count: 2 })).toEqual([
      'statedFigures.0.value: give the printed value, or count and of',
    ]);
    expect(bad({ method: 'mean', value: 2.75, of: 16 })).toEqual([
      'statedFigures.0.of: count and of belong to a share (share-at-or-above, share-of-level), not a mean',
    ]);
    expect(bad({ method: 'share-of-level', level: 'A', count: 17, of: 16 })).toEqual([
      'statedFigures.0.count: count (17) is more than of (16)',
    ]);
  });

  it('is part of lintPlan', () => {
    const p = plan([{ fy: 2024, method: 'share-at-or-above', level: 'B', value: 62.6 }]);
    expect(lintPlan(p, [], { fy: 2024 }).filter((f) => f.code === 'source-rounding')).toHaveLength(1);
  });
});
