import type { Executor } from './executor.ts';
import type { Store } from './open-database.ts';

/** Runs `fn` in one transaction: everything it writes commits together or not at all. */
export function transaction<T>(store: Store, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(fn);
}
