import { PlanDocument } from '../domain/index.ts';
import { type Executor, insertAuditEvent, type PlanSettings, updatePlanSettings } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { conflict, invalidInput } from './errors.ts';
import { firstIssueMessage } from './format-zod-error.ts';
import type { LoadedPlan } from './load-plan.ts';

/**
 * Writes a plan's new settings in the caller's transaction: checked as a whole plan with its nodes (so the
 * sheets' values must fit the settings), written only if nobody saved since `expectedVersion`, and recorded as
 * an audit event with before and after. Every settings form (基本情報, シートの項目) saves through this.
 */
export async function writePlanSettings(
  tx: Executor,
  props: { ctx: AppContext; actor: Actor; expectedVersion: number },
  loaded: LoadedPlan,
  change: { settings: PlanSettings; action: string; summary: string },
): Promise<{ version: number }> {
  const checked = { ...change.settings, nodes: loaded.document.nodes };
  const check = PlanDocument.safeParse(checked);
  if (!check.success) throw invalidInput({ form: firstIssueMessage(check.error, checked) });
  const { nodes: _n, ...normalized } = check.data;
  const now = props.ctx.now().toISOString();
  const orgId = loaded.organization.id;
  const ok = await updatePlanSettings(tx, orgId, {
    id: loaded.plan.id,
    expectedVersion: props.expectedVersion,
    settings: normalized,
    now,
  });
  if (!ok) throw conflict({ currentVersion: loaded.plan.version });
  await insertAuditEvent(tx, {
    organizationId: orgId,
    at: now,
    actor: actorId(props.actor),
    action: change.action,
    entityType: 'plan',
    entityId: loaded.plan.id,
    summary: change.summary,
    before: loaded.plan.settings,
    after: normalized,
  });
  return { version: loaded.plan.version + 1 };
}
