/**
 * Writes the database fixtures of a release for the upgrade test: a SQLite file and a PostgreSQL dump holding
 * the Ogori plan with a staff user, an open reporting round with a saved draft, and a second published edition,
 * plus the export they must still give after upgrading. Run once per release, before its first new migration:
 *
 *   node --import tsx scripts/make-release-fixture.ts 0.1.0
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  bundleToJson,
  createAppContext,
  createUser,
  ensureSeeded,
  exportBundle,
  openReportingRound,
  publishEdition,
  systemActor,
  updateNodeSheet,
} from '../src/app/index.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { findPostgresBin, startThrowawayPostgres } from '../test/harness/postgres-server.ts';

const release = process.argv[2];
if (!release || !/^\d+\.\d+\.\d+$/.test(release)) throw new Error('usage: make-release-fixture.ts X.Y.Z');
const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'test', 'fixtures', 'releases');
const bundle = JSON.parse(readFileSync(path.join(root, 'data', 'ogori', 'bundle.json'), 'utf8'));
// A fixed clock, so the fixture and its expected export do not change between runs.
const now = () => new Date('2024-06-01T09:00:00.000Z');

async function fill(url: string): Promise<string> {
  const store = openDatabase(url);
  await migrateToLatest(store.db);
  const ctx = createAppContext(store, now);
  const actor = systemActor('fixture');
  await ensureSeeded(ctx, () => [bundle]);
  await createUser({
    ctx,
    actor,
    organizationSlug: 'ogori',
    input: {
      email: 'editor@example.jp',
      displayName: '健康 花子',
      role: 'department-editor',
      departmentCode: 'kenko',
      password: 'fixture-password-1',
    },
  });
  await openReportingRound({
    ctx,
    actor,
    organizationSlug: 'ogori',
    planSlug: 'action-plan-2',
    fy: 2023,
    dueDate: '2024-05-31',
  });
  await updateNodeSheet({
    ctx,
    actor,
    organizationSlug: 'ogori',
    planSlug: 'action-plan-2',
    code: '8-1',
    expectedVersion: 1,
    changes: {
      assessments: [
        { fy: 2022, period: 'FY', level: '60' },
        { fy: 2023, period: 'FY', level: '70' },
      ],
    },
  });
  await publishEdition({
    ctx,
    actor,
    organizationSlug: 'ogori',
    planSlug: 'action-plan-2',
    name: '令和5年度途中版',
    fy: 2023,
  });
  const json = bundleToJson(await exportBundle({ ctx, organizationSlug: 'ogori' }));
  await store.close();
  return json;
}

const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-fixture-'));
try {
  const sqliteFile = path.join(out, `${release}.sqlite`);
  rmSync(sqliteFile, { force: true });
  const expected = await fill(path.join(dir, 'fixture.db'));
  // One self-contained file (no -wal beside it).
  const sqlite = new SqliteDatabase(path.join(dir, 'fixture.db'));
  sqlite.exec(`vacuum into '${sqliteFile.replaceAll("'", "''")}'`);
  sqlite.close();
  const pg = await startThrowawayPostgres();
  try {
    await fill(pg.url);
    const dump = execFileSync(path.join(findPostgresBin(), 'pg_dump'), ['--no-owner', '--no-privileges', pg.url]);
    writeFileSync(path.join(out, `${release}.postgres.sql`), dump);
  } finally {
    await pg.stop();
  }
  writeFileSync(path.join(out, `${release}.export.json`), expected);
  process.stdout.write(`wrote fixtures of release ${release} to ${path.relative(root, out)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
