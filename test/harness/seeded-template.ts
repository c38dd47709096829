import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createAppContext, ensureSeeded } from '../../src/app/index.ts';
import { migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { readOgoriBundle } from './app-fixture.ts';

/** Where the run's seeded databases are: test files copy them instead of migrating and seeding their own. */
export interface SeededTemplates {
  /** A migrated SQLite file holding the Ogori plan as `npm start` seeds it (closed, no WAL beside it). */
  sqliteFile: string;
  /** The database on the run's PostgreSQL with the same content, for `create database … template`. */
  postgresDatabase: string;
}

const TEMPLATE_DATABASE = 'shinchoku_seeded_ogori';

async function seed(url: string): Promise<void> {
  const store = openDatabase(url);
  try {
    await migrateToLatest(store.db);
    await ensureSeeded(createAppContext(store), () => [readOgoriBundle()]);
  } finally {
    // A template must have no open connection (PostgreSQL refuses to copy it) and no WAL left (SQLite's copy).
    await store.close();
  }
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Builds the seeded databases once per run (global setup): migrating and importing the Ogori bundle took a share
 * of every file that starts a server or an app fixture, on each dialect. Each file still gets its own copy.
 */
export async function buildSeededTemplates(
  postgresUrl: string,
): Promise<{ templates: SeededTemplates; remove(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-template-'));
  const sqliteFile = path.join(dir, 'ogori.db');
  await seed(`sqlite:${sqliteFile}`);
  await admin(postgresUrl, `drop database if exists ${TEMPLATE_DATABASE}`);
  await admin(postgresUrl, `create database ${TEMPLATE_DATABASE}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  await seed(url.toString());
  return {
    templates: { sqliteFile, postgresDatabase: TEMPLATE_DATABASE },
    remove: async () => {
      rmSync(dir, { recursive: true, force: true });
      await admin(postgresUrl, `drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    },
  };
}
