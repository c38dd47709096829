import { describe, expect, it } from 'vitest';
import { buildAbcdPlan, waitingList } from './abcd-test-plan.ts';
import { initiativeStatus } from './initiative-status.ts';
import type { PlanNodeInput } from './plan-document.ts';
import { findNode } from './plan-tree.ts';

const RAG = [
  { key: 'green', label: '順調', labelEn: 'On track' },
  { key: 'amber', label: 'やや遅れ', labelEn: 'Slightly behind' },
  { key: 'red', label: '遅れ', labelEn: 'Behind' },
];
const proRata = (points: number, extra: Record<string, unknown> = {}) => ({
  evaluation: {
    progress: { basis: 'by-kind' },
    status: {
      name: '成果指標による進捗状況',
      measure: 'pro-rata',
      levels: RAG,
      tolerance: { points, met: 'green', within: 'amber', outside: 'red' },
      travel: { against: 'previous-year' },
      ...extra,
    },
  },
});
// Plan 2023–2027: even progress is 20 % after FY2023, 40 % after FY2024, 60 % after FY2025.
const nodes: PlanNodeInput[] = [
  { code: 'a', title: '順調', indicators: [waitingList({ 2023: 14, 2024: 6 })] },
  { code: 'b', title: '少し遅れ', indicators: [waitingList({ 2024: 18, 2025: 14 })] },
  { code: 'c', title: '悪化', indicators: [waitingList({ 2024: 20, 2025: 22 })] },
  { code: 'd', title: '未報告', indicators: [waitingList({ 2023: 20 })] },
];
const plan = buildAbcdPlan(nodes, proRata(10));
const status = (code: string, fy: number, p = plan) => initiativeStatus(p, findNode(p, code)!, fy)!;

describe('initiativeStatus', () => {
  it('judges nothing when the plan declares no status rule', () => {
    const bare = buildAbcdPlan(nodes);
    expect(initiativeStatus(bare, findNode(bare, 'a')!, 2024)).toBe(null);
  });

  it('is the met level on or ahead of pro rata and points up when better than last year', () => {
    expect(status('a', 2024)).toEqual({
      fy: 2024,
      rule: { key: 'status', name: '成果指標による進捗状況', nameEn: null },
      percent: 76,
      measure: 36,
      expected: 40,
      level: RAG[0],
      // No verdict set by hand (the plan declares none): the computed level is the one rolled up.
      override: null,
      rollupLevel: RAG[0],
      raisedByImprovement: false,
      previousPercent: 44,
      direction: 'up',
      arrow: '↑',
      formula: { ja: '(25 − 6) ÷ (25 − 0) = 76.0%', en: '(25 − 6) ÷ (25 − 0) = 76.0%' },
      explanation: {
        ja: '計画期間の経過に応じた目安以上は「順調」、目安から10ポイント下までは「やや遅れ」、それより下は「遅れ」',
        en: '"On track" at or above even progress over the period, "Slightly behind" up to 10 points below it, "Behind" further below',
      },
    });
  });

  it('is within the tolerance or outside it by the declared points', () => {
    // (25 − 14) ÷ 25 = 44 % against 60 %: 16 points behind
    const wide = buildAbcdPlan(nodes, proRata(20));
    expect([status('b', 2025).level?.key, status('b', 2025, wide).level?.key]).toEqual(['red', 'amber']);
    expect([status('b', 2025).measure, status('b', 2025).arrow, status('b', 2025).previousPercent]).toEqual([
      -16,
      '↑',
      28,
    ]);
    // Exactly at the tolerance edge: 16 points behind with a 16-point tolerance is still within.
    expect(status('b', 2025, buildAbcdPlan(nodes, proRata(16))).level?.key).toBe('amber');
    // The indicator's own tolerance (20 points) replaces the rule's 10; 30 % of the 60 % expected is 18 points.
    const own = (tolerance: Record<string, number>) =>
      buildAbcdPlan(
        [{ ...nodes[1]!, indicators: [{ ...waitingList({ 2024: 18, 2025: 14 }), tolerance }] }],
        proRata(10),
      );
    expect(status('b', 2025, own({ points: 20 })).level?.key).toBe('amber');
    expect(status('b', 2025, own({ percent: 30 })).level?.key).toBe('amber');
    expect(status('b', 2025, own({ percent: 25 })).level?.key).toBe('red');
  });

  it('raises an item outside the tolerance that improved, when the plan declares that compound rule', () => {
    const compound = buildAbcdPlan(nodes, proRata(10, { improving: { from: 'red', level: 'amber' } }));
    const b = status('b', 2025, compound);
    expect([b.level?.key, b.raisedByImprovement]).toEqual(['amber', true]);
    // Worsening keeps the verdict: 20 % → 12 %.
    const c = status('c', 2025, compound);
    expect([c.percent, c.previousPercent, c.direction, c.arrow, c.level?.key, c.raisedByImprovement]).toEqual([
      12,
      20,
      'down',
      '↓',
      'red',
      false,
    ]);
  });

  it('shows no arrow for a year with no actual, and no level without a figure', () => {
    const stale = status('d', 2024);
    expect([stale.percent, stale.previousPercent, stale.arrow, stale.direction]).toEqual([20, null, '', 'unknown']);
    const none = status('d', 2022);
    expect([none.percent, none.level, none.arrow]).toEqual([null, null, '']);
  });

  it('shows no direction of travel when the rule declares none', () => {
    const plain = buildAbcdPlan(nodes, proRata(10, { travel: undefined }));
    const a = status('a', 2024, plain);
    expect([a.direction, a.arrow, a.previousPercent, a.level?.key]).toEqual(['unknown', '', null, 'green']);
  });
});
