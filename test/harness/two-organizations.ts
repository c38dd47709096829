import { readFileSync } from 'node:fs';
import { type AppContext, importBundle, systemActor } from '../../src/app/index.ts';
import { getOrganizationBySlug } from '../../src/store/index.ts';
import { type AppFixture, createAppFixture, OGORI_BUNDLE_PATH } from './app-fixture.ts';
import type { Dialect } from './test-database.ts';

/**
 * Two organizations in one database, built to catch leaks between tenants: the second is a twin of Ogori with
 * the same plan slug and the same node codes, but every 「小郡」 renamed 「きたかぜ」 and a different rating on 1-1
 * (100 % instead of 10 %), so its FY2022 average is 42.8 % where Ogori's is 40.5 %. A page, API response or export
 * of one organization that contains the other's marker, or the other's average, has leaked.
 * Portal, staff and report tests reuse this fixture.
 */
export interface Tenant {
  slug: string;
  name: string;
  planSlug: string;
  planTitle: string;
  /** A string that occurs in this organization's data and never in the other's. */
  marker: string;
  /** The FY2022 plan average as printed. */
  average2022: string;
}

export const ORG_A: Tenant = {
  slug: 'ogori',
  name: '小郡市',
  planSlug: 'action-plan-2',
  planTitle: 'もっとつながるまち小郡アクションプラン',
  marker: '小郡',
  average2022: '40.5%',
};

export const ORG_B: Tenant = {
  slug: 'kitakaze',
  name: 'きたかぜ市',
  planSlug: 'action-plan-2',
  planTitle: 'もっとつながるまちきたかぜアクションプラン',
  marker: 'きたかぜ',
  average2022: '42.8%',
};

/** The twin bundle: Ogori with every 「小郡」 renamed, its own slug and English name, and 1-1 rated 100 %. */
export function kitakazeBundle(): unknown {
  const text = readFileSync(OGORI_BUNDLE_PATH, 'utf8').replaceAll('小郡', 'きたかぜ').replaceAll('Ogori', 'Kitakaze');
  const bundle = JSON.parse(text);
  bundle.organization = { slug: ORG_B.slug, name: ORG_B.name, nameEn: 'Kitakaze City (fictional twin)' };
  const first = bundle.plans[0].nodes[0].children[0];
  first.assessments = [{ fy: 2022, level: '100' }];
  return bundle;
}

export interface TwoOrganizations extends AppFixture {
  a: Tenant & { id: string };
  b: Tenant & { id: string };
}

/** Imports both bundles (publishing their declared editions) into one new database of the dialect. */
export async function loadTwoOrganizations(ctx: AppContext): Promise<{ aId: string; bId: string }> {
  const actor = systemActor('test');
  const ogori: unknown = JSON.parse(readFileSync(OGORI_BUNDLE_PATH, 'utf8'));
  await importBundle({ ctx, actor, input: ogori, publishDeclaredEditions: true });
  await importBundle({ ctx, actor, input: kitakazeBundle(), publishDeclaredEditions: true });
  const a = await getOrganizationBySlug(ctx.store.db, ORG_A.slug);
  const b = await getOrganizationBySlug(ctx.store.db, ORG_B.slug);
  if (!a || !b) throw new Error('two-organization fixture did not load');
  return { aId: a.id, bId: b.id };
}

export async function createTwoOrganizations(
  dialect: Dialect,
  options: { now?: () => Date } = {},
): Promise<TwoOrganizations> {
  const fx = await createAppFixture(dialect, { empty: true, ...options });
  try {
    const { aId, bId } = await loadTwoOrganizations(fx.ctx);
    return { ...fx, a: { ...ORG_A, id: aId }, b: { ...ORG_B, id: bId } };
  } catch (e) {
    await fx.close();
    throw e;
  }
}
