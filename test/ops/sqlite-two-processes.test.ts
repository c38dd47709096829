import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, ensureSeeded } from '../../src/app/index.ts';
import { migrateToLatest, openDatabase, type Store } from '../../src/store/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { type ServerProcess, startServerProcess } from '../harness/server-process.ts';
import { buildStaff, openOgoriRound, type StaffSessionCookie, signInStaff } from '../harness/staff-factory.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

const ROUND = '/staff/plans/action-plan-2/rounds/2023';
/** Initiatives of 経営戦略課, one save each, so no two saves meet on one sheet. */
const CODES = ['1-1', '1-2', '4-1', '5-3', '12-2', '13-1', '13-2', '14-2'];

/**
 * Two `shinchoku serve` processes on one SQLite file (two servers, or `serve --workers 2`): publishes and saves
 * sent to both at once all succeed. A transaction that began reading and then wrote used to find the other
 * process's newer write and fail at once with "database is locked" (SQLITE_BUSY_SNAPSHOT, which no busy timeout
 * waits out); transactions now take the write lock when they begin and wait for it.
 */
describe('two server processes on one SQLite file', () => {
  let database: TestDatabase;
  let store: Store;
  let servers: ServerProcess[];
  let office: StaffSessionCookie;
  let editor: StaffSessionCookie;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    store = openDatabase(database.url);
    await migrateToLatest(store.db);
    const ctx = createAppContext(store);
    await ensureSeeded(ctx, () => [readOgoriBundle()]);
    await openOgoriRound(ctx);
    const o = await buildStaff(ctx, { role: 'plan-office' });
    const e = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku' });
    office = await signInStaff(ctx, o.email, 'two-a');
    editor = await signInStaff(ctx, e.email, 'two-b');
    servers = await Promise.all([
      startServerProcess({ DATABASE_URL: database.url }),
      startServerProcess({ DATABASE_URL: database.url }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await store?.close();
    await database?.drop();
  });

  const post = (base: string, path: string, s: StaffSessionCookie, fields: Record<string, string>) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
      body: new URLSearchParams({ _csrf: s.csrf, ...fields }),
    });

  it('answers every concurrent publish and save on either process without an error', async () => {
    const versions = await Promise.all(
      CODES.map(async (code) => {
        const html = await (
          await fetch(`${servers[0]!.url}${ROUND}/tasks/${code}`, { headers: { cookie: editor.cookie } })
        ).text();
        return /name="version" value="(\d+)"/.exec(html)![1]!;
      }),
    );
    const publishes = Array.from({ length: 2 }, (_, i) =>
      post(servers[i % 2]!.url, '/staff/plans/action-plan-2/publish', office, { name: `同時公表${i + 1}`, fy: '2022' }),
    );
    const saves = CODES.map((code, i) =>
      post(servers[(i + 1) % 2]!.url, `${ROUND}/tasks/${code}`, editor, {
        version: versions[i]!,
        intent: 'save',
        actual: `同時保存${code}`,
      }),
    );
    const answers = await Promise.all([...publishes, ...saves]);
    const statuses = answers.map((r) => r.status);
    expect(statuses).toEqual(Array(2 + CODES.length).fill(303));
    const editions = await store.db.selectFrom('editions').select('name').where('name', 'like', '同時公表%').execute();
    expect(editions.map((e) => e.name).sort()).toEqual(['同時公表1', '同時公表2']);
    for (const s of servers) expect(s.stderr()).not.toContain('database is locked');
  }, 120_000);
});
