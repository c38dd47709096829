import { findNode, formatFiscalYear, itemsToText } from '../domain/index.ts';
import {
  type Executor,
  getRound,
  listDepartments,
  listRoundTasks,
  listTaskParts,
  type TaskRecord,
  transaction,
} from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize, can, forbidden, scopeOf } from './authorize.ts';
import { META_AT, outOfRound, wrongTarget } from './check-upload-target.ts';
import { contributionOf, partSubmissionErrors } from './contribution-form.ts';
import { DepartmentUpload, describeIssue, type UploadIssue, uploadIssue } from './department-upload.ts';
import { departmentUploadChanges } from './department-upload-changes.ts';
import { AppError, isAppError, notFound } from './errors.ts';
import { issuesOf } from './format-zod-error.ts';
import { keepUploadConflicts } from './keep-upload-conflicts.ts';
import { loadPlan } from './load-plan.ts';
import { type LoadedRoundTask, loadRoundTask, requireOpen } from './load-round-task.ts';
import type { UploadConflict } from './merge-stale-upload.ts';
import { moveTask, startMove, submitMove } from './move-task.ts';
import { reportValuesOf, submissionErrors } from './report-form.ts';
import { TASK_STATE_LABELS, type TaskState } from './review-chain.ts';
import { editableNow } from './save-report.ts';
import { contributorOf, leadResource, sharedModeOf } from './shared-part.ts';
import { ensurePart, partsOfTask } from './task-parts.ts';
import { updateNodeSheetIn } from './update-node.ts';

/** The round an upload is for, as the channel names it (the round page's URL, the CLI's --fy), never the file. */
export interface DepartmentUploadTarget {
  organizationSlug: string;
  /** May be omitted when the organization has one plan. */
  planSlug?: string | undefined;
  fy: number;
  /** 提出まで行う: after saving, submit each initiative of the file that is complete, as the form's 提出 does. */
  submit?: boolean | undefined;
}

/** What happened to one initiative of the file, for the result page to say plainly. */
export interface UploadOutcome {
  code: string;
  title: string;
  /** Whether its sheet was written. */
  saved: boolean;
  /** submitted: sent on to review; draft: saved or unchanged, not submitted; skipped: past the uploader's step. */
  outcome: 'submitted' | 'draft' | 'not-submitted' | 'skipped';
  /** The task's state afterwards. */
  state: TaskState;
  /** Why it was not submitted when submitting was asked (the form's messages). */
  reasons: { ja: string; en: string }[];
  /** The file was made from an older version and the clerk's fields were applied over the newer sheet. */
  merged: boolean;
  /** Fields changed both in the file and on the server, left as the server has them for the clerk to decide. */
  conflicts: UploadConflict[];
}

/** A row left as it is because its task is past the step where the uploader may write. */
export interface SkippedRow {
  code: string;
  state: TaskState;
  messageJa: string;
  messageEn: string;
}

export interface DepartmentUploadResult {
  /** Initiatives whose sheet changed, with their new version. */
  changed: { code: string; version: number }[];
  /** Rows that matched what is stored. */
  unchanged: number;
  /** Rows with changes that were not applied (submitted or approved); the rest of the upload was. */
  skipped: SkippedRow[];
  /** Every initiative of the file, in the file's order. */
  outcomes: UploadOutcome[];
  /** Every field changed on both sides, over all initiatives (also in each outcome). */
  conflicts: UploadConflict[];
}

/** Refuses the whole upload, listing every issue (409 when all of them are conflicts). */
export function uploadRejected(issues: UploadIssue[], code?: 'forbidden' | 'invalid-state'): AppError {
  const conflictsOnly = issues.every((i) => i.kind === 'conflict');
  const first = issues[0]!;
  return new AppError(
    code ?? (conflictsOnly ? 'conflict' : 'invalid-input'),
    {
      ja: `Excelファイルに${issues.length}件の問題があるため、何も反映していません。${describeIssue(first, 'ja')}`,
      en: `The workbook has ${issues.length} problem(s), so nothing was saved. ${describeIssue(first, 'en')}`,
    },
    { kind: 'upload', issues },
  );
}

