import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectionLost, openDatabase, type Store } from '../../src/store/index.ts';
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
    store = openDatabase(database.url, { onConnectionError: (e) => reported.push(e.message) });
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
    expect(reported).toContain('terminating connection due to administrator command');
    expect(crashes).toEqual([]);
  });

  it('ended under a transaction in flight: the query fails as connection lost, the process lives on', async () => {
    for (const preparedStatements of [200, 0]) {
      reported.length = 0;
      const own = openDatabase(database.url, {
        preparedStatements,
        onConnectionError: (e) => reported.push(e.message),
      });
      try {
        const failure = await own.db
          .transaction()
          .execute(async (tx) => {
            const { pid } = await tx
              .selectNoFrom((eb) => eb.fn<number>('pg_backend_pid', []).as('pid'))
              .executeTakeFirstOrThrow();
            const admin = new pg.Client({ connectionString: database.url });
            await admin.connect();
            await admin.query('select pg_terminate_backend($1)', [pid]);
            await admin.end();
            await new Promise((r) => setTimeout(r, 200));
            await tx.selectNoFrom((eb) => eb.val(1).as('one')).execute();
          })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(isConnectionLost(failure)).toBe(true);
        expect(reported).toContain('terminating connection due to administrator command');
        const again = await own.db.selectNoFrom((eb) => eb.val(2).as('two')).executeTakeFirstOrThrow();
        expect(Number(again.two)).toBe(2);
        expect(crashes).toEqual([]);
      } finally {
        await own.close();
      }
    }
  });
});
