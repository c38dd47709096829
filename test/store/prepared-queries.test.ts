import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../src/store/compiled-once.ts';
import { migrateToLatest, openDatabase, type Store } from '../../src/store/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../harness/test-database.ts';

const organization = (slug: string) => ({
  id: `org-${slug}`,
  slug,
  name: `${slug}市`,
  name_en: null,
  local_government_code: null,
  prefecture: null,
  created_at: '2026-11-24T00:00:00Z',
});

for (const dialect of DIALECTS) {
  describe(`queries compiled once on ${dialect}`, () => {
    let database: TestDatabase;
    let store: Store;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      store = openDatabase(database.url);
      await migrateToLatest(store.db);
      await store.db
        .insertInto('organizations')
        .values([organization('kita'), organization('minami')])
        .execute();
    });
    afterAll(async () => {
      await store.close();
      await database.drop();
    });

    it('builds the query once and runs it with each call’s values, in and out of a transaction', async () => {
      let builds = 0;
      const byName = compiledOnce((db, a: { slug: string; name: string }) => {
        builds++;
        return db
          .selectFrom('organizations')
          .select(['id', 'name'])
          .where('slug', '=', a.slug)
          .where('name', '=', a.name);
      });
      expect((await byName(store.db, { slug: 'kita', name: 'kita市' })).rows).toEqual([
        { id: 'org-kita', name: 'kita市' },
      ]);
      expect((await byName(store.db, { slug: 'minami', name: 'minami市' })).rows).toEqual([
        { id: 'org-minami', name: 'minami市' },
      ]);
      expect((await byName(store.db, { slug: 'minami', name: 'kita市' })).rows).toEqual([]);
      const inTransaction = await store.db.transaction().execute((tx) => byName(tx, { slug: 'kita', name: 'kita市' }));
      expect(inTransaction.rows).toEqual([{ id: 'org-kita', name: 'kita市' }]);
      expect(builds).toBe(1);
    });

    it('refuses a query that transforms an argument instead of passing it as a value', async () => {
      const upper = compiledOnce((db, a: { slug: string }) =>
        db.selectFrom('organizations').select('id').where('slug', '=', a.slug.toUpperCase()),
      );
      await expect(upper(store.db, { slug: 'kita' })).rejects.toThrow(
        'compiledOnce: slug must be passed to the query as plain values',
      );
    });
  });
}

describe('named prepared statements on postgres', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const store = openDatabase(database.url);
    await migrateToLatest(store.db);
    await store.close();
  });
  afterAll(() => database.drop());

  /** One connection, so that pg_prepared_statements shows the statements of the connection the queries used. */
  const openSingle = (preparedStatements?: number) => openDatabase(database.url, { poolSize: 1, preparedStatements });
  const prepared = async (store: Store) =>
    (
      await sql<{ statement: string }>`select statement from pg_prepared_statements order by name`.execute(store.db)
    ).rows.map((r) => r.statement);
  const bySlug = (store: Store, column: 'id' | 'name' | 'slug', slug: string) =>
    store.db.selectFrom('organizations').select(column).where('slug', '=', slug).execute();

  it('prepares each parameterised text once per connection, up to the limit, and none when turned off', async () => {
    const store = openSingle(2);
    try {
      await bySlug(store, 'id', 'a');
      await bySlug(store, 'id', 'b');
      await bySlug(store, 'name', 'a');
      await bySlug(store, 'slug', 'a');
      expect(await prepared(store)).toEqual([
        'select "id" from "organizations" where "slug" = $1',
        'select "name" from "organizations" where "slug" = $1',
      ]);
    } finally {
      await store.close();
    }
    const off = openSingle(0);
    try {
      await bySlug(off, 'id', 'a');
      expect(await prepared(off)).toEqual([]);
    } finally {
      await off.close();
    }
  });

  it('after another process changes a table, fails that query once, then continues on a new connection', async () => {
    const store = openSingle();
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await sql`create table scratch (id text primary key, value text)`.execute(store.db);
      await sql`insert into scratch values ('a', 'x')`.execute(store.db);
      const read = () => sql<Record<string, string>>`select * from scratch where id = ${'a'}`.execute(store.db);
      expect((await read()).rows).toEqual([{ id: 'a', value: 'x' }]);
      await other.query('alter table scratch add column note text');
      await expect(read()).rejects.toMatchObject({ code: '0A000' });
      expect((await read()).rows).toEqual([{ id: 'a', value: 'x', note: null }]);
    } finally {
      await other.end();
      await store.close();
    }
  });
});
