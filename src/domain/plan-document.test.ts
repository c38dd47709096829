import { describe, expect, it } from 'vitest';
import { PlanDocument } from './plan-document.ts';

const base = {
  slug: 'p',
  title: 'T',
  period: { startFy: 2022, endFy: 2024 },
  levels: [{ ja: '基本目標' }, { ja: '具体的な取組' }],
  ratingScales: [
    {
      key: 'rate',
      name: '目標達成率',
      kind: 'percentage',
      levels: [0, 10].map((n) => ({ key: String(n), label: `${n}%`, score: n })),
    },
  ],
};

describe('PlanDocument', () => {
  it('refuses the codes "." and ".." (path steps in every address of the portal and the exported site)', () => {
    for (const code of ['.', '..', '...']) {
      const r = PlanDocument.safeParse({ ...base, nodes: [{ code, title: 'x' }] });
      expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [['nodes', 0, 'code'], 'not only dots ("." and ".." are not codes)'],
      ]);
    }
    expect(PlanDocument.safeParse({ ...base, nodes: [{ code: '2.3', title: 'x' }] }).success).toBe(true);
  });

  it('names the path of an unknown rating level', () => {
    const r = PlanDocument.safeParse({
      ...base,
      nodes: [
        { code: '1', title: 'x', children: [{ code: '1-1', title: 'y', assessments: [{ fy: 2022, level: '20' }] }] },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['nodes', 0, 'children', 0, 'assessments', 0, 'level']);
  });

  it('rejects a tree deeper than the named levels', () => {
    const r = PlanDocument.safeParse({
      ...base,
      nodes: [
        { code: '1', title: 'x', children: [{ code: '1-1', title: 'y', children: [{ code: '1-1-1', title: 'z' }] }] },
      ],
    });
    expect(r.error?.issues[0]?.message).toBe('deeper than the 2 levels the plan names');
  });

  it('keeps the optional fields for other plan shapes absent unless given', () => {
    const plain = PlanDocument.parse({ ...base, nodes: [{ code: '1', title: 'x' }] });
    expect(['statedFigures' in plain, 'carriedFrom' in plain.nodes[0]!]).toEqual([false, false]);
    const full = PlanDocument.parse({
      ...base,
      statedFigures: [{ fy: 2022, method: 'mean', value: 40.5 }],
      nodes: [
        {
          code: '継1',
          title: 'x',
          carriedFrom: { plan: 'action-plan-1', code: '3-2' },
          lifecycle: { addedFy: 2023 },
          indicators: [{ key: 'k', name: 'n', kind: 'level', periodBasis: 'increment' }],
        },
      ],
    });
    expect(full.statedFigures).toEqual([{ fy: 2022, method: 'mean', value: 40.5 }]);
    expect(full.nodes[0]?.carriedFrom).toEqual({ plan: 'action-plan-1', code: '3-2' });
    expect(full.nodes[0]?.lifecycle).toEqual({ status: 'active', addedFy: 2023, into: [] });
    expect(full.nodes[0]?.indicators[0]?.periodBasis).toBe('increment');
  });
});
