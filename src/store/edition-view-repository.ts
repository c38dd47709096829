import { compiledOnce } from './compiled-once.ts';
import type { Executor } from './executor.ts';

/** One precomputed view of a published edition: a download's bytes or a page's data. */
export interface EditionViewRecord {
  /** 'pdf/ja', 'xlsx', 'csv/edition' … */
  name: string;
  /** Of the code that built it; a row of another version is rebuilt, never served. */
  version: number;
  /** 'utf8': text in `body`; 'bytes': binary in `bytes`; 'base64': binary as text (rows of the first release). */
  encoding: 'utf8' | 'base64' | 'bytes';
  body: string;
  bytes?: Uint8Array | null;
}

/** Stores views of an edition, replacing rows of the same name (a rebuild after an upgrade, or a race). */
export async function upsertEditionViews(
  db: Executor,
  organizationId: string,
  editionId: string,
  views: EditionViewRecord[],
  createdAt: string,
): Promise<void> {
  for (const v of views) {
    await db
      .insertInto('edition_views')
      .values({
        edition_id: editionId,
        organization_id: organizationId,
        name: v.name,
        version: v.version,
        encoding: v.encoding,
        body: v.body,
        bytes: v.bytes ?? null,
        created_at: createdAt,
      })
      .onConflict((oc) =>
        oc.columns(['edition_id', 'name']).doUpdateSet({
          version: v.version,
          encoding: v.encoding,
          body: v.body,
          bytes: v.bytes ?? null,
          created_at: createdAt,
        }),
      )
      .execute();
  }
}

/** One view of an edition, whichever version it was built by. */
export async function getEditionView(
  db: Executor,
  organizationId: string,
  editionId: string,
  name: string,
): Promise<EditionViewRecord | undefined> {
  const row = (await viewQuery(db, { organizationId, editionId, name })).rows[0];
  return row && { name: row.name, version: row.version, encoding: row.encoding, body: row.body, bytes: row.bytes };
}

// Compiled once (see compiledOnce): every download and page not served from memory asks it.
const viewQuery = compiledOnce((db, a: { organizationId: string; editionId: string; name: string }) =>
  db
    .selectFrom('edition_views')
    .select(['name', 'version', 'encoding', 'body', 'bytes'])
    .where('organization_id', '=', a.organizationId)
    .where('edition_id', '=', a.editionId)
    .where('name', '=', a.name),
);

/**
 * Two views of an edition in one query: a page's own data and the frame it is drawn in (see edition-page-views.ts
 * in app), whichever version built them.
 */
export async function getEditionViewPair(
  db: Executor,
  organizationId: string,
  editionId: string,
  names: readonly [string, string],
): Promise<EditionViewRecord[]> {
  const rows = (await pairQuery(db, { organizationId, editionId, first: names[0], second: names[1] })).rows;
  return rows.map((r) => ({ name: r.name, version: r.version, encoding: r.encoding, body: r.body, bytes: r.bytes }));
}

const pairQuery = compiledOnce((db, a: { organizationId: string; editionId: string; first: string; second: string }) =>
  db
    .selectFrom('edition_views')
    .select(['name', 'version', 'encoding', 'body', 'bytes'])
    .where('organization_id', '=', a.organizationId)
    .where('edition_id', '=', a.editionId)
    .where('name', 'in', [a.first, a.second]),
);

/** Names of the views an edition has at `version`. */
export async function listEditionViewNames(
  db: Executor,
  organizationId: string,
  editionId: string,
  version: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('edition_views')
    .select('name')
    .where('organization_id', '=', organizationId)
    .where('edition_id', '=', editionId)
    .where('version', '=', version)
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/**
 * Editions of every organization that lack the view `name` at `version` (published before it existed, or by an
 * older release): the start-up step that fills them runs for the whole installation.
 */
export async function listEditionsLackingView(
  db: Executor,
  name: string,
  version: number,
): Promise<{ organizationId: string; editionId: string }[]> {
  const rows = await db
    .selectFrom('editions as e')
    .leftJoin('edition_views as v', (j) =>
      j
        .onRef('v.organization_id', '=', 'e.organization_id')
        .onRef('v.edition_id', '=', 'e.id')
        .on('v.name', '=', name)
        .on('v.version', '=', version),
    )
    .select(['e.organization_id', 'e.id'])
    .where('v.edition_id', 'is', null)
    .orderBy('e.organization_id')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ organizationId: r.organization_id, editionId: r.id }));
}
