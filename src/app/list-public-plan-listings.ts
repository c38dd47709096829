import { type PlanYears, timeZoneOf } from '../domain/index.ts';
import type { EditionSummary } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { getPublicEdition, listPublicPlans } from './get-public-edition.ts';
import { listOrganizations } from './list-organizations.ts';

export interface PublicPlanListing {
  organization: { slug: string; name: string; nameEn: string | null };
  /** `years`: how the plan names its years (language and start month), for the edition's year label. */
  /** `timeZone`: the zone the edition's 公表日 is the day in. */
  plans: {
    slug: string;
    title: string;
    titleEn: string | null;
    edition: EditionSummary;
    years: PlanYears;
    timeZone: string;
  }[];
}

/**
 * Organizations and their plans that have a published edition, titled as published (a draft rename stays
 * private until the next edition). One organization when `organizationSlug` is given (not-found otherwise).
 */
export async function listPublicPlanListings(ctx: AppContext, organizationSlug?: string): Promise<PublicPlanListing[]> {
  const slugs = organizationSlug ? [organizationSlug] : (await listOrganizations(ctx)).map((o) => o.slug);
  const out: PublicPlanListing[] = [];
  for (const slug of slugs) {
    const { organization, plans } = await listPublicPlans(ctx, slug);
    const listed: PublicPlanListing['plans'] = [];
    for (const p of plans) {
      const pub = await getPublicEdition(ctx, { organizationSlug: slug, planSlug: p.slug });
      const doc = pub.content.plan;
      const years = { language: doc.language, fiscalYearStartMonth: doc.fiscalYearStartMonth };
      const timeZone = timeZoneOf(pub.content.organization);
      listed.push({
        slug: p.slug,
        title: doc.title,
        titleEn: doc.titleEn ?? null,
        edition: pub.edition,
        years,
        timeZone,
      });
    }
    out.push({
      organization: { slug: organization.slug, name: organization.name, nameEn: organization.nameEn },
      plans: listed,
    });
  }
  return out;
}
