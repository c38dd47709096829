import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleToJson, exportBundle, importBundle, systemActor } from '../../src/app/index.ts';
import { sectionOf, textOf } from '../harness/html-text.ts';
import { runCli } from '../harness/run-cli.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const KOMOREBI = path.resolve(import.meta.dirname, '../../data/examples/komorebi/bundle.json');
const BASE = '/komorebi/jikko-keikaku-3';
const API = '/api/v1/organizations/komorebi/plans/jikko-keikaku-3';

for (const dialect of DIALECTS) {
  describe(`editions keep their identity on ${dialect}`, () => {
    let server: TestServer;
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-editions-'));
    const env = () => ({ DATABASE_URL: server.database.url });
    const editions = async () =>
      (
        await server.ctx.store.db
          .selectFrom('editions')
          .select(['id', 'name', 'published_at'])
          .orderBy('name')
          .execute()
      )
        .map((e) => `${e.name} ${e.published_at} ${e.id}`)
        .join('\n');
    const dateOnHome = async (query = '') =>
      textOf(sectionOf(await (await server.get(`${BASE}/${query}`)).text(), /<dl class="facts">/, 'dl'));

    beforeAll(async () => {
      server = await startTestServer({
        database: dialect,
        bundles: () => [JSON.parse(readFileSync(KOMOREBI, 'utf8'))],
        now: () => new Date('2026-12-01T03:00:00Z'),
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('a declared publishedOn is the 公表日, on the portal and in the API', async () => {
      expect(await dateOnHome()).toContain('公表日 2025年7月');
      expect(await dateOnHome('?lang=en')).toContain('Published July 2025');
      const api = await (await server.get(`${API}/editions`)).json();
      expect(api.map((e: { name: string; publishedAt: string }) => [e.name, e.publishedAt])).toEqual([
        ['令和6年度実績反映版', '2025-07'],
      ]);
    });

    it('import --replace keeps the published editions and their ids, also from a plan file without editions', async () => {
      const before = await editions();
      const pinned = (await server.ctx.store.db
        .selectFrom('editions')
        .select('id')
        .where('name', '=', '令和6年度実績反映版')
        .executeTakeFirstOrThrow())!.id;
      const bundle = await exportBundle({ ctx: server.ctx, organizationSlug: 'komorebi' });
      expect(bundle.editions.map((e) => e.id).sort()).toEqual(
        before
          .split('\n')
          .map((l) => l.split(' ')[2])
          .sort(),
      );

      // A plan file without editions and with a changed tree: the plan is replaced, nothing is unpublished.
      const changed = JSON.parse(bundleToJson(bundle));
      changed.editions = [];
      changed.plans[1].nodes[0].title = '差し替え後の題名';
      const file = path.join(dir, `${dialect}-no-editions.json`);
      writeFileSync(file, JSON.stringify(changed));
      const replaced = await runCli(['import', file, '--replace'], env());
      expect([replaced.code, replaced.stderr, replaced.stdout]).toEqual([
        0,
        '',
        'replaced komorebi/jikko-keikaku-2: 14 nodes\nreplaced komorebi/jikko-keikaku-3: 17 nodes\n0 edition(s)\n',
      ]);
      expect(await editions()).toBe(before);
      const page = await server.get(`${BASE}/goals/1?edition=${pinned}`);
      expect(page.status).toBe(200);
      expect(textOf(sectionOf(await page.text(), /<h1>/, 'h1'))).toBe('つながり、支え合うまち');
      const draft = await exportBundle({ ctx: server.ctx, organizationSlug: 'komorebi' });
      expect(draft.plans[1]!.nodes[0]!.title).toBe('差し替え後の題名');

      // The whole export again: its editions are the published ones, kept as they are.
      const again = await importBundle({ ctx: server.ctx, actor: systemActor('test'), input: bundle, replace: true });
      expect([again.editions, again.keptEditions]).toEqual([0, 2]);
      expect(await editions()).toBe(before);
    }, 180_000);

    it('refuses a bundle whose edition changes a published one, and writes nothing', async () => {
      const before = bundleToJson(await exportBundle({ ctx: server.ctx, organizationSlug: 'komorebi' }));
      const bundle = JSON.parse(before);
      bundle.editions[1].content.plan.nodes[0].title = '書き換え';
      bundle.plans[0].title = '書き換え';
      await expect(
        importBundle({ ctx: server.ctx, actor: systemActor('test'), input: bundle, replace: true }),
      ).rejects.toMatchObject({
        code: 'conflict',
        messageEn:
          'edition "令和6年度実績反映版" is already published and differs from the file\'s edition "令和6年度実績反映版"; a published edition never changes, so give a new edition another name',
      });
      expect(bundleToJson(await exportBundle({ ctx: server.ctx, organizationSlug: 'komorebi' }))).toBe(before);
    });

    it('report import-plan-xlsx --replace keeps the editions too', async () => {
      const before = await editions();
      const workbook = path.join(dir, `${dialect}.xlsx`);
      const xlsx = await runCli(
        ['report', 'xlsx', '--org', 'komorebi', '--plan', 'jikko-keikaku-3', '-o', workbook],
        env(),
      );
      expect([xlsx.code, xlsx.stderr]).toEqual([0, '']);
      const res = await runCli(['report', 'import-plan-xlsx', workbook, '--replace'], env());
      expect([res.code, res.stderr, res.stdout]).toEqual([0, '', 'replaced komorebi/jikko-keikaku-3: 17 nodes\n']);
      expect(await editions()).toBe(before);
      expect(await dateOnHome()).toContain('公表日 2025年7月');
    }, 180_000);

    it('export → import into an empty database → export is byte-identical, edition ids included', async () => {
      const exported = bundleToJson(await exportBundle({ ctx: server.ctx, organizationSlug: 'komorebi' }));
      const other = await startTestServer({ database: dialect, bundles: () => [JSON.parse(exported)] });
      try {
        expect(bundleToJson(await exportBundle({ ctx: other.ctx, organizationSlug: 'komorebi' }))).toBe(exported);
      } finally {
        await other.close();
      }
    });
  });
}
