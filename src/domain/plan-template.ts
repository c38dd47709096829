import { z } from 'zod';
import { issuesText } from './issues-text.ts';
import { PlanDocument, Slug } from './plan-document.ts';
import { err, ok, type Result } from './result.ts';

/** The templates shipped under data/templates/<key>.json. */
export const PlanTemplateKey = z.enum(['action-plan-2-level', 'sogo-keikaku-3-level', 'jisshi-keikaku-4-level']);
export type PlanTemplateKey = z.output<typeof PlanTemplateKey>;

/**
 * A plan template: everything a plan document has except its slug, title and period (levels, rating scales and
 * rules, roll-up method, usually an empty tree). Validated as a whole plan when a plan is made from it.
 */
export const PlanTemplate = z.object({
  key: Slug,
  name: z.string().trim().min(1),
  nameEn: z.string().optional(),
  description: z.string().optional(),
  descriptionEn: z.string().optional(),
  plan: z.record(z.string(), z.unknown()),
});
export type PlanTemplate = z.output<typeof PlanTemplate>;

export interface NewPlanIdentity {
  slug: string;
  title: string;
  period: { startFy: number; endFy: number };
}

/**
 * A new draft plan from a template, with the given slug, title and period.
 * @example planFromTemplate(template, { slug: 'ap3', title: '第3期アクションプラン', period: { startFy: 2025, endFy: 2027 } })
 */
export function planFromTemplate(template: PlanTemplate, identity: NewPlanIdentity): Result<PlanDocument> {
  const parsed = PlanDocument.safeParse({ nodes: [], ...template.plan, ...identity, status: 'draft' });
  if (!parsed.success) {
    const text = issuesText(parsed.error);
    return err('invalid-plan', `計画を作成できません: ${text}`, `Cannot create the plan: ${text}`);
  }
  return ok(parsed.data);
}