const skippedRow = (code: string, state: TaskState): SkippedRow => ({
  code,
  state,
  messageJa: `取組「${code}」は${TASK_STATE_LABELS[state].ja}のため反映しませんでした`,
  messageEn: `Item "${code}" is ${TASK_STATE_LABELS[state].en.toLowerCase()}, so it was not changed`,
});

/**
 * Applies a 課's uploaded workbook through the same checks as the entry form: the round named by the channel is
 * open, the file was made for that round, plan and 課, only the round year's 実績 and later 計画 are written, and
 * each initiative is written only while its task is at a step where this person may write (the rule the form
 * uses). Rows of submitted or approved tasks are left as they are and reported; every other change is saved as a
 * draft in one transaction, or nothing when any row has a problem. `readIssues` are the problems the reader
 * already found (e.g. text in a number cell), reported together with these so the 課 sees every mistake at once.
 */
export async function applyDepartmentUpload(
  ctx: AppContext,
  actor: Actor,
  target: DepartmentUploadTarget,
  input: unknown,
  readIssues: UploadIssue[] = [],
): Promise<DepartmentUploadResult> {
  const parsed = DepartmentUpload.safeParse(input);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new AppError(
      'invalid-input',
      { ja: `アップロード内容が読めません: ${issues[0]!.path}`, en: `Unreadable upload: ${issues[0]!.path}` },
      { kind: 'input', issues },
    );
  }
  const upload = parsed.data;
  return transaction(ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, target.organizationSlug, target.planSlug);
    const orgId = loaded.organization.id;
    if (actor.kind === 'user' && (actor.organizationId !== orgId || !scopeOf(actor.role, 'report.edit'))) {
      throw forbidden();
    }
    const round = await getRound(tx, orgId, loaded.plan.id, target.fy);
    if (!round) throw notFound({ ja: `${formatFiscalYear(target.fy)}の照会`, en: `reporting round FY${target.fy}` });
    const departments = (await listDepartments(tx, orgId)).map(({ id: _id, version: _v, ...d }) => d);
    const where = { ...loaded, round, departments };
    const misdirected = wrongTarget(actor, where, upload);
    if (misdirected.issues.length > 0) {
      throw uploadRejected(misdirected.issues, misdirected.otherDepartment ? 'forbidden' : undefined);
    }
    authorize(actor, 'report.edit', { organizationId: orgId, departments: [upload.department] });
    try {
      requireOpen(round);
    } catch (e) {
      if (!isAppError(e)) throw e;
      // Named at the file's year: it is that year's round that no longer takes input.
      throw uploadRejected([uploadIssue(META_AT.fy, e.messageJa, e.messageEn)], 'invalid-state');
    }
    const current = new Map(
      loaded.nodes.flatMap((n) => {
        const node = findNode(loaded.document, n.code);
        return node ? [[n.code, { version: n.version, node }] as const] : [];
      }),
    );
    const { issues, changes, conflicts, merged } = departmentUploadChanges(loaded.document, current, upload);
    const tasks = new Map<string, TaskRecord>();
    for (const t of await listRoundTasks(tx, orgId, round.id)) tasks.set(t.nodeId, t);
    const rowIds = new Map(loaded.nodes.map((n) => [n.code, n.id]));
    const atOf = (code: string) => upload.rows.find((r) => r.code === code)?.at ?? { sheet: '', cell: 'A1' };
    const writable: { change: (typeof changes)[number]; task: TaskRecord; part?: string }[] = [];
    const skipped: SkippedRow[] = [];
    // Under each-submits a co-department's rows follow its own part's step, not the lead's task.
    const eachSubmits = sharedModeOf(loaded.document) === 'each-submits';
    const parts = eachSubmits
      ? await listTaskParts(
          tx,
          orgId,
          [...tasks.values()].map((t) => t.id),
        )
      : [];
    // The step that governs a row: under each-submits a co-department's own part, else the lead's task.
    const governingOf = (code: string) => {
      const task = tasks.get(rowIds.get(code) ?? '');
      const node = current.get(code)?.node;
      const contributor = node ? contributorOf(actor, node) : null;
      const own = eachSubmits && contributor !== null && task !== undefined;
      const part = own ? parts.find((p) => p.taskId === task.id && p.departmentCode === contributor) : undefined;
      const governing = own ? { ...task, step: part?.step ?? 0, state: part?.state ?? 'not_started' } : task;
      const writableNow =
        task !== undefined &&
        editableNow(actor, { task: governing!, round, node: node! }) &&
        governing!.state !== 'approved';
      return { task, governing, writableNow, part: own ? contributor! : undefined };
    };
    for (const change of changes) {
      const { task, governing, writableNow, part } = governingOf(change.code);
      if (!task) {
        issues.push(
          uploadIssue(
            atOf(change.code),
            `取組「${change.code}」は${formatFiscalYear(round.fy)}の照会の対象ではありません`,
            `Item "${change.code}" is not part of the FY${round.fy} round`,
          ),
        );
      } else if (!writableNow) skipped.push(skippedRow(change.code, governing!.state as TaskState));
      else writable.push({ change, task, ...(part !== undefined && { part }) });
    }
    // A conflict is kept only where the uploader may still write; elsewhere the row is left alone like any other.
    const open = conflicts.filter((c) => governingOf(c.code).writableNow);
    for (const c of conflicts) {
      const { governing } = governingOf(c.code);
      if (!open.includes(c) && governing && !skipped.some((s) => s.code === c.code)) {
        skipped.push(skippedRow(c.code, governing.state as TaskState));
      }
    }
    const all = [...readIssues, ...outOfRound(where, upload), ...issues];
    if (all.length > 0) throw uploadRejected(all);
    const changed: DepartmentUploadResult['changed'] = [];
    const now = ctx.now().toISOString();
    for (const { change, task, part } of writable) {
      try {
        const saved = await updateNodeSheetIn(tx, {
          ctx,
          actor,
          organizationSlug: loaded.organization.slug,
          planSlug: loaded.plan.slug,
          code: change.code,
          expectedVersion: change.expectedVersion,
          changes: change.changes,
          action: 'report.import-xlsx',
          // A co-department's own part (each-submits) does not wait for the lead's task.
          ...(part === undefined && { whileTask: { id: task.id, version: task.version } }),
        });
        if (part !== undefined) {
          const existing = parts.find((p) => p.taskId === task.id && p.departmentCode === part);
          await ensurePart(tx, { organization: loaded.organization, task }, part, actor, now, existing);
        }
        changed.push({ code: change.code, version: saved.version });
        const node = current.get(change.code)!.node;
        // A co-department's part does not start the lead's task (as in the form).
        if (task.step === 0 && task.state === 'not_started' && contributorOf(actor, node) === null) {
          await moveTask(tx, { organization: loaded.organization, node, task }, startMove(actor, now));
        }
      } catch (e) {
        // Someone saved (or moved the task) between our check and this write: the whole upload is refused.
        if (isAppError(e) && e.code === 'conflict') {
          throw uploadRejected([
            uploadIssue(
              atOf(change.code),
              `取組「${change.code}」は他の人が先に変更しました`,
              `Item "${change.code}" was changed by someone else`,
              'conflict',
            ),
          ]);
        }
        throw e;
      }
    }
    const scale = loaded.document.ratingScales[0]!;
    const taskOf = (code: string) => tasks.get(rowIds.get(code) ?? '');
    await keepUploadConflicts(tx, { actor, organizationId: orgId, scale, upload, taskOf, conflicts: open, now });
    const codes = new Set([...upload.rows, ...upload.indicators].map((r) => r.code));
    const merge = { merged, conflicts: open };
    const outcomes = await settleOutcomes(tx, actor, { ...where, target, now }, [...codes], changed, skipped, merge);
    const unchanged = outcomes.filter((o) => !o.saved && o.outcome !== 'skipped' && o.conflicts.length === 0).length;
    return { changed, unchanged, skipped, outcomes, conflicts: open };
  });
}

