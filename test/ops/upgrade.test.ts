import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext, exportBundle, getRoundBoard, login, systemActor } from '../../src/app/index.ts';
import { OrganizationBundle } from '../../src/domain/index.ts';
import { checkIntegrity, knownMigrations, migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { findPostgresBin } from '../harness/postgres-server.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/releases');
const releases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.export.json'))
  .map((f) => f.replace('.export.json', ''));

async function loadFixture(release: string, db: TestDatabase) {
  if (db.dialect === 'sqlite') {
    copyFileSync(path.join(FIXTURES, `${release}.sqlite`), db.url.replace(/^sqlite:/, ''));
  } else {
    execFileSync(
      path.join(findPostgresBin(), 'psql'),
      ['-q', '-v', 'ON_ERROR_STOP=1', '-f', path.join(FIXTURES, `${release}.postgres.sql`), db.url],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  }
}

/** A database written by each earlier release opens, migrates to this release and keeps all its content. */
describe.each(releases)('upgrade from release %s', (release) => {
  const expected = OrganizationBundle.parse(
    JSON.parse(readFileSync(path.join(FIXTURES, `${release}.export.json`), 'utf8')),
  );

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`on ${dialect}: migrates, passes the integrity check, and keeps plans, editions, users and rounds`, async () => {
      const db = await createTestDatabase(dialect);
      try {
        await loadFixture(release, db);
        const store = openDatabase(db.url);
        try {
          const { applied } = await migrateToLatest(store.db);
          expect(knownMigrations().slice(knownMigrations().length - applied.length)).toEqual(applied);
          expect(await checkIntegrity(store)).toEqual({ ok: true, problems: [] });
          const ctx = createAppContext(store, () => new Date('2024-06-02T09:00:00Z'));
          // Exports now carry edition ids (pinned links survive a move), which the release fixture predates.
          const ids = new Map(
            (await store.db.selectFrom('editions').select(['id', 'name']).execute()).map((e) => [e.name, e.id]),
          );
          expect(await exportBundle({ ctx, organizationSlug: 'ogori' })).toEqual({
            ...expected,
            editions: expected.editions.map((e) => ({ id: ids.get(e.name), ...e })),
          });
          const session = await login({
            ctx,
            identifier: 'editor@example.jp',
            password: 'fixture-password-1',
            ip: 'fixture',
          });
          expect(session.organizationSlug).toBe('ogori');
          const board = await getRoundBoard({
            ctx,
            actor: systemActor('test'),
            organizationSlug: 'ogori',
            planSlug: 'action-plan-2',
            fy: 2023,
          });
          expect(board.rows).toHaveLength(40);
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    });
  }
});
