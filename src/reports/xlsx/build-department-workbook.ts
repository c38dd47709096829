import type { DepartmentSheets } from '../../app/index.ts';
import { assessmentOf, findLevel, formatFiscalYear } from '../../domain/index.ts';
import { editionView } from '../edition-view.ts';
import { indicatorText } from '../indicator-text.ts';
import { departmentFieldColumns, fieldRowCells, fieldSheetColumns } from './department-field-columns.ts';
import {
  actualHeader,
  DEPT_FORMAT,
  DEPT_SHEETS,
  GUIDE_INFO,
  GUIDE_LEGEND_CELL,
  GUIDE_LINES,
  ITEM_HEADERS as H,
  KPI_HEADERS as K,
  kpiActualHeader,
  kpiNoteHeader,
  META_KEYS,
  planHeader,
  planReferenceHeader,
  ratingHeader,
} from './department-workbook-layout.ts';
import { joinLines } from './plan-workbook-layout.ts';
import type { CellValue, SheetColumn, SheetModel, Validation, WorkbookModel } from './workbook-model.ts';

const TEXT = '@';

/** A hidden, untouchable copy of an entry sheet as written: what each cell held when the file was made. */
const baseCopy = (name: string, columns: SheetColumn[], rows: CellValue[][]): SheetModel => ({
  name,
  columns: columns.map(({ header, width, numFmt }) => ({ header, width, ...(numFmt && { numFmt }) })),
  rows,
  hidden: true,
  protect: true,
});

/**
 * The 課 workbook for one reporting year, pre-filled from the working content: fixed fields locked, entry cells
 * (the year's 実績, later years' 計画, self-rating from a list of the scale's levels, comment, KPI actuals)
 * unlocked and yellow, and hidden row ids and versions so an upload can be matched and checked for conflicts.
 */
