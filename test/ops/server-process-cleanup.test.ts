import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { runningServerProcesses, startServerProcess, stopAllServerProcesses } from '../harness/server-process.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

/** Whether a process of this id still exists (signal 0 only checks). */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The harness never leaves a `shinchoku serve` behind: a test that times out or fails before its stop(), a
 * beforeAll whose start was still under way when it timed out, and a server that no longer answers SIGTERM are
 * all ended, so a failed run does not leave processes holding ports, memory and database files.
 */
describe('server processes of the test harness', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const store = openDatabase(database.url);
    await migrateToLatest(store.db);
    await store.close();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('ends the servers a file left running when the file ends', async () => {
    const servers = [
      await startServerProcess({ DATABASE_URL: database.url }),
      await startServerProcess({ DATABASE_URL: database.url }),
    ];
    const pids = servers.map((s) => s.child.pid!);
    expect(pids.map(exists)).toEqual([true, true]);
    expect(await stopAllServerProcesses()).toBe(2);
    expect(pids.map(exists)).toEqual([false, false]);
    expect(servers.map((s) => s.alive())).toEqual([false, false]);
    expect(await stopAllServerProcesses()).toBe(0);
  });

  it('ends a server that is still starting, and its start rejects', async () => {
    const starting = startServerProcess({ DATABASE_URL: database.url });
    const failed = starting.then(
      () => 'started',
      (e: Error) => e.message,
    );
    // The spawn follows the search for a free port; once it is under way, stop it as the file's end would.
    while (runningServerProcesses() === 0) await new Promise((r) => setTimeout(r, 5));
    expect(await stopAllServerProcesses()).toBe(1);
    expect(await failed).toMatch(/^the server exited on start/);
  });

  it('kills a server that does not end on SIGTERM', async () => {
    const server = await startServerProcess({ DATABASE_URL: database.url });
    const pid = server.child.pid!;
    // A stopped process leaves SIGTERM pending, as a hung one would ignore it; only SIGKILL ends it.
    process.kill(pid, 'SIGSTOP');
    await server.stop(200);
    expect(server.alive()).toBe(false);
    expect(server.child.signalCode).toBe('SIGKILL');
    expect(exists(pid)).toBe(false);
  });
});
