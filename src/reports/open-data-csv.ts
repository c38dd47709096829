import { stringify } from 'csv-stringify/sync';
import {
  assessmentOf,
  type EditionContent,
  fieldsOn,
  findLevel,
  formatCalendarYear,
  formatFiscalYear,
  formatIndicatorPeriod,
  furtherDimensionFigures,
  INDICATOR_KIND,
  isItemNode,
  listedTitle,
  type PlanNode,
  type PlanRollup,
  planRollup,
  type RatingScale,
  ratingQuery,
  sheetFieldsOf,
  statedFigureViews,
  valueLabels,
  type WalkedNode,
  walkNodes,
} from '../domain/index.ts';
import { indicatorEvaluationColumns, initiativeEvaluationColumns } from './evaluation-columns.ts';
import { type Column, fieldTextColumns, tableOf } from './field-columns.ts';

/**
 * Open-data CSV of a published edition: a plain model (header + rows of strings) built by pure functions, then
 * one writer. Columns are Japanese, as Japanese open data is; fiscal years appear both as the Western start
 * year (for machines) and in 和暦 (for people).
 */

export interface EditionMeta {
  name: string;
  fy: number;
  publishedAt: string;
}

export type CsvTable = string[][];

/**
 * One row per initiative with its place in the tree, departments, status and rating in every plan year; further
 * rating dimensions (e.g. 改善度 beside 達成度) follow as columns of their own, year by year. The sheet fields
 * come from the catalogue (built-in, then the plan's own), each a column or one a year.
 */
export function initiativeRows(content: EditionContent, edition: EditionMeta): CsvTable {
  const plan = content.plan;
  const scale = plan.ratingScales[0]!;
  const others = plan.ratingScales.slice(1);
  const years: number[] = [];
  for (let fy = plan.period.startFy; fy <= plan.period.endFy; fy++) years.push(fy);
  const dept = new Map(content.departments.map((d) => [d.code, d.name]));
  const evaluation = initiativeEvaluationColumns(content, edition.fy);
  const rows = [...walkNodes(plan)].filter((w) => isItemNode(w.node));
  const fields = fieldsOn(
    'csv',
    sheetFieldsOf(plan),
    rows.map((r) => r.node),
  );
  // 状態 and SDGs keep the places they had before the catalogue; the other fields follow SDGs.
  const [status, ...rest] = fieldTextColumns<WalkedNode>(fields, years, (r, f) => f.read(r.node));
  const rating = (fy: number, s: RatingScale, r: WalkedNode) => {
    const a = assessmentOf(r.node, fy, s.key, ratingQuery(plan));
    return { a, level: a ? findLevel(s, a.level) : undefined };
  };
  const otherStages = (plan.evaluationStages ?? []).filter((st) => st.key !== plan.listedStage);
  const ratingLabel = (fy: number, s: RatingScale) => (r: WalkedNode) => {
    const { a, level } = rating(fy, s, r);
    return a ? (level?.label ?? a.level) : '';
  };
  // The evaluation columns of a row are computed together (one status judgement a row, not one a column).
  const judged = new Map<PlanNode, string[]>();
  const evaluationCell = (i: number) => (r: WalkedNode) => {
    if (!judged.has(r.node)) judged.set(r.node, evaluation.cells(r.node));
    return judged.get(r.node)![i]!;
  };
  const columns: Column<WalkedNode>[] = [
    { header: '団体', cell: () => content.organization.name },
    { header: '計画', cell: () => plan.title },
    { header: '版', cell: () => edition.name },
    { header: '版の対象年度', cell: () => String(edition.fy) },
    { header: '上位の番号', cell: (r) => r.ancestors.at(-1)?.code ?? '' },
    { header: '上位の名称', cell: (r) => r.ancestors.at(-1)?.title ?? '' },
    { header: '番号', cell: (r) => r.node.code },
    { header: '名称', cell: (r) => r.node.title },
    { header: '担当課', cell: (r) => r.node.departments.map((c) => dept.get(c) ?? c).join('、') },
    { header: '担当課コード', cell: (r) => r.node.departments.join(';') },
    status!,
    { header: 'SDGs', cell: (r) => r.node.sdgs.join(';') },
    ...rest,
    { header: '一覧の名称', cell: (r) => listedTitle(plan, r.node) },
    { header: '出典の注記', cell: (r) => r.node.sourceNotes.map((n) => n.text).join('、') },
    ...years.flatMap((fy): Column<WalkedNode>[] => [
      { header: `${formatFiscalYear(fy)} ${scale.name}`, cell: ratingLabel(fy, scale) },
      {
        header: `${formatFiscalYear(fy)} ${scale.name}（数値）`,
        cell: (r) => {
          const { level } = rating(fy, scale, r);
          return level && !level.excluded && level.score !== null ? String(level.score) : '';
        },
      },
    ]),
    ...others.flatMap((s) =>
      years.map((fy) => ({ header: `${formatFiscalYear(fy)} ${s.name}`, cell: ratingLabel(fy, s) })),
    ),
    // Ratings of the evaluation stages the 一覧 does not list (事中, 一次評価 …), scale by scale, year by year.
    ...otherStages.flatMap((stage) =>
      plan.ratingScales.flatMap((s) =>
        years.map((fy) => ({
          header: `${formatFiscalYear(fy)} ${s.name}（${stage.name}）`,
          cell: (r: WalkedNode) => {
            const a = assessmentOf(r.node, fy, s.key, { ...ratingQuery(plan), stage: stage.key });
            return a ? (findLevel(s, a.level)?.label ?? a.level) : '';
          },
        })),
      ),
    ),
    ...evaluation.header.map((header, i) => ({ header, cell: evaluationCell(i) })),
  ];
  return tableOf(columns, rows);
}

