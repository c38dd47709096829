import { EditionContent, ordinalScale, textScale } from '../../src/domain/index.ts';

const LONG_ITEM =
  '市民の皆様からいただいた意見を整理し、担当課ごとに対応方針を定めたうえで、進捗状況を定期的に公表する仕組みを段階的に整えていく。';

/**
 * A three-level plan (政策 > 施策 > 事務事業) rated on an A–D scale with a 評価不能 level, a second text scale,
 * English names, a middle level with a goal of its own, and one sheet whose 現状 runs over several pages, for
 * reports that must not assume Ogori's shape.
 */
export function threeLevelEdition(): EditionContent {
  const letters = ordinalScale(
    [{ key: 'A', definition: '計画以上' }, 'B', 'C', 'D', { key: 'NA', label: '評価不能', labelEn: 'Not assessable' }],
    { key: 'grade', name: '評価', nameEn: 'Grade' },
  );
  // 評価不能 is shown but never averaged.
  const abcd = {
    ...letters,
    levels: letters.levels.map((l) => (l.key === 'NA' ? { ...l, score: null, excluded: true } : l)),
  };
  const progress = textScale(['計画以上', '計画通り', '計画未満'], [], { key: 'progress', name: '進捗' });
  return EditionContent.parse({
    organization: { slug: 'sample', name: '見本市', nameEn: 'Sample City' },
    departments: [
      { code: 'kikaku', name: '企画課', nameEn: 'Planning Division' },
      { code: 'zaimu', name: '財務課', nameEn: 'Finance Division' },
    ],
    plan: {
      slug: 'sogo',
      title: '見本市総合計画',
      titleEn: 'Sample City Master Plan',
      period: { startFy: 2023, endFy: 2027 },
      levels: [
        { ja: '政策', en: 'Policy' },
        { ja: '施策', en: 'Measure' },
        { ja: '事務事業', en: 'Project' },
      ],
      ratingScales: [abcd, progress],
      rollup: { method: 'share-at-or-above', threshold: 'B', decimals: 1 },
      edition: { name: '令和5年度評価版', nameEn: 'FY2023 review', fy: 2023 },
      sections: [{ number: '1', title: 'はじめに', titleEn: 'Introduction', body: ['本計画は見本です。'] }],
      nodes: [
        {
          code: 'P1',
          title: '暮らしを守る',
          titleEn: 'Safe living',
          children: [
            {
              code: 'P1.1',
              title: '防災力の向上',
              titleEn: 'Disaster readiness',
              goal: '全地区で防災訓練を実施する',
              children: [
                {
                  code: 'P1.1.1',
                  title: '防災訓練の実施',
                  titleEn: 'Drills',
                  departments: ['kikaku', 'zaimu'],
                  situation: { asOfFy: 2022, items: Array.from({ length: 60 }, (_, i) => `${i + 1}. ${LONG_ITEM}`) },
                  roadmap: [
                    { fy: 2023, actual: ['訓練を3回実施'] },
                    { fy: 2024, plan: ['訓練を5回実施'] },
                  ],
                  assessments: [
                    { fy: 2023, level: 'B', comment: '概ね計画どおり' },
                    { fy: 2023, scale: 'progress', level: '計画通り' },
                  ],
                },
                {
                  code: 'P1.1.2',
                  title: '備蓄品の更新',
                  departments: ['zaimu'],
                  assessments: [{ fy: 2023, level: 'NA' }],
                },
              ],
            },
          ],
        },
        {
          code: 'P2',
          title: '行財政運営',
          children: [
            {
              code: 'P2.1',
              title: '財政の健全化',
              children: [
                {
                  code: 'P2.1.1',
                  title: '=HYPERLINK("http://x","y")',
                  departments: ['zaimu'],
                  assessments: [{ fy: 2023, level: 'C' }],
                },
              ],
            },
          ],
        },
      ],
    },
  });
}
