import type { Executor } from './executor.ts';
import { newSortableId } from './sortable-id.ts';

export interface ReviewNoteRecord {
  id: string;
  organizationId: string;
  taskId: string;
  /** The co-department whose part the note is on (each-submits plans); null or absent for the lead's sheet. */
  departmentCode?: string | null;
  authorId: string;
  authorName: string;
  /** The task's step when the note was written. */
  step: number;
  kind: 'return' | 'approve' | 'comment';
  text: string;
  createdAt: string;
}

export async function insertReviewNote(db: Executor, note: Omit<ReviewNoteRecord, 'id'>): Promise<string> {
  const id = newSortableId();
  await db
    .insertInto('review_notes')
    .values({
      id,
      organization_id: note.organizationId,
      task_id: note.taskId,
      department_code: note.departmentCode ?? null,
      author_id: note.authorId,
      author_name: note.authorName,
      step: note.step,
      kind: note.kind,
      text: note.text,
      created_at: note.createdAt,
    })
    .execute();
  return id;
}

/** Notes of one task, oldest first. */
export async function listReviewNotes(
  db: Executor,
  organizationId: string,
  taskId: string,
): Promise<ReviewNoteRecord[]> {
  const rows = await db
    .selectFrom('review_notes')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('task_id', '=', taskId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    taskId: r.task_id,
    departmentCode: r.department_code,
    authorId: r.author_id,
    authorName: r.author_name,
    step: r.step,
    kind: r.kind as ReviewNoteRecord['kind'],
    text: r.text,
    createdAt: r.created_at,
  }));
}
