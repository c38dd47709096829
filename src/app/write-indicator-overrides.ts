import { findNode, type PlanNode } from '../domain/index.ts';
import { type Executor, writeNodeSheet } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import { conflict } from './errors.ts';
import type { LoadedPlan } from './load-plan.ts';

const own = (n: { indicators: PlanNode['indicators'] }) =>
  JSON.stringify(n.indicators.map((i) => [i.key, i.method ?? null, i.tolerance ?? null]));

/**
 * Writes each node whose indicators' own method or tolerance the evaluation form changed, in the caller's
 * transaction, with one audit entry per node. Only those two fields are taken from the form, so a KPI edited
 * meanwhile keeps its values; a node written since it was loaded makes the whole save a conflict.
 */
export async function writeIndicatorOverrides(
  tx: Executor,
  props: { loaded: LoadedPlan; nodes: readonly PlanNode[]; actor: Actor; now: string },
): Promise<void> {
  const orgId = props.loaded.organization.id;
  for (const row of props.loaded.nodes) {
    const next = findNode({ nodes: [...props.nodes] }, row.code);
    if (!next || own(next) === own(row.content)) continue;
    const indicators = row.content.indicators.map((i) => {
      const changed = next.indicators.find((x) => x.key === i.key);
      const { method: _m, tolerance: _t, ...rest } = i;
      return {
        ...rest,
        ...(changed?.method ? { method: changed.method } : {}),
        ...(changed?.tolerance ? { tolerance: changed.tolerance } : {}),
      };
    });
    const content = { ...row.content, indicators };
    const ok = await writeNodeSheet(tx, orgId, {
      id: row.id,
      expectedVersion: row.version,
      title: row.title,
      content,
      now: props.now,
      departmentsBefore: row.content.departments,
      audit: {
        organizationId: orgId,
        at: props.now,
        actor: actorId(props.actor),
        action: 'node.evaluation',
        entityType: 'node',
        entityId: row.id,
        summary: `${row.code} ${row.title}`,
        before: {
          indicators: row.content.indicators.map((i) => ({ key: i.key, method: i.method, tolerance: i.tolerance })),
        },
        after: { indicators: indicators.map((i) => ({ key: i.key, method: i.method, tolerance: i.tolerance })) },
      },
    });
    if (!ok) throw conflict({ currentVersion: props.loaded.plan.version });
  }
}
