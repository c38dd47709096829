import { type PlanTemplateKey, planFromTemplate } from '../domain/index.ts';
import { transaction } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError } from './errors.ts';
import { insertNewPlan } from './insert-new-plan.ts';
import { requireOrganization } from './load-plan.ts';
import { loadPlanTemplate } from './plan-templates.ts';

export interface CreatePlanFromTemplateProps {
  organizationSlug: string;
  template: PlanTemplateKey;
  slug: string;
  title: string;
  period: { startFy: number; endFy: number };
}

/**
 * Creates an empty draft plan from a bundled template (levels, rating scales and rules, roll-up method), for the
 * plan office or the CLI. The plan is not public until an edition is published.
 * @example await createPlanFromTemplate(ctx, actor, { organizationSlug: 'ogori', template: 'sogo-keikaku-3-level', … })
 */
export async function createPlanFromTemplate(
  ctx: AppContext,
  actor: Actor,
  props: CreatePlanFromTemplateProps,
): Promise<{ planId: string; slug: string }> {
  const template = loadPlanTemplate(props.template);
  return transaction(ctx.store, async (tx) => {
    const org = await requireOrganization(tx, props.organizationSlug);
    authorize(actor, 'plan.edit', { organizationId: org.id });
    const made = planFromTemplate(template, { slug: props.slug, title: props.title, period: props.period });
    if (!made.ok) throw new AppError('invalid-input', { ja: made.error.message, en: made.error.messageEn });
    const planId = await insertNewPlan(tx, {
      organizationId: org.id,
      actor,
      doc: made.value,
      now: ctx.now().toISOString(),
      action: 'plan.create',
      from: { template: template.key },
    });
    return { planId, slug: made.value.slug };
  });
}
