import { EditionContent } from '../domain/index.ts';
import {
  type EditionSummary,
  getCurrentEdition,
  getEdition,
  getOrganizationBySlug,
  getPlanBySlug,
  listEditions,
  listPlans,
  type OrganizationRecord,
} from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { notFound } from './errors.ts';

export interface PublicEdition {
  organization: OrganizationRecord;
  planSlug: string;
  /** The edition shown (the current one unless another was asked for). */
  edition: EditionSummary;
  /** All published editions of the plan, newest first. */
  editions: EditionSummary[];
  content: EditionContent;
}

// Published editions never change, so their parsed content can be kept; the key includes the checksum.
const contentCache = new Map<string, EditionContent>();
const CACHE_LIMIT = 256;

function parseContent(id: string, sha: string, json: string): EditionContent {
  const key = `${id}:${sha}`;
  let content = contentCache.get(key);
  if (!content) {
    content = EditionContent.parse(JSON.parse(json));
    if (contentCache.size >= CACHE_LIMIT) contentCache.delete(contentCache.keys().next().value!);
    contentCache.set(key, content);
  }
  return content;
}

/**
 * What the public may see of a plan: only published editions, never working drafts. Throws not-found for an
 * unknown organization, plan or edition, and for a plan that has no published edition yet.
 */
export async function getPublicEdition(
  ctx: AppContext,
  query: { organizationSlug: string; planSlug: string; editionId?: string | undefined },
): Promise<PublicEdition> {
  const db = ctx.store.db;
  const organization = await getOrganizationBySlug(db, query.organizationSlug);
  if (!organization)
    throw notFound({ ja: `団体「${query.organizationSlug}」`, en: `organization "${query.organizationSlug}"` });
  const plan = await getPlanBySlug(db, organization.id, query.planSlug);
  if (!plan) throw notFound({ ja: `計画「${query.planSlug}」`, en: `plan "${query.planSlug}"` });
  const record = query.editionId
    ? await getEdition(db, organization.id, query.editionId)
    : await getCurrentEdition(db, organization.id, plan.id);
  if (!record || record.planId !== plan.id) {
    throw notFound({ ja: '公表された版', en: 'published edition' });
  }
  const editions = await listEditions(db, organization.id, plan.id);
  const { content: json, ...edition } = record;
  return {
    organization,
    planSlug: plan.slug,
    edition,
    editions,
    content: parseContent(record.id, record.contentSha256, json),
  };
}

/** Plans of an organization that have a published edition, for the public index. */
export async function listPublicPlans(ctx: AppContext, organizationSlug: string) {
  const db = ctx.store.db;
  const organization = await getOrganizationBySlug(db, organizationSlug);
  if (!organization) throw notFound({ ja: `団体「${organizationSlug}」`, en: `organization "${organizationSlug}"` });
  const plans = await listPlans(db, organization.id);
  const out = [];
  for (const plan of plans) {
    const current = await getCurrentEdition(db, organization.id, plan.id);
    if (current) {
      const { content: _c, ...edition } = current;
      out.push({ slug: plan.slug, title: plan.title, edition });
    }
  }
  return { organization, plans: out };
}
