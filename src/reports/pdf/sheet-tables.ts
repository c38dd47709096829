import {
  fieldDisplay,
  fieldLabel,
  formatPercent,
  initiativeStatus,
  isActiveIn,
  keyedFields,
  type PlanNode,
} from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import { indicatorText } from '../indicator-text.ts';
import { roadmapRows } from '../roadmap-rows.ts';
import { itemVerdictCounts, kpiVerdictText, verdictCountsText } from '../verdict-text.ts';
import type { TableCell, TableModel, TableRow } from './pdf-model.ts';
import { periodTravelRow } from './period-travel-row.ts';
import { ratingGrids } from './rating-grid.ts';
import { periodTable, stageTable } from './stage-table.ts';

const label = (text: string): TableCell => ({ lines: [text], role: 'label', phrases: true });
const value = (lines: string[], extra: Partial<TableCell> = {}): TableCell => ({ lines, span: 3, ...extra });
const orNone = (lines: string[], none: string) => (lines.length > 0 ? lines : [none]);

/** Rows for the fields kept by key (see keyedFields): one each, amounts a line a fiscal year. */
function fieldRows(node: PlanNode, view: EditionView): TableRow[] {
  return keyedFields(view.plan, 'pdf').flatMap((f): TableRow[] => {
    const v = f.read(node);
    if (v === undefined && f.presence === 'when-used') return [];
    const shown = fieldDisplay(f.shape, v, view.lang);
    const lines = !shown
      ? [view.t.none]
      : shown.kind === 'lines'
        ? shown.items
        : shown.kind === 'years'
          ? shown.rows.map((r) => `${view.fy(r.fy)}${view.lang === 'ja' ? '：' : ': '}${r.text}`)
          : [shown.text];
    return [{ cells: [label(fieldLabel(f, view.lang)), value(lines, { bullets: shown?.kind === 'lines' })] }];
  });
}

/** The sheet's main table: number, 担当課, title, 現状, 課題, goal, status, notes and the 工程表. */
function mainTable(node: PlanNode, view: EditionView): TableModel {
  const { t } = view;
  const rows: TableRow[] = [
    {
      cells: [
        label(t.number),
        { lines: [node.code], role: 'emphasis' },
        label(t.departments),
        { lines: [node.departments.map(view.departmentName).join(t.listSeparator) || t.none], phrases: true },
      ],
    },
    // The initiative's name is its heading (H2 under the goal's H1) for a screen reader's heading navigation.
    { cells: [label(t.itemTitle), value([view.title(node)], { role: 'emphasis', structType: 'H2', phrases: true })] },
  ];
  if (node.situation) {
    const s = node.situation;
    rows.push({ cells: [label(t.situation(view.fy(s.asOfFy))), value(orNone(s.items, t.none), { bullets: true })] });
  }
  if (node.challenges) {
    const c = node.challenges;
    rows.push({ cells: [label(t.challenges(view.fy(c.asOfFy))), value(orNone(c.items, t.none), { bullets: true })] });
  }
  if (node.goal) rows.push({ cells: [label(t.goal), value([node.goal])] });
  rows.push(...fieldRows(node, view));
  if (node.sdgs.length > 0) rows.push({ cells: [label(t.sdgs), value([node.sdgs.join('、')])] });
  const life = node.lifecycle;
  if (life.status !== 'active' || life.addedFy !== undefined || life.note) {
    const parts = [t.lifecycle[life.status] ?? life.status];
    if (life.fromFy !== undefined && life.status !== 'active') parts.push(t.fromFy(view.fy(life.fromFy)));
    if (life.addedFy !== undefined) parts.push(`（${t.added(view.fy(life.addedFy))}）`);
    if (life.into.length > 0) parts.push(` ${t.into(life.into.join(t.listSeparator))}`);
    rows.push({ cells: [label(t.status), value([parts.join(''), ...(life.note ? [life.note] : [])])] });
  }
  if (node.previousCodes.length > 0) {
    rows.push({ cells: [label(t.previousCodes), value([node.previousCodes.join(t.listSeparator)])] });
  }
  if (node.carriedFrom) {
    const from = node.carriedFrom;
    const plan = view.plan.predecessor?.slug === from.plan ? view.plan.predecessor.title : from.plan;
    rows.push({ cells: [label(t.carriedFrom), value([`${plan} ${from.code}`])] });
  }
  const missing = node.sourceNotes.filter((n) => n.kind === 'sheet-missing');
  if (missing.length > 0) {
    // The note says it once, in the plan's own words; English adds what it means before the Japanese note.
    const notes = missing.map((n) => n.text);
    rows.push({ cells: [label(t.notes), value(view.lang === 'en' ? [t.sheetMissing, ...notes] : notes)] });
  }
  const roadmap = roadmapRows(node);
  if (roadmap.length > 0) {
    rows.push({ cells: [{ lines: [t.roadmap], span: 4, role: 'header' }] });
    for (const r of roadmap) {
      const fy = view.fy(r.fy, 'short');
      const text = r.kind === 'actual' ? t.roadmapActual(fy) : t.roadmapPlan(fy);
      rows.push({ cells: [label(text), value(orNone(r.items, t.none), { bullets: r.items.length > 0 })] });
    }
  }
  return { widths: [0.235, 0.145, 0.15, 0.47], rows };
}

