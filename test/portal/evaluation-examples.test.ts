import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditionContent, OrganizationBundle } from '../../src/domain/index.ts';
import { buildPdfModel, editionPdf, editionView, indicatorRows, initiativeRows } from '../../src/reports/index.ts';
import { ratingSheets } from '../../src/reports/xlsx/edition-rating-sheets.ts';
import { COMBINE_METHODS, EVALUATION_ORG, evaluationBundle } from '../harness/evaluation-plans.ts';
import { sectionOf, textOf } from '../harness/html-text.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// ひかりの市 (fictional, test/harness/evaluation-plans.ts): one plan per preset, edition R7 = year 2 of 5, so the
// pro-rata expectation is 2 ÷ 5 = 40.0 %. Every figure below is worked out by hand from the bundle.
type Expect = {
  code: string;
  /** Status level, the figure the rule judged, arrow, formula. */
  level: string | null;
  measure: number | null;
  arrow: string;
  formula: string;
  /** KPI verdict per indicator ('' where the plan gives none). */
  verdicts: string[];
  counts?: string;
  /** A verdict set by hand over the computed one: its label. */
  override?: string;
};

const PRO_RATA: Expect[] = [
  // 70 ÷ 200 = 35 %, 35 − 40 = −5 points: within the 10-point tolerance.
  { code: '1-1', level: 'やや遅れ', measure: -5, arrow: '', formula: '70 ÷ 200 = 35.0%', verdicts: ['未達成'] },
  // (12 + 10) ÷ 50 = 44 %: 4 points above pro rata.
  { code: '1-2', level: '順調', measure: 4, arrow: '', formula: '累計 22 ÷ 目標 50 = 44.0%', verdicts: ['未達成'] },
  // Lower is better from 30 toward 10: (30 − 25) ÷ 20 = 25 %; the milestone is done, 100 %; mean 62.5 %.
  {
    code: '1-3',
    level: '順調',
    measure: 22.5,
    arrow: '',
    formula: '平均 62.5%（(30 − 25) ÷ (30 − 10) = 25.0%、達成 → 100%）',
    verdicts: ['未達成', '達成'],
    counts: '達成 1件、未達成 1件、測定不能 0件（2件中）',
  },
  // 未公表 is 測定不能; the context indicator gets no verdict; 該当なし is declared out of the count.
  {
    code: '1-4',
    level: null,
    measure: null,
    arrow: '',
    formula: '計算できるKPIなし',
    verdicts: ['測定不能（未公表）', '', '集計対象外（該当なし）'],
    counts: '達成 0件、未達成 0件、測定不能 1件（1件中）、集計対象外 1件',
  },
  // From the baseline: (26 − 20) ÷ (40 − 20) = 30 %, exactly 10 points behind: still within.
  {
    code: '1-5',
    level: 'やや遅れ',
    measure: -10,
    arrow: '',
    formula: '(26 − 20) ÷ (40 − 20) = 30.0%',
    verdicts: ['未達成'],
  },
  // Declared cumulative: 30 + 25 = 55 of 100.
  {
    code: '1-6',
    level: '順調',
    measure: 15,
    arrow: '',
    formula: '実績 55 ÷ 目標（累計） 100 = 55.0%',
    verdicts: ['未達成'],
  },
];

const EXPECTED_PATH: Expect[] = [
  // Path 40 % of 500 = 200 expected in R7: 205 ÷ 200 = 102.5 % → A.
  { code: '2-1', level: 'A', measure: 102.5, arrow: '', formula: '実績 205 ÷ 期待値 200 = 102.5%', verdicts: [''] },
  // Exactly on the edges: 60 ÷ 75 = 80.0 % → B+, 45 ÷ 75 = 60.0 % → B.
  { code: '2-2', level: 'B+', measure: 80, arrow: '', formula: '実績 60 ÷ 期待値 75 = 80.0%', verdicts: [''] },
  { code: '2-3', level: 'B', measure: 60, arrow: '', formula: '実績 45 ÷ 期待値 75 = 60.0%', verdicts: [''] },
  // 23.98 ÷ 40 = 59.95 % rounds half-up to 60.0 → B; 23.9 ÷ 40 = 59.75 → 59.8 → C.
  { code: '2-4', level: 'B', measure: 60, arrow: '', formula: '実績 23.98 ÷ 期待値 40 = 60.0%', verdicts: [''] },
  { code: '2-5', level: 'C', measure: 59.8, arrow: '', formula: '実績 23.9 ÷ 期待値 40 = 59.8%', verdicts: [''] },
];

