import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrganizationBundle } from '../src/domain/organization-bundle.ts';
import type { Indicator, PlanNode } from '../src/domain/plan-document.ts';

/**
 * The bundled Ogori plan (data/ogori/bundle.json) against its source, 小郡市「もっとつながるまちアクションプラン
 * 令和4年度実績反映版」 (data/ogori/source/ogori-action-plan-r4.txt). Every transcribed sentence must occur in the
 * source once whitespace is removed on both sides, so a typo fails the build.
 */

const root = new URL('../', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(new URL('data/ogori/bundle.json', root), 'utf8'));
const source = readFileSync(new URL('data/ogori/source/ogori-action-plan-r4.txt', root), 'utf8');
const squash = (s: string) => s.replace(/\s+/gu, '');
const squashedSource = squash(source);

const bundle = OrganizationBundle.parse(raw);
const plan = bundle.plans[0]!;
const goals = plan.nodes;
const initiatives = goals.flatMap((g) => g.children);
const byCode = new Map<string, PlanNode>(initiatives.map((n) => [n.code, n]));
const node = (code: string): PlanNode => {
  const n = byCode.get(code);
  if (!n) throw new Error(`no initiative ${code}`);
  return n;
};
const deptName = new Map(bundle.departments.map((d) => [d.code, d.name]));
const indicator = (code: string, key: string): Indicator => {
  const ind = node(code).indicators.find((i) => i.key === key);
  if (!ind) throw new Error(`no indicator ${code}/${key}`);
  return ind;
};

const CODES = [
  '1-1',
  '1-2',
  '1-3',
  '2-1',
  '3-1',
  '3-2',
  '3-3',
  '4-1',
  '5-1',
  '5-2',
  '5-3',
  '5-4',
  '6-1',
  '6-2',
  '6-3',
  '6-4',
  '7-1',
  '7-2',
  '7-3',
  '8-1',
  '8-2',
  '9-1',
  '9-2',
  '9-3',
  '9-4',
  '9-5',
  '10-1',
  '10-2',
  '10-3',
  '10-4',
  '10-5',
  '11-1',
  '12-1',
  '12-2',
  '13-1',
  '13-2',
  '14-1',
  '14-2',
  '15-1',
  '継1',
];

/** R4 目標達成率 from the 目標達成率一覧, in document order. */
const R4_RATES = [
  10, 70, 80, 100, 20, 10, 20, 100, 10, 30, 20, 100, 20, 30, 70, 20, 100, 10, 20, 60, 20, 40, 20, 60, 30, 50, 50, 20,
  20, 50, 20, 100, 30, 30, 40, 50, 30, 20, 20, 20,
];

