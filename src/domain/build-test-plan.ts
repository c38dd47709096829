import { PlanDocument, type PlanDocumentInput, type PlanNodeInput } from './plan-document.ts';

/**
 * Test data only (not exported from index.ts): the 40 initiatives of Ogori's plan with their R4 目標達成率
 * as printed in the 目標達成率一覧, whose average is 40.5 %.
 */
export const OGORI_R4_RATINGS: readonly (readonly [code: string, title: string, percent: number])[] = [
  ['1-1', '車座トーク、出前トークの利用者アップ', 10],
  ['1-2', '市長発信SNS開設', 70],
  ['1-3', '市SNSの情報発信力強化', 80],
  ['2-1', '新型コロナウイルス感染症ワクチン接種の速やかな実施', 100],
  ['3-1', '地域強靱化計画に係るマネジメント会議', 20],
  ['3-2', '三井消防署本署の建て替え', 10],
  ['3-3', '小郡市体育館の建て替え', 20],
  ['4-1', '市制施行50周年記念事業の実施', 100],
  ['5-1', '校区の願いを叶える新たな制度の創設', 10],
  ['5-2', '集落の維持・活性化のため市街化調整区域の規制緩和を推進', 30],
  ['5-3', '移住・定住促進の支援制度を新設', 20],
  ['5-4', 'デマンド型交通（おごおり相乗りタクシー）の本格導入', 100],
  ['6-1', 'ふるさと納税の推進', 20],
  ['6-2', 'キャッシュレス決済の推進', 30],
  ['6-3', '小郡鳥栖南スマートIC建設により交通の利便性を向上', 70],
  ['6-4', 'コストコ小郡倉庫店等の誘致', 20],
  ['7-1', 'ロボット技術やAIを用いた新しい農業経営の推進', 100],
  ['7-2', '体験農園の開設サポート事業', 10],
  ['7-3', '食と農の複合施設の検討', 20],
  ['8-1', '健診結果を生かす個別運動処方と教室の実施', 60],
  ['8-2', '健康づくりポイント制度の創設', 20],
  ['9-1', '新たな部活動の仕組みづくり', 40],
  ['9-2', '小中一貫教育による魅力ある学校づくり', 20],
  ['9-3', '支援員の配置による教員の負担軽減', 60],
  ['9-4', '統合型校務支援システムの導入', 30],
  ['9-5', '青少年の人材育成', 50],
  ['10-1', 'SNSを活用した子育て情報の発信', 50],
  ['10-2', 'インクルーシブ教育機能の向上・充実', 20],
  ['10-3', 'インターンシップ制度改善と実施', 20],
  ['10-4', '保育の質の向上研修を実施し、保育士の働きやすい職場づくり', 50],
  ['10-5', '子どもの居場所づくり～多様な連携で育む子育て支援～', 20],
  ['11-1', 'SNSでの人権侵害に関する対策を条例化', 100],
  ['12-1', '官民連携による新給食センターの建設・整備', 30],
  ['12-2', '民間資金等の活用による新市役所整備の調査に着手', 30],
  ['13-1', 'どこからでも簡単に手続ができる市役所の実現', 40],
  ['13-2', 'デジタル技術を活用した業務効率化の推進', 50],
  ['14-1', '適切な財政対策の推進', 30],
  ['14-2', 'サンセットの視点に立った事務事業見直しの体制構築', 20],
  ['15-1', 'プロスポーツ球団との連携によるスポーツイベント等の開催', 20],
  ['継1', '人事評価制度の活用', 20],
];

/** Ogori's scale: 目標達成率 10 %–100 % in 10 % steps. */
export const OGORI_SCALE = {
  key: 'achievement-rate',
  name: '目標達成率',
  kind: 'percentage',
  unit: '%',
  levels: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((n) => ({ key: String(n), label: `${n}%`, score: n })),
} as const;

/**
 * A two-level plan (基本目標 > 具体的な取組) grouping initiatives by the part of the code before "-"
 * ("継1" forms its own goal "継"), each assessed for FY2022 as given; override anything.
 */
export function buildTestPlan(
  overrides: Partial<PlanDocumentInput> = {},
  options: {
    ratings?: readonly (readonly [string, string, number | undefined])[];
    node?: (code: string) => Partial<PlanNodeInput>;
  } = {},
): PlanDocument {
  const ratings = options.ratings ?? OGORI_R4_RATINGS;
  const goals = new Map<string, PlanNodeInput[]>();
  for (const [code, title, percent] of ratings) {
    const goal = code.includes('-') ? (code.split('-')[0] as string) : '継';
    const leaf: PlanNodeInput = {
      code,
      title,
      sdgs: [11],
      assessments: percent === undefined ? [] : [{ fy: 2022, level: String(percent) }],
      ...options.node?.(code),
    };
    goals.set(goal, [...(goals.get(goal) ?? []), leaf]);
  }
  return PlanDocument.parse({
    slug: 'ogori-ap2',
    title: 'もっとつながるまち小郡アクションプラン',
    period: { startFy: 2022, endFy: 2024 },
    levels: [{ ja: '基本目標' }, { ja: '具体的な取組' }],
    ratingScales: [OGORI_SCALE],
    nodes: [...goals].map(([code, children]) => ({ code, title: `基本目標${code}`, children })),
    ...overrides,
  });
}
