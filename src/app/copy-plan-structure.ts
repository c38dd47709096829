import { copyStructure } from '../domain/index.ts';
import { transaction } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError } from './errors.ts';
import { insertNewPlan } from './insert-new-plan.ts';
import { loadPlan } from './load-plan.ts';

export interface CopyPlanStructureProps {
  organizationSlug: string;
  fromPlanSlug: string;
  slug: string;
  title: string;
  /** Default: the period of the same length that follows the source plan's. */
  period?: { startFy: number; endFy: number } | undefined;
  /** Initiatives of the source plan that continue as 継続案件 (継1, 継2… in the new plan). */
  carryOver?: string[] | undefined;
}

/**
 * Creates a draft plan with the structure of another plan of the same organization: its active tree with
 * codes, titles, 課 and indicator definitions, without ratings or figures; chosen initiatives become 継続案件.
 * @example await copyPlanStructure(ctx, actor, { organizationSlug: 'komorebi', fromPlanSlug: 'jikko-keikaku-2', … })
 */
export async function copyPlanStructure(
  ctx: AppContext,
  actor: Actor,
  props: CopyPlanStructureProps,
): Promise<{ planId: string; slug: string; carried: { from: string; to: string }[] }> {
  return transaction(ctx.store, async (tx) => {
    const source = await loadPlan(tx, props.organizationSlug, props.fromPlanSlug);
    authorize(actor, 'plan.edit', { organizationId: source.organization.id });
    const { startFy, endFy } = source.document.period;
    const period = props.period ?? { startFy: endFy + 1, endFy: endFy + 1 + (endFy - startFy) };
    const made = copyStructure(source.document, { slug: props.slug, title: props.title, period }, props.carryOver);
    if (!made.ok) throw new AppError('invalid-input', { ja: made.error.message, en: made.error.messageEn });
    const carried = made.value.nodes
      .flatMap((n) => n.children)
      .filter((n) => n.carriedFrom?.plan === source.plan.slug)
      .map((n) => ({ from: n.carriedFrom?.code as string, to: n.code }));
    const planId = await insertNewPlan(tx, {
      organizationId: source.organization.id,
      actor,
      doc: made.value,
      now: ctx.now().toISOString(),
      action: 'plan.copy',
      from: { plan: source.plan.slug, carryOver: carried },
    });
    return { planId, slug: made.value.slug, carried };
  });
}
