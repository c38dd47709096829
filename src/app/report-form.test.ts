import { describe, expect, it } from 'vitest';
import { ogoriEdition } from '../../test/harness/ogori-edition.ts';
import { findNode, type PlanNode } from '../domain/index.ts';
import { parseReport, reportValuesOf } from './report-form.ts';

describe('report form: items that span lines', () => {
  it('keeps a 【…】 note on its point through the form (1-1 R4), and an indented line joins the point above', () => {
    const plan = ogoriEdition().plan;
    const node = findNode(plan, '1-1') as PlanNode;
    const values = reportValuesOf(node, plan, 2022);
    expect(values.actual).toBe('Web会議システム導入方法の検討\n\u3000【R4年度 車座トーク0件、出前トーク6件】');
    const same = parseReport(values, node, plan, 2022);
    expect(same.errors).toEqual({});
    expect(same.changes.roadmap?.find((r) => r.fy === 2022)?.actual).toEqual([
      'Web会議システム導入方法の検討\n【R4年度 車座トーク0件、出前トーク6件】',
    ]);
    const typed = parseReport({ ...values, actual: '要綱改正\n  【R5年度 35件】\n広報活動' }, node, plan, 2022);
    expect(typed.changes.roadmap?.find((r) => r.fy === 2022)?.actual).toEqual([
      '要綱改正\n【R5年度 35件】',
      '広報活動',
    ]);
  });
});

describe('report form: an indicator with declared decimal places', () => {
  it('takes a value with as many places, and refuses a finer one at its input in both languages', () => {
    const plan = ogoriEdition().plan;
    const node = findNode(plan, '1-1') as PlanNode;
    const kpi = node.indicators[0]!;
    const withDecimals: PlanNode = { ...node, indicators: [{ ...kpi, decimals: 1 }, ...node.indicators.slice(1)] };
    const values = reportValuesOf(withDecimals, plan, 2022);
    const entered = (actual: string) =>
      parseReport(
        { ...values, indicators: { ...values.indicators, [kpi.key]: { ...values.indicators[kpi.key]!, actual } } },
        withDecimals,
        plan,
        2022,
      ).errors[`indicators.${kpi.key}.actual`];
    expect(entered('6.4')).toBeUndefined();
    expect(entered('6.45')).toEqual({
      ja: 'この指標は小数1桁までで入力します（6.45）',
      en: 'This indicator takes 1 decimal place at most (6.45)',
    });
  });
});
