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
import { noticeText } from '../notices.ts';
import { BoardPage } from '../pages/board-page.tsx';
import { MyTasksPage } from '../pages/my-tasks-page.tsx';
import { actorProps, fieldErrorsOf, fyParam, planParam } from '../route-helpers.ts';
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
    const fy = Number(field(form, 'fy'));
    try {
      await openReportingRound({
        ...who(c),
        planSlug,
        fy,
        dueDate: field(form, 'dueDate'),
        confirmPastDue: field(form, 'confirmPastDue') === '1',
      });
      return redirectWithNotice(c, `${roundPath(planSlug, fy)}/`, 'opened');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return sendHome(c, ctx, options, {
        errors,
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
    values?: { dueDate: string },
  ) => {
    const planSlug = planParam(c);
    const s = c.get('staff');
    const b = await getRoundBoard({ ...who(c), planSlug, fy: fyParam(c) });
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
    const status = field(form, 'status');
    try {
      await updateRoundSettings({
        ...who(c),
        planSlug: planParam(c),
        fy: fyParam(c),
        expectedVersion: Number(field(form, 'version')),
        dueDate: field(form, 'dueDate') || undefined,
        status: status === 'open' || status === 'closed' ? status : undefined,
        confirmPastDue: field(form, 'confirmPastDue') === '1',
        ...(form.has('confirmClose') && { confirmClose: Number(field(form, 'confirmClose')) }),
      });
      return redirectWithNotice(c, `${roundPath(planParam(c), fyParam(c))}/`, 'round-updated');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return board(c, errors, 400, { dueDate: field(form, 'dueDate') });
    }
  });

  app.post('/plans/:plan/review-settings', async (c) => {
    const form = c.get('form');
    const planSlug = planParam(c);
    await setReviewSettings({
      ...who(c),
      planSlug,
      settings: {
        reviewChain: field(form, 'reviewChain').split(',').filter(Boolean) as ReviewStep[],
        reminderDays: Number(field(form, 'reminderDays')),
        separateDuties: field(form, 'separateDuties') === '1',
      },
    });
    return redirectWithNotice(c, safeLocalPath(field(form, 'back'), '/staff/'), 'chain-saved');
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
