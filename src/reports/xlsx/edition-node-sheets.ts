import { formatFiscalYear, walkNodes } from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import { indicatorText } from '../indicator-text.ts';
import { kpiVerdictText } from '../verdict-text.ts';
import { fieldCell, fieldSheetColumn } from './field-sheet-columns.ts';
import { editionFieldColumns } from './node-field-columns.ts';
import {
  DIRECTION_LABELS,
  EMPTY_ENTRY,
  INDICATOR_HEADERS as I,
  joinLines,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  NODE_HEADERS as N,
  SHEETS,
  VALUE_BASIS_LABELS,
  YEAR_BASIS_LABELS,
  yearHeader,
} from './plan-workbook-layout.ts';
import type { CellValue, SheetColumn, SheetModel } from './workbook-model.ts';

const text = (header: string, width: number, wrap = false): SheetColumn => ({ header, width, wrap });
const fyText = (fy: number | undefined) => (fy === undefined ? null : formatFiscalYear(fy));
const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);

function sortedYears(years: Iterable<number>): number[] {
  return [...new Set(years)].sort((a, b) => a - b);
}

/** 取組一覧: one row per node of the tree (filter 階層 for initiatives), every field of its sheet. */
export function nodesSheet(view: EditionView): SheetModel {
  const { plan } = view;
  const nodes = [...walkNodes(plan)];
  const years = sortedYears([...view.years, ...nodes.flatMap((w) => w.node.roadmap.map((r) => r.fy))]);
  const fields = editionFieldColumns(
    plan,
    nodes.map((w) => w.node),
  );
  const columns: SheetColumn[] = [
    text(N.code, 8),
    text(N.level, 12),
    text(N.parent, 8),
    text(N.title, 40, true),
    text(N.titleEn, 30, true),
    text(N.departments, 20, true),
    text(N.departmentCodes, 20),
    text(N.situationFy, 11),
    text(N.situation, 60, true),
    text(N.challengesFy, 11),
    text(N.challenges, 60, true),
    text(N.goal, 40, true),
    text(N.sdgs, 8),
    text(N.status, 8),
    text(N.statusFromFy, 11),
    text(N.statusInto, 10),
    text(N.statusNote, 20, true),
    text(N.weight, 6),
    text(N.previousCodes, 8),
    text(N.titleVariants, 30, true),
    text(N.sourceNotes, 40, true),
    text(N.separateGroup, 8),
    ...fields.map((c) => fieldSheetColumn(c, false)),
    ...years.flatMap((fy) => [text(yearHeader(fy, 'plan'), 40, true), text(yearHeader(fy, 'actual'), 40, true)]),
  ];
  const rows: CellValue[][] = [];
  for (const { node, ancestors, depth } of nodes) {
    const life = node.lifecycle;
    const roadmap = new Map(node.roadmap.map((r) => [r.fy, r]));
    rows.push([
      node.code,
      plan.levels[depth - 1]?.ja ?? String(depth),
      ancestors.at(-1)?.code ?? null,
      node.title,
      orNull(node.titleEn),
      orNull(node.departments.map(view.departmentName).join('、')),
      orNull(node.departments.join('、')),
      fyText(node.situation?.asOfFy),
      node.situation ? joinLines(node.situation.items) : null,
      fyText(node.challenges?.asOfFy),
      node.challenges ? joinLines(node.challenges.items) : null,
      orNull(node.goal),
      orNull(node.sdgs.join('、')),
      LIFECYCLE_LABELS[life.status],
      fyText(life.fromFy),
      orNull(life.into.join('、')),
      orNull(life.note),
      node.weight ?? null,
      orNull(node.previousCodes.join('、')),
      orNull(joinLines(node.titleVariants.map((v) => `${v.source}：${v.title}`))),
      orNull(joinLines(node.sourceNotes.map((n) => `[${n.kind}] ${n.text}`))),
      node.separateGroup ? 'はい' : null,
      ...fields.map((c) => fieldCell(c, c.field.read(node))),
      ...years.flatMap((fy) => {
        const r = roadmap.get(fy);
        // A year the source prints with nothing planned ("R5計画 -") keeps its row as "-".
        if (r && r.plan.length === 0 && r.actual.length === 0) return [EMPTY_ENTRY, null];
        return [orNull(joinLines(r?.plan ?? [])), orNull(joinLines(r?.actual ?? []))];
      }),
    ]);
  }
  return { name: SHEETS.nodes, columns, rows, freezeHeader: true, autoFilter: true };
}

