import { quantityInputText } from '../domain/index.ts';
import { listUploadConflicts, type UploadConflictRecord } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { valuesFor } from './contribution-form.ts';
import { lastSheetChange } from './last-sheet-change.ts';
import { loadRoundTask, type RoundRef } from './load-round-task.ts';
import type { ReportValues } from './report-form.ts';
import type { ReportConflict } from './save-report.ts';

/** A clerk's kept workbook conflicts of one initiative, in the shape the conflict page takes. */
export interface KeptUploadConflicts {
  /** The saved content now, its version and who saved it last. */
  conflict: ReportConflict;
  /** The saved content with the file's value in each conflicting field: "your input" on the conflict page. */
  yours: ReportValues;
  /** The kept rows, in the file's order (sheet and cell name where each value came from). */
  fields: UploadConflictRecord[];
}

/** Puts one kept field's value from the file into entry-form values (the form's own field names). */
function withFileValue(values: ReportValues, f: UploadConflictRecord): ReportValues {
  switch (f.field) {
    case 'actual':
      return { ...values, actual: f.yours };
    case 'plan':
      return { ...values, plans: { ...values.plans, [String(f.fy)]: f.yours } };
    case 'rating':
      return { ...values, rating: f.yours };
    case 'comment':
      return { ...values, comment: f.yours };
    case 'field':
      return { ...values, fields: { ...values.fields, [f.indicatorKey ?? '']: f.yours } };
    case 'kpi-actual':
    case 'kpi-note': {
      const key = f.indicatorKey ?? '';
      const before = values.indicators[key] ?? { actual: '', provisional: false, note: '' };
      const number = f.yours === '' ? '' : quantityInputText(Number(f.yours));
      const next = f.field === 'kpi-actual' ? { ...before, actual: number } : { ...before, note: f.yours };
      return { ...values, indicators: { ...values.indicators, [key]: next } };
    }
    default:
      return values;
  }
}

/**
 * The fields of this user's uploaded workbook that conflicted on one initiative, with the saved content as it is
 * now (not as it was at upload: someone may have saved again since), or null when none are kept. The page then
 * shows each field that still differs and saves the clerk's choice through saveReport, as the form's conflict does.
 */
export async function getUploadConflicts(
  props: RoundRef & { ctx: AppContext; actor: Actor; code: string },
): Promise<KeptUploadConflicts | null> {
  const { actor } = props;
  const db = props.ctx.store.db;
  const lt = await loadRoundTask(db, props);
  if (actor.kind !== 'user') return null;
  authorize(actor, 'report.edit', { organizationId: lt.organization.id, departments: lt.node.departments });
  const fields = await listUploadConflicts(db, {
    organizationId: lt.organization.id,
    userId: actor.userId,
    taskIds: [lt.task.id],
  });
  if (fields.length === 0) return null;
  const current = valuesFor(actor, lt, props.fy);
  const conflict: ReportConflict = {
    currentVersion: lt.row.version,
    currentValues: current,
    ...(await lastSheetChange(db, lt)),
  };
  return { conflict, yours: fields.reduce(withFileValue, current), fields };
}
