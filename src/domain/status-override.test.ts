import { describe, expect, it } from 'vitest';
import { buildAbcdPlan } from './abcd-test-plan.ts';
import { initiativeStatus } from './initiative-status.ts';
import { PlanDocument } from './plan-document.ts';

const status = (override?: unknown) => ({
  name: '進捗',
  measure: 'progress',
  levels: [
    { key: 'ok', label: '達成' },
    { key: 'ng', label: '未達成' },
  ],
  bands: [{ level: 'ok', from: 100 }, { level: 'ng' }],
  ...(override !== undefined && { override }),
});
const node = () => ({
  code: 'a',
  title: 'a',
  indicators: [
    {
      key: 'k',
      name: 'k',
      unit: '件',
      kind: 'level' as const,
      target: { fy: 2024, value: 10 },
      values: [{ fy: 2023, actual: 4 }],
    },
  ],
});
const parse = (override: unknown, statusOverrides: unknown) => {
  const base = buildAbcdPlan([node()]);
  const [goal] = base.nodes;
  const leaf = { ...goal!.children[0]!.children[0]!, ...(statusOverrides !== undefined && { statusOverrides }) };
  const nodes = [{ ...goal, children: [{ ...goal!.children[0], children: [leaf] }] }];
  return PlanDocument.safeParse({
    ...base,
    nodes,
    evaluation: { progress: { basis: 'level' }, status: status(override) },
  });
};
const leafOf = (plan: PlanDocument) => plan.nodes[0]!.children[0]!.children[0]!;
const issues = (override: unknown, statusOverrides: unknown) => {
  const r = parse(override, statusOverrides);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const SET = [{ fy: 2023, level: 'ok', reason: '事業は完了済み' }];

describe('a verdict set by hand', () => {
  it('is refused where the plan declares no override, or for a level the plan does not allow (listing them)', () => {
    expect(issues(undefined, SET)).toEqual([
      'nodes.0.children.0.children.0.statusOverrides: the plan declares no verdict set by hand (evaluation.status.override)',
    ]);
    expect(issues({ levels: ['ng'], rollup: 'override' }, SET)).toEqual([
      'nodes.0.children.0.children.0.statusOverrides.0.level: unknown level "ok"; valid levels: ng',
    ]);
    expect(issues({ levels: ['maybe'], rollup: 'override' }, [])).toEqual([
      'evaluation.status.override.levels.0: unknown level "maybe"; valid levels: ok, ng',
    ]);
    // The roll-up is the plan's choice: there is no default.
    expect(issues({}, SET)[0]).toMatch(/^evaluation\.status\.override\.rollup: /);
    expect(issues({ rollup: 'override' }, [{ fy: 2023, level: 'ok', reason: ' ' }])[0]).toMatch(
      /^nodes\.0\.children\.0\.children\.0\.statusOverrides\.0\.reason: /,
    );
  });

  it('stands beside the computed verdict; roll-ups count it only where the plan says so', () => {
    for (const [rollup, counted] of [
      ['override', 'ok'],
      ['computed', 'ng'],
    ] as const) {
      const r = parse({ rollup }, SET);
      if (!r.success) throw new Error(r.error.message);
      const s = initiativeStatus(r.data, leafOf(r.data), 2023)!;
      // 4 ÷ 10 = 40 %: below 100, so 未達成 by the figures.
      expect([s.level?.key, s.override?.level.key, s.override?.reason, s.rollupLevel?.key]).toEqual([
        'ng',
        'ok',
        '事業は完了済み',
        counted,
      ]);
      // Another year has none: the computed verdict alone.
      expect(initiativeStatus(r.data, leafOf(r.data), 2024)?.override).toBeNull();
    }
  });
});