const num = (x: number | null | undefined) => (typeof x === 'number' ? x : null);

/** 指標: one row per KPI with its definition, computed progress and values per fiscal year. */
export function indicatorsSheet(view: EditionView): SheetModel {
  const withIndicators = [...walkNodes(view.plan)].map((w) => w.node).filter((n) => n.indicators.length > 0);
  const years = sortedYears([
    ...view.years,
    ...withIndicators.flatMap((n) => n.indicators.flatMap((i) => i.values.map((v) => v.fy))),
  ]);
  const progressHeader = `達成度（${formatFiscalYear(view.asOfFy)}時点）`;
  const verdicts = view.plan.evaluation?.kpiVerdict !== undefined;
  const columns: SheetColumn[] = [
    text(I.code, 8),
    text(I.title, 30, true),
    text(I.key, 14),
    text(I.name, 30, true),
    text(I.nameEn, 24, true),
    text(I.unit, 6),
    { header: I.decimals, width: 8 },
    text(I.kind, 10),
    text(I.direction, 12),
    text(I.valueBasis, 10),
    text(I.yearBasis, 8),
    text(I.baselineFy, 11),
    { header: I.baseline, width: 10 },
    text(I.baselineNote, 20, true),
    text(I.baselineAsOf, 10),
    text(I.targetFy, 11),
    text(I.targetFromFy, 11),
    text(I.targetInForceFromFy, 11),
    { header: I.target, width: 10 },
    text(I.targetNote, 24, true),
    text(I.targetHistory, 24, true),
    text(I.note, 30, true),
    { header: progressHeader, width: 12, numFmt: '0.0' },
    // Output only, where the plan declares a KPI verdict (the plan workbook reader ignores it).
    ...(verdicts ? [text(`成果指標の判定（${formatFiscalYear(view.asOfFy)}）`, 14, true)] : []),
    ...years.flatMap((fy): SheetColumn[] => [
      { header: yearHeader(fy, 'target'), width: 10 },
      text(yearHeader(fy, 'targetNote'), 16, true),
      { header: yearHeader(fy, 'value'), width: 10 },
      text(yearHeader(fy, 'valueNote'), 20, true),
      text(yearHeader(fy, 'provisional'), 8),
    ]),
  ];
  const rows: CellValue[][] = [];
  for (const node of withIndicators) {
    for (const ind of node.indicators) {
      const progress = indicatorText(ind, view).percent;
      const values = new Map(ind.values.filter((v) => v.period === 'FY').map((v) => [v.fy, v]));
      rows.push([
        node.code,
        node.title,
        ind.key,
        ind.name,
        orNull(ind.nameEn),
        orNull(ind.unit),
        num(ind.decimals),
        KIND_LABELS[ind.kind],
        DIRECTION_LABELS[ind.direction],
        VALUE_BASIS_LABELS[ind.valueBasis],
        YEAR_BASIS_LABELS[ind.yearBasis],
        fyText(ind.baseline?.fy),
        num(ind.baseline?.value),
        orNull(ind.baseline?.note),
        orNull(ind.baseline?.asOf),
        fyText(ind.target?.fy),
        fyText(ind.target?.fromFy),
        fyText(ind.target?.inForceFromFy),
        num(ind.target?.value),
        orNull(ind.target?.note),
        orNull(
          joinLines(
            ind.targetHistory.map((h) =>
              [formatFiscalYear(h.fromFy), String(h.value), h.note ?? '', h.decidedOn ?? ''].join('｜'),
            ),
          ),
        ),
        orNull(ind.note),
        progress,
        ...(verdicts ? [kpiVerdictText(view, ind, view.asOfFy)] : []),
        ...years.flatMap((fy) => {
          const v = values.get(fy);
          return [
            num(v?.target),
            orNull(v?.targetNote),
            num(v?.actual),
            orNull(v?.actualNote),
            v?.provisional ? '○' : null,
          ];
        }),
      ]);
    }
  }
  return { name: SHEETS.indicators, columns, rows, freezeHeader: true, autoFilter: true };
}