describe('Ogori bundle: structure', () => {
  it('parses as an OrganizationBundle with the organization and plan metadata', () => {
    expect(OrganizationBundle.safeParse(raw).success).toBe(true);
    expect(bundle.format).toBe('shinchoku/v1');
    expect(bundle.organization).toEqual({
      slug: 'ogori',
      name: '小郡市',
      nameEn: 'Ogori City',
      localGovernmentCode: '402281',
      prefecture: '福岡県',
    });
    expect(bundle.plans).toHaveLength(1);
    expect(plan.slug).toBe('action-plan-2');
    expect(plan.title).toBe('もっとつながるまち小郡アクションプラン');
    expect(plan.vision).toBe('もっとつながるまち小郡');
    expect(plan.period).toEqual({ startFy: 2022, endFy: 2024 });
    expect(plan.issuedOn).toBe('2022-02');
    expect(plan.predecessor).toEqual({ title: 'つながるまち小郡アクションプラン', issuedOn: '2018-10' });
    expect(plan.edition).toMatchObject({ name: '令和4年度実績反映版', fy: 2022 });
    expect(plan.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 策定趣旨',
      '2 計画期間',
      '3 計画の体系',
      '4 SDGsへの取組について',
      '5 計画の推進方法',
    ]);
    expect(plan.ratingScales[0]!.levels.map((l) => l.key)).toEqual([
      '0',
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
      '80',
      '90',
      '100',
    ]);
  });

  it('has the 15 基本目標 and the 継 group', () => {
    expect(goals.map((g) => g.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '継',
    ]);
    expect(goals[1]!.title).toBe('新型コロナウイルス感染症ワクチン接種の速やかな実施');
    expect(goals[3]!.title).toBe('市制施行50周年を機としたシビックプライドの醸成');
    expect(goals[15]!.title).toBe('第1期アクションプランからの継続案件');
    for (const g of goals) expect(squashedSource).toContain(squash(g.title));
  });

  it('has the 40 initiatives in document order', () => {
    expect(initiatives.map((n) => n.code)).toEqual(CODES);
    for (const n of initiatives) expect(n.children).toEqual([]);
  });

  it('names every department of the multi-department initiatives, lead first', () => {
    const names = (code: string) => node(code).departments.map((d) => deptName.get(d));
    expect(names('6-4')).toEqual(['都市計画課', '地域開発推進課']);
    expect(names('8-2')).toEqual(['健康課', '長寿支援課']);
    expect(names('9-1')).toEqual(['学校教育課', 'スポーツ振興課', '生涯学習課']);
    expect(names('10-1')).toEqual(['子育て支援課', '健康課']);
    expect(names('10-5')).toEqual(['子育て支援課', '子ども育成課']);
    expect(names('14-1')).toEqual(['財政課']);
    expect(deptName.get('keiei-senryaku')).toBe('経営戦略課');
    expect(deptName.get('somu-koho')).toBe('総務広報課');
    for (const n of initiatives) expect(n.departments.length).toBeGreaterThan(0);
  });
});

describe('Ogori bundle: assessments', () => {
  it('holds the 40 R4 ratings of the 目標達成率一覧 (sum 1620, average 40.5 %)', () => {
    const rates = initiatives.map((n) => {
      expect(n.assessments).toHaveLength(1);
      expect(n.assessments[0]!.fy).toBe(2022);
      return Number(n.assessments[0]!.level);
    });
    expect(rates).toEqual(R4_RATES);
    const sum = rates.reduce((a, b) => a + b, 0);
    expect(sum).toBe(1620);
    expect((sum / rates.length).toFixed(1)).toBe('40.5');
    expect(source).toContain('目標達成率（全体平均）\t\t\t40.5%');
  });
});

