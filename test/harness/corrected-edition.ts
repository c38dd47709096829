import { loadPlan, publishEdition, systemActor, updateNodeSheet } from '../../src/app/index.ts';
import { findNode } from '../../src/domain/index.ts';
import type { Dialect } from './test-database.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** The name of the second edition: a correction of the seeded 令和4年度実績反映版. */
export const CORRECTION_NAME = '令和4年度実績反映版（訂正）';

export interface TwoEditions {
  server: TestServer;
  /** The seeded edition (令和4年度実績反映版). */
  firstId: string;
  /** The correction, published a month later. */
  secondId: string;
}

/**
 * A server with two published editions of the Ogori plan to compare: the seeded one, and a month later a
 * correction of 1-1 alone (its R4 rating 10 % → 60 %, its KPI's R4 actual 6 → 8 件, a result line 「要綱を改正した」
 * added, 根拠法令 「地方自治法」 given). A month apart, so "newest first" is one order on both databases.
 */
export async function startServerWithCorrection(database: Dialect = 'sqlite'): Promise<TwoEditions> {
  let clock = new Date('2024-06-01T03:00:00Z');
  const server = await startTestServer({ database, now: () => clock });
  const firstId = (await server.ctx.store.db.selectFrom('editions').select('id').executeTakeFirstOrThrow()).id;
  const loaded = await loadPlan(server.ctx.store.db, 'ogori', 'action-plan-2');
  const node = findNode(loaded.document, '1-1')!;
  const at = { organizationSlug: 'ogori', planSlug: 'action-plan-2' };
  await updateNodeSheet({
    ctx: server.ctx,
    actor: systemActor('test'),
    ...at,
    code: '1-1',
    expectedVersion: loaded.nodes.find((n) => n.code === '1-1')!.version,
    changes: {
      assessments: [{ fy: 2022, period: 'FY', level: '60' }],
      indicators: node.indicators.map((i) => ({
        ...i,
        values: i.values.map((v) => (v.fy === 2022 ? { ...v, actual: 8 } : v)),
      })),
      roadmap: node.roadmap.map((r) => (r.fy === 2022 ? { ...r, actual: [...r.actual, '要綱を改正した'] } : r)),
      fields: { legalBasis: ['地方自治法'] },
    },
  });
  clock = new Date('2024-07-01T03:00:00Z');
  const second = await publishEdition({
    ctx: server.ctx,
    actor: systemActor('test'),
    ...at,
    name: CORRECTION_NAME,
    fy: 2022,
  });
  return { server, firstId, secondId: second.id };
}
