import { describe, expect, it } from 'vitest';
import { buildAbcdPlan, waitingList } from './abcd-test-plan.ts';
import { initiativeStatus } from './initiative-status.ts';
import { findNode } from './plan-tree.ts';

// Plan 2023–2027: even progress is 20 % after FY2023, 40 % after FY2024, 60 % after FY2025.
const plan = buildAbcdPlan([
  { code: 'a', title: '順調', indicators: [waitingList({ 2023: 14, 2024: 6 })] },
  { code: 'b', title: '少し遅れ', indicators: [waitingList({ 2024: 18, 2025: 14 })] },
  { code: 'c', title: '悪化', indicators: [waitingList({ 2024: 20, 2025: 22 })] },
  { code: 'd', title: '未報告', indicators: [waitingList({ 2023: 20 })] },
]);
const status = (code: string, fy: number, band?: number) =>
  initiativeStatus(plan, findNode(plan, code)!, fy, band === undefined ? {} : { toleranceBand: band });

describe('initiativeStatus', () => {
  it('is green on or ahead of even progress and points up when better than last year', () => {
    expect(status('a', 2024)).toEqual({
      fy: 2024,
      percent: 76,
      expected: 40,
      toleranceBand: 10,
      rag: 'green',
      previousPercent: 44,
      direction: 'up',
      arrow: '↑',
      formula: { ja: '(25 − 6) ÷ (25 − 0) = 76.0%', en: '(25 − 6) ÷ (25 − 0) = 76.0%' },
    });
  });

  it('is amber within the tolerance band and red beyond it', () => {
    // (25 − 14) ÷ 25 = 44 % against 60 %: 16 points behind
    expect([status('b', 2025).rag, status('b', 2025, 20).rag]).toEqual(['red', 'amber']);
    expect([status('b', 2025).arrow, status('b', 2025).previousPercent]).toEqual(['↑', 28]);
  });

  it('points down when a lower-is-better count rose', () => {
    // 20 → 22 children waiting: 20 % → 12 %
    const s = status('c', 2025);
    expect([s.percent, s.previousPercent, s.direction, s.arrow, s.rag]).toEqual([12, 20, 'down', '↓', 'red']);
  });

  it('shows no arrow for a year with no actual, and no colour without a figure', () => {
    const stale = status('d', 2024);
    expect([stale.percent, stale.previousPercent, stale.arrow, stale.direction]).toEqual([20, null, '', 'unknown']);
    const none = status('d', 2022);
    expect([none.percent, none.rag, none.arrow]).toEqual([null, 'unknown', '']);
  });
});
