import { EVALUATION_PRESETS, ordinalScale } from '../../src/domain/index.ts';

/**
 * ひかりの市 (fictional): one small plan per evaluation preset, each indicator set so that its progress, verdict
 * and counts can be worked out by hand (period R6–R10, edition R7: two of five years elapsed, 40 %). Not copied
 * from any real plan. Together they use every progress basis, bands and tolerance, the compound "improving" rule,
 * the direction of travel, KPI verdicts with missing values and their reasons, and a context indicator.
 */
type Values = { fy: number; actual?: number; target?: number; missingReason?: string }[];

const kpi = (key: string, name: string, extra: Record<string, unknown>, values: Values) => ({
  key,
  name,
  unit: '件',
  kind: 'level',
  direction: 'higher',
  values,
  ...extra,
});

const item = (code: string, title: string, indicators: unknown[], assessments: unknown[] = []) => ({
  code,
  title,
  departments: ['kikaku'],
  indicators,
  assessments,
});

function plan(slug: string, title: string, evaluation: unknown, items: unknown[]) {
  return {
    slug,
    title,
    period: { startFy: 2024, endFy: 2028 },
    levels: [
      { ja: '基本目標', en: 'Goal' },
      { ja: '取組', en: 'Initiative' },
    ],
    ratingScales: [ordinalScale(['A', 'B', 'C'], { key: 'grade', name: '評価', nameEn: 'Grade' })],
    rollup: { method: 'mean', decimals: 1 },
    evaluation,
    edition: { name: '令和7年度実績評価版', fy: 2025, publishedOn: '2026-07' },
    nodes: [{ code: '1', title: `${title}の目標`, children: items }],
  };
}

const target = (value: number, extra: Record<string, unknown> = {}) => ({ target: { fy: 2028, value, ...extra } });

/** Pro rata with a 10-point tolerance, plus KPI verdicts where 該当なし leaves the denominator. */
const proRata = plan(
  'pro-rata',
  '経過割合の計画',
  {
    ...EVALUATION_PRESETS['pro-rata-with-tolerance'].evaluation,
    kpiVerdict: { achievedFrom: 100, missing: { 'not-applicable': 'excluded' } },
  },
  [
    item('1-1', '来訪者の増加', [kpi('visitors', '来訪者数', target(200), [{ fy: 2025, actual: 70 }])]),
    item('1-2', '相談件数の累計', [
      kpi('consults', '相談件数', { kind: 'cumulative', ...target(50, { fromFy: 2024 }) }, [
        { fy: 2024, actual: 12 },
        { fy: 2025, actual: 10 },
      ]),
    ]),
    item('1-3', '待ち時間の短縮と窓口の開設', [
      kpi('wait', '平均待ち時間', { direction: 'lower', baseline: { fy: 2023, value: 30 }, ...target(10) }, [
        { fy: 2025, actual: 25 },
      ]),
      kpi('desk', '窓口の開設', { kind: 'milestone', method: { basis: 'milestone' }, target: { fy: 2025, value: 1 } }, [
        { fy: 2025, actual: 1 },
      ]),
    ]),
    item('1-4', '満足度と参考指標', [
      kpi('survey', '満足度', target(80), [{ fy: 2025, missingReason: 'not-published' }]),
      kpi('population', '人口（参考）', { method: { basis: 'context' } }, [
        { fy: 2024, actual: 5 },
        { fy: 2025, actual: 7 },
      ]),
      kpi('shelters', '避難所の整備', target(10), [{ fy: 2025, missingReason: 'not-applicable' }]),
    ]),
    item('1-5', '参加者の増加（基準値から）', [
      kpi(
        'members',
        '参加者数',
        { method: { basis: 'baseline-distance' }, baseline: { fy: 2023, value: 20 }, ...target(40) },
        [{ fy: 2025, actual: 26 }],
      ),
    ]),
    item('1-6', '植樹の累計', [
      kpi(
        'trees',
        '植樹本数',
        { kind: 'cumulative', method: { basis: 'cumulative' }, ...target(100, { fromFy: 2024 }) },
        [
          { fy: 2024, actual: 30 },
          { fy: 2025, actual: 25 },
        ],
      ),
    ]),
  ],
);

