import { describe, expect, it } from 'vitest';
import { buildTestPlan } from './build-test-plan.ts';
import { copyStructure } from './copy-structure.ts';
import { PlanDocument } from './plan-document.ts';
import { planFromTemplate } from './plan-template.ts';
import { findNode, leafNodes } from './plan-tree.ts';

const source = buildTestPlan(
  { shortTitle: '第2期アクションプラン', issuedOn: '2022-02' },
  {
    node: (code) => ({
      departments: ['keiei'],
      ...(code === '1-1' && { lifecycle: { status: 'abolished', fromFy: 2023 } }),
      ...(code === '1-3' && {
        goal: 'フォロワー数を10,000とする',
        indicators: [
          {
            key: 'followers',
            name: 'フォロワー数',
            kind: 'level',
            baseline: { fy: 2020, value: 2500 },
            target: { fy: 2024, value: 10000 },
            values: [{ fy: 2022, actual: 8104 }],
          },
        ],
      }),
    }),
  },
);
const identity = { slug: 'action-plan-3', title: '第3期アクションプラン', period: { startFy: 2025, endFy: 2028 } };
const copied = (carryOver?: string[]) => {
  const r = copyStructure(source, identity, carryOver);
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value;
};

describe('copyStructure', () => {
  it('copies the active tree with codes, titles, 課 and indicator definitions, without any figures', () => {
    const plan = copied();
    expect([plan.slug, plan.title, plan.period, plan.status]).toEqual([
      'action-plan-3',
      '第3期アクションプラン',
      { startFy: 2025, endFy: 2028 },
      'draft',
    ]);
    expect(plan.predecessor).toEqual({ title: source.title, slug: 'ogori-ap2', issuedOn: '2022-02' });
    // 40 initiatives less the abolished 1-1 and the old plan's own 継1
    expect(leafNodes(plan)).toHaveLength(38);
    expect(plan.nodes.map((n) => n.code).at(-1)).toBe('15');
    expect(leafNodes(plan).every((n) => n.assessments.length === 0 && n.roadmap.length === 0)).toBe(true);
    const node = findNode(plan, '1-3')!;
    expect([node.departments, node.goal]).toEqual([['keiei'], 'フォロワー数を10,000とする']);
    expect(node.indicators).toEqual([
      {
        key: 'followers',
        name: 'フォロワー数',
        unit: '',
        kind: 'level',
        direction: 'higher',
        valueBasis: 'increment',
        yearBasis: 'fiscal',
        targetHistory: [],
        values: [],
      },
    ]);
    expect(PlanDocument.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it('moves carried-over initiatives into a 継 group, linked to where they came from', () => {
    const plan = copied(['3-2', '継1', '3-2']);
    expect(findNode(plan, '3-2')).toBe(undefined);
    const group = plan.nodes.at(-1)!;
    expect([group.code, group.title]).toEqual(['継', '第2期アクションプランからの継続案件']);
    expect(group.children.map((n) => [n.code, n.title, n.carriedFrom])).toEqual([
      ['継1', '三井消防署本署の建て替え', { plan: 'ogori-ap2', code: '3-2' }],
      ['継2', '人事評価制度の活用', { plan: 'ogori-ap2', code: '継1' }],
    ]);
  });

  it('refuses to carry over what is not an active initiative', () => {
    const r = copyStructure(source, identity, ['1', '1-1', '99', '2-1']);
    expect(r.ok ? 'ok' : [r.error.code, r.error.message]).toEqual([
      'carry-over-invalid',
      '継続案件にできるのは元の計画で継続中の取組だけです: 1, 1-1, 99',
    ]);
  });
});

describe('planFromTemplate', () => {
  it('makes an empty draft plan and reports an invalid period', () => {
    const template = {
      key: 't',
      name: 't',
      plan: { levels: [{ ja: '基本目標' }], ratingScales: source.ratingScales, rollup: { method: 'mean' } },
    };
    const r = planFromTemplate(template, identity);
    expect(r.ok && [r.value.nodes, r.value.status, r.value.rollup]).toEqual([
      [],
      'draft',
      { method: 'mean', weighted: false, decimals: 1 },
    ]);
    const bad = planFromTemplate(template, { ...identity, period: { startFy: 2028, endFy: 2025 } });
    expect(bad.ok ? 'ok' : bad.error.messageEn).toBe('Cannot create the plan: period.endFy: endFy is before startFy');
  });
});
