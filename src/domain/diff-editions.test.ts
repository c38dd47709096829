import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffEditions, diffInitiative } from './diff-editions.ts';
import { EditionContent } from './edition-content.ts';
import { findNode } from './plan-tree.ts';

const bundle = JSON.parse(readFileSync(new URL('../../data/ogori/bundle.json', import.meta.url), 'utf8'));
const r4 = EditionContent.parse({
  organization: bundle.organization,
  departments: bundle.departments,
  plan: bundle.plans[0],
});

function r5(): EditionContent {
  const next = structuredClone(r4);
  const node = findNode(next.plan, '1-1')!;
  const entry = node.roadmap.find((r) => r.fy === 2023)!;
  entry.actual = ['Web会議システム導入に係る車座出前トークの要綱改正', '【R5年度 車座トーク2件、出前トーク20件】'];
  entry.plan = entry.plan.filter((p) => p !== '広報活動');
  node.assessments.push({ fy: 2023, period: 'FY', level: '60' });
  node.indicators[0]!.values.find((v) => v.fy === 2023)!.actual = 22;
  const other = findNode(next.plan, '2-1')!;
  other.title = '新型コロナウイルス感染症ワクチン接種';
  return next;
}

describe('diffEditions', () => {
  it('is empty for the same content', () => {
    expect(diffEditions(r4, r4)).toEqual({ initiatives: [], unchanged: 40 });
  });

  it('lists text added and removed, ratings and KPI values changed, per initiative', () => {
    const d = diffEditions(r4, r5());
    expect(d.unchanged).toBe(38);
    expect(d.initiatives.map((i) => i.code)).toEqual(['1-1', '2-1']);
    expect(d.initiatives[0]).toEqual({
      code: '1-1',
      title: '車座トーク、出前トークの利用者アップ',
      goalCode: '1',
      status: 'changed',
      textAdded: [
        { field: 'roadmap-actual', fy: 2023, item: 'Web会議システム導入に係る車座出前トークの要綱改正' },
        { field: 'roadmap-actual', fy: 2023, item: '【R5年度 車座トーク2件、出前トーク20件】' },
      ],
      textRemoved: [{ field: 'roadmap-plan', fy: 2023, item: '広報活動' }],
      ratings: [{ fy: 2023, from: null, to: '60' }],
      indicators: [
        { key: 'riyo-kensu', name: '車座トーク、出前トーク利用件数', fy: 2023, field: 'actual', from: null, to: 22 },
      ],
      fieldChanges: [],
    });
    expect(d.initiatives[1]?.titleChange).toEqual({
      from: '新型コロナウイルス感染症ワクチン接種の速やかな実施',
      to: '新型コロナウイルス感染症ワクチン接種',
    });
  });

  it('reports added and removed initiatives, and follows renumbering through previousCodes', () => {
    const next = structuredClone(r4);
    const goal = findNode(next.plan, '14')!;
    goal.children = goal.children.filter((c) => c.code !== '14-1');
    const moved = findNode(next.plan, '14-2')!;
    moved.code = '14-9';
    moved.previousCodes = ['14-2'];
    const d = diffEditions(r4, next);
    expect(d.initiatives.map((i) => [i.code, i.status])).toEqual([['14-1', 'removed']]);
    expect(diffInitiative(undefined, moved)?.status).toBe('added');
  });

  it('lists the fields kept by key whose values changed, with both values', () => {
    const next = r5();
    const a = structuredClone(findNode(next.plan, '1-1')!);
    a.fields = { settledCost: [{ fy: 2023, amount: 1200 }], legalBasis: ['地方自治法'] };
    const b = structuredClone(a);
    b.fields = { settledCost: [{ fy: 2023, amount: 1500 }], legalBasis: ['地方自治法'], method: 'contract' };
    expect(diffInitiative(a, b)?.fieldChanges).toEqual([
      { key: 'settledCost', from: [{ fy: 2023, amount: 1200 }], to: [{ fy: 2023, amount: 1500 }] },
      { key: 'method', from: null, to: 'contract' },
    ]);
    expect(diffInitiative(a, structuredClone(a))).toBeUndefined();
  });
});
