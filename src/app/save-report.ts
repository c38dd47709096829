import { type Executor, transaction } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { parseContribution, partSubmissionErrors, touchesLeadFields, valuesFor } from './contribution-form.ts';
import { AppError, type AppErrorDetails, invalidInput, isAppError } from './errors.ts';
import { lastSheetChange } from './last-sheet-change.ts';
import { type LoadedRoundTask, loadRoundTask, type RoundRef, requireOpen } from './load-round-task.ts';
import { moveTask, startMove, submitMove, type TaskMove } from './move-task.ts';
import { parseReport, ReportValues, type ReportValuesInput, submissionErrors } from './report-form.ts';
import type { TaskState } from './review-chain.ts';
import { contributorOf, leadFieldsInPart, leadResource, sharedModeOf } from './shared-part.ts';
import { ensurePart, partsOfTask } from './task-parts.ts';
import { updateNodeSheetIn } from './update-node.ts';

export interface SaveReportProps extends RoundRef {
  ctx: AppContext;
  actor: Actor;
  code: string;
  /** The sheet version the form was loaded with. */
  expectedVersion: number;
  values: ReportValuesInput;
  /** Save and send to the next step (the 課長) in one go. */
  submit?: boolean;
}

/** Details of a refused stale save: the current content as form values, and who changed it when. */
export interface ReportConflict {
  currentVersion: number;
  currentValues: ReportValues;
  changedBy: string | null;
  changedAt: string | null;
}

/**
 * Who may write the sheet at the task's current step; the policy table has already checked role and 課. Every
 * channel (the form, the 課 workbook) asks this one function. A co-department of a shared initiative writes its
 * part only while the sheet is with the editors: the review steps after it are the lead 課's.
 */
export function editableNow(actor: Actor, lt: Pick<LoadedRoundTask, 'task' | 'round' | 'node'>): boolean {
  if (actor.kind === 'system') return true;
  const { step } = lt.task;
  const chain = lt.round.reviewChain;
  if (step > chain.length) return false;
  if (actor.role === 'plan-office' || actor.role === 'admin') return true;
  if (step === 0) return true;
  return chain[step - 1] === actor.role && contributorOf(actor, lt.node) === null;
}

/**
 * Saves the entry form of one initiative for the round's year (a draft), optionally submitting it. The save is
 * refused as a conflict when the sheet changed since the form was loaded; the error carries the current values
 * and who saved them, so the page can show both and keep the user's input.
 *
 * The reads happen before any transaction: every write below is conditional on the versions read (the sheet's,
 * and the task's), so nothing that changed meanwhile is overwritten. A plain draft save is then a single write
 * (on PostgreSQL one statement); a save that also moves the task (the first save, or 提出) is one transaction.
 */
export async function saveReport(props: SaveReportProps): Promise<{ version: number; state: TaskState }> {
  try {
    const lt = await loadRoundTask(props.ctx.store.db, props);
    const resource = { organizationId: lt.organization.id, departments: lt.node.departments };
    authorize(props.actor, 'report.edit', resource);
    const contributor = contributorOf(props.actor, lt.node);
    // A co-department reviews its part on its own only when the plan says each 課 submits (each-submits).
    const ownPart = contributor !== null && sharedModeOf(lt.settings) === 'each-submits';
    const parts = ownPart ? await partsOfTask(props.ctx.store.db, lt) : undefined;
    const part = contributor !== null ? parts?.get(contributor) : undefined;
    // Submitting a shared initiative is the lead 課's, or under each-submits a co-department's for its part.
    const submitter = ownPart ? { organizationId: lt.organization.id, departments: [contributor!] } : undefined;
    if (props.submit) authorize(props.actor, 'report.submit', submitter ?? leadResource(lt.organization.id, lt.node));
    const governing = ownPart ? { ...lt, task: { ...lt.task, step: part?.step ?? 0 } } : lt;
    const parsedValues = ReportValues.safeParse(props.values);
    if (!parsedValues.success) {
      throw invalidInput({
        form: {
          ja: '入力が長すぎるか、形式が正しくありません',
          en: 'The input is too long or not in the expected form',
        },
      });
    }
    const values = parsedValues.data;
    requireOpen(lt.round);
    if (!editableNow(props.actor, governing) || (props.submit && governing.task.step !== 0)) {
      throw new AppError('invalid-state', {
        ja: 'この取組は提出済みのため編集できません（差し戻されると再び編集できます）',
        en: 'This report has been submitted and cannot be edited (it can be again once returned)',
      });
    }
    if (contributor !== null && touchesLeadFields(values)) throw leadFieldsInPart();
    const parsed =
      contributor === null
        ? parseReport(values, lt.node, lt.settings, props.fy)
        : (({ contributions, errors }) => ({ changes: { contributions }, errors }))(
            parseContribution(values, lt.node, props.fy, contributor),
          );
    const required = !props.submit
      ? {}
      : ownPart
        ? partSubmissionErrors(values)
        : submissionErrors(values, lt.settings);
    const errors = { ...required, ...parsed.errors };
    if (Object.keys(errors).length > 0) throw invalidInput(errors);
    const writeSheet = (db: Executor, whileTask?: { id: string; version: number }) =>
      updateNodeSheetIn(db, {
        ctx: props.ctx,
        actor: props.actor,
        organizationSlug: props.organizationSlug,
        planSlug: props.planSlug,
        code: props.code,
        expectedVersion: props.expectedVersion,
        changes: parsed.changes,
        action: 'report.save',
        loaded: lt,
        whileTask,
      });
    const now = props.ctx.now().toISOString();
    if (ownPart) {
      return await transaction(props.ctx.store, async (tx) => {
        const saved = await writeSheet(tx);
        const mine = await ensurePart(tx, lt, contributor!, props.actor, now, part);
        const move = props.submit ? taskMoveOnSave(props, lt, now) : undefined;
        if (move) await moveTask(tx, lt, move, mine);
        return { version: saved.version, state: (move?.state ?? mine.state) as TaskState };
      });
    }
    // A co-department's part does not start the lead's task: the board shows where the lead 課 stands.
    const move = contributor === null ? taskMoveOnSave(props, lt, now) : undefined;
    if (!move) {
      const saved = await writeSheet(props.ctx.store.db, lt.task);
      return { version: saved.version, state: lt.task.state as TaskState };
    }
    return await transaction(props.ctx.store, async (tx) => {
      const saved = await writeSheet(tx);
      await moveTask(tx, lt, move);
      return { version: saved.version, state: move.state };
    });
  } catch (e) {
    if (isAppError(e) && e.details?.kind === 'stale' && e.details.current) {
      throw await describeConflict(props, e);
    }
    throw e;
  }
}

/** How the task moves with this save: 提出 sends it to the first reviewer; a first draft starts it. */
function taskMoveOnSave(props: SaveReportProps, lt: LoadedRoundTask, now: string): TaskMove | undefined {
  if (props.submit) return submitMove(props.actor, lt.round.reviewChain, now);
  if (lt.task.step === 0 && lt.task.state === 'not_started') return startMove(props.actor, now);
  return undefined;
}

async function describeConflict(props: SaveReportProps, e: AppError): Promise<AppError> {
  const db = props.ctx.store.db;
  const lt = await loadRoundTask(db, props);
  const details: AppErrorDetails = {
    kind: 'report-conflict',
    currentVersion: lt.row.version,
    currentValues: valuesFor(props.actor, lt, props.fy),
    ...(await lastSheetChange(db, lt)),
  };
  return new AppError('conflict', { ja: e.messageJa, en: e.messageEn }, details);
}
