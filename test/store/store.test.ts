import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppError,
  bundleToJson,
  createBackup,
  exportBundle,
  importBundle,
  restoreBackup,
  systemActor,
  updateNodeSheet,
} from '../../src/app/index.ts';
import { BACKUP_TABLES, listAuditEvents, listExistingTables } from '../../src/store/index.ts';
import { type AppFixture, createAppFixture, readOgoriBundle } from '../harness/app-fixture.ts';
import { DIALECTS } from '../harness/test-database.ts';

const cli = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`store on ${dialect}`, () => {
    let seeded: AppFixture;
    let exported: string;

    beforeAll(async () => {
      seeded = await createAppFixture(dialect);
      exported = bundleToJson(await exportBundle({ ctx: seeded.ctx, organizationSlug: 'ogori' }));
    });
    afterAll(() => seeded.close());

    it('has exactly the tables that backups cover', async () => {
      const tables = await listExistingTables(seeded.ctx.store.db, dialect);
      expect([...tables].sort()).toEqual([...BACKUP_TABLES].sort());
    });

    it('holds the bundled plan with its published edition', () => {
      const bundle = JSON.parse(exported);
      expect(bundle.plans).toHaveLength(1);
      expect(bundle.plans[0].nodes).toHaveLength(16);
      const leaves = bundle.plans[0].nodes.flatMap((g: { children: unknown[] }) => g.children);
      expect(leaves).toHaveLength(40);
      expect(bundle.editions.map((e: { name: string }) => e.name)).toEqual(['令和4年度実績反映版']);
    });

    it('export → import into an empty database → export is identical', async () => {
      const fresh = await createAppFixture(dialect, { empty: true });
      try {
        await importBundle({ ctx: fresh.ctx, actor: cli, input: JSON.parse(exported) });
        const again = bundleToJson(await exportBundle({ ctx: fresh.ctx, organizationSlug: 'ogori' }));
        expect(again).toBe(exported);
      } finally {
        await fresh.close();
      }
    });

    it('refuses an invalid bundle with the path of each error and changes nothing', async () => {
      const bad = readOgoriBundle() as {
        plans: { slug: string; nodes: { children: { assessments: { level: string }[] }[] }[] }[];
      };
      bad.plans[0]!.slug = 'another-plan';
      bad.plans[0]!.nodes[2]!.children[1]!.assessments[0]!.level = '35';
      const error = await importBundle({ ctx: seeded.ctx, actor: cli, input: bad }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid-input');
      expect((error as AppError).messageEn).toBe(
        'The file has 1 problem(s), so nothing was imported. plans[0].nodes[3-2].assessments[0].level: "35" is not a level of scale "achievement" (levels: 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)',
      );
      expect(bundleToJson(await exportBundle({ ctx: seeded.ctx, organizationSlug: 'ogori' }))).toBe(exported);
    });

    it('refuses to import a plan that exists unless asked to replace it', async () => {
      const error = await importBundle({ ctx: seeded.ctx, actor: cli, input: readOgoriBundle() }).catch((e) => e);
      expect((error as AppError).code).toBe('already-exists');
    });

    it('rejects the second of two updates made from the same version', async () => {
      const fx = await createAppFixture(dialect);
      try {
        const base = { ctx: fx.ctx, actor: cli, organizationSlug: 'ogori', planSlug: 'action-plan-2', code: '1-1' };
        const first = await updateNodeSheet({ ...base, expectedVersion: 1, changes: { goal: '最初の変更' } });
        expect(first.version).toBe(2);
        const second = await updateNodeSheet({ ...base, expectedVersion: 1, changes: { goal: '二番目の変更' } }).catch(
          (e: unknown) => e,
        );
        expect((second as AppError).code).toBe('conflict');
        expect((second as AppError).details).toMatchObject({
          kind: 'stale',
          currentVersion: 2,
          current: { goal: '最初の変更' },
        });
        const bundle = await exportBundle({ ctx: fx.ctx, organizationSlug: 'ogori' });
        expect(bundle.plans[0]!.nodes[0]!.children[0]!.goal).toBe('最初の変更');
        const org = bundle.organization.slug;
        expect(org).toBe('ogori');
      } finally {
        await fx.close();
      }
    });

    it('records an audit event with before and after in the same transaction as the write', async () => {
      const fx = await createAppFixture(dialect);
      try {
        await updateNodeSheet({
          ctx: fx.ctx,
          actor: cli,
          organizationSlug: 'ogori',
          planSlug: 'action-plan-2',
          code: '1-3',
          expectedVersion: 1,
          changes: { sdgs: [9, 17] },
        });
        const orgId = (await fx.ctx.store.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
        const events = await listAuditEvents(fx.ctx.store.db, orgId, { entityType: 'node' });
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          actor: 'system:test',
          action: 'node.update',
          summary: '1-3 市SNSの情報発信力強化',
        });
        expect((events[0]!.before as { sdgs: number[] }).sdgs).toEqual([]);
        expect((events[0]!.after as { sdgs: number[] }).sdgs).toEqual([9, 17]);
      } finally {
        await fx.close();
      }
    });

    it('backup → restore into an empty database → export is identical', async () => {
      const backup = await createBackup(seeded.ctx);
      for (const target of DIALECTS) {
        const fresh = await createAppFixture(target, { empty: true });
        try {
          await restoreBackup(fresh.ctx, backup);
          expect(bundleToJson(await exportBundle({ ctx: fresh.ctx, organizationSlug: 'ogori' }))).toBe(exported);
        } finally {
          await fresh.close();
        }
      }
    });

    it('refuses a damaged, foreign or misplaced backup with a clear message', async () => {
      const backup = await createBackup(seeded.ctx);
      const damaged = Buffer.from(backup);
      damaged[damaged.length - 10] = (damaged[damaged.length - 10]! + 1) % 256;
      const foreign = Buffer.from(JSON.stringify({ hello: 'world' }));
      const messages = [];
      for (const data of [damaged, foreign]) {
        const e = await restoreBackup(seeded.ctx, data).catch((x: unknown) => x);
        messages.push((e as AppError).messageEn);
      }
      expect(messages[0]).toMatch(/^(cannot read the backup file|the backup is corrupted)/);
      expect(messages[1]).toBe('not a Shinchoku backup file');
      const notEmpty = await restoreBackup(seeded.ctx, backup).catch((x: unknown) => x);
      expect((notEmpty as AppError).code).toBe('database-not-empty');
    });
  });
}
