import type { z } from 'zod';
import type { Evaluation, PresetKey } from './evaluation-method.ts';

type EvaluationInput = z.input<typeof Evaluation>;

export interface EvaluationPreset {
  name: { ja: string; en: string };
  description: { ja: string; en: string };
  /** Plain bundle data: what a plan office gets in `evaluation` when it picks the preset (and may then edit). */
  evaluation: EvaluationInput;
}

const RAG = [
  { key: 'green', label: '順調', labelEn: 'On track', color: 'green' },
  { key: 'amber', label: 'やや遅れ', labelEn: 'Slightly behind', color: 'amber' },
  { key: 'red', label: '遅れ', labelEn: 'Behind', color: 'red' },
];

/**
 * The named presets a plan office can start from. Each is only data written into the bundle; nothing here is
 * applied to a plan that did not pick it. Levels are listed best first.
 */
export const EVALUATION_PRESETS = {
  'self-rating-only': {
    name: { ja: '自己評価のみ', en: 'Self-rating only' },
    description: {
      ja: '成果指標の値と計算（実績 ÷ 目標）は示すが、判定はしない。評価は担当課の自己評価だけ。',
      en: 'KPI values and their arithmetic (actual ÷ target) are shown, never judged; ratings are the self-ratings alone.',
    },
    evaluation: { preset: 'self-rating-only' },
  },
  'expected-path-bands': {
    name: { ja: '期待値に対する達成度（A / B+ / B / C）', en: 'Expected-path bands (A / B+ / B / C)' },
    description: {
      ja: '各年度の期待値（年度目標）に対する実績の割合を小数第1位で四捨五入し、100%以上 A、80%以上 B+、60%以上 B、それ未満 C。',
      en: 'Actual ÷ the year’s expected value, rounded half-up to one decimal: A at 100 % or more, B+ at 80 %, B at 60 %, C below.',
    },
    evaluation: {
      preset: 'expected-path-bands',
      progress: { basis: 'expected-path' },
      status: {
        name: '期待値に対する達成度',
        nameEn: 'Progress against the expected path',
        measure: 'progress',
        combine: { method: 'mean', cap: false },
        rounding: { mode: 'half-up', decimals: 1 },
        levels: [
          { key: 'A', label: 'A' },
          { key: 'B+', label: 'B+' },
          { key: 'B', label: 'B' },
          { key: 'C', label: 'C' },
        ],
        bands: [{ level: 'A', from: 100 }, { level: 'B+', from: 80 }, { level: 'B', from: 60 }, { level: 'C' }],
      },
    },
  },
  'pro-rata-with-tolerance': {
    name: { ja: '計画期間の経過に応じた目安と許容幅', en: 'Pro rata over the period with tolerance' },
    description: {
      ja: '実績 ÷ 目標を、計画期間の経過割合（例：5年計画の2年目は40%）と比べる。目安以上は順調、10ポイント下までやや遅れ、それより下は遅れ。',
      en: 'Actual ÷ target against the share of the plan period elapsed (year 2 of 5: 40 %): on track at or above, slightly behind within 10 points, behind further below.',
    },
    evaluation: {
      preset: 'pro-rata-with-tolerance',
      progress: { basis: 'by-kind' },
      status: {
        name: '成果指標による進捗状況',
        nameEn: 'Progress from KPIs',
        measure: 'pro-rata',
        levels: RAG,
        tolerance: { points: 10, met: 'green', within: 'amber', outside: 'red' },
      },
    },
  },
  'rag-tolerance-travel': {
    name: { ja: '信号（許容幅と前年度比）', en: 'RAG with tolerance and direction of travel' },
    description: {
      ja: '実績 ÷ 目標が100%以上は緑、目標の10%以内の不足は黄、それ以上は赤。赤でも前年度より改善していれば黄。矢印は前年度との比較。',
      en: 'Green at 100 % of the target, amber within 10 % of it, red beyond; red but better than the previous year becomes amber; the arrow compares with the previous year.',
    },
    evaluation: {
      preset: 'rag-tolerance-travel',
      progress: { basis: 'level' },
      status: {
        name: '進捗（信号）',
        nameEn: 'RAG status',
        measure: 'progress',
        levels: RAG,
        tolerance: { percent: 10, met: 'green', within: 'amber', outside: 'red' },
        improving: { from: 'red', level: 'amber' },
        travel: { against: 'previous-year' },
      },
    },
  },
  'sdg-growth-rate': {
    name: { ja: 'SDG方式（伸び率による進捗）', en: 'SDG progress by growth rate' },
    description: {
      ja: '基準年からの年平均伸び率を、目標に必要な年平均伸び率で割った比（Open SDG の方法）。目標に到達していれば「目標達成」、比が95%以上「順調」、60%以上「進展しているが加速が必要」、0%以上「進展わずか」、0%未満「後退」。',
      en: 'Compound annual growth since the baseline ÷ the growth the target requires (as Open SDG does): target achieved when reached, else on track at 95 % or more, progress made but acceleration needed at 60 %, limited progress at 0 %, deterioration below.',
    },
    evaluation: {
      preset: 'sdg-growth-rate',
      progress: { basis: 'growth-rate' },
      status: {
        name: 'SDG方式の進捗',
        nameEn: 'SDG progress',
        measure: 'progress',
        combine: { method: 'mean', cap: false },
        // Open SDG compares the unrounded ratio with its thresholds.
        rounding: { mode: 'none', decimals: 1 },
        levels: [
          { key: 'achieved', label: '目標達成', labelEn: 'Target achieved' },
          { key: 'on-track', label: '順調', labelEn: 'On track' },
          {
            key: 'acceleration-needed',
            label: '進展しているが加速が必要',
            labelEn: 'Progress made but acceleration needed',
          },
          { key: 'limited', label: '進展わずか', labelEn: 'Limited progress' },
          { key: 'deterioration', label: '後退', labelEn: 'Deterioration' },
        ],
        reached: 'achieved',
        bands: [
          { level: 'on-track', from: 95 },
          { level: 'acceleration-needed', from: 60 },
          { level: 'limited', from: 0 },
          { level: 'deterioration' },
        ],
      },
    },
  },
} as const satisfies Record<z.output<typeof PresetKey>, EvaluationPreset>;
