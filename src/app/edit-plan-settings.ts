import { z } from 'zod';
import { PlanDocument } from '../domain/index.ts';
import { insertAuditEvent, type PlanSettings, transaction, updatePlanSettings } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError, conflict } from './errors.ts';
import { issuesOf } from './format-zod-error.ts';
import { loadPlan } from './load-plan.ts';

const text = z.string().trim().max(2000);
const year = z.coerce
  .number({ message: '年度を西暦4桁で入力してください' })
  .int('年度を西暦4桁で入力してください')
  .min(1900)
  .max(2200);

/** The plan-settings form: metadata, the names of the tree's levels, and the primary rating scale's levels. */
export const PlanSettingsInput = z.object({
  title: text.min(1, '計画の名称を入力してください'),
  shortTitle: text,
  vision: text,
  startFy: year,
  endFy: year,
  levels: z.array(text.min(1, '階層の名称を入力してください')).min(1).max(6),
  scaleName: text.min(1, '評価の名称を入力してください'),
  scaleLevels: z
    .array(
      z.object({
        key: z.string().trim().min(1, '記号を入力してください').max(20),
        label: text.min(1, '表示名を入力してください'),
        definition: text,
        score: z.string().trim(),
        excluded: z.boolean(),
      }),
    )
    .min(2),
});
export type PlanSettingsInput = z.input<typeof PlanSettingsInput>;

const invalid = (fieldErrors: Record<string, string>) =>
  new AppError(
    'invalid-input',
    { ja: '入力内容を確認してください', en: 'Please check the highlighted fields' },
    { fieldErrors },
  );

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
      throw invalid(Object.fromEntries(issuesOf(parsed.error).map((i) => [i.path, i.message])));
    }
    const input = parsed.data;
    const errors: Record<string, string> = {};
    if (input.endFy < input.startFy) errors.endFy = '終了年度は開始年度以降にしてください';
    const before = loaded.plan.settings;
    const [primary, ...otherScales] = before.ratingScales;
    const used = new Set(loaded.nodes.flatMap((n) => n.content.assessments.map((a) => a.level)));
    for (const level of primary!.levels) {
      if (used.has(level.key) && !input.scaleLevels.some((l) => l.key === level.key)) {
        errors.scaleLevels = `評価「${level.label}」は使われているため削除できません`;
      }
    }
    const levels = input.scaleLevels.map((l, i) => {
      const score = l.score === '' ? null : Number(l.score.normalize('NFKC'));
      if (score !== null && !Number.isFinite(score)) errors[`scaleLevels[${i}].score`] = '数値で入力してください';
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
    if (Object.keys(errors).length > 0) throw invalid(errors);
    const settings: PlanSettings = {
      ...before,
      title: input.title,
      shortTitle: input.shortTitle || undefined,
      vision: input.vision || undefined,
      period: { startFy: input.startFy, endFy: input.endFy },
      levels: input.levels.map((ja, i) => ({ ...before.levels[i], ja })),
      ratingScales: [{ ...primary!, name: input.scaleName, levels }, ...otherScales],
    };
    const check = PlanDocument.safeParse({ ...settings, nodes: loaded.document.nodes });
    if (!check.success) {
      const first = issuesOf(check.error)[0]!;
      throw invalid({ form: `${first.path}: ${first.message}` });
    }
    const { nodes: _n, ...normalized } = check.data;
    const now = props.ctx.now().toISOString();
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
      action: 'plan.update',
      entityType: 'plan',
      entityId: loaded.plan.id,
      summary: input.title,
      before,
      after: normalized,
    });
    return { version: loaded.plan.version + 1 };
  });
}