describe('Ogori bundle: text matches the source exactly', () => {
  it('keeps exact strings across the document', () => {
    expect(node('1-1').title).toBe('車座トーク、出前トークの利用者アップ');
    expect(node('1-2').title).toBe('市長発信用SNS開設');
    expect(node('1-2').titleVariants).toEqual([{ source: '目標達成率一覧', title: '市長発信SNS開設' }]);
    expect(node('13-1').title).toBe('どこからでも簡単に手続きができる市役所の実現');
    expect(node('13-1').titleVariants).toEqual([
      { source: '目標達成率一覧', title: 'どこからでも簡単に手続ができる市役所の実現' },
    ]);
    expect(node('1-1').situation?.items[2]).toBe(
      '実績 R1年度 車座トーク1件、出前トーク14件 R2年度 車座トーク1件、出前トーク25件',
    );
    expect(node('1-1').goal).toBe('利用件数 R4～R6年度累計81件を目指す (R1年度→R6年度200%アップ)');
    // A 【…】 note belongs to the point it follows: one item, its note on a line of its own (1-1 R4, 5-2 R4).
    expect(node('1-1').roadmap.find((r) => r.fy === 2022)?.actual).toEqual([
      'Web会議システム導入方法の検討\n【R4年度 車座トーク0件、出前トーク6件】',
    ]);
    expect(node('5-2').roadmap.find((r) => r.fy === 2022)?.actual).toEqual([
      '住民説明会、福岡県開発審査会\n【区域指定完了地区累計21地区】',
    ]);
    // Points the original lists separately stay separate (1-2 現状, 5-2 現状, 6-1).
    expect(node('1-2').situation?.items).toEqual([
      '市ホームページ上に市長ブログを月約30件掲載',
      'アクセス数 1か月平均9,027件 (R3.8~12月の平均値)',
    ]);
    expect(node('5-2').situation?.items[1]).toBe('令和2年度末では、19地区で区域指定が完了している。');
    expect(node('6-1').situation?.items).toEqual([
      '令和2年度寄附受入額 685,903千円',
      '登録事業者数 75社',
      '返礼品数 500品目',
    ]);
    expect(node('6-1').challenges?.items).toHaveLength(2);
    expect(node('2-1').roadmap.find((r) => r.fy === 2021)?.actual[0]).toBe(
      '1～2回目接種実施、R4.3月末時点で対象者内接種率87.0%',
    );
    expect(node('2-1').roadmap.find((r) => r.fy === 2023)?.plan).toEqual([]);
    expect(node('3-1').situation?.items).toEqual([
      '小都市地域強靱化計画に基づき、重点取組として内水氾濫の治水対策と浸水被害の減災対策を位置付けている。現在、各担当課で実施している事業は、それぞれで氾濫を防ぐ対策や被害の軽減のための対策を実施している。',
    ]);
    expect(node('6-1').roadmap.find((r) => r.fy === 2022)?.actual).toEqual([
      '広告媒体への掲載や寄附サイト(5か所)を通じたシティプロモーションの実施',
      '寄附額を増やすための取組み（効果的なPR、返礼品の開発）の実施【令和4年度 寄附受入額559百万円、返礼品数831品目】',
    ]);
    expect(node('8-2').goal).toBe('・健康づくりポイント制度の活用を開始する\n・事業参加者数600人（市人口の1%を目標）');
    expect(node('9-3').challenges?.items[0]).toBe(
      '新型コロナウイルスへの対応やGIGAスクール構想による一人1台端末の活用など、時代の変化とともに教員が担う業務が専門化・高度化しているため、それらを支援する人的体制を強化する。',
    );
    expect(node('11-1').roadmap.find((r) => r.fy === 2022)?.actual).toEqual([
      '部落差別撤廃・人権擁護審議会諮問・答申',
      '議会提案～制定（令和5年7月1日施行）',
    ]);
    expect(node('13-2').roadmap.find((r) => r.fy === 2024)?.plan).toEqual(['RPA等の対象拡大', '業務見直し']);
    expect(node('継1').challenges?.items).toEqual([
      '評価者ごとの評価基準に偏りが見られる状況であり、処遇等へ反映すると公平性を欠くこととなり、人材育成に繋がらないことが考えられる。',
    ]);
    expect(node('継1').roadmap.find((r) => r.fy === 2024)?.plan).toEqual([
      '処遇等への反映に係る研修の実施',
      '処遇等への反映の運用開始',
    ]);
    expect(plan.sections[1]!.body).toEqual([
      '第2期アクションプランの計画期間は、市長任期の終期に合わせて、令和4年度から令和6年度までとします。',
    ]);
  });

  it('gives every sheet 現状, 課題, goal and a four-year 工程表 (R3・R4実績, R5・R6計画)', () => {
    for (const n of initiatives) {
      if (n.code === '14-1') continue;
      expect(n.situation?.asOfFy, n.code).toBe(2021);
      expect(n.challenges?.asOfFy, n.code).toBe(2021);
      expect(n.situation?.items.length, n.code).toBeGreaterThan(0);
      expect(n.challenges?.items.length, n.code).toBeGreaterThan(0);
      expect(n.goal, n.code).toBeTruthy();
      expect(
        n.roadmap.map((r) => r.fy),
        n.code,
      ).toEqual([2021, 2022, 2023, 2024]);
      const [r3, r4, r5, r6] = n.roadmap;
      expect(r3!.plan.length + r4!.plan.length + r5!.actual.length + r6!.actual.length, n.code).toBe(0);
      expect(r3!.actual.length, n.code).toBeGreaterThan(0);
      expect(r4!.actual.length, n.code).toBeGreaterThan(0);
      expect(n.sdgs, n.code).toEqual([]);
    }
  });

  it('finds every title, 現状, 課題, goal and 工程表 item in the source (whitespace ignored)', () => {
    const missing: string[] = [];
    const check = (where: string, text: string | undefined) => {
      if (text !== undefined && !squashedSource.includes(squash(text))) missing.push(`${where}: ${text}`);
    };
    for (const n of initiatives) {
      check(`${n.code} title`, n.title);
      for (const v of n.titleVariants) check(`${n.code} variant`, v.title);
      for (const s of n.situation?.items ?? []) check(`${n.code} 現状`, s);
      for (const s of n.challenges?.items ?? []) check(`${n.code} 課題`, s);
      check(`${n.code} 目標`, n.goal);
      for (const r of n.roadmap) {
        for (const s of r.plan) check(`${n.code} ${r.fy} 計画`, s);
        for (const s of r.actual) check(`${n.code} ${r.fy} 実績`, s);
      }
    }
    for (const s of plan.sections) {
      check(`section ${s.number}`, s.title);
      for (const p of s.body) check(`section ${s.number}`, p);
    }
    expect(missing).toEqual([]);
  });

  it('drops no item: every bullet of every sheet cell is transcribed', () => {
    // Count "・" bullets (a "・" at the start of a cell or after whitespace) in the sheets and in the bundle.
    const sheetText = source.slice(source.indexOf('APNo.\t1-1'), source.indexOf('目標達成率一覧\n\nAPNo.'));
    const bulletsInSource = sheetText.match(/(?:^|\s)・/gmu)?.length ?? 0;
    let bulletsInBundle = 0;
    for (const n of initiatives) {
      bulletsInBundle += n.goal?.match(/(?:^|\n)・/gu)?.length ?? 0;
      const allItems = [
        ...(n.situation?.items ?? []),
        ...(n.challenges?.items ?? []),
        ...n.roadmap.flatMap((r) => [...r.plan, ...r.actual]),
      ];
      for (const s of allItems) {
        expect(s, n.code).toBe(s.trim());
        expect(s, n.code).not.toMatch(/^・|<\/?(ul|li)/u);
      }
      bulletsInBundle += allItems.filter((s) => squashedSource.includes(`・${squash(s)}`)).length;
    }
    expect(bulletsInBundle).toBe(bulletsInSource);
  });
});

