import { describe, expect, it } from 'vitest';
import { buildTestPlan } from './build-test-plan.ts';
import {
  assessmentOf,
  descendantsOf,
  findNode,
  isActiveIn,
  leafNodes,
  nodePath,
  nodesOfDepartment,
  previousAndNext,
  walkNodes,
} from './plan-tree.ts';

const plan = buildTestPlan({}, { node: (code) => ({ departments: code === '1-2' ? ['keiei', 'soumu'] : ['keiei'] }) });

describe('plan tree', () => {
  it('walks in document order with depth', () => {
    const walked = [...walkNodes(plan)].slice(0, 5).map((w) => `${w.node.code}@${w.depth}`);
    expect(walked).toEqual(['1@1', '1-1@2', '1-2@2', '1-3@2', '2@1']);
    expect([...walkNodes(plan)]).toHaveLength(56);
  });

  it('finds leaves, nodes and paths', () => {
    expect(leafNodes(plan)).toHaveLength(40);
    expect(leafNodes(plan).at(-1)?.code).toBe('継1');
    expect(findNode(plan, '10-4')?.title).toBe('保育の質の向上研修を実施し、保育士の働きやすい職場づくり');
    expect(findNode(plan, '99')).toBe(undefined);
    expect(nodePath(plan, '1-2')?.map((n) => n.code)).toEqual(['1', '1-2']);
    expect(nodePath(plan, '99')).toBe(undefined);
    expect(descendantsOf(findNode(plan, '1')!).map((n) => n.code)).toEqual(['1-1', '1-2', '1-3']);
  });

  it('finds the nodes of a department', () => {
    expect(nodesOfDepartment(plan, 'soumu').map((n) => n.code)).toEqual(['1-2']);
  });

  it('gives neighbours across goals', () => {
    const { previous, next } = previousAndNext(plan, '1-3');
    expect([previous?.code, next?.code]).toEqual(['1-2', '2-1']);
    expect(previousAndNext(plan, '1-1').previous).toBe(undefined);
    expect(previousAndNext(plan, '継1').next).toBe(undefined);
    expect(previousAndNext(plan, '1')).toEqual({});
  });

  it('reads the assessment of a year and scale', () => {
    const node = findNode(plan, '1-2')!;
    const withSecond = {
      ...node,
      assessments: [...node.assessments, { fy: 2022, period: 'FY' as const, scale: 'rag', level: 'green' }],
    };
    expect(assessmentOf(withSecond, 2022)?.level).toBe('70');
    expect(assessmentOf(withSecond, 2022, 'achievement-rate', { primaryScale: 'achievement-rate' })?.level).toBe('70');
    expect(assessmentOf(withSecond, 2022, 'rag', { primaryScale: 'achievement-rate' })?.level).toBe('green');
    expect(assessmentOf(withSecond, 2023)).toBe(undefined);
    expect(assessmentOf(withSecond, 2022, undefined, { period: 'H1' })).toBe(undefined);
  });

  it('keeps abolished nodes until their year', () => {
    const node = findNode(plan, '1-1')!;
    const abolished = { ...node, lifecycle: { status: 'abolished' as const, fromFy: 2023, into: [] } };
    expect([isActiveIn(abolished, 2022), isActiveIn(abolished, 2023), isActiveIn(node, 2030)]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('counts a node added mid-plan from the year it was added', () => {
    const node = findNode(plan, '1-1')!;
    const added = { ...node, lifecycle: { status: 'active' as const, addedFy: 2023, into: [] } };
    expect([isActiveIn(added, 2022), isActiveIn(added, 2023), isActiveIn(added, 2024)]).toEqual([false, true, true]);
  });
});