const cannotSubmit = {
  ja: '提出は担当課の職員が行います',
  en: 'Only the staff of the division submit',
};

const unresolved = {
  ja: '他の人の変更と競合する項目があるため提出していません（競合を解決してから提出してください）',
  en: 'Not submitted: some fields conflict with changes made by someone else (resolve them first)',
};

const leadSubmits = {
  ja: '共同担当の取組は主担当課が提出します（この課の記入は保存しました）',
  en: "A shared item is submitted by its lead department (this department's part was saved)",
};

/**
 * Each initiative's outcome, submitting the complete ones when the channel asked for it: the same check
 * (submissionErrors) and the same move to the first reviewer as the form's 提出, in the upload's transaction.
 */
async function settleOutcomes(
  tx: Executor,
  actor: Actor,
  where: {
    organization: { id: string; slug: string };
    plan: { slug: string };
    target: DepartmentUploadTarget;
    now: string;
  },
  codes: string[],
  changed: DepartmentUploadResult['changed'],
  skipped: SkippedRow[],
  merge: { merged: string[]; conflicts: UploadConflict[] },
): Promise<UploadOutcome[]> {
  const out: UploadOutcome[] = [];
  const ref = { organizationSlug: where.organization.slug, planSlug: where.plan.slug, fy: where.target.fy };
  for (const code of codes) {
    const lt = await loadRoundTask(tx, { ...ref, code });
    const saved = changed.some((c) => c.code === code);
    const conflicts = merge.conflicts.filter((c) => c.code === code);
    const base = {
      code,
      title: lt.node.title,
      saved,
      state: lt.task.state as TaskState,
      reasons: [],
      merged: merge.merged.includes(code),
      conflicts,
    };
    const skip = skipped.find((s) => s.code === code);
    if (skip) {
      out.push({ ...base, outcome: 'skipped', reasons: [{ ja: skip.messageJa, en: skip.messageEn }] });
      continue;
    }
    if (where.target.submit && conflicts.length > 0) {
      out.push({ ...base, outcome: 'not-submitted', reasons: [unresolved] });
      continue;
    }
    const contributor = contributorOf(actor, lt.node);
    if (contributor !== null && sharedModeOf(lt.settings) === 'each-submits') {
      const at = { ...base, now: where.now, fy: ref.fy };
      out.push(where.target.submit ? await submitPart(tx, actor, lt, contributor, at) : { ...base, outcome: 'draft' });
      continue;
    }
    if (!where.target.submit || lt.task.step !== 0 || !editableNow(actor, lt)) {
      out.push({ ...base, outcome: lt.task.step === 0 ? 'draft' : 'skipped' });
      continue;
    }
    if (contributor !== null) {
      out.push({ ...base, outcome: 'not-submitted', reasons: [leadSubmits] });
      continue;
    }
    if (!can(actor, 'report.submit', leadResource(where.organization.id, lt.node))) {
      out.push({ ...base, outcome: 'not-submitted', reasons: [cannotSubmit] });
      continue;
    }
    // The stored 実績, not the form's pre-fill from the year's 計画: a row left empty in the file is not a result.
    const stored = lt.node.roadmap.find((r) => r.fy === ref.fy)?.actual ?? [];
    const values = { ...reportValuesOf(lt.node, lt.settings, ref.fy), actual: stored.join('\n') };
    const missing = Object.values(submissionErrors(values, lt.settings));
    if (missing.length > 0) {
      out.push({ ...base, outcome: 'not-submitted', reasons: missing });
      continue;
    }
    const move = submitMove(actor, lt.round.reviewChain, where.now);
    await moveTask(tx, lt, move);
    out.push({ ...base, outcome: 'submitted', state: move.state });
  }
  return out;
}

/** 提出まで行う for a co-department's own part (each-submits): the form's rule (one line of 実績), its own step. */
async function submitPart(
  tx: Executor,
  actor: Actor,
  lt: LoadedRoundTask,
  department: string,
  base: Omit<UploadOutcome, 'outcome' | 'reasons'> & { now: string; fy: number },
): Promise<UploadOutcome> {
  const { now, fy, ...outcome } = base;
  const part = (await partsOfTask(tx, lt)).get(department);
  if (part?.step !== 0) return { ...outcome, outcome: 'draft', reasons: [] };
  const missing = Object.values(
    partSubmissionErrors({ actual: itemsToText(contributionOf(lt.node, fy, department)?.actual ?? []) }),
  );
  if (missing.length > 0) return { ...outcome, outcome: 'not-submitted', reasons: missing };
  const move = submitMove(actor, lt.round.reviewChain, now);
  await moveTask(tx, lt, move, part);
  return { ...outcome, outcome: 'submitted', state: move.state, reasons: [] };
}