const KIND = valueLabels(INDICATOR_KIND, 'ja');

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

/**
 * One row per indicator value: the baseline, each year's target and actual, values for parts of a year (四半期,
 * 半期), the target for the period and the targets it replaced. Calendar-year indicators print 2024年, not 年度.
 */
export function indicatorRows(content: EditionContent): CsvTable {
  const header = [
    '取組番号',
    '取組名',
    '指標',
    '単位',
    '種類',
    '少ないほど良い',
    '区分',
    '年度',
    '年度（和暦）',
    '目標値',
    '実績値',
    '速報値',
    '注記',
  ];
  const evaluation = indicatorEvaluationColumns(content);
  header.push(...evaluation.header);
  // Rows that are not one year's value (baseline, targets) leave the evaluation columns empty.
  const blank = evaluation.header.map(() => '');
  const rows: CsvTable = [header];
  const startMonth = content.plan.fiscalYearStartMonth;
  for (const { node } of walkNodes(content.plan)) {
    for (const ind of node.indicators) {
      const base = [
        node.code,
        node.title,
        ind.name,
        ind.unit,
        KIND[ind.kind],
        ind.direction === 'unknown' ? '' : ind.direction === 'lower' ? 'はい' : 'いいえ',
      ];
      const yearText = (fy: number) =>
        ind.yearBasis === 'calendar' ? formatCalendarYear(fy) : formatFiscalYear(fy, { startMonth });
      const fyCells = (fy: number) => [String(fy), yearText(fy)];
      if (ind.baseline) {
        rows.push([
          ...base,
          '基準値',
          ...fyCells(ind.baseline.fy),
          '',
          num(ind.baseline.value),
          '',
          ind.baseline.note ?? '',
          ...blank,
        ]);
      }
      for (const v of ind.values.filter((x) => x.period === 'FY').sort((a, b) => a.fy - b.fy)) {
        const note = [v.targetNote, v.actualNote].filter(Boolean).join(' / ');
        rows.push([
          ...base,
          '年度',
          ...fyCells(v.fy),
          num(v.target),
          num(v.actual),
          v.provisional ? 'はい' : '',
          note,
          ...evaluation.cells({ indicator: ind, fy: v.fy }),
        ]);
      }
      for (const v of ind.values.filter((x) => x.period !== 'FY')) {
        const note = [v.targetNote, v.actualNote].filter(Boolean).join(' / ');
        const when = formatIndicatorPeriod(ind, v.fy, v.period, { startMonth });
        const cells = [String(v.fy), when, num(v.target), num(v.actual), v.provisional ? 'はい' : '', note];
        rows.push([...base, `期間（${v.period}）`, ...cells, ...blank]);
      }
      for (const h of ind.targetHistory) {
        rows.push([...base, '見直し前の目標', ...fyCells(h.fromFy), num(h.value), '', '', h.note ?? '', ...blank]);
      }
      if (ind.target) {
        rows.push([
          ...base,
          '計画期間の目標',
          ...fyCells(ind.target.fy),
          num(ind.target.value),
          '',
          '',
          ind.target.note ?? '',
          ...blank,
        ]);
      }
    }
  }
  return rows;
}

/**
 * The plan roll-up per year, as the plan's 一覧 opens with it (目標達成率（全体平均） 40.5%): one row per year that
 * has ratings, with the method that made the figure and how many items it counts. A table of its own, so that
 * the initiative rows stay one record per row with no totals among them.
 */
