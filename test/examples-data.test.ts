import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findNode,
  furtherDimensionFigures,
  indicatorProgress,
  isActiveIn,
  leafNodes,
  OrganizationBundle,
  type PlanDocument,
  planRollup,
  progressBasisOf,
  scaleRollups,
  statedFigureViews,
  targetInForce,
} from '../src/domain/index.ts';

/**
 * The example plans under data/examples/ exist to exercise the plan shapes Ogori does not have. These tests pin
 * the shapes and the figures they produce, so an edit to the data cannot quietly drop a feature.
 */

const load = (city: string) =>
  OrganizationBundle.parse(
    JSON.parse(readFileSync(new URL(`../data/examples/${city}/bundle.json`, import.meta.url), 'utf8')),
  );
const minamikaze = load('minamikaze');
const komorebi = load('komorebi');
const planOf = (bundle: OrganizationBundle, slug: string): PlanDocument => {
  const plan = bundle.plans.find((p) => p.slug === slug);
  if (!plan) throw new Error(`no plan ${slug}`);
  return plan;
};
const rollup = (plan: PlanDocument, fy: number, scope: Parameters<typeof planRollup>[2]['scope'] = 'plan') => {
  const r = planRollup(plan, fy, { scope });
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value;
};

describe('みなみかぜ市 (3 levels, A–D, distribution)', () => {
  const plan = planOf(minamikaze, 'sogo-keikaku-6-zenki');

  it('has 3 policies, 7 measures and 17 projects, assessed at the measure level too', () => {
    expect(plan.levels.map((l) => l.ja)).toEqual(['政策', '施策', '事務事業']);
    expect(plan.nodes).toHaveLength(3);
    expect(plan.nodes.flatMap((n) => n.children)).toHaveLength(7);
    expect(leafNodes(plan)).toHaveLength(17);
    expect(findNode(plan, '1-1')?.assessments.map((a) => a.level)).toEqual(['C', 'B']);
  });

  it('rolls up FY2024 as a distribution and lists the unassessed project', () => {
    const r = rollup(plan, 2024);
    expect(r.formatted).toBe('A: 2, B: 8, C: 6');
    expect(r.distribution.map((d) => [d.label, d.count, d.share])).toEqual([
      ['A', 2, 12.5],
      ['B', 8, 50],
      ['C', 6, 37.5],
      ['D', 0, 0],
    ]);
    expect(r.missing).toEqual(['3-2-2']);
    expect(r.coverageLabel.ja).toBe('17件中16件評価済、未評価1件');
    expect(rollup(plan, 2024, { goal: '1-1' }).formatted).toBe('B: 2, C: 1');
  });

  it('has two rating dimensions, a rule, and definitions on every level', () => {
    expect(plan.ratingScales.map((s) => [s.key, s.levels.map((l) => l.label).join('')])).toEqual([
      ['achievement', 'DCBA'],
      ['improvement', '×△○'],
    ]);
    expect(plan.ratingScales.flatMap((s) => s.levels).every((l) => l.definition)).toBe(true);
    expect(plan.ratingRules[0]?.thresholds.map((t) => `${t.level}≥${t.minPercent}`)).toEqual([
      'A≥100',
      'B≥80',
      'C≥50',
      'D≥0',
    ]);
    expect(findNode(plan, '1-1-1')?.assessments.find((a) => a.scale === 'improvement')?.level).toBe('improved');
  });

  it('computes the lower-is-better 待機児童数 from baseline 25 to target 0', () => {
    const ind = findNode(plan, '1-1-1')!.indicators[0]!;
    const p = indicatorProgress(ind, { asOfFy: 2024, basis: progressBasisOf(plan, ind) });
    expect([ind.direction, p.percent, p.formula.ja]).toEqual(['lower', 76, '(25 − 6) ÷ (25 − 0) = 76.0%']);
  });

  it('carries quarterly, half-yearly, calendar-year and provisional values', () => {
    const quarters = findNode(plan, '1-1-2')!.indicators[0]!.values.filter((v) => v.fy === 2024 && v.period !== 'FY');
    expect(quarters.map((v) => `${v.period}=${v.actual}`)).toEqual(['Q1=3', 'Q2=4', 'Q3=2', 'Q4=5']);
    expect(findNode(plan, '3-1-2')!.indicators[0]!.periodBasis).toBe('increment');
    expect(findNode(plan, '3-1-1')!.indicators[0]!.yearBasis).toBe('calendar');
    const provisional = findNode(plan, '1-2-3')!.indicators[0]!;
    expect(indicatorProgress(provisional, { asOfFy: 2024 }).provisional).toBe(true);
    expect(plan.edition).toEqual({
      name: '令和6年度実績評価版',
      nameEn: 'FY2024 results edition',
      fy: 2024,
      publishedOn: '2025-08',
    });
  });

  it("rolls up both dimensions: 達成度 by the plan's distribution, 改善度 counted and averaged on its scores", () => {
    const r = scaleRollups(plan, 2024, { scope: 'plan' });
    if (!r.ok) throw new Error(r.error.messageEn);
    const [achievement, improvement] = r.value;
    expect(r.value.map((x) => [x.scaleKey, x.method])).toEqual([
      ['achievement', 'distribution'],
      ['improvement', 'mean'],
    ]);
    expect(achievement?.formatted).toBe('A: 2, B: 8, C: 6');
    // improved (3) × 4 + unchanged (2) × 2 = 16; 16 ÷ 6 = 2.666… → 2.7; shares 4/6 = 66.7 %, 2/6 = 33.3 %.
    expect(improvement?.value).toBe(16 / 6);
    expect(improvement?.formatted).toBe('2.7');
    expect(improvement?.distribution.map((d) => [d.levelKey, d.count, d.share])).toEqual([
      ['improved', 4, 66.7],
      ['unchanged', 2, 33.3],
      ['worsened', 0, 0],
    ]);
    expect(improvement?.coverageLabel.ja).toBe('17件中6件評価済、未評価11件');
    expect(improvement?.methodLabel.ja).toBe('平均（6件の単純平均）');
  });

  it('gives reports one figure per row for the further dimension: 改善度 mean, then its distribution', () => {
    const r = furtherDimensionFigures(plan, 2024, { scope: 'plan' });
    if (!r.ok) throw new Error(r.error.messageEn);
    expect(r.value.map((f) => [f.scale.key, f.rollup.method, f.rollup.formatted, f.rollup.methodLabel.ja])).toEqual([
      ['improvement', 'mean', '2.7', '平均（6件の単純平均）'],
      ['improvement', 'distribution', '○: 4, △: 2', '分布（6件）'],
    ]);
    const one = furtherDimensionFigures({ ...plan, ratingScales: plan.ratingScales.slice(0, 1) }, 2024, {
      scope: 'plan',
    });
    expect(one).toEqual({ ok: true, value: [] });
  });

  it('shows a figure printed as counts with its share, beside the counts the ratings give', () => {
    const counted = {
      ...plan,
      statedFigures: [{ fy: 2024, method: 'share-of-level' as const, level: 'A', count: 3, of: 16 }],
    };
    const [view] = statedFigureViews(counted);
    // 3 ÷ 16 = 18.75 → 18.8 %; the ratings give A 2 of 16 = 12.5 %.
    expect([view?.what.ja, view?.stated, view?.computed]).toEqual([
      '「A」の割合',
      { ja: '16件中3件（18.8%）', en: '3 of 16 (18.8%)' },
      { value: 12.5, formatted: '12.5%', basis: { ja: '2件 ÷ 16件', en: '2 ÷ 16' } },
    ]);
  });

  it("gives a secondary scale without scores its counts only, never the primary scale's threshold", () => {
    const words = {
      ...plan,
      rollup: { ...plan.rollup, method: 'share-at-or-above' as const, threshold: 'B' },
      ratingScales: [
        plan.ratingScales[0]!,
        { ...plan.ratingScales[1]!, levels: plan.ratingScales[1]!.levels.map((l) => ({ ...l, score: null })) },
      ],
    };
    const r = scaleRollups(words, 2024, { scope: 'plan' });
    if (!r.ok) throw new Error(r.error.messageEn);
    // A or B: 2 + 8 = 10 of 16 = 62.5 %.
    expect(r.value.map((x) => [x.method, x.formatted])).toEqual([
      ['share-at-or-above', '62.5%'],
      ['distribution', '○: 4, △: 2'],
    ]);
  });
});

