import type { AppContext } from '../../src/app/index.ts';
import { createAppContext, ensureSeeded } from '../../src/app/index.ts';
import { migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { type RunningServer, startServer } from '../../src/web/index.ts';
import { readOgoriBundle } from './app-fixture.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database.ts';

export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  ctx: AppContext;
  database: TestDatabase;
  server: RunningServer;
  /** fetch() relative to the server, without following redirects. */
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  database?: Dialect;
  /** Bundles to seed an empty database with; the Ogori bundle by default, [] for an empty database. */
  bundles?: () => unknown[];
  now?: () => Date;
}

/**
 * A real HTTP server on a random loopback port over a fresh, migrated database (a SQLite file or a database on
 * the run's throwaway PostgreSQL), seeded like `npm start` does on first run. Close it in afterAll.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  // The default content (Ogori, seeded at the test's real time) is a copy of the run's seeded database; the
  // calls below then find it migrated and seeded, as `npm start` does on a second start.
  const database = await createTestDatabase(options.database ?? 'sqlite', {
    seeded: options.bundles === undefined && options.now === undefined,
  });
  const store = openDatabase(database.url);
  try {
    await migrateToLatest(store.db);
    const ctx = createAppContext(store, options.now);
    await ensureSeeded(ctx, options.bundles ?? (() => [readOgoriBundle()]));
    const server = await startServer({ ctx, port: 0, handleSignals: false });
    return {
      url: server.url,
      ctx,
      database,
      server,
      get: (path, init) => fetch(new URL(path, server.url), { redirect: 'manual', ...init }),
      close: async () => {
        await server.close(); // also closes the store
        await database.drop();
      },
    };
  } catch (e) {
    await store.close();
    await database.drop();
    throw e;
  }
}
