import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getReport,
  getReviewSettings,
  login,
  openReportingRound,
  resolveStaffSession,
  setReviewSettings,
  systemActor,
} from '../../src/app/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, TEST_PASSWORD, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const round = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
const TASK = '/staff/plans/action-plan-2/rounds/2023/tasks';

// Issue #15: a 課長 could submit a report and then approve it themselves.
for (const dialect of DIALECTS) {
  describe(`separation of duties, on ${dialect}`, () => {
    let server: TestServer;
    const staff: Record<string, TestStaff> = {};
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T00:00:00Z') });
      staff.boss = await buildStaff(server.ctx, { role: 'department-approver', department: 'keiei-senryaku' });
      staff.deputy = await buildStaff(server.ctx, { role: 'department-approver', department: 'keiei-senryaku' });
      staff.office = await buildStaff(server.ctx, { role: 'plan-office' });
      await openReportingRound({ ctx: server.ctx, actor: systemActor(), ...round, dueDate: '2024-05-31' });
    });
    afterAll(() => server.close());

    async function post(as: TestStaff, path: string, fields: Record<string, string>) {
      const { token } = await login({ ctx: server.ctx, identifier: as.email, password: TEST_PASSWORD, ip: 'sod' });
      const csrf = (await resolveStaffSession(server.ctx, token))!.csrfToken;
      const res = await server.get(path, {
        method: 'POST',
        headers: { cookie: `shinchoku_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      });
      return { status: res.status, text: textOf(await res.text()) };
    }
    const task = (code: string) => getReport({ ctx: server.ctx, actor: staff.office!.actor, ...round, code });
    async function submitAs(as: TestStaff, code: string) {
      const view = await task(code);
      const res = await post(as, `${TASK}/${code}`, {
        version: String(view.version),
        actual: '課長が入力した実績',
        rating: '70',
        intent: 'submit',
      });
      expect(res.status).toBe(303);
    }
    const approve = async (as: TestStaff, code: string) =>
      post(as, `${TASK}/${code}/review`, { decision: 'approve', taskVersion: String((await task(code)).task.version) });

    it('is on by default: the 課長 who submitted cannot approve, another approver can', async () => {
      expect((await getReviewSettings({ ctx: server.ctx, actor: staff.office!.actor, ...round })).separateDuties).toBe(
        true,
      );
      await submitAs(staff.boss!, '1-1');
      const own = await approve(staff.boss!, '1-1');
      expect(own.status).toBe(409);
      expect(own.text).toContain('ご自身が提出した段階は承認できません（職務の分離）。別の承認者に依頼してください');
      expect((await task('1-1')).task.state).toBe('awaiting_approval');
      expect((await approve(staff.deputy!, '1-1')).status).toBe(303);
      expect((await task('1-1')).task.state).toBe('submitted');
    });

    it('can be turned off per plan', async () => {
      await setReviewSettings({
        ctx: server.ctx,
        actor: staff.office!.actor,
        ...round,
        settings: { reviewChain: ['department-approver', 'plan-office'], reminderDays: 7, separateDuties: false },
      });
      await submitAs(staff.boss!, '1-2');
      expect((await approve(staff.boss!, '1-2')).status).toBe(303);
      expect((await task('1-2')).task.state).toBe('submitted');
    });
  });
}
