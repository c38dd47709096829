import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, exportBundle, publishEdition, systemActor, updateNodeSheet } from '../../src/app/index.ts';
import { leafNodes } from '../../src/domain/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { DIALECTS } from '../harness/test-database.ts';

const actor = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`concurrent writes on ${dialect}`, () => {
    let fx: AppFixture;
    beforeAll(async () => {
      fx = await createAppFixture(dialect);
    });
    afterAll(() => fx.close());

    it('100 pairs of conflicting saves lose no update: one of each pair wins, the other gets a conflict', async () => {
      const base = { ctx: fx.ctx, actor, organizationSlug: 'ogori', planSlug: 'action-plan-2' };
      const codes = leafNodes((await exportBundle({ ctx: fx.ctx, organizationSlug: 'ogori' })).plans[0]!).map(
        (n) => n.code,
      );
      const versions = new Map(codes.map((c) => [c, 1]));
      const winners = new Map<string, string[]>();
      let conflicts = 0;
      for (let round = 0; round < 100; round += codes.length) {
        const pairs = codes.slice(0, Math.min(codes.length, 100 - round));
        const results = await Promise.all(
          pairs.flatMap((code) =>
            ['A', 'B'].map((who) =>
              updateNodeSheet({
                ...base,
                code,
                expectedVersion: versions.get(code)!,
                changes: { goal: `${who}-${round}` },
              }).then(
                () => ({ code, who, ok: true as const }),
                (e: unknown) => ({ code, who, ok: false as const, error: e }),
              ),
            ),
          ),
        );
        for (const code of pairs) {
          const mine = results.filter((r) => r.code === code);
          const won = mine.filter((r) => r.ok);
          const lost = mine.filter((r) => !r.ok);
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(((lost[0] as { error: unknown }).error as AppError).code).toBe('conflict');
          conflicts++;
          versions.set(code, versions.get(code)! + 1);
          winners.set(code, [...(winners.get(code) ?? []), `${won[0]!.who}-${round}`]);
        }
      }
      expect(conflicts).toBe(100);
      // Every accepted save is what the database holds now: nothing was silently overwritten.
      const plan = (await exportBundle({ ctx: fx.ctx, organizationSlug: 'ogori' })).plans[0]!;
      for (const node of leafNodes(plan)) {
        const history = winners.get(node.code);
        if (history) expect(node.goal).toBe(history.at(-1));
      }
    });

    it('simultaneous publish requests create exactly one edition', async () => {
      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          publishEdition({
            ctx: fx.ctx,
            actor,
            organizationSlug: 'ogori',
            planSlug: 'action-plan-2',
            name: '令和5年度実績反映版',
            fy: 2023,
          }),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(refused.map((r) => (r.reason as AppError).code)).toEqual(Array(9).fill('already-exists'));
      const bundle = await exportBundle({ ctx: fx.ctx, organizationSlug: 'ogori' });
      expect(bundle.editions.map((e) => e.name)).toEqual(['令和4年度実績反映版', '令和5年度実績反映版']);
    });
  });
}
