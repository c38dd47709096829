import { isConnectionLost, listOrganizations } from '../store/index.ts';
import type { AppContext } from './app-context.ts';

/** What /readyz reports: whether the app can serve, and the state of its database. */
export interface Readiness {
  ready: boolean;
  database: { dialect: 'sqlite' | 'postgres'; state: 'ok' | 'unreachable' | 'failing'; message?: string };
}

/** Asks the database a query (for /readyz behind a load balancer): ready when it answers. */
export async function checkReady(ctx: AppContext): Promise<Readiness> {
  const dialect = ctx.store.dialect;
  try {
    await listOrganizations(ctx.store.db);
    return { ready: true, database: { dialect, state: 'ok' } };
  } catch (e) {
    const state = isConnectionLost(e) ? 'unreachable' : 'failing';
    return { ready: false, database: { dialect, state, message: (e as Error).message } };
  }
}
