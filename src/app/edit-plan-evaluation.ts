import { type EvaluationPreview, evaluationPreview } from '../domain/index.ts';
import { insertAuditEvent, transaction, updatePlanSettings } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { checkEvaluationForm } from './check-evaluation-form.ts';
import { conflict, invalidInput } from './errors.ts';
import type { EvaluationFormValues } from './evaluation-form.ts';
import { loadPlan } from './load-plan.ts';
import { writeIndicatorOverrides } from './write-indicator-overrides.ts';

interface EvaluationProps {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  input: EvaluationFormValues;
}

/**
 * What the form's evaluation method would give on the plan's current data in `fy`, beside the saved method's
 * result, without saving anything (plan office). Refused with every problem at once when the method is invalid.
 */
export async function previewPlanEvaluation(props: EvaluationProps & { fy: number }): Promise<EvaluationPreview> {
  const loaded = await loadPlan(props.ctx.store.db, props.organizationSlug, props.planSlug);
  authorize(props.actor, 'plan.edit', { organizationId: loaded.organization.id });
  const checked = checkEvaluationForm(loaded, props.input);
  const { startFy, endFy } = loaded.document.period;
  const fyError = !Number.isInteger(props.fy) || props.fy < startFy || props.fy > endFy;
  const errors = {
    ...(checked.ok ? {} : checked.errors),
    ...(fyError
      ? {
          previewFy: {
            ja: `計画期間内の年度（${startFy}～${endFy}）を西暦で入力してください`,
            en: `Enter a fiscal year of the plan period (${startFy}–${endFy})`,
          },
        }
      : {}),
  };
  if (!checked.ok || fyError) throw invalidInput(errors);
  return evaluationPreview(loaded.document, checked.plan, props.fy);
}

/**
 * Saves the plan's evaluation method and share rounding (plan office), checked as a whole plan by the schema a
 * bundle import uses, so the form and a bundle can never accept different methods. An older form (another tab
 * saved since) is refused with 409; every save leaves an audit entry with the method before and after.
 */
export async function editPlanEvaluation(props: EvaluationProps & { expectedVersion: number }): Promise<{
  version: number;
}> {
  return transaction(props.ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
    const orgId = loaded.organization.id;
    authorize(props.actor, 'plan.edit', { organizationId: orgId });
    const checked = checkEvaluationForm(loaded, props.input);
    if (!checked.ok) throw invalidInput(checked.errors);
    const { nodes, ...settings } = checked.plan;
    const before = loaded.plan.settings;
    const now = props.ctx.now().toISOString();
    const ok = await updatePlanSettings(tx, orgId, {
      id: loaded.plan.id,
      expectedVersion: props.expectedVersion,
      settings,
      now,
    });
    if (!ok) throw conflict({ currentVersion: loaded.plan.version });
    await writeIndicatorOverrides(tx, { loaded, nodes, actor: props.actor, now });
    await insertAuditEvent(tx, {
      organizationId: orgId,
      at: now,
      actor: actorId(props.actor),
      action: 'plan.evaluation',
      entityType: 'plan',
      entityId: loaded.plan.id,
      summary: settings.evaluation?.status?.name ?? settings.evaluation?.preset ?? '',
      before: { evaluation: before.evaluation ?? null, shareRounding: before.rollup.shareRounding ?? null },
      after: { evaluation: settings.evaluation ?? null, shareRounding: settings.rollup.shareRounding ?? null },
    });
    return { version: loaded.plan.version + 1 };
  });
}
