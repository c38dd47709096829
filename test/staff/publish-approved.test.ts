import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getReport,
  login,
  openReportingRound,
  resolveStaffSession,
  reviewReport,
  saveReport,
  systemActor,
} from '../../src/app/index.ts';
import { exportSite } from '../../src/web/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, TEST_PASSWORD, type TestStaff } from '../harness/staff-factory.ts';
import { siteFiles } from '../harness/static-site.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const round = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
const PUBLISH = '/staff/plans/action-plan-2/publish';
const DRAFT = '下書きの秘密コメント';
const APPROVED = '承認された内容のコメント';
const squeeze = (s: string) => s.replace(/\s+/g, '');

// Issue #15: an edition carries, per initiative, only what was approved; drafts never reach any public output.
for (const dialect of DIALECTS) {
  describe(`publishing exactly what was approved, on ${dialect}`, () => {
    let server: TestServer;
    const staff: Record<string, TestStaff> = {};
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T00:00:00Z') });
      const ctx = server.ctx;
      staff.editor = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku' });
      staff.approver = await buildStaff(ctx, { role: 'department-approver', department: 'keiei-senryaku' });
      staff.office = await buildStaff(ctx, { role: 'plan-office' });
      await openReportingRound({ ctx, actor: systemActor(), ...round, dueDate: '2024-05-31' });
      const save = async (code: string, comment: string, rating: string, submit: boolean) => {
        const view = await getReport({ ctx, actor: staff.editor!.actor, ...round, code });
        await saveReport({
          ctx,
          actor: staff.editor!.actor,
          ...round,
          code,
          expectedVersion: view.version,
          values: { ...view.values, actual: `${code}の実績`, rating, comment },
          submit,
        });
      };
      // 1-1: a draft at 0%, never submitted. 1-2: submitted and approved by the 課長 and the plan office.
      await save('1-1', DRAFT, '0', false);
      await save('1-2', APPROVED, '80', true);
      await reviewReport({ ctx, actor: staff.approver.actor, ...round, code: '1-2', decision: 'approve' });
      await reviewReport({ ctx, actor: staff.office.actor, ...round, code: '1-2', decision: 'approve' });
    });
    afterAll(() => server.close());

    async function publish(fields: Record<string, string>) {
      const { token } = await login({
        ctx: server.ctx,
        identifier: staff.office!.email,
        password: TEST_PASSWORD,
        ip: 'pub',
      });
      const csrf = (await resolveStaffSession(server.ctx, token))!.csrfToken;
      const res = await server.get(PUBLISH, {
        method: 'POST',
        headers: { cookie: `shinchoku_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, name: '令和5年度実績反映版', fy: '2023', ...fields }),
      });
      return { status: res.status, text: textOf(await res.text()), location: res.headers.get('location'), token };
    }

    it('lists the unapproved by 課 and state and publishes only after the count is confirmed', async () => {
      const { token } = await login({
        ctx: server.ctx,
        identifier: staff.office!.email,
        password: TEST_PASSWORD,
        ip: 'pub',
      });
      const page = textOf(
        await (await server.get(PUBLISH, { headers: { cookie: `shinchoku_session=${token}` } })).text(),
      );
      expect(page).toContain('令和5年度の照会で承認済でない取組が39件あります。');
      expect(page).toContain('担当課 状況 取組 経営戦略課 未着手 4-1 市制施行50周年記念事業の実施、5-3 ');
      expect(page).toContain('経営戦略課 入力中 1-1 車座トーク、出前トークの利用者アップ 総務広報課 未着手 1-3 ');
      expect(page).toContain('未承認の39件は前回の内容のまま公表します');
      const unconfirmed = await publish({});
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.text).toContain(
        '未承認の39件は前回の内容のまま公表します。よろしければ確認欄にチェックを入れてください',
      );
      const stale = await publish({ confirmWithheld: '38' });
      expect(stale.status).toBe(400);
      const outOfPeriod = await publish({ fy: '2019', confirmWithheld: '39' });
      expect(outOfPeriod.status).toBe(400);
      expect(outOfPeriod.text).toContain('年度は計画期間（令和4年度～令和6年度）の中で指定してください');
      const done = await publish({ confirmWithheld: '39' });
      expect(done.status).toBe(303);
      // The notice names the edition the address's id finds, not words the address carries.
      expect(done.location).toMatch(/^\/staff\/plans\/action-plan-2\/publish\?notice=published&edition=[\w-]+$/);
      const after = await server.get(done.location!, { headers: { cookie: `shinchoku_session=${done.token}` } });
      expect(textOf(await after.text())).toContain('「令和5年度実績反映版」を公表しました。');
    }, 120_000);

    it('keeps the draft out of the portal, API, CSV, JSON, PDF, xlsx and static export', async () => {
      const base = '/ogori/action-plan-2';
      const page = textOf(await (await server.get(`${base}/initiatives/1-1`)).text());
      expect(page).not.toContain(DRAFT);
      expect(textOf(await (await server.get(`${base}/initiatives/1-2`)).text())).toContain(APPROVED);
      const api = await (await server.get(`/api/v1/organizations/ogori/plans/action-plan-2/initiatives/1-1`)).json();
      const apiText = JSON.stringify(api);
      expect([apiText.includes(DRAFT), apiText.includes('1-1の実績')]).toEqual([false, false]);
      const approvedApi = JSON.stringify(
        await (await server.get(`/api/v1/organizations/ogori/plans/action-plan-2/initiatives/1-2`)).json(),
      );
      expect(approvedApi).toContain(APPROVED);
      const json = await (await server.get(`${base}/downloads/edition.json`)).text();
      expect([json.includes(DRAFT), json.includes(APPROVED)]).toEqual([false, true]);
      const csv: string[][] = parse(await (await server.get(`${base}/downloads/edition.csv`)).text());
      const col = csv[0]!.indexOf('令和5年度 目標達成率');
      const rated = (code: string) => csv.find((r) => r[6] === code)![col];
      expect([col > 0, rated('1-1'), rated('1-2')]).toEqual([true, '', '80%']);
      const work = mkdtempSync(path.join(tmpdir(), 'shinchoku-approved-'));
      try {
        const pdf = path.join(work, 'edition.pdf');
        writeFileSync(pdf, new Uint8Array(await (await server.get(`${base}/downloads/edition.pdf`)).arrayBuffer()));
        const pdfText = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
        expect([pdfText.includes(DRAFT), pdfText.includes(APPROVED)]).toEqual([false, true]);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await (await server.get(`${base}/downloads/edition.xlsx`)).arrayBuffer());
        const cells: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
        expect([cells.some((c) => c.includes(DRAFT)), cells.some((c) => c.includes(APPROVED))]).toEqual([false, true]);
        const site = path.join(work, 'site');
        await exportSite({ ctx: server.ctx, dir: site, organizationSlug: 'ogori' });
        const texts = siteFiles(site)
          .filter((f) => /\.(html|csv|json)$/.test(f))
          .map((f) => readFileSync(path.join(site, f), 'utf8'));
        expect([texts.some((t) => t.includes(DRAFT)), texts.some((t) => t.includes(APPROVED))]).toEqual([false, true]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }, 120_000);
  });
}
