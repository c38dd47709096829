import { findNode } from '../domain/index.ts';
import { transaction } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { DepartmentUpload, describeIssue, type UploadIssue, uploadIssue } from './department-upload.ts';
import { departmentUploadChanges } from './department-upload-changes.ts';
import { AppError, isAppError } from './errors.ts';
import { issuesOf } from './format-zod-error.ts';
import { loadPlan } from './load-plan.ts';
import { updateNodeSheetIn } from './update-node.ts';

export interface DepartmentUploadResult {
  /** Initiatives whose sheet changed, with their new version. */
  changed: { code: string; version: number }[];
  /** Rows that matched what is stored. */
  unchanged: number;
}

/** Refuses the whole upload, listing every issue (409 when all of them are conflicts). */
export function uploadRejected(issues: UploadIssue[]): AppError {
  const conflictsOnly = issues.every((i) => i.kind === 'conflict');
  const first = issues[0]!;
  return new AppError(
    conflictsOnly ? 'conflict' : 'invalid-input',
    {
      ja: `Excelファイルに${issues.length}件の問題があるため、何も反映していません。${describeIssue(first, 'ja')}`,
      en: `The workbook has ${issues.length} problem(s), so nothing was saved. ${describeIssue(first, 'en')}`,
    },
    { issues },
  );
}

/**
 * Applies a 課's uploaded workbook: checks every row against the plan as it is now (row ids, versions, rating
 * levels, indicator keys) and then saves all changed initiatives as drafts in one transaction, or nothing.
 * `readIssues` are the problems the reader already found (e.g. text in a number cell); they are reported together
 * with these, so the 課 sees every mistake at once.
 */
export async function applyDepartmentUpload(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
  readIssues: UploadIssue[] = [],
): Promise<DepartmentUploadResult> {
  const parsed = DepartmentUpload.safeParse(input);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new AppError(
      'invalid-input',
      { ja: `アップロード内容が読めません: ${issues[0]!.path}`, en: `Unreadable upload: ${issues[0]!.path}` },
      issues,
    );
  }
  const upload = parsed.data;
  return transaction(ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, upload.organization, upload.plan);
    authorize(actor, 'node.edit', { organizationId: loaded.organization.id, departments: [upload.department] });
    const current = new Map(
      loaded.nodes.flatMap((n) => {
        const node = findNode(loaded.document, n.code);
        return node ? [[n.code, { version: n.version, node }] as const] : [];
      }),
    );
    const { issues, changes } = departmentUploadChanges(loaded.document, current, upload);
    const all = [...readIssues, ...issues];
    if (all.length > 0) throw uploadRejected(all);
    const changed: DepartmentUploadResult['changed'] = [];
    for (const change of changes) {
      try {
        const saved = await updateNodeSheetIn(tx, {
          ctx,
          actor,
          organizationSlug: upload.organization,
          planSlug: upload.plan,
          code: change.code,
          expectedVersion: change.expectedVersion,
          changes: change.changes,
          action: 'report.import-xlsx',
        });
        changed.push({ code: change.code, version: saved.version });
      } catch (e) {
        // Someone saved between our check and this write: the whole upload is refused, as a conflict.
        if (isAppError(e) && e.code === 'conflict') {
          const at = upload.rows.find((r) => r.code === change.code)?.at ?? { sheet: '', cell: 'A1' };
          throw uploadRejected([
            uploadIssue(
              at,
              `取組「${change.code}」は他の人が先に変更しました`,
              `Item "${change.code}" was changed by someone else`,
              'conflict',
            ),
          ]);
        }
        throw e;
      }
    }
    return {
      changed,
      unchanged: new Set([...upload.rows, ...upload.indicators].map((r) => r.code)).size - changed.length,
    };
  });
}
