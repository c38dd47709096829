import { listOrganizations } from '../store/index.ts';
import { systemActor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { importBundle } from './import-bundle.ts';

/**
 * On an empty database, loads the given bundles (the bundled plan on first start) and publishes their declared
 * editions; on a database that already holds an organization, does nothing. Returns whether it loaded.
 */
export async function ensureSeeded(ctx: AppContext, loadBundles: () => unknown[]): Promise<boolean> {
  if ((await listOrganizations(ctx.store.db)).length > 0) return false;
  for (const input of loadBundles()) {
    await importBundle({ ctx, actor: systemActor('seed'), input, publishDeclaredEditions: true });
  }
  return true;
}
