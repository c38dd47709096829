import { listOrganizations } from '../store/index.ts';
import type { AppContext } from './app-context.ts';

/** True when the database answers a query (for /readyz behind a load balancer). */
export async function checkReady(ctx: AppContext): Promise<boolean> {
  try {
    await listOrganizations(ctx.store.db);
    return true;
  } catch {
    return false;
  }
}
