import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppError,
  bundleToJson,
  exportBundle,
  getPublicEdition,
  importBundle,
  listPublicPlans,
  planSummary,
  publishEdition,
  systemActor,
  updateNodeSheet,
} from '../../src/app/index.ts';
import {
  deletePlan,
  getEdition,
  getNodeByCode,
  getNodeById,
  getPlanById,
  getPlanBySlug,
  listAuditEvents,
  listEditions,
  replaceNodeDepartments,
  transaction,
  writeNodeSheet,
} from '../../src/store/index.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { createTwoOrganizations, kitakazeBundle, type TwoOrganizations } from '../harness/two-organizations.ts';

const actor = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`two organizations in one database on ${dialect}`, () => {
    let fx: TwoOrganizations;
    const exportOf = async (slug: string) => bundleToJson(await exportBundle({ ctx: fx.ctx, organizationSlug: slug }));
    const planIdOf = async (t: TwoOrganizations['a']) => (await getPlanBySlug(fx.ctx.store.db, t.id, t.planSlug))!.id;

    beforeAll(async () => {
      fx = await createTwoOrganizations(dialect);
    });
    afterAll(() => fx.close());

    it('exports and public editions of each show only its own data', async () => {
      for (const [self, other] of [
        [fx.a, fx.b],
        [fx.b, fx.a],
      ] as const) {
        const json = await exportOf(self.slug);
        expect(json).toContain(self.marker);
        expect(json).not.toContain(other.marker);
        const pub = await getPublicEdition(fx.ctx, { organizationSlug: self.slug, planSlug: self.planSlug });
        expect([pub.organization.name, pub.content.organization.name, pub.content.plan.title]).toEqual([
          self.name,
          self.name,
          self.planTitle,
        ]);
        expect(JSON.stringify(pub.content)).not.toContain(other.marker);
        const summary = await planSummary(fx.ctx, { organizationSlug: self.slug, planSlug: self.planSlug, fy: 2022 });
        expect([summary.planTitle, summary.rollup.formatted]).toEqual([self.planTitle, self.average2022]);
      }
    });

    it("an update in one organization leaves the other's export byte-identical", async () => {
      const bBefore = await exportOf(fx.b.slug);
      const aBefore = await exportOf(fx.a.slug);
      const result = await updateNodeSheet({
        ctx: fx.ctx,
        actor,
        organizationSlug: fx.a.slug,
        planSlug: fx.a.planSlug,
        code: '1-1',
        expectedVersion: 1,
        changes: { title: '小郡だけの新しい表題', assessments: [{ fy: 2022, period: 'FY', level: '50' }] },
      });
      expect(result.version).toBe(2);
      expect(await exportOf(fx.b.slug)).toBe(bBefore);
      expect(await exportOf(fx.a.slug)).not.toBe(aBefore);
      const a = await planSummary(fx.ctx, { organizationSlug: fx.a.slug, planSlug: fx.a.planSlug, fy: 2022 });
      const b = await planSummary(fx.ctx, { organizationSlug: fx.b.slug, planSlug: fx.b.planSlug, fy: 2022 });
      // Ogori: 1,620 − 10 + 50 = 1,660 over 40; the twin keeps 1,710 over 40.
      expect([a.rollup.formatted, b.rollup.formatted]).toEqual(['41.5%', '42.8%']);
      const bNode = await getNodeByCode(fx.ctx.store.db, fx.b.id, await planIdOf(fx.b), '1-1');
      expect([bNode?.version, bNode?.title]).toEqual([1, '車座トーク、出前トークの利用者アップ']);
    });

    it('publishing in one organization adds no edition to the other, and edition ids do not cross', async () => {
      const bBefore = await exportOf(fx.b.slug);
      const published = await publishEdition({
        ctx: fx.ctx,
        actor,
        organizationSlug: fx.a.slug,
        planSlug: fx.a.planSlug,
        name: '令和4年度実績反映版（訂正）',
        fy: 2022,
      });
      expect(await exportOf(fx.b.slug)).toBe(bBefore);
      const bPlans = await listPublicPlans(fx.ctx, fx.b.slug);
      expect(bPlans.plans.map((p) => p.edition.name)).toEqual(['令和4年度実績反映版']);
      const aCurrent = await getPublicEdition(fx.ctx, { organizationSlug: fx.a.slug, planSlug: fx.a.planSlug });
      expect(aCurrent.edition.name).toBe('令和4年度実績反映版（訂正）');
      const crossed = await getPublicEdition(fx.ctx, {
        organizationSlug: fx.b.slug,
        planSlug: fx.b.planSlug,
        editionId: published.id,
      }).catch((e: AppError) => e.code);
      expect(crossed).toBe('not-found');
      expect(await getEdition(fx.ctx.store.db, fx.b.id, published.id)).toBe(undefined);
    });

    it('audit events stay with the organization that wrote them', async () => {
      const a = await listAuditEvents(fx.ctx.store.db, fx.a.id);
      const b = await listAuditEvents(fx.ctx.store.db, fx.b.id);
      expect(a.map((e) => e.action).sort()).toEqual([
        'edition.import',
        'edition.publish',
        'node.update',
        'plan.import',
      ]);
      expect(b.map((e) => e.action).sort()).toEqual(['edition.import', 'plan.import']);
    });

    it("store calls with one organization's id and the other's row ids find and change nothing", async () => {
      const db = fx.ctx.store.db;
      const bBefore = await exportOf(fx.b.slug);
      const bPlanId = await planIdOf(fx.b);
      const bNode = (await getNodeByCode(db, fx.b.id, bPlanId, '1-1'))!;
      const bEdition = (await listEditions(db, fx.b.id, bPlanId))[0]!;
      expect(await getPlanById(db, fx.a.id, bPlanId)).toBe(undefined);
      expect(await getNodeById(db, fx.a.id, bNode.id)).toBe(undefined);
      expect(await getNodeByCode(db, fx.a.id, bPlanId, '1-1')).toBe(undefined);
      expect(await getEdition(db, fx.a.id, bEdition.id)).toBe(undefined);
      const sheet = {
        id: bNode.id,
        expectedVersion: bNode.version,
        title: 'x',
        now: '2026-01-01T00:00:00.000Z',
        audit: {
          organizationId: fx.a.id,
          at: '2026-01-01T00:00:00.000Z',
          actor: 'test',
          action: 'x',
          entityType: 'node',
          entityId: bNode.id,
        },
      };
      // Departments unchanged (one statement on PostgreSQL), then changed (the statements one by one).
      const keepDepartments = { ...sheet, content: bNode.content, departmentsBefore: bNode.content.departments };
      expect(await writeNodeSheet(db, fx.a.id, keepDepartments)).toBe(false);
      expect(await writeNodeSheet(db, fx.a.id, { ...sheet, content: { ...bNode.content, departments: [] } })).toBe(
        false,
      );
      expect(await listAuditEvents(db, fx.a.id, { entityId: bNode.id })).toEqual([]);
      await transaction(fx.ctx.store, async (tx) => {
        await replaceNodeDepartments(tx, fx.a.id, bNode.id, []);
        await deletePlan(tx, fx.a.id, bPlanId);
      });
      expect(await exportOf(fx.b.slug)).toBe(bBefore);
    });

    it("a replacing import into one organization leaves the other's plan of the same slug alone", async () => {
      const bBefore = await exportOf(fx.b.slug);
      const twin = kitakazeBundle() as { organization: { slug: string; name: string } };
      twin.organization = { slug: fx.a.slug, name: fx.a.name };
      const result = await importBundle({ ctx: fx.ctx, actor, input: twin, replace: true });
      expect(result.plans).toEqual([{ slug: 'action-plan-2', nodes: 56, replaced: true }]);
      expect(await exportOf(fx.b.slug)).toBe(bBefore);
      expect(
        (await getPublicEdition(fx.ctx, { organizationSlug: fx.b.slug, planSlug: fx.b.planSlug })).edition.name,
      ).toBe('令和4年度実績反映版');
    });
  });
}
