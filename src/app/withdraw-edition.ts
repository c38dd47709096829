import { getEdition, insertAuditEvent, listEditions, transaction, withdrawEditionRow } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError, invalidInput, notFound } from './errors.ts';
import { loadPlan } from './load-plan.ts';

export interface WithdrawEditionProps {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug?: string | undefined;
  editionId: string;
  /** Why it is withdrawn; kept in the audit history and shown to staff. */
  reason: string;
}

/**
 * Withdraws (取り下げ) a published edition: from then on no public page, API, download or static export serves
 * it, and the newest edition not withdrawn becomes current again. The edition row and the audit event stay.
 */
export async function withdrawEdition(props: WithdrawEditionProps): Promise<{ currentId: string | null }> {
  return transaction(props.ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
    const orgId = loaded.organization.id;
    authorize(props.actor, 'edition.publish', { organizationId: orgId });
    const reason = props.reason.trim();
    if (!reason || reason.length > 2000) {
      throw invalidInput({
        reason: {
          ja: '取り下げる理由を2000文字以内で入力してください',
          en: 'Enter the reason (at most 2000 characters)',
        },
      });
    }
    const edition = await getEdition(tx, orgId, props.editionId);
    if (!edition || edition.planId !== loaded.plan.id) throw notFound({ ja: '公表された版', en: 'published edition' });
    const now = props.ctx.now().toISOString();
    const ok = await withdrawEditionRow(tx, orgId, {
      id: edition.id,
      planId: loaded.plan.id,
      at: now,
      by: actorId(props.actor),
      reason,
    });
    if (!ok) {
      throw new AppError('invalid-state', {
        ja: `版「${edition.name}」は既に取り下げられています`,
        en: `Edition "${edition.name}" has already been withdrawn`,
      });
    }
    await insertAuditEvent(tx, {
      organizationId: orgId,
      at: now,
      actor: actorId(props.actor),
      action: 'edition.withdraw',
      entityType: 'edition',
      entityId: edition.id,
      summary: `${edition.name} 取り下げ: ${reason}`,
      after: { withdrawnAt: now, reason },
    });
    const current = (await listEditions(tx, orgId, loaded.plan.id)).find((e) => e.isCurrent);
    return { currentId: current?.id ?? null };
  });
}
