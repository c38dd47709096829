import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppContext,
  createBackup,
  exportBundle,
  importBundle,
  listOrganizations,
  loadPlan,
  login,
  publishEdition,
  resolveStaffSession,
  restoreBackup,
  systemActor,
  updateNodeSheet,
} from '../../src/app/index.ts';
import { listAuditEvents, listEditions, listPlans } from '../../src/store/index.ts';
import { exportSite } from '../../src/web/index.ts';
import { createAppFixture } from '../harness/app-fixture.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, TEST_PASSWORD, type TestStaff } from '../harness/staff-factory.ts';
import { siteFiles } from '../harness/static-site.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const BASE = '/ogori/action-plan-2';
const API = '/api/v1/organizations/ogori/plans/action-plan-2';
const CORRECTED = '訂正後の題名';

/** Polls until `check` passes: the server repeats public pages from memory for a while (hot-pages.ts). */
async function eventually(check: () => Promise<void>, withinMs = 70_000): Promise<void> {
  const until = Date.now() + withinMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

// Issue #15: a published edition could not be withdrawn.
for (const dialect of DIALECTS) {
  describe(`withdrawing an edition and correcting one, on ${dialect}`, () => {
    let server: TestServer;
    let office: TestStaff;
    let firstId = '';
    let correctionId = '';
    beforeAll(async () => {
      server = await startTestServer({ database: dialect });
      const ctx = server.ctx;
      office = await buildStaff(ctx, { role: 'plan-office' });
      const plan = { ctx, actor: systemActor('test'), organizationSlug: 'ogori', planSlug: 'action-plan-2' };
      const loaded = await loadPlan(ctx.store.db, 'ogori', 'action-plan-2');
      firstId = (await (await server.get(`${API}/editions`)).json())[0].id;
      const row = loaded.nodes.find((n) => n.code === '1-3')!;
      await updateNodeSheet({ ...plan, code: '1-3', expectedVersion: row.version, changes: { title: CORRECTED } });
      const published = await publishEdition({
        ...plan,
        name: '令和4年度実績反映版（訂正）',
        fy: 2022,
        corrects: firstId,
      });
      correctionId = published.id;
    }, 120_000);
    afterAll(() => server.close());

    async function post(p: string, fields: Record<string, string>) {
      const { token } = await login({ ctx: server.ctx, identifier: office.email, password: TEST_PASSWORD, ip: 'wd' });
      const csrf = (await resolveStaffSession(server.ctx, token))!.csrfToken;
      const res = await server.get(p, {
        method: 'POST',
        headers: { cookie: `shinchoku_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      });
      return { status: res.status, text: textOf(await res.text()) };
    }

    it('a correction says what it corrects', async () => {
      expect(textOf(await (await server.get(`${BASE}/`)).text())).toContain('「令和4年度実績反映版」の訂正版です');
      expect(textOf(await (await server.get(`${BASE}/initiatives/1-3`)).text())).toContain(CORRECTED);
    });

    it('needs a reason, then leaves every public output and restores the previous edition', async () => {
      const withdraw = `/staff/plans/action-plan-2/editions/${correctionId}/withdraw`;
      const empty = await post(withdraw, { reason: ' ' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('取り下げる理由を2000文字以内で入力してください');
      expect((await post(withdraw, { reason: '集計に誤りがあったため' })).status).toBe(303);

      const editions = (await (await server.get(`${API}/editions`)).json()) as { id: string }[];
      expect(editions.map((e) => e.id)).toEqual([firstId]);
      expect((await server.get(`${BASE}/?edition=${correctionId}`)).status).toBe(404);
      expect((await server.get(`${BASE}/downloads/edition.csv?edition=${correctionId}`)).status).toBe(404);
      await eventually(async () => {
        expect(textOf(await (await server.get(`${BASE}/initiatives/1-3`)).text())).not.toContain(CORRECTED);
      });
      const work = mkdtempSync(path.join(tmpdir(), 'shinchoku-withdraw-'));
      try {
        await exportSite({ ctx: server.ctx, dir: work, organizationSlug: 'ogori' });
        const files = siteFiles(work);
        expect(files.some((f) => f.includes(correctionId))).toBe(false);
        const texts = files
          .filter((f) => /\.(html|json|csv)$/.test(f))
          .map((f) => readFileSync(path.join(work, f), 'utf8'));
        expect(texts.some((t) => t.includes(CORRECTED))).toBe(false);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }

      // It stays in the audit history and on the staff page, with its reason.
      const [org] = await listOrganizations(server.ctx);
      const events = await listAuditEvents(server.ctx.store.db, org!.id, {
        entityType: 'edition',
        entityId: correctionId,
      });
      expect(events.map((e) => [e.action, e.summary])).toEqual([
        ['edition.withdraw', '令和4年度実績反映版（訂正） 取り下げ: 集計に誤りがあったため'],
        ['edition.publish', '令和4年度実績反映版（訂正）'],
      ]);
      const { token } = await login({ ctx: server.ctx, identifier: office.email, password: TEST_PASSWORD, ip: 'wd' });
      const page = textOf(
        await (
          await server.get('/staff/plans/action-plan-2/publish', { headers: { cookie: `shinchoku_session=${token}` } })
        ).text(),
      );
      expect(page).toContain('令和4年度実績反映版（訂正） （取り下げ: 集計に誤りがあったため）');
      expect((await post(withdraw, { reason: '二度目' })).status).toBe(409);
    }, 180_000);

    it('export, import and backup/restore keep it withdrawn, with its reason and the 訂正版 link', async () => {
      const bundle = await exportBundle({ ctx: server.ctx, organizationSlug: 'ogori' });
      const carried = bundle.editions.map((e) => [e.id, e.name, e.withdrawn?.reason, e.corrects]);
      expect(carried).toEqual([
        [firstId, '令和4年度実績反映版', undefined, undefined],
        [correctionId, '令和4年度実績反映版（訂正）', '集計に誤りがあったため', firstId],
      ]);
      const editionsOf = async (ctx: AppContext, slug: string) => {
        const org = (await listOrganizations(ctx)).find((o) => o.slug === slug)!;
        const plan = (await listPlans(ctx.store.db, org.id))[0]!;
        return (await listEditions(ctx.store.db, org.id, plan.id)).map((e) => ({
          name: e.name,
          current: e.isCurrent,
          withdrawn: e.withdrawnReason,
          corrects: e.correctsId,
          id: e.id,
        }));
      };
      // Into the same organization (both editions already there) and into a copy (the ids are taken, so new ones).
      const actor = systemActor('test');
      await importBundle({ ctx: server.ctx, actor, input: bundle, replace: true, discardRounds: true });
      const copy = { ...bundle, organization: { ...bundle.organization, slug: 'ogori-copy' } };
      await importBundle({ ctx: server.ctx, actor, input: copy });
      for (const slug of ['ogori', 'ogori-copy']) {
        const [correction, first] = await editionsOf(server.ctx, slug);
        expect([correction!.name, correction!.current, correction!.withdrawn]).toEqual([
          '令和4年度実績反映版（訂正）',
          false,
          '集計に誤りがあったため',
        ]);
        expect([first!.name, first!.current, correction!.corrects]).toEqual(['令和4年度実績反映版', true, first!.id]);
      }
      expect((await editionsOf(server.ctx, 'ogori-copy'))[0]!.id).not.toBe(correctionId);

      const restored = await createAppFixture(dialect, { empty: true });
      try {
        await restoreBackup(restored.ctx, await createBackup(server.ctx));
        expect(await editionsOf(restored.ctx, 'ogori')).toEqual(await editionsOf(server.ctx, 'ogori'));
        expect((await editionsOf(restored.ctx, 'ogori'))[0]!.withdrawn).toBe('集計に誤りがあったため');
      } finally {
        await restored.close();
      }
    }, 120_000);
  });
}
