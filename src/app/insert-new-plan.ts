import type { PlanDocument } from '../domain/index.ts';
import { type Executor, getPlanBySlug, insertAuditEvent, insertPlan, listPlans } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import { invalidInput } from './errors.ts';

/** Writes a new plan after the existing ones of the organization and records who created it from what. */
export async function insertNewPlan(
  tx: Executor,
  props: { organizationId: string; actor: Actor; doc: PlanDocument; now: string; action: string; from: unknown },
): Promise<string> {
  const { organizationId, doc } = props;
  if (await getPlanBySlug(tx, organizationId, doc.slug)) {
    throw invalidInput(
      { slug: { ja: `計画「${doc.slug}」は既にあります`, en: `plan "${doc.slug}" already exists` } },
      'already-exists',
    );
  }
  const planId = await insertPlan(tx, organizationId, doc, props.now, (await listPlans(tx, organizationId)).length);
  await insertAuditEvent(tx, {
    organizationId,
    at: props.now,
    actor: actorId(props.actor),
    action: props.action,
    entityType: 'plan',
    entityId: planId,
    summary: doc.title,
    after: { slug: doc.slug, title: doc.title, period: doc.period, from: props.from },
  });
  return planId;
}