const RAG: Expect[] = [
  // Within 10 % of the target (≥ 90): amber, up from 80.
  { code: '3-1', level: 'やや遅れ', measure: 95, arrow: '↑', formula: '実績 95 ÷ 目標 100 = 95.0%', verdicts: [''] },
  // Red by its figures (60 %, down from 70), set by hand to amber with a reason: both shown, each named.
  {
    code: '3-2',
    level: '遅れ',
    measure: 60,
    arrow: '↓',
    formula: '実績 60 ÷ 目標 100 = 60.0%',
    verdicts: [''],
    override: 'やや遅れ',
  },
  // Red at 70 %, but up from 50: raised to amber by the compound rule.
  { code: '3-3', level: 'やや遅れ', measure: 70, arrow: '↑', formula: '実績 70 ÷ 目標 100 = 70.0%', verdicts: [''] },
  // No R6 value: no arrow.
  { code: '3-4', level: '順調', measure: 100, arrow: '', formula: '実績 100 ÷ 目標 100 = 100.0%', verdicts: [''] },
  // Above the range 20–30: 30 ÷ 35 = 85.714… % → 85.7 → red.
  {
    code: '3-5',
    level: '遅れ',
    measure: 85.7,
    arrow: '',
    formula: '目標範囲の上限 30 ÷ 実績 35 = 85.7%（目標範囲の上限を超過）',
    verdicts: [''],
  },
];

// Open SDG's growth ratio, unrounded: growth since 2020 (100) toward 200 in 2030 requires (200 ÷ 100)^(1/10) − 1 =
// 7.18 % a year; (130 ÷ 100)^(1/5) − 1 = 5.39 % → R = 75.06 % (60 ≤ R < 95: acceleration needed);
// (95 ÷ 100)^(1/5) − 1 = −1.02 % → −14.22 % (deterioration); 210 has reached 200: target achieved.
const SDG: Expect[] = [
  {
    code: '4-1',
    level: '進展しているが加速が必要',
    measure: 75.0611021929469,
    arrow: '',
    formula: '年平均伸び率 実績 5.39% ÷ 必要 7.18% = 75.1%',
    verdicts: [''],
  },
  {
    code: '4-2',
    level: '後退',
    measure: -14.2200445016159,
    arrow: '',
    formula: '年平均伸び率 実績 -1.02% ÷ 必要 7.18% = -14.2%',
    verdicts: [''],
  },
  {
    code: '4-3',
    level: '目標達成',
    measure: 222.871034782688,
    arrow: '',
    formula: '目標 200 に到達（実績 210）、年平均伸び率 実績 16.00% ÷ 必要 7.18% = 222.9%',
    verdicts: [''],
  },
];