/** A / B+ / B / C on actual ÷ the year's expected value, half-up to one decimal. */
const expectedPath = plan('expected-path', '期待値の計画', EVALUATION_PRESETS['expected-path-bands'].evaluation, [
  item('2-1', '期待値の経路', [
    kpi(
      'path',
      '登録者数',
      {
        method: {
          basis: 'expected-path',
          path: [20, 40, 60, 80, 100].map((percent, i) => ({ fy: 2024 + i, percent })),
        },
        ...target(500),
      },
      [{ fy: 2025, actual: 205 }],
    ),
  ]),
  item('2-2', '年度目標ちょうど80%', [kpi('y80', '講座数', target(150), [{ fy: 2025, target: 75, actual: 60 }])]),
  item('2-3', '年度目標ちょうど60%', [kpi('y60', '訪問数', target(150), [{ fy: 2025, target: 75, actual: 45 }])]),
  item('2-4', '四捨五入で60%', [kpi('round', '回収数', target(80), [{ fy: 2025, target: 40, actual: 23.98 }])]),
  item('2-5', '60%に届かない', [kpi('below', '配布数', target(80), [{ fy: 2025, target: 40, actual: 23.9 }])]),
]);

/**
 * Green at 100 %, amber within 10 %, red but better than last year → amber, arrow against the previous year; a
 * verdict may be set by hand to amber or red (never green), and roll-ups count it: 3-2 is red by its figures but
 * set by hand to amber.
 */
const ragPreset = EVALUATION_PRESETS['rag-tolerance-travel'].evaluation;
const rag = plan(
  'rag',
  '信号の計画',
  { ...ragPreset, status: { ...ragPreset.status, override: { levels: ['amber', 'red'], rollup: 'override' } } },
  [
    item('3-1', '許容幅の内で改善', [
      kpi('a', '指標A', target(100), [
        { fy: 2024, actual: 80 },
        { fy: 2025, actual: 95 },
      ]),
    ]),
    {
      ...item('3-2', '悪化して赤', [
        kpi('b', '指標B', target(100), [
          { fy: 2024, actual: 70 },
          { fy: 2025, actual: 60 },
        ]),
      ]),
      statusOverrides: [{ fy: 2025, level: 'amber', reason: '年度末に完了した事業の実績が翌年度に計上されるため' }],
    },
    item('3-3', '赤でも改善', [
      kpi('c', '指標C', target(100), [
        { fy: 2024, actual: 50 },
        { fy: 2025, actual: 70 },
      ]),
    ]),
    item('3-4', '目標に到達（前年度なし）', [kpi('d', '指標D', target(100), [{ fy: 2025, actual: 100 }])]),
    item('3-5', '目標範囲を超えた', [
      kpi('e', '指標E', { target: { fy: 2028, value: null, range: { min: 20, max: 30 } } }, [{ fy: 2025, actual: 35 }]),
    ]),
  ],
);

/** Open SDG's growth ratio: baseline 2020, target 2030. */
const sdg = plan('sdg', 'SDG方式の計画', EVALUATION_PRESETS['sdg-growth-rate'].evaluation, [
  item('4-1', '伸びている', [
    kpi('g', '指標G', { baseline: { fy: 2020, value: 100 }, target: { fy: 2030, value: 200 } }, [
      { fy: 2025, actual: 130 },
    ]),
  ]),
  item('4-2', '減っている', [
    kpi('h', '指標H', { baseline: { fy: 2020, value: 100 }, target: { fy: 2030, value: 200 } }, [
      { fy: 2025, actual: 95 },
    ]),
  ]),
  item('4-3', '目標に到達', [
    kpi('i', '指標I', { baseline: { fy: 2020, value: 100 }, target: { fy: 2030, value: 200 } }, [
      { fy: 2025, actual: 210 },
    ]),
  ]),
]);

/** Self-rating only: the arithmetic is shown, nothing is judged. */
const selfOnly = plan('self-rating', '自己評価の計画', EVALUATION_PRESETS['self-rating-only'].evaluation, [
  item('5-1', '自己評価だけ', [kpi('s', '指標S', target(200), [{ fy: 2025, actual: 70 }])], [{ fy: 2025, level: 'B' }]),
]);

