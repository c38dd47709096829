import { describe, expect, it } from 'vitest';
import { buildAbcdPlan } from './abcd-test-plan.ts';
import { PlanDocument } from './plan-document.ts';

const issues = (extra: Record<string, unknown>) => {
  const base = buildAbcdPlan([{ code: 'a', title: 'a' }]);
  const r = PlanDocument.safeParse({ ...base, ...extra });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const status = {
  name: '進捗',
  measure: 'progress',
  levels: [
    { key: 'ok', label: '達成' },
    { key: 'ng', label: '未達成' },
  ],
  bands: [{ level: 'ok', from: 100 }, { level: 'ng' }],
};

describe('evaluation in the plan document', () => {
  it('accepts a declared method and refuses an unknown basis with the valid keys', () => {
    expect(issues({ evaluation: { progress: { basis: 'level' }, status } })).toEqual([]);
    const [message] = issues({ evaluation: { progress: { basis: 'pro-rata' } } });
    expect(message).toContain('evaluation.progress.basis');
    for (const key of ['by-kind', 'level', 'cumulative', 'expected-path', 'baseline-distance', 'growth-rate']) {
      expect(message).toContain(key);
    }
  });

  it('refuses a status rule naming an unknown level, listing the valid ones', () => {
    const bad = { ...status, bands: [{ level: 'ok', from: 100 }, { level: 'amber' }] };
    expect(issues({ evaluation: { progress: { basis: 'level' }, status: bad } })).toEqual([
      'evaluation.status.bands.1.level: unknown level "amber"; valid levels: ok, ng',
    ]);
    expect(issues({ evaluation: { status } })).toEqual([
      'evaluation.status: a status rule needs a declared progress basis',
    ]);
  });

  it('refuses a rating rule on an unknown scale or level, listing the valid keys', () => {
    const rule = (scale: string, level: string) => ({
      ratingRules: [{ scale, basis: 'indicator-progress', thresholds: [{ minPercent: 0, level }] }],
    });
    expect(issues(rule('grade', 'A'))).toEqual([
      'ratingRules.0.scale: unknown scale "grade"; valid scales: achievement, improvement',
    ]);
    expect(issues(rule('achievement', 'S'))).toEqual([
      'ratingRules.0.thresholds.0.level: unknown level "S" of scale "achievement"; valid levels: D, C, B, A',
    ]);
  });
});
