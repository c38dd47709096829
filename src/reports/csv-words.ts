import { formatPlanYear, type PlanDocument } from '../domain/index.ts';

export type CsvLang = 'ja' | 'en';

/**
 * The fixed words of the open-data CSV in both languages: its header row and the few cells that are words, not
 * data (はい, 基準値 …). A Japanese plan's CSV is in Japanese, as Japanese open data is; an English plan's has an
 * English header row, so a council's file reads like its own publications.
 */
const WORDS = {
  organization: ['団体', 'Organization'],
  plan: ['計画', 'Plan'],
  edition: ['版', 'Edition'],
  editionFy: ['版の対象年度', 'Edition year'],
  parentCode: ['上位の番号', 'Parent code'],
  parentTitle: ['上位の名称', 'Parent title'],
  code: ['番号', 'Code'],
  title: ['名称', 'Title'],
  departments: ['担当課', 'Departments'],
  departmentCodes: ['担当課コード', 'Department codes'],
  listedTitle: ['一覧の名称', 'Title in the list'],
  sourceNotes: ['出典の注記', 'Source notes'],
  score: ['数値', 'score'],
  itemCode: ['取組番号', 'Item code'],
  itemTitle: ['取組名', 'Item title'],
  indicator: ['指標', 'Indicator'],
  unit: ['単位', 'Unit'],
  kind: ['種類', 'Kind'],
  lowerIsBetter: ['少ないほど良い', 'Lower is better'],
  row: ['区分', 'Row'],
  year: ['年度', 'Year'],
  yearLabel: ['年度（和暦）', 'Year label'],
  target: ['目標値', 'Target'],
  actual: ['実績値', 'Actual'],
  provisional: ['速報値', 'Provisional'],
  note: ['注記', 'Note'],
  reportedIn: ['公表された期間', 'Reported in'],
  yes: ['はい', 'yes'],
  no: ['いいえ', 'no'],
  baseline: ['基準値', 'Baseline'],
  yearRow: ['年度', 'Year'],
  period: ['期間', 'Period'],
  supersededTarget: ['見直し前の目標', 'Superseded target'],
  planTarget: ['計画期間の目標', 'Plan-period target'],
  scale: ['評価尺度', 'Rating scale'],
  method: ['集計方法', 'Method'],
  value: ['値', 'Value'],
  formatted: ['表示', 'As shown'],
  total: ['対象件数', 'Items'],
  assessed: ['評価済件数', 'Assessed'],
  wholePlan: ['計画全体', 'whole plan'],
  mean: ['全体平均', 'mean'],
  distribution: ['分布', 'distribution'],
  stated: ['公表値', 'as published'],
  computed: ['評価から計算', 'computed from the ratings'],
  /** Between the names in one cell (several 課). */
  list: ['、', '; '],
} as const satisfies Record<string, readonly [string, string]>;

export type CsvWords = { [K in keyof typeof WORDS]: string } & {
  lang: CsvLang;
  /** A header with a qualifier: 達成度（数値） / Achievement (score). */
  qualified(base: string, qualifier: string): string;
  /** A year as the plan names it: 令和7年度, 2025/26, 2025. */
  fy(fy: number): string;
};

/** The CSV words of a plan, in the plan's own language unless another is asked for. */
export function csvWords(
  plan: Pick<PlanDocument, 'language' | 'fiscalYearStartMonth'>,
  lang: CsvLang = plan.language ?? 'ja',
): CsvWords {
  const i = lang === 'ja' ? 0 : 1;
  const words = Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, v[i]])) as {
    [K in keyof typeof WORDS]: string;
  };
  return {
    ...words,
    lang,
    qualified: (base, qualifier) => (lang === 'ja' ? `${base}（${qualifier}）` : `${base} (${qualifier})`),
    fy: (fy) => formatPlanYear(fy, plan, lang),
  };
}
