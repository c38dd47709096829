import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodRatingsOf } from './period-ratings.ts';
import { periodRollups } from './period-rollups.ts';
import { PlanDocument } from './plan-document.ts';
import { findNode } from './plan-tree.ts';

// Wrenmoor (data/examples/wrenmoor): every commitment has a RAG status for Q1, Q2 and Q3 of 2025/26 and the year.
const wrenmoor = PlanDocument.parse(
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/examples/wrenmoor/bundle.json'), 'utf8'))
    .plans[0],
);

describe('ratings for parts of a year', () => {
  it('rolls up each quarter anyone rated, in order, by the plan’s method', () => {
    const rolled = periodRollups(wrenmoor, 2025, { scope: 'plan' });
    if (!rolled.ok) throw new Error(rolled.error.messageEn);
    // Hand-counted: Q1 1.1 green, 1.2, 2.1 and 2.2 amber; Q2 and Q3 1.1 and 2.2 green, 1.2 amber, 2.1 red.
    expect(rolled.value.map((r) => [r.period, r.rollup.formatted, r.rollup.assessedCount])).toEqual([
      ['Q1', 'Green: 1, Amber: 3', 4],
      ['Q2', 'Green: 2, Amber: 1, Red: 1', 4],
      ['Q3', 'Green: 2, Amber: 1, Red: 1', 4],
    ]);
    expect(periodRollups(wrenmoor, 2026, { scope: 'plan' })).toEqual({ ok: true, value: [] });
  });

  it('lists an item’s part-year ratings with their comments, the whole-year rating left to the yearly table', () => {
    const ratings = periodRatingsOf(wrenmoor, findNode(wrenmoor, '2.1')!);
    expect(ratings.map((r) => [r.fy, r.period, r.level?.label, r.assessment.comment])).toEqual([
      [2025, 'Q1', 'Amber', 'Behind the Q1 profile.'],
      [2025, 'Q2', 'Red', 'Two sites stalled.'],
      [2025, 'Q3', 'Red', 'Two sites still stalled.'],
    ]);
  });
});
