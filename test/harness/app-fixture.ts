import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AppContext, createAppContext, ensureSeeded } from '../../src/app/index.ts';
import { migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database.ts';

export const OGORI_BUNDLE_PATH = path.resolve(import.meta.dirname, '../../data/ogori/bundle.json');

export function readOgoriBundle(): unknown {
  return JSON.parse(readFileSync(OGORI_BUNDLE_PATH, 'utf8'));
}

export interface AppFixture {
  ctx: AppContext;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A migrated database of the given dialect with an app context; seeded with the Ogori plan unless `empty`. */
export async function createAppFixture(
  dialect: Dialect,
  options: { empty?: boolean; now?: () => Date } = {},
): Promise<AppFixture> {
  // The Ogori content at the real time is a copy of the run's seeded database (migrate and seed then find it done).
  const database = await createTestDatabase(dialect, { seeded: !options.empty && options.now === undefined });
  const store = openDatabase(database.url);
  await migrateToLatest(store.db);
  const ctx = createAppContext(store, options.now);
  if (!options.empty) await ensureSeeded(ctx, () => [readOgoriBundle()]);
  return {
    ctx,
    database,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}
