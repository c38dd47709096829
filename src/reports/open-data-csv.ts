import { stringify } from 'csv-stringify/sync';
import {
  assessmentOf,
  comparePeriods,
  type EditionContent,
  fieldsOn,
  findLevel,
  formatIndicatorPeriod,
  furtherDimensionFigures,
  isItemNode,
  leafNodes,
  listedTitle,
  nodeTypeRollups,
  type PartPeriod,
  type PlanDocument,
  type PlanNode,
  type PlanRollup,
  periodRatingsOf,
  planRollup,
  type RatingScale,
  ratingQuery,
  sheetFieldsOf,
  statedFigureViews,
  type WalkedNode,
  walkNodes,
} from '../domain/index.ts';
import { type CsvLang, csvWords } from './csv-words.ts';
import { initiativeEvaluationColumns } from './evaluation-columns.ts';
import { type Column, fieldTextColumns, tableOf } from './field-columns.ts';

/**
 * Open-data CSV of a published edition: a plain model (header + rows of strings) built by pure functions, then
 * one writer. Columns are in the plan's language: Japanese, as Japanese open data is, or English for an English
 * plan; fiscal years appear both as the Western start year (for machines) and as the plan names them (令和4年度,
 * 2025/26, 2025) for people.
 */

export { indicatorRows } from './indicator-csv.ts';

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
export function initiativeRows(content: EditionContent, edition: EditionMeta, lang?: CsvLang): CsvTable {
  const plan = content.plan;
  const w = csvWords(plan, lang);
  const scale = plan.ratingScales[0]!;
  const others = plan.ratingScales.slice(1);
  const years: number[] = [];
  for (let fy = plan.period.startFy; fy <= plan.period.endFy; fy++) years.push(fy);
  const dept = new Map(content.departments.map((d) => [d.code, d.name]));
  const evaluation = initiativeEvaluationColumns(content, edition.fy, w.lang);
  const rows = [...walkNodes(plan)].filter((w) => isItemNode(w.node));
  const fields = fieldsOn(
    'csv',
    sheetFieldsOf(plan),
    rows.map((r) => r.node),
  );
  // 状態 and SDGs keep the places they had before the catalogue; the other fields follow SDGs.
  const [status, ...rest] = fieldTextColumns<WalkedNode>(fields, years, (r, f) => f.read(r.node), w.lang);
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
    { header: w.organization, cell: () => content.organization.name },
    { header: w.plan, cell: () => plan.title },
    { header: w.edition, cell: () => edition.name },
    { header: w.editionFy, cell: () => String(edition.fy) },
    { header: w.parentCode, cell: (r) => r.ancestors.at(-1)?.code ?? '' },
    { header: w.parentTitle, cell: (r) => r.ancestors.at(-1)?.title ?? '' },
    { header: w.code, cell: (r) => r.node.code },
    { header: w.title, cell: (r) => r.node.title },
    { header: w.departments, cell: (r) => r.node.departments.map((c) => dept.get(c) ?? c).join(w.list) },
    { header: w.departmentCodes, cell: (r) => r.node.departments.join(';') },
    status!,
    { header: 'SDGs', cell: (r) => r.node.sdgs.join(';') },
    ...rest,
    { header: w.listedTitle, cell: (r) => listedTitle(plan, r.node) },
    { header: w.sourceNotes, cell: (r) => r.node.sourceNotes.map((n) => n.text).join(w.list) },
    ...years.flatMap((fy): Column<WalkedNode>[] => [
      { header: `${w.fy(fy)} ${scale.name}`, cell: ratingLabel(fy, scale) },
      {
        header: `${w.fy(fy)} ${w.qualified(scale.name, w.score)}`,
        cell: (r) => {
          const { level } = rating(fy, scale, r);
          return level && !level.excluded && level.score !== null ? String(level.score) : '';
        },
      },
    ]),
    ...others.flatMap((s) => years.map((fy) => ({ header: `${w.fy(fy)} ${s.name}`, cell: ratingLabel(fy, s) }))),
    // Ratings of the evaluation stages the 一覧 does not list (事中, 一次評価 …), scale by scale, year by year.
    ...otherStages.flatMap((stage) =>
      plan.ratingScales.flatMap((s) =>
        years.map((fy) => ({
          header: `${w.fy(fy)} ${w.qualified(s.name, stage.name)}`,
          cell: (r: WalkedNode) => {
            const a = assessmentOf(r.node, fy, s.key, { ...ratingQuery(plan), stage: stage.key });
            return a ? (findLevel(s, a.level)?.label ?? a.level) : '';
          },
        })),
      ),
    ),
    // Ratings for parts of a year (quarterly RAG), where the plan holds any: one column per period rated.
    ...periodsRated(plan).map(({ fy, period, scale: s }) => ({
      header: `${formatIndicatorPeriod({ yearBasis: 'fiscal' }, fy, period, { lang: w.lang, startMonth: plan.fiscalYearStartMonth, language: plan.language })} ${s.name}`,
      cell: (r: WalkedNode) => {
        const a = assessmentOf(r.node, fy, s.key, { ...ratingQuery(plan), period });
        return a ? (findLevel(s, a.level)?.label ?? a.level) : '';
      },
    })),
    ...evaluation.header.map((header, i) => ({ header, cell: evaluationCell(i) })),
  ];
  return tableOf(columns, rows);
}

