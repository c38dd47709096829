import { z } from 'zod';
import { choice, hiddenInt, repeated, text } from './form-body.ts';

/**
 * The entry form: its 実績, 計画 per year (plan.<fy>), KPI fields (kpi.<key>.*), rating and comment are text the
 * app's report parser reads (reportValuesFromForm), so they pass as typed.
 */
export const ReportForm = z
  .object({ version: hiddenInt(), intent: choice(['save', 'submit']).default('save'), restored: text() })
  .catchall(z.string());

/**
 * The conflict panel: the version it showed, per field whose side to keep (take.<field>), and from the workbook
 * conflict page the kept fields it decides.
 */
export const ResolveForm = z.object({ version: hiddenInt(), kept: repeated() }).catchall(z.string());

/** Keeps the saved content for every field an uploaded workbook left (the kept fields' ids). */
export const ForgetConflictsForm = z.object({ kept: repeated() });

/** 承認 or 差し戻し, with the note and the part of a shared item it concerns. */
export const ReviewForm = z.object({
  decision: choice(['approve', 'return']),
  note: text(),
  part: text(),
  taskVersion: hiddenInt(),
});

/** A review comment. */
export const CommentForm = z.object({ text: text() });
