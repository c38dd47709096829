import type { Store } from '../store/index.ts';

/** What every use case receives: the database and the clock (injected so tests control "now"). */
export interface AppContext {
  store: Store;
  now(): Date;
}

export function createAppContext(store: Store, now: () => Date = () => new Date()): AppContext {
  return { store, now };
}
