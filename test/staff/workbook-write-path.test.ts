import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getReport,
  listRounds,
  openReportingRound,
  reviewReport,
  saveReport,
  systemActor,
  updateRoundSettings,
} from '../../src/app/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ROUND = '/staff/plans/action-plan-2/rounds/2023';
const round = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };

// The attacks of issue #15 on the 照会 workbook, over real HTTP: the upload goes through the checks of the form.
for (const dialect of DIALECTS) {
  describe(`the 課 workbook upload writes only what the form could, on ${dialect}`, () => {
    let server: TestServer;
    const staff: Record<string, TestStaff> = {};
    let workbook: ArrayBuffer;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T00:00:00Z') });
      const ctx = server.ctx;
      staff.editor = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku' });
      staff.approver = await buildStaff(ctx, { role: 'department-approver', department: 'keiei-senryaku' });
      staff.office = await buildStaff(ctx, { role: 'plan-office' });
      await openReportingRound({ ctx, actor: systemActor(), ...round, dueDate: '2024-05-31' });
      // 1-1 goes all the way to 承認済 at 100%; 1-2 is approved by the 課長 and waits at the plan office (提出済).
      for (const code of ['1-1', '1-2']) {
        const view = await getReport({ ctx, actor: staff.editor.actor, ...round, code });
        await saveReport({
          ctx,
          actor: staff.editor.actor,
          ...round,
          code,
          expectedVersion: view.version,
          values: { ...view.values, actual: '承認された実績', rating: '100', comment: '承認された内容' },
          submit: true,
        });
        await reviewReport({ ctx, actor: staff.approver.actor, ...round, code, decision: 'approve' });
      }
      await reviewReport({ ctx, actor: staff.office.actor, ...round, code: '1-1', decision: 'approve' });
      const s = await session(staff.editor);
      const res = await server.get(`${ROUND}/workbook?department=keiei-senryaku`, { headers: { cookie: s.cookie } });
      expect(res.status).toBe(200);
      workbook = await res.arrayBuffer();
    });
    afterAll(() => server.close());

    async function session(s: TestStaff) {
      return signInStaff(server.ctx, s.email, 'wp');
    }

    async function edited(change: (wb: ExcelJS.Workbook, rowOf: (code: string) => number) => void) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(workbook);
      const items = wb.getWorksheet('取組')!;
      const rowOf = (code: string) => {
        for (let r = 2; r <= items.rowCount; r++) if (items.getCell(`A${r}`).value === code) return r;
        throw new Error(`no row ${code}`);
      };
      change(wb, rowOf);
      return wb.xlsx.writeBuffer();
    }

    async function upload(as: TestStaff, data: ArrayBuffer | Uint8Array, path = ROUND) {
      const s = await session(as);
      const form = new FormData();
      form.set('_csrf', s.csrf);
      form.set('file', new Blob([new Uint8Array(data)]), 'keiei.xlsx');
      const res = await server.get(`${path}/workbook`, { method: 'POST', body: form, headers: { cookie: s.cookie } });
      return { status: res.status, text: textOf(await res.text()) };
    }

    const report = (code: string) => getReport({ ctx: server.ctx, actor: staff.office!.actor, ...round, code });

    it('leaves approved and submitted rows as they are, says so, and saves the rest', async () => {
      const file = await edited((wb, rowOf) => {
        const items = wb.getWorksheet('取組')!;
        for (const code of ['1-1', '1-2']) {
          items.getCell(`J${rowOf(code)}`).value = '0%';
          items.getCell(`K${rowOf(code)}`).value = '書き換えたコメント';
        }
        items.getCell(`J${rowOf('4-1')}`).value = '50%';
      });
      const res = await upload(staff.editor!, file);
      expect(res.status).toBe(200);
      expect(res.text).toContain('1件の取組を下書き保存しました。 変更のない取組: 5件');
      expect(res.text).toContain(
        '次の取組は、提出済または承認済のため反映していません（他の取組は保存しました）。 取組「1-1」は承認済のため反映しませんでした 取組「1-2」は提出済のため反映しませんでした',
      );
      const [a, b, c] = [await report('1-1'), await report('1-2'), await report('4-1')];
      expect([a.values.rating, a.values.comment, a.task.state]).toEqual(['100', '承認された内容', 'approved']);
      expect([b.values.rating, b.values.comment, b.task.state]).toEqual(['100', '承認された内容', 'submitted']);
      expect([c.values.rating, c.task.state]).toEqual(['50', 'in_progress']);
    });

    it('refuses a workbook whose year cell names another year, and writes nothing', async () => {
      for (const [year, label] of [
        [2024, '令和6年度'],
        [2022, '令和4年度'],
      ] as const) {
        const file = await edited((wb, rowOf) => {
          wb.getWorksheet('照会情報')!.getCell('B6').value = year;
          wb.getWorksheet('取組')!.getCell(`J${rowOf('5-3')}`).value = '0%';
        });
        const res = await upload(staff.editor!, file);
        expect(res.status).toBe(400);
        expect(res.text).toContain(
          `記入方法!A4: このファイルは${label}の照会用です（この照会は令和5年度です）。令和5年度の照会の画面からダウンロードし直してください`,
        );
      }
      expect((await report('5-3')).values.rating).toBe('');
    });

    it('refuses an added column for another year', async () => {
      const file = await edited((wb, rowOf) => {
        const items = wb.getWorksheet('取組')!;
        items.getCell('L1').value = '令和4年度 実績';
        items.getCell(`L${rowOf('5-3')}`).value = '前年度の実績を書き換え';
      });
      const res = await upload(staff.editor!, file);
      expect(res.status).toBe(400);
      expect(res.text).toContain(
        '取組!L1: 列「令和4年度 実績」は令和5年度の照会では入力できません（入力できるのは令和5年度の実績と翌年度以降の計画です）',
      );
    });

    it('refuses a workbook of another plan, and one of another 課 (403), naming what it is for', async () => {
      const otherPlan = await edited((wb) => {
        wb.getWorksheet('照会情報')!.getCell('B4').value = 'sogo-keikaku';
      });
      const res = await upload(staff.editor!, otherPlan);
      expect(res.status).toBe(400);
      expect(res.text).toContain('記入方法!A2: このファイルは計画「sogo-keikaku」の照会用です');
      const kenko = await buildStaff(server.ctx, { role: 'department-editor', department: 'kenko' });
      const theirs = await upload(kenko, workbook);
      expect(theirs.status).toBe(403);
      expect(theirs.text).toContain('記入方法!A3: このファイルは経営戦略課の照会用です（あなたの担当は健康課です）');
    });

    it('refuses every upload while the round is closed', async () => {
      const [r] = await listRounds({ ctx: server.ctx, actor: staff.office!.actor, ...round });
      await updateRoundSettings({
        ctx: server.ctx,
        actor: staff.office!.actor,
        ...round,
        expectedVersion: r!.version,
        status: 'closed',
        confirmClose: r!.notSubmitted.items,
      });
      const file = await edited((wb, rowOf) => {
        wb.getWorksheet('取組')!.getCell(`J${rowOf('5-3')}`).value = '10%';
      });
      const res = await upload(staff.editor!, file);
      expect(res.status).toBe(409);
      expect(res.text).toContain(
        '次の問題があるため、何も保存していません。 記入方法!A4: この照会は締め切られています 戻る',
      );
      expect((await report('5-3')).values.rating).toBe('');
    });
  });
}
