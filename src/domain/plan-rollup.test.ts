import { describe, expect, it } from 'vitest';
import { buildTestPlan, OGORI_R4_RATINGS } from './build-test-plan.ts';
import { planRollup } from './plan-rollup.ts';

describe('planRollup', () => {
  const plan = buildTestPlan({}, { node: (code) => ({ departments: code.startsWith('1-') ? ['keiei'] : ['other'] }) });

  it('rolls up the whole plan: Ogori R4 = 40.5 %', () => {
    const r = planRollup(plan, 2022, { scope: 'plan' });
    expect(r.ok && [r.value.formatted, r.value.coverageLabel.en, r.value.scaleKey]).toEqual([
      '40.5%',
      '40 of 40 assessed',
      'achievement-rate',
    ]);
  });

  it('rolls up one goal and one department', () => {
    const goal = planRollup(plan, 2022, { scope: { goal: '1' } });
    // (10 + 70 + 80) / 3 = 53.33…
    expect(goal.ok && [goal.value.formatted, goal.value.usedCount]).toEqual(['53.3%', 3]);
    const dept = planRollup(plan, 2022, { scope: { department: 'keiei' } });
    expect(dept.ok && dept.value.value).toBe(160 / 3);
  });

  it('lists a year without assessments as missing, not 0', () => {
    const r = planRollup(plan, 2023, { scope: 'plan' });
    expect(r.ok && [r.value.value, r.value.formatted, r.value.missing.length]).toEqual([null, '—', 40]);
  });

  it('leaves out initiatives that left the plan', () => {
    const ratings = OGORI_R4_RATINGS.slice(0, 3);
    const p = buildTestPlan(
      {},
      {
        ratings,
        node: (code) => (code === '1-1' ? { lifecycle: { status: 'abolished', fromFy: 2022 } } : {}),
      },
    );
    const r = planRollup(p, 2022, { scope: 'plan' });
    expect(r.ok && [r.value.value, r.value.inactive]).toEqual([75, ['1-1']]);
  });

  it('fails on an unknown goal or scale', () => {
    const goal = planRollup(plan, 2022, { scope: { goal: '99' } });
    expect(goal.ok ? null : goal.error.code).toBe('node-not-found');
    const scale = planRollup(plan, 2022, { scope: 'plan', scale: 'nope' });
    expect(scale.ok ? null : scale.error.code).toBe('scale-not-found');
  });
});