/** Each (year, part of the year, scale) some item was rated for, in the order of years, periods and scales. */
function periodsRated(plan: PlanDocument): { fy: number; period: PartPeriod; scale: RatingScale }[] {
  const seen = new Map<string, { fy: number; period: PartPeriod; scale: RatingScale }>();
  for (const node of leafNodes(plan)) {
    for (const r of periodRatingsOf(plan, node)) seen.set(`${r.fy}|${r.period}|${r.scale.key}`, r);
  }
  const order = (s: RatingScale) => plan.ratingScales.indexOf(s);
  return [...seen.values()].sort(
    (a, b) => a.fy - b.fy || comparePeriods(a.period, b.period) || order(a.scale) - order(b.scale),
  );
}

/**
 * The plan roll-up per year, as the plan's 一覧 opens with it (目標達成率（全体平均） 40.5%): one row per year that
 * has ratings, with the method that made the figure and how many items it counts. A table of its own, so that
 * the initiative rows stay one record per row with no totals among them.
 */
export function rollupRows(content: EditionContent, edition: EditionMeta): CsvTable {
  const plan = content.plan;
  const w = csvWords(plan);
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
    method: r.methodLabel[w.lang],
    value: r.value === null ? '' : String(r.value),
    formatted: r.formatted,
    total: String(r.totalCount),
    assessed: String(r.assessedCount),
  });
  const columns: Column<Figure>[] = [
    { header: w.organization, cell: () => content.organization.name },
    { header: w.plan, cell: () => plan.title },
    { header: w.edition, cell: () => edition.name },
    { header: w.editionFy, cell: () => String(edition.fy) },
    { header: w.title, cell: (f) => f.name },
    { header: w.year, cell: (f) => String(f.fy) },
    { header: w.yearLabel, cell: (f) => w.fy(f.fy) },
    { header: w.scale, cell: (f) => f.s.name },
    { header: w.method, cell: (f) => f.cells.method },
    { header: w.value, cell: (f) => f.cells.value },
    { header: w.formatted, cell: (f) => f.cells.formatted },
    { header: w.total, cell: (f) => f.cells.total },
    { header: w.assessed, cell: (f) => f.cells.assessed },
  ];
  const figures: Figure[] = [];
  const name = w.qualified(scale.name, plan.rollup.method === 'mean' ? w.mean : w.wholePlan);
  for (const fy of years) {
    const r = planRollup(plan, fy, { scope: 'plan' });
    if (r.ok && r.value.assessedCount > 0) figures.push({ name, s: scale, fy, cells: ofRollup(r.value) });
  }
  // Indicator nodes, rolled up apart from the actions the figure above counts (a plan with both).
  for (const fy of years) {
    const byType = nodeTypeRollups(plan, fy, { scope: 'plan' });
    for (const { rollup } of byType.ok ? byType.value : []) {
      if (rollup.assessedCount > 0)
        figures.push({ name: `${scale.name}（指標の項目）`, s: scale, fy, cells: ofRollup(rollup) });
    }
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
      const kind = f.rollup.method === 'distribution' ? w.distribution : w.mean;
      figures.push({ name: w.qualified(f.scale.name, kind), s: f.scale, fy, cells: ofRollup(f.rollup) });
    });
  }
  // Aggregates the body published (公表値), each followed by the figure computed from the items' ratings.
  for (const f of statedFigureViews(plan)) {
    const s = plan.ratingScales.find((x) => x.key === f.figure.scale) ?? scale;
    const scope = f.figure.scope;
    const what =
      scope === undefined ? f.what[w.lang] : w.lang === 'ja' ? `${scope}の${f.what.ja}` : `${scope}: ${f.what.en}`;
    const { value, count, of } = f.figure;
    const stated = value ?? (count !== undefined && of !== undefined ? (count * 100) / of : undefined);
    const fy = f.figure.fy;
    figures.push({
      name: w.qualified(what, w.stated),
      s,
      fy,
      cells: {
        method: f.figure.source ?? w.stated,
        value: num(stated),
        formatted: f.stated[w.lang],
        total: '',
        assessed: '',
      },
    });
    if (f.computed) {
      const { value: v, formatted, basis } = f.computed;
      const cells = { method: basis[w.lang], value: String(v), formatted, total: '', assessed: '' };
      figures.push({ name: w.qualified(what, w.computed), s, fy, cells });
    }
  }
  return tableOf(columns, figures);
}

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

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
