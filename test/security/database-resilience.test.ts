import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../src/store/index.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

/** PostgreSQL may end idle connections at any time (restart, failover, an administrator); the process must live. */
describe('a PostgreSQL connection ended by the server', () => {
  let database: TestDatabase;
  let store: Store;
  const reported: string[] = [];
  const crashes: unknown[] = [];
  const onCrash = (e: unknown) => crashes.push(e);

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    store = openDatabase(database.url, { onIdleConnectionError: (e) => reported.push(e.message) });
    process.on('uncaughtException', onCrash);
  });
  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    await store.close();
    await database.drop();
  });

  it('is reported, dropped from the pool, and the next query opens a new one', async () => {
    const pid = async () =>
      Number(
        (await store.db.selectNoFrom((eb) => eb.fn<number>('pg_backend_pid', []).as('pid')).executeTakeFirstOrThrow())
          .pid,
      );
    const first = await pid();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [first]);
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    const second = await pid();
    expect(second).not.toBe(first);
    expect(reported).toEqual(['terminating connection due to administrator command']);
    expect(crashes).toEqual([]);
  });
});
