import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * SQLite as several processes share one file (two servers, `serve --workers N`). Kysely begins transactions
 * with a deferred `begin`: one that reads and then writes finds, when another process wrote in between, that
 * its snapshot is stale and fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT), which no busy
 * timeout waits out. `begin immediate` takes the write lock first, so the busy timeout applies and the second
 * writer waits its turn. Readers outside transactions are not held up (WAL).
 */
export class SqliteWriteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #sqlite: SqliteDatabase.Database;

  constructor(config: SqliteDialectConfig, sqlite: SqliteDatabase.Database) {
    super(config);
    this.#config = config;
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new SqliteWriteDriver(this.#config, this.#sqlite);
  }
}

class SqliteWriteDriver extends SqliteDriver {
  readonly #sqlite: SqliteDatabase.Database;

  constructor(config: SqliteDialectConfig, sqlite: SqliteDatabase.Database) {
    super(config);
    this.#sqlite = sqlite;
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
