import { closeSync, openSync, writeSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppContext, ensureSeeded } from '../../src/app/index.ts';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../../src/store/index.ts';
import { logger, startServer } from '../../src/web/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { buildStaff, openOgoriRound, type StaffSessionCookie, signInStaff } from '../harness/staff-factory.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ROUND = '/staff/plans/action-plan-2/rounds/2023';

/** The messages logger.error was given, with the error's code where there was one. */
const errorsLogged = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([fields, message]) => ({
    message,
    code: (fields as { err?: { code?: string } }).err?.code,
    err: (fields as { err?: Error }).err?.message,
  }));

/**
 * A SQLite file that cannot take a write (a full disk: `max_page_count` makes SQLite answer SQLITE_FULL as it
 * does when the disk is full) or that has a damaged page: the real error reaches the log, and /readyz says not
 * ready until a write succeeds again (full disk) or for good (corruption, found at start by quick_check).
 */
describe('SQLite file faults', () => {
  let server: TestServer;
  let editor: StaffSessionCookie;
  beforeAll(async () => {
    server = await startTestServer({ database: 'sqlite' });
    await openOgoriRound(server.ctx);
    const e = await buildStaff(server.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
    editor = await signInStaff(server.ctx, e.email, 'file-faults');
  }, 60_000);
  afterAll(() => server?.close());

  const save = async (actual: string) => {
    const html = await (await server.get(`${ROUND}/tasks/1-2`, { headers: { cookie: editor.cookie } })).text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    return server.get(`${ROUND}/tasks/1-2`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: editor.cookie },
      body: new URLSearchParams({ _csrf: editor.csrf, version, intent: 'save', actual }),
    });
  };
  const readyz = async () => {
    const res = await server.get('/readyz');
    return { status: res.status, body: await res.json() };
  };

  it('logs "database or disk is full" (not "cannot rollback"), is not ready, and recovers once a write succeeds', async () => {
    const db = server.ctx.store.db;
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count;
    const spy = vi.spyOn(logger, 'error');
    try {
      await sql.raw(`pragma max_page_count = ${pages}`).execute(db);
      // A save of more text than the file has room for.
      expect((await save(Array(40).fill('満'.repeat(400)).join('\n'))).status).toBe(500);
      expect(errorsLogged(spy)).toEqual([
        { message: 'unhandled error in the staff workspace', code: 'SQLITE_FULL', err: 'database or disk is full' },
      ]);
      expect(await readyz()).toEqual({
        status: 503,
        body: { status: 'unavailable', database: { dialect: 'sqlite', state: 'failing' } },
      });
      await sql.raw('pragma max_page_count = 1073741823').execute(db);
      expect((await save('空きができた')).status).toBe(303);
      expect(await readyz()).toEqual({
        status: 200,
        body: { status: 'ready', database: { dialect: 'sqlite', state: 'ok' } },
      });
    } finally {
      spy.mockRestore();
      await sql.raw('pragma max_page_count = 1073741823').execute(db);
    }
  });
});

describe('a SQLite file with a damaged page in the middle', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const store = openDatabase(database.url);
    await migrateToLatest(store.db);
    await ensureSeeded(createAppContext(store), () => [readOgoriBundle()]);
    const { page_count: pages, page_size: size } = (
      await sql<{ page_count: number; page_size: number }>`select * from pragma_page_count, pragma_page_size`.execute(
        store.db,
      )
    ).rows[0]!;
    await store.close(); // checkpoints the log into the file
    const target = parseDatabaseUrl(database.url);
    if (target.dialect !== 'sqlite') throw new Error('not a file');
    // Overwrite the page in the middle of the file with bytes no page has.
    const fd = openSync(target.file, 'r+');
    writeSync(fd, Buffer.alloc(size, 0xa5), 0, size, Math.floor(pages / 2) * size);
    closeSync(fd);
  }, 60_000);
  afterAll(() => database?.drop());

  it('is reported at start and by /readyz', async () => {
    const store = openDatabase(database.url);
    const spy = vi.spyOn(logger, 'error');
    const running = await startServer({ ctx: createAppContext(store), port: 0, handleSignals: false });
    try {
      const logged = spy.mock.calls.map(([fields, message]) => ({
        message,
        problems: (fields as { problems?: string[] }).problems,
      }));
      expect(logged).toHaveLength(1);
      expect(logged[0]!.message).toBe(
        'the database file is damaged (quick_check); restore it from a backup (docs/operations.md)',
      );
      expect(logged[0]!.problems!.length).toBeGreaterThan(0);
      const res = await fetch(`${running.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', database: { dialect: 'sqlite', state: 'corrupt' } });
    } finally {
      spy.mockRestore();
      await running.close();
    }
  });
});