// The combined figure and the formula that names it: 6-1's indicators give 50 %, 90 % and 120 % (counted as 100 %).
const PARTS = '実績 50 ÷ 目標 100 = 50.0%、実績 90 ÷ 目標 100 = 90.0%、実績 120 ÷ 目標 100 = 120.0%';
const CAPPED = '（各指標は0～100%の範囲で計算）';
const combined = (level: string, measure: number, head: string, oneOnly: Partial<Expect> = {}): Expect[] => [
  { code: '6-1', level, measure, arrow: '', formula: `${head}（${PARTS}）${CAPPED}`, verdicts: ['', '', ''] },
  // Only 指標U (40 %) has an actual: judged on it alone, unless the rule needs two.
  {
    code: '6-2',
    level: '遅れ',
    measure: 40,
    arrow: '',
    formula: '実績 40 ÷ 目標 100 = 40.0%',
    verdicts: ['', ''],
    ...oneOnly,
  },
];
const COMBINED: Record<(typeof COMBINE_METHODS)[number]['slug'], Expect[]> = {
  'combine-min': combined('やや遅れ', 50, '最小 50.0%'),
  'combine-all': combined('やや遅れ', 50, '全指標の最小 50.0%'),
  'combine-any': combined('順調', 100, '最大 100.0%'),
  // The 2nd highest of 100, 90, 50.
  'combine-n': combined('順調', 90, '2番目に高い値 90.0%', {
    level: null,
    measure: null,
    formula: '計算できた指標が1件で、判定に要る2件に足りません',
  }),
};

const EDGES: Expect[] = [
  // No better direction declared: not judged (its value is still shown, see below).
  { code: '7-1', level: null, measure: null, arrow: '', formula: '計算できるKPIなし', verdicts: [''] },
  // Toward a target of 0 from a baseline of 10: (10 − 4) ÷ (10 − 0) = 60 %, beyond 10 points: red.
  { code: '7-2', level: '遅れ', measure: 60, arrow: '', formula: '(10 − 4) ÷ (10 − 0) = 60.0%', verdicts: [''] },
  // 80 %: red by the rule's 10 points, amber by the indicator's own 25.
  { code: '7-3', level: 'やや遅れ', measure: 80, arrow: '', formula: '80 ÷ 100 = 80.0%', verdicts: [''] },
  // 89.99 % truncates to 89.9, below the amber edge at 90 (half-up would give 90.0): red, and the formula says so.
  {
    code: '7-4',
    level: '遅れ',
    measure: 89.9,
    arrow: '',
    formula: '89.99 ÷ 100 = 90.0%（判定は89.9%として）',
    verdicts: [''],
  },
];

const PLANS = [
  { slug: 'pro-rata', rule: '成果指標による進捗状況', items: PRO_RATA, travel: false },
  { slug: 'expected-path', rule: '期待値に対する達成度', items: EXPECTED_PATH, travel: false },
  { slug: 'rag', rule: '進捗（信号）', items: RAG, travel: true },
  { slug: 'sdg', rule: 'SDG方式の進捗', items: SDG, travel: false },
  ...COMBINE_METHODS.map(({ slug }) => ({ slug, rule: '進捗（組合せ）', items: COMBINED[slug], travel: false })),
  { slug: 'edges', rule: '進捗（許容幅）', items: EDGES, travel: false },
];
const OVERRIDE_REASON = '年度末に完了した事業の実績が翌年度に計上されるため';
const PLAN_COUNTS = '達成 1件、未達成 5件、測定不能 1件（7件中）、集計対象外 1件';

const bundle = OrganizationBundle.parse(evaluationBundle());
const contentOf = (slug: string) =>
  EditionContent.parse({
    organization: bundle.organization,
    departments: bundle.departments,
    plan: bundle.plans.find((p) => p.slug === slug),
  });
/** The level as printed, with the arrow and its words when there is one. */
const headOf = (e: Expect) =>
  `${e.level ?? '判定できない'}${e.arrow ? ` ${e.arrow} 前年度より${e.arrow === '↑' ? '改善' : '悪化'}` : ''}`;
const verdictsOf = (e: Expect) => e.verdicts.filter(Boolean);

