import type { EditionContent } from '../domain/index.ts';
import {
  type EditionSummary,
  type EditionViewRecord,
  getEdition,
  getEditionView,
  listEditionsLackingView,
  listEditionViewNames,
  upsertEditionViews,
} from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import type { PublicEditionStamp } from './find-public-edition.ts';
import { presentedContent } from './public-content.ts';
import { readEditionContent } from './read-edition-content.ts';

export type { EditionViewRecord };

/** Which edition a view belongs to: one a public request found (findPublicEdition), or one being published. */
export interface EditionKey {
  organizationId: string;
  editionId: string;
}

/** The edition a public request found, as the key of its views: lookups never bypass findPublicEdition. */
export const editionKey = (stamp: PublicEditionStamp): EditionKey => ({
  organizationId: stamp.organization.id,
  editionId: stamp.edition.id,
});

/** A stored view of an edition at `version`, or undefined when it was never built or built by other code. */
export async function readEditionView(
  ctx: AppContext,
  ref: EditionKey,
  name: string,
  version: number,
): Promise<EditionViewRecord | undefined> {
  const row = await getEditionView(ctx.store.db, ref.organizationId, ref.editionId, name);
  return row?.version === version ? row : undefined;
}

/** Stores views built from an edition's immutable content (replacing stale rows of the same name). */
export async function storeEditionViews(ctx: AppContext, ref: EditionKey, views: EditionViewRecord[]): Promise<void> {
  if (views.length === 0) return;
  await upsertEditionViews(ctx.store.db, ref.organizationId, ref.editionId, views, ctx.now().toISOString());
}

/** Names of the views an edition has at `version`, sorted. */
export function listEditionViews(ctx: AppContext, ref: EditionKey, version: number): Promise<string[]> {
  return listEditionViewNames(ctx.store.db, ref.organizationId, ref.editionId, version);
}

/** Editions without the view `name` at `version`: published before it existed, or by an older release. */
export async function listEditionsLacking(ctx: AppContext, name: string, version: number): Promise<EditionKey[]> {
  return listEditionsLackingView(ctx.store.db, name, version);
}

/** An edition and its content by reference, for building its views outside a public request (start-up fill). */
export async function loadEditionForViews(
  ctx: AppContext,
  ref: EditionKey,
): Promise<{ edition: EditionSummary; content: EditionContent } | undefined> {
  const record = await getEdition(ctx.store.db, ref.organizationId, ref.editionId);
  if (!record) return undefined;
  const { content: _text, ...edition } = record;
  return { edition, content: presentedContent(await readEditionContent(ctx.store.db, ref.organizationId, edition)) };
}
