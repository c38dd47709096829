import { Hono } from 'hono';
import {
  type AppContext,
  can,
  getReviewSettings,
  getRoundBoard,
  isAppError,
  listMyTasks,
  listStaffDepartments,
  openReportingRound,
  type ReviewStep,
  sendRoundReminders,
  setReviewSettings,
  updateRoundSettings,
} from '../../../app/index.ts';
import { readForm } from '../forms/form-body.ts';
import { OpenRoundForm, ReviewSettingsForm, RoundSettingsForm } from '../forms/round-forms.ts';
import { noticeText } from '../notices.ts';
import type { BoardSettingsValues } from '../pages/board-page.tsx';
import { BoardPage } from '../pages/board-page.tsx';
import { MyTasksPage } from '../pages/my-tasks-page.tsx';
import { actorProps, formRefusal, fyParam, planParam, refuseCutBody } from '../route-helpers.ts';
import { redirectWithNotice, safeLocalPath, sendPage } from '../send-page.ts';
import { field, type StaffContext, type StaffEnv } from '../staff-env.ts';
import type { StaffOptions } from '../staff-options.ts';
import { roundPath } from '../staff-paths.ts';
import { sendHome } from './home-routes.tsx';

/** Opening a round, its status board and settings, and "my initiatives". */
export function roundRoutes(ctx: AppContext, options: StaffOptions) {
  const app = new Hono<StaffEnv>();
  const who = (c: StaffContext) => actorProps(ctx, c);

  app.post('/plans/:plan/rounds', async (c) => {
    const form = c.get('form');
    const planSlug = planParam(c);
    try {
      refuseCutBody(c);
      const body = readForm(form, OpenRoundForm);
      // Only digits count: Number('') would be 0, a year nobody chose; the use case names the plan's years.
      const fy = /^\d{4}$/.test(body.fy) ? Number(body.fy) : Number.NaN;
      await openReportingRound({ ...who(c), planSlug, fy, dueDate: body.dueDate, confirmPastDue: body.confirmPastDue });
      return redirectWithNotice(c, `${roundPath(planSlug, fy)}/`, 'opened');
    } catch (e) {
      const refused = formRefusal(c, e);
      if (!refused) throw e;
      return sendHome(c, ctx, options, {
        ...refused,
        values: {
          plan: planSlug,
          fy: field(form, 'fy'),
          dueDate: field(form, 'dueDate'),
          ...(form.has('confirmPastDue') && { confirmPastDue: field(form, 'confirmPastDue') }),
        },
      });
    }
  });

  const board = async (
    c: StaffContext,
    errors: Record<string, string> = {},
    status = 200,
    values?: { dueDate?: string; settings?: BoardSettingsValues },
    fy = fyParam(c),
  ) => {
    const planSlug = planParam(c);
    const s = c.get('staff');
    const b = await getRoundBoard({ ...who(c), planSlug, fy });
    const settings = await getReviewSettings({ ...who(c), planSlug });
    return sendPage(
      c,
      <BoardPage
        text={c.get('text')}
        session={s}
        planSlug={planSlug}
        board={b}
        settings={settings}
        canManage={can(s.actor, 'round.manage', { organizationId: s.actor.organizationId })}
        overdueOnly={c.req.query('overdue') === '1'}
        notice={noticeText(c, { round: { fy: b.fy, tasks: b.rows.length } })}
        errors={errors}
        values={values}
      />,
      status,
    );
  };
  app.get('/plans/:plan/rounds/:fy/', (c) => board(c));

  app.post('/plans/:plan/rounds/:fy/settings', async (c) => {
    const form = c.get('form');
    try {
      refuseCutBody(c);
      const body = readForm(form, RoundSettingsForm);
      await updateRoundSettings({
        ...who(c),
        planSlug: planParam(c),
        fy: fyParam(c),
        expectedVersion: body.version,
        dueDate: body.dueDate || undefined,
        status: body.status,
        confirmPastDue: body.confirmPastDue,
        ...(body.confirmClose !== undefined && { confirmClose: body.confirmClose }),
      });
      return redirectWithNotice(c, `${roundPath(planParam(c), fyParam(c))}/`, 'round-updated');
    } catch (e) {
      const refused = formRefusal(c, e);
      if (!refused) throw e;
      return board(c, refused.errors, refused.status, { dueDate: field(form, 'dueDate') });
    }
  });

  app.post('/plans/:plan/review-settings', async (c) => {
    const form = c.get('form');
    const planSlug = planParam(c);
    const back = safeLocalPath(field(form, 'back'), '/staff/');
    const typed: BoardSettingsValues = {
      reviewChain: field(form, 'reviewChain'),
      reminderDays: field(form, 'reminderDays'),
      separateDuties: field(form, 'separateDuties') === '1',
    };
    try {
      refuseCutBody(c);
      const body = readForm(form, ReviewSettingsForm);
      const days = body.reminderDays.trim();
      await setReviewSettings({
        ...who(c),
        planSlug,
        settings: {
          // The steps as named; the use case refuses a step it does not know.
          reviewChain: body.reviewChain.split(',').filter(Boolean) as ReviewStep[],
          // Only digits count: Number('') would be 0, a window nobody typed.
          reminderDays: /^\d+$/.test(days) ? Number(days) : Number.NaN,
          separateDuties: body.separateDuties,
        },
      });
      return redirectWithNotice(c, back, 'chain-saved');
    } catch (e) {
      const refused = formRefusal(c, e);
      // The form lives on a round's board; it comes back there with what was typed.
      const fy = back.match(/\/rounds\/(\d{4})\/$/)?.[1];
      if (!refused || !fy) throw e;
      return board(c, refused.errors, refused.status, { settings: typed }, Number(fy));
    }
  });

  app.post('/plans/:plan/rounds/:fy/reminders', async (c) => {
    const planSlug = planParam(c);
    const fy = fyParam(c);
    const back = `${roundPath(planSlug, fy)}/`;
    try {
      const r = await sendRoundReminders({
        ...who(c),
        planSlug,
        fy,
        mailer: options.mailer,
        baseUrl: options.baseUrl ?? new URL(c.req.url).origin,
      });
      return redirectWithNotice(c, back, 'reminders', { n: String(r.sent.length) });
    } catch (e) {
      if (isAppError(e) && e.code === 'invalid-state' && !options.mailer)
        return redirectWithNotice(c, back, 'reminders-off');
      throw e;
    }
  });

  app.get('/plans/:plan/rounds/:fy/mine', async (c) => {
    const planSlug = planParam(c);
    const mine = await listMyTasks({ ...who(c), planSlug, fy: fyParam(c) });
    const code = c.get('staff').user.departmentCode;
    const department = (await listStaffDepartments(who(c))).find((d) => d.code === code);
    return sendPage(
      c,
      <MyTasksPage
        text={c.get('text')}
        session={c.get('staff')}
        planSlug={planSlug}
        mine={mine}
        department={department}
      />,
    );
  });
  return app;
}
