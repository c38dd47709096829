import { describe, expect, it } from 'vitest';
import { buildTestPlan, OGORI_R4_RATINGS } from './build-test-plan.ts';
import type { Department, PlanNodeInput } from './plan-document.ts';
import { lintPlan } from './plan-lint.ts';

const departments: Department[] = [
  { code: 'keiei-senryaku', name: '経営戦略課' },
  { code: 'zaisei', name: '財政課', nameEn: 'Finance Division' },
  { code: 'kaikei', name: '会計課' },
];

const nodeExtras: Record<string, Partial<PlanNodeInput>> = {
  '1-2': {
    title: '市長発信用SNS開設',
    titleVariants: [
      { source: '目標達成率一覧', title: '市長発信SNS開設' },
      { source: '目次', title: '市長発信用SNS開設' },
    ],
    indicators: [
      {
        key: 'impressions',
        name: 'インプレッション数',
        kind: 'cumulative',
        target: { fy: 2024, fromFy: 2022, value: 810000 },
        values: [{ fy: 2022, actual: 390846 }],
      },
    ],
  },
  '1-3': {
    indicators: [
      {
        key: 'followers',
        name: 'フォロワー数',
        kind: 'level',
        // A span of years, not an approximate number: no source-rounding finding.
        target: { fy: 2024, value: 10000, note: 'R4～R6年度末までに10,000' },
        values: [{ fy: 2022, actual: 8104 }],
      },
    ],
  },
  '14-1': { sourceNotes: [{ kind: 'sheet-missing', text: '原本に個票が掲載されていない' }], departments: ['zaisei'] },
  '14-2': {
    departments: ['jinji'],
    indicators: [
      {
        key: 'shuki',
        name: '周期設定事業数',
        kind: 'cumulative',
        valueBasis: 'running-total',
        target: { fy: 2024, fromFy: 2022, value: 300, note: '約300' },
        values: [
          { fy: 2022, actual: null },
          { fy: 2023, target: 200, targetNote: '累計約200' },
          { fy: 2024, target: 300, targetNote: '累計約300' },
        ],
      },
    ],
  },
};

const ratings = OGORI_R4_RATINGS.map(([c, t, p]) => [c, t, c === '15-1' ? undefined : p] as const);
const plan = buildTestPlan(
  {},
  {
    ratings,
    node: (code) => ({
      departments: ['keiei-senryaku'],
      ...(code === '継1' ? { sdgs: [] } : {}),
      ...nodeExtras[code],
    }),
  },
);

describe('lintPlan', () => {
  const findings = lintPlan(plan, departments, { fy: 2022 });
  const of = (code: string) => findings.filter((f) => f.code === code);

  it('reports the sheet missing from the source as an error', () => {
    expect(of('sheet-missing')).toEqual([
      {
        severity: 'error',
        code: 'sheet-missing',
        nodeCode: '14-1',
        message: '14-1「適切な財政対策の推進」: 個票が原本にありません（原本に個票が掲載されていない）',
        messageEn: '14-1 "適切な財政対策の推進": the source has no sheet for this item (原本に個票が掲載されていない)',
        data: { text: '原本に個票が掲載されていない' },
      },
    ]);
  });

  it('shows both wordings of a title, and only those that differ', () => {
    expect(of('title-variant').map((f) => f.message)).toEqual([
      '1-2: 表題は「市長発信用SNS開設」ですが、目標達成率一覧では「市長発信SNS開設」です',
    ]);
  });

  it('never compares a self-rating with KPI progress by a rule the plan does not declare', () => {
    expect(of('rating-kpi-mismatch')).toEqual([]);
  });

  it('lists missing ratings, actuals, SDGs and approximate source numbers', () => {
    expect(of('assessment-missing').map((f) => f.message)).toEqual(['15-1: 令和4年度の評価が未入力です']);
    expect(of('indicator-missing-actual').map((f) => f.message)).toEqual([
      '14-2: 指標「周期設定事業数」の令和4年度の実績が未入力です',
    ]);
    expect(of('sdgs-missing').map((f) => [f.severity, f.nodeCode])).toEqual([['info', '継1']]);
    expect(of('source-rounding').map((f) => f.message)).toEqual([
      '14-2: 指標「周期設定事業数」の目標（令和5年度）は原文「累計約200」の概数で、200として計算しています',
      '14-2: 指標「周期設定事業数」の目標（令和6年度）は原文「累計約300」の概数で、300として計算しています',
    ]);
  });

  it('checks departments both ways', () => {
    expect(of('department-unknown').map((f) => f.messageEn)).toEqual([
      '14-2: department "jinji" is not one of the organization\'s departments',
    ]);
    expect(of('department-unused').map((f) => f.message)).toEqual([
      '担当課「会計課」はどの取組にも割り当てられていません',
    ]);
  });

  it('returns findings in document order', () => {
    expect(findings.map((f) => `${f.nodeCode}:${f.code}`)).toEqual([
      '1-2:title-variant',
      '14-1:sheet-missing',
      '14-2:department-unknown',
      '14-2:indicator-missing-actual',
      '14-2:source-rounding',
      '14-2:source-rounding',
      '15-1:assessment-missing',
      '継1:sdgs-missing',
      'null:department-unused',
    ]);
  });

  it('gathers the same finding for several items into one, and says nothing of an actual the source explains', () => {
    const plan = buildTestPlan(
      {},
      {
        ratings: [
          ['1-1', 'a', undefined],
          ['1-2', 'b', undefined],
        ],
        node: (code) => ({
          sdgs: [],
          indicators: [
            {
              key: 'k',
              name: `指標${code}`,
              kind: 'level',
              target: { fy: 2024, value: 10 },
              values: [code === '1-1' ? { fy: 2022, missingReason: 'not-published' } : { fy: 2022 }],
            },
          ],
        }),
      },
    );
    const found = lintPlan(plan, [], { fy: 2022 });
    expect(found.filter((f) => f.code === 'sdgs-missing').map((f) => [f.nodeCode, f.message])).toEqual([
      [null, 'SDGsの目標が設定されていない取組が2件あります: 1-1、1-2'],
    ]);
    // 1-1's actual is 未公表 in the source: only 1-2's is missing.
    expect(found.filter((f) => f.code === 'indicator-missing-actual').map((f) => f.message)).toEqual([
      '1-2: 指標「指標1-2」の令和4年度の実績が未入力です',
    ]);
  });

  it('stays quiet about abolished initiatives', () => {
    const gone = buildTestPlan(
      {},
      {
        ratings: [['1-1', 'x', undefined]],
        node: () => ({ sdgs: [], lifecycle: { status: 'abolished', fromFy: 2022 } }),
      },
    );
    expect(lintPlan(gone, [], { fy: 2022 })).toEqual([]);
  });
});