for (const database of DIALECTS) {
  describe(`evaluation presets on the portal and the API (${database})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ database, bundles: () => [evaluationBundle()] });
    });
    afterAll(async () => {
      await server?.close();
    });
    const html = async (p: string) => {
      const res = await server.get(p);
      expect(res.status, p).toBe(200);
      return res.text();
    };
    // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
    const api = async (p: string): Promise<any> => {
      const res = await server.get(`/api/v1/organizations/${EVALUATION_ORG}${p}`);
      expect(res.status, p).toBe(200);
      return res.json();
    };

    it.each(PLANS)(
      '$slug: each item’s verdict, figure, arrow and formula on its page',
      async ({ slug, rule, items }) => {
        for (const e of items) {
          const page = await html(`/${EVALUATION_ORG}/${slug}/initiatives/${e.code}`);
          const status = textOf(sectionOf(page, /<section aria-labelledby="kpi-status">/, 'section'));
          const setByHand = e.override ? `手入力による判定 ${e.override} 計算による判定 ` : '';
          expect(
            status.startsWith(`${rule}（令和7年度） ${setByHand}${e.level ?? '判定できない'}`),
            `${e.code}: ${status}`,
          ).toBe(true);
          expect(status, e.code).toContain(`成果指標の達成率 ${e.level === null ? '—' : e.formula}`);
          // The arrow sits beside the level, only where the rule declares travel and last year is known.
          // (the computed verdict's line; one set by hand is a line of its own above it)
          expect(textOf(sectionOf(page, /<p class="rag rag--[^" ]+(?: rag--computed)?">/, 'p')), e.code).toBe(
            `${e.override ? '計算による判定 ' : ''}${headOf(e)}`,
          );
          expect(
            [...page.matchAll(/<dd class="indicator__verdict">([^<]*)/g)].map((m) => m[1]),
            e.code,
          ).toEqual(verdictsOf(e).map((v) => v.replace(/（(.*)）/, '（$1）')));
          if (e.counts)
            expect(textOf(sectionOf(page, /<p class="verdict-counts"[^>]*>/, 'p'))).toBe(
              `成果指標の判定（令和7年度） ${e.counts}`,
            );
        }
      },
    );

    it.each(PLANS)('$slug: the API gives the same level, figure, arrow and formula', async ({ slug, items }) => {
      for (const e of items) {
        const i = await api(`/plans/${slug}/initiatives/${e.code}`);
        expect(i.kpiStatus.level?.label ?? null, e.code).toBe(e.level);
        expect(i.kpiStatus.measure, e.code).toBe(e.measure);
        expect(i.kpiStatus.arrow, e.code).toBe(e.arrow);
        expect(i.kpiStatus.formula.ja, e.code).toBe(e.formula);
        expect(
          i.indicators.map(
            (k: { verdict: { label: { ja: string }; reason: string | null } | null }) => k.verdict?.label.ja ?? '',
          ),
          e.code,
        ).toEqual(e.verdicts.map((v) => v.replace(/（.*）/, '')));
      }
    });

    it('an indicator with no declared direction is not judged, and its value and the reason are shown', async () => {
      const page = textOf(await html(`/${EVALUATION_ORG}/edges/initiatives/7-1`));
      expect(page).toContain('望ましい方向の定めなし（判定しない）');
      expect(page).toContain('令和7年度 — 70件');
      const i = await api('/plans/edges/initiatives/7-1');
      expect([i.indicators[0].progress.status, i.indicators[0].progress.percent]).toEqual(['no-direction', null]);
    });

    it('pro rata: KPI verdicts counted per item and for the plan, with the reason of a missing value', async () => {
      const plan = await api('/plans/pro-rata');
      expect(plan.kpiVerdictCounts).toEqual({
        fy: 2025,
        achieved: 1,
        notAchieved: 5,
        unmeasurable: 1,
        excluded: 1,
        denominator: 7,
      });
      const home = await html(`/${EVALUATION_ORG}/pro-rata/`);
      expect(textOf(sectionOf(home, /<p class="verdict-counts"[^>]*>/, 'p'))).toBe(
        `成果指標の判定（令和7年度） ${PLAN_COUNTS}`,
      );
      const item = await api('/plans/pro-rata/initiatives/1-4');
      expect(item.kpiVerdictCounts).toEqual({
        fy: 2025,
        achieved: 0,
        notAchieved: 0,
        unmeasurable: 1,
        excluded: 1,
        denominator: 1,
      });
      expect(item.indicators.map((k: { verdict: unknown }) => k.verdict)).toEqual([
        {
          fy: 2025,
          verdict: 'unmeasurable',
          percent: null,
          reason: 'not-published',
          label: { ja: '測定不能', en: 'Unmeasurable' },
        },
        null,
        {
          fy: 2025,
          verdict: 'excluded',
          percent: null,
          reason: 'not-applicable',
          label: { ja: '集計対象外', en: 'Excluded' },
        },
      ]);
      expect(item.indicators.map((k: { progress: { formula: { ja: string } } }) => k.progress.formula.ja)).toEqual([
        '実績なし（未公表）',
        '目標を置かない参考指標（推移のみ）',
        '実績なし（該当なし）',
      ]);
      // The compound rule is named where it raised a level.
      const raised = await api('/plans/rag/initiatives/3-3');
      expect([raised.kpiStatus.raisedByImprovement, raised.kpiStatus.previousPercent]).toEqual([true, 50]);
    });

    it('rag: a verdict set by hand is labelled beside the computed one, with its reason, and rolled up', async () => {
      const page = await html(`/${EVALUATION_ORG}/rag/initiatives/3-2`);
      const status = textOf(sectionOf(page, /<section aria-labelledby="kpi-status">/, 'section'));
      expect(status).toContain(
        '計算による判定「遅れ」を、担当課または計画担当が「やや遅れ」に変更しています。 手入力の理由 ' +
          OVERRIDE_REASON,
      );
      const en = await html(`/${EVALUATION_ORG}/rag/initiatives/3-2?lang=en`);
      expect(textOf(sectionOf(en, /<p class="rag [^"]*rag--override">/, 'p'))).toBe(
        'Verdict set by hand Slightly behind',
      );
      expect(textOf(sectionOf(en, /<p class="rag [^"]*rag--computed">/, 'p'))).toBe(
        'Computed verdict Behind ↓ worse than the previous year',
      );
      const i = await api('/plans/rag/initiatives/3-2');
      expect([i.kpiStatus.level, i.kpiStatus.override, i.kpiStatus.rollupLevel]).toEqual([
        { key: 'red', label: '遅れ', labelEn: 'Behind' },
        { level: { key: 'amber', label: 'やや遅れ', labelEn: 'Slightly behind' }, reason: OVERRIDE_REASON },
        { key: 'amber', label: 'やや遅れ', labelEn: 'Slightly behind' },
      ]);
      // No hand-set verdict: the computed one is what counts, and nothing says otherwise.
      const other = await api('/plans/rag/initiatives/3-1');
      expect([other.kpiStatus.override, other.kpiStatus.rollupLevel.key]).toEqual([null, 'amber']);
      const plain = await html(`/${EVALUATION_ORG}/rag/initiatives/3-1`);
      expect([
        plain.includes('rag--override'),
        plain.includes('手入力の理由'),
        plain.includes('計算による判定'),
      ]).toEqual([false, false, false]);
      // Items per verdict: 3-1 and 3-3 amber, 3-2 amber by hand (red computed), 3-4 green, 3-5 red.
      const plan = await api('/plans/rag');
      expect(plan.statusCounts).toEqual({
        fy: 2025,
        levels: [
          { key: 'green', label: { ja: '順調', en: 'On track' }, count: 1 },
          { key: 'amber', label: { ja: 'やや遅れ', en: 'Slightly behind' }, count: 3 },
          { key: 'red', label: { ja: '遅れ', en: 'Behind' }, count: 1 },
        ],
        none: 0,
        byOverride: true,
      });
      const home = textOf(
        sectionOf(await html(`/${EVALUATION_ORG}/rag/`), /<section aria-labelledby="status-counts">/, 'section'),
      );
      expect(home).toBe(
        '進捗（信号）の件数（令和7年度） 順調 1件 やや遅れ 3件 遅れ 1件 手入力による判定がある取組はその判定で数えています。',
      );
      // A plan whose rule declares no override publishes no such counts (nor does one without a rule).
      expect((await api('/plans/pro-rata')).statusCounts).toBeNull();
      expect((await api('/plans/self-rating')).statusCounts).toBeNull();
    });

    it('self-rating only: the arithmetic and the self-rating, no verdict and no count anywhere', async () => {
      const page = await html(`/${EVALUATION_ORG}/self-rating/initiatives/5-1`);
      expect(page).not.toContain('aria-labelledby="kpi-status"');
      expect(page).not.toContain('indicator__verdict');
      expect(page).not.toContain('verdict-counts');
      expect(textOf(page)).toContain('70 ÷ 200 = 35.0%');
      const i = await api('/plans/self-rating/initiatives/5-1');
      expect([i.kpiStatus, i.kpiVerdictCounts, i.indicators[0].verdict, i.indicators[0].progress.basis]).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect((await api('/plans/self-rating')).kpiVerdictCounts).toBeNull();
    });
  });
}

describe('evaluation presets in the PDF and the open-data CSV', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-evaluation-'));
  const squeeze = (s: string) => s.replace(/\s+/g, '');

  it.each(PLANS)(
    '$slug: the PDF sheet prints the verdict, the figure and each KPI verdict',
    ({ slug, rule, items }) => {
      const model = buildPdfModel(contentOf(slug));
      for (const e of items) {
        const sheet = model.blocks.find((b) => b.kind === 'sheet' && b.outline.startsWith(`${e.code} `));
        if (sheet?.kind !== 'sheet') throw new Error(`no sheet ${e.code}`);
        const rows = sheet.tables[1]!.rows.map((r) => r.cells.map((c) => c.lines.join(' / ')));
        const status = rows.find((r) => r[0] === `${rule}（R7）`);
        // The level (and arrow) first, then the figure: B is not B+.
        const parts = status?.[1]?.split('　') ?? [];
        if (e.override)
          expect(parts.slice(0, 2), e.code).toEqual([
            `手入力による判定：${e.override}`,
            `計算による判定：${headOf(e)}`,
          ]);
        else expect(parts[0], e.code).toBe(headOf(e));
        // Each KPI's cell: the percentage or the reason, the formula, and the plan's verdict where it gives one.
        const kpiCells = rows.slice(1, 1 + e.verdicts.length).map((r) => r[4]!);
        kpiCells.forEach((cell, k) => {
          const verdict = e.verdicts[k];
          if (verdict) expect(cell.endsWith(` / ${verdict}`), `${e.code}: ${cell}`).toBe(true);
          else expect(cell, e.code).not.toMatch(/達成|測定不能|集計対象外/);
        });
        const counts = rows.find((r) => r[0] === '成果指標の判定（R7）');
        expect(counts?.[1], e.code).toBe(
          slug === 'pro-rata' ? (e.counts ?? `達成 0件、未達成 1件、測定不能 0件（1件中）`) : undefined,
        );
      }
    },
  );

  it('pro rata: the PDF prints formula lines, the raised level and the plan’s counts; pdftotext reads them', async () => {
    const model = buildPdfModel(contentOf('pro-rata'));
    const summary = model.blocks.find((b) => b.kind === 'summary');
    if (summary?.kind !== 'summary') throw new Error('no summary');
    expect(summary.notes.at(-1)).toBe(`成果指標の判定（令和7年度）：${PLAN_COUNTS}。`);
    const file = path.join(dir, 'pro-rata.pdf');
    writeFileSync(file, await editionPdf(contentOf('pro-rata')));
    const text = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squeeze(`成果指標の判定（令和7年度）：${PLAN_COUNTS}。`));
    expect(text).toContain(squeeze('測定不能（未公表）'));
    expect(text).toContain(squeeze('(26 − 20) ÷ (40 − 20) = 30.0%'));
    const rag = buildPdfModel(contentOf('rag'));
    const sheet = rag.blocks.find((b) => b.kind === 'sheet' && b.outline.startsWith('3-3 '));
    if (sheet?.kind !== 'sheet') throw new Error('no sheet 3-3');
    expect(sheet.tables[1]!.rows.at(-1)!.cells[1]!.lines).toEqual([
      'やや遅れ ↑ 前年度より改善　70.0% ← 50.0%　前年度より改善したため、計画の定めにより引き上げた判定　目標の100%以上は「順調」、そこから10%下までは「やや遅れ」、それより下は「遅れ」。「遅れ」でも前年度より改善していれば「やや遅れ」。担当課または計画担当が理由を付けて手入力した判定があれば、集計はその判定による',
    ]);
  });

  it('rag: the PDF and the CSV name the verdict set by hand and the computed one apart, and count by the former', () => {
    const model = buildPdfModel(contentOf('rag'));
    const sheet = model.blocks.find((b) => b.kind === 'sheet' && b.outline.startsWith('3-2 '));
    if (sheet?.kind !== 'sheet') throw new Error('no sheet 3-2');
    const line = sheet.tables[1]!.rows.at(-1)!.cells[1]!.lines[0]!.split('　');
    expect(line.slice(0, 3).concat(line.slice(3, 4))).toEqual([
      '手入力による判定：やや遅れ',
      '計算による判定：遅れ ↓ 前年度より悪化',
      '60.0% ← 70.0%',
      `手入力の理由：${OVERRIDE_REASON}`,
    ]);
    const summary = model.blocks.find((b) => b.kind === 'summary');
    if (summary?.kind !== 'summary') throw new Error('no summary');
    expect(summary.notes.at(-1)).toBe(
      '進捗（信号）（令和7年度）：順調 1件、やや遅れ 3件、遅れ 1件（手入力による判定がある取組はその判定で数える）。',
    );
    const rows = initiativeRows(contentOf('rag'), { name: '令和7年度実績評価版', fy: 2025, publishedAt: '2026-07-01' });
    const header = rows[0]!;
    const cols = ['進捗（信号）', '進捗（信号）（手入力による判定）', '進捗（信号）（手入力の理由）'].map((c) =>
      header.indexOf(`令和7年度 ${c}`),
    );
    expect(rows.slice(1).map((r) => [r[6], ...cols.map((i) => r[i])])).toEqual([
      ['3-1', 'やや遅れ', '', ''],
      ['3-2', '遅れ', 'やや遅れ', OVERRIDE_REASON],
      ['3-3', 'やや遅れ', '', ''],
      ['3-4', '順調', '', ''],
      ['3-5', '遅れ', '', ''],
    ]);
    // The workbook's rating sheet of the year has the same columns, each verdict in its own.
    const workbookSheet = ratingSheets(editionView(contentOf('rag'), 'ja')).find((x) =>
      x.columns.some((c) => c.header === '令和7年度 進捗（信号）（手入力による判定）'),
    )!;
    const at = (h: string) => workbookSheet.columns.findIndex((c) => c.header === `令和7年度 ${h}`);
    const row = workbookSheet.rows.find((r) => r.includes('3-2'))!;
    expect([
      row[at('進捗（信号）')],
      row[at('進捗（信号）（手入力による判定）')],
      row[at('進捗（信号）（手入力の理由）')],
    ]).toEqual(['遅れ', 'やや遅れ', OVERRIDE_REASON]);
    // Plans without an override get no such columns.
    expect(
      initiativeRows(contentOf('pro-rata'), { name: 'x', fy: 2025, publishedAt: '2026-07-01' })[0]!.join(),
    ).not.toContain('手入力');
  });

  it.each(PLANS)(
    '$slug: the CSV has the verdict columns the plan declares, with the same figures',
    ({ slug, rule, items, travel }) => {
      const content = contentOf(slug);
      const rows = initiativeRows(content, { name: '令和7年度実績評価版', fy: 2025, publishedAt: '2026-07-01' });
      const header = rows[0]!;
      const col = (name: string) => header.indexOf(name);
      const level = col(`令和7年度 ${rule}`);
      expect(level).toBeGreaterThan(0);
      expect(col(`令和7年度 ${rule}（前年度比）`) > 0).toBe(travel);
      for (const e of items) {
        const row = rows.find((r) => r[6] === e.code)!;
        expect(row[level], e.code).toBe(e.level ?? '');
        expect(row[col(`令和7年度 ${rule}（判定した値）`)], e.code).toBe(e.measure === null ? '' : String(e.measure));
        expect(row[col(`令和7年度 ${rule}（計算式）`)], e.code).toBe(e.level === null ? '' : e.formula);
        if (travel) expect(row[col(`令和7年度 ${rule}（前年度比）`)], e.code).toBe(e.arrow);
      }
      expect(col('令和7年度 成果指標 達成（件）') > 0).toBe(slug === 'pro-rata');
    },
  );

  it('pro rata: the CSV counts verdicts per item and gives each year’s percentage, formula and verdict', () => {
    const content = contentOf('pro-rata');
    const rows = initiativeRows(content, { name: '令和7年度実績評価版', fy: 2025, publishedAt: '2026-07-01' });
    const header = rows[0]!;
    const counts = ['達成', '未達成', '測定不能', '集計対象外'].map((k) =>
      header.indexOf(`令和7年度 成果指標 ${k}（件）`),
    );
    expect(rows.slice(1).map((r) => [r[6], ...counts.map((i) => r[i])])).toEqual([
      ['1-1', '0', '1', '0', '0'],
      ['1-2', '0', '1', '0', '0'],
      ['1-3', '1', '1', '0', '0'],
      ['1-4', '0', '0', '1', '1'],
      ['1-5', '0', '1', '0', '0'],
      ['1-6', '0', '1', '0', '0'],
    ]);
    const kpis = indicatorRows(content);
    expect(kpis[0]!.slice(-3)).toEqual(['達成率（%）', '達成率の計算式', '成果指標の判定']);
    const yearly = kpis.filter((r) => r[6] === '年度').map((r) => [r[0], r[2], r[7], ...r.slice(-3)]);
    expect(yearly).toEqual([
      ['1-1', '来訪者数', '2025', '35', '70 ÷ 200 = 35.0%', '未達成'],
      ['1-2', '相談件数', '2024', '24', '累計 12 ÷ 目標 50 = 24.0%', '未達成'],
      ['1-2', '相談件数', '2025', '44', '累計 22 ÷ 目標 50 = 44.0%', '未達成'],
      ['1-3', '平均待ち時間', '2025', '25', '(30 − 25) ÷ (30 − 10) = 25.0%', '未達成'],
      ['1-3', '窓口の開設', '2025', '100', '達成 → 100%', '達成'],
      ['1-4', '満足度', '2025', '', '実績なし（未公表）', '測定不能（未公表）'],
      ['1-4', '人口（参考）', '2024', '', '目標を置かない参考指標（推移のみ）', ''],
      ['1-4', '人口（参考）', '2025', '', '目標を置かない参考指標（推移のみ）', ''],
      ['1-4', '避難所の整備', '2025', '', '実績なし（該当なし）', '集計対象外（該当なし）'],
      ['1-5', '参加者数', '2025', '30', '(26 − 20) ÷ (40 − 20) = 30.0%', '未達成'],
      ['1-6', '植樹本数', '2024', '30', '実績 30 ÷ 目標（累計） 100 = 30.0%', '未達成'],
      ['1-6', '植樹本数', '2025', '55', '実績 55 ÷ 目標（累計） 100 = 55.0%', '未達成'],
    ]);
    // A plan that declares no progress basis or verdict keeps its columns as they were.
    expect(indicatorRows(contentOf('self-rating'))[0]!.at(-1)).toBe('注記');
  });
});
