import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, login, openReportingRound, resolveStaffSession, systemActor } from '../../src/app/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, TEST_PASSWORD, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ROUND = '/staff/plans/action-plan-2/rounds/2023';
const REF = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };

for (const dialect of DIALECTS) {
  describe(`workbook upload with 提出まで行う says what happened per initiative (${dialect})`, () => {
    let server: TestServer;
    let keiei: TestStaff;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T00:00:00Z') });
      keiei = await buildStaff(server.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
      await openReportingRound({ ctx: server.ctx, actor: systemActor(), ...REF, dueDate: '2024-05-31' });
    }, 60_000);
    afterAll(() => server.close());

    async function filled(cookie: string) {
      const res = await server.get(`${ROUND}/workbook?department=keiei-senryaku`, { headers: { cookie } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const items = wb.getWorksheet('取組')!;
      const headers = (items.getRow(1).values as string[]).slice(1);
      const col = (name: string) => headers.indexOf(name) + 1;
      // 1-1: results and a rating; 1-2: a rating only (no 実績, so it cannot be submitted).
      items.getRow(2).getCell(col('令和5年度 実績')).value = '要綱を改正した\n広報を行った';
      items.getRow(2).getCell(col('自己評価（目標達成率）')).value = '60%';
      items.getRow(3).getCell(col('自己評価（目標達成率）')).value = '50%';
      return wb.xlsx.writeBuffer();
    }

    it('submits the complete initiatives, saves the others as drafts, and lists each one', async () => {
      const { token } = await login({ ctx: server.ctx, identifier: keiei.email, password: TEST_PASSWORD, ip: 'wo' });
      const cookie = `shinchoku_session=${token}`;
      const csrf = (await resolveStaffSession(server.ctx, token))!.csrfToken;
      const mine = await (await server.get(`${ROUND}/mine`, { headers: { cookie } })).text();
      expect(textOf(mine)).toContain('提出まで行う 実績と自己評価が入力済みの取組を、保存のあと課長に提出します。');
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set('submit', '1');
      form.set('file', new Blob([new Uint8Array(await filled(cookie))]), 'keiei.xlsx');
      const res = await server.get(`${ROUND}/workbook`, { method: 'POST', body: form, headers: { cookie } });
      expect(res.status).toBe(200);
      const text = textOf(await res.text());
      expect(text).toContain('2件の取組を保存し、1件を提出しました。 変更のない取組: 6件');
      expect(text).toContain(
        '取組ごとの結果 番号 名称 結果 ' +
          '1-1 車座トーク、出前トークの利用者アップ 提出しました（課内承認待ち） ' +
          '1-2 市長発信用SNS開設 下書き保存しましたが、提出していません: 実績を1行以上入力してください ' +
          '4-1 市制施行50周年記念事業の実施 変更なし。提出していません: 実績を1行以上入力してください、目標達成率を選んでください',
      );
      const state = async (code: string) =>
        (await getReport({ ctx: server.ctx, actor: keiei.actor, ...REF, code })).task.state;
      expect([await state('1-1'), await state('1-2'), await state('4-1')]).toEqual([
        'awaiting_approval',
        'in_progress',
        'not_started',
      ]);
    });
  });
}
