import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppContext,
  listWaitingWork,
  login,
  openReportingRound,
  type RoundWork,
  reviewReport,
  saveReport,
} from '../../src/app/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, TEST_PASSWORD, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ROUND = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };

/** Lists as "code:state" strings, so one expectation shows the whole home of a person. */
const shape = (w: RoundWork) => ({
  lists: Object.fromEntries(Object.entries(w.lists).map(([k, rows]) => [k, rows!.map((r) => `${r.code}:${r.state}`)])),
  notices: w.notices.map((n) => [n.kind, n.rows.map((r) => r.code)]),
});

for (const dialect of DIALECTS) {
  describe(`staff home: what waits for whom (${dialect})`, () => {
    let server: TestServer;
    let clock = new Date('2024-05-27T00:00:00Z');
    const staff: Record<string, TestStaff> = {};
    const ctx = (): AppContext => server.ctx;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => clock });
      staff.office = await buildStaff(ctx(), { role: 'plan-office' });
      staff.editor = await buildStaff(ctx(), { role: 'department-editor', department: 'keiei-senryaku' });
      staff.boss = await buildStaff(ctx(), { role: 'department-approver', department: 'keiei-senryaku' });
      staff.viewer = await buildStaff(ctx(), { role: 'viewer' });
      await openReportingRound({ ctx: ctx(), actor: staff.office.actor, ...ROUND, dueDate: '2024-05-31' });
      const as = (s: TestStaff, code: string) => ({ ctx: ctx(), actor: s.actor, ...ROUND, code });
      const values = { actual: '実施した', rating: '70' };
      for (const code of ['1-2', '4-1', '5-3', '12-2'])
        await saveReport({ ...as(staff.editor!, code), expectedVersion: 1, values, submit: true });
      await saveReport({ ...as(staff.editor!, '1-1'), expectedVersion: 1, values });
      await reviewReport({ ...as(staff.boss!, '1-2'), decision: 'return', note: '内訳を書いてください' });
      await reviewReport({ ...as(staff.boss!, '5-3'), decision: 'approve' });
      await reviewReport({ ...as(staff.office!, '5-3'), decision: 'return', note: '数値を確認してください' });
      await reviewReport({ ...as(staff.boss!, '12-2'), decision: 'approve' });
    }, 60_000);
    afterAll(() => server.close());

    const work = async (s: TestStaff) => {
      const all = await listWaitingWork({ ctx: ctx(), actor: s.actor, organizationSlug: 'ogori' });
      expect(all.map((w) => [w.planSlug, w.fy, w.dueDate])).toEqual([['action-plan-2', 2023, '2024-05-31']]);
      return all[0]!;
    };

    it('gives the editor what to enter and what came back, and the 課長 also what to approve', async () => {
      const toEnter = ['1-1:in_progress', '13-1:not_started', '13-2:not_started', '14-2:not_started'];
      expect(shape(await work(staff.editor!))).toEqual({
        lists: { toEnter, returned: ['1-2:returned'], overdue: [] },
        notices: [['due-soon', ['1-1', '1-2', '13-1', '13-2', '14-2']]],
      });
      expect(shape(await work(staff.boss!))).toEqual({
        lists: {
          toEnter,
          returned: ['1-2:returned', '5-3:awaiting_approval'],
          toApprove: ['4-1:awaiting_approval'],
          overdue: [],
        },
        notices: [['approval', ['4-1', '5-3']]],
      });
    });

    it('gives the plan office what waits at its step, and everyone what is overdue once the date has passed', async () => {
      expect(shape(await work(staff.office!)).lists.toApprove).toEqual(['12-2:submitted']);
      clock = new Date('2024-06-03T00:00:00Z');
      const editor = shape(await work(staff.editor!));
      expect(editor.lists.overdue).toEqual([
        '1-1:in_progress',
        '1-2:returned',
        '4-1:awaiting_approval',
        '5-3:awaiting_approval',
        '13-1:not_started',
        '13-2:not_started',
        '14-2:not_started',
      ]);
      expect(editor.notices).toEqual([['overdue', ['1-1', '1-2', '13-1', '13-2', '14-2']]]);
      const viewer = await work(staff.viewer!);
      expect(Object.keys(viewer.lists)).toEqual(['overdue']);
      // 40 initiatives, of which only 12-2 has reached the plan office.
      expect(viewer.lists.overdue!.length).toBe(39);
      clock = new Date('2024-05-27T00:00:00Z');
    });

    it('shows counts, lists and (without SMTP) the reminders as notices on the home page, in both languages', async () => {
      const { token } = await login({ ctx: ctx(), identifier: staff.boss!.email, password: TEST_PASSWORD, ip: 'ww' });
      const home = async (query = '') => {
        const res = await server.get(`/staff/${query}`, { headers: { cookie: `shinchoku_session=${token}` } });
        expect(res.status).toBe(200);
        return textOf(await res.text());
      };
      const ja = await home();
      expect(ja).toContain(
        'あなたを待っている作業（令和5年度・もっとつながるまち小郡アクションプラン） お知らせ ' +
          'メール通知が設定されていないため、リマインダーの内容をここに表示します。 ' +
          '課内承認を待っている取組が2件あります（令和5年度）。',
      );
      expect(ja).toContain('入力待ち（4件） 差し戻された取組（2件） 承認待ち（1件） 期限超過（0件）');
      expect(ja).toContain('承認待ち（1件） 4-1 ');
      // The 課長's page of a report waiting for them has one comment box: the note that goes with the decision.
      const task = await (
        await server.get('/staff/plans/action-plan-2/rounds/2023/tasks/4-1?lang=ja', {
          headers: { cookie: `shinchoku_session=${token}` },
        })
      ).text();
      expect([task.match(/<textarea[^>]*name="note"/g)?.length, task.includes('name="text"')]).toEqual([1, false]);
      expect(textOf(task)).toContain(
        'コメント（差し戻す場合は必須） 承認または差戻しとともに記録され、入力した職員に表示されます。',
      );
      const en = await home('?lang=en');
      expect(en).toContain('Waiting for your approval (FY2023): 2.');
      expect(en).toContain('To enter (4) Returned to you (2) To approve (1) Overdue (0)');
    });
  });
}