describe('Ogori bundle: 14-1 has no sheet', () => {
  it('keeps what the contents and the 一覧 say and flags the missing sheet', () => {
    const n = node('14-1');
    expect(n.title).toBe('適切な財政対策の推進');
    expect(n.departments.map((d) => deptName.get(d))).toEqual(['財政課']);
    expect(n.assessments).toEqual([{ fy: 2022, period: 'FY', level: '30' }]);
    expect(n.sourceNotes).toEqual([{ kind: 'sheet-missing', text: '原本のテキストに取組シートの内容がありません' }]);
    expect(n.roadmap).toEqual([]);
    expect(n.situation).toBeUndefined();
    expect(source).not.toContain('APNo.\t14-1');
  });
});

describe('Ogori bundle: indicators', () => {
  it('1-1 利用件数: R4～R6年度累計81件', () => {
    expect(indicator('1-1', 'riyo-kensu')).toMatchObject({
      unit: '件',
      kind: 'cumulative',
      direction: 'higher',
      valueBasis: 'increment',
      baseline: { fy: 2019, value: 15, note: '車座トーク1件、出前トーク14件' },
      target: { fy: 2024, fromFy: 2022, value: 81, note: 'R4～R6年度累計81件' },
    });
    const values = indicator('1-1', 'riyo-kensu').values;
    expect(values.find((v) => v.fy === 2022)).toMatchObject({ actual: 6, actualNote: '車座トーク0件、出前トーク6件' });
    expect(values.find((v) => v.fy === 2023)).toMatchObject({ target: 35 });
    expect(values.find((v) => v.fy === 2024)).toMatchObject({ target: 40 });
    expect(values.find((v) => v.fy === 2021)).toBeUndefined();
  });

  it('1-2 インプレッション数 and 1-3 フォロワー数', () => {
    const imp = indicator('1-2', 'impressions');
    expect(imp).toMatchObject({ kind: 'cumulative', target: { fy: 2024, fromFy: 2022, value: 810000 } });
    expect(imp.values.map((v) => [v.fy, v.actual ?? null, v.target ?? null])).toEqual([
      [2022, 390846, null],
      [2023, null, 270000],
      [2024, null, 324000],
    ]);
    const fol = indicator('1-3', 'followers');
    expect(fol).toMatchObject({
      kind: 'level',
      direction: 'higher',
      baseline: { fy: 2020, value: 2500, asOf: '2021-03', note: 'R3.3月末現在' },
      target: { fy: 2024, value: 10000 },
    });
    expect(fol.values.map((v) => [v.fy, v.actual ?? null, v.target ?? null])).toEqual([
      [2021, 6835, null],
      [2022, 8104, null],
      [2023, null, 9000],
      [2024, null, 10000],
    ]);
  });

  it('14-2 終期設定の適正化: 約300, running total', () => {
    const ind = indicator('14-2', 'shuki-settei');
    expect(ind).toMatchObject({
      unit: '事業',
      kind: 'cumulative',
      valueBasis: 'running-total',
      target: { fy: 2024, fromFy: 2022, value: 300, note: '約300' },
    });
    expect(ind.values.map((v) => [v.fy, v.actual ?? null, v.target ?? null, v.targetNote ?? null])).toEqual([
      [2022, 61, null, null],
      [2023, null, 200, '累計約200'],
      [2024, null, 300, '累計約300'],
    ]);
  });

  it('leaves actuals the source does not state absent (13-2 R4 gives only a breakdown)', () => {
    const r4 = indicator('13-2', 'gyomu-kaizen').values.find((v) => v.fy === 2022);
    expect(r4?.actual ?? null).toBeNull();
    expect(r4?.actualNote).toBe('RPA導入業務の拡大（2業務）、グループウェアの積極活用による業務改善（4業務）');
    expect(indicator('10-5', 'koryu-event').values).toEqual([]);
  });

  it('lists indicators where the sheets state numbers, with unique keys', () => {
    const keys = Object.fromEntries(
      initiatives.filter((n) => n.indicators.length > 0).map((n) => [n.code, n.indicators.map((i) => i.key)]),
    );
    expect(keys).toEqual({
      '1-1': ['riyo-kensu'],
      '1-2': ['impressions'],
      '1-3': ['followers'],
      '2-1': ['dose-1-2-rate', 'dose-3-rate'],
      '5-2': ['kuiki-shitei-chiku'],
      '6-1': ['kifu-ukeire', 'henreihin'],
      '6-2': ['jisshi-kaisu'],
      '7-2': ['taiken-noen'],
      '8-2': ['sankasha'],
      '9-3': ['shien-in-2mei-ko'],
      '10-1': ['sns-joho-teikyo', 'online-sodan', 'online-koza'],
      '10-3': ['internship-en'],
      '10-4': ['kenshukai'],
      '10-5': ['koryu-event'],
      '13-2': ['gyomu-kaizen'],
      '14-2': ['shuki-settei'],
    });
  });

  it('finds every baseline, target and value note in the source (a note may join source phrases with "、")', () => {
    const missing: string[] = [];
    const check = (where: string, note: string | undefined) => {
      if (note === undefined) return;
      const whole = squashedSource.includes(squash(note));
      const parts = note.split('、').every((p) => squashedSource.includes(squash(p)));
      if (!whole && !parts) missing.push(`${where}: ${note}`);
    };
    for (const n of initiatives) {
      for (const ind of n.indicators) {
        const at = `${n.code}/${ind.key}`;
        check(`${at} baseline`, ind.baseline?.note);
        check(`${at} target`, ind.target?.note);
        for (const v of ind.values) {
          check(`${at} ${v.fy} target`, v.targetNote);
          check(`${at} ${v.fy} actual`, v.actualNote);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
