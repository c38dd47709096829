import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  dialect: Dialect;
  /** A DATABASE_URL value for the new database (empty, or seeded when asked). */
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/**
 * A new database of the test's own: a SQLite file in a temp dir, or a fresh database on the run's throwaway
 * PostgreSQL server, so test files never see each other's rows. Empty, or with `seeded` a copy of the run's
 * migrated database holding the Ogori plan as `npm start` seeds it (built once, see seeded-template.ts).
 */
export async function createTestDatabase(dialect: Dialect, options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const templates = options.seeded ? inject('seededTemplates') : undefined;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-sqlite-'));
    if (templates) copyFileSync(templates.sqliteFile, path.join(dir, 'test.db'));
    return {
      dialect,
      url: `sqlite:${path.join(dir, 'test.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = inject('postgresUrl');
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}${templates ? ` template ${templates.postgresDatabase}` : ''}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
