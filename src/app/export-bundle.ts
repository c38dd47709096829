import { EditionContent, OrganizationBundle } from '../domain/index.ts';
import {
  assemblePlanDocument,
  getEdition,
  getOrganizationBySlug,
  listDepartments,
  listEditions,
  listNodes,
  listPlans,
  transaction,
} from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { notFound } from './errors.ts';

/**
 * The full-fidelity JSON of one organization: departments, every plan with its whole tree, and every published
 * edition. Normalised through the same schema as import, so export → import → export is byte-identical.
 */
export async function exportBundle(props: { ctx: AppContext; organizationSlug: string }): Promise<OrganizationBundle> {
  return transaction(props.ctx.store, async (tx) => {
    const org = await getOrganizationBySlug(tx, props.organizationSlug);
    if (!org)
      throw notFound({ ja: `団体「${props.organizationSlug}」`, en: `organization "${props.organizationSlug}"` });
    const departments = await listDepartments(tx, org.id);
    const plans = await listPlans(tx, org.id);
    const documents = [];
    const editions = [];
    for (const plan of plans) {
      documents.push(assemblePlanDocument(plan, await listNodes(tx, org.id, plan.id)));
      const summaries = (await listEditions(tx, org.id, plan.id)).reverse();
      for (const s of summaries) {
        const e = (await getEdition(tx, org.id, s.id))!;
        editions.push({
          id: e.id,
          plan: plan.slug,
          name: e.name,
          fy: e.fy,
          publishedAt: e.publishedAt,
          ...(e.publishedBy !== null && { publishedBy: e.publishedBy }),
          ...(e.withdrawnAt !== null && {
            withdrawn: {
              at: e.withdrawnAt,
              ...(e.withdrawnBy !== null && { by: e.withdrawnBy }),
              reason: e.withdrawnReason ?? '',
            },
          }),
          ...(e.correctsId !== null && { corrects: e.correctsId }),
          content: EditionContent.parse(JSON.parse(e.content)),
        });
      }
    }
    return OrganizationBundle.parse({
      format: 'shinchoku/v1',
      organization: {
        slug: org.slug,
        name: org.name,
        ...(org.nameEn !== null && { nameEn: org.nameEn }),
        ...(org.localGovernmentCode !== null && { localGovernmentCode: org.localGovernmentCode }),
        ...(org.prefecture !== null && { prefecture: org.prefecture }),
        ...(org.timeZone !== null && { timeZone: org.timeZone }),
      },
      departments: departments.map(({ id: _id, version: _v, ...d }) => d),
      plans: documents,
      editions,
    });
  });
}

/** Stable, diffable text form of a bundle. */
export function bundleToJson(bundle: OrganizationBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
