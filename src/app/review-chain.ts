import { z } from 'zod';
import type { Actor } from './actor.ts';
import type { Action } from './authorize.ts';

/** A review step after the editor submits: the 課長's approval, then the plan office's. */
export const ReviewStep = z.enum(['department-approver', 'plan-office']);
export type ReviewStep = z.output<typeof ReviewStep>;

export const ReviewChain = z
  .array(ReviewStep)
  .min(1)
  .max(4)
  .refine((chain) => chain.at(-1) === 'plan-office', 'reviewChainLast');

/** editor → 課内承認 → plan office, unless the plan configures otherwise. */
export const DEFAULT_REVIEW_CHAIN: ReviewStep[] = ['department-approver', 'plan-office'];

export const TASK_STATES = [
  'not_started',
  'in_progress',
  'returned',
  'awaiting_approval',
  'submitted',
  'approved',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS: Record<TaskState, { ja: string; en: string }> = {
  not_started: { ja: '未着手', en: 'Not started' },
  in_progress: { ja: '入力中', en: 'In progress' },
  awaiting_approval: { ja: '課内承認待ち', en: 'Awaiting department approval' },
  submitted: { ja: '提出済', en: 'Submitted' },
  returned: { ja: '差戻し', en: 'Returned' },
  approved: { ja: '承認済', en: 'Approved' },
};

/** The state a task is in at a step of the chain (step 0 = with the editors). */
export function stateAtStep(chain: readonly string[], step: number, editorState: TaskState): TaskState {
  if (step === 0) return editorState;
  if (step > chain.length) return 'approved';
  return chain[step - 1] === 'department-approver' ? 'awaiting_approval' : 'submitted';
}

/** The permission that decides a task waiting at `step`. */
export function reviewActionAt(chain: readonly string[], step: number): Action | undefined {
  const who = chain[step - 1];
  if (who === 'department-approver') return 'review.department';
  if (who === 'plan-office') return 'review.plan-office';
  return undefined;
}

/** Whether the actor is, by role, the one who acts at this step (used to decide who may edit in between). */
export function actsAtStep(actor: Actor, chain: readonly string[], step: number): boolean {
  if (actor.kind === 'system') return true;
  if (step === 0) return actor.role === 'department-editor' || actor.role === 'department-approver';
  // The administrator may act for the plan office (see POLICY).
  return chain[step - 1] === actor.role || (actor.role === 'admin' && chain[step - 1] === 'plan-office');
}

/** Submitted to the plan office or beyond: not late any more. */
export function reachedPlanOffice(chain: readonly string[], step: number): boolean {
  if (step === 0) return false;
  if (step > chain.length) return true;
  return chain.slice(step - 1).every((s) => s === 'plan-office');
}
