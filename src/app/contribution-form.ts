import { type Contribution, itemsToText, type PlanNode, textToItems } from '../domain/index.ts';
import type { Actor } from './actor.ts';
import type { FieldErrors } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { type PlanFrame, REPORT_LIMITS, type ReportValues, reportValuesOf } from './report-form.ts';
import { contributorOf } from './shared-part.ts';

/** A co-department's own part for the year, or undefined before it wrote any. */
export const contributionOf = (node: Pick<PlanNode, 'contributions'>, fy: number, department: string) =>
  node.contributions?.find((c) => c.fy === fy && c.department === department);

/** The entry form of a co-department: its own 実績 and comment only (never pre-filled from the lead's 計画). */
export function contributionValuesOf(node: PlanNode, fy: number, department: string): ReportValues {
  const c = contributionOf(node, fy, department);
  const comment = c?.comment ?? '';
  return { actual: itemsToText(c?.actual ?? []), plans: {}, indicators: {}, rating: '', comment, fields: {} };
}

/** Whether the form carries anything a co-department may not write: a rating, 計画, KPI values or the plan's fields. */
export function touchesLeadFields(values: ReportValues): boolean {
  return (
    values.rating.trim() !== '' ||
    Object.values(values.fields).some((t) => t.trim() !== '') ||
    Object.values(values.plans).some((t) => t.trim() !== '') ||
    Object.values(values.indicators).some((i) => i.actual.trim() !== '' || i.note.trim() !== '' || i.provisional)
  );
}

/**
 * The sheet's contributions with this co-department's part for `fy` replaced by the form's 実績 lines and comment
 * (removed when both are empty). The other 課's parts and years stay as they are.
 */
export function parseContribution(
  values: Pick<ReportValues, 'actual' | 'comment'>,
  node: Pick<PlanNode, 'contributions'>,
  fy: number,
  department: string,
): { contributions: Contribution[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const actual = textToItems(values.actual);
  if (actual.some((l) => l.length > REPORT_LIMITS.line)) errors.actual = M.lineTooLong;
  const comment = values.comment.trim();
  const before = node.contributions ?? [];
  const at = before.findIndex((c) => c.fy === fy && c.department === department);
  const mine: Contribution[] =
    actual.length > 0 || comment ? [{ fy, department, actual, ...(comment && { comment }) }] : [];
  // In place, so the other 課's entries keep their order (the last check compares them unchanged).
  const contributions = at === -1 ? [...before, ...mine] : [...before.slice(0, at), ...mine, ...before.slice(at + 1)];
  return { contributions, errors };
}

/** The form as this actor sees it: the whole sheet, or a co-department's own part. */
export function valuesFor(actor: Actor, lt: { node: PlanNode; settings: PlanFrame }, fy: number): ReportValues {
  const contributor = contributorOf(actor, lt.node);
  return contributor === null
    ? reportValuesOf(lt.node, lt.settings, fy)
    : contributionValuesOf(lt.node, fy, contributor);
}

/** What a co-department's part needs before it goes to its 課長 (each-submits): one line of 実績, as the form's rule. */
export function partSubmissionErrors(values: Pick<ReportValues, 'actual'>): FieldErrors {
  return textToItems(values.actual).length > 0
    ? {}
    : { actual: { ja: '実績を1行以上入力してください', en: 'Enter at least one line of results' } };
}
