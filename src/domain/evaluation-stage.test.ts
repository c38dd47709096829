import { describe, expect, it } from 'vitest';
import { buildTestPlan } from './build-test-plan.ts';
import { PlanDocument } from './plan-document.ts';
import { assessmentOf, ratingQuery } from './plan-tree.ts';

const ratings = [['1-1', 'A', 70] as const];
const stages = [
  { key: 'first', name: '一次評価' },
  { key: 'second', name: '二次評価' },
];
const issuesOf = (input: unknown) => {
  const r = PlanDocument.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('evaluation stages', () => {
  const plan = buildTestPlan({ evaluationStages: stages, listedStage: 'second' }, { ratings });

  it('finds the listed stage’s rating (with or without its key), and another stage only when asked', () => {
    const node = {
      ...plan.nodes[0]!.children[0]!,
      assessments: [
        { fy: 2022, period: 'FY' as const, stage: 'first', level: '50' },
        { fy: 2022, period: 'FY' as const, level: '70' },
      ],
    };
    expect(assessmentOf(node, 2022, undefined, ratingQuery(plan))?.level).toBe('70');
    expect(assessmentOf(node, 2022, undefined, { ...ratingQuery(plan), stage: 'first' })?.level).toBe('50');
    const explicit = { ...node, assessments: [{ fy: 2022, period: 'FY' as const, stage: 'second', level: '90' }] };
    expect(assessmentOf(explicit, 2022, undefined, ratingQuery(plan))?.level).toBe('90');
  });

  it('refuses an unknown stage, a missing or unknown listedStage and a countsAs that is no main level', () => {
    const base = buildTestPlan({}, { ratings });
    const withStage = (listedStage: string | undefined, stage: string) => ({
      ...base,
      evaluationStages: stages,
      ...(listedStage !== undefined && { listedStage }),
      nodes: [
        {
          ...base.nodes[0]!,
          children: [{ ...base.nodes[0]!.children[0]!, assessments: [{ fy: 2022, stage, level: '70' }] }],
        },
      ],
    });
    expect(issuesOf(withStage('second', 'mid'))).toEqual([
      'nodes.0.children.0.assessments.0.stage: unknown evaluation stage "mid" (stages: first, second)',
    ]);
    expect(issuesOf(withStage(undefined, 'first'))).toEqual([
      'listedStage: with evaluationStages, say which stage the 一覧 shows (listedStage: one of first, second)',
    ]);
    expect(issuesOf(withStage('third', 'first'))).toEqual([
      'listedStage: listedStage "third" is not one of evaluationStages (first, second)',
    ]);
    const scale = base.ratingScales[0]!;
    const pooled = {
      ...base,
      ratingScales: [{ ...scale, levels: scale.levels.map((l, i) => (i === 1 ? { ...l, countsAs: 'nope' } : l)) }],
    };
    expect(issuesOf(pooled)).toEqual([
      `ratingScales.0.levels.1.countsAs: countsAs "nope" is not a main level of this scale; valid levels: ${scale.levels
        .filter((_, i) => i !== 1)
        .map((l) => l.key)
        .join(', ')}`,
    ]);
  });
});
