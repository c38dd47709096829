import { z } from 'zod';
import { Slug } from '../domain/index.ts';
import { getOrganizationBySlug } from '../store/index.ts';
import { systemActor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { AppError } from './errors.ts';
import { importBundle } from './import-bundle.ts';

// Only the slug is needed to decide; the whole bundle is validated by importBundle.
const BundleHead = z.object({ organization: z.object({ slug: Slug }) });

/**
 * Loads each bundle whose organization is not in the database yet and publishes its declared editions;
 * organizations already present are left untouched, so running it again changes nothing. Returns the slugs
 * added, in the order given.
 * @example await addMissingOrganizations(ctx, [ogori, minamikaze]) // ["minamikaze"] when Ogori was there
 */
export async function addMissingOrganizations(ctx: AppContext, bundles: readonly unknown[]): Promise<string[]> {
  const added: string[] = [];
  for (const input of bundles) {
    const head = BundleHead.safeParse(input);
    if (!head.success) {
      throw new AppError('invalid-input', {
        ja: 'バンドルに団体のスラッグ（organization.slug）がありません',
        en: 'the bundle has no organization.slug',
      });
    }
    const slug = head.data.organization.slug;
    if (await getOrganizationBySlug(ctx.store.db, slug)) continue;
    await importBundle({ ctx, actor: systemActor('seed'), input, publishDeclaredEditions: true });
    added.push(slug);
  }
  return added;
}
