import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppContext,
  createBackup,
  type EditionViewRecord,
  findPublicEdition,
  listEditionViews,
  publishEdition,
  restoreBackup,
  systemActor,
  withContent,
} from '../../src/app/index.ts';
import {
  csvWithBom,
  EDITION_FILE_NAMES,
  EDITION_FILES_AT_START,
  EDITION_FILES_VERSION,
  type EditionFileName,
  fileBytes,
  fillEditionFiles,
  indicatorRows,
  initiativeRows,
  pdfAvailable,
  renderEditionFile,
  storePublishedFiles,
  writeCsv,
} from '../../src/reports/index.ts';
import { getEditionView, migrateToLatest, openDatabase, upsertEditionViews } from '../../src/store/index.ts';
import { createTestDatabase, DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ORG = 'ogori';
const digest = (v: EditionViewRecord | undefined) =>
  v && [v.name, v.version, v.encoding, createHash('sha256').update(fileBytes(v)).digest('hex')];
const PLAN = 'action-plan-2';
const BASE = `/${ORG}/${PLAN}`;

for (const dialect of DIALECTS) {
  describe(`stored files of published editions on ${dialect}`, () => {
    let server: TestServer;
    let tick = 0;
    // Each write gets its own time, so a file drawn twice would show in its row's created_at.
    const now = () => new Date(Date.UTC(2026, 11, 6, 12, 0, tick++));

    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now });
    });
    afterAll(() => server.close());

    const current = () => findPublicEdition(server.ctx, { organizationSlug: ORG, planSlug: PLAN });
    const keyOf = (found: Awaited<ReturnType<typeof current>>) => ({
      organizationId: found.organization.id,
      editionId: found.edition.id,
    });
    const expected = (names: readonly EditionFileName[]) =>
      [...names].filter((n) => pdfAvailable() || !n.startsWith('pdf/')).sort();

    it('stores every file when an edition is published, each equal to a fresh rendering of its content', async () => {
      const published = await publishEdition({
        ctx: server.ctx,
        actor: systemActor('test'),
        organizationSlug: ORG,
        planSlug: PLAN,
        name: '令和4年度実績反映版（再掲）',
        fy: 2022,
      });
      const key = { organizationId: published.organizationId, editionId: published.id };
      await storePublishedFiles(server.ctx, key);
      expect(await listEditionViews(server.ctx, key, EDITION_FILES_VERSION)).toEqual(expected(EDITION_FILE_NAMES));

      const found = await current();
      expect(found.edition.id).toBe(published.id);
      const pub = await withContent(server.ctx, found);
      for (const name of expected(EDITION_FILE_NAMES)) {
        const stored = await getEditionView(server.ctx.store.db, key.organizationId, key.editionId, name);
        const fresh = await renderEditionFile(name, pub);
        // Compared by digest: a difference names the file without printing a megabyte of base64.
        expect(digest(stored)).toEqual(digest(fresh));
      }

      // Over HTTP the downloads are those stored bytes; the CSVs are the open-data writer's output exactly.
      const csv = await server.get(`${BASE}/downloads/edition.csv?bom=1`);
      // Bytes, not res.text(), which would drop the byte-order mark.
      const csvText = Buffer.from(await csv.arrayBuffer()).toString('utf8');
      expect(csvText).toBe(writeCsv(initiativeRows(pub.content, pub.edition), { bom: true }));
      const indicators = await server.get(`${BASE}/downloads/indicators.csv`);
      expect(await indicators.text()).toBe(writeCsv(indicatorRows(pub.content)));
      expect(csvWithBom('a')).toBe(writeCsv([['a']], { bom: true }).replace(/\r\n$/, ''));
      const xlsx = await server.get(`${BASE}/downloads/edition.xlsx`);
      const storedXlsx = await getEditionView(server.ctx.store.db, key.organizationId, key.editionId, 'xlsx');
      expect(Buffer.from(await xlsx.arrayBuffer()).equals(Buffer.from(fileBytes(storedXlsx!)))).toBe(true);
      expect(xlsx.headers.get('last-modified')).toBe(new Date(found.edition.publishedAt).toUTCString());
      if (pdfAvailable()) {
        const pdf = await server.get(`${BASE}/downloads/edition.pdf?lang=en`);
        const stored = await getEditionView(server.ctx.store.db, key.organizationId, key.editionId, 'pdf/en');
        expect(Buffer.from(await pdf.arrayBuffer()).equals(Buffer.from(fileBytes(stored!)))).toBe(true);
      }
      // Four PDFs are drawn here (two stored, two to compare): generous on a busy machine.
    }, 180_000);

    it('fills the cheap files of editions published before files were stored, once, at start', async () => {
      const found = await current();
      const older = found.editions.find((e) => e.id !== found.edition.id)!;
      const key = { organizationId: found.organization.id, editionId: older.id };
      expect(await listEditionViews(server.ctx, key, EDITION_FILES_VERSION)).toEqual([]);
      expect(await fillEditionFiles(server.ctx, { names: EDITION_FILES_AT_START })).toBe(1);
      expect(await fillEditionFiles(server.ctx, { names: EDITION_FILES_AT_START })).toBe(0);
      expect(await listEditionViews(server.ctx, key, EDITION_FILES_VERSION)).toEqual(expected(EDITION_FILES_AT_START));
    });

    it('draws a heavier file of an older edition once, on its first request, and stores it', async () => {
      const found = await current();
      const older = found.editions.find((e) => e.id !== found.edition.id)!;
      const key = { organizationId: found.organization.id, editionId: older.id };
      const path = `${BASE}/downloads/edition.xlsx?edition=${older.id}`;
      const first = Buffer.from(await (await server.get(path)).arrayBuffer());
      const row = await getEditionView(server.ctx.store.db, key.organizationId, key.editionId, 'xlsx');
      const stamp = await readCreatedAt(key.editionId, 'xlsx');
      const second = Buffer.from(await (await server.get(path)).arrayBuffer());
      expect(second.equals(first)).toBe(true);
      expect(Buffer.from(fileBytes(row!)).equals(first)).toBe(true);
      expect(await readCreatedAt(key.editionId, 'xlsx')).toBe(stamp);
      expect(await listEditionViews(server.ctx, key, EDITION_FILES_VERSION)).toEqual(
        expected([...EDITION_FILES_AT_START, 'xlsx']),
      );
    });

    it('draws a file again, and replaces it, when the stored one was built by other code', async () => {
      const found = await current();
      const key = keyOf(found);
      await upsertEditionViews(
        server.ctx.store.db,
        key.organizationId,
        key.editionId,
        [{ name: 'csv/indicators', version: EDITION_FILES_VERSION - 1, encoding: 'utf8', body: 'stale' }],
        now().toISOString(),
      );
      const pub = await withContent(server.ctx, found);
      const res = await server.get(`${BASE}/downloads/indicators.csv?lang=en`);
      expect(await res.text()).toBe(writeCsv(indicatorRows(pub.content)));
      const row = await getEditionView(server.ctx.store.db, key.organizationId, key.editionId, 'csv/indicators');
      expect(row?.version).toBe(EDITION_FILES_VERSION);
    });

    it('keeps the stored files in a backup and restores them', async () => {
      const backup = await createBackup(server.ctx);
      const target = await createTestDatabase(dialect);
      const store = openDatabase(target.url);
      try {
        await migrateToLatest(store.db);
        const restored = await restoreBackup(createAppContext(store), backup);
        const rows = await server.ctx.store.db.selectFrom('edition_views').selectAll().execute();
        expect(restored.counts.edition_views).toBe(rows.length);
        const copy = await store.db.selectFrom('edition_views').selectAll().execute();
        // Rows by key with a digest of their bytes (a deep comparison of megabytes of Buffer is slow).
        const summary = (xs: typeof rows) =>
          xs
            .map((r) => {
              const bytes = r.bytes ? createHash('sha256').update(r.bytes).digest('hex') : null;
              return [`${r.edition_id}/${r.name}`, r.version, r.encoding, r.body, bytes, r.created_at].join('|');
            })
            .sort();
        expect(summary(copy)).toEqual(summary(rows));
        expect(rows.filter((r) => r.encoding === 'bytes').length).toBe(pdfAvailable() ? 4 : 2);
      } finally {
        await store.close();
        await target.drop();
      }
    });

    async function readCreatedAt(editionId: string, name: string): Promise<string> {
      const row = await server.ctx.store.db
        .selectFrom('edition_views')
        .select('created_at')
        .where('edition_id', '=', editionId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return row.created_at;
    }
  });
}
