import type { Executor } from './executor.ts';
import { newSortableId } from './sortable-id.ts';

export interface ReviewNoteRecord {
  id: string;
  organizationId: string;
  taskId: string;
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
    authorId: r.author_id,
    authorName: r.author_name,
    step: r.step,
    kind: r.kind as ReviewNoteRecord['kind'],
    text: r.text,
    createdAt: r.created_at,
  }));
}
