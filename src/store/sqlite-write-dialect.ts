import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import type { DatabaseHealth } from './database-health.ts';

/**
 * SQLite as several processes share one file (two servers, `serve --workers N`). Kysely begins transactions
 * with a deferred `begin`: one that reads and then writes finds, when another process wrote in between, that
 * its snapshot is stale and fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT), which no busy
 * timeout waits out. `begin immediate` takes the write lock first, so the busy timeout applies and the second
 * writer waits its turn. Readers outside transactions are not held up (WAL). Errors that say the file cannot
 * be written or trusted (full disk, I/O, corruption) are noted in the store's health for /readyz.
 */
export class SqliteWriteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #sqlite: SqliteDatabase.Database;
  readonly #health: DatabaseHealth;

  constructor(config: SqliteDialectConfig, sqlite: SqliteDatabase.Database, health: DatabaseHealth) {
    super(config);
    this.#config = config;
    this.#sqlite = sqlite;
    this.#health = health;
  }

  override createDriver(): Driver {
    return new SqliteWriteDriver(this.#config, this.#sqlite, this.#health);
  }
}

class SqliteWriteDriver extends SqliteDriver {
  readonly #sqlite: SqliteDatabase.Database;
  readonly #health: DatabaseHealth;
  #watched: DatabaseConnection | undefined;

  constructor(config: SqliteDialectConfig, sqlite: SqliteDatabase.Database, health: DatabaseHealth) {
    super(config);
    this.#sqlite = sqlite;
    this.#health = health;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.#watched ??= this.#watch(connection);
    return this.#watched;
  }

  /** The one connection, noting faults and writes that reached the file (a commit, a write outside one). */
  #watch(connection: DatabaseConnection): DatabaseConnection {
    const sqlite = this.#sqlite;
    const health = this.#health;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        try {
          const result = await connection.executeQuery<R>(query);
          if (!sqlite.inTransaction && (query.sql === 'commit' || result.numAffectedRows !== undefined)) {
            health.written();
          }
          return result;
        } catch (e) {
          health.note(e);
          throw e;
        }
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // After SQLITE_FULL, SQLITE_IOERR or SQLITE_CORRUPT, SQLite has rolled the transaction back itself; a second
    // rollback would throw "cannot rollback - no transaction is active" in place of the error that happened.
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}
