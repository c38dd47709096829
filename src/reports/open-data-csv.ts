import { stringify } from 'csv-stringify/sync';
import {
  assessmentOf,
  type EditionContent,
  findLevel,
  formatCalendarYear,
  formatFiscalYear,
  formatIndicatorPeriod,
  INDICATOR_KIND,
  LIFECYCLE_STATUS,
  listedTitle,
  planRollup,
  statedStatus,
  valueLabels,
  walkNodes,
} from '../domain/index.ts';
import { indicatorEvaluationColumns, initiativeEvaluationColumns } from './evaluation-columns.ts';

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

const LIFECYCLE = valueLabels(LIFECYCLE_STATUS, 'ja');

/**
 * One row per initiative with its place in the tree, departments, status and rating in every plan year; further
 * rating dimensions (e.g. 改善度 beside 達成度) follow as columns of their own, year by year.
 */
export function initiativeRows(content: EditionContent, edition: EditionMeta): CsvTable {
  const plan = content.plan;
  const scale = plan.ratingScales[0]!;
  const others = plan.ratingScales.slice(1);
  const years: number[] = [];
  for (let fy = plan.period.startFy; fy <= plan.period.endFy; fy++) years.push(fy);
  const dept = new Map(content.departments.map((d) => [d.code, d.name]));
  const evaluation = initiativeEvaluationColumns(content, edition.fy);
  const header = [
    '団体',
    '計画',
    '版',
    '版の対象年度',
    '上位の番号',
    '上位の名称',
    '番号',
    '名称',
    '担当課',
    '担当課コード',
    '状態',
    'SDGs',
    '計画期間内の目標',
    '一覧の名称',
    '出典の注記',
    ...years.flatMap((fy) => [
      `${formatFiscalYear(fy)} ${scale.name}`,
      `${formatFiscalYear(fy)} ${scale.name}（数値）`,
    ]),
    ...others.flatMap((s) => years.map((fy) => `${formatFiscalYear(fy)} ${s.name}`)),
    ...evaluation.header,
  ];
  const rows: CsvTable = [header];
  for (const { node, ancestors } of walkNodes(plan)) {
    if (node.children.length > 0) continue;
    const parent = ancestors.at(-1);
    rows.push([
      content.organization.name,
      plan.title,
      edition.name,
      String(edition.fy),
      parent?.code ?? '',
      parent?.title ?? '',
      node.code,
      node.title,
      node.departments.map((c) => dept.get(c) ?? c).join('、'),
      node.departments.join(';'),
      ((s) => (s ? LIFECYCLE[s] : ''))(statedStatus(node.lifecycle)),
      node.sdgs.join(';'),
      node.goal ?? '',
      listedTitle(plan, node),
      node.sourceNotes.map((n) => n.text).join('、'),
      ...years.flatMap((fy) => {
        const a = assessmentOf(node, fy, scale.key, { primaryScale: scale.key });
        const level = a ? findLevel(scale, a.level) : undefined;
        const score = level && !level.excluded && level.score !== null ? String(level.score) : '';
        return [a ? (level?.label ?? a.level) : '', score];
      }),
      ...others.flatMap((s) =>
        years.map((fy) => {
          const a = assessmentOf(node, fy, s.key, { primaryScale: scale.key });
          return a ? (findLevel(s, a.level)?.label ?? a.level) : '';
        }),
      ),
      ...evaluation.cells(node),
    ]);
  }
  return rows;
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
  const header = [
    '団体',
    '計画',
    '版',
    '版の対象年度',
    '名称',
    '年度',
    '年度（和暦）',
    '評価尺度',
    '集計方法',
    '値',
    '表示',
    '対象件数',
    '評価済件数',
  ];
  const name = plan.rollup.method === 'mean' ? `${scale.name}（全体平均）` : `${scale.name}（計画全体）`;
  const rows: CsvTable = [header];
  for (let fy = plan.period.startFy; fy <= plan.period.endFy; fy++) {
    const r = planRollup(plan, fy, { scope: 'plan' });
    if (!r.ok || r.value.assessedCount === 0) continue;
    rows.push([
      content.organization.name,
      plan.title,
      edition.name,
      String(edition.fy),
      name,
      String(fy),
      formatFiscalYear(fy),
      scale.name,
      r.value.methodLabel.ja,
      r.value.value === null ? '' : String(r.value.value),
      r.value.formatted,
      String(r.value.totalCount),
      String(r.value.assessedCount),
    ]);
  }
  return rows;
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
