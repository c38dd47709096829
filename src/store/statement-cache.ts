import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

const LIMIT = 500;

/**
 * The better-sqlite3 handle as Kysely sees it, with prepared statements kept by SQL text. Kysely prepares every
 * query anew, which cost more than running it in the staff-save profile; the same few dozen queries repeat all day.
 * Bulk inserts make one-off SQL texts, so the oldest entries leave once LIMIT is reached. Kysely runs one query at
 * a time on the connection, so a statement is never in use twice at once.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = statements.get(sql);
      if (stmt) {
        statements.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (statements.size >= LIMIT) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, stmt);
      return stmt;
    },
  };
}