/**
 * The same two items judged by each way of combining several indicators (lowest, all, highest, the n-th highest),
 * on bands 順調 ≥ 80, やや遅れ ≥ 50, 遅れ below; each indicator counted within 0–100 %. 6-1: 50 %, 90 % and 120 %;
 * 6-2: 40 % and one indicator with no actual yet.
 */
export const COMBINE_METHODS = [
  { slug: 'combine-min', combine: { method: 'min' } },
  { slug: 'combine-all', combine: { method: 'all' } },
  { slug: 'combine-any', combine: { method: 'any' } },
  { slug: 'combine-n', combine: { method: 'n-achieved', n: 2 } },
] as const;
const combinePlans = COMBINE_METHODS.map(({ slug, combine }) =>
  plan(
    slug,
    `組合せ（${combine.method}）の計画`,
    {
      progress: { basis: 'level' },
      status: {
        name: '進捗（組合せ）',
        nameEn: 'Progress (combined)',
        measure: 'progress',
        combine,
        levels: [
          { key: 'good', label: '順調', labelEn: 'On track' },
          { key: 'some', label: 'やや遅れ', labelEn: 'Slightly behind' },
          { key: 'late', label: '遅れ', labelEn: 'Behind' },
        ],
        bands: [{ level: 'good', from: 80 }, { level: 'some', from: 50 }, { level: 'late' }],
      },
    },
    [
      item('6-1', '三つの指標', [
        kpi('x', '指標X', target(100), [{ fy: 2025, actual: 50 }]),
        kpi('y', '指標Y', target(100), [{ fy: 2025, actual: 90 }]),
        kpi('z', '指標Z', target(100), [{ fy: 2025, actual: 120 }]),
      ]),
      item('6-2', '実績が一つだけ', [
        kpi('u', '指標U', target(100), [{ fy: 2025, actual: 40 }]),
        kpi('v', '指標V', target(100), []),
      ]),
    ],
  ),
);

/**
 * Edge cases of a tolerance rule (green at 100 %, amber within 10 points, red beyond; truncated to one decimal):
 * a direction nobody declared, a target of 0 from a baseline, an indicator with its own tolerance, and a figure
 * that truncates below the amber edge where half-up would reach it.
 */
const edges = plan(
  'edges',
  '境界の計画',
  {
    progress: { basis: 'by-kind' },
    status: {
      name: '進捗（許容幅）',
      nameEn: 'Progress (tolerance)',
      measure: 'progress',
      rounding: { mode: 'truncate', decimals: 1 },
      levels: [
        { key: 'green', label: '順調', labelEn: 'On track' },
        { key: 'amber', label: 'やや遅れ', labelEn: 'Slightly behind' },
        { key: 'red', label: '遅れ', labelEn: 'Behind' },
      ],
      tolerance: { points: 10, met: 'green', within: 'amber', outside: 'red' },
    },
  },
  [
    item('7-1', '向きが定まらない', [
      kpi('p', '指標P', { direction: 'unknown', ...target(100) }, [{ fy: 2025, actual: 70 }]),
    ]),
    item('7-2', '事故をゼロに', [
      kpi('accidents', '事故件数', { direction: 'lower', baseline: { fy: 2023, value: 10 }, ...target(0) }, [
        { fy: 2025, actual: 4 },
      ]),
    ]),
    item('7-3', '指標に固有の許容幅', [
      kpi('q', '指標Q', { tolerance: { points: 25 }, ...target(100) }, [{ fy: 2025, actual: 80 }]),
    ]),
    item('7-4', '切り捨てで境界の下', [kpi('r', '指標R', target(100), [{ fy: 2025, actual: 89.99 }])]),
  ],
);

export const EVALUATION_ORG = 'hikarino';

/** The bundle of ひかりの市 with its plans: one per preset, and one per way of combining indicators. */
export function evaluationBundle() {
  return {
    format: 'shinchoku/v1',
    organization: { slug: EVALUATION_ORG, name: 'ひかりの市', nameEn: 'Hikarino City (fictional example)' },
    departments: [{ code: 'kikaku', name: '企画課', nameEn: 'Planning Division' }],
    plans: [proRata, expectedPath, rag, sdg, selfOnly, ...combinePlans, edges],
  };
}
