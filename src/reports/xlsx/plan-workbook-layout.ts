import {
  formatFiscalYear,
  INDICATOR_KIND,
  itemsToText,
  LIFECYCLE_STATUS,
  parseFiscalYear,
  textToItems,
  valueLabels,
} from '../../domain/index.ts';

/**
 * The layout shared by the edition workbook (export) and plan import: sheet names, fixed headers and the
 * per-year headers, so a workbook written by one is read back by the other. Years print in 和暦 ("令和4年度").
 */
export const SHEETS = {
  nodes: '取組一覧',
  indicators: '指標',
  summary: '集計',
  plan: '計画',
  sections: '計画の章',
  scales: '評価尺度',
  departments: '担当課',
  /** The plan's own sheet fields (only for a plan that declares some). */
  fields: '項目の定義',
} as const;

export const NODE_HEADERS = {
  code: '番号',
  level: '階層',
  parent: '上位番号',
  title: '名称',
  titleEn: '名称（英語）',
  departments: '担当課',
  departmentCodes: '担当課コード',
  situationFy: '現状の時点',
  situation: '現状',
  challengesFy: '課題の時点',
  challenges: '課題',
  goal: '計画期間内の目標',
  sdgs: 'SDGs',
  status: '状態',
  statusFromFy: '状態の開始年度',
  statusInto: '統合・分割先',
  statusNote: '状態の注記',
  weight: '重み',
  previousCodes: '旧番号',
  titleVariants: '名称の異表記',
  sourceNotes: '出典の注記',
  separateGroup: '別枠のグループ',
} as const;

export const INDICATOR_HEADERS = {
  code: '取組番号',
  title: '取組名',
  key: '指標キー',
  name: '指標名',
  nameEn: '指標名（英語）',
  unit: '単位',
  decimals: '小数桁数',
  kind: '種類',
  direction: '方向',
  valueBasis: '値の区分',
  yearBasis: '年の区分',
  baselineFy: '基準値の年度',
  baseline: '基準値',
  baselineNote: '基準値の注記',
  baselineAsOf: '基準値の時点',
  targetFy: '目標年度',
  targetFromFy: '目標の起算年度',
  targetInForceFromFy: '目標の適用開始年度',
  target: '目標値',
  targetNote: '目標の注記',
  targetHistory: '目標の改定履歴',
  note: '指標の注記',
} as const;

export const RATING_HEADERS = { code: '番号', title: '名称', departments: '担当課' } as const;

/** Per-year column kinds of the 取組一覧 and 指標 sheets. */
export const YEAR_COLUMNS = {
  plan: '計画',
  actual: '実績',
  target: '目標',
  targetNote: '目標の注記',
  value: '実績値',
  valueNote: '実績の注記',
  provisional: '速報値',
} as const;
export type YearColumn = keyof typeof YEAR_COLUMNS;

export const yearHeader = (fy: number, kind: YearColumn) => `${formatFiscalYear(fy)} ${YEAR_COLUMNS[kind]}`;

/** "令和4年度 計画" → { fy: 2022, kind: "plan" }; undefined for other headers. */
export function parseYearHeader(header: string): { fy: number; kind: YearColumn } | undefined {
  const m = /^(\S+)\s+(\S+)$/.exec(header.trim());
  if (!m) return undefined;
  const kind = (Object.keys(YEAR_COLUMNS) as YearColumn[]).find((k) => YEAR_COLUMNS[k] === m[2]);
  const fy = parseFiscalYear(m[1]!);
  return kind && fy.ok ? { fy: fy.value, kind } : undefined;
}

export const ratingSheetName = (fy: number) => `${formatFiscalYear(fy)} 評価`;

/** "令和4年度 評価" → 2022. */
export function parseRatingSheetName(name: string): number | undefined {
  const m = /^(\S+)\s+評価$/.exec(name.trim());
  const fy = m ? parseFiscalYear(m[1]!) : undefined;
  return fy?.ok ? fy.value : undefined;
}

export const LIFECYCLE_LABELS = valueLabels(LIFECYCLE_STATUS, 'ja');
export const KIND_LABELS = valueLabels(INDICATOR_KIND, 'ja');
export const DIRECTION_LABELS = { higher: '多いほど良い', lower: '少ないほど良い', unknown: '方向の定めなし' } as const;
export const VALUE_BASIS_LABELS = { increment: '単年度の値', 'running-total': '累計値' } as const;
export const YEAR_BASIS_LABELS = { fiscal: '年度', calendar: '暦年' } as const;
export const SCALE_KIND_LABELS = {
  percentage: '百分率',
  ordinal: '段階',
  text: '文言',
  'traffic-light': '信号',
  numeric: '数値',
} as const;
export const FREQUENCY_LABELS = {
  yearly: '年1回',
  'half-yearly': '半期',
  quarterly: '四半期',
  monthly: '月次',
} as const;
export const PLAN_STATUS_LABELS = { draft: '策定中', active: '推進中', closed: '終了' } as const;
export const ROLLUP_LABELS = { mean: '平均', distribution: '分布', 'share-at-or-above': '基準以上の割合' } as const;

/** The key whose label is `label` (or the key itself), for reading a label back. */
export function keyOfLabel<K extends string>(labels: Record<K, string>, label: string): K | undefined {
  const entries = Object.entries(labels) as [K, string][];
  return entries.find(([k, l]) => l === label || k === label)?.[0];
}

/** A 工程表 year that exists with no items, printed "-" as in the source documents. */
export const EMPTY_ENTRY = '-';
export const isEmptyEntry = (cell: string | undefined) => cell !== undefined && /^[-—－―]$/.test(cell.trim());

/** Multi-item cells hold one item per line; an item's own further lines are indented (see itemsToText). */
export const joinLines = (items: readonly string[]) => itemsToText(items);
export const splitLines = (cell: string) => textToItems(cell);
