import {
  type EditionContent,
  formatIndicatorPeriod,
  formatPlanPeriod,
  INDICATOR_KIND,
  type Indicator,
  type PartPeriod,
  periodTravel,
  reportedApart,
  valueLabels,
  walkNodes,
} from '../domain/index.ts';
import { type CsvLang, csvWords } from './csv-words.ts';
import { indicatorEvaluationColumns } from './evaluation-columns.ts';
import type { CsvTable } from './open-data-csv.ts';

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

/**
 * One row per indicator value: the baseline, each year's target and actual, values for parts of a year (四半期,
 * 半期), the target for the period and the targets it replaced. Calendar-year indicators print 2024年, not 年度.
 * Where a value was reported in another period than the one it measures (statistics published a year late), a
 * column says when; a plan with no such value keeps its columns as they were.
 */
export function indicatorRows(content: EditionContent, lang?: CsvLang): CsvTable {
  const plan = content.plan;
  const w = csvWords(plan, lang);
  const kinds = valueLabels(INDICATOR_KIND, w.lang);
  const all = [...walkNodes(plan)].flatMap(({ node }) => node.indicators.map((ind) => ({ node, ind })));
  const reportedColumn = all.some(({ ind }) => ind.values.some((v) => reportedApart(v)));
  const header = [
    w.itemCode,
    w.itemTitle,
    w.indicator,
    w.unit,
    w.kind,
    w.lowerIsBetter,
    w.row,
    w.year,
    w.yearLabel,
    w.target,
    w.actual,
    w.provisional,
    w.note,
    ...(reportedColumn ? [w.reportedIn] : []),
  ];
  const evaluation = indicatorEvaluationColumns(content, w.lang);
  header.push(...evaluation.header);
  // Rows that are not one year's value (baseline, targets) leave the evaluation columns empty.
  const blank = evaluation.header.map(() => '');
  // The direction of travel of part-year values, only where the plan declares what they are compared with.
  const travelRule = plan.evaluation?.periodTravel;
  if (travelRule) header.push(w.lang === 'en' ? 'Direction of travel' : '推移');
  if (travelRule) blank.push('');
  const rows: CsvTable = [header];
  const periodOptions = { lang: w.lang, startMonth: plan.fiscalYearStartMonth, language: plan.language };
  const reported = (v: Indicator['values'][number]) => {
    if (!reportedColumn) return [];
    const r = reportedApart(v);
    return [r ? formatPlanPeriod(r.fy, r.period, plan, w.lang) : ''];
  };
  const noReport = reportedColumn ? [''] : [];
  for (const { node, ind } of all) {
    const base = [
      node.code,
      node.title,
      ind.name,
      ind.unit,
      kinds[ind.kind],
      ind.direction === 'unknown' ? '' : ind.direction === 'lower' ? w.yes : w.no,
    ];
    const fyCells = (fy: number) => [String(fy), formatIndicatorPeriod(ind, fy, 'FY', periodOptions)];
    const yes = (b: boolean) => (b ? w.yes : '');
    if (ind.baseline) {
      const b = ind.baseline;
      rows.push([...base, w.baseline, ...fyCells(b.fy), '', num(b.value), '', b.note ?? '', ...noReport, ...blank]);
    }
    for (const v of ind.values.filter((x) => x.period === 'FY').sort((a, b) => a.fy - b.fy)) {
      const note = [v.targetNote, v.actualNote].filter(Boolean).join(' / ');
      rows.push([
        ...base,
        w.yearRow,
        ...fyCells(v.fy),
        num(v.target),
        num(v.actual),
        yes(v.provisional),
        note,
        ...reported(v),
        ...evaluation.cells({ indicator: ind, fy: v.fy }),
        ...(travelRule ? [''] : []),
      ]);
    }
    for (const v of ind.values.filter((x) => x.period !== 'FY')) {
      const note = [v.targetNote, v.actualNote].filter(Boolean).join(' / ');
      const when = formatIndicatorPeriod(ind, v.fy, v.period, periodOptions);
      const cells = [String(v.fy), when, num(v.target), num(v.actual), yes(v.provisional), note, ...reported(v)];
      const start = plan.fiscalYearStartMonth;
      const travel = travelRule
        ? [periodTravel(ind, v.fy, v.period as PartPeriod, travelRule, start, plan.language).text[w.lang]]
        : [];
      rows.push([
        ...base,
        w.qualified(w.period, v.period),
        ...cells,
        ...blank.slice(0, evaluation.header.length),
        ...travel,
      ]);
    }
    for (const h of ind.targetHistory) {
      const cells = [...fyCells(h.fromFy), num(h.value), '', '', h.note ?? '', ...noReport];
      rows.push([...base, w.supersededTarget, ...cells, ...blank]);
    }
    if (ind.target) {
      const t = ind.target;
      const cells = [...fyCells(t.fy), num(t.value), '', '', t.note ?? '', ...noReport];
      rows.push([...base, w.planTarget, ...cells, ...blank]);
    }
  }
  return rows;
}