describe('こもれび町 (text levels, two plans, lifecycle)', () => {
  const second = planOf(komorebi, 'jikko-keikaku-2');
  const third = planOf(komorebi, 'jikko-keikaku-3');

  it('averages text levels with 評価不能 left out and listed', () => {
    const r = rollup(second, 2023);
    // 計画以上 3 ×1, 計画通り 2 ×5, 計画未満 1 ×2 = 15 over 8
    expect([r.value, r.formatted, r.excluded, r.inactive]).toEqual([1.875, '1.88', ['3-4'], ['2-3', '3-2']]);
    expect(r.methodLabel.ja).toBe('平均（8件の単純平均）');
    const t = rollup(third, 2024);
    expect([t.value, t.formatted, t.excluded]).toEqual([2, '2.00', ['2-1-1-2']]);
  });

  it('judges progress against the target in force, keeping the revised one in history', () => {
    const ind = findNode(second, '1-1')!.indicators[0]!;
    expect(targetInForce(ind, 2021)).toMatchObject({ value: 600, superseded: true });
    expect(targetInForce(ind, 2023)).toMatchObject({ value: 400, superseded: false, inForceFromFy: 2022 });
    expect(indicatorProgress(ind, { asOfFy: 2023 }).formula.ja).toBe('累計 359 ÷ 目標 400 = 89.8%');
  });

  it('has a milestone, a text-only indicator, and units 千円 and ‰', () => {
    const kinds = [second, third].flatMap((p) => leafNodes(p).flatMap((n) => n.indicators.map((i) => i.kind)));
    expect(new Set(kinds)).toEqual(new Set(['cumulative', 'milestone', 'level', 'text']));
    const units = [second, third].flatMap((p) => leafNodes(p).flatMap((n) => n.indicators.map((i) => i.unit)));
    expect(units).toContain('千円');
    expect(units).toContain('‰');
  });

  it('keeps abolished, merged, added and renumbered initiatives linked', () => {
    expect(findNode(second, '3-2')!.lifecycle).toMatchObject({ status: 'abolished', fromFy: 2022 });
    expect(findNode(second, '2-3')!.lifecycle).toMatchObject({ status: 'merged', fromFy: 2022, into: ['2-5'] });
    const added = findNode(second, '2-5')!;
    expect([isActiveIn(added, 2021), isActiveIn(added, 2022)]).toEqual([false, true]);
    expect(findNode(second, '1-3')!.previousCodes).toEqual(['2-4']);
  });

  it('carries 継続案件 from the 第2期 plan into the 4-level 第3期 plan', () => {
    expect(third.levels).toHaveLength(4);
    expect(third.predecessor?.slug).toBe('jikko-keikaku-2');
    const carried = leafNodes(third).filter((n) => n.carriedFrom);
    expect(carried.map((n) => `${n.code}←${n.carriedFrom?.code}`)).toEqual([
      '2-1-1-1←3-1',
      '2-1-1-2←3-4',
      '継1←3-3',
      '継2←2-5',
    ]);
    for (const n of carried) expect(findNode(second, n.carriedFrom!.code)?.title).toBeDefined();
    expect([second.edition?.name, third.edition?.name]).toEqual(['令和5年度最終評価版', '令和6年度実績反映版']);
  });
});
