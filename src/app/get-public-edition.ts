import type { EditionContent } from '../domain/index.ts';
import {
  type EditionSummary,
  getOrganizationBySlug,
  listEditions,
  listPlans,
  type OrganizationRecord,
} from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { notFound } from './errors.ts';
import { findPublicEdition, type PublicEditionStamp } from './find-public-edition.ts';
import { presentedContent } from './public-content.ts';
import { readEditionContent } from './read-edition-content.ts';

export interface PublicEdition {
  organization: OrganizationRecord;
  planSlug: string;
  /** The edition shown (the current one unless another was asked for). */
  edition: EditionSummary;
  /** All published editions of the plan, newest first. */
  editions: EditionSummary[];
  content: EditionContent;
}

/**
 * What the public may see of a plan: only published editions, never working drafts. Throws not-found for an
 * unknown organization, plan or edition, and for a plan that has no published edition yet.
 */
export async function getPublicEdition(
  ctx: AppContext,
  query: { organizationSlug: string; planSlug: string; editionId?: string | undefined },
): Promise<PublicEdition> {
  return withContent(ctx, await findPublicEdition(ctx, query));
}

/** The edition a request already found (findPublicEdition), with its content. */
export async function withContent(ctx: AppContext, stamp: PublicEditionStamp): Promise<PublicEdition> {
  const content = await readEditionContent(ctx.store.db, stamp.organization.id, stamp.edition);
  return { ...stamp, content: presentedContent(content) };
}

/** Plans of an organization that have a published edition, for the public index. */
export async function listPublicPlans(ctx: AppContext, organizationSlug: string) {
  const db = ctx.store.db;
  const organization = await getOrganizationBySlug(db, organizationSlug);
  if (!organization) throw notFound({ ja: `団体「${organizationSlug}」`, en: `organization "${organizationSlug}"` });
  const plans = await listPlans(db, organization.id);
  const out = [];
  for (const plan of plans) {
    const edition = (await listEditions(db, organization.id, plan.id)).find((e) => e.isCurrent);
    if (edition) out.push({ slug: plan.slug, title: plan.title, edition });
  }
  return { organization, plans: out };
}
