/**
 * A fictional town's plan (見本町) with no evaluation method, for the evaluation settings: four items whose KPI
 * figures make every verdict of the RAG preset easy to compute by hand, and one KPI whose 2025 value is missing
 * as 該当なし. All figures are invented.
 */
export const MIHON = { org: 'mihon', plan: 'keikaku' } as const;

const level = (key: string, name: string, direction: 'higher' | 'lower', target: number, values: unknown[]) => ({
  key,
  name,
  unit: '件',
  kind: 'level',
  direction,
  target: { fy: 2026, value: target },
  values,
});

/** An initiative of 企画課 with its KPIs and its 2025 self-rating. */
const item = (code: string, title: string, indicators: unknown[], rating: string) => ({
  code,
  title,
  departments: ['kikaku'],
  indicators,
  assessments: [{ fy: 2025, level: rating }],
});

export function mihonBundle(): unknown {
  return {
    format: 'shinchoku/v1',
    organization: { slug: MIHON.org, name: '見本町（架空）' },
    departments: [{ code: 'kikaku', name: '企画課' }],
    plans: [
      {
        slug: MIHON.plan,
        title: '見本町まちづくり計画',
        period: { startFy: 2024, endFy: 2026 },
        levels: [{ ja: '基本目標' }, { ja: '取組' }],
        ratingScales: [
          {
            key: 'self',
            name: '自己評価',
            kind: 'ordinal',
            levels: [
              { key: 'C', label: 'C', score: 1 },
              { key: 'B', label: 'B', score: 2 },
              { key: 'A', label: 'A', score: 3 },
            ],
          },
        ],
        nodes: [
          {
            code: '1',
            title: '暮らし',
            children: [
              item(
                '1-1',
                '相談窓口の充実',
                [
                  level('soudan', '相談件数', 'higher', 200, [
                    { fy: 2024, actual: 150 },
                    { fy: 2025, actual: 210 },
                  ]),
                ],
                'A',
              ),
              item(
                '1-2',
                '講座の開催',
                [
                  level('kouza', '受講者数', 'higher', 42, [
                    { fy: 2024, actual: 40 },
                    { fy: 2025, actual: 37.8 },
                  ]),
                ],
                'B',
              ),
              item(
                '1-3',
                '見守り活動',
                [
                  level('mimamori', '見守り協力者数', 'higher', 50, [
                    { fy: 2024, actual: 10 },
                    { fy: 2025, actual: 20 },
                  ]),
                ],
                'C',
              ),
            ],
          },
          {
            code: '2',
            title: '環境',
            children: [
              item(
                '2-1',
                'ごみの削減',
                [
                  level('gomi', '苦情件数', 'lower', 60, [
                    { fy: 2024, actual: 70 },
                    { fy: 2025, actual: 80 },
                  ]),
                  level('kaishu', '回収拠点数', 'higher', 10, [
                    { fy: 2024, actual: 4 },
                    { fy: 2025, actual: null, missingReason: 'not-applicable' },
                  ]),
                ],
                'B',
              ),
            ],
          },
        ],
      },
    ],
  };
}
