import { type EditionSummary, findPublicEditionRows, type OrganizationRecord } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { notFound } from './errors.ts';

export interface PublicEditionStamp {
  organization: OrganizationRecord;
  planSlug: string;
  /** The edition that would be shown (the current one unless another was asked for). */
  edition: EditionSummary;
  /** All published editions of the plan, newest first. */
  editions: EditionSummary[];
}

/**
 * Which published edition a public request means, without loading its content: enough to key caches of
 * rendered pages (an edition's content never changes) before deciding to render. Same not-found rules as
 * `getPublicEdition`.
 */
export async function findPublicEdition(
  ctx: AppContext,
  query: { organizationSlug: string; planSlug: string; editionId?: string | undefined },
): Promise<PublicEditionStamp> {
  const { organization, plan, editions } = await findPublicEditionRows(
    ctx.store.db,
    query.organizationSlug,
    query.planSlug,
  );
  if (!organization)
    throw notFound({ ja: `団体「${query.organizationSlug}」`, en: `organization "${query.organizationSlug}"` });
  if (!plan) throw notFound({ ja: `計画「${query.planSlug}」`, en: `plan "${query.planSlug}"` });
  const edition = query.editionId ? editions.find((e) => e.id === query.editionId) : editions.find((e) => e.isCurrent);
  if (!edition) throw notFound({ ja: '公表された版', en: 'published edition' });
  return { organization, planSlug: plan.slug, edition, editions };
}
