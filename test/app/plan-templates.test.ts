import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  type AppError,
  bundleToJson,
  copyPlanStructure,
  createPlanFromTemplate,
  exportBundle,
  getPublicEdition,
  importBundle,
  loadPlan,
  systemActor,
} from '../../src/app/index.ts';
import { leafNodes, PlanTemplateKey } from '../../src/domain/index.ts';
import { getOrganizationBySlug, listAuditEvents } from '../../src/store/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { DIALECTS } from '../harness/test-database.ts';

const actor = systemActor('test');
const period = { startFy: 2025, endFy: 2028 };
const codeOf = (e: unknown) => (e as AppError).code;

for (const dialect of DIALECTS) {
  describe(`plan templates and structure copies on ${dialect}`, () => {
    let fx: AppFixture;
    let ogoriId: string;
    beforeAll(async () => {
      fx = await createAppFixture(dialect, { now: () => new Date('2025-03-01T00:00:00Z') });
      ogoriId = (await getOrganizationBySlug(fx.ctx.store.db, 'ogori'))!.id;
    });
    afterAll(() => fx.close());

    it('creates an empty draft plan from each template, recorded in the audit log', async () => {
      const shapes = [];
      for (const template of PlanTemplateKey.options) {
        const slug = `from-${template}`;
        await createPlanFromTemplate(fx.ctx, actor, {
          organizationSlug: 'ogori',
          template,
          slug,
          title: template,
          period,
        });
        const { document } = await loadPlan(fx.ctx.store.db, 'ogori', slug);
        shapes.push([
          document.levels.map((l) => l.ja).join(' > '),
          document.ratingScales[0]?.levels.map((l) => l.label).join('/'),
          document.rollup.method,
          document.nodes.length,
          document.status,
        ]);
        const pub = await getPublicEdition(fx.ctx, { organizationSlug: 'ogori', planSlug: slug }).catch(codeOf);
        expect(pub).toBe('not-found');
      }
      expect(shapes).toEqual([
        ['基本目標 > 具体的な取組', '0%/10%/20%/30%/40%/50%/60%/70%/80%/90%/100%', 'mean', 0, 'draft'],
        ['政策 > 施策 > 事務事業', 'D/C/B/A', 'distribution', 0, 'draft'],
        ['基本目標 > 施策 > 重点事業 > 事業', '評価不能/計画未満/計画通り/計画以上', 'mean', 0, 'draft'],
      ]);
      const events = await listAuditEvents(fx.ctx.store.db, ogoriId, { entityType: 'plan' });
      // Newest first.
      const created = events.filter((e) => e.action === 'plan.create').reverse();
      expect(created.map((e) => (e.after as { from: unknown }).from)).toEqual(
        PlanTemplateKey.options.map((template) => ({ template })),
      );
      expect(created[0]).toMatchObject({
        actor: 'system:test',
        summary: 'action-plan-2-level',
        at: '2025-03-01T00:00:00.000Z',
      });
    });

    it('refuses a taken slug, an unknown template, a reversed period and other cities’ staff', async () => {
      const base = { organizationSlug: 'ogori', slug: 'action-plan-2', title: 't', period };
      const taken = await createPlanFromTemplate(fx.ctx, actor, { ...base, template: 'sogo-keikaku-3-level' }).catch(
        codeOf,
      );
      const unknown = await createPlanFromTemplate(fx.ctx, actor, {
        ...base,
        slug: 'x',
        template: 'kihon-keikaku' as PlanTemplateKey,
      }).catch((e: AppError) => [e.code, e.messageEn]);
      const reversed = await createPlanFromTemplate(fx.ctx, actor, {
        ...base,
        slug: 'y',
        template: 'sogo-keikaku-3-level',
        period: { startFy: 2028, endFy: 2025 },
      }).catch((e: AppError) => [e.code, e.messageEn]);
      const stranger: Actor = {
        kind: 'user',
        userId: 'u1',
        organizationId: 'another-org',
        displayName: 'x',
        role: 'plan-office',
        departmentCode: null,
      };
      const editor: Actor = {
        ...stranger,
        organizationId: ogoriId,
        role: 'department-editor',
        departmentCode: 'kenko',
      };
      const forbidden = [];
      for (const who of [stranger, editor]) {
        forbidden.push(
          await createPlanFromTemplate(fx.ctx, who, { ...base, slug: 'z', template: 'sogo-keikaku-3-level' }).catch(
            codeOf,
          ),
          await copyPlanStructure(fx.ctx, who, { ...base, slug: 'z', fromPlanSlug: 'action-plan-2' }).catch(codeOf),
        );
      }
      expect([taken, unknown, reversed, forbidden]).toEqual([
        'already-exists',
        [
          'invalid-input',
          'no template "kihon-keikaku" (action-plan-2-level, sogo-keikaku-3-level, jisshi-keikaku-4-level)',
        ],
        ['invalid-input', 'Cannot create the plan: period.endFy: endFy is before startFy'],
        ['forbidden', 'forbidden', 'forbidden', 'forbidden'],
      ]);
    });

    it('copies the structure of Ogori’s plan into the next period with 継続案件', async () => {
      const result = await copyPlanStructure(fx.ctx, actor, {
        organizationSlug: 'ogori',
        fromPlanSlug: 'action-plan-2',
        slug: 'action-plan-3',
        title: '第3期アクションプラン',
        carryOver: ['3-2', '継1'],
      });
      expect(result.carried).toEqual([
        { from: '3-2', to: '継1' },
        { from: '継1', to: '継2' },
      ]);
      const { document } = await loadPlan(fx.ctx.store.db, 'ogori', 'action-plan-3');
      expect([document.period, document.status, document.predecessor?.slug]).toEqual([
        { startFy: 2025, endFy: 2027 },
        'draft',
        'action-plan-2',
      ]);
      const leaves = leafNodes(document);
      // 40 initiatives: 3-2 moved into 継, the old 継1 carried as 継2
      expect(leaves).toHaveLength(40);
      expect(leaves.filter((n) => n.assessments.length > 0 || n.roadmap.length > 0)).toEqual([]);
      expect(leaves.at(-1)).toMatchObject({ code: '継2', title: '人事評価制度の活用', departments: ['jinji-hosei'] });
      const ind = leaves.find((n) => n.code === '1-3')!.indicators[0]!;
      expect([ind.name, ind.values, ind.target]).toEqual(['フォロワー数', [], undefined]);
      const events = await listAuditEvents(fx.ctx.store.db, ogoriId, { entityType: 'plan' });
      expect(events.find((e) => e.action === 'plan.copy')?.after).toEqual({
        slug: 'action-plan-3',
        title: '第3期アクションプラン',
        period: { startFy: 2025, endFy: 2027 },
        from: { plan: 'action-plan-2', carryOver: result.carried },
      });
      const refused = await copyPlanStructure(fx.ctx, actor, {
        organizationSlug: 'ogori',
        fromPlanSlug: 'action-plan-2',
        slug: 'action-plan-4',
        title: 'x',
        carryOver: ['3'],
      }).catch((e: AppError) => [e.code, e.messageJa]);
      expect(refused).toEqual(['invalid-input', '継続案件にできるのは元の計画で継続中の取組だけです: 3']);
    });

    it('exports the new plans and imports them back unchanged', async () => {
      const json = bundleToJson(await exportBundle({ ctx: fx.ctx, organizationSlug: 'ogori' }));
      const other = await createAppFixture(dialect, { empty: true });
      try {
        await importBundle({ ctx: other.ctx, actor, input: JSON.parse(json) });
        expect(bundleToJson(await exportBundle({ ctx: other.ctx, organizationSlug: 'ogori' }))).toBe(json);
      } finally {
        await other.close();
      }
    });
  });
}
