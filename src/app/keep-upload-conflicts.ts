import type { RatingScale } from '../domain/index.ts';
import { type Executor, newId, replaceUploadConflicts, type TaskRecord } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { DepartmentUpload } from './department-upload.ts';
import type { UploadConflict } from './merge-stale-upload.ts';
import { levelOf } from './upload-rating-level.ts';

/**
 * Keeps an upload's conflicting fields for the clerk who uploaded the file, in the upload's transaction, so they
 * can decide per field later on the initiative's conflict page (and the staff home lists them as waiting work).
 * A rating is kept as the entry form's value (the level's key), so the choice goes through the form's save. The
 * file's other initiatives' older conflicts of this clerk are dropped: the newer file is the one that counts.
 */
export async function keepUploadConflicts(
  tx: Executor,
  props: {
    actor: Actor;
    organizationId: string;
    scale: RatingScale;
    upload: DepartmentUpload;
    /** The round's task of each initiative code in the file. */
    taskOf: (code: string) => TaskRecord | undefined;
    conflicts: readonly UploadConflict[];
    now: string;
  },
): Promise<void> {
  const { upload, actor } = props;
  if (actor.kind !== 'user') return;
  const codes = new Set([...upload.rows, ...upload.indicators].map((r) => r.code));
  const taskIds = [...codes].flatMap((code) => props.taskOf(code)?.id ?? []);
  const versionOf = (code: string) =>
    (upload.rows.find((r) => r.code === code) ?? upload.indicators.find((r) => r.code === code))?.version ?? 0;
  const entry = (c: UploadConflict, value: string) =>
    c.field === 'rating' && value !== '' ? (levelOf(props.scale, value) ?? value) : value;
  const rows = props.conflicts.flatMap((c) => {
    const task = props.taskOf(c.code);
    if (!task) return [];
    return [
      {
        id: newId(),
        organizationId: props.organizationId,
        userId: actor.userId,
        taskId: task.id,
        departmentCode: upload.department,
        field: c.field,
        fy: c.fy,
        indicatorKey: c.key ?? null,
        sheet: c.at.sheet,
        cell: c.at.cell,
        baseValue: c.base === null ? null : entry(c, c.base),
        yours: entry(c, c.yours),
        theirs: entry(c, c.theirs),
        baseVersion: versionOf(c.code),
        createdAt: props.now,
      },
    ];
  });
  await replaceUploadConflicts(tx, { organizationId: props.organizationId, userId: actor.userId, taskIds }, rows);
}
