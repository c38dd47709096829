import type { Executor } from './executor.ts';

export interface EditionSummary {
  id: string;
  planId: string;
  name: string;
  fy: number;
  publishedAt: string;
  publishedBy: string | null;
  contentSha256: string;
  isCurrent: boolean;
  /** When and why the plan office withdrew it (取り下げ); public lookups never return a withdrawn edition. */
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
  /** The edition this one corrects (訂正版). */
  correctsId: string | null;
}

export interface EditionRecord extends EditionSummary {
  /** Frozen EditionContent JSON text, exactly as published. */
  content: string;
}

export const editionSummaryColumns = [
  'id',
  'plan_id',
  'name',
  'fy',
  'published_at',
  'published_by',
  'content_sha256',
  'is_current',
  'withdrawn_at',
  'withdrawn_by',
  'withdrawn_reason',
  'corrects_id',
] as const;

export function toEditionSummary(r: {
  id: string;
  plan_id: string;
  name: string;
  fy: number;
  published_at: string;
  published_by: string | null;
  content_sha256: string;
  is_current: number;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
  corrects_id: string | null;
}): EditionSummary {
  return {
    id: r.id,
    planId: r.plan_id,
    name: r.name,
    fy: r.fy,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    contentSha256: r.content_sha256,
    isCurrent: r.is_current === 1,
    withdrawnAt: r.withdrawn_at,
    withdrawnBy: r.withdrawn_by,
    withdrawnReason: r.withdrawn_reason,
    correctsId: r.corrects_id,
  };
}

/** Inserts an edition and makes it the plan's current one. */
export async function insertEdition(
  db: Executor,
  organizationId: string,
  edition: Omit<EditionRecord, 'isCurrent' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawnReason' | 'correctsId'> & {
    correctsId?: string | null | undefined;
  },
): Promise<void> {
  await db
    .updateTable('editions')
    .set({ is_current: 0 })
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', edition.planId)
    .execute();
  await db
    .insertInto('editions')
    .values({
      id: edition.id,
      organization_id: organizationId,
      plan_id: edition.planId,
      name: edition.name,
      fy: edition.fy,
      published_at: edition.publishedAt,
      published_by: edition.publishedBy,
      content: edition.content,
      content_sha256: edition.contentSha256,
      is_current: 1,
      corrects_id: edition.correctsId ?? null,
    })
    .execute();
}

/** Published editions of a plan, newest first. */
export async function listEditions(db: Executor, organizationId: string, planId: string): Promise<EditionSummary[]> {
  const rows = await db
    .selectFrom('editions')
    .select(editionSummaryColumns)
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .orderBy('published_at', 'desc')
    .orderBy('fy', 'desc')
    .execute();
  return rows.map(toEditionSummary);
}

export async function getEdition(db: Executor, organizationId: string, id: string): Promise<EditionRecord | undefined> {
  const row = await db
    .selectFrom('editions')
    .select([...editionSummaryColumns, 'content'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...toEditionSummary(row), content: row.content };
}

/**
 * Whether an edition id is in use anywhere (ids are global keys): an imported edition keeps its id only where
 * it is free. The one lookup not scoped by organization, as it answers a question about the key space itself.
 */
export async function isEditionIdTaken(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('editions').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function getCurrentEdition(
  db: Executor,
  organizationId: string,
  planId: string,
): Promise<EditionSummary | undefined> {
  const row = await db
    .selectFrom('editions')
    .select(editionSummaryColumns)
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  return row && toEditionSummary(row);
}