/** Baseline, targets, actuals and computed progress of each KPI. */
function indicatorTable(node: PlanNode, view: EditionView): TableModel | undefined {
  if (node.indicators.length === 0) return undefined;
  const { t } = view;
  const header = (text: string): TableCell => ({ lines: [text], role: 'header', align: 'center' });
  const rows: TableRow[] = [
    {
      cells: [
        header(t.indicatorName),
        header(t.baseline),
        header(t.target),
        header(t.actuals),
        header(t.progress(view.fy(view.asOfFy))),
      ],
    },
  ];
  for (const indicator of node.indicators) {
    const x = indicatorText(indicator, view);
    const verdict = kpiVerdictText(view, indicator, view.asOfFy);
    const progress = [x.progress, ...(x.formula ? [x.formula] : []), ...(verdict ? [verdict] : [])];
    rows.push({
      cells: [
        { lines: [x.name] },
        { lines: [x.baseline || t.none], small: true },
        { lines: orNone(x.targets, t.none), small: true },
        { lines: orNone(x.actuals, t.none), small: true },
        { lines: progress, small: true, align: 'center' },
      ],
    });
    const travel = periodTravelRow(view, indicator);
    if (travel) rows.push(travel);
  }
  // The item's KPI verdicts counted, only where the plan declares a KPI verdict.
  const counts = itemVerdictCounts(view, node, view.asOfFy);
  if (counts) {
    rows.push({
      cells: [
        { lines: [t.kpiVerdict(view.fy(view.asOfFy, 'short'))], role: 'label', small: true },
        { lines: [verdictCountsText(view, counts)], span: 4, small: true },
      ],
    });
  }
  // The verdict of the plan's own status rule, in words (the PDF may be printed in black and white); none when
  // the plan declares no rule.
  const s =
    isActiveIn(node, view.asOfFy) && node.indicators.some((i) => i.kind !== 'text')
      ? initiativeStatus(view.plan, node, view.asOfFy)
      : null;
  if (s) {
    const en = view.lang === 'en';
    const pct = (x: number) => formatPercent(x, view.plan.rollup.decimals, view.lang);
    const direction = t.direction[s.direction] ?? '';
    const level = s.level ? (en ? (s.level.labelEn ?? s.level.label) : s.level.label) : t.notJudged;
    const computed = `${level}${s.arrow ? ` ${s.arrow} ${direction}` : ''}`;
    const set = s.override && (en ? (s.override.level.labelEn ?? s.override.level.label) : s.override.level.label);
    const text = [
      // A verdict set by hand comes first, named as such; the computed one stays beside it, named too.
      ...(s.override ? [t.setByHand(set as string), t.computedVerdict(computed)] : [computed]),
      // No figure to judge (e.g. every KPI's actual missing): say why instead of a percentage.
      s.percent === null
        ? s.formula[view.lang]
        : `${pct(s.percent)}${s.previousPercent === null ? '' : ` ← ${pct(s.previousPercent)}`}`,
      ...(s.expected === null ? [] : [t.expected(pct(s.expected))]),
      ...(s.raisedByImprovement ? [t.raised] : []),
      ...(s.override ? [t.overrideReason(s.override.reason)] : []),
      en ? s.explanation.en : s.explanation.ja,
    ].join(en ? '; ' : '　');
    const name = en ? (s.rule.nameEn ?? s.rule.name) : s.rule.name;
    rows.push({
      cells: [
        { lines: [t.kpiStatus(name, view.fy(view.asOfFy, 'short'))], role: 'label', small: true },
        { lines: [text], span: 4, small: true },
      ],
    });
  }
  return { widths: [0.24, 0.18, 0.2, 0.22, 0.16], rows, headerRows: 1, caption: t.indicators };
}

/**
 * The tables of one initiative sheet, in print order: the sheet itself, its KPIs, the rating row per fiscal year
 * for each scale the plan defines, and the ratings of each evaluation stage where the plan declares stages.
 */
export function sheetTables(node: PlanNode, view: EditionView): TableModel[] {
  const tables = [mainTable(node, view)];
  const kpi = indicatorTable(node, view);
  if (kpi) tables.push(kpi);
  tables.push(...ratingGrids(node, view));
  const stages = stageTable(node, view);
  if (stages) tables.push(stages);
  const periods = periodTable(node, view);
  if (periods) tables.push(periods);
  return tables;
}
