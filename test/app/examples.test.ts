import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMissingOrganizations,
  bundleToJson,
  exportBundle,
  getPublicEdition,
  importBundle,
  lintStoredPlan,
  listPublicPlans,
  planSummary,
  systemActor,
} from '../../src/app/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { DIALECTS } from '../harness/test-database.ts';

const bundle = (city: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../data/examples/${city}/bundle.json`, import.meta.url), 'utf8'));

for (const dialect of DIALECTS) {
  describe(`example cities beside Ogori on ${dialect}`, () => {
    let fx: AppFixture;
    beforeAll(async () => {
      fx = await createAppFixture(dialect);
    });
    afterAll(() => fx.close());

    it('adds the example organizations once, with their declared editions published', async () => {
      const ogori = bundleToJson(await exportBundle({ ctx: fx.ctx, organizationSlug: 'ogori' }));
      const inputs = [bundle('minamikaze'), bundle('komorebi')];
      expect(await addMissingOrganizations(fx.ctx, inputs)).toEqual(['minamikaze', 'komorebi']);
      expect(await addMissingOrganizations(fx.ctx, inputs)).toEqual([]);
      expect(bundleToJson(await exportBundle({ ctx: fx.ctx, organizationSlug: 'ogori' }))).toBe(ogori);
      const komorebi = await listPublicPlans(fx.ctx, 'komorebi');
      expect(komorebi.plans.map((p) => [p.slug, p.edition.name])).toEqual([
        ['jikko-keikaku-2', '令和5年度最終評価版'],
        ['jikko-keikaku-3', '令和6年度実績反映版'],
      ]);
      const pub = await getPublicEdition(fx.ctx, { organizationSlug: 'minamikaze', planSlug: 'sogo-keikaku-6-zenki' });
      expect([pub.content.organization.name, pub.content.plan.levels.length]).toEqual(['みなみかぜ市', 3]);
    });

    it('summarises every example plan with its own method', async () => {
      const cases = [
        ['minamikaze', 'sogo-keikaku-6-zenki', 2024, '分布（16件）', 'A: 2, B: 8, C: 6'],
        ['komorebi', 'jikko-keikaku-2', 2023, '平均（8件の単純平均）', '1.88'],
        ['komorebi', 'jikko-keikaku-3', 2024, '平均（7件の単純平均）', '2.00'],
      ] as const;
      for (const [organizationSlug, planSlug, fy, method, figure] of cases) {
        const s = await planSummary(fx.ctx, { organizationSlug, planSlug, fy });
        expect([s.rollup.methodLabel.ja, s.rollup.formatted]).toEqual([method, figure]);
      }
    });

    it('lints the stored plan with the source-rounding finding from its stated figure', async () => {
      const report = await lintStoredPlan(fx.ctx, { organizationSlug: 'minamikaze', planSlug: 'sogo-keikaku-6-zenki' });
      const codes = report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${f.nodeCode ?? ''}`);
      expect(codes).toEqual(['assessment-missing 3-2-2', 'source-rounding ']);
    });

    it('export → import into an empty database → export is byte-identical for each example', async () => {
      // The first test added two of the examples; the others are imported here so every example makes the trip
      // (quarterly RAG, evaluation stages and sub-codes, a calendar-year SDG set).
      const more = ['wrenmoor', 'hoshizora', 'harrowfield'];
      for (const org of more) await importBundle({ ctx: fx.ctx, actor: systemActor('test'), input: bundle(org) });
      for (const org of ['minamikaze', 'komorebi', ...more]) {
        const json = bundleToJson(await exportBundle({ ctx: fx.ctx, organizationSlug: org }));
        const other = await createAppFixture(dialect, { empty: true });
        try {
          await importBundle({ ctx: other.ctx, actor: systemActor('test'), input: JSON.parse(json) });
          expect(bundleToJson(await exportBundle({ ctx: other.ctx, organizationSlug: org }))).toBe(json);
        } finally {
          await other.close();
        }
      }
    });
  });
}
