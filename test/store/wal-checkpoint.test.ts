import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { startWalCheckpointer } from '../../src/store/wal-checkpointer.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * SQLite checkpoints run in a worker thread, not inside the commit of whichever request crosses the threshold:
 * the serving connection has automatic checkpoints off, and the worker still moves the log into the database
 * file, so the log does not grow without bound.
 */
describe('SQLite WAL checkpoints off the serving connection', () => {
  it('leaves automatic checkpoints off and still copies the log into the database file', async () => {
    const file = path.join(dir, 'wal.db');
    const store = openDatabase(file);
    try {
      await migrateToLatest(store.db);
      const auto = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
      expect(auto.rows[0]!.wal_autocheckpoint).toBe(0);
      await store.db
        .insertInto('organizations')
        .values({
          id: 'org',
          slug: 'wal',
          name: 'WAL市',
          name_en: null,
          local_government_code: null,
          prefecture: null,
          created_at: '2026-11-24T00:00:00Z',
        })
        .execute();
      const before = statSync(file).size;
      // About 3 MB of audit rows, far past the 1 MB at which the worker checkpoints.
      const payload = 'x'.repeat(3000);
      for (let i = 0; i < 1000; i++) {
        await store.db
          .insertInto('audit_events')
          .values({
            id: `wal-${String(i).padStart(4, '0')}`,
            organization_id: 'org',
            at: '2026-11-24T00:00:00Z',
            actor: 'test',
            action: 'test.write',
            entity_type: 'test',
            entity_id: String(i),
            summary: payload,
            before_json: null,
            after_json: null,
          })
          .execute();
      }
      expect(statSync(file).size - before).toBeLessThan(1 << 20); // the rows are still in the log
      let grown = 0;
      for (let i = 0; i < 60 && grown < 3_000_000; i++) {
        await new Promise((r) => setTimeout(r, 100));
        grown = statSync(file).size - before;
      }
      expect(grown).toBeGreaterThanOrEqual(3_000_000);
    } finally {
      await store.close();
    }
  });

  it('starts its worker thread only once the log needs a checkpoint, so a process that only reads has none', async () => {
    const file = path.join(dir, 'lazy.db');
    const connection = new SqliteDatabase(file);
    connection.pragma('journal_mode = WAL');
    const checkpointer = startWalCheckpointer(connection, file);
    try {
      connection.exec('create table t (v text)');
      // Reads and a small write, then more than one check interval (1 s): the log stays under 1 MB, no worker.
      for (let i = 0; i < 50; i++) connection.prepare('select count(*) from t').get();
      connection.prepare('insert into t values (?)').run('small');
      await new Promise((r) => setTimeout(r, 1500));
      expect(statSync(`${file}-wal`).size).toBeLessThan(1 << 20);
      expect(checkpointer.started).toBe(false);
      // About 2 MB into the log: the next check starts the worker, which then copies the log into the file.
      const insert = connection.prepare('insert into t values (?)');
      connection.transaction(() => {
        for (let i = 0; i < 500; i++) insert.run('y'.repeat(4000));
      })();
      const before = statSync(file).size;
      let grown = 0;
      for (let i = 0; i < 60 && grown < 2_000_000; i++) {
        await new Promise((r) => setTimeout(r, 100));
        grown = statSync(file).size - before;
      }
      expect(checkpointer.started).toBe(true);
      expect(grown).toBeGreaterThanOrEqual(2_000_000);
    } finally {
      await checkpointer.stop();
      connection.close();
    }
  });
});
