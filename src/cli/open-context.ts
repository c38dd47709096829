import { z } from 'zod';
import { type AppContext, createAppContext } from '../app/index.ts';
import { migrateToLatest, openDatabase } from '../store/index.ts';

/** An integer setting from the environment, its default when unset; a malformed value stops the start. */
function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = z.coerce.number().int().min(min).max(10_000).safeParse(raw);
  if (!parsed.success) throw new Error(`${name} must be an integer from ${min} to 10000, not "${raw}"`);
  return parsed.data;
}

/** DATABASE_POOL_SIZE and DATABASE_PREPARED_STATEMENTS (see README, Configuration). */
export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv) {
  return {
    poolSize: integerSetting(env, 'DATABASE_POOL_SIZE', 10, 1),
    preparedStatements: integerSetting(env, 'DATABASE_PREPARED_STATEMENTS', 200, 0),
  };
}

/** Opens DATABASE_URL (or the SQLite default), migrates it, and returns the app context. */
export async function openContext(env: NodeJS.ProcessEnv = process.env): Promise<AppContext> {
  const store = openDatabase(env.DATABASE_URL, databaseSettingsFromEnv(env));
  try {
    await migrateToLatest(store.db);
  } catch (e) {
    await store.close();
    throw e;
  }
  return createAppContext(store);
}
