import { EditionContent, type PlanNode } from '../../src/domain/index.ts';
import { threeLevelEdition } from './report-plans.ts';

/**
 * Fields of every shape a plan may declare, as a 事務事業評価 sheet might carry them (all figures invented): an
 * amount per year, a choice, a number with a unit and decimals, a text, lines, a date, and a link the plan office
 * enters.
 */
export const EVERY_SHAPE_FIELDS = [
  {
    key: 'settledCost',
    label: { ja: '事業費（決算額）', en: 'Cost (settled)' },
    shape: { kind: 'money-per-year', unit: '千円' },
  },
  {
    key: 'method',
    label: { ja: '実施方法', en: 'Delivery' },
    shape: {
      kind: 'choice',
      options: [
        { key: 'direct', label: { ja: '直営', en: 'In-house' } },
        { key: 'contract', label: { ja: '委託', en: 'Contracted' } },
        { key: 'managed', label: { ja: '指定管理', en: 'Designated manager' } },
        { key: 'grant', label: { ja: '補助', en: 'Grant' } },
      ],
    },
  },
  { key: 'staff', label: { ja: '従事人員', en: 'Staff' }, shape: { kind: 'number', unit: '人', decimals: 1, min: 0 } },
  { key: 'budgetName', label: { ja: '予算事業名', en: 'Budget line' }, shape: { kind: 'text', maxLength: 100 } },
  { key: 'outputs', label: { ja: '活動内容', en: 'Activities' }, shape: { kind: 'lines' } },
  { key: 'startedOn', label: { ja: '事業開始日', en: 'Started on' }, shape: { kind: 'date' } },
  { key: 'page', label: { ja: '事業のページ', en: 'Web page' }, shape: { kind: 'link' }, enteredBy: 'plan-office' },
] as const;

/** The values of P1.1.1 (a shared initiative of 企画課 and 財務課) in `everyShapeEdition`. */
export const EVERY_SHAPE_VALUES = {
  settledCost: [
    { fy: 2023, amount: 1200 },
    { fy: 2024, amount: 1350.5 },
  ],
  method: 'contract',
  staff: 1.5,
  budgetName: '防災対策事業',
  outputs: ['訓練の企画', '備蓄品の点検'],
  startedOn: '2019-04-01',
  page: 'https://example.jp/bosai',
  legalBasis: ['災害対策基本法', '見本市地域防災計画'],
};

/**
 * The three-level sample plan with fields of every shape (the amount in 千円 with two decimals allowed), values on
 * P1.1.1 and 根拠法令 there too, so a sheet carries each shape once.
 */
export function everyShapeEdition(): EditionContent {
  const base = threeLevelEdition();
  const fields = EVERY_SHAPE_FIELDS.map((f) =>
    f.key === 'settledCost' ? { ...f, shape: { ...f.shape, decimals: 1 } } : f,
  );
  const withValues = (node: PlanNode): PlanNode => ({
    ...node,
    ...(node.code === 'P1.1.1' && { fields: EVERY_SHAPE_VALUES }),
    children: node.children.map(withValues),
  });
  return EditionContent.parse({
    ...base,
    plan: { ...base.plan, sheetFields: fields, nodes: base.plan.nodes.map(withValues) },
  });
}
