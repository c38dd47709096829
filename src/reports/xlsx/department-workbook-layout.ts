import { formatFiscalYear } from '../../domain/index.ts';

/** Sheets and headers of the 課 workbook (庁内照会), shared by the writer and the upload reader. */
export const DEPT_SHEETS = {
  guide: '記入方法',
  items: '取組',
  indicators: '指標',
  meta: '照会情報',
  // Hidden copies of the two entry sheets as they were when the file was made: an upload of a file made from an
  // older version is merged per field against them (what the clerk changed, what the server changed meanwhile).
  itemsBase: '取組（出力時）',
  indicatorsBase: '指標（出力時）',
} as const;
export const DEPT_FORMAT = 'shinchoku-department-workbook/v1';

export const ITEM_HEADERS = {
  rowId: '行ID',
  version: '版',
  code: '番号',
  title: '取組名',
  departments: '担当課',
  goal: '計画期間内の目標',
  comment: 'コメント',
} as const;

export const KPI_HEADERS = {
  rowId: '行ID',
  version: '版',
  key: '指標キー',
  code: '番号',
  title: '取組名',
  name: '指標',
  unit: '単位',
  target: '目標',
  earlier: 'これまでの実績',
} as const;

export const META_KEYS = {
  format: '様式',
  organization: '団体',
  plan: '計画',
  department: '担当課',
  fy: '年度',
  /**
   * One row per sheet-field column of 取組: its header and the entry form's input name it fills (empty for a
   * reference column the plan office fills), so the reader knows the plan's field columns without the plan.
   */
  fieldColumn: '項目の列',
} as const;

export const planReferenceHeader = (fy: number) => `${formatFiscalYear(fy)} 計画（参考）`;
export const actualHeader = (fy: number) => `${formatFiscalYear(fy)} 実績`;
export const planHeader = (fy: number) => `${formatFiscalYear(fy)} 計画`;
export const ratingHeader = (scaleName: string) => `自己評価（${scaleName}）`;
export const kpiActualHeader = (fy: number) => `${formatFiscalYear(fy)} 実績値`;
export const kpiNoteHeader = (fy: number) => `${formatFiscalYear(fy)} 実績の注記`;

/** The guide sheet's rows 3–5 (below the plan's name in row 2): whose file it is and the colour legend. */
export const GUIDE_INFO = {
  department: '担当課：',
  fy: '対象年度：',
  legend: 'この色のセルが入力するセルです（取組・指標のシート）',
} as const;
export const GUIDE_LEGEND_CELL = 'A5';

export const GUIDE_LINES = [
  '黄色のセルに入力してください。その他のセルは変更できないようにしています。',
  '実績・計画は1行に1項目ずつ入力してください（セル内の改行は Alt+Enter）。',
  '自己評価はセルの一覧から選んでください。',
  '担当課の欄で先頭にない課（共同担当課）の取組は、この課の実績とコメントだけを入力してください。評価・計画・指標と提出は主担当課（先頭の課）が行い、公表時は各行に課名が付きます。',
  '指標の実績値は数値だけを入力してください（単位やカンマは不要です）。「約」や内訳などの補足は注記の列へ。',
  '行の追加・削除・並べ替えや、シート名の変更はしないでください（取組を識別する情報が非表示の列にあります）。',
  '入力が済んだらこのファイルをそのままアップロードしてください。誤りがあるときは、どのシートの何行何列かを示して、何も反映せずにお知らせします。',
];
