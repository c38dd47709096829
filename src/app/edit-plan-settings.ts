import { z } from 'zod';
import { TEXT_LIMITS as L, SharedInitiatives } from '../domain/index.ts';
import { type PlanSettings, transaction } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { type FieldErrors, invalidInput } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { zodFieldErrors } from './format-zod-error.ts';
import { loadPlan } from './load-plan.ts';
import { writePlanSettings } from './write-plan-settings.ts';

/** Trimmed text up to a limit of the one table (TEXT_LIMITS). */
const text = (max: number) => z.string().trim().max(max);
const year = z.coerce
  .number({ message: 'fiscalYear' })
  .int('fiscalYear')
  .min(1900, 'fiscalYear')
  .max(2200, 'fiscalYear');

/** The plan-settings form: metadata, the names of the tree's levels, and the primary rating scale's levels. */
export const PlanSettingsInput = z.object({
  title: text(L.title).min(1, 'planTitle'),
  shortTitle: text(L.name),
  vision: text(L.text),
  startFy: year,
  endFy: year,
  levels: z.array(text(L.name).min(1, 'levelName')).min(1).max(6),
  scaleName: text(L.name).min(1, 'scaleName'),
  scaleLevels: z
    .array(
      z.object({
        key: text(L.key).min(1, 'levelKey'),
        label: text(L.name).min(1, 'levelLabel'),
        definition: text(L.text),
        score: z.string().trim(),
        excluded: z.boolean(),
      }),
    )
    .min(2),
  /** Who submits shared initiatives; absent keeps what the plan says. */
  sharedInitiatives: z
    .string()
    .transform((v) => v || undefined)
    .pipe(SharedInitiatives.optional())
    .optional(),
});
export type PlanSettingsInput = z.input<typeof PlanSettingsInput>;

/**
 * Saves the plan's metadata, level names and rating scale (plan office). Level keys already used by ratings
 * stay (the form cannot rename them); the result is validated as a whole plan before it is written.
 */
export async function editPlanSettings(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  expectedVersion: number;
  input: PlanSettingsInput;
}): Promise<{ version: number }> {
  return transaction(props.ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
    const orgId = loaded.organization.id;
    authorize(props.actor, 'plan.edit', { organizationId: orgId });
    const parsed = PlanSettingsInput.safeParse(props.input);
    if (!parsed.success) {
      throw invalidInput(zodFieldErrors(parsed.error));
    }
    const input = parsed.data;
    const errors: FieldErrors = {};
    if (input.endFy < input.startFy)
      errors.endFy = {
        ja: '終了年度は開始年度以降にしてください',
        en: 'The last fiscal year must not be before the first',
      };
    const before = loaded.plan.settings;
    const [primary, ...otherScales] = before.ratingScales;
    const used = new Set(loaded.nodes.flatMap((n) => n.content.assessments.map((a) => a.level)));
    for (const level of primary!.levels) {
      if (used.has(level.key) && !input.scaleLevels.some((l) => l.key === level.key)) {
        errors.scaleLevels = {
          ja: `評価「${level.label}」は使われているため削除できません`,
          en: `Rating "${level.label}" is in use and cannot be removed`,
        };
      }
    }
    const levels = input.scaleLevels.map((l, i) => {
      const score = l.score === '' ? null : Number(l.score.normalize('NFKC'));
      if (score !== null && !Number.isFinite(score)) errors[`scaleLevels[${i}].score`] = M.number;
      const old = primary!.levels.find((x) => x.key === l.key);
      return {
        ...old,
        key: l.key,
        label: l.label,
        ...(l.definition ? { definition: l.definition } : { definition: undefined }),
        score: Number.isFinite(score) ? score : null,
        excluded: l.excluded,
      };
    });
    if (Object.keys(errors).length > 0) throw invalidInput(errors);
    const settings: PlanSettings = {
      ...before,
      title: input.title,
      shortTitle: input.shortTitle || undefined,
      vision: input.vision || undefined,
      period: { startFy: input.startFy, endFy: input.endFy },
      levels: input.levels.map((ja, i) => ({ ...before.levels[i], ja })),
      ratingScales: [{ ...primary!, name: input.scaleName, levels }, ...otherScales],
      // lead-submits is what a plan that says nothing gets, so it is stored as nothing.
      sharedInitiatives:
        (input.sharedInitiatives ?? before.sharedInitiatives) === 'each-submits' ? 'each-submits' : undefined,
    };
    return writePlanSettings(tx, props, loaded, { settings, action: 'plan.update', summary: input.title });
  });
}
