import { type AppContext, createAppContext } from '../app/index.ts';
import { migrateToLatest, openDatabase } from '../store/index.ts';

/** Opens DATABASE_URL (or the SQLite default), migrates it, and returns the app context. */
export async function openContext(env: NodeJS.ProcessEnv = process.env): Promise<AppContext> {
  const store = openDatabase(env.DATABASE_URL, { poolSize: Number(env.DATABASE_POOL_SIZE ?? 10) });
  try {
    await migrateToLatest(store.db);
  } catch (e) {
    await store.close();
    throw e;
  }
  return createAppContext(store);
}
