import { aliased, unaliased } from './aliased-columns.ts';
import { compiledOnce } from './compiled-once.ts';
import { type EditionSummary, editionSummaryColumns, toEditionSummary } from './edition-repository.ts';
import type { Executor } from './executor.ts';
import { type OrganizationRecord, organizationColumns, toOrganizationRecord } from './organization-repository.ts';

export interface PublicEditionRows {
  organization: OrganizationRecord | undefined;
  /** Undefined when the organization has no plan of that slug. */
  plan: { id: string; slug: string } | undefined;
  /** Published editions of the plan that are not withdrawn, newest first. */
  editions: EditionSummary[];
}

/**
 * An organization, one of its plans and that plan's published editions in one query: every public page starts
 * here, and at national scale most of them for an organization no request has asked about before.
 */
export async function findPublicEditionRows(
  db: Executor,
  organizationSlug: string,
  planSlug: string,
): Promise<PublicEditionRows> {
  const rows = (await lookup(db, { organizationSlug, planSlug })).rows as Record<string, unknown>[];
  const first = rows[0];
  if (!first) return { organization: undefined, plan: undefined, editions: [] };
  return {
    organization: toOrganizationRecord(unaliased(first, 'o', organizationColumns)),
    plan: first.p_id == null ? undefined : { id: first.p_id as string, slug: first.p_slug as string },
    editions: rows.filter((r) => r.e_id != null).map((r) => toEditionSummary(unaliased(r, 'e', editionSummaryColumns))),
  };
}

// Compiled once (see compiledOnce): every page not served from memory asks it.
const lookup = compiledOnce((db, a: { organizationSlug: string; planSlug: string }) =>
  db
    .selectFrom('organizations as o')
    .leftJoin('plans as p', (j) => j.onRef('p.organization_id', '=', 'o.id').on('p.slug', '=', a.planSlug))
    // A withdrawn edition (取り下げ) is left out here, so no page, API response, download or export finds it.
    .leftJoin('editions as e', (j) =>
      j.onRef('e.organization_id', '=', 'o.id').onRef('e.plan_id', '=', 'p.id').on('e.withdrawn_at', 'is', null),
    )
    .select([
      ...aliased('o', organizationColumns),
      'p.id as p_id',
      'p.slug as p_slug',
      ...aliased('e', editionSummaryColumns),
    ] as unknown as ['o.id'])
    .where('o.slug', '=', a.organizationSlug)
    .orderBy('e.published_at', 'desc')
    .orderBy('e.fy', 'desc'),
);