export function rollupRows(content: EditionContent, edition: EditionMeta): CsvTable {
  const plan = content.plan;
  const scale = plan.ratingScales[0]!;
  const years: number[] = [];
  for (let fy = plan.period.startFy; fy <= plan.period.endFy; fy++) years.push(fy);
  /** One figure of one year: the name it is listed under, its scale, its year and its cells. */
  interface Figure {
    name: string;
    s: RatingScale;
    fy: number;
    cells: { method: string; value: string; formatted: string; total: string; assessed: string };
  }
  const ofRollup = (r: PlanRollup): Figure['cells'] => ({
    method: r.methodLabel.ja,
    value: r.value === null ? '' : String(r.value),
    formatted: r.formatted,
    total: String(r.totalCount),
    assessed: String(r.assessedCount),
  });
  const columns: Column<Figure>[] = [
    { header: '団体', cell: () => content.organization.name },
    { header: '計画', cell: () => plan.title },
    { header: '版', cell: () => edition.name },
    { header: '版の対象年度', cell: () => String(edition.fy) },
    { header: '名称', cell: (f) => f.name },
    { header: '年度', cell: (f) => String(f.fy) },
    { header: '年度（和暦）', cell: (f) => formatFiscalYear(f.fy) },
    { header: '評価尺度', cell: (f) => f.s.name },
    { header: '集計方法', cell: (f) => f.cells.method },
    { header: '値', cell: (f) => f.cells.value },
    { header: '表示', cell: (f) => f.cells.formatted },
    { header: '対象件数', cell: (f) => f.cells.total },
    { header: '評価済件数', cell: (f) => f.cells.assessed },
  ];
  const figures: Figure[] = [];
  const name = plan.rollup.method === 'mean' ? `${scale.name}（全体平均）` : `${scale.name}（計画全体）`;
  for (const fy of years) {
    const r = planRollup(plan, fy, { scope: 'plan' });
    if (r.ok && r.value.assessedCount > 0) figures.push({ name, s: scale, fy, cells: ofRollup(r.value) });
  }
  // Further dimensions (改善度 beside 達成度) follow, each figure year by year: its mean, then its distribution.
  const further = years.map((fy) => {
    const f = furtherDimensionFigures(plan, fy, { scope: 'plan' });
    return f.ok ? f.value : [];
  });
  for (let k = 0; k < (further[0]?.length ?? 0); k++) {
    years.forEach((fy, i) => {
      const f = further[i]?.[k];
      if (!f || f.rollup.assessedCount === 0) return;
      const kind = f.rollup.method === 'distribution' ? '分布' : '全体平均';
      figures.push({ name: `${f.scale.name}（${kind}）`, s: f.scale, fy, cells: ofRollup(f.rollup) });
    });
  }
  // Aggregates the body published (公表値), each followed by the figure computed from the items' ratings.
  for (const f of statedFigureViews(plan)) {
    const s = plan.ratingScales.find((x) => x.key === f.figure.scale) ?? scale;
    const what = f.figure.scope === undefined ? f.what.ja : `${f.figure.scope}の${f.what.ja}`;
    const { value, count, of } = f.figure;
    const stated = value ?? (count !== undefined && of !== undefined ? (count * 100) / of : undefined);
    const fy = f.figure.fy;
    figures.push({
      name: `${what}（公表値）`,
      s,
      fy,
      cells: {
        method: f.figure.source ?? '公表値',
        value: num(stated),
        formatted: f.stated.ja,
        total: '',
        assessed: '',
      },
    });
    if (f.computed) {
      const { value: v, formatted, basis } = f.computed;
      const cells = { method: basis.ja, value: String(v), formatted, total: '', assessed: '' };
      figures.push({ name: `${what}（評価から計算）`, s, fy, cells });
    }
  }
  return tableOf(columns, figures);
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell made safe for spreadsheets: text starting with = + - @ (or a tab or carriage return) would be read as
 * a formula by Excel, so it gets a leading apostrophe; so does full-width ＝ ＋ － ＠, which Excel with Japanese
 * input reads as the same. Plain numbers such as "-5" stay numbers.
 * @example neutralizeCell('=1+2') // "'=1+2"
 */
export function neutralizeCell(value: string): string {
  if (NUMBER.test(value)) return value;
  return /^[=+\-@\t\r＝＋－＠]/.test(value) ? `'${value}` : value;
}

/** Writes a table as CSV (RFC 4180, CRLF), UTF-8; with `bom` a byte-order mark lets Excel detect UTF-8. */
export function writeCsv(table: CsvTable, options: { bom?: boolean } = {}): string {
  return stringify(
    table.map((row) => row.map(neutralizeCell)),
    { bom: options.bom ?? false, record_delimiter: 'windows', quoted_match: /[",\r\n]/ },
  );
}
