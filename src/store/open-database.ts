import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { DatabaseHealth } from './database-health.ts';
import type { Database } from './database-schema.ts';
import { type DatabaseTarget, parseDatabaseUrl } from './database-url.ts';
import { withPreparedStatements } from './pg-prepared-statements.ts';
import { SqliteWriteDialect } from './sqlite-write-dialect.ts';
import { withStatementCache } from './statement-cache.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

export interface Store {
  db: Kysely<Database>;
  dialect: DatabaseTarget['dialect'];
  target: DatabaseTarget;
  /** Faults seen on the database file (SQLite): a full disk, I/O errors, corruption; for /readyz. */
  health: DatabaseHealth;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Max PostgreSQL pool connections. */
  poolSize?: number;
  /**
   * PostgreSQL: run queries as named prepared statements, up to this many texts per connection (default 200);
   * 0 turns them off (needed behind a connection pooler in transaction mode, such as PgBouncer before 1.21).
   */
  preparedStatements?: number;
  /** Told when PostgreSQL ends a pooled connection, idle or in use (the pool opens new ones by itself). */
  onConnectionError?: (err: Error) => void;
}

/** Opens the database named by a DATABASE_URL value (see parseDatabaseUrl). Does not migrate. */
export function openDatabase(url: string | undefined, options: OpenOptions = {}): Store {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file);
    // WAL lets readers proceed during a write; busy_timeout makes a second process wait instead of failing.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const health = new DatabaseHealth();
    const checkpointer = target.file === ':memory:' ? undefined : startWalCheckpointer(sqlite, target.file);
    const db = new Kysely<Database>({
      dialect: new SqliteWriteDialect({ database: withStatementCache(sqlite) }, sqlite, health),
    });
    return {
      db,
      dialect: 'sqlite',
      target,
      health,
      close: async () => {
        await checkpointer?.stop();
        await db.destroy(); // the last connection to close checkpoints what is left and removes the log
      },
    };
  }
  // While PostgreSQL is down a request fails within 5 s (503) instead of waiting for a connection forever.
  const pool = new (loadPg().Pool)({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
  });
  const onError = (err: Error) => options.onConnectionError?.(err);
  // An idle connection the server ends (restart, failover, pg_terminate_backend) is reported as an 'error'
  // event; unheard, it would crash the process. The pool drops that client and opens a new one when needed;
  // checked-out clients get their own handler (withPreparedStatements).
  pool.on('error', onError);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: withPreparedStatements(pool, options.preparedStatements ?? 200, onError) }),
  });
  return { db, dialect: 'postgres', target, health: new DatabaseHealth(), close: () => db.destroy() };
}

/** node-postgres, required only for a PostgreSQL URL: a process on SQLite never holds its modules. */
function loadPg(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}