export function buildDepartmentWorkbook(s: DepartmentSheets): WorkbookModel {
  const view = editionView({ organization: s.organization, departments: s.departments, plan: s.plan }, 'ja');
  const { fy, plan } = s;
  const scale = plan.ratingScales[0]!;
  const later: number[] = [];
  for (let y = fy + 1; y <= plan.period.endFy; y++) later.push(y);
  const ratingValidation: Validation =
    scale.kind === 'numeric'
      ? {
          kind: 'decimal',
          min: scale.min,
          max: scale.max,
          message: {
            ja: `${scale.min}～${scale.max}の数値を入力してください`,
            en: `Enter a number from ${scale.min} to ${scale.max}`,
          },
        }
      : {
          kind: 'list',
          options: scale.levels.map((l) => l.label),
          message: { ja: '一覧から選んでください', en: 'Choose from the list' },
        };
  const fields = departmentFieldColumns(
    plan,
    s.nodes.map((n) => n.node),
  );
  const entryText = (header: string): SheetColumn => ({ header, width: 40, wrap: true, entry: true, numFmt: TEXT });
  const itemColumns: SheetColumn[] = [
    { header: H.rowId, width: 8, hidden: true },
    { header: H.version, width: 5, hidden: true },
    { header: H.code, width: 7 },
    { header: H.title, width: 30, wrap: true },
    { header: H.departments, width: 14, wrap: true },
    { header: H.goal, width: 30, wrap: true },
    ...fieldSheetColumns(fields.reference),
    { header: planReferenceHeader(fy), width: 36, wrap: true },
    entryText(actualHeader(fy)),
    ...later.map((y) => entryText(planHeader(y))),
    { header: ratingHeader(scale.name), width: 14, entry: true, numFmt: TEXT, validation: ratingValidation },
    entryText(H.comment),
    ...fieldSheetColumns(fields.entry),
  ];
  // A shared initiative this 課 does not lead: the row is its own part (実績 and comment); the rating and 計画 cells
  // stay empty, they are the lead 課's, and its KPIs are not listed.
  const isPart = (node: { departments: string[] }) => node.departments[0] !== s.department.code;
  const itemRows: CellValue[][] = s.nodes.map(({ code, version, node }) => {
    const entry = (y: number) => node.roadmap.find((r) => r.fy === y);
    const a = assessmentOf(node, fy, scale.key, { primaryScale: scale.key, listedStage: s.plan.listedStage });
    if (isPart(node)) {
      const mine = node.contributions?.find((c) => c.fy === fy && c.department === s.department.code);
      return [
        code,
        version,
        code,
        node.title,
        node.departments.map(view.departmentName).join('、'),
        node.goal ?? null,
        ...fieldRowCells(fields.reference, node, plan, true),
        joinLines(entry(fy)?.plan ?? []) || null,
        joinLines(mine?.actual ?? []) || null,
        ...later.map(() => null),
        null,
        mine?.comment ?? null,
        ...fieldRowCells(fields.entry, node, plan, true),
      ];
    }
    return [
      code,
      version,
      code,
      node.title,
      node.departments.map(view.departmentName).join('、'),
      node.goal ?? null,
      ...fieldRowCells(fields.reference, node, plan, false),
      joinLines(entry(fy)?.plan ?? []) || null,
      joinLines(entry(fy)?.actual ?? []) || null,
      ...later.map((y) => joinLines(entry(y)?.plan ?? []) || null),
      a ? (findLevel(scale, a.level)?.label ?? a.level) : null,
      a?.comment ?? null,
      ...fieldRowCells(fields.entry, node, plan, false),
    ];
  });
  const kpiColumns: SheetColumn[] = [
    { header: K.rowId, width: 8, hidden: true },
    { header: K.version, width: 5, hidden: true },
    { header: K.key, width: 10, hidden: true },
    { header: K.code, width: 7 },
    { header: K.title, width: 24, wrap: true },
    { header: K.name, width: 24, wrap: true },
    { header: K.unit, width: 6 },
    { header: K.target, width: 30, wrap: true },
    { header: K.earlier, width: 30, wrap: true },
    {
      header: kpiActualHeader(fy),
      width: 12,
      entry: true,
      validation: { kind: 'decimal', message: { ja: '数値を入力してください', en: 'Enter a number' } },
    },
    entryText(kpiNoteHeader(fy)),
  ];
  const kpiRows: CellValue[][] = s.nodes.flatMap(({ code, version, node }) =>
    (isPart(node) ? [] : node.indicators).map((ind) => {
      const text = indicatorText(ind, { ...view, asOfFy: fy - 1 });
      const mine = ind.values.find((v) => v.fy === fy && v.period === 'FY');
      const earlier = text.actuals.filter((line) => !line.startsWith(formatFiscalYear(fy)));
      return [
        code,
        version,
        ind.key,
        code,
        node.title,
        ind.name,
        ind.unit || null,
        joinLines(text.targets) || null,
        joinLines(earlier) || null,
        typeof mine?.actual === 'number' ? mine.actual : null,
        mine?.actualNote ?? null,
      ];
    }),
  );
  const title = `${formatFiscalYear(fy)} 進捗状況調査（${s.department.name}）`;
  const print = { titleRows: 1 } as const;
  const sheets: SheetModel[] = [
    {
      name: DEPT_SHEETS.guide,
      columns: [{ header: title, width: 110, wrap: true }],
      // Rows 2–4 say whose file this is (an upload for another 課, plan or year is refused naming these cells).
      rows: [
        [`${plan.title}／${s.organization.name}`],
        [`${GUIDE_INFO.department}${s.department.name}`],
        [`${GUIDE_INFO.fy}${formatFiscalYear(fy)}`],
        [GUIDE_INFO.legend],
        ...GUIDE_LINES.map((l) => [`・${l}`]),
      ],
      entryCells: [GUIDE_LEGEND_CELL],
      protect: true,
      print,
    },
    { name: DEPT_SHEETS.items, columns: itemColumns, rows: itemRows, freezeHeader: true, protect: true, print },
    { name: DEPT_SHEETS.indicators, columns: kpiColumns, rows: kpiRows, freezeHeader: true, protect: true, print },
    baseCopy(DEPT_SHEETS.itemsBase, itemColumns, itemRows),
    baseCopy(DEPT_SHEETS.indicatorsBase, kpiColumns, kpiRows),
    {
      name: DEPT_SHEETS.meta,
      columns: [
        { header: '項目', width: 10 },
        { header: '値', width: 30 },
        { header: '入力欄', width: 30 },
      ],
      rows: [
        [META_KEYS.format, DEPT_FORMAT],
        [META_KEYS.organization, s.organization.slug],
        [META_KEYS.plan, plan.slug],
        [META_KEYS.department, s.department.code],
        [META_KEYS.fy, fy],
        ...[...fields.reference, ...fields.entry].map((c) => [META_KEYS.fieldColumn, c.header, c.input ?? null]),
      ],
      hidden: true,
      protect: true,
    },
  ];
  return { title, creator: s.organization.name, sheets };
}
