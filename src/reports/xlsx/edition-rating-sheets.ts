import {
  assessmentOf,
  compareRatings,
  findLevel,
  furtherDimensionFigures,
  isGoalNode,
  isItemNode,
  type PlanRollup,
  planRollup,
  ratingQuery,
  walkNodes,
} from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import { initiativeEvaluationColumns } from '../evaluation-columns.ts';
import { RATING_HEADERS as R, ratingSheetName, SHEETS } from './plan-workbook-layout.ts';
import type { CellValue, SheetColumn, SheetModel } from './workbook-model.ts';

/**
 * One sheet per fiscal year of ratings: every initiative (and any other node that was rated) with its level,
 * the level's number and the comment, for each rating scale of the plan. Where the plan derives a scale from KPI
 * achievement, the rule's level, the percent it came from and whether it differs from the self-rating follow (output
 * only: the plan workbook reader ignores these columns).
 */
export function ratingSheets(view: EditionView): SheetModel[] {
  const { plan } = view;
  const nodes = [...walkNodes(plan)].map((w) => w.node).filter((n) => isItemNode(n) || n.assessments.length > 0);
  const years = [...new Set([...view.years, ...nodes.flatMap((n) => n.assessments.map((a) => a.fy))])].sort(
    (a, b) => a - b,
  );
  const ruled = plan.ratingScales.filter((s) => plan.ratingRules.some((r) => r.scale === s.key));
  // Ratings of the stages the 一覧 does not list (事中, 一次評価 …), scale by scale, as the open-data CSV has them.
  const otherStages = (plan.evaluationStages ?? []).filter((st) => st.key !== plan.listedStage);
  const staged = otherStages.flatMap((stage) => plan.ratingScales.map((scale) => ({ stage, scale })));
  return years.map((fy) => {
    // The plan's declared status rule and KPI verdicts for the year, as in the open-data CSV (output only).
    const evaluation = initiativeEvaluationColumns(view.content, fy, 'ja');
    const columns: SheetColumn[] = [
      { header: R.code, width: 8 },
      { header: R.title, width: 40, wrap: true },
      { header: R.departments, width: 20, wrap: true },
      ...plan.ratingScales.flatMap((s): SheetColumn[] => [
        { header: s.name, width: 10 },
        { header: `${s.name}（数値）`, width: 10 },
        { header: `${s.name}のコメント`, width: 40, wrap: true },
      ]),
      ...staged.flatMap(({ stage, scale: s }): SheetColumn[] => [
        { header: `${s.name}（${stage.name}）`, width: 10 },
        { header: `${s.name}（${stage.name}）のコメント`, width: 40, wrap: true },
      ]),
      ...ruled.flatMap((s): SheetColumn[] => [
        { header: `評価基準による${s.name}`, width: 12 },
        { header: `${s.name}の根拠（KPI達成率%）`, width: 12, numFmt: '0.0' },
        { header: `${s.name}の計算式`, width: 30, wrap: true },
        { header: `${s.name}：自己評価と異なる`, width: 10 },
      ]),
      ...evaluation.header.map((header): SheetColumn => ({ header, width: 12, wrap: true })),
    ];
    const rows: CellValue[][] = nodes.map((node) => [
      node.code,
      node.title,
      node.departments.map(view.departmentName).join('、') || null,
      ...plan.ratingScales.flatMap((scale) => {
        const a = assessmentOf(node, fy, scale.key, ratingQuery(plan));
        const level = a ? findLevel(scale, a.level) : undefined;
        const score = level && !level.excluded ? level.score : null;
        return [a ? (level?.label ?? a.level) : null, score, a?.comment ?? null];
      }),
      ...staged.flatMap(({ stage, scale }) => {
        const a = assessmentOf(node, fy, scale.key, { ...ratingQuery(plan), stage: stage.key });
        return [a ? (findLevel(scale, a.level)?.label ?? a.level) : null, a?.comment ?? null];
      }),
      ...ruled.flatMap((scale): CellValue[] => {
        if (isGoalNode(node) || fy > view.asOfFy) return [null, null, null, null];
        const c = compareRatings(plan, node, fy, { scale: scale.key });
        if (!c.rule) return [null, null, c.ruleReason?.message ?? null, null];
        return [c.rule.label, c.rule.percent, c.rule.formula.ja, c.disagree ? 'はい' : null];
      }),
      ...(isGoalNode(node) || fy > view.asOfFy
        ? evaluation.header.map(() => null)
        : evaluation.cells(node).map(cellValue)),
    ]);
    return { name: ratingSheetName(fy), columns, rows, freezeHeader: true, autoFilter: true };
  });
}

/** A plain number stays a number in the sheet; empty text is an empty cell. */
function cellValue(text: string): CellValue {
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** 集計: the plan roll-up per fiscal year, with its method and what it counted. Output only. */
export function summarySheet(view: EditionView): SheetModel {
  const { plan } = view;
  const columns: SheetColumn[] = [
    { header: '年度', width: 12 },
    { header: '評価尺度', width: 12 },
    { header: '集計方法', width: 30, wrap: true },
    { header: '値', width: 8, numFmt: '0.0' },
    { header: '表示', width: 12 },
    { header: '対象件数', width: 8 },
    { header: '評価済件数', width: 8 },
    { header: '未評価', width: 30, wrap: true },
    { header: '集計対象外', width: 20, wrap: true },
    { header: '計画から外れた取組', width: 20, wrap: true },
  ];
  const row = (fy: number, scaleName: string, v: PlanRollup): CellValue[] => [
    view.fy(fy),
    scaleName,
    v.methodLabel.ja,
    v.value,
    v.assessedCount > 0 ? v.formatted : null,
    v.totalCount,
    v.assessedCount,
    v.missing.join('、') || null,
    v.excluded.join('、') || null,
    v.inactive.join('、') || null,
  ];
  const rows: CellValue[][] = [];
  for (const fy of view.years) {
    const r = planRollup(plan, fy, { scope: 'plan' });
    if (r.ok) rows.push(row(fy, view.scale.name, r.value));
  }
  // Further dimensions (改善度 beside 達成度) below, year by year: each one's mean, then its distribution.
  const further = view.years.map((fy) => {
    const f = furtherDimensionFigures(plan, fy, { scope: 'plan' });
    return f.ok ? f.value : [];
  });
  for (let k = 0; k < (further[0]?.length ?? 0); k++) {
    view.years.forEach((fy, i) => {
      const f = further[i]?.[k];
      if (f) rows.push(row(fy, f.scale.name, f.rollup));
    });
  }
  return { name: SHEETS.summary, columns, rows, freezeHeader: true };
}
