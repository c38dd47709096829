import { isConnectionLost, listOrganizations } from '../store/index.ts';
import type { AppContext } from './app-context.ts';

/** What /readyz reports: whether the app can serve, and the state of its database. */
export interface Readiness {
  ready: boolean;
  database: {
    dialect: 'sqlite' | 'postgres';
    /** failing: queries fail (a full disk too); corrupt: the file has a damaged page, until it is repaired. */
    state: 'ok' | 'unreachable' | 'failing' | 'corrupt';
    message?: string;
  };
}

/**
 * Asks the database a query (for /readyz behind a load balancer): ready when it answers and the store has seen
 * no fault of the file since (a write refused for a full disk, until one succeeds; a corrupt page, found by a
 * query or by the check at start).
 */
export async function checkReady(ctx: AppContext): Promise<Readiness> {
  const dialect = ctx.store.dialect;
  const fault = ctx.store.health.fault;
  if (fault) {
    const state = fault.transient ? 'failing' : 'corrupt';
    return { ready: false, database: { dialect, state, message: `${fault.code}: ${fault.message}` } };
  }
  try {
    await listOrganizations(ctx.store.db);
    return { ready: true, database: { dialect, state: 'ok' } };
  } catch (e) {
    const state = isConnectionLost(e) ? 'unreachable' : 'failing';
    return { ready: false, database: { dialect, state, message: (e as Error).message } };
  }
}
