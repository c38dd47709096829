import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, ensureSeeded } from '../../src/app/index.ts';
import { migrateToLatest, openDatabase, type Store } from '../../src/store/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../harness/postgres-server.ts';
import { type ServerProcess, startServerProcess } from '../harness/server-process.ts';
import { buildStaff, openOgoriRound, signInStaff } from '../harness/staff-factory.ts';

const SAVES = 100;
const BATCH = 5;
const COMMENTS = '/staff/plans/action-plan-2/rounds/2023/tasks/1-1/comments';
const UNAVAILABLE =
  'データベースに接続できないため、処理を完了できませんでした。しばらくしてから、もう一度お試しください';

/**
 * PostgreSQL going away under writes: connections ended with pg_terminate_backend, a fast stop and an immediate
 * stop (as a crash), each while saves are in flight, against `shinchoku serve` in its own process on its own
 * PostgreSQL (with durable settings). The process must stay up, every save it acknowledged must be in the
 * database, every other must have got a clear 503, and it must serve again once PostgreSQL is back, unrestarted.
 */
/** One request on a connection of its own (no keep-alive: a reused idle socket could race its close). */
function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('PostgreSQL lost during 100 saves', () => {
  let postgres: ThrowawayPostgres;
  let store: Store;
  let server: ServerProcess;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ durable: true });
    store = openDatabase(postgres.url, { onConnectionError: () => {} });
    await migrateToLatest(store.db);
    const ctx = createAppContext(store);
    await ensureSeeded(ctx, () => [readOgoriBundle()]);
    await openOgoriRound(ctx);
    const office = await buildStaff(ctx, { role: 'plan-office' });
    session = await signInStaff(ctx, office.email, 'faults');
    server = await startServerProcess({ DATABASE_URL: postgres.url });
  }, 180_000);
  afterAll(async () => {
    if (server && !server.alive()) console.log(`[faults] the server died:\n${server.stderr().slice(-3000)}`);
    await server?.stop();
    await store?.close();
    await postgres?.stop();
  });

  const save = async (i: number) => {
    try {
      const res = await send(`${server.url}${COMMENTS}`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: session.csrf, text: `fault-save-${i}` }).toString(),
      });
      return { i, status: res.status, clear: res.status === 503 && res.body.includes(UNAVAILABLE) };
    } catch (e) {
      return { i, status: 0, clear: false, error: String(e) };
    }
  };

  const terminateAll = async () => {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and backend_type = 'client backend'",
    );
    await admin.end();
  };

  const readiness = async () => {
    const res = await send(`${server.url}/readyz`);
    return { status: res.status, body: JSON.parse(res.body) as unknown };
  };

  it('stays up, keeps every acknowledged save, answers the others 503, and recovers without a restart', async () => {
    const results: Awaited<ReturnType<typeof save>>[] = [];
    const seenWhileDown: unknown[] = [];
    const faults = ['terminate', 'fast', 'terminate', 'immediate'] as const;
    for (let start = 0; start < SAVES; start += BATCH) {
      const batch = Array.from({ length: BATCH }, (_, k) => save(start + k));
      const batchNo = start / BATCH;
      const fault = faults[((batchNo - 1) / 2) % faults.length]!;
      if (batchNo % 2 === 1) {
        // The fault lands while this batch's saves are in flight.
        await new Promise((r) => setTimeout(r, 5));
        if (fault === 'terminate') await terminateAll();
        else {
          postgres.halt(fault);
          results.push(...(await Promise.all(batch)));
          results.push(await save(SAVES + start)); // one more while PostgreSQL is down
          seenWhileDown.push(await readiness());
          postgres.resume();
          continue;
        }
      }
      results.push(...(await Promise.all(batch)));
    }
    expect(server.alive()).toBe(true);
    // Back without a restart: ready again, and a save goes through.
    let ready = await readiness();
    for (let i = 0; ready.status !== 200 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await readiness();
    }
    expect(ready).toEqual({ status: 200, body: { status: 'ready', database: { dialect: 'postgres', state: 'ok' } } });
    expect((await save(SAVES * 2)).status).toBe(303);
    // 10 faults: terminate, fast stop, terminate, immediate stop, …: five times PostgreSQL was down.
    expect(seenWhileDown).toEqual(
      Array(5).fill({
        status: 503,
        body: { status: 'unavailable', database: { dialect: 'postgres', state: 'unreachable' } },
      }),
    );

    const stored = new Set(
      (await store.db.selectFrom('review_notes').select('text').where('text', 'like', 'fault-save-%').execute()).map(
        (r) => r.text,
      ),
    );
    const acknowledged = results.filter((r) => r.status === 303);
    const refused = results.filter((r) => r.status !== 303);
    console.log(
      `[faults] postgres loss: ${acknowledged.length} acknowledged, ${refused.length} answered 503, ${stored.size - acknowledged.length - 1} refused but committed`,
    );
    expect(acknowledged.filter((r) => !stored.has(`fault-save-${r.i}`))).toEqual([]);
    expect(refused.filter((r) => !r.clear)).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    expect(server.stderr()).not.toMatch(/Unhandled 'error' event|uncaught/i);
  }, 300_000);
});
