/**
 * Synthetic cities for scale tests and benchmarks: each organization gets one plan of `goals` × `perGoal`
 * initiatives over three fiscal years, with 工程表 items, KPIs and ratings, and a declared edition. The content
 * is deterministic (seeded) so runs are comparable.
 *
 *   node --import tsx scripts/generate-organizations.ts --orgs 50 [--initiatives 100] [--database URL]
 */
import { parseArgs } from 'node:util';
import type { OrganizationBundleInput } from '../src/domain/index.ts';

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const TOPICS = ['子育て', '防災', '健康', '教育', '観光', '農業', 'デジタル', '交通', '環境', '福祉', '文化', '財政'];
const ACTIONS = ['推進', '充実', '強化', '検討', '導入', '整備', '支援', '見直し'];

export function generateBundle(index: number, options: { initiatives?: number; startFy?: number } = {}) {
  const initiatives = options.initiatives ?? 100;
  const startFy = options.startFy ?? 2022;
  const random = rng(index * 7919 + 17);
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
  const num = String(index).padStart(4, '0');
  const departments = TOPICS.map((t, i) => ({ code: `dept-${i + 1}`, name: `${t}課` }));
  const perGoal = 10;
  const goals = Math.ceil(initiatives / perGoal);
  const fys = [startFy, startFy + 1, startFy + 2];
  const nodes = Array.from({ length: goals }, (_, g) => ({
    code: String(g + 1),
    title: `${TOPICS[g % TOPICS.length]}のまちづくり`,
    children: Array.from({ length: Math.min(perGoal, initiatives - g * perGoal) }, (_, k) => {
      const topic = pick(TOPICS);
      const target = 10 + Math.floor(random() * 90);
      return {
        code: `${g + 1}-${k + 1}`,
        title: `${topic}に関する取組${num}-${g + 1}-${k + 1}の${pick(ACTIONS)}`,
        departments: [departments[Math.floor(random() * departments.length)]!.code],
        situation: { asOfFy: startFy - 1, items: [`${topic}の現状について調査を行っている。`] },
        challenges: { asOfFy: startFy - 1, items: [`${topic}の担い手が不足している。`] },
        goal: `${topic}の事業を${target}件実施する`,
        roadmap: fys.map((fy) => ({
          fy,
          plan: [`${topic}事業の実施（${fy}年度）`],
          actual: [`${topic}事業を実施した（${fy}年度）`],
        })),
        indicators: [
          {
            key: 'count',
            name: `${topic}事業の実施件数`,
            unit: '件',
            kind: 'cumulative' as const,
            target: { fy: startFy + 2, fromFy: startFy, value: target },
            values: fys.map((fy) => ({
              fy,
              target: Math.round(target / 3),
              actual: Math.floor(random() * (target / 2)),
            })),
          },
        ],
        assessments: fys.map((fy) => ({ fy, level: String(10 * Math.floor(random() * 11)) })),
      };
    }),
  }));
  const bundle: OrganizationBundleInput = {
    format: 'shinchoku/v1',
    organization: { slug: `city-${num}`, name: `サンプル市${num}` },
    departments,
    plans: [
      {
        slug: 'plan',
        title: `サンプル市${num}総合戦略`,
        vision: '誰もが住み続けたいまち',
        period: { startFy, endFy: startFy + 2 },
        levels: [{ ja: '基本目標' }, { ja: '具体的な取組' }],
        ratingScales: [
          {
            key: 'achievement',
            name: '目標達成率',
            kind: 'percentage',
            unit: '%',
            levels: Array.from({ length: 11 }, (_, i) => ({ key: String(i * 10), label: `${i * 10}%`, score: i * 10 })),
          },
        ],
        edition: { name: `${startFy + 2}年度実績反映版`, fy: startFy + 2 },
        nodes,
      },
    ],
  };
  return bundle;
}

async function main() {
  const { values } = parseArgs({
    options: {
      orgs: { type: 'string', default: '50' },
      initiatives: { type: 'string', default: '100' },
      database: { type: 'string' },
    },
  });
  const { createAppContext, importBundle, systemActor } = await import('../src/app/index.ts');
  const { migrateToLatest, openDatabase } = await import('../src/store/index.ts');
  const store = openDatabase(values.database ?? process.env.DATABASE_URL, { poolSize: 4 });
  await migrateToLatest(store.db);
  const ctx = createAppContext(store);
  const orgs = Number(values.orgs);
  const started = performance.now();
  for (let i = 1; i <= orgs; i++) {
    await importBundle({
      ctx,
      actor: systemActor('generator'),
      input: generateBundle(i, { initiatives: Number(values.initiatives) }),
      publishDeclaredEditions: true,
    });
    if (i % 100 === 0) process.stdout.write(`${i} organizations\n`);
  }
  process.stdout.write(`generated ${orgs} organizations in ${Math.round(performance.now() - started)} ms\n`);
  await store.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
