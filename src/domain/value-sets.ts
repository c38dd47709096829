/**
 * The fixed value sets of a sheet's fields, each value with the one label every surface shows (portal, PDF,
 * CSV, workbooks, staff pages). `formerly` lists labels earlier releases wrote, which readers still accept.
 */
export interface ValueLabel {
  ja: string;
  en: string;
  formerly?: readonly string[];
}

/** Where an initiative stands: carried on, or ended (from a fiscal year) by completion, abolition, merger or split. */
export const LIFECYCLE_STATUS = {
  active: { ja: '実施中', en: 'Active' },
  completed: { ja: '完了', en: 'Completed' },
  abolished: { ja: '廃止', en: 'Abolished' },
  merged: { ja: '統合', en: 'Merged' },
  split: { ja: '分割', en: 'Split' },
} as const satisfies Record<string, ValueLabel>;

/** What a KPI counts: a total over the period, a level reached, a milestone, or words only. */
export const INDICATOR_KIND = {
  cumulative: { ja: '期間の累計', en: 'Total over the period', formerly: ['累計'] },
  level: { ja: '到達水準', en: 'Level reached', formerly: ['水準', '到達する水準'] },
  milestone: { ja: '達成・未達成', en: 'Done or not done' },
  text: { ja: '数値目標なし', en: 'No numeric target', formerly: ['数値なし（文章）'] },
} as const satisfies Record<string, ValueLabel>;

export type LifecycleStatus = keyof typeof LIFECYCLE_STATUS;
export type IndicatorKind = keyof typeof INDICATOR_KIND;

/** The keys of a value set, in order, as a zod enum wants them. */
export const valueKeys = <K extends string>(set: Record<K, ValueLabel>) => Object.keys(set) as [K, ...K[]];

/**
 * The labels of a value set in one language, key → label (what writers print and readers match).
 * @example valueLabels(LIFECYCLE_STATUS, 'ja').merged // "統合"
 */
export function valueLabels<K extends string>(set: Record<K, ValueLabel>, lang: 'ja' | 'en'): Record<K, string> {
  return Object.fromEntries(Object.entries<ValueLabel>(set).map(([k, v]) => [k, v[lang]])) as Record<K, string>;
}

/**
 * The key a label names: today's label in either language, or one an earlier release wrote.
 * @example keyOfValueLabel(INDICATOR_KIND, '水準') // "level"
 */
export function keyOfValueLabel<K extends string>(set: Record<K, ValueLabel>, label: string): K | undefined {
  for (const [k, v] of Object.entries<ValueLabel>(set)) {
    if (v.ja === label || v.en === label || v.formerly?.includes(label)) return k as K;
  }
  return undefined;
}
