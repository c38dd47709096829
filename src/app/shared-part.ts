import type { PlanDocument, PlanNode, SharedInitiatives } from '../domain/index.ts';
import type { Actor } from './actor.ts';
import type { Resource } from './authorize.ts';
import { AppError, invalidInput } from './errors.ts';

/** Who submits a plan's shared initiatives; a plan that says nothing has the lead 課 submit. */
export const sharedModeOf = (settings: Pick<PlanDocument, 'sharedInitiatives'>): SharedInitiatives =>
  settings.sharedInitiatives ?? 'lead-submits';

/**
 * The co-department an actor writes for on a shared initiative (共同担当課), or null when the actor writes the
 * whole sheet: the lead 課's staff, the plan office, administrators and the system. Every channel asks this one
 * function, so a co-department's form, workbook row or API call can only ever reach its own part.
 */
export function contributorOf(actor: Actor, node: Pick<PlanNode, 'departments'>): string | null {
  if (actor.kind === 'system') return null;
  if (actor.role !== 'department-editor' && actor.role !== 'department-approver') return null;
  const code = actor.departmentCode;
  if (code === null || node.departments[0] === code || !node.departments.includes(code)) return null;
  return code;
}

/**
 * The resource of what only the lead 課 decides on a shared initiative: submitting its sheet and approving it at
 * the 課内承認 step. The co-departments are not listed, so the department-scoped rules refuse them.
 */
export const leadResource = (organizationId: string, node: Pick<PlanNode, 'departments'>): Resource => ({
  organizationId,
  departments: node.departments.slice(0, 1),
});

const ONLY_OWN_PART = {
  ja: '共同担当課が書けるのは、その課の実績とコメントだけです（評価・計画・指標と提出は主担当課が行います）',
  en: 'A co-department writes only its own results and comment (the lead department rates, plans, enters KPIs and submits)',
};

/** A co-department's form that carries the lead's fields: said beside the form, nothing saved. */
export const leadFieldsInPart = () => invalidInput({ form: ONLY_OWN_PART });

/** The last check below every channel: a write outside the co-department's part is not allowed at all. */
export const onlyOwnPart = () => new AppError('forbidden', ONLY_OWN_PART);
