import { type EditionContent, formatFiscalYear, planRollup, publicationDay, timeZoneOf } from '../domain/index.ts';
import { type CsvTable, type EditionMeta, indicatorRows, initiativeRows } from './open-data-csv.ts';

export interface OpenDataMeta extends EditionMeta {
  /** 全国地方公共団体コード (6 digits), when the organization has one. */
  localGovernmentCode?: string | null | undefined;
}

type Value = string | number | null;

// Codes and lists stay text even when they look like numbers ("1" is goal 1, not the number one).
const TEXT_COLUMN = /番号|コード|SDGs|名称|注記/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Table rows (header first) as records keyed by the column names, numbers as numbers and empty cells null. */
function records(table: CsvTable): Record<string, Value>[] {
  const [header = [], ...rows] = table;
  return rows.map((row) =>
    Object.fromEntries(
      header.map((name, i) => {
        const cell = row[i] ?? '';
        const value: Value = cell === '' ? null : !TEXT_COLUMN.test(name) && NUMBER.test(cell) ? Number(cell) : cell;
        return [name, value];
      }),
    ),
  );
}

/**
 * The open-data JSON of an edition, in the spirit of 自治体標準オープンデータセット: Japanese item names (the
 * same as the CSV columns, documented in docs/open-data.md), one record per initiative and per indicator value,
 * ISO dates, numbers without units, and the plan roll-up per year with the method that made it.
 */
export function openDataJson(content: EditionContent, meta: OpenDataMeta) {
  const plan = content.plan;
  const scale = plan.ratingScales[0]!;
  const rollups = [];
  for (let fy = plan.period.startFy; fy <= plan.period.endFy; fy++) {
    const r = planRollup(plan, fy, { scope: 'plan' });
    if (!r.ok || r.value.assessedCount === 0) continue;
    rollups.push({
      年度: fy,
      '年度（和暦）': formatFiscalYear(fy),
      評価尺度: scale.name,
      集計方法: r.value.methodLabel.ja,
      値: r.value.value,
      表示: r.value.formatted,
      対象件数: r.value.totalCount,
      評価済件数: r.value.assessedCount,
    });
  }
  return {
    format: 'shinchoku-open-data/v1',
    dataset: {
      全国地方公共団体コード: meta.localGovernmentCode ?? null,
      地方公共団体名: content.organization.name,
      計画: plan.title,
      版: meta.name,
      版の対象年度: meta.fy,
      // The day the portal prints (in the organization's zone, Japan unless it names another), not the UTC date.
      公表日: publicationDay(meta.publishedAt, timeZoneOf(content.organization)),
    },
    // Japanese item names whatever the plan's language: the data set's names are its schema (docs/open-data.md).
    取組: records(initiativeRows(content, meta, 'ja')),
    指標: records(indicatorRows(content, 'ja')),
    集計: rollups,
  };
}
